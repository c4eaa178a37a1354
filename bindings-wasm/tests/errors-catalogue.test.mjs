// The bad-input catalogue (tests/vectors/errors) through the wasm build: the same code,
// family and locating details as the Rust runner (core/tests/all/errors_catalogue.rs), and a
// real Error — never a crash — for every case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import ssj from './load.mjs';

const dir = new URL('../../tests/vectors/errors/', import.meta.url);
const LOCATING = ['file', 'row', 'column', 'field'];
const CASE_KEYS = new Set(['name', 'operation', 'input', 'expected', 'description', 'xlsx']);
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')).cases);

test('the catalogue is large and names are unique', () => {
  assert.ok(cases.length >= 60);
  assert.equal(new Set(cases.map((c) => c.name)).size, cases.length);
});

for (const c of cases) {
  test(`catalogue: ${c.name}`, () => {
    for (const k of Object.keys(c)) assert.ok(CASE_KEYS.has(k), `unknown case key ${k}`);
    if (c.expected.ok === true) {
      ssj.runOperation(c.operation, c.input);
      return;
    }
    let err;
    try {
      ssj.runOperation(c.operation, c.input);
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof Error, 'a real Error is thrown');
    assert.equal(err.code, c.expected.code, err.message);
    assert.equal(err.family, c.expected.family);
    const want = c.expected.details ?? {};
    for (const k of new Set([...LOCATING, ...Object.keys(want)])) {
      assert.deepEqual(err.details[k] ?? null, want[k] ?? null, `${k}: ${err.message}`);
    }
    // Chinese by default: the core's message, byte for byte where the case stores it.
    assert.match(err.messageZh, /[\u4e00-\u9fff]/);
    assert.equal(err.message, `${err.code}: ${err.messageZh}`);
    assert.ok(err.messageEn && err.messageEn !== err.messageZh);
    if ('message_zh' in c.expected) assert.equal(err.messageZh, c.expected.message_zh);
  });
}

test('English on request (setLanguage), Chinese again after setLanguage(null)', () => {
  const c = cases.find((k) => 'message_zh' in k.expected);
  const thrown = () => {
    try {
      ssj.runOperation(c.operation, c.input);
    } catch (e) {
      return e;
    }
    return undefined;
  };
  try {
    ssj.setLanguage('en');
    const err = thrown();
    assert.equal(err.message, `${err.code}: ${err.messageEn}`);
    assert.equal(err.messageZh, c.expected.message_zh);
    assert.throws(() => ssj.setLanguage('fr'), (e) => e.code === 'argument_type');
  } finally {
    ssj.setLanguage(null);
  }
  assert.equal(thrown().message, `${c.expected.code}: ${c.expected.message_zh}`);
});
