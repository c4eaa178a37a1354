#!/usr/bin/env bash
# Prints the printed matter of one visit (企业服务卡, 政策清单, 普法明白纸) to PDF in
# headless Chromium and checks the paper, for two visits:
#  * the `county` example's first visit, made from the service core's matching
#    (visit::pack_from_matches: the task's policies and law entries matched to the
#    enterprise) — county/visit-<USCC>.pdf;
#  * the `service_pack` example's hand-made views for the first visit of the work plan
#    (what a platform hands over as JSON) — visit.pdf.
# For each: A4 pages with a CJK font embedded (scripts/print-pdf.sh), the card alone on
# page 1, the policy list from page 2, the law sheet after it, and the text the enterprise
# needs — its name, 事事有回音 and the time limit, every policy's 文号, every law and
# article, the receipt's address — and that the printed QR code reads back as that
# address (zbarimg on page 1 rendered by pdftoppm). Installs Chromium, the Noto CJK
# fonts, poppler-utils and zbar-tools when missing.
# Usage: scripts/service-pdf.sh [OUT_DIR]   (default out/service)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/service}"
export EXTRA_PACKAGES=zbar-tools

# check VISIT_JSON PDF: the sheets' text and the QR code of a printed visit.
check() {
  local json="$1" pdf="$2" pages n
  fail() { echo "$pdf: $*" >&2; exit 1; }
  pages="$(bash scripts/print-pdf.sh "${json%.json}.html" "$pdf")"
  [ "$pages" -ge 3 ] || fail "$pages pages, expected at least 3 (one a sheet)"
  # Each page's text, whitespace removed (cells and URLs wrap); which page starts the
  # law sheet.
  declare -A text
  local law=0
  for n in $(seq 1 "$pages"); do
    text[$n]="$(pdftotext -raw -f "$n" -l "$n" "$pdf" - | tr -d ' \n\t\f')"
    case "${text[$n]}" in *普法明白纸*) [ "$law" != 0 ] || law="$n" ;; esac
  done
  [ "$law" -ge 3 ] || fail "the law sheet starts on page $law, expected after the policy list"
  # Needles: C (the card, page 1), P (the policy list, pages 2 … before the law sheet),
  # L (the law sheet, from its page on).
  python3 - "$json" <<'PY' > "$pdf.needles"
import json, sys
p = json.load(open(sys.argv[1]))
c = p["card"]
for s in ["企业服务卡", c["enterprise_name"], c["uscc"], "事事有回音",
          "{}个工作日内答复".format(c["demand_time_limit_days"]), c["contact_phone"],
          c["receipt_url"]]:
    print("C\t" + s)
print("P\t政策清单")
print("P\t" + c["enterprise_name"])
for q in p["policies"]:
    print("P\t" + q["doc_number"])
if any(q.get("synthetic") for q in p["policies"]):
    print("P\t示例")
print("L\t普法明白纸")
for e in p["law_entries"]:
    print("L\t" + (e["law"] + e["article"]).replace(" ", ""))
    for m in e.get("leniency", []):
        print("L\t" + m.replace(" ", ""))
PY
  local card="${text[1]}" policies="" sheet=""
  for n in $(seq 2 $((law - 1))); do policies+="${text[$n]}"; done
  for n in $(seq "$law" "$pages"); do sheet+="${text[$n]}"; done
  local where needle hay
  while IFS=$'\t' read -r where needle; do
    case "$where" in C) hay="$card" ;; P) hay="$policies" ;; L) hay="$sheet" ;; esac
    case "$hay" in
      *"$needle"*) ;;
      *) fail "missing text on the $where sheet: $needle" ;;
    esac
  done < "$pdf.needles"
  case "$policies$sheet" in *企业服务卡*) fail "the card's title on a later page" ;; esac
  case "$card" in *政策清单*|*普法明白纸*) fail "another sheet on the card's page" ;; esac

  # The QR code on the printed card reads back as the receipt's address.
  local url read_back
  url="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["card"]["receipt_url"])' "$json")"
  pdftoppm -f 1 -l 1 -r 150 -gray -png "$pdf" "${pdf%.pdf}-card"
  read_back="$(zbarimg --quiet --raw "${pdf%.pdf}"-card-1.png 2> /dev/null || true)"
  [ "$read_back" = "$url" ] || fail "the QR code reads '$read_back', expected '$url'"
  echo "$pdf: $pages A4 pages, CJK font embedded, text checked, QR code reads the receipt's address"
}

# The county's first visit, from the service matching.
mkdir -p "$out"
cargo run --quiet -p shuangsuiji-examples --bin county -- "$out/county" > /dev/null
shopt -s nullglob
visits=("$out"/county/visit-*.json)
[ "${#visits[@]}" = 1 ] || { echo "county wrote ${#visits[@]} visit files, expected 1" >&2; exit 1; }
check "${visits[0]}" "${visits[0]%.json}.pdf"

# The first visit of the sample work plan, from hand-made views.
cargo run --quiet -p shuangsuiji-examples --bin workplan -- "$out/workplan" > /dev/null
cargo run --quiet -p shuangsuiji-examples --bin service_pack -- \
  "$out" https://example.gov.cn/ssj/ "$out/workplan/workplan.json" > /dev/null
check "$out/visit.json" "$out/visit.pdf"
