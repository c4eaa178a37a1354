// Interface texts: Chinese (default) and English. Presentation only: every finding is
// the core's (verify.js arranges it); here it becomes a sentence for people.

/** A stratum key (`credit=A`, `risk=C`, `credit=A;risk=C`, `all`, `forced`) in words. */
function stratumZh(key) {
  if (!key) return '—';
  if (key === 'all') return '全部企业';
  if (key === 'forced') return '必查企业';
  return key.split(';').map((part) => {
    const [k, v] = part.split('=');
    if (k === 'credit') return v === 'unclassified' ? '未评定信用风险分类' : `信用风险分类 ${v} 类`;
    if (k === 'risk') return v === 'unclassified' ? '未评定食品安全风险等级' : `食品安全风险等级 ${v} 级`;
    return part;
  }).join('、');
}
function stratumEn(key) {
  if (!key) return '—';
  if (key === 'all') return 'all enterprises';
  if (key === 'forced') return 'always checked';
  return key.split(';').map((part) => {
    const [k, v] = part.split('=');
    if (k === 'credit') return v === 'unclassified' ? 'credit class not assessed' : `credit class ${v}`;
    if (k === 'risk') return v === 'unclassified' ? 'food risk grade not assessed' : `food risk grade ${v}`;
    return part;
  }).join(', ');
}

/**
 * Why an enterprise is outside an item's random pool: the core's reason codes
 * (`rules::ReasonCode`) as sentences with the legal basis the core's rules cite.
 */
const REASON_ZH = {
  outside_jurisdiction: '企业的登记地不在本次抽查机关的辖区内（依据：《企业公示信息抽查办法》（市场监管总局令第101号）第四条，抽查对象为辖区内企业）',
  deregistered: '企业已注销，不再是可检查的市场主体（依据：《市场主体登记管理条例》（国务院令第746号）及其实施细则）',
  revoked: '企业的营业执照已被吊销，不得从事经营活动（依据：《市场主体登记管理条例》（国务院令第746号）及其实施细则）',
  moved_out: '企业已迁出，由迁入地登记机关管理（依据：《市场主体登记管理条例》（国务院令第746号）及其实施细则）',
  not_in_item_scope: '本检查事项不适用于该企业的行业类别（依据：国办发〔2015〕58号，抽查事项清单载明抽查对象，清单外不得抽查）',
  yearly_cap_reached: '本年度被抽查的次数已达到年度上限（依据：本地抽查方案“原则上同一年度内同一企业抽查次数不超过2次”；国办发〔2024〕54号要求各地公布年度抽查上限）',
  checked_by_higher_level: '上级执法部门已对该企业进行过抽查，下级部门不再重复抽查（依据：本地抽查方案“上级执法部门同一年度内已抽查的企业，下级执法部门在抽查时应当予以排除”；《食品生产经营监督检查管理办法》第四十二条）',
  no_stratum: '企业不属于方案所分的任何一层，例如缺少方案分层所用的风险等级（依据：本次抽查方案的分层规定）',
  forced_in: '依规定必须检查，不参与随机抽取（依据：本次抽查方案）',
};
const REASON_EN = {
  outside_jurisdiction: 'registered outside the checking authority\'s territory (企业公示信息抽查办法 Art. 4)',
  deregistered: 'deregistered (市场主体登记管理条例)',
  revoked: 'business licence revoked (市场主体登记管理条例)',
  moved_out: 'moved to another registration authority (市场主体登记管理条例)',
  not_in_item_scope: 'the item does not apply to its line of business (国办发〔2015〕58号)',
  yearly_cap_reached: 'the yearly cap on checks per enterprise is reached (the local plan; 国办发〔2024〕54号)',
  checked_by_higher_level: 'a higher-level authority already checked it (the local plan; 食品生产经营监督检查管理办法 Art. 42)',
  no_stratum: 'in none of the plan\'s strata',
  forced_in: 'always checked, outside the random draw',
};
const SUBSTITUTION_ZH = {
  unreachable: '通过登记的住所或经营场所无法联系',
  deregistered_after_draw: '抽取后已注销',
  revoked_after_draw: '抽取后被吊销营业执照',
  suspended_after_draw: '抽取后停业或歇业',
  out_of_scope_after_draw: '抽取后不再属于该事项的检查范围',
};
const BASIS_ZH = { drawn: '随机抽中', expansion: '扩大抽取时抽中', substitute: '替补入选' };

const FILE_ZH = {
  plan: '抽取方案（plan.json）', planHash: '方案哈希（plan.hash）', log: '抽取日志（log.json）', logHead: '日志头哈希（log.head）',
  result: '抽取结果（result.json）', eligible: '应抽名单（eligible.json）', catalog: '检查事项清单（catalog.json）',
};
const FILE_EN = {
  plan: 'the plan (plan.json)', planHash: 'the plan hash (plan.hash)', log: 'the draw log (log.json)', logHead: 'the log head (log.head)',
  result: 'the result (result.json)', eligible: 'the eligible list (eligible.json)', catalog: 'the catalog (catalog.json)',
};

const itemZh = (names, id) => names?.items?.[id] ?? id;
const deptZh = (names, code) => names?.departments?.[code] ?? code;

/** Where in the result a difference is, in words (from the core's error details). */
function whereZh(e, names) {
  const d = e.details ?? {};
  const parts = [];
  if (d.item) parts.push(`“${itemZh(names, d.item)}”`);
  if (d.stratum) parts.push(`“${stratumZh(d.stratum)}”这一层`);
  let s = parts.length ? `在${parts.join('的')}中` : '';
  if (d.enterprise) s += `，涉及企业 ${d.enterprise}`;
  return s;
}

export const TEXT = {
  zh: {
    title: '双随机抽取结果验证',
    intro: '这个页面在您自己的电脑或手机上核对政府公布的“双随机”抽查结果，不经过任何服务器：它检查公布的文件是否被改动过，按公开的规则重新抽一遍，看结果是否和公布的一样。企业可以查询自己是否被抽中、为什么。',
    files: '公布文件',
    plan: '抽取方案（plan.json）',
    planHash: '方案哈希（plan.hash）',
    log: '抽取日志（log.json）',
    logHead: '日志头哈希（log.head）',
    result: '抽取结果（result.json）',
    eligible: '应抽名单（eligible.json）',
    catalog: '检查事项清单（catalog.json）',
    roster: '企业名录（可选，只用于显示企业名称）',
    folder: '选择公布文件所在的整个文件夹',
    pickOne: '逐个选择文件',
    drop: '也可以把公布的文件或整个文件夹拖放到这里（按文件名自动识别）',
    sample: '加载示例（霍林郭勒市）',
    verify: '验证',
    loaded: (n, receipts, list) => `已选 ${n} 个公布文件${receipts ? `，${receipts} 份企业回执` : ''}：${list}`,
    progress: { read: '读取文件…', roster: '读取企业名录…', draw: '核对方案、名单和日志，并重新抽取…', parse: '读取结果文件…', fetch: '下载公布文件…' },
    ok: '验证通过：此次抽取结果真实有效',
    bad: '验证未通过',
    okMeaning: '公布的文件没有被改动过；按公开规则重新抽取，结果与公布的完全一致。没有人能事先选定或事后更改抽中的企业。',
    badMeaning: '公布的文件中至少有一处与其余文件对不上，不能证明这次抽取结果真实有效。请向组织抽查的部门询问，或确认文件是否下载完整。',
    how: '抽取是怎样进行的？',
    checks: {
      plan: '方案：与事先公布的方案哈希一致，公布后未被改动',
      lists: '名单：检查事项清单和应抽名单与方案登记的一致',
      log: '日志与种子：抽取日志完整，随机种子由公开仪式产生',
      result: '抽取结果：按公开规则重新抽取，与公布的结果一致',
      files: '公布文件齐全',
    },
    /** A failed sub-check's line (the sentence below says why). */
    checksBad: {
      plan: '方案：与事先公布的方案哈希不一致',
      lists: '名单：与方案登记的不一致',
      log: '日志与种子：未通过核对',
      result: '抽取结果：与按公开规则重新抽取的结果不一致',
      files: '公布文件不齐全',
    },
    skipped: '未核验（前一项未通过）',
    /** A failed check as a sentence: which file, what is wrong, what it means. */
    why: (w, e, names) => {
      const f = FILE_ZH[w.file] ?? '公布的文件';
      switch (w.kind) {
        case 'missing': return `还缺少公布文件：${e.details.missing.map((m) => FILE_ZH[m]).join('、')}。请把公布的文件都选上（可以把整个文件夹拖进来）。`;
        case 'plan_changed': return '抽取方案（plan.json）与事先公布的方案哈希（plan.hash）对不上：方案在公布后被改动过，或这两个文件不属于同一次抽取。';
        case 'catalog_changed': return '检查事项清单（catalog.json）与方案中登记的清单不一致：清单在方案公布后被改动过，或不是这次抽取所用的清单。';
        case 'eligible_changed': return '应抽名单（eligible.json）与方案中登记的名单不一致：方案公布后，名单中有企业被增加、删除或改动。';
        case 'counts_changed': return `应抽名单中${whereZh(e, names) || '某一层'}的企业数与方案登记的不一致：名单在方案公布后被改动过。`;
        case 'log_broken': return '抽取日志（log.json）未通过核对：日志中的记录被改动、删除或次序不对，随机种子无法按公开仪式（各方事先承诺的密钥和公开的开奖号码）重现。';
        case 'head_changed': return '日志头哈希（log.head）与抽取日志对不上：日志在公布后被改动过，或这两个文件不属于同一次抽取。';
        case 'result_changed': return `抽取结果（result.json）与按公开规则重新抽取的结果不一致${whereZh(e, names) ? `（${whereZh(e, names)}）` : ''}：公布的结果被改动过。`;
        case 'result_stale': return '公布的抽取结果（result.json）不是抽取日志中登记的最新一版。';
        case 'result_hash': return '抽取结果（result.json）与抽取日志中登记的结果指纹不符：结果在登记后被改动过。';
        case 'unreadable': return `${f}无法读取：文件不完整或格式不对（可能没有下载完整，或选错了文件）。`;
        default: return `${f}未通过核对。`;
      }
    },
    tech: '技术细节',
    techError: (e) => `错误代码 ${e.code}${e.details?.field ? `，位置 ${e.details.field}` : ''}${e.details?.expected !== undefined ? `，应为 ${show(e.details.expected)}，实为 ${show(e.details.actual)}` : ''}。${e.messageZh ?? e.message ?? ''}`,
    summary: (s, names) => `${names?.title ? `${names.title}：` : ''}任务 ${s.task_id}${s.year ? `（${s.year} 年）` : ''}，第 ${s.attempt + 1} 次抽取，共 ${s.visits} 户企业接受检查（一户企业的多个检查事项合并为一次上门）${s.revision ? `；结果修订第 ${s.revision} 版（已替换 ${s.substitutions} 项检查的抽中企业）` : ''}。`,
    summaryTech: (s, ms) => `方案哈希 ${s.plan_hash}；种子 ${s.seed}；结果哈希 ${s.result_hash}；日志头 ${s.log_head}；用时 ${ms} 毫秒。`,
    rosterNote: (r) => (r.error ? `企业名录（${r.name}）未能读取，查询时不显示企业名称；这不影响验证结论。` : `已读取企业名录（${r.name}，${r.count} 家），仅用于显示企业名称。`),
    strata: (n) => `各层抽取情况（${n} 层，点击展开）`,
    cols: ['检查事项', '部门', '分层', '应抽总数', '抽取数', '已选', '截止号（票号, 代码）'],
    lookup: '我的企业被抽中了吗？',
    lookupHint: '输入统一社会信用代码（18 位），查看每个检查事项的结果和原因。',
    usccLabel: '统一社会信用代码',
    find: '查询',
    ticket: '抽签号',
    stratumName: stratumZh,
    item: (it, names) => `${itemZh(names, it.item_id)}（${deptZh(names, it.department)}）`,
    /** One item's finding for one enterprise as a sentence. */
    finding: (it, l) => {
      const where = it.stratum ? `在“${stratumZh(it.stratum)}”这一层的 ${it.eligible_count} 家企业中抽取 ${it.drawn} 家，` : '';
      const sub = it.substitution;
      switch (it.finding) {
        case 'selected':
          if (it.basis === 'substitute' && sub) return `已抽中（替补入选）：原抽中的企业 ${sub.replaced} 因${SUBSTITUTION_ZH[sub.reason] ?? sub.reason}被替换，按抽签号顺序由本企业替补。`;
          return `已抽中（${BASIS_ZH[it.basis] ?? it.basis}）：${where}本企业的抽签号落在公布的截止号之内。`;
        case 'not_selected': return `未抽中：${where}本企业的抽签号排在截止号之后。`;
        case 'replaced': return `曾被抽中，后因${sub ? SUBSTITUTION_ZH[sub.reason] ?? sub.reason : '登记的原因'}被替换${sub ? `（由企业 ${sub.substitute} 替补）` : ''}，本次不再检查。`;
        case 'excluded': return `不在抽取范围内：${it.reasons.map((r) => REASON_ZH[r] ?? r).join('；')}。`;
        default:
          if (l.receipt.state === 'no_source') return '不在本事项的应抽名单中（未加载回执，看不到是否有排除原因）。';
          return '不在本事项的应抽名单中，也没有本事项的排除记录。';
      }
    },
    sameReasons: '不在抽取范围内，原因同上。',
    linkOrigin: '链接指向另一个网站上的文件：本页面只打开与它同一网站上公布的文件。请使用组织抽查的部门公布的链接，或把文件下载后选择或拖放进来。',
    notListed: '此代码不在公布的名单中：既不在应抽名单里，也没有排除记录。请核对代码是否输入正确，或该企业是否属于本次抽查的辖区和名录。',
    noReceiptSource: '此代码不在应抽名单中。页面没有这家企业的回执，因此看不到它是否被排除及原因：请打开公布的整个文件夹，或在下方加载该企业的回执。',
    receiptBadLookup: '公布的这家企业的回执未通过核对，不能据此说明排除原因。',
    lookupTech: (l) => `抽签号 ${l.ticket}。`,
    itemTech: (it) => `${it.stratum ? `分层 ${it.stratum}，N = ${it.eligible_count}，截止号 ${it.cutoff ? `${it.cutoff.ticket}, ${it.cutoff.uscc}` : '—'}` : ''}${it.reasons.length ? `排除代码 ${it.reasons.join(', ')}` : ''}${it.substitution ? `；替换记录 ${it.substitution.reason}，${it.substitution.evidence}` : ''}`,
    needVerify: '请先验证抽取结果，再查询企业。',
    badUscc: (e) => `这不是一个有效的统一社会信用代码（${e.code === 'uscc_check_character' ? '最后一位校验码不对，可能输错了一位' : '长度或字符不对'}）。`,
    receiptTitle: '核验企业回执',
    receiptLabel: '回执文件（receipts/统一社会信用代码.json）',
    checkReceipt: '核验回执',
    receiptSelected: '已抽中：抽签号落在本层截止号之内',
    notSelected: '未抽中：抽签号排在本层截止号之后',
    receiptOk: '回执有效：与验证过的方案和结果一致',
    receiptBad: '回执无效：这份回执与验证过的方案或结果对不上，可能被改动过',
    stratum: '分层',
    cutoff: '截止号',
    excluded: '不在抽取范围（排除原因）',
    reason: (r) => {
      const [item, code] = r.split(':');
      return { item, text: REASON_ZH[code] ?? code };
    },
    howTitle: '抽取是怎样进行的',
    howText: [
      '抽取前，组织抽查的部门先公布“抽取方案”：哪些检查事项、哪些企业在名单上（按信用风险分类等分层）、每层抽多少家，以及方案的“指纹”（方案哈希）。方案一旦公布，改动任何一个字都会让指纹对不上。',
      '随机数由几方共同产生：参加的部门和公证机构各自事先交出一个密钥的“承诺”，再加上事先指定的一期福利彩票开奖号码。抽取时各方公开密钥，和开奖号码一起算出随机种子。没有人能在开奖前知道种子，任何一方也无法单独改变它。',
      '每家企业根据种子和自己的统一社会信用代码得到一个抽签号；每一层按抽签号从小到大，排在前面的企业被抽中，最后一家被抽中企业的抽签号就是这一层的“截止号”。抽签号与名单的排列顺序无关，企业可以自己核算。',
      '本页面用同样的规则把整个抽取重新算一遍，与公布的结果逐项比对。所以结果既不能事先选定，也不能事后更改。',
    ],
    lang: 'English',
  },
  en: {
    title: 'Verify a random spot-check draw',
    intro: 'This page checks the published draw of a random spot check on your own computer or phone, without any server: it checks that the published files were not changed, recomputes the draw by the published rules and compares it with the published result. An enterprise can look up whether it was picked, and why.',
    files: 'Published files',
    plan: 'Plan (plan.json)',
    planHash: 'Plan hash (plan.hash)',
    log: 'Draw log (log.json)',
    logHead: 'Log head (log.head)',
    result: 'Result (result.json)',
    eligible: 'Eligible list (eligible.json)',
    catalog: 'Catalog (catalog.json)',
    roster: 'Enterprise roster (optional, for names only)',
    folder: 'Choose the whole folder of published files',
    pickOne: 'Choose the files one by one',
    drop: 'Or drop the files or the whole folder here (recognised by file name)',
    sample: 'Load the sample (Huolinguole)',
    verify: 'Verify',
    loaded: (n, receipts, list) => `${n} published files chosen${receipts ? `, ${receipts} receipts` : ''}: ${list}`,
    progress: { read: 'Reading the files…', roster: 'Reading the roster…', draw: 'Checking plan, lists and log, recomputing the draw…', parse: 'Reading the result…', fetch: 'Downloading the published files…' },
    ok: 'Verified: this draw is authentic',
    bad: 'Verification failed',
    okMeaning: 'The published files were not changed; recomputed by the published rules, the draw equals the published result. Nobody could choose or change who was picked.',
    badMeaning: 'At least one published file does not match the others: the draw cannot be confirmed. Ask the authority that ran it, or check that the files were downloaded completely.',
    how: 'How does the draw work?',
    checks: {
      plan: 'Plan: matches the plan hash published in advance',
      lists: 'Lists: catalog and eligible list match the plan',
      log: 'Log and seed: the log is intact, the seed comes from the public ceremony',
      result: 'Result: recomputed by the published rules, equal to the published result',
      files: 'All published files present',
    },
    checksBad: {
      plan: 'Plan: does not match the plan hash published in advance',
      lists: 'Lists: differ from what the plan committed to',
      log: 'Log and seed: do not check out',
      result: 'Result: differs from the draw recomputed by the published rules',
      files: 'Published files missing',
    },
    skipped: 'not checked (an earlier check failed)',
    why: (w, e) => {
      const f = FILE_EN[w.file] ?? 'a published file';
      switch (w.kind) {
        case 'missing': return `Missing published files: ${e.details.missing.map((m) => FILE_EN[m]).join(', ')}.`;
        case 'plan_changed': return 'The plan does not match the published plan hash: it was changed after publication, or the two files belong to different draws.';
        case 'catalog_changed': return 'The catalog differs from the one the plan names: it was changed after the plan was published.';
        case 'eligible_changed':
        case 'counts_changed': return 'The eligible list differs from the one the plan commits to: enterprises were added, removed or changed after the plan was published.';
        case 'log_broken': return 'The draw log does not check out: entries were changed, removed or reordered; the seed cannot be reproduced from the public ceremony.';
        case 'head_changed': return 'The log head does not match the draw log: the log was changed after publication, or the files belong to different draws.';
        case 'result_changed': return 'The result differs from the draw recomputed by the published rules: the published result was changed.';
        case 'result_stale': return 'The published result is not the latest one the log records.';
        case 'result_hash': return 'The result does not match the result hash the log records: it was changed afterwards.';
        case 'unreadable': return `${f} cannot be read: the file is incomplete or not the right file.`;
        default: return `${f} does not check out.`;
      }
    },
    tech: 'Technical details',
    techError: (e) => `Error code ${e.code}${e.details?.field ? `, at ${e.details.field}` : ''}${e.details?.expected !== undefined ? `, expected ${show(e.details.expected)}, found ${show(e.details.actual)}` : ''}. ${e.messageEn ?? e.message ?? ''}`,
    summary: (s, names) => `${names?.title ? `${names.title}: ` : ''}task ${s.task_id}${s.year ? ` (${s.year})` : ''}, draw ${s.attempt + 1}, ${s.visits} enterprises to visit${s.revision ? `; result revision ${s.revision} (${s.substitutions} item selections replaced)` : ''}.`,
    summaryTech: (s, ms) => `Plan hash ${s.plan_hash}; seed ${s.seed}; result hash ${s.result_hash}; log head ${s.log_head}; ${ms} ms.`,
    rosterNote: (r) => (r.error ? `The roster (${r.name}) could not be read: no names in the lookup. This does not affect the verdict.` : `Roster read (${r.name}, ${r.count} enterprises), for names only.`),
    strata: (n) => `Per stratum (${n} strata, click to open)`,
    cols: ['Item', 'Department', 'Stratum', 'Eligible N', 'Quota', 'Selected', 'Cut-off (ticket, USCC)'],
    lookup: 'Was my enterprise picked?',
    lookupHint: 'Enter the 18-character credit code (统一社会信用代码) to see the finding and the reason for each item.',
    usccLabel: 'Credit code (统一社会信用代码)',
    find: 'Look up',
    ticket: 'Ticket',
    stratumName: stratumEn,
    item: (it, names) => `${names?.items?.[it.item_id] ?? it.item_id} (${names?.departments?.[it.department] ?? it.department})`,
    finding: (it, l) => {
      const where = it.stratum ? `of ${it.eligible_count} enterprises in the stratum “${stratumEn(it.stratum)}” ${it.drawn} were drawn; ` : '';
      switch (it.finding) {
        case 'selected': return it.basis === 'substitute' ? `Selected as a substitute for ${it.substitution?.replaced ?? 'a replaced enterprise'}.` : `Selected: ${where}its ticket is within the published cut-off.`;
        case 'not_selected': return `Not selected: ${where}its ticket comes after the cut-off.`;
        case 'replaced': return `Was selected, then replaced${it.substitution ? ` by ${it.substitution.substitute} (${it.substitution.reason})` : ''}; not checked this time.`;
        case 'excluded': return `Outside the draw: ${it.reasons.map((r) => REASON_EN[r] ?? r).join('; ')}.`;
        default: return l.receipt.state === 'no_source' ? 'Not on this item\'s eligible list (no receipt loaded to show an exclusion reason).' : 'Not on this item\'s eligible list, and no exclusion recorded for it.';
      }
    },
    sameReasons: 'Outside the draw, for the same reasons.',
    linkOrigin: 'The link points to files on another site: this page opens only files published on its own site. Use the link the authority published, or download the files and choose or drop them here.',
    notListed: 'This code is not in the published lists: neither on the eligible list nor among the exclusions. Check the code.',
    noReceiptSource: 'This code is not on the eligible list. The page has no receipt for it, so it cannot show whether and why it was excluded: open the whole published folder, or load its receipt below.',
    receiptBadLookup: 'The published receipt of this enterprise does not check out; it cannot explain an exclusion.',
    lookupTech: (l) => `Ticket ${l.ticket}.`,
    itemTech: (it) => `${it.stratum ? `stratum ${it.stratum}, N = ${it.eligible_count}, cut-off ${it.cutoff ? `${it.cutoff.ticket}, ${it.cutoff.uscc}` : '—'}` : ''}${it.reasons.length ? `exclusion codes ${it.reasons.join(', ')}` : ''}${it.substitution ? `; substitution ${it.substitution.reason}, ${it.substitution.evidence}` : ''}`,
    needVerify: 'Verify the draw first.',
    badUscc: (e) => `Not a valid credit code (${e.code === 'uscc_check_character' ? 'the check character is wrong: probably one character was mistyped' : 'wrong length or characters'}).`,
    receiptTitle: 'Check an enterprise receipt',
    receiptLabel: 'Receipt (receipts/<USCC>.json)',
    checkReceipt: 'Check receipt',
    receiptSelected: 'Selected: ticket within the stratum cut-off',
    notSelected: 'Not selected: ticket after the stratum cut-off',
    receiptOk: 'Receipt valid: it matches the verified plan and result',
    receiptBad: 'Receipt invalid: it does not match the verified plan or result, it may have been changed',
    stratum: 'stratum',
    cutoff: 'cut-off',
    excluded: 'Excluded (reasons)',
    reason: (r) => {
      const [item, code] = r.split(':');
      return { item, text: REASON_EN[code] ?? code };
    },
    howTitle: 'How the draw works',
    howText: [
      'Before the draw, the authority publishes the plan: the items, the enterprises on the list (in strata, e.g. by credit class), how many to draw from each stratum, and the plan\'s fingerprint (plan hash). Changing a single character of the plan changes the fingerprint.',
      'The randomness comes from several parties: each participating department and a notary commit to a secret in advance, and a lottery draw is named in advance. At the draw the parties reveal their secrets, which together with the lottery numbers give the seed. Nobody knows the seed before the lottery, and no party can change it alone.',
      'From the seed and its credit code, every enterprise gets a ticket; in each stratum the lowest tickets are picked, and the last picked ticket is the stratum\'s cut-off. Tickets do not depend on the order of the list; every enterprise can recompute its own.',
      'This page recomputes the whole draw by the same rules and compares it with the published result. So the result could neither be chosen in advance nor changed afterwards.',
    ],
    lang: '中文',
  },
};

function show(v) {
  if (v === undefined) return '（缺失 / absent）';
  // The core gives JSON text (`"9115…"`): shown without its quotes and escapes.
  let t = typeof v === 'string' ? v : JSON.stringify(v);
  if (/^".*"$/s.test(t)) {
    try {
      t = JSON.parse(t);
    } catch {
      // kept as given
    }
  }
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}

// ---- published inspection results (检查结果公示; outcomes.js, outcomes-view.js) -------------
const STATUS_ZH = { on_time: '按期公示', pending: '待公示', late: '逾期公示', overdue: '逾期未公示' };
const STATUS_EN = { on_time: 'published on time', pending: 'not yet due', late: 'published late', overdue: 'overdue, not published' };
const CATEGORY_EN = {
  no_problem: 'no problem found',
  info_not_published: 'information that must be published was not',
  info_false: 'published information concealed facts or was false',
  unreachable: 'cannot be reached at its registered address',
  corrected: 'problem found, ordered to correct',
  pending_follow_up: 'problem found, further action pending',
  refused_serious: 'refused to cooperate (serious)',
  no_activity: 'no business activity of this check found',
};
const OUTCOME_FILE_ZH = { outcomes: '检查结果（outcomes.json）', disclosure: '公示名单（disclosure.json）', log: '抽取日志（log.json）', result: '抽取结果（result.json）' };
const OUTCOME_FILE_EN = { outcomes: 'the results (outcomes.json)', disclosure: 'the 公示 list (disclosure.json)', log: 'the draw log (log.json)', result: 'the result (result.json)' };
const countsZh = (r) => {
  const n = (k) => r.departments.reduce((s, d) => s + d[k].length, 0);
  const parts = [['late', '逾期公示'], ['overdue', '逾期未公示'], ['pending', '待公示']].filter(([k]) => n(k)).map(([k, w]) => `${n(k)} 条${w}`);
  return parts.length ? `有 ${parts.join('、')}` : '全部检查结果均已按期公示';
};
const countsEn = (r) => {
  const n = (k) => r.departments.reduce((s, d) => s + d[k].length, 0);
  const parts = [['late', 'published late'], ['overdue', 'overdue'], ['pending', 'not yet due']].filter(([k]) => n(k)).map(([k, w]) => `${n(k)} ${w}`);
  return parts.length ? parts.join(', ') : 'every result published on time';
};

/** The texts of the published results: the note under the verdict and one enterprise's block. */
export const OUTCOME_TEXT = {
  zh: {
    outcomes: '检查结果（outcomes.json，可选）',
    disclosure: '公示名单（disclosure.json，可选）',
    title: '检查结果公示',
    note: (r) => {
      switch (r.state) {
        case 'verified': return `检查结果公示：已核验。公布的检查结果与抽取日志中登记的一致，公示名单与按这些结果重新生成的完全相同。截至 ${r.as_of}，${countsZh(r)}。`;
        case 'none': return '检查结果公示：尚未公布（抽取日志中也没有登记检查结果）。';
        case 'missing': return `检查结果公示：${r.logged ? '抽取日志中已登记检查结果，但' : ''}缺少公布文件${r.missing.map((f) => OUTCOME_FILE_ZH[f]).join('、')}，无法核对检查结果。`;
        case 'mismatch': return `检查结果公示：未通过核对。${OUTCOME_TEXT.zh.why(r.why)}`;
        default: return '';
      }
    },
    why: (w) => {
      switch (w.kind) {
        case 'not_committed': return '抽取日志中没有登记这些检查结果，不能证明它们公布后未被改动。';
        case 'other_revision': return '检查结果登记在另一版抽取结果上，与本次验证的抽取结果（result.json）不对应。';
        case 'outcomes_changed': return '检查结果（outcomes.json）与抽取日志中登记的指纹不符：检查结果在登记后被改动过。';
        case 'list_changed': return `公示名单（disclosure.json）与按登记的检查结果重新生成的名单不一致${w.enterprise ? `（企业 ${w.enterprise} 的记录）` : ''}：公示内容被改动过。`;
        default: return `${OUTCOME_FILE_ZH[w.file] ?? '检查结果文件'}无法读取：文件不完整或格式不对。`;
      }
    },
    /** One enterprise's results when they could not be verified. */
    enterprise: (o) => {
      switch (o.state) {
        case 'none': return '尚未公布检查结果。';
        case 'missing': return '检查结果的公布文件不全，无法显示本企业的检查结果。';
        case 'mismatch': return o.named ? '公示名单中本企业的检查结果与抽取日志中登记的不一致：公示内容被改动过，不能采信。' : '公布的检查结果与抽取日志对不上（见上方说明），不能采信，因此不显示。';
        default: return '';
      }
    },
    asOf: (o) => `截至 ${o.as_of}：${STATUS_ZH[o.status] ?? o.status}（公示期限 ${o.deadline}，自检查结束之日起 20 个工作日）`,
    department: (res, dept) => (res.date
      ? `${dept}：${res.date} 检查，${res.recorded_on} 公示（期限 ${res.deadline}，${STATUS_ZH[res.status] ?? res.status}）`
      : `${dept}：尚未公示检查结果（期限 ${res.deadline}，${STATUS_ZH[res.status] ?? res.status}）`),
    finding: (f, item) => `${item}：${f.label}${f.remark ? `（${f.remark}）` : ''}`,
    followUp: (u, deptName) => {
      if (u.kind === 'rectification') return `责令改正，改正期限 ${u.deadline}`;
      if (u.kind === 'case_filed') return `已立案${u.date ? `（${u.date}）` : ''}`;
      if (u.kind === 'referral') return u.to === 'public_security' ? '涉嫌犯罪，移送公安机关' : `移送${deptName(u.department)}`;
      return u.kind;
    },
    followUps: '后续处理：',
    techNote: (r) => `检查结果哈希 ${r.outcomes_hash}；${r.departments.map((d) => `${d.department} ${d.on_time}/${d.expected} 按期`).join('，')}。`,
    techResult: (res) => `部门代码 ${res.department}；状态 ${res.status}；结果代码 ${res.findings.map((f) => `${f.item_id}=${f.category}`).join(', ') || '—'}`,
  },
  en: {
    outcomes: 'Results (outcomes.json, optional)',
    disclosure: '公示 list (disclosure.json, optional)',
    title: 'Published inspection results (公示)',
    note: (r) => {
      switch (r.state) {
        case 'verified': return `Inspection results: verified. The published results are the ones committed in the draw log, and the 公示 list equals the one recomputed from them. As of ${r.as_of}: ${countsEn(r)}.`;
        case 'none': return 'Inspection results: not published yet (the draw log commits none either).';
        case 'missing': return `Inspection results: ${r.logged ? 'the draw log commits results, but ' : ''}${r.missing.map((f) => OUTCOME_FILE_EN[f]).join(' and ')} ${r.missing.length > 1 ? 'are' : 'is'} missing; the results cannot be checked.`;
        case 'mismatch': return `Inspection results: not verified. ${OUTCOME_TEXT.en.why(r.why)}`;
        default: return '';
      }
    },
    why: (w) => {
      switch (w.kind) {
        case 'not_committed': return 'The draw log does not commit these results: nothing shows they were not changed after publication.';
        case 'other_revision': return 'The results are committed for another revision of the draw than the verified result (result.json).';
        case 'outcomes_changed': return 'The results (outcomes.json) do not match the fingerprint committed in the draw log: they were changed after they were committed.';
        case 'list_changed': return `The 公示 list (disclosure.json) differs from the list recomputed from the committed results${w.enterprise ? ` (the record of ${w.enterprise})` : ''}: it was changed.`;
        default: return `${OUTCOME_FILE_EN[w.file] ?? 'A results file'} cannot be read: incomplete or not of the right format.`;
      }
    },
    enterprise: (o) => {
      switch (o.state) {
        case 'none': return 'No inspection results published yet.';
        case 'missing': return 'The published result files are incomplete: this enterprise\'s results cannot be shown.';
        case 'mismatch': return o.named ? 'This enterprise\'s record on the 公示 list does not match the results committed in the draw log: it was changed and cannot be relied on.' : 'The published results do not match the draw log (see above): they cannot be relied on and are not shown.';
        default: return '';
      }
    },
    asOf: (o) => `As of ${o.as_of}: ${STATUS_EN[o.status] ?? o.status} (deadline ${o.deadline}, 20 working days from the end of the check)`,
    department: (res, dept) => (res.date
      ? `${dept}: checked ${res.date}, published ${res.recorded_on} (deadline ${res.deadline}, ${STATUS_EN[res.status] ?? res.status})`
      : `${dept}: no result published yet (deadline ${res.deadline}, ${STATUS_EN[res.status] ?? res.status})`),
    finding: (f, item) => `${item}: ${CATEGORY_EN[f.category] ?? f.category} (${f.label})${f.remark ? ` — ${f.remark}` : ''}`,
    followUp: (u, deptName) => {
      if (u.kind === 'rectification') return `ordered to correct by ${u.deadline}`;
      if (u.kind === 'case_filed') return `case filed${u.date ? ` (${u.date})` : ''}`;
      if (u.kind === 'referral') return u.to === 'public_security' ? 'referred to the public-security organs (suspected crime)' : `referred to ${deptName(u.department)}`;
      return u.kind;
    },
    followUps: 'Follow-up: ',
    techNote: (r) => `outcomes hash ${r.outcomes_hash}; ${r.departments.map((d) => `${d.department} ${d.on_time}/${d.expected} on time`).join(', ')}.`,
    techResult: (res) => `department ${res.department}; status ${res.status}; result codes ${res.findings.map((f) => `${f.item_id}=${f.category}`).join(', ') || '—'}`,
  },
};
// The file pickers' labels (index.html's data-t) are the page's texts too.
Object.assign(TEXT.zh, { outcomes: OUTCOME_TEXT.zh.outcomes, disclosure: OUTCOME_TEXT.zh.disclosure });
Object.assign(TEXT.en, { outcomes: OUTCOME_TEXT.en.outcomes, disclosure: OUTCOME_TEXT.en.disclosure });
