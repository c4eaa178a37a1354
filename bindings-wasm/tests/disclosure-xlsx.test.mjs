// The 公示 list's xlsx export in JS: disclosureXlsx returns a Uint8Array, a zip whose
// sheet 检查结果公示 holds the core's Chinese CSV headers and rows; the same list gives
// the same bytes, as object or JSON text. Input: the golden vector's 公示 list
// (tests/vectors/disclosure).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ssj from './load.mjs';

const vector = (rel) => JSON.parse(readFileSync(new URL(`../../tests/vectors/${rel}`, import.meta.url), 'utf8')).cases[0];
const LIST = vector('disclosure/disclose_late_and_overdue.ops.json').expect;
const CSV = vector('disclosure/csv_late_and_overdue.ops.json').expect;

// The XML parts of a zip (stored or deflated), by name, read from the local headers.
function parts(bytes) {
  const buf = Buffer.from(bytes);
  const out = {};
  for (let at = 0; buf.readUInt32LE(at) === 0x04034b50;) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    const data = buf.subarray(start, start + size);
    out[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at = start + size;
  }
  return out;
}

test('disclosureXlsx returns the bytes of a workbook with the sheet and the Chinese headers', () => {
  const bytes = ssj.disclosureXlsx(LIST);
  assert.ok(bytes instanceof Uint8Array);
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  assert.deepEqual(ssj.disclosureXlsx(JSON.stringify(LIST)), bytes);
  const xml = Object.values(parts(bytes)).join('');
  assert.ok(xml.includes('检查结果公示'));
  const [headers, ...rows] = CSV.replace(/^\ufeff/, '').split('\r\n').filter(Boolean).map((l) => l.split(','));
  assert.equal(headers[0], '任务编号');
  for (const cell of [...headers, ...rows.flat().filter(Boolean)]) assert.ok(xml.includes(cell), cell);
});

test('the CSV export is the same in JS', () => {
  assert.equal(ssj.disclosureCsv(LIST), CSV);
});

test('a list that is not a Disclosure is refused with a code', () => {
  assert.throws(() => ssj.disclosureXlsx({ task_id: 1 }), { code: 'json_shape' });
});
