// Runs every ```js block of the repository README.md as an ES module from the repository
// root, so that the README's JavaScript quick start cannot rot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```js\n([\s\S]*?)^```/gm)].map((m) => m[1]);

test('the README has JavaScript blocks', () => {
  assert.ok(blocks.length >= 1);
});

blocks.forEach((code, i) => {
  test(`README js block ${i} runs`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'ssj-readme-'));
    const file = join(dir, `block${i}.mjs`);
    // Relative imports in the README are relative to the repository root.
    writeFileSync(file, code.replaceAll("from './", `from '${root}`));
    const out = execFileSync(process.execPath, [file], { cwd: root, encoding: 'utf8' });
    assert.match(out, /91350100M000100Y43/);
    assert.match(out, /true uscc_check_character 3/);
  });
});
