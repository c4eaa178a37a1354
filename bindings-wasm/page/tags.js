// Which tag moved a looked-up enterprise (issue #20 §4), read from what the plan commits:
// the eligible leaf's stratum key `tag=<rule id>` (drawn at the tag's own ratio) and the
// exclusion leaf's reasons `tag_spared:<rule id>` (无事不扰) / `tag_focus:<rule id>`
// (重点检查, outside the random draw) — docs/verify-spec-v1.md §6.4. No rule here: the
// core decided; this only says it in words. The rule id stays in the technical details.

/** Names of the bundled food-producer tags (core/data/tags/food_producers.json). */
const TAG_ZH = {
  'food.serious_violation': '严重违法失信',
  'food.abnormal_list': '经营异常',
  'food.poor_credit_record': '不良信用记录',
  'food.sampling_failed': '抽检不合格',
  'food.repeated_complaints': '投诉举报多发',
  'food.check_findings': '检查发现问题',
  'food.clean_record': '守法诚信（无事不扰）',
  'food.licence_expiring': '许可证即将到期',
  'food.credit_repair_available': '可申请信用修复',
};

const PREFIX = 'tag=';

const name = (id, lang) => (lang === 'zh' ? (TAG_ZH[id] ? `“${TAG_ZH[id]}”` : `“${id}”`) : `"${id}"`);

const TEXT = {
  zh: {
    ratio: (id) => `本企业带有${name(id, 'zh')}标签，按抽查方案对该标签的规定单独分层，按该标签的比例随机抽取（依据：方案公布的标签效果及其出处）。`,
    spare: (id) => `本企业带有${name(id, 'zh')}标签，近期已接受过检查，按“无事不扰”的规定本次不参加随机抽取（依据：方案公布的标签效果及其出处）。`,
    focus: (id) => `本企业带有${name(id, 'zh')}标签，按“重点检查”的规定直接安排检查，不参加随机抽取，因此随机抽取的结果不受影响（依据：方案公布的标签效果及其出处）。`,
    tech: (moves) => `标签代码 ${moves.map((m) => `${m.effect}:${m.tag}`).join(', ')}`,
  },
  en: {
    ratio: (id) => `Carries the tag ${name(id, 'en')}: drawn in the tag's own stratum at the tag's ratio (the plan's published tag effects).`,
    spare: (id) => `Carries the tag ${name(id, 'en')}: checked recently, spared from this random draw (无事不扰, the plan's published tag effects).`,
    focus: (id) => `Carries the tag ${name(id, 'en')}: checked on purpose (重点检查), outside the random draw (the plan's published tag effects).`,
    tech: (moves) => `tag codes ${moves.map((m) => `${m.effect}:${m.tag}`).join(', ')}`,
  },
};

/**
 * The tag moves of one looked-up item (`verify.js` `lookup(...).items[k]`): a list of
 * `{effect: 'ratio' | 'spare' | 'focus', tag}`, empty when no tag moved it.
 */
export function tagMoves(item) {
  const out = [];
  if (item.stratum?.startsWith(PREFIX)) out.push({ effect: 'ratio', tag: item.stratum.slice(PREFIX.length) });
  for (const r of item.reasons ?? []) {
    const [code, ...rest] = r.split(':');
    const tag = rest.join(':');
    if (!tag) continue;
    if (code === 'tag_spared') out.push({ effect: 'spare', tag });
    if (code === 'tag_focus') out.push({ effect: 'focus', tag });
  }
  return out;
}

/**
 * What the page says about an item's tag moves: `null` when no tag moved it, else
 * `{text, tech}` — the sentence (Chinese or English) and the codes for the technical
 * details. For `spare` / `focus` the sentence replaces the plain exclusion sentence.
 */
export function tagNote(item, lang = 'zh') {
  const moves = tagMoves(item);
  if (!moves.length) return null;
  const t = TEXT[lang] ?? TEXT.zh;
  return {
    text: moves.map((m) => t[m.effect](m.tag)).join(''),
    tech: t.tech(moves),
    replacesVerdict: moves.every((m) => m.effect !== 'ratio') && item.finding === 'excluded' && item.reasons.every((r) => r.startsWith('tag_')),
  };
}

/**
 * A receipt's exclusion reason `<item_id>:tag_spared:<rule id>` / `…:tag_focus:…` in
 * words (`{item, text}`), or `null` for a reason no tag gave.
 */
export function tagReason(reason, lang = 'zh') {
  const [item, code, ...rest] = reason.split(':');
  const tag = rest.join(':');
  const effect = { tag_spared: 'spare', tag_focus: 'focus' }[code];
  if (!tag || !effect) return null;
  return { item, text: (TEXT[lang] ?? TEXT.zh)[effect](tag) };
}
