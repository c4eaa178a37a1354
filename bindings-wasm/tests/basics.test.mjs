import { test } from 'node:test';
import assert from 'node:assert/strict';
import ssj from './load.mjs';

const VALID = '91350100M000100Y43';

test('parseUscc canonicalises full-width and lower case', () => {
  assert.equal(ssj.parseUscc(' ９１３５０１００m０００１００y４３ '), VALID);
});

for (const [text, code] of [
  ['9135', 'uscc_length'],
  ['91350100M000100YI3', 'uscc_charset'],
  ['91A50100M000100Y43', 'uscc_division'],
  ['91350100M000100Y44', 'uscc_check_character'],
]) {
  test(`parseUscc(${text}) throws ${code}`, () => {
    assert.throws(() => ssj.parseUscc(text), (err) => {
      assert.ok(err instanceof Error, 'a real Error');
      assert.equal(err.name, 'ShuangsuijiError');
      assert.equal(err.code, code);
      assert.equal(err.family, 'validation');
      assert.equal(err.details.value, text);
      return true;
    });
  });
}

test('org code check', () => {
  assert.throws(() => ssj.completeUscc('91350100M000100Y5'), { code: 'uscc_org_code_check' });
});

test('error codes are unique and cover every family', () => {
  const codes = ssj.errorCodes();
  const names = codes.map((c) => c.code);
  assert.equal(new Set(names).size, names.length);
  assert.deepEqual(
    [...new Set(codes.map((c) => c.family))].sort(),
    ['draw', 'enforcement', 'input', 'internal', 'limit', 'outcome', 'profile', 'rules', 'service', 'team', 'validation', 'verify'],
  );
});

test('the TypeScript ErrorFamily type lists exactly the families of errorCodes()', async () => {
  const { readFile } = await import('node:fs/promises');
  const dts = await readFile(new URL('../src/types.d.ts', import.meta.url), 'utf8');
  const union = dts.match(/export type ErrorFamily = ([^;]+);/);
  assert.ok(union, 'types.d.ts declares ErrorFamily');
  const declared = [...union[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
  const families = [...new Set(ssj.errorCodes().map((c) => c.family))].sort();
  assert.deepEqual(declared, families);
});

test('ratios: exact forms and float rejection', () => {
  assert.equal(ssj.validate('ratio', '5%'), '5/100');
  assert.equal(ssj.validate('ratio', { p: 1, q: 3 }), '1/3');
  assert.throws(() => ssj.validate('ratio', 0.03), { code: 'ratio_float' });
  assert.throws(() => ssj.validate('ratio', '3/2'), { code: 'ratio_above_one' });
});

test('catalog without department', () => {
  assert.throws(
    () => ssj.loadCatalog({ id: 'c', version: '1', items: [{ id: 'x', name: 'n', kind: 'key', form: 'joint' }] }),
    (err) => err.code === 'item_department_missing' && err.details.field === 'catalog.items[0].department',
  );
});

test('catalog hash', () => {
  const out = ssj.loadCatalog({
    id: 'c', version: '1',
    items: [{ id: 'market.food', name: '食品生产监督检查', department: 'market', kind: 'key', form: 'joint',
      provenance: { document: '食品生产经营监督检查管理办法', verification: 'verified' } }],
  });
  assert.equal(out.content_hash.length, 64);
});
