#!/usr/bin/env bash
# Builds the verification page's own Chinese font, for systems without a CJK font:
# bindings-wasm/page/fonts/page-cjk.woff2, a subset of Noto Sans CJK SC Regular (Debian's
# fonts-noto-cjk, SIL Open Font License 1.1, copied beside it as OFL.txt) with the
# page's own texts (page/*.js, page/index.html), ASCII, the GB 2312 symbols and its
# 3 755 level-1 characters (常用字: most enterprise names). Generated, not committed
# (about 1 MB). Needs fonts-noto-cjk (installed with apt-get when missing) and
# fontTools + brotli from PyPI (installed into .venv when missing). The page works
# without it (its font stack names the usual system CJK fonts first).
set -euo pipefail
cd "$(dirname "$0")/.."
ttc=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
out=bindings-wasm/page/fonts
if [ ! -f "$ttc" ]; then
  apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -c 'import fontTools, brotli' 2>/dev/null || .venv/bin/python -m pip install --quiet fonttools brotli
mkdir -p "$out"
text=$(mktemp)
trap 'rm -f "$text"' EXIT
.venv/bin/python - "$text" bindings-wasm/page/*.js bindings-wasm/page/index.html <<'PY'
import sys
chars = set(chr(c) for c in range(0x20, 0x7f))
for path in sys.argv[2:]:
    chars |= set(open(path, encoding='utf-8').read())
# GB 2312: rows 1-9 (symbols, full-width forms) and 16-55 (level-1 characters).
for hi in list(range(0xA1, 0xAA)) + list(range(0xB0, 0xD8)):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars.discard('\n')
open(sys.argv[1], 'w', encoding='utf-8').write(''.join(sorted(chars)))
PY
.venv/bin/pyftsubset "$ttc" --font-number=2 --text-file="$text" --flavor=woff2 \
  --layout-features='*' --no-hinting --desubroutinize --output-file="$out/page-cjk.woff2"
# The licence travels with the font (SIL OFL 1.1 §2): Debian's copyright file holds it.
cp /usr/share/doc/fonts-noto-cjk/copyright "$out/OFL.txt"
ls -l "$out"
