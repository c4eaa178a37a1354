// Measures verifying a 1 M-enterprise draw in headless Chromium: generates the published
// files in a temporary folder (never committed), loads them into the page and times
// the click on 「验证」 until the verdict shows.
//
//   node bindings-wasm/tests/bench-page.mjs [N] [--roster]
// N defaults to 1 000 000; --roster also loads a generated N-row CSV roster.
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssj from './load.mjs';
import { serve, browser, openPage, load, verify } from './page-harness.mjs';

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const withRoster = process.argv.includes('--roster');
const dir = mkdtempSync(join(tmpdir(), 'ssj-bench-'));

// GB 11714 check character of an 8-character organisation-code body (test data only).
const W = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCheck(body) {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * W[i];
  }
  const d = 11 - (sum % 11);
  return d === 10 ? 'X' : d === 11 ? '0' : String(d);
}

let t = performance.now();
const usccs = new Array(n);
for (let i = 0; i < n; i += 1) {
  const body = `M${String(i).padStart(7, '0')}`;
  usccs[i] = ssj.completeUscc(`91150581${body}${orgCheck(body)}`);
}
const strata = (k) => Array.from({ length: k }, (_, h) => usccs.filter((_, i) => i % k === h));
const parts = strata(4);
const input = {
  algorithm: 'v1',
  task_id: 'BENCH-1M',
  seed: '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f',
  mode: 'fixed',
  items: [
    { item_id: 'market.food_production', department: 'market', strata: parts.map((e, h) => ({ key: `risk_${h}`, eligible: e, quota: Math.ceil(e.length * 3 / 100) })) },
    { item_id: 'fire.fire_safety', department: 'fire', strata: [{ key: 'all', eligible: usccs, quota: Math.ceil(n * 2 / 100) }] },
  ],
};
const inputText = JSON.stringify(input);
const result = ssj.draw(inputText);
writeFileSync(join(dir, 'draw-input.json'), inputText);
writeFileSync(join(dir, 'draw-result.json'), JSON.stringify(result));
if (withRoster) {
  const rows = usccs.map((u, i) => `${u},示例企业${i},150581,A,active`);
  writeFileSync(join(dir, 'enterprises.csv'), `uscc,name,division,credit_class,status\n${rows.join('\n')}\n`);
}
console.log(`generated ${n} enterprises (${(inputText.length / 1e6).toFixed(1)} MB input, ${result.visits.length} visits) in ${Math.round(performance.now() - t)} ms`);

const server = await serve();
const chrome = await browser();
try {
  const { page } = await openPage(chrome.browser, server.url);
  const files = { input: join(dir, 'draw-input.json'), result: join(dir, 'draw-result.json') };
  if (withRoster) files.roster = join(dir, 'enterprises.csv');
  await load(page, files);
  t = performance.now();
  const v = await verify(page, 300_000);
  const wall = Math.round(performance.now() - t);
  const summary = await page.textContent('#summary');
  console.log(`Chromium: ${v.verdict} — click to verdict ${wall} ms; ${summary}`);
  if (v.cls !== 'ok') process.exitCode = 1;
} finally {
  await chrome.close();
  server.stop();
  rmSync(dir, { recursive: true, force: true });
}
