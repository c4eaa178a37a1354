// The verification page in headless Chromium (Debian's chromium through playwright-core),
// served by `python3 -m http.server` on 127.0.0.1, on the published files of the county
// example (plan, log, result, eligible list, catalog, receipts/): the sample verifies,
// a tampered result fails naming the field, a tampered plan fails with
// plan_hash_mismatch, a lookup and a receipt show the right verdict, a forged receipt
// fails, and the page makes no request outside the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PAGE_DIR, CHROMIUM, serve, browser, openPage, load, verify } from './page-harness.mjs';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name) => join(PAGE_DIR, 'sample', name);
const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const ROSTER = join(ROOT, 'examples', 'data', 'huolinguole', 'enterprises-gbk.csv');
const published = (over = {}) => ({
  plan: sample('plan.json'), planHash: sample('plan.hash'), log: sample('log.json'), logHead: sample('log.head'),
  result: sample('result.json'), eligible: sample('eligible.json'), catalog: sample('catalog.json'), ...over,
});
let server;
let chrome;
const tmp = mkdtempSync(join(tmpdir(), 'ssj-page-'));

before(async () => {
  if (skip) return;
  if (!existsSync(sample('result.json'))) {
    execFileSync('cargo', ['run', '-q', '-p', 'shuangsuiji-examples', '--bin', 'county', '--', sample('')], { cwd: ROOT, stdio: 'ignore' });
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
  await load(page, published({ roster: ROSTER }));
  const v = await verify(page);
  assert.equal(v.cls, 'ok', `${v.verdict} ${v.detail}`);
  assert.match(v.verdict, /验证通过/);
  const rows = await page.$$eval('#strata tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  const result = json(sample('result.json'));
  const strata = result.draw.items.flatMap((i) => i.strata.map((s) => [i.item_id, s]));
  assert.equal(rows.length, strata.length);
  for (const [k, [item, s]] of strata.entries()) {
    assert.equal(rows[k][0], item);
    assert.equal(rows[k][3], String(s.eligible_count));
    assert.equal(rows[k][4], String(s.quota));
    assert.equal(rows[k][5], s.cutoff ? `${s.cutoff.ticket}, ${s.cutoff.uscc}` : '—');
  }
  const summary = await page.textContent('#summary');
  assert.ok(summary.includes(readFileSync(sample('plan.hash'), 'utf8').trim()));
  // The sample is a revised result: the summary says which revision and how many item
  // selections the logged substitutions replaced.
  const replaced = json(sample('log.json')).entries.filter((e) => e.event.kind === 'substitution').length;
  assert.ok(result.revision > 0 && replaced > 0);
  assert.ok(summary.includes(`结果修订第 ${result.revision} 版（已替换 ${replaced} 项检查的抽中企业）`), summary);
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

test('a tampered result (one selected USCC changed) fails and names the field', { skip }, async () => {
  const result = json(sample('result.json'));
  const eligible = json(sample('eligible.json'));
  const [i, j] = result.draw.items.flatMap((it, i) => it.strata.map((s, j) => [i, j, s])).find(([, , s]) => s.selected.length > 0 && s.key !== 'forced');
  const stratum = result.draw.items[i].strata[j];
  const other = eligible.find((l) => l.item_id === result.draw.items[i].item_id && l.stratum_key === stratum.key
    && !stratum.selected.some((p) => p.uscc === l.uscc)).uscc;
  stratum.selected[0].uscc = other;
  const path = join(tmp, 'result.json');
  writeFileSync(path, JSON.stringify(result));
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, published({ result: path }));
  const v = await verify(page);
  assert.equal(v.cls, 'bad');
  assert.match(v.verdict, /验证未通过/);
  assert.match(v.detail, /result_mismatch/);
  assert.ok(v.detail.includes(`items[${i}].strata[${j}].selected[0].uscc`), v.detail);
  assert.ok(v.detail.includes('抽中企业'), v.detail);
  await page.close();
});

test('a tampered plan fails with plan_hash_mismatch', { skip }, async () => {
  const plan = json(sample('plan.json'));
  plan.items[0].strata[0].quota += 1;
  const path = join(tmp, 'plan.json');
  writeFileSync(path, JSON.stringify(plan));
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, published({ plan: path }));
  const v = await verify(page);
  assert.equal(v.cls, 'bad');
  assert.match(v.detail, /plan_hash_mismatch/);
  await page.close();
});

test('enterprise lookup and receipts: selected, not selected, forged', { skip }, async () => {
  const result = json(sample('result.json'));
  const receipts = readdirSync(sample('receipts')).map((f) => [f, json(sample(`receipts/${f}`))]);
  const [chosenFile, chosen] = receipts.find(([, r]) => r.eligible.some((e) => e.selected));
  const [, notChosen] = receipts.find(([, r]) => r.eligible.length > 0 && r.eligible.every((e) => !e.selected));
  const entry = chosen.eligible.find((e) => e.selected);
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, published());
  assert.equal((await verify(page)).cls, 'ok');

  // Lookup by USCC: ticket, stratum, cut-off and verdict from the result and eligible list.
  await page.fill('#uscc', chosen.uscc.toLowerCase());
  await page.click('#find');
  const item = `#enterprise li[data-item="${entry.item_id}"]`;
  await page.waitForSelector(item);
  assert.ok((await page.textContent('#enterprise')).includes(chosen.ticket));
  assert.equal(await page.getAttribute(`${item} .verdict`, 'data-selected'), 'true');
  assert.match(await page.textContent(`${item} .verdict`), /已抽中/);
  const cut = result.draw.items.find((it) => it.item_id === entry.item_id).strata.find((s) => s.key === entry.stratum_key).cutoff;
  assert.ok((await page.textContent(item)).includes(cut.ticket));

  await page.fill('#uscc', notChosen.uscc);
  await page.click('#find');
  await page.waitForFunction((u) => document.querySelector('#enterprise').textContent.includes(u), notChosen.uscc);
  const item2 = `#enterprise li[data-item="${notChosen.eligible[0].item_id}"]`;
  assert.equal(await page.getAttribute(`${item2} .verdict`, 'data-selected'), 'false');
  assert.match(await page.textContent(`${item2} .verdict`), /未抽中/);

  // The enterprise's own receipt: verified by the core.
  await page.setInputFiles('#f-receipt', sample(`receipts/${chosenFile}`));
  await page.click('#check-receipt');
  await page.waitForSelector('#receipt-verdict');
  assert.equal(await page.getAttribute('#receipt-verdict', 'class'), 'ok');
  const rItem = `#receipt-out li[data-item="${entry.item_id}"]`;
  assert.equal(await page.getAttribute(`${rItem} .verdict`, 'data-selected'), 'true');
  assert.ok((await page.textContent(rItem)).includes(entry.stratum_key));
  assert.ok((await page.textContent(rItem)).includes(cut.ticket));
  assert.ok((await page.textContent('#receipt-out')).includes(chosen.ticket));

  // A forged receipt: a not-selected enterprise claims it was selected.
  const forged = structuredClone(notChosen);
  forged.eligible[0].selected = true;
  const path = join(tmp, 'forged.json');
  writeFileSync(path, JSON.stringify(forged));
  await page.evaluate(() => document.querySelector('#receipt-out').replaceChildren());
  await page.setInputFiles('#f-receipt', path);
  await page.click('#check-receipt');
  await page.waitForSelector('#receipt-verdict');
  assert.equal(await page.getAttribute('#receipt-verdict', 'class'), 'bad');
  const text = await page.textContent('#receipt-verdict');
  assert.match(text, /receipt_invalid/);
  assert.ok(text.includes('eligible[0].selected'), text);

  await page.fill('#uscc', '91350100M000100Y44');
  await page.click('#find');
  await page.waitForFunction(() => document.querySelector('#enterprise').textContent.includes('uscc_check_character'));
  await page.close();
});
