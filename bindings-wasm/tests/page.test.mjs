// The verification page in headless Chromium (Debian's chromium through playwright-core),
// served by `python3 -m http.server` on 127.0.0.1: the sample verifies, a tampered result
// fails naming the field, an enterprise lookup shows the right verdict, and the page
// makes no request outside the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { PAGE_DIR, CHROMIUM, serve, browser, openPage, load, verify } from './page-harness.mjs';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
const sample = (name) => join(PAGE_DIR, 'sample', name);
let server;
let chrome;
const tmp = mkdtempSync(join(tmpdir(), 'ssj-page-'));

before(async () => {
  if (skip) return;
  if (!existsSync(sample('draw-result.json'))) {
    execFileSync('node', [join(PAGE_DIR, 'make-sample.mjs')], { stdio: 'inherit' });
  }
  server = await serve();
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  server?.stop();
});

test('the sample verifies (Chinese interface) and no request leaves the local server', { skip }, async () => {
  const { page, outside, errors } = await openPage(chrome.browser, server.url);
  await load(page, { input: sample('draw-input.json'), result: sample('draw-result.json'), roster: sample('enterprises-gbk.csv') });
  const v = await verify(page);
  assert.equal(v.cls, 'ok', `${v.verdict} ${v.detail}`);
  assert.match(v.verdict, /验证通过/);
  const rows = await page.$$eval('#strata tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const result = JSON.parse(readFileSync(sample('draw-result.json'), 'utf8'));
  const strata = result.items.flatMap((i) => i.strata.map((s) => [i.item_id, s]));
  assert.equal(rows.length, strata.length);
  for (const [k, [item, s]] of strata.entries()) {
    assert.equal(rows[k][0], item);
    assert.equal(rows[k][3], String(s.eligible_count));
    assert.equal(rows[k][4], String(s.quota));
    assert.equal(rows[k][5], `${s.cutoff.ticket}, ${s.cutoff.uscc}`);
  }
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('English labels are available', { skip }, async () => {
  const { page } = await openPage(chrome.browser, server.url, '?lang=en');
  assert.equal(await page.textContent('#verify'), 'Verify');
  await page.click('#lang');
  assert.equal(await page.textContent('#verify'), '验证');
  await page.close();
});

test('a tampered result fails and names the first differing field', { skip }, async () => {
  const result = JSON.parse(readFileSync(sample('draw-result.json'), 'utf8'));
  const original = result.items[0].strata[0].selected[2].uscc;
  const other = JSON.parse(readFileSync(sample('draw-input.json'), 'utf8')).items[0].strata[0].eligible.find(
    (u) => !result.items[0].strata[0].selected.some((p) => p.uscc === u),
  );
  result.items[0].strata[0].selected[2].uscc = other;
  const path = join(tmp, 'draw-result.json');
  writeFileSync(path, JSON.stringify(result));
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, { input: sample('draw-input.json'), result: path });
  const v = await verify(page);
  assert.equal(v.cls, 'bad');
  assert.match(v.verdict, /验证未通过/);
  assert.ok(v.detail.includes('items[0].strata[0].selected[2].uscc'), v.detail);
  assert.ok(v.detail.includes(other) && v.detail.includes(original), v.detail);
  await page.close();
});

test('a malformed input is reported with the core error code', { skip }, async () => {
  const input = JSON.parse(readFileSync(sample('draw-input.json'), 'utf8'));
  input.seed = input.seed.toUpperCase();
  const path = join(tmp, 'draw-input.json');
  writeFileSync(path, JSON.stringify(input));
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, { input: path, result: sample('draw-result.json') });
  const v = await verify(page);
  assert.equal(v.cls, 'bad');
  assert.match(v.detail, /seed_invalid/);
  await page.close();
});

test('enterprise lookup: a selected and a not selected enterprise', { skip }, async () => {
  const result = JSON.parse(readFileSync(sample('draw-result.json'), 'utf8'));
  const input = JSON.parse(readFileSync(sample('draw-input.json'), 'utf8'));
  const stratum = result.items[0].strata[0];
  const chosen = stratum.selected[0];
  const notChosen = input.items.find((i) => i.item_id === result.items[0].item_id).strata[0].eligible.find(
    (u) => !stratum.selected.some((p) => p.uscc === u),
  );
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, { input: sample('draw-input.json'), result: sample('draw-result.json'), roster: sample('enterprises.csv') });
  assert.equal((await verify(page)).cls, 'ok');

  await page.fill('#uscc', chosen.uscc.toLowerCase());
  await page.click('#find');
  const item = `#enterprise li[data-item="${result.items[0].item_id}"]`;
  await page.waitForSelector(item);
  assert.ok((await page.textContent('#enterprise')).includes(chosen.ticket));
  assert.equal(await page.getAttribute(`${item} .verdict`, 'data-selected'), 'true');
  assert.match(await page.textContent(`${item} .verdict`), /已抽中/);
  assert.ok((await page.textContent(item)).includes(stratum.cutoff.ticket));

  await page.fill('#uscc', notChosen);
  await page.click('#find');
  await page.waitForFunction((u) => document.querySelector('#enterprise').textContent.includes(u), notChosen);
  assert.equal(await page.getAttribute(`${item} .verdict`, 'data-selected'), 'false');
  assert.match(await page.textContent(`${item} .verdict`), /未抽中/);

  await page.fill('#uscc', '91350100M000100Y44');
  await page.click('#find');
  await page.waitForFunction(() => document.querySelector('#enterprise').textContent.includes('uscc_check_character'));
  await page.close();
});
