#!/usr/bin/env bash
# Prints the sample county's work plan (具体工作方案) to PDF in headless Chromium and
# checks the paper: A4 pages, a CJK font embedded, and the text a clerk needs — 工作方案,
# the lead department, the window's first and last day, the first team-day and a stop of
# its route. Prints with scripts/print-pdf.sh (which installs Chromium, the Noto CJK fonts
# and poppler-utils when missing).
# Usage: scripts/workplan-pdf.sh [OUT_DIR]   (default out/workplan; writes workplan.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/workplan}"

cargo run --quiet -p shuangsuiji-examples --bin workplan -- "$out" > /dev/null
pdf="$out/workplan.pdf"
# A4 pages with a CJK font embedded (scripts/print-pdf.sh installs what it needs).
pages="$(bash scripts/print-pdf.sh "$out/workplan.html" "$pdf")"
fail() { echo "workplan.pdf: $*" >&2; exit 1; }

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
