// Writes the page's sample published files (sample/) from the bundled county
// (examples/data/huolinguole/) through the wasm build: read the roster and history,
// run eligibility with the national default preset, draw, and write the draw input,
// the result and the roster as the bureau would publish them.
//
//   node bindings-wasm/page/make-sample.mjs
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import ssj from '../tests/load.mjs';

const data = new URL('../../examples/data/huolinguole/', import.meta.url);
const out = new URL('./sample/', import.meta.url);
const bytes = (name) => new Uint8Array(readFileSync(new URL(name, data)));

const roster = ssj.readEnterprises(bytes('enterprises.csv'), { file_name: 'enterprises.csv' });
const history = ssj.readHistory(bytes('history.csv'), { file_name: 'history.csv' });
const catalog = JSON.parse(readFileSync(new URL('catalog.json', data), 'utf8'));
const request = {
  authority: { id: 'huolinguole-market', department: 'market', level: 'county', jurisdiction: '150581' },
  date: '2026-03-02',
  year: 2026,
  items: ['market.food_production', 'market.food_label'],
  policy: { preset: { name: 'national_default' } },
};
const report = ssj.eligibility(request, catalog, roster, history);
const department = Object.fromEntries(catalog.items.map((i) => [i.id, i.department]));
const input = {
  algorithm: 'v1',
  task_id: 'HLGL-2026-SP-01',
  // The sample's seed (a real draw takes it from the ceremony, verified through the log).
  seed: '7a1c5e0b9d3f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a1c',
  mode: 'fixed',
  items: report.items.map((it) => ({
    item_id: it.item,
    department: department[it.item],
    strata: it.strata.map((s) => ({ key: s.key, eligible: s.eligible, quota: s.quota })),
  })),
};
const result = ssj.draw(input);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('draw-input.json', out), `${JSON.stringify(input, null, 1)}\n`);
writeFileSync(new URL('draw-result.json', out), `${JSON.stringify(result, null, 1)}\n`);
copyFileSync(new URL('enterprises.csv', data), new URL('enterprises.csv', out));
copyFileSync(new URL('enterprises-gbk.csv', data), new URL('enterprises-gbk.csv', out));
const selected = result.visits.length;
console.log(`sample: ${roster.length} enterprises, ${input.items.length} items, ${selected} visits -> ${out.pathname}`);
