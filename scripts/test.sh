#!/usr/bin/env bash
# The one command that runs every test of the project (README "Run every test").
# It installs what a fresh machine lacks, then runs lint, the Rust tests and doctests,
# the cross-language vectors and the examples. Safe to re-run: installs are skipped
# when the tool is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "toolchain"
for comp in rustfmt clippy; do
  rustup component list --installed 2>/dev/null | grep -q "^$comp" || rustup component add "$comp"
done
cargo --version

step "format and lint"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

step "pure core: no OS randomness or clock in the dependency tree"
if cargo tree -p shuangsuiji -e normal --no-default-features 2>/dev/null | grep -qE 'getrandom|iana-time-zone'; then
  echo "core depends on getrandom or a clock crate" >&2
  exit 1
fi

step "Rust tests (unit, property, integration, doctests)"
cargo test --workspace
# The workspace build unifies features: the Python binding turns on the core's
# 'parallel' feature, so the core's own tests run once more without it.
cargo test -q -p shuangsuiji --lib

step "docs build without warnings"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps -p shuangsuiji --quiet

step "Python: the binding (vectors, README, stubs, catalogue) and the independent pure-Python verifier"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
# Java 17 for the Spark tests (bindings-python/tests/test_spark.py, local[2]); pyspark
# 4.x with pyarrow and pandas < 3 (4.3 warns on every Arrow UDF with pandas 3).
if ! command -v java > /dev/null && [ -z "${JAVA_HOME:-}" ]; then
  apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
.venv/bin/python -m pip install --quiet pytest mypy cryptography chinesecalendar numpy 'pandas<3' openpyxl pyspark pyarrow
# The binding under test is the release wheel a clerk installs (the one release build of
# it): scripts/build-wheels.sh builds the manylinux2014 and win_amd64 abi3 wheels, checks
# them (auditwheel, twine, license texts, the .pyd's DLLs, a fresh venv without Rust
# running draw vectors) and installs the Linux one into .venv.
bash scripts/build-wheels.sh --install-into .venv
.venv/bin/python -m pytest -q bindings-python/tests
# The verifier recomputes the draw, verify and publish vectors from the specs alone.
.venv/bin/python -m pytest -q tests/verifier

step "WebAssembly binding: build, TypeScript declarations, Node vectors, page in Chromium"
bash scripts/build-wasm.sh > /dev/null
# Headless Chromium for the verification page tests (Debian's package; playwright-core
# drives it, pinned in bindings-wasm/package.json).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update && apt-get install -y --no-install-recommends chromium
fi
(cd bindings-wasm && npm ci --no-audit --no-fund --silent && npx tsc -p tests/tsconfig.json)
# The page's sample: the published files of the county example (plan, log, result, eligible
# list, catalog, receipts/).
cargo run -q -p shuangsuiji-examples --bin county -- bindings-wasm/page/sample > /dev/null
# The page's own Chinese font (a subset of Noto Sans CJK SC) for systems without one.
bash scripts/build-page-font.sh > /dev/null
# page.test.mjs serves bindings-wasm/page with python3 -m http.server on 127.0.0.1 and
# stops it itself.
node --test bindings-wasm/tests/

step "packaging: license texts, one name/version/license in crate, wheel and npm packages"
bash scripts/check-package.sh

step "fuzz smoke: every cargo-fuzz target for a short fixed time"
FUZZ_SECONDS="${FUZZ_SECONDS:-10}" bash scripts/fuzz-smoke.sh

step "work plan of the bundled county printed to PDF (headless Chromium, CJK fonts, pdftotext)"
bash scripts/workplan-pdf.sh

step "printed matter of one visit to PDF: service card with QR code, 政策清单, 普法明白纸 (pages, CJK font, text, QR read back)"
bash scripts/service-pdf.sh

step "C ABI and command line: header, C program (threads, static), Java (JNA), shuangsuiji ops over every vector and the catalogue"
bash scripts/test-c.sh

step "main example on the bundled county"
cargo run --quiet -p shuangsuiji-examples --bin county > /dev/null

echo
echo "all tests passed"
