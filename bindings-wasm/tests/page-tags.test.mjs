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
