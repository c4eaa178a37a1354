// Interface texts: Chinese (default) and English. Presentation only.
export const TEXT = {
  zh: {
    title: '双随机抽取结果验证',
    intro: '在本机核验公布的抽取文件，不经过任何服务器：页面核对方案哈希、抽取日志与种子，用同一算法重新抽取并逐项比对；企业可用自己的回执核验是否被抽中。',
    files: '公布文件',
    plan: '抽取方案（plan.json）',
    planHash: '方案哈希（plan.hash）',
    log: '抽取日志（log.json）',
    logHead: '日志头哈希（log.head）',
    result: '抽取结果（result.json）',
    eligible: '应抽名单（eligible.json）',
    catalog: '检查事项清单（catalog.json）',
    roster: '企业名录（CSV UTF-8/GBK 或 JSON，可选）',
    drop: '可将文件拖放到此处（按文件名自动识别）',
    sample: '加载示例（霍林郭勒市）',
    verify: '验证',
    progress: { read: '读取文件…', roster: '读取企业名录…', draw: '核验方案、日志并重新抽取…', parse: '读取结果文件…' },
    ok: '验证通过：此次抽取结果真实有效',
    bad: '验证未通过',
    mismatch: (e) => `第一处不一致：${FIELD.zh(e.details?.field)}（${e.code}）${e.details?.expected !== undefined ? `，应为 ${show(e.details.expected)}，实为 ${show(e.details.actual)}` : ''}。`,
    error: (e) => `错误 ${e.code}：${e.message}${e.details?.field ? `（字段 ${e.details.field}）` : ''}`,
    checks: { roster: '企业名录可读取', files: '公布文件齐全', draw: '方案与哈希一致、日志完整、种子由仪式产生、重新抽取结果与公布结果一致' },
    strata: '各层抽取情况',
    cols: ['检查事项', '部门', '分层', '应抽总数 N', '抽取数', '截止号（票号, 代码）', '已选'],
    summary: (s, ms) => `任务 ${s.task_id}，方案哈希 ${s.plan_hash}，第 ${s.attempt} 次抽取，种子 ${s.seed}，共 ${s.visits} 户次检查${s.revision ? `；结果修订第 ${s.revision} 版（已替换 ${s.substitutions} 项检查的抽中企业）` : ''}；用时 ${ms} 毫秒。`,
    lookup: '企业查询',
    usccLabel: '统一社会信用代码',
    find: '查询',
    ticket: '票号',
    selected: (b) => `已抽中（${BASIS.zh[b] ?? b}）：票号不大于本层截止号`,
    notSelected: '未抽中：票号大于本层截止号',
    replaced: '曾被抽中，后被替补',
    notEligible: '不在本事项的应抽名单中',
    needVerify: '请先验证抽取结果',
    receiptTitle: '核验企业回执',
    receiptLabel: '回执文件（receipts/统一社会信用代码.json）',
    checkReceipt: '核验回执',
    receiptSelected: '已抽中：票号不大于本层截止号',
    receiptOk: '回执有效',
    receiptBad: '回执无效',
    stratum: '分层',
    cutoff: '截止号',
    excluded: '不在应抽范围（排除原因）',
    lang: 'English',
  },
  en: {
    title: 'Verify a random spot-check draw',
    intro: 'Checks the published draw files on this computer, without any server: the page checks the plan hash, the draw log and the seed, recomputes the draw with the same algorithm and compares every field; an enterprise can check its own receipt.',
    files: 'Published files',
    plan: 'Plan (plan.json)',
    planHash: 'Plan hash (plan.hash)',
    log: 'Draw log (log.json)',
    logHead: 'Log head (log.head)',
    result: 'Result (result.json)',
    eligible: 'Eligible list (eligible.json)',
    catalog: 'Catalog (catalog.json)',
    roster: 'Enterprise roster (CSV UTF-8/GBK or JSON, optional)',
    drop: 'Or drop the files here (recognised by file name)',
    sample: 'Load the sample (Huolinguole)',
    verify: 'Verify',
    progress: { read: 'Reading the files…', roster: 'Reading the roster…', draw: 'Checking plan and log, recomputing the draw…', parse: 'Reading the result…' },
    ok: 'Verified: this draw is authentic',
    bad: 'Verification failed',
    mismatch: (e) => `First mismatch: ${FIELD.en(e.details?.field)} (${e.code})${e.details?.expected !== undefined ? `: expected ${show(e.details.expected)}, found ${show(e.details.actual)}` : ''}.`,
    error: (e) => `Error ${e.code}: ${e.message}${e.details?.field ? ` (field ${e.details.field})` : ''}`,
    checks: { roster: 'Roster readable', files: 'All published files loaded', draw: 'Plan matches its hash, log intact, seed from the ceremony, recomputed draw equals the published result' },
    strata: 'Per stratum',
    cols: ['Item', 'Department', 'Stratum', 'Eligible N', 'Quota', 'Cut-off (ticket, USCC)', 'Selected'],
    summary: (s, ms) => `Task ${s.task_id}, plan hash ${s.plan_hash}, attempt ${s.attempt}, seed ${s.seed}, ${s.visits} visits${s.revision ? `; result revision ${s.revision} (${s.substitutions} item selections replaced)` : ''}; ${ms} ms.`,
    lookup: 'Look up an enterprise',
    usccLabel: 'USCC (统一社会信用代码)',
    find: 'Look up',
    ticket: 'Ticket',
    selected: (b) => `Selected (${b}): ticket not above the stratum cut-off`,
    notSelected: 'Not selected: ticket above the stratum cut-off',
    replaced: 'Was selected, then replaced',
    notEligible: 'Not on this item\'s eligible list',
    needVerify: 'Verify the draw first',
    receiptTitle: 'Check an enterprise receipt',
    receiptLabel: 'Receipt (receipts/<USCC>.json)',
    checkReceipt: 'Check receipt',
    receiptSelected: 'Selected: ticket not above the stratum cut-off',
    receiptOk: 'Receipt valid',
    receiptBad: 'Receipt invalid',
    stratum: 'stratum',
    cutoff: 'cut-off',
    excluded: 'Excluded (reasons)',
    lang: '中文',
  },
};

/** A field path of the core's error in plain words (the path itself is kept). */
const FIELD = {
  zh: (f) => (f ? `${fieldWord(f, FIELD_ZH)}（${f}）` : '（未指明字段）'),
  en: (f) => (f ? `${fieldWord(f, FIELD_EN)} (${f})` : '(no field named)'),
};
const FIELD_ZH = [[/^plan_hash|^plan\b/, '方案'], [/^catalog/, '检查事项清单'], [/^eligible/, '应抽名单'], [/^log|^entries/, '抽取日志'],
  [/selected\[\d+\]\.uscc$/, '抽中企业'], [/cutoff/, '截止号'], [/eligible_count/, '应抽总数'], [/visits/, '检查户次'], [/seed/, '种子'], [/^draw|^result/, '抽取结果']];
const FIELD_EN = [[/^plan_hash|^plan\b/, 'the plan'], [/^catalog/, 'the catalog'], [/^eligible/, 'the eligible list'], [/^log|^entries/, 'the draw log'],
  [/selected\[\d+\]\.uscc$/, 'a selected enterprise'], [/cutoff/, 'a cut-off'], [/eligible_count/, 'an eligible count'], [/visits/, 'the visits'], [/seed/, 'the seed'], [/^draw|^result/, 'the result']];
function fieldWord(f, table) {
  for (const [re, word] of table) if (re.test(f)) return word;
  return f;
}

const BASIS = { zh: { drawn: '随机抽中', expansion: '扩大抽取', substitute: '替补' } };

function show(v) {
  if (v === undefined) return '（缺失 / absent）';
  const t = JSON.stringify(v);
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
}
