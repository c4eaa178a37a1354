// Every operation-shaped vector (tests/vectors/**/*.ops.json; format in
// tests/vectors/README.md) through the wasm build's runOperation: the same loop as the
// Rust runner (core/tests/all/op_vectors.rs) and the Python one
// (bindings-python/tests/test_op_vectors.py).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import ssj from './load.mjs';

const root = new URL('../../tests/vectors/', import.meta.url);
const CASE_KEYS = new Set(['name', 'op', 'input', 'expect', 'expect_error', 'reason', 'description']);
const IGNORED_DETAILS = new Set(['line', 'json_column']);
const files = readdirSync(root, { recursive: true })
  .filter((f) => f.endsWith('.ops.json'))
  .sort();
const cases = files.flatMap((f) =>
  JSON.parse(readFileSync(new URL(f, root), 'utf8')).cases.map((c) => [`${f}: ${c.name}`, c]),
);

test('enough operation vectors, names unique within a file', () => {
  assert.ok(cases.length >= 60, `${cases.length} cases`);
  assert.equal(new Set(cases.map(([n]) => n)).size, cases.length);
});

for (const [name, c] of cases) {
  test(`op vector ${name}`, () => {
    for (const k of Object.keys(c)) assert.ok(CASE_KEYS.has(k), `unknown case key ${k}`);
    assert.ok(('expect' in c) !== ('expect_error' in c), 'exactly one of expect / expect_error');
    assert.equal('expect_error' in c, Boolean(c.reason), 'an expected failure, and only one, says its reason');
    if ('expect' in c) {
      assert.deepStrictEqual(ssj.runOperation(c.op, c.input), c.expect);
      return;
    }
    let err;
    try {
      ssj.runOperation(c.op, c.input);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error, 'a real Error is thrown');
    const { code, family, ...details } = c.expect_error;
    assert.equal(err.code, code, err.message);
    if (family !== undefined) assert.equal(err.family, family);
    const got = Object.fromEntries(Object.entries(err.details).filter(([k]) => !IGNORED_DETAILS.has(k)));
    assert.deepStrictEqual(got, details, err.message);
  });
}
