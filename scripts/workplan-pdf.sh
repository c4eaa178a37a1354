#!/usr/bin/env bash
# Prints the sample county's work plan (具体工作方案) to PDF in headless Chromium and
# checks the paper: A4 pages, a CJK font embedded, and the text a clerk needs — 工作方案,
# the lead department, the window's first and last day, the first team-day and a stop of
# its route. Installs Chromium, the Noto CJK fonts and poppler-utils when missing.
# Usage: scripts/workplan-pdf.sh [OUT_DIR]   (default out/workplan; writes workplan.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/workplan}"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# (Outputs are read into variables first: `grep -q` closing a pipe early would make
# pipefail report the writer's SIGPIPE as a failure.)
fonts="$(fc-list :lang=zh 2> /dev/null || true)"
[ -n "$fonts" ] || missing+=(fonts-noto-cjk)
command -v pdftotext > /dev/null && command -v pdfinfo > /dev/null && command -v pdffonts > /dev/null \
  || missing+=(poppler-utils)
if [ "${#missing[@]}" -gt 0 ]; then
  apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Without a CJK font Chromium prints boxes and pdftotext still shows the text.
[ -n "$(fc-list :lang=zh)" ] || { echo "no CJK font installed" >&2; exit 1; }

cargo run --quiet -p shuangsuiji-examples --bin workplan -- "$out" > /dev/null
html="$(cd "$out" && pwd)/workplan.html"
pdf="$out/workplan.pdf"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$pdf"
timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --no-pdf-header-footer --user-data-dir="$profile" \
  --print-to-pdf="$pdf" "file://$html" 2> /dev/null
[ -s "$pdf" ] || { echo "chromium wrote no PDF" >&2; exit 1; }

fail() { echo "workplan.pdf: $*" >&2; exit 1; }
# Every page is A4 (595 x 842 pt).
pages="$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')"
sizes="$(pdfinfo -f 1 -l "$pages" "$pdf" | grep -c 'size: *59[45][.0-9]* x 84[12][.0-9]* pts')"
[ "$sizes" = "$pages" ] || fail "$sizes of $pages pages are A4"
# A CJK font is embedded: Chromium embeds Noto CJK as Type 3 (or a CJK TrueType by name).
embedded="$(pdffonts "$pdf" | tail -n +3)"
grep -qE 'Type 3|CJK|WenQuanYi' <<< "$embedded" || fail "no CJK font embedded"

# The text in content order (-raw keeps a table cell's lines together), whitespace
# removed (cells wrap long names).
text="$(pdftotext -raw "$pdf" - | tr -d ' \n\t\f')"
python3 - "$out/workplan.json" "$pages" <<'PY' | while IFS= read -r needle; do
import json, sys, datetime
p = json.load(open(sys.argv[1]))
cn = lambda s: "{0}年{1}月{2}日".format(*map(int, s.split("-")))
first = p["team_days"][0]
print("工作方案")
print(p["lead"]["issuer"])
print(p["lead"]["name"])
print(cn(p["window"]["first_day"]))
print(cn(p["window"]["last_day"]))
print("第1组")
print(first["stops"][0]["name"].replace(" ", ""))
print(p["team_days"][-1]["stops"][-1]["name"].replace(" ", ""))
print(p["technical"]["catalog_hash"])
PY
  case "$text" in
    *"$needle"*) ;;
    *) fail "missing text: $needle" ;;
  esac
done
team_days="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["team_days"]))' "$out/workplan.json")"
[ "$pages" -gt "$team_days" ] || fail "$pages pages for $team_days team-days (each starts a page)"
echo "workplan.pdf: $pages A4 pages, CJK font embedded, text checked ($pdf)"
