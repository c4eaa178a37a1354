#!/usr/bin/env bash
# Prints one of present/'s HTML pages to PDF in headless Chromium and checks what every
# printed document needs: a PDF was written, every page is A4 (595 x 842 pt) and a CJK
# font is embedded (without one Chromium prints boxes with no error, and pdftotext still
# shows the text). Installs Chromium, the Noto CJK fonts and poppler-utils when missing,
# and the Debian packages named in EXTRA_PACKAGES (e.g. zbar-tools).
# Shared by scripts/workplan-pdf.sh and scripts/service-pdf.sh, which check the text.
# Usage: scripts/print-pdf.sh HTML PDF   (prints "PAGES" on stdout)
set -euo pipefail
[ "$#" = 2 ] || { echo "usage: $0 HTML PDF" >&2; exit 2; }
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
pdf="$2"
[ -f "$html" ] || { echo "$html: no such file" >&2; exit 1; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (Outputs are read into variables first: `grep -q` closing a pipe early would make
# pipefail report the writer's SIGPIPE as a failure.)
fonts="$(fc-list :lang=zh 2> /dev/null || true)"
[ -n "$fonts" ] || missing+=(fonts-noto-cjk)
command -v pdftotext > /dev/null && command -v pdfinfo > /dev/null && command -v pdffonts > /dev/null \
  && command -v pdftoppm > /dev/null || missing+=(poppler-utils)
for p in ${EXTRA_PACKAGES:-}; do
  dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; } >&2
fi
[ -n "$(fc-list :lang=zh)" ] || { echo "no CJK font installed" >&2; exit 1; }

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$pdf"
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$html" 2> /dev/null > /dev/null
[ -s "$pdf" ] || { echo "$pdf: chromium wrote no PDF" >&2; exit 1; }

fail() { echo "$pdf: $*" >&2; exit 1; }
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
sizes="$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -c 'size: *59[45][.0-9]* x 84[12][.0-9]* pts')"
[ "$sizes" = "$pages" ] || fail "$sizes of $pages pages are A4"
# Chromium embeds Noto CJK as Type 3 (or a CJK TrueType font by name).
embedded="$(pdffonts "$pdf" | tail -n +3)"
grep -qE 'Type 3|CJK|WenQuanYi' <<< "$embedded" || fail "no CJK font embedded"
# Boxes are closed on the right: a table or box as wide as the text block has its right
# border printed (Chromium clips at the page area's right edge; print.css keeps a hair of
# room). On page 1 the tallest vertical line of the right third is at least half as tall
# as that of the left third.
pdftoppm -f 1 -l 1 -r 110 -gray "$pdf" "$profile/page"
python3 - "$profile"/page*.pgm <<'PY' || fail "page 1: a box's right border is cut off"
import sys
# pdftoppm writes "P5\n<w> <h>\n255\n" then a byte per pixel.
magic, size, _, px = open(sys.argv[1], "rb").read().split(b"\n", 3)
w, h = map(int, size.split())
cols = [sum(1 for y in range(h) if px[y * w + x] < 140) for x in range(w)]
left, right = max(cols[: w // 3]), max(cols[2 * w // 3 :])
sys.exit(1 if left >= h // 8 and right < left // 2 else 0)
PY
echo "$pages"
