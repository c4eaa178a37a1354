#!/usr/bin/env bash
# Builds the Python wheels a clerk installs without a Rust toolchain, and checks them
# with the packaging tools (README "Install"):
#
#   target/wheels/shuangsuiji-VERSION-cp39-abi3-manylinux_2_17_x86_64.manylinux2014_x86_64.whl
#   target/wheels/shuangsuiji-VERSION-cp39-abi3-win_amd64.whl
#
# Linux: `maturin build --release --zig --compatibility manylinux2014` (zig links against
# glibc 2.17, so the wheel runs on any x86_64 Linux of the last ten years). Windows:
# `maturin build --release --target x86_64-pc-windows-gnu` with Debian's mingw-w64 (the
# MSVC target would download Microsoft's CRT, which this machine cannot reach). Both are
# abi3: one file for every CPython >= 3.9.
#
# Checks: `auditwheel show` finds the Linux wheel consistent with its manylinux tag;
# `twine check` passes on both; both list the two license texts; the Windows .pyd imports
# only Windows system DLLs and python3.dll; the Linux wheel installs into a fresh venv with
# no Rust on PATH from the file alone (pip --no-index --only-binary :all:) and runs a draw
# golden vector there. The Windows wheel is built and inspected, not run (no Windows here).
#
# Usage: scripts/build-wheels.sh [--no-windows] [--install-into VENV]
#   --install-into VENV  also installs the Linux wheel into VENV (scripts/test.sh uses it
#                        for .venv, so the test command builds the release wheel once).
# Tools come from PyPI into target/wheel-tools (maturin within pyproject.toml's range,
# ziglang, auditwheel, twine), from rustup (the Windows target) and from Debian
# (gcc-mingw-w64-x86-64) when missing; times are printed per step.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

windows=1
install_into=
while [ $# -gt 0 ]; do
  case "$1" in
    --no-windows) windows=0 ;;
    --install-into) install_into=$2; shift ;;
    *) echo "usage: $0 [--no-windows] [--install-into VENV]" >&2; exit 2 ;;
  esac
  shift
done

fail() { echo "build-wheels: $*" >&2; exit 1; }
[ -z "$install_into" ] || [ -x "$install_into/bin/python" ] || fail "--install-into $install_into: no venv there"
t0=$SECONDS
lap() { echo "build-wheels: $1 ($((SECONDS - t0)) s)"; t0=$SECONDS; }

out=target/wheels
tools=target/wheel-tools
version=$(sed -n '/^\[workspace.package\]/,/^\[/p' Cargo.toml | sed -n 's/^version = "\(.*\)"/\1/p')
[ -n "$version" ] || fail "no version in Cargo.toml [workspace.package]"

# 1. Tools, installed only when missing.
[ -x "$tools/bin/python" ] || python3 -m venv "$tools"
if ! "$tools/bin/python" -c 'import maturin, ziglang, auditwheel, twine' 2> /dev/null; then
  "$tools/bin/python" -m pip install --quiet 'maturin>=1.9,<2' ziglang auditwheel twine
fi
# maturin finds zig as `python -m ziglang` of the python on PATH.
export PATH="$root/$tools/bin:$PATH"
lap "tools: $(maturin --version)"

mkdir -p "$out"
rm -f "$out"/shuangsuiji-*.whl

# 2. Linux: manylinux2014 (glibc 2.17) abi3 wheel.
maturin build --quiet --release --zig --compatibility manylinux2014 \
  -m bindings-python/Cargo.toml --out "$out"
linux=$(ls "$out"/shuangsuiji-"$version"-cp39-abi3-manylinux*_x86_64.whl 2> /dev/null) \
  || fail "maturin made no cp39-abi3 manylinux wheel in $out"
lap "built $(basename "$linux") ($(du -k "$linux" | cut -f1) KiB)"

show=$(auditwheel show "$linux")
echo "$show"
tr -s ' \n' ' ' <<< "$show" | grep -q 'consistent with the following platform tag: "manylinux_2_17_x86_64"' \
  || fail "auditwheel does not accept $(basename "$linux") as manylinux_2_17"

# 3. Windows: win_amd64 abi3 wheel with mingw-w64 (GNU target).
win=
if [ "$windows" = 1 ]; then
  # The target's standard library comes from rustup's own server, not from one of the
  # package registries: where that is refused, say so and build the Linux wheel only.
  if ! rustup target list --installed | grep -qx x86_64-pc-windows-gnu \
    && ! rustup target add x86_64-pc-windows-gnu; then
    echo "build-wheels: NO WINDOWS WHEEL: 'rustup target add x86_64-pc-windows-gnu' was refused on this machine" >&2
    windows=0
  fi
fi
if [ "$windows" = 1 ]; then
  if ! command -v x86_64-w64-mingw32-gcc > /dev/null; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends gcc-mingw-w64-x86-64 > /dev/null
  fi
  lap "windows toolchain: x86_64-pc-windows-gnu, $(x86_64-w64-mingw32-gcc -dumpversion) mingw-w64"
  maturin build --quiet --release --target x86_64-pc-windows-gnu \
    -m bindings-python/Cargo.toml --out "$out"
  win=$(ls "$out"/shuangsuiji-"$version"-cp39-abi3-win_amd64.whl 2> /dev/null) \
    || fail "maturin made no cp39-abi3-win_amd64 wheel in $out"
  lap "built $(basename "$win") ($(du -k "$win" | cut -f1) KiB)"
fi

# 4. Both wheels: metadata (twine), the license texts and the typed package inside.
twine check --strict "$out"/shuangsuiji-*.whl
for whl in "$linux" $win; do
  listing=$(python3 -m zipfile -l "$whl")
  for f in "dist-info/licenses/LICENSE-MIT" "dist-info/licenses/LICENSE-APACHE" \
           "shuangsuiji/__init__.py" "shuangsuiji/py.typed"; do
    grep -q "$f " <<< "$listing" || fail "$(basename "$whl") lacks $f"
  done
done
if [ -n "$win" ]; then
  # The extension must need nothing but Windows itself and python3.dll (abi3): no
  # libgcc/libwinpthread DLLs that a clerk's Windows would not have.
  tmp=$(mktemp -d)
  python3 -m zipfile -e "$win" "$tmp"
  dlls=$(x86_64-w64-mingw32-objdump -p "$tmp"/shuangsuiji/_shuangsuiji*.pyd | sed -n 's/^\s*DLL Name: //p' | sort -u)
  rm -rf "$tmp"
  echo "win_amd64 .pyd imports: $(tr '\n' ' ' <<< "$dlls")"
  grep -qx python3.dll <<< "$dlls" || fail "the .pyd does not import python3.dll (not abi3?)"
  if bad=$(grep -vixE 'python3\.dll|kernel32\.dll|ntdll\.dll|advapi32\.dll|bcrypt\.dll|bcryptprimitives\.dll|ws2_32\.dll|userenv\.dll|user32\.dll|shell32\.dll|ole32\.dll|oleaut32\.dll|api-ms-win-[a-z0-9-]+\.dll|msvcrt\.dll|ucrtbase\.dll' <<< "$dlls"); then
    fail "the .pyd needs DLLs Windows does not ship: $bad"
  fi
fi
lap "twine check, license texts, DLL imports"

# 5. The Linux wheel in a fresh venv with no Rust anywhere on PATH, from the file alone:
#    with the system's python3 and, being abi3, with the oldest and newest CPython that
#    pyenv holds on this machine (when it holds them).
smoke=$(mktemp -d)
trap 'rm -rf "$smoke"' EXIT
pythons=(/usr/bin/python3)
for v in 3.9 3.13; do
  p=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/python3 2> /dev/null | tail -1) || true
  [ -n "$p" ] && pythons+=("$p")
done
for py in "${pythons[@]}"; do
  rm -rf "$smoke/venv"
  env -i HOME="$smoke" PATH=/usr/bin:/bin bash -c '
    set -euo pipefail
    if command -v cargo rustc > /dev/null; then echo "cargo or rustc on the clean PATH" >&2; exit 1; fi
    "$1" -m venv "$2/venv"
    "$2/venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index --only-binary :all: "$3"
  ' _ "$py" "$smoke" "$root/$linux"
  (cd "$smoke" && env -i HOME="$smoke" PATH=/usr/bin:/bin "$smoke/venv/bin/python" - "$root/tests/vectors/draw/v1/draws.json" <<'PY'
import json, platform, sys
import shuangsuiji as ssj
assert "site-packages" in ssj.__file__, ssj.__file__
cases = [c for c in json.load(open(sys.argv[1], encoding="utf-8"))["cases"]
         if "expected" in c and not c.get("ticket_overrides")]
for case in cases:
    assert ssj.draw(case["input"]) == case["expected"], case["name"]
try:
    ssj.parse_uscc("91350100M000100Y44")
    raise AssertionError("a bad check character was accepted")
except ssj.ValidationError as e:
    assert e.code == "uscc_check_character", e.code
print(f"fresh venv, CPython {platform.python_version()}, no Rust: shuangsuiji "
      f"{ssj.__version__} from the wheel, {len(cases)} draw vectors equal")
PY
  )
done
lap "fresh-venv installs and draw vectors"

if [ -n "$install_into" ]; then
  "$install_into/bin/python" -m pip install --quiet --force-reinstall --no-deps "$linux"
  lap "installed into $install_into"
fi
ls -l "$out"/shuangsuiji-*.whl
