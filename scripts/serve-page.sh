#!/usr/bin/env bash
# Opens the verification page locally on the bundled sample county:
#   scripts/serve-page.sh [PORT]     (default 8000)
# Builds the wasm binding and the sample files when missing, then serves
# bindings-wasm/page/ on 127.0.0.1 (static files only; Ctrl-C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8000}"
[ -f bindings-wasm/page/pkg/shuangsuiji_wasm_bg.wasm ] && [ -f bindings-wasm/page/pkg-simd/shuangsuiji_wasm_bg.wasm ] || bash scripts/build-wasm.sh > /dev/null
[ -f bindings-wasm/page/sample/result.json ] || cargo run -q -p shuangsuiji-examples --bin county -- bindings-wasm/page/sample > /dev/null
[ -f bindings-wasm/page/fonts/page-cjk.woff2 ] || bash scripts/build-page-font.sh > /dev/null || echo "no page font built: the page uses the system's fonts"
echo "open http://127.0.0.1:${port}/  (press 「加载示例」 then 「验证」; English: http://127.0.0.1:${port}/?lang=en)"
exec python3 -m http.server --bind 127.0.0.1 --directory bindings-wasm/page "$port"
