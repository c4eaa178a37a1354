#!/usr/bin/env bash
# Builds the WebAssembly binding into bindings-wasm/pkg/{node,web} (ES modules + .d.ts)
# and copies the web build into the verification page (bindings-wasm/page/pkg).
# The page also gets a second build with WebAssembly SIMD (page/pkg-simd: hashes four
# Merkle nodes at a time); its worker loads that one where the browser supports SIMD
# and the plain one elsewhere.
# Installs the wasm32 target and wasm-bindgen-cli (same version as the pinned crate) when
# they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

want=$(grep -E '^wasm-bindgen = "=' Cargo.toml | sed -E 's/.*"=([0-9.]+)".*/\1/')
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Without --locked: the CLI's lock file asks for a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$want"
fi

cargo build --profile wasm-release --target wasm32-unknown-unknown -p shuangsuiji-wasm
wasm=target/wasm32-unknown-unknown/wasm-release/shuangsuiji_wasm.wasm
# The SIMD build in its own target folder (other flags: sharing one would rebuild both
# every time).
RUSTFLAGS="-C target-feature=+simd128" cargo build --profile wasm-release \
  --target wasm32-unknown-unknown -p shuangsuiji-wasm --target-dir target/wasm-simd
wasm_simd=target/wasm-simd/wasm32-unknown-unknown/wasm-release/shuangsuiji_wasm.wasm
rm -rf bindings-wasm/pkg
wasm-bindgen --target experimental-nodejs-module --out-dir bindings-wasm/pkg/node "$wasm"
wasm-bindgen --target web --out-dir bindings-wasm/pkg/web "$wasm"
wasm-bindgen --target web --out-dir bindings-wasm/pkg/web-simd "$wasm_simd"
# Real package.json files (name, version and license from Cargo.toml) and the license
# texts, so that pkg/node and pkg/web install with npm.
node scripts/npm-package.mjs
# The verification page loads its own copies of the web builds (it is served on its own).
rm -rf bindings-wasm/page/pkg bindings-wasm/page/pkg-simd
cp -r bindings-wasm/pkg/web bindings-wasm/page/pkg
cp -r bindings-wasm/pkg/web-simd bindings-wasm/page/pkg-simd
ls -l bindings-wasm/pkg/node bindings-wasm/pkg/web bindings-wasm/pkg/web-simd
