"""Stub entries generated from the core's operation table (``shuangsuiji.operations()``).

The compiled module's table functions (``_shuangsuiji.pyi``) and the package's generated
functions (``__init__.pyi``: the table operations without a hand-written function) have
their stubs between the markers below, written by this script from the table:

    python bindings-python/tests/stubgen.py --write

``test_stubs.py`` fails when the checked-in stubs differ from what the table generates.
"""

from __future__ import annotations

import pathlib
import sys
from typing import Any, Dict, List

BEGIN = "# BEGIN generated from the operation table (bindings-python/tests/stubgen.py)"
END = "# END generated"
PACKAGE = pathlib.Path(__file__).resolve().parents[1] / "python" / "shuangsuiji"

# The Python type of an argument of each kind in the package's functions.
KIND_TYPES = {
    "text": "str",
    "hex": "str",
    "hex_bytes": "Union[str, bytes]",
    "date": "DateLike",
    "integer": "int",
    "document": "JsonSource",
    "committed": "JsonSource",
    "value": "Any",
    "entry": "Union[str, Dict[str, Any], None]",
    "file": "bytes",
}


# Arguments typed more narrowly than their kind: a name from a list of the core's.
PARAM_TYPES = {("deadline", "kind"): "DeadlineKind"}


def literals() -> List[str]:
    """The lists of names the core knows, as ``Literal`` types (``shuangsuiji._types``
    reads the same lists at run time)."""
    import shuangsuiji

    def literal(name: str, values: List[str]) -> str:
        listed = "".join(f'\n    "{v}",' for v in values)
        return f"{name} = Literal[{listed}\n]"

    return [
        literal("DeadlineKind", [k["kind"] for k in shuangsuiji.deadline_kinds()]),
        literal("PresetName", list(shuangsuiji.preset_names())),
    ]


def _ops() -> List[Dict[str, Any]]:
    import shuangsuiji

    return [op for op in shuangsuiji.operations() if op["bound"]]


def compiled_block() -> str:
    """The compiled module's table functions: the table's parameters, any value (None:
    absent), JSON text out."""
    lines = []
    for op in _ops():
        params = ", ".join(f"{p}: Any" for p in op["params"])
        lines.append(f"def {op['name']}({params}) -> str: ...")
    listed = "".join(f'\n    "{op["name"]}",' for op in _ops())
    return "\n".join([f"__all__ += [{listed}\n]", *lines])


def package_block() -> str:
    """The package's functions generated from the table (no hand-written function)."""
    import shuangsuiji

    lines = []
    names = []
    for op in _ops():
        function = getattr(shuangsuiji, op["name"])
        if not getattr(function, "_table_operation", False):
            continue
        names.append(op["name"])
        kinds = {a["name"]: a for a in op["args"]}
        params = []
        for p in op["params"]:
            arg = kinds[p]
            typ = PARAM_TYPES.get((op["name"], p), KIND_TYPES[arg["kind"]])
            params.append(f"{p}: Optional[{typ}] = None" if arg["optional"] else f"{p}: {typ}")
        lines.append(f"def {op['name']}({', '.join(params)}) -> Any: ...")
    listed = "".join(f"\n    {n!r}," for n in names).replace("'", '"')
    return "\n".join([f"__all__ += [{listed}\n]", *literals(), *lines])


def splice(text: str, block: str) -> str:
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{BEGIN}\n{block}\n{END}{tail}"


def files() -> Dict[pathlib.Path, str]:
    """Each stub file as the table generates it."""
    out = {}
    for name, block in (("_shuangsuiji.pyi", compiled_block()), ("__init__.pyi", package_block())):
        path = PACKAGE / name
        out[path] = splice(path.read_text(encoding="utf-8"), block)
    return out


if __name__ == "__main__":
    for path, text in files().items():
        if "--write" in sys.argv:
            path.write_text(text, encoding="utf-8")
        elif path.read_text(encoding="utf-8") != text:
            print(f"{path} differs from the table")
