#!/usr/bin/env bash
# Prints the printed matter of one visit (企业服务卡, 政策清单, 普法明白纸) of the sample
# county to PDF in headless Chromium and checks the paper: three A4 pages, one sheet on
# each, a CJK font embedded, and the text the enterprise needs — its name, 事事有回音 and
# the time limit, a policy's 文号, a law article, the receipt's address — and that the
# printed QR code reads back as that address (zbarimg on the page rendered by pdftoppm).
# Installs Chromium, the Noto CJK fonts, poppler-utils and zbar-tools when missing.
# Usage: scripts/service-pdf.sh [OUT_DIR]   (default out/service; writes visit.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/service}"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (Outputs are read into variables first: `grep -q` closing a pipe early would make
# pipefail report the writer's SIGPIPE as a failure.)
fonts="$(fc-list :lang=zh 2> /dev/null || true)"
[ -n "$fonts" ] || missing+=(fonts-noto-cjk)
command -v pdftotext > /dev/null && command -v pdfinfo > /dev/null && command -v pdffonts > /dev/null \
  && command -v pdftoppm > /dev/null || missing+=(poppler-utils)
command -v zbarimg > /dev/null || missing+=(zbar-tools)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"
fi
[ -n "$(fc-list :lang=zh)" ] || { echo "no CJK font installed" >&2; exit 1; }

# The visit is the first of the sample work plan.
cargo run --quiet -p shuangsuiji-examples --bin workplan -- "$out/workplan" > /dev/null
cargo run --quiet -p shuangsuiji-examples --bin service_pack -- \
  "$out" https://example.gov.cn/ssj/ "$out/workplan/workplan.json" > /dev/null
html="$(cd "$out" && pwd)/visit.html"
pdf="$out/visit.pdf"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$pdf"
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$html" 2> /dev/null
[ -s "$pdf" ] || { echo "chromium wrote no PDF" >&2; exit 1; }

fail() { echo "visit.pdf: $*" >&2; exit 1; }
# Three A4 pages (595 x 842 pt): the sample's card, policy list and law sheet each fit
# on one page.
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
[ "$pages" = 3 ] || fail "$pages pages, expected 3 (one a sheet)"
sizes="$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -c 'size: *59[45][.0-9]* x 84[12][.0-9]* pts')"
[ "$sizes" = "$pages" ] || fail "$sizes of $pages pages are A4"
embedded="$(pdffonts "$pdf" | tail -n +3)"
grep -qE 'Type 3|CJK|WenQuanYi' <<< "$embedded" || fail "no CJK font embedded"

# Each sheet on its page, with its key text (whitespace removed: cells and URLs wrap).
page_text() { pdftotext -raw -f "$1" -l "$1" "$pdf" - | tr -d ' \n\t\f'; }
python3 - "$out/visit.json" <<'PY' > "$out/needles.txt"
import json, sys
p = json.load(open(sys.argv[1]))
c = p["card"]
print("1\t企业服务卡")
print("1\t" + c["enterprise_name"])
print("1\t" + c["uscc"])
print("1\t事事有回音")
print("1\t{}个工作日内答复".format(c["demand_time_limit_days"]))
print("1\t" + c["contact_phone"])
print("1\t" + c["receipt_url"])
print("2\t政策清单")
print("2\t" + c["enterprise_name"])
for q in p["policies"]:
    print("2\t" + q["doc_number"])
print("2\t示例")
print("3\t普法明白纸")
for e in p["law_entries"]:
    print("3\t" + e["law"] + e["article"])
print("3\t首违不罚")
PY
declare -A text
for n in 1 2 3; do text[$n]="$(page_text "$n")"; done
while IFS=$'\t' read -r n needle; do
  case "${text[$n]}" in
    *"$needle"*) ;;
    *) fail "page $n: missing text: $needle" ;;
  esac
done < "$out/needles.txt"
case "${text[2]}${text[3]}" in *企业服务卡*) fail "the card's title on a later page" ;; esac

# The QR code on the printed card reads back as the receipt's address.
url="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["card"]["receipt_url"])' "$out/visit.json")"
pdftoppm -f 1 -l 1 -r 150 -gray -png "$pdf" "$out/card"
read_back="$(zbarimg --quiet --raw "$out"/card-1.png 2> /dev/null || true)"
[ "$read_back" = "$url" ] || fail "the QR code reads '$read_back', expected '$url'"
echo "visit.pdf: $pages A4 pages, CJK font embedded, text checked, QR code reads the receipt's address ($pdf)"
