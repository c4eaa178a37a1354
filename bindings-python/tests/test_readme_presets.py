"""The list of presets in bindings-python/README.md is the core's (``presets()``): name,
territory and content (the preset's title), document, dates and verification. A preset
added or changed in the core fails here until the list is regenerated:

    SSJ_BLESS=1 python -m pytest bindings-python/tests/test_readme_presets.py
"""

import os
import pathlib

import shuangsuiji as ssj

README = pathlib.Path(__file__).resolve().parents[1] / "README.md"
BEGIN = "<!-- BEGIN presets (generated from presets() by bindings-python/tests/test_readme_presets.py) -->"
END = "<!-- END presets -->"


def table() -> str:
    rows = [
        "| preset | territory and content | document | in force | verification |",
        "| --- | --- | --- | --- | --- |",
    ]
    for p in sorted(ssj.presets(), key=lambda p: p["policy"]["name"]):
        prov = p["policy"]["provenance"]
        document = prov["document"] + (f"，{prov['article']}" if prov.get("article") else "")
        dates = f"{prov.get('effective_from', '…')} – {prov.get('effective_to', '')}".rstrip()
        cells = [f"`{p['policy']['name']}`", p["title"], document, dates, prov["verification"]]
        rows.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(rows)


def test_the_readme_lists_the_cores_presets():
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    listed, tail = rest.split(END, 1)
    want = f"\n{table()}\n"
    if os.environ.get("SSJ_BLESS") == "1":
        README.write_text(f"{head}{BEGIN}{want}{END}{tail}", encoding="utf-8")
        listed = want
    assert listed == want, "the README's preset list is not presets(): regenerate with SSJ_BLESS=1"
    assert {f"`{n}`" for n in ssj.preset_names()} <= set(listed.split())
