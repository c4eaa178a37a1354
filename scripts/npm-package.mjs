// Makes bindings-wasm/pkg/node and pkg/web installable npm packages: wasm-bindgen writes
// the modules and a bare package.json; this writes the real one (name, version, license
// from the workspace's Cargo.toml, so they cannot drift) and copies the license texts.
//
// Usage: node scripts/npm-package.mjs   (run by scripts/build-wasm.sh)
import { readFileSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cargo = readFileSync(join(root, 'Cargo.toml'), 'utf8');
// The [workspace.package] table: `key = "value"` lines up to the next table.
const table = cargo.split('[workspace.package]')[1].split(/^\[/m)[0];
const field = (key) => {
  const m = table.match(new RegExp(`^${key} = "([^"]*)"`, 'm'));
  if (!m) throw new Error(`Cargo.toml [workspace.package] has no ${key}`);
  return m[1];
};
const version = field('version');
const license = field('license');

const packages = [
  {
    dir: 'node',
    name: 'shuangsuiji',
    description:
      '双随机、一公开 for Node: rules, verifiable draws, teams and enforcement of joint spot checks (WebAssembly build of the shuangsuiji Rust library).',
  },
  {
    dir: 'web',
    name: 'shuangsuiji-web',
    description:
      '双随机、一公开 for browsers: the WebAssembly build of the shuangsuiji Rust library (call the default export, or initSync, before use).',
  },
];

for (const p of packages) {
  const dir = join(root, 'bindings-wasm', 'pkg', p.dir);
  if (!existsSync(join(dir, 'shuangsuiji_wasm.js'))) {
    throw new Error(`${dir} has no wasm-bindgen output: run scripts/build-wasm.sh`);
  }
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(root, f), join(dir, f));
  copyFileSync(join(root, 'bindings-wasm', 'README.md'), join(dir, 'README.md'));
  const pkg = {
    name: p.name,
    version,
    description: p.description,
    license,
    type: 'module',
    main: 'shuangsuiji_wasm.js',
    types: 'shuangsuiji_wasm.d.ts',
    exports: {
      '.': { types: './shuangsuiji_wasm.d.ts', default: './shuangsuiji_wasm.js' },
      './shuangsuiji_wasm_bg.wasm': './shuangsuiji_wasm_bg.wasm',
    },
    files: [
      'shuangsuiji_wasm.js',
      'shuangsuiji_wasm.d.ts',
      'shuangsuiji_wasm_bg.wasm',
      'shuangsuiji_wasm_bg.wasm.d.ts',
      'LICENSE-MIT',
      'LICENSE-APACHE',
      'README.md',
    ],
    engines: p.dir === 'node' ? { node: '>=18' } : undefined,
    keywords: ['双随机', 'spot-check', 'verifiable-random', 'webassembly'],
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
}
console.log(`npm packages shuangsuiji / shuangsuiji-web ${version} (${license})`);
