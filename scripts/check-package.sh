#!/usr/bin/env bash
# Packaging checks, run by scripts/test.sh after both bindings are built: what a user
# installs must carry the license texts and the same name, version and license
# everywhere (crate, wheel, npm packages), and no manifest may name a placeholder
# address. Needs .venv (with the binding installed) and bindings-wasm/pkg.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-package: $*" >&2; exit 1; }
ws() { sed -n '/^\[workspace.package\]/,/^\[/p' Cargo.toml | sed -n "s/^$1 = \"\(.*\)\"/\1/p"; }
version=$(ws version)
license=$(ws license)
[ -n "$version" ] && [ -n "$license" ] || fail "Cargo.toml [workspace.package] lacks version or license"
for f in LICENSE-MIT LICENSE-APACHE; do [ -s "$f" ] || fail "$f is missing"; done

# 1. No placeholder addresses (a real address or none at all).
manifests=$(git ls-files '*Cargo.toml' '*pyproject.toml' '*package.json')
if grep -nE '(repository|homepage|documentation|Homepage|Repository|url)[^=:]*[=:] *"[^"]*(example\.(invalid|com|org|net)|localhost|TODO|xxx)' $manifests; then
  fail "a manifest names a placeholder address (above)"
fi

# 2. The core crate as crates.io would receive it: the license texts and README are in
#    the package, and it builds from the package alone (every included data file there).
list=$(cargo package -p shuangsuiji --list --allow-dirty 2>/dev/null)
for f in LICENSE-MIT LICENSE-APACHE README.md Cargo.toml src/lib.rs; do
  grep -qx "$f" <<<"$list" || fail "the crate package lacks $f"
done
if ! out=$(cargo publish --dry-run -p shuangsuiji --allow-dirty 2>&1); then
  echo "$out" >&2
  fail "cargo publish --dry-run failed"
fi

# 3. The Python wheel: same version and license, both license texts inside.
.venv/bin/python - "$version" "$license" <<'PY'
import sys
from importlib import metadata
version, license = sys.argv[1], sys.argv[2]
m = metadata.metadata("shuangsuiji")
problems = []
if m["Version"] != version:
    problems.append(f"wheel version {m['Version']} != crate {version}")
if m.get("License-Expression") != license:
    problems.append(f"wheel License-Expression {m.get('License-Expression')!r} != {license!r}")
files = [str(f) for f in (metadata.files("shuangsuiji") or [])]
for name in ("LICENSE-MIT", "LICENSE-APACHE"):
    if not any(f.endswith(name) for f in files):
        problems.append(f"the wheel lacks {name}")
if problems:
    sys.exit("check-package: " + "; ".join(problems))
print(f"wheel shuangsuiji {version} ({license}) with both license texts")
PY

# 4. The npm packages: name, version, license, files; then install the node one from its
#    tarball into an empty project and call it.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for spec in node:shuangsuiji web:shuangsuiji-web; do
  dir=bindings-wasm/pkg/${spec%%:*}
  name=${spec#*:}
  (cd "$dir" && npm pack --silent --pack-destination "$tmp" > /dev/null)
  tgz="$tmp/$name-$version.tgz"
  [ -f "$tgz" ] || fail "npm pack in $dir did not make $name-$version.tgz"
  contents=$(tar -tzf "$tgz")
  for f in package.json LICENSE-MIT LICENSE-APACHE README.md shuangsuiji_wasm.js shuangsuiji_wasm_bg.wasm shuangsuiji_wasm.d.ts; do
    grep -qx "package/$f" <<<"$contents" || fail "$name's tarball lacks $f"
  done
  node -e '
    const p = JSON.parse(require("fs").readFileSync(process.argv[1] + "/package.json", "utf8"));
    const [name, version, license] = process.argv.slice(2);
    if (p.name !== name || p.version !== version || p.license !== license) {
      console.error(`check-package: ${process.argv[1]}/package.json says ${p.name} ${p.version} ${p.license}`);
      process.exit(1);
    }' "$dir" "$name" "$version" "$license"
done
mkdir "$tmp/app"
(cd "$tmp/app" && echo '{"name":"app","private":true,"type":"module"}' > package.json \
  && npm install --silent --no-audit --no-fund --offline "$tmp/shuangsuiji-$version.tgz" \
  && node --input-type=module -e '
    import * as ssj from "shuangsuiji";
    const r = ssj.runOperation("parse_uscc", { text: "91350100M000100Y43" });
    if (r.division_code !== "350100") { console.error("unexpected", r); process.exit(1); }
    console.log("npm install shuangsuiji: runOperation works");')
echo "packaging: crate, wheel and npm packages agree on $version, $license"
