// The verification page in headless Chromium (Debian's chromium through playwright-core),
// served by `python3 -m http.server` on 127.0.0.1, on the published files of the county
// example (plan, log, result, eligible list, catalog, receipts/): the sample verifies,
// a tampered result fails naming the field, a tampered plan fails with
// plan_hash_mismatch, a lookup and a receipt show the right verdict, a forged receipt
// fails, and the page makes no request outside the local server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
  const catalog = json(sample('catalog.json'));
  const itemName = Object.fromEntries(catalog.items.map((i) => [i.id, i.name]));
  const deptName = Object.fromEntries(catalog.departments.map((d) => [d.code, d.name]));
  for (const [k, [item, s]] of strata.entries()) {
    // Items, departments and strata by their Chinese names from the published catalog.
    assert.equal(rows[k][0], itemName[item]);
    assert.equal(rows[k][1], deptName[result.draw.items.find((i) => i.item_id === item).department]);
    if (s.key.startsWith('credit=') && s.key !== 'credit=unclassified') assert.equal(rows[k][2], `信用风险分类 ${s.key.slice(7)} 类`);
    assert.equal(rows[k][3], String(s.eligible_count));
    assert.equal(rows[k][4], String(s.quota));
    assert.equal(rows[k][6], s.cutoff ? `${s.cutoff.ticket}, ${s.cutoff.uscc}` : '—');
  }
  // Every sub-check its own line, all passed; people count from 1.
  assert.deepEqual(await page.$$eval('#checks li', (lis) => lis.map((li) => [li.dataset.check, li.className])),
    [['plan', 'ok'], ['lists', 'ok'], ['log', 'ok'], ['result', 'ok']]);
  assert.match(await page.textContent('#summary'), /第 1 次抽取/);
  // Hex values are folded away in the technical details.
  assert.equal(await page.isVisible('#summary details.tech p'), false);
  assert.match(await page.textContent('#roster-note'), /2000 家/);
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
  await load(page, published());
  assert.equal((await verify(page)).cls, 'ok');
  assert.match(await page.textContent('#checks'), /Plan: matches/);
  assert.match(await page.textContent('#summary'), /draw 1,/);
  const chosen = json(sample('result.json')).draw.visits[0].uscc;
  await page.fill('#uscc', chosen);
  await page.click('#find');
  await page.waitForSelector('#enterprise li');
  assert.match(await page.textContent('#enterprise .verdict'), /^Selected: of \d+ enterprises in the stratum “credit class/);
  await page.click('#lang');
  assert.equal(await page.textContent('#verify'), '验证');
  assert.match(await page.textContent('#enterprise .verdict'), /^已抽中/);
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
  // The sentence names the file and the item by its Chinese name, without escaped quotes.
  const itemName = json(sample('catalog.json')).items.find((x) => x.id === result.draw.items[i].item_id).name;
  const why = await page.textContent('#detail .why');
  assert.ok(why.includes('抽取结果（result.json）') && why.includes(itemName), why);
  assert.ok(!v.detail.includes('\\"'), v.detail);
  assert.deepEqual(await page.$$eval('#checks li', (lis) => lis.map((li) => li.className)), ['ok', 'ok', 'ok', 'bad']);
  mkdirSync(SHOTS, { recursive: true });
  await page.click('#detail details.tech > summary');
  await page.screenshot({ path: join(SHOTS, 'desktop-tampered-result.png') });
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

/** Drops files on the page's drop zone as a file manager does: `[[name, path], …]`. */
async function dropFiles(page, entries) {
  const files = entries.map(([name, path]) => ({ name, b64: readFileSync(path).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of list) {
      const bin = atob(b64);
      const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name));
    }
    const zone = document.querySelector('#drop');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

test('dropping the seven published files together verifies (catalog.json is not the log)', { skip }, async () => {
  const { page, errors } = await openPage(chrome.browser, server.url);
  const names = ['plan.json', 'plan.hash', 'log.json', 'log.head', 'result.json', 'eligible.json', 'catalog.json'];
  // In the order a file manager lists a folder: catalog.json before log.json.
  await dropFiles(page, names.sort().map((n) => [n, sample(n)]));
  const v = await verify(page);
  assert.equal(v.cls, 'ok', `${v.verdict} ${v.detail}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a platform roster with unknown columns gives names and never changes the verdict', { skip }, async () => {
  const lines = readFileSync(join(ROOT, 'examples', 'data', 'huolinguole', 'enterprises.csv'), 'utf8').trim().split('\n');
  const [head, ...rows] = lines;
  const roster = [`序号,${head},法定代表人`, ...rows.map((r, k) => `${k + 1},${r},张三`)].join('\n');
  const path = join(tmp, '企业名录-平台导出.csv');
  writeFileSync(path, roster);
  const chosen = json(sample('result.json')).draw.visits[0].uscc;
  const name = rows.map((r) => r.split(',')).find((c) => c[0] === chosen)[1];
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, published({ roster: path }));
  const v = await verify(page);
  assert.equal(v.cls, 'ok', `${v.verdict} ${v.detail}`);
  await page.fill('#uscc', chosen);
  await page.click('#find');
  await page.waitForFunction((u) => document.querySelector('#enterprise').textContent.includes(u), chosen);
  assert.ok((await page.textContent('#enterprise')).includes(name));
  // A platform export with only some columns: names from its code and name columns.
  const short = join(tmp, '平台导出-仅名称.csv');
  writeFileSync(short, ['序号,统一社会信用代码,企业名称,法定代表人', `1,${chosen},"${name}",张三`, '2,不是代码,某公司,李四'].join('\r\n'));
  await load(page, { roster: short });
  assert.equal((await verify(page)).cls, 'ok');
  await page.fill('#uscc', chosen);
  await page.click('#find');
  await page.waitForFunction((u) => document.querySelector('#enterprise').textContent.includes(u), chosen);
  assert.ok((await page.textContent('#enterprise')).includes(name));
  // A roster the core cannot read at all (not even leniently) still leaves the verdict green.
  const broken = join(tmp, 'roster-broken.csv');
  writeFileSync(broken, '统一社会信用代码,企业名称\n91150581YX0010687B,"未闭合的引号\n');
  await load(page, { roster: broken });
  const w = await verify(page);
  assert.equal(w.cls, 'ok', `${w.verdict} ${w.detail}`);
  await page.close();
});

const receiptsOf = () => readdirSync(sample('receipts')).map((f) => json(sample(`receipts/${f}`)));

/** Looks up a code and waits for the answer naming it. */
async function lookUp(page, uscc) {
  await page.evaluate(() => document.querySelector('#enterprise').replaceChildren());
  await page.fill('#uscc', uscc);
  await page.click('#find');
  await page.waitForFunction(() => document.querySelector('#enterprise').childElementCount > 0);
}

test('"why (not) me": excluded with reason and legal basis, a code not in the published lists', { skip }, async () => {
  const all = receiptsOf();
  const capped = all.find((r) => r.excluded?.reasons.some((x) => x.endsWith(':yearly_cap_reached')));
  const cappedItem = capped.excluded.reasons.find((x) => x.endsWith(':yearly_cap_reached')).split(':')[0];
  const outside = all.find((r) => r.eligible.length === 0 && r.excluded?.reasons.every((x) => x.endsWith(':outside_jurisdiction')));
  const catalog = json(sample('catalog.json'));
  const { page } = await openPage(chrome.browser, server.url);
  // The sample button opens the published folder of the same origin: receipts come on lookup.
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#loaded').textContent.includes('catalog.json'));
  assert.equal((await verify(page)).cls, 'ok');

  // As people paste it: spaces inside.
  await lookUp(page, `${capped.uscc.slice(0, 6)} ${capped.uscc.slice(6, 12)} ${capped.uscc.slice(12)}`);
  const li = `#enterprise li[data-item="${cappedItem}"]`;
  assert.equal(await page.getAttribute(li, 'data-finding'), 'excluded');
  const text = await page.textContent(`${li} .verdict`);
  assert.match(text, /年度上限/);
  assert.match(text, /依据/);
  assert.ok((await page.textContent(`${li} strong`)).includes(catalog.items.find((x) => x.id === cappedItem).name));

  await lookUp(page, outside.uscc);
  assert.equal(await page.getAttribute('#enterprise', 'data-listed'), 'true');
  const findings = await page.$$eval('#enterprise li', (lis) => lis.map((l) => l.dataset.finding));
  assert.ok(findings.length > 1 && findings.every((f) => f === 'excluded'), findings.join());
  assert.match(await page.textContent('#enterprise .verdict'), /辖区.*依据：《企业公示信息抽查办法》/);
  // The same reasons for the next items are said once.
  assert.equal(await page.textContent('#enterprise li:nth-child(2) .verdict'), '不在抽取范围内，原因同上。');

  // A valid code that is in neither list: said so, distinct from "excluded".
  await lookUp(page, '91350100M000100Y43');
  assert.equal(await page.getAttribute('#enterprise', 'data-listed'), 'false');
  assert.match(await page.textContent('#enterprise .verdict'), /不在公布的名单中/);

  // Selected and not selected: one sentence per item, the ticket only in the details.
  const chosen = json(sample('result.json')).draw.visits[0];
  await lookUp(page, chosen.uscc);
  const first = `#enterprise li[data-item="${chosen.items[0].item_id}"]`;
  assert.equal(await page.getAttribute(first, 'data-finding'), 'selected');
  assert.match(await page.textContent(`${first} .verdict`), /已抽中.*截止号之内/);
  assert.ok(!(await page.textContent(`${first} .verdict`)).includes(chosen.ticket));
  assert.equal(await page.isVisible(`${first} details.tech p`), false);
  // The replaced enterprise of the sample's revision: why, and by whom.
  const sub = json(sample('log.json')).entries.map((e) => e.event).find((e) => e.kind === 'substitution');
  await lookUp(page, sub.replaced);
  const rep = `#enterprise li[data-item="${sub.item_id}"]`;
  assert.equal(await page.getAttribute(rep, 'data-finding'), 'replaced');
  assert.ok((await page.textContent(`${rep} .verdict`)).includes(`无法联系`));
  await page.close();
});

test('without receipts the lookup of an unlisted code says it cannot tell', { skip }, async () => {
  const outside = receiptsOf().find((r) => r.eligible.length === 0 && r.excluded);
  const { page } = await openPage(chrome.browser, server.url);
  await load(page, published());
  assert.equal((await verify(page)).cls, 'ok');
  await lookUp(page, outside.uscc);
  assert.equal(await page.getAttribute('#enterprise', 'data-listed'), 'false');
  assert.match(await page.textContent('#enterprise .verdict'), /没有这家企业的回执/);
  await page.close();
});

test('each tampered published file gives its own sentence, code and path in the details', { skip }, async () => {
  const text = (n) => readFileSync(sample(n), 'utf8');
  const flip = (hex) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
  const cases = [
    ['plan', 'plan.json', () => { const p = json(sample('plan.json')); p.items[0].strata[0].quota += 1; return JSON.stringify(p); }, 'plan', /抽取方案（plan\.json）.*方案哈希（plan\.hash）对不上/, 'plan_hash_mismatch'],
    ['planHash', 'plan.hash', () => flip(text('plan.hash')), 'plan', /方案哈希（plan\.hash）对不上/, 'plan_hash_mismatch'],
    ['catalog', 'catalog.json', () => { const c = json(sample('catalog.json')); c.items[0].name += '（改）'; return JSON.stringify(c); }, 'lists', /检查事项清单（catalog\.json）与方案中登记的清单不一致/, 'root_mismatch'],
    ['eligible', 'eligible.json', () => JSON.stringify(json(sample('eligible.json')).slice(1)), 'lists', /应抽名单（eligible\.json）与方案中登记的名单不一致/, 'root_mismatch'],
    ['log', 'log.json', () => { const l = json(sample('log.json')); l.entries[2].event.secret = flip(l.entries[2].event.secret); return JSON.stringify(l); }, 'log', /抽取日志（log\.json）未通过核对/, null],
    ['logHead', 'log.head', () => flip(text('log.head')), 'log', /日志头哈希（log\.head）与抽取日志对不上/, null],
    ['result', 'result.json', () => text('result.json').slice(0, 1000), 'result', /抽取结果（result\.json）无法读取/, null],
  ];
  const { page } = await openPage(chrome.browser, server.url);
  for (const [slot, name, make, check, sentence, code] of cases) {
    const path = join(tmp, `tampered-${name}`);
    writeFileSync(path, make());
    await load(page, published({ [slot]: path }));
    const v = await verify(page);
    assert.equal(v.cls, 'bad', name);
    const lines = await page.$$eval('#checks li', (lis) => lis.map((li) => [li.dataset.check, li.className]));
    assert.equal(lines.length, 4, name);
    assert.deepEqual(lines.find(([, c]) => c === 'bad'), [check, 'bad'], `${name}: ${JSON.stringify(lines)}`);
    const why = await page.textContent('#detail .why');
    assert.match(why, sentence, `${name}: ${why}`);
    assert.ok(!/[a-z]+_[a-z_]+/.test(why), `${name}: no code in the sentence: ${why}`);
    if (code) assert.ok((await page.textContent('#detail details.tech')).includes(code), name);
  }
  await page.close();
});

const SHOTS = fileURLToPath(new URL('../page-screenshots/', import.meta.url));

test('phone (390×844): no horizontal overflow, the lookup before the folded strata table; screenshots', { skip }, async () => {
  mkdirSync(SHOTS, { recursive: true });
  const { page } = await openPage(chrome.browser, server.url);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.click('#sample');
  await page.waitForFunction(() => document.querySelector('#loaded').textContent.includes('catalog.json'));
  assert.equal((await verify(page)).cls, 'ok');
  const chosen = json(sample('result.json')).draw.visits[0].uscc;
  await lookUp(page, chosen);
  await page.screenshot({ path: join(SHOTS, 'desktop.png'), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const m = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    lookup: document.querySelector('#uscc').getBoundingClientRect().top + window.scrollY,
    strataOpen: document.querySelector('#strata-box').open,
    strataTop: document.querySelector('#strata-section').getBoundingClientRect().top + window.scrollY,
  }));
  assert.ok(m.scroll <= 390 && m.body <= 390, `horizontal overflow: ${JSON.stringify(m)}`);
  assert.equal(m.strataOpen, false);
  assert.ok(m.lookup < m.strataTop, JSON.stringify(m));
  assert.ok(m.lookup < 3 * 844, `the lookup is ${m.lookup}px down`);
  // Buttons are not covered: the element at each button's centre is the button.
  for (const id of ['verify', 'find', 'sample']) {
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    const top = await page.evaluate((b) => {
      const r = document.getElementById(b).getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.id;
    }, id);
    assert.equal(top, id);
  }
  // The phone screenshot shows an excluded enterprise's answer (reasons, legal basis).
  const capped = receiptsOf().find((r) => r.eligible.length && r.excluded?.reasons.some((x) => x.endsWith(':yearly_cap_reached')))
    ?? receiptsOf().find((r) => r.excluded);
  await lookUp(page, capped.uscc);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
  // Opened, the table scrolls inside its box: the page still does not.
  await page.click('#strata-box > summary');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390));
  await page.close();
});

test('opening by link: ?task=<published folder on this origin> verifies at once; another origin is refused', { skip }, async () => {
  const { page, outside } = await openPage(chrome.browser, server.url, '?task=sample/');
  await page.waitForSelector('body[data-task="done"]');
  await page.waitForFunction(() => !document.querySelector('#outcome').hidden && !document.querySelector('#verify').disabled);
  assert.equal(await page.getAttribute('#verdict', 'class'), 'ok');
  const excluded = receiptsOf().find((r) => r.excluded);
  await lookUp(page, excluded.uscc);
  assert.ok((await page.$$eval('#enterprise li', (lis) => lis.map((l) => l.dataset.finding))).includes('excluded'));
  assert.deepEqual(outside, []);
  await page.close();

  // The link on an enterprise's service card: its answer at once.
  const chosen = json(sample('result.json')).draw.visits[0];
  const card = await openPage(chrome.browser, server.url, `?task=sample/&uscc=${chosen.uscc}`);
  await card.page.waitForSelector('body[data-task="done"]');
  assert.equal(await card.page.getAttribute(`#enterprise li[data-item="${chosen.items[0].item_id}"]`, 'data-finding'), 'selected');
  await card.page.close();

  const other = await openPage(chrome.browser, server.url, '?task=http://example.com/task/');
  await other.page.waitForSelector('body[data-task="done"]');
  assert.equal(await other.page.getAttribute('#verdict', 'class'), 'bad');
  assert.match(await other.page.textContent('#detail .why'), /只打开与它同一网站上公布的文件/);
  assert.deepEqual(other.outside, []);
  await other.page.close();
});

test('offline after load: files from disk verify and look up with the network gone', { skip }, async () => {
  const { page, errors } = await openPage(chrome.browser, server.url);
  // "After load": the page and its verification engine (the worker's wasm) are loaded.
  await page.waitForSelector('body[data-engine="ready"]');
  await chrome.browser.setOffline(true);
  try {
    await load(page, published());
    assert.equal((await verify(page)).cls, 'ok');
    const chosen = json(sample('result.json')).draw.visits[0].uscc;
    await lookUp(page, chosen);
    assert.match(await page.textContent('#enterprise .verdict'), /已抽中/);
  } finally {
    await chrome.browser.setOffline(false);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('Chinese renders where the system has no CJK font: the page brings its own subset font', { skip }, async () => {
  const font = join(PAGE_DIR, 'fonts', 'page-cjk.woff2');
  if (!existsSync(font)) execFileSync('bash', [join(ROOT, 'scripts', 'build-page-font.sh')], { cwd: ROOT, stdio: 'ignore' });
  assert.ok(existsSync(join(PAGE_DIR, 'fonts', 'OFL.txt')), 'the font licence ships beside the font');
  // A Chromium that sees only the Latin fonts (DejaVu): no font is installed or removed,
  // fontconfig is pointed at one folder.
  const conf = join(tmp, 'fonts.conf');
  writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${tmp}/fc-cache</cachedir></fontconfig>`);
  const latin = await browser({ FONTCONFIG_FILE: conf });
  try {
    const { page, outside } = await openPage(latin.browser, server.url);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => document.fonts.ready);
    const faces = await page.evaluate(() => [...document.fonts].map((f) => [f.family.replaceAll('"', ''), f.status]));
    assert.deepEqual(faces, [['Shuangsuiji CJK', 'loaded']]);
    // Every element with Chinese text is drawn with it (Chromium's own account of the
    // fonts it used), bold headings and buttons included: no tofu boxes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    for (const sel of ['h1', '#files h2', 'body > p', '#sample', '#verify', '#find', '#lookup h2', '#how p']) {
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: sel });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      assert.ok(fonts.length && fonts.every((f) => f.isCustomFont), `${sel}: ${JSON.stringify(fonts)}`);
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'phone-without-system-cjk-font.png') });
    assert.deepEqual(outside, []);
    await page.close();
  } finally {
    await latin.close();
  }
});

test('the folder picker takes the whole published folder, receipts included', { skip }, async () => {
  const { page } = await openPage(chrome.browser, server.url);
  await page.setInputFiles('#f-folder', sample(''));
  await page.waitForFunction(() => /2000 份企业回执/.test(document.querySelector('#loaded').textContent));
  assert.equal((await verify(page)).cls, 'ok');
  const capped = receiptsOf().find((r) => r.excluded?.reasons.some((x) => x.endsWith(':yearly_cap_reached')));
  const item = capped.excluded.reasons.find((x) => x.endsWith(':yearly_cap_reached')).split(':')[0];
  await lookUp(page, capped.uscc);
  assert.equal(await page.getAttribute(`#enterprise li[data-item="${item}"]`, 'data-finding'), 'excluded');
  await lookUp(page, '91350100M000100Y43');
  assert.match(await page.textContent('#enterprise .verdict'), /不在公布的名单中/);
  await page.close();
});
