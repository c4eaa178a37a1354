// The page's tag module (page/tags.js, issue #20 §4): for a looked-up enterprise it says
// which tag moved it, in Chinese, with the codes for the technical details. The items are
// built the way page/verify.js builds them (stratum key of the eligible leaf; the
// exclusion leaf's reasons after `<item_id>:`) from the leaves the wasm build commits for
// the tagged report of tests/vectors/profile/eligibility_with_tags.ops.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ssj from './load.mjs';
import { tagMoves, tagNote, tagReason } from '../page/tags.js';

const vectors = JSON.parse(readFileSync(new URL('../../tests/vectors/profile/eligibility_with_tags.ops.json', import.meta.url), 'utf8'));
const report = vectors.cases.find((c) => c.name === 'tags_focus_ratio_spare').expect;
const ITEM = 'market.food_production';
const eligible = ssj.eligibleLeaves(report);
const excluded = ssj.excludedLeaves(report);

/** One looked-up item as verify.js's lookup gives it (the fields tags.js reads). */
function item(uscc) {
  const leaf = eligible.find((l) => l.uscc === uscc && l.item_id === ITEM);
  const reasons = (excluded.find((l) => l.uscc === uscc)?.reasons ?? [])
    .filter((r) => r.startsWith(`${ITEM}:`)).map((r) => r.slice(ITEM.length + 1));
  return { item_id: ITEM, stratum: leaf?.stratum_key ?? null, reasons, finding: leaf ? 'not_selected' : reasons.length ? 'excluded' : 'not_listed' };
}

test('重点检查: the focus tag is named, outside the random draw', () => {
  const it = item('911505810000000190');
  assert.deepEqual(tagMoves(it), [{ effect: 'focus', tag: 'food.serious_violation' }]);
  const n = tagNote(it, 'zh');
  assert.match(n.text, /“严重违法失信”标签/);
  assert.match(n.text, /重点检查/);
  assert.match(n.text, /不参加随机抽取/);
  assert.equal(n.replacesVerdict, true);
  assert.equal(n.tech, '标签代码 focus:food.serious_violation');
});

test('a tag ratio: its own stratum, said beside the draw verdict', () => {
  const it = item('91150581000000027T');
  assert.equal(it.stratum, 'tag=food.poor_credit_record');
  const n = tagNote(it, 'zh');
  assert.match(n.text, /“不良信用记录”标签.*单独分层/);
  assert.equal(n.replacesVerdict, false);
});

test('无事不扰: spared by the clean-record tag; the receipt reason too', () => {
  const it = item('91150581000000043G');
  const n = tagNote(it, 'zh');
  assert.match(n.text, /“守法诚信（无事不扰）”标签.*无事不扰/);
  assert.equal(n.tech, '标签代码 spare:food.clean_record');
  const r = tagReason(`${ITEM}:tag_spared:food.clean_record`, 'zh');
  assert.equal(r.item, ITEM);
  assert.equal(r.text, n.text);
});

test('no tag, no note: an ordinary stratum and an ordinary exclusion', () => {
  assert.equal(tagNote(item('91150581000000051B'), 'zh'), null);
  assert.equal(tagNote(item('91150581000000035M'), 'zh'), null); // revoked
  assert.equal(tagReason(`${ITEM}:revoked`), null);
  assert.match(tagNote(item('911505810000000190'), 'en').text, /outside the random draw/);
});

// ---- in the page (headless Chromium) ---------------------------------------------------
// The tagged vector published end to end with the wasm build (plan with tags_hash, a
// notary and a 双色球 beacon, the draw, receipts) into a folder the page opens by link;
// looking up each moved enterprise shows the tag that moved it, in Chinese.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { PAGE_DIR, CHROMIUM, serve, browser, openPage } from './page-harness.mjs';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`;
const FOLDER = `tmp-tags-${process.pid}`;
let server;
let chrome;

function publishTagged(dir) {
  const run = (op, input) => ssj.runOperation(op, input);
  const secret = '07'.repeat(32);
  const catalog = vectors.cases[0].input.catalog;
  const meta = {
    task_id: '2025-HLGL-TAGS', reveal_order: 'before_beacon',
    beacons: [{ source_id: 'ssq', kind: 'cwl_ssq', series: 'cwl.ssq', draw: '2025024' }],
    parties: [{ party_id: 'notary', commitment: run('commitment', { party_id: 'notary', secret }) }],
  };
  const plan = run('plan_from_eligibility', { report, catalog, inspectors: [], meta });
  assert.ok(plan.tags_hash, 'the plan binds the tags');
  const planHash = run('plan_hash', { plan });
  let log = run('new_log', { plan_hash: planHash });
  log = run('log_append', { log, event: { kind: 'reveal', attempt: 0, party: 'notary', secret } });
  const value = '05.09.14.22.27.31+12';
  log = run('log_append', { log, event: { kind: 'beacon', attempt: 0, source: 'ssq', value } });
  const seed = run('derive_seed', { plan_hash: planHash, attempt: 0, beacons: [{ source: 'ssq', value }], secrets: [{ party: 'notary', secret }] });
  const published = run('publish_draw', { plan, eligible, catalog, log, attempt: 0, seed });
  const receipts = run('receipts', { plan, eligible, excluded, result: published.result });
  mkdirSync(join(dir, 'receipts'), { recursive: true });
  const w = (name, v) => writeFileSync(join(dir, name), typeof v === 'string' ? `${v}\n` : JSON.stringify(v));
  w('plan.json', plan);
  w('plan.hash', planHash);
  w('log.json', published.log);
  w('log.head', published.log.entries.at(-1).hash);
  w('result.json', published.result);
  w('eligible.json', eligible);
  w('catalog.json', catalog);
  for (const r of receipts) w(`receipts/${r.uscc}.json`, r);
}

before(async () => {
  if (skip) return;
  publishTagged(join(PAGE_DIR, FOLDER));
  server = await serve();
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  server?.stop();
  rmSync(join(PAGE_DIR, FOLDER), { recursive: true, force: true });
});

async function lookUp(uscc) {
  const { page, outside, errors } = await openPage(chrome.browser, server.url, `?task=${FOLDER}/&uscc=${uscc}`);
  await page.waitForSelector('body[data-task="done"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('#verdict', 'class'), 'ok', await page.textContent('#detail'));
  const li = `#enterprise li[data-item="${ITEM}"]`;
  await page.waitForSelector(li);
  const out = { verdict: await page.textContent(`${li} .verdict`), text: await page.textContent(li), tech: await page.textContent(`${li} details.tech`) };
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await page.close();
  return out;
}

test('the page says which tag moved a looked-up enterprise (Chinese, code in the technical details)', { skip }, async () => {
  const focus = await lookUp('911505810000000190');
  assert.match(focus.verdict, /“严重违法失信”标签.*重点检查.*不参加随机抽取/);
  assert.match(focus.tech, /focus:food\.serious_violation/);
  const spared = await lookUp('91150581000000043G');
  assert.match(spared.verdict, /无事不扰/);
  const ratio = await lookUp('91150581000000027T');
  assert.match(ratio.verdict, /^(已抽中|未抽中)/);
  assert.match(ratio.text, /“不良信用记录”标签.*单独分层/);
  assert.match(ratio.tech, /ratio:food\.poor_credit_record/);
});
