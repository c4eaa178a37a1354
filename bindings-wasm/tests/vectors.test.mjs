// Runs the cross-language golden vectors (tests/vectors/<area>/) through the wasm build
// and compares with the expected JSON exactly: results are compared as canonical JSON
// text (keys sorted), so a value, a type or a missing/extra key makes a test fail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import ssj from './load.mjs';

const root = new URL('../../tests/vectors/', import.meta.url);
const load = (rel) => JSON.parse(readFileSync(new URL(rel, root), 'utf8'));
const jsonFiles = (dir) =>
  readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.json')).sort();

/** Canonical JSON text: object keys sorted, no whitespace. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const same = (got, want, msg) => assert.equal(canonical(got), canonical(want), msg);

/** Runs `f`; returns `{ok}` or `{err}` (a thrown error must be a real Error with a code). */
function attempt(f) {
  try {
    return { ok: f() };
  } catch (err) {
    assert.ok(err instanceof Error, `not an Error: ${err}`);
    assert.equal(typeof err.code, 'string', `no code on ${err}`);
    return { err };
  }
}

// ---- draw/v1 -------------------------------------------------------------------------

test('draw/v1 primitives: tickets', () => {
  const v = load('draw/v1/primitives.json');
  assert.ok(v.tickets.length >= 12);
  for (const t of v.tickets) {
    assert.equal(ssj.ticket(t.seed, t.task_id, t.uscc), t.ticket, t.uscc);
  }
});

test('draw/v1 primitives: USCC canonical forms', () => {
  const v = load('draw/v1/primitives.json');
  for (const c of v.uscc_canonical) {
    const r = attempt(() => ssj.parseUscc(c.input));
    if (c.error) assert.equal(r.err?.code, c.error, c.input);
    else assert.equal(r.ok, c.canonical, c.input);
  }
});

test('draw/v1 draws: every case, byte-identical result or the same error code', () => {
  const v = load('draw/v1/draws.json');
  assert.ok(v.cases.length >= 10);
  for (const c of v.cases) {
    const r = attempt(() =>
      c.ticket_overrides
        ? ssj.drawWithTicketOverrides(c.input, c.ticket_overrides)
        : ssj.draw(c.input),
    );
    if (c.expected_error) {
      assert.equal(r.err?.code, c.expected_error, `${c.name}: ${r.err ?? 'no error'}`);
    } else {
      assert.ok(!r.err, `${c.name}: ${r.err}`);
      same(r.ok, c.expected, c.name);
    }
  }
});

test('draw: input given as JSON text gives the same result as an object', () => {
  const c = load('draw/v1/draws.json').cases.find((x) => x.name === 'three_items_fixed');
  same(ssj.draw(JSON.stringify(c.input)), c.expected);
});

test('drawColumns equals draw on the joined lists; selectionColumns follows the result', () => {
  const c = load('draw/v1/draws.json').cases.find((x) => x.name === 'three_items_fixed');
  // Its stratum keys name one pool each: one row per (enterprise, key).
  const rows = new Map();
  for (const item of c.input.items) {
    for (const st of item.strata) for (const u of st.eligible) rows.set(`${u} ${st.key}`, [u, st.key]);
  }
  const spec = {
    ...c.input,
    items: c.input.items.map((it) => ({ ...it, strata: it.strata.map((st) => ({ ...st, eligible: [] })) })),
  };
  const usccs = [...rows.values()].map((r) => r[0]);
  const classes = [...rows.values()].map((r) => r[1]);
  const result = ssj.drawColumns(spec, usccs, classes);
  same(result, c.expected);
  same(ssj.selectionColumns(result), {
    items: c.expected.items.map((it) => ({
      item_id: it.item_id,
      department: it.department,
      strata: it.strata.map((st) => ({
        key: st.key,
        uscc: st.selected.map((p) => p.uscc),
        ticket: st.selected.map((p) => p.ticket),
        basis: st.selected.map((p) => p.basis),
      })),
    })),
    visits: { uscc: c.expected.visits.map((v) => v.uscc), ticket: c.expected.visits.map((v) => v.ticket) },
  });
  assert.throws(() => ssj.drawColumns(spec, usccs, classes.slice(1)), (err) =>
    err.code === 'row_too_short' && err.details.field === `classes[${classes.length - 1}]`);
  const bad = [...usccs];
  bad[2] = '91350100M000100Y44';
  assert.throws(() => ssj.drawColumns(spec, bad, classes), (err) =>
    err.code === 'uscc_check_character' && err.details.field === 'usccs[2]');
});

// ---- intake --------------------------------------------------------------------------

function bytesOf(c) {
  if (typeof c.input_text === 'string') return new TextEncoder().encode(c.input_text);
  return new Uint8Array(Buffer.from(c.input_base64, 'base64'));
}

test('intake: every case (records or code/row/column/file)', () => {
  let total = 0;
  for (const file of jsonFiles('intake/')) {
    for (const c of load(`intake/${file}`).cases) {
      const options = { file_name: c.name, encoding: c.encoding };
      if (c.format !== 'auto') options.format = c.format;
      Object.assign(options, c.options ?? {});
      const read = { enterprises: ssj.readEnterprises, inspectors: ssj.readInspectors, history: ssj.readHistory }[c.table];
      assert.ok(read, `${c.name}: table ${c.table}`);
      const r = attempt(() => read(bytesOf(c), options));
      const want = c.expected;
      if (want.code === undefined) {
        assert.ok(!r.err, `${c.name}: ${r.err}`);
        assert.equal(r.ok.length, want.records, c.name);
      } else {
        assert.ok(r.err, `${c.name}: expected ${want.code}`);
        assert.equal(r.err.code, want.code, `${c.name}: ${r.err}`);
        assert.equal(r.err.details.row ?? null, want.row, `${c.name}: row`);
        assert.equal(r.err.details.column ?? null, want.column, `${c.name}: column`);
        if (r.err.details.file !== undefined) assert.equal(r.err.details.file, c.name);
      }
      total += 1;
    }
  }
  assert.ok(total >= 30, `${total} cases`);
});

// ---- verify --------------------------------------------------------------------------

test('verify: plan hash, reordered plan, float refused, tampered plans', () => {
  const v = load('verify/plan.json');
  assert.equal(ssj.planHash(v.plan), v.plan_hash);
  assert.equal(ssj.planHash(v.reordered_plan), v.plan_hash);
  assert.deepEqual(ssj.verifyPlan(v.plan, v.plan_hash), { ok: true });
  // A float written in the document text must be refused (JSON text keeps `2026.0`).
  const floatText = JSON.stringify(v.float_plan).replace('"year":2026', '"year":2026.0');
  assert.throws(() => ssj.planHash(floatText), { code: 'number_not_integer' });
  assert.ok(v.tampered.length >= 3);
  for (const t of v.tampered) {
    assert.throws(() => ssj.verifyPlan(t.plan, v.plan_hash), { code: t.code }, t.field);
  }
});

test('verify: draw logs (head and seeds, or code/index/field)', () => {
  const v = load('verify/logs.json');
  for (const c of v.cases) {
    let plan = v.plan;
    if (c.name === 'plan_substituted') plan = { ...plan, task_id: `${plan.task_id}x` };
    if (c.name === 'wrong_reveal_order') plan = { ...plan, reveal_order: 'before_beacon' };
    const r = attempt(() => ssj.verifyLog(plan, c.log, c.expected_head));
    if (c.head !== undefined) {
      assert.ok(!r.err, `${c.name}: ${r.err}`);
      assert.equal(r.ok.head, c.head, c.name);
      same(r.ok.attempts.map((a) => a.seed ?? null), c.seeds, c.name);
    } else {
      assert.ok(r.err, `${c.name}: expected ${c.code}`);
      assert.equal(r.err.code, c.code, `${c.name}: ${r.err}`);
      const index = r.err.details.index === undefined ? null : Number(r.err.details.index);
      assert.equal(index, c.index, `${c.name}: index`);
      assert.equal(r.err.details.field ?? null, c.field, `${c.name}: field`);
      if (c.party !== undefined) assert.equal(r.err.details.party, c.party, `${c.name}: party`);
    }
  }
});

test('verify: leaves (bytes, hashes, invalid leaves, duplicate trees)', () => {
  const v = load('verify/leaves.json');
  for (const kind of ['eligible', 'excluded', 'inspector']) {
    assert.ok(v[kind].length >= 1);
    for (const c of v[kind]) {
      const got = ssj.merkleLeaf(kind, c.leaf);
      assert.equal(got.leaf_bytes, c.leaf_bytes);
      if (c.leaf_hash) { assert.equal(got.leaf_hash, c.leaf_hash); assert.equal(ssj.leafHash(got.leaf_bytes), c.leaf_hash); }
      if (c.conflicts_hash) assert.equal(ssj.conflictListHash(c.leaf.conflicts), c.conflicts_hash);
    }
  }
  for (const c of v.invalid) {
    const r = attempt(() => ssj.merkleLeaf(c.type, c.leaf));
    assert.equal(r.err?.code, c.code, JSON.stringify(c.leaf));
    assert.equal(r.err.details.field ?? null, c.field);
  }
  for (const c of v.duplicate_trees) {
    assert.throws(() => ssj.merkleTree(c.type, c.leaves), { code: c.code });
  }
});

test('verify: Merkle trees, every proof, invalid proofs', () => {
  const v = load('verify/merkle.json');
  assert.equal(ssj.merkleTree('eligible', []).commitment.root, v.empty_root);
  assert.deepEqual(v.trees.map((t) => t.size), [0, 1, 2, 3, 5, 8, 13]);
  for (const t of v.trees) {
    const tree = ssj.merkleTree('eligible', t.leaves);
    assert.deepEqual(tree.commitment, { root: t.root, size: t.size });
    same(tree.proofs, t.proofs, `size ${t.size}`);
    for (const [i, p] of t.proofs.entries()) {
      assert.deepEqual(ssj.verifyInclusion(t.sorted_leaf_bytes[i], p, tree.commitment), { ok: true });
      assert.equal(ssj.leafHash(t.sorted_leaf_bytes[i]), ssj.leafHash(Buffer.from(t.sorted_leaf_bytes[i], 'hex')));
    }
  }
  for (const c of v.invalid_proofs) {
    assert.throws(() => ssj.verifyInclusion(c.leaf_bytes, c.proof, { root: c.root, size: c.tree_size }), { code: c.code }, c.name);
  }
});

test('verify: party commitments', () => {
  const v = load('verify/commitments.json');
  for (const c of v.cases) assert.equal(ssj.partyCommitment(c.party_id, c.secret), c.commitment);
  for (const c of v.invalid) {
    assert.throws(() => ssj.partyCommitment(c.party_id, '00'.repeat(32)), { code: c.code }, c.party_id);
  }
});

test('verify: beacons (valid, invalid with field and reason, canonicalize, specs)', () => {
  const v = load('verify/beacons.json');
  for (const c of v.valid) {
    assert.equal(ssj.validateBeacon(c.kind, c.value), undefined);
    assert.equal(ssj.canonicalizeBeacon(c.kind, c.value), c.value);
  }
  for (const c of v.invalid) {
    const r = attempt(() => ssj.validateBeacon(c.kind, c.value));
    assert.equal(r.err?.code, c.code, JSON.stringify(c));
    assert.equal(r.err.details.field ?? null, c.field);
    assert.equal(r.err.details.reason ?? null, c.reason);
  }
  for (const c of v.canonicalize) {
    const r = attempt(() => ssj.canonicalizeBeacon(c.kind, c.input));
    if ('output' in c) assert.equal(r.ok, c.output, c.input);
    else assert.equal(r.err?.code, c.code, c.input);
  }
  for (const c of v.invalid_specs) {
    const r = attempt(() => ssj.validateBeaconSpec(c.spec));
    assert.equal(r.err?.code, c.code);
    assert.equal(r.err.details.field ?? null, c.field);
  }
});

test('verify: seeds (every case; reordered inputs give the same seed)', () => {
  const v = load('verify/seeds.json');
  const seen = new Map();
  for (const c of v.cases) {
    const seed = ssj.deriveSeed(c.plan_hash, c.attempt, c.beacons, c.secrets);
    assert.equal(seed, c.seed, c.name);
    if (c.same_as) assert.equal(seen.get(c.same_as), seed);
    else assert.ok(![...seen.values()].includes(seed), `${c.name} collides`);
    seen.set(c.name, seed);
  }
});

test('verify: ceremonies (seed, or code with party/source)', () => {
  const v = load('verify/ceremony.json');
  for (const c of v.cases) {
    const r = attempt(() => ssj.ceremonySeed(c.plan_hash, c.attempt, c.sources, c.parties, c.reveals, c.beacons));
    if (c.seed) {
      assert.equal(r.ok, c.seed, `${c.name}: ${r.err}`);
    } else {
      assert.equal(r.err?.code, c.code, `${c.name}: ${r.err}`);
      assert.equal(r.err.details.party ?? null, c.party, c.name);
      assert.equal(r.err.details.source ?? null, c.source, c.name);
    }
  }
});

test('verify: canonical plan JSON', () => {
  const v = load('verify/plan.json');
  assert.equal(ssj.canonicalPlanJson(v.plan), v.canonical_json);
  assert.equal(ssj.canonicalPlanJson(v.reordered_plan), ssj.canonicalPlanJson(v.plan));
});

// ---- enforcement ---------------------------------------------------------------------

test('calendar: the committed 2024–2026 table, year data cases (status cases: op-vectors.test.mjs)', () => {
  const table = load('calendar/workdays-2024-2026.json').days;
  assert.equal(Object.keys(table).length, 366 + 365 + 365);
  for (const [day, status] of Object.entries(table)) assert.equal(ssj.dayStatus(day), status, day);
  const v = load('calendar/cases.json');
  let n = 0;
  for (const c of v.data_cases) {
    const r = attempt(() => ssj.parseCalendarYear(c.year_data));
    if (c.error) assert.equal(r.err?.code, c.error, c.name);
    else assert.ok(!r.err, `${c.name}: ${r.err}`);
    n += 1;
  }
  assert.ok(n >= 5);
});

test('deadlines: kind cases and period cases', () => {
  const v = load('deadlines/deadlines.json');
  assert.ok(v.kind_cases.length >= 10);
  for (const c of v.kind_cases) {
    const r = attempt(() => ssj.deadline(c.kind, c.start));
    if (c.error) assert.equal(r.err?.code, c.error, c.name);
    else {
      assert.equal(r.ok?.due, c.due, `${c.name}: ${r.err}`);
      assert.ok(['workday', 'makeup_workday'].includes(ssj.dayStatus(r.ok.due)), c.name);
    }
  }
  for (const c of v.period_cases) {
    const r = attempt(() => ssj.dueDate(c.start, { unit: c.unit, count: c.count }));
    if (c.error) assert.equal(r.err?.code, c.error, c.name);
    else assert.equal(r.ok, c.due, `${c.name}: ${r.err}`);
  }
});

test('discretion: bands', () => {
  // Integers beyond 2^53 − 1 (one case: a range up to u64::MAX) are read from the file
  // as digit strings and handed to the binding as JSON text; the results come back as
  // JS numbers, so for that case both sides are compared as doubles (a documented limit
  // of JS numbers, not of the core).
  const raw = readFileSync(new URL('discretion/bands.json', root), 'utf8').replace(/(:\s*)(\d{16,})/g, '$1"$2"');
  const v = JSON.parse(raw);
  let big = 0;
  for (const c of v.cases) {
    const preset = { ...ssj.defaultDiscretionPreset(), ...(c.preset ?? {}) };
    const isBig = typeof c.range.max_fen === 'string' || typeof c.range.min_fen === 'string';
    big += isBig ? 1 : 0;
    const range = isBig ? `{"min_fen":${c.range.min_fen},"max_fen":${c.range.max_fen}}` : c.range;
    const r = attempt(() => ssj.discretionBand(range, c.band, preset));
    if (c.expect.error) assert.equal(r.err?.code, c.expect.error, c.name);
    else {
      assert.ok(!r.err, `${c.name}: ${r.err}`);
      const num = (x) => (x === null || x === undefined ? null : Number(x));
      assert.equal(num(r.ok.min_fen), num(c.expect.min_fen), c.name);
      assert.equal(num(r.ok.max_fen), num(c.expect.max_fen), c.name);
      if (!isBig) {
        assert.equal(r.ok.min_fen ?? null, c.expect.min_fen, c.name);
        assert.equal(r.ok.max_fen ?? null, c.expect.max_fen, c.name);
      }
    }
  }
  assert.equal(big, 1);
});

// An expected error code, or the listed keys (absent = null) and the unmet conditions.
function checkAssessment(r, c, keys) {
  const e = c.expect;
  if (e.error) {
    assert.equal(r.err?.code, e.error, c.name);
    return;
  }
  assert.ok(!r.err, `${c.name}: ${r.err}`);
  for (const key of keys) {
    if (key in e) assert.deepEqual(r.ok[key] ?? null, e[key], `${c.name}: ${key}`);
  }
  if (e.unmet) {
    assert.deepEqual(r.ok.conditions.filter((x) => x.met === false).map((x) => x.condition), e.unmet, c.name);
  }
}

test('credit repair: every case', () => {
  const v = load('credit_repair/cases.json');
  assert.ok(v.cases.length >= 10);
  for (const c of v.cases) {
    const r = attempt(() => ssj.assessCreditRepair(c.record, c.facts, c.policy ?? {}, c.on));
    checkAssessment(r, c, ['regime', 'published', 'eligible_now', 'publicity_last_day', 'earliest_repair_application', 'favourable_terms', 'terms']);
  }
});

test('list removal (经营异常名录, 严重违法失信名单, negative check results): every case', () => {
  const v = load('credit_repair/lists.json');
  assert.ok(v.cases.length >= 10);
  for (const c of v.cases) {
    const r = attempt(() => ssj.assessListRemoval(c.record, c.facts, c.on));
    checkAssessment(r, c, ['earliest_removal_application', 'last_day_listed', 'decision_working_days', 'mandatory_removal', 'eligible_now']);
  }
});

test('leniency: every case (outcome, deciding rule, education note, unmet conditions)', () => {
  const v = load('leniency/cases.json');
  assert.ok(v.cases.length >= 15);
  for (const c of v.cases) {
    const r = attempt(() => ssj.leniency(c.entry ?? null, c.facts, c.history ?? [], c.on));
    const e = c.expect;
    if (e.error) {
      assert.equal(r.err?.code, e.error, c.name);
      continue;
    }
    assert.ok(!r.err, `${c.name}: ${r.err}`);
    assert.equal(r.ok.outcome, e.outcome, c.name);
    assert.equal(r.ok.deciding_rule, e.deciding_rule, c.name);
    if ('education' in e) assert.equal(r.ok.education_note != null, e.education, c.name);
    for (const [rule, kinds] of Object.entries(e.unmet ?? {})) {
      const got = r.ok.rules.find((x) => x.rule === rule);
      assert.ok(got, `${c.name}: rule ${rule}`);
      assert.deepEqual(got.conditions.filter((x) => x.met === false).map((x) => x.condition.kind), kinds, `${c.name}: ${rule}`);
    }
    for (const want of e.basis ?? []) {
      const hit = r.ok.basis.some((b) => Object.entries(want).every(([k, v]) => b[k] === v));
      assert.ok(hit, `${c.name}: basis lacks ${JSON.stringify(want)}`);
    }
  }
});

// ---- publish (as core/tests/all/publish_vectors.rs) --------------------------------------

const PUBLISH = load('publish/ceremony.json');
const C = PUBLISH.ceremony;
const REVISED = load('publish/revision.json');
const publishDocs = (c = C) =>
  structuredClone({
    plan: c.plan, plan_hash: c.plan_hash, catalog: c.catalog, eligible: c.eligible,
    log: c.log, log_head: c.log_head, result: c.result, receipts: c.receipts,
  });

/** `draw` = verifyDraw, `receipt` = verifyReceipt of receipt `index`: `[code, field]` or null. */
function checkPublished(d, target, index) {
  const r = attempt(() =>
    target === 'draw'
      ? ssj.verifyDraw(d.plan, d.plan_hash, d.catalog, d.log, d.log_head, d.eligible, d.result)
      : ssj.verifyReceipt(d.receipts[index], d.plan, d.result),
  );
  return r.err ? [r.err.code, r.err.details.field ?? ''] : null;
}

/** `{doc, pointer, op: replace|remove, value}`, pointer per RFC 6901. */
function applyPatch(d, p) {
  if (p.pointer === '') {
    d[p.doc] = p.value;
    return;
  }
  const tokens = p.pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  let target = d[p.doc];
  for (const t of tokens.slice(0, -1)) target = target[Array.isArray(target) ? Number(t) : t];
  const last = tokens.at(-1);
  if (p.op === 'replace') target[Array.isArray(target) ? Number(last) : last] = p.value;
  else if (p.op === 'remove') {
    if (Array.isArray(target)) target.splice(Number(last), 1);
    else delete target[last];
  } else throw new Error(`unknown op ${p.op}`);
}

test('publish: the ceremony verifies (draw, hashes, every receipt and its verdict)', () => {
  assert.equal(checkPublished(publishDocs(), 'draw', 0), null);
  assert.equal(ssj.planHash(C.plan), C.plan_hash);
  const s = ssj.verifyDraw(C.plan, C.plan_hash, C.catalog, C.log, C.log_head, C.eligible, C.result);
  same(s, {
    plan_hash: C.plan_hash, attempt: C.result.attempt, revision: 0, substitutions: 0, seed: C.seed,
    result_hash: C.result_hash, log_head: C.log_head, visits: C.result.draw.visits.length,
  });
  C.receipts.forEach((r, i) => same(ssj.verifyReceipt(r, C.plan, C.result), C.verdicts[i], r.uscc));
});

test('publish: receipts and the result are recomputed from the published inputs', () => {
  same(ssj.receipts(C.plan, C.eligible, C.excluded, C.result), C.receipts);
  const draw = C.log.entries.at(-1).event;
  const out = ssj.publishDraw(C.plan, C.eligible, C.catalog, { entries: C.log.entries.slice(0, -1) }, draw.attempt, C.seed);
  same(out.result, C.result);
  same(out.log, C.log);
});

test('publish: every tampered document fails with the code and field Rust reports', () => {
  assert.ok(PUBLISH.tampered.length >= 18);
  assert.ok(REVISED.tampered.length >= 12);
  for (const [file, v] of [['ceremony', PUBLISH], ['revision', REVISED]]) {
    for (const c of v.tampered) {
      const d = publishDocs(v.ceremony);
      applyPatch(d, c.patch);
      assert.deepEqual(checkPublished(d, c.verify, c.receipt_index), [c.code, c.field], `${file}: ${c.name}`);
    }
  }
});

test('publish: a re-drawn task with two revisions verifies, and revisions are republished from the log', () => {
  const R = REVISED.ceremony;
  const summary = ssj.verifyDraw(R.plan, R.plan_hash, R.catalog, R.log, R.log_head, R.eligible, R.result);
  assert.deepEqual([summary.attempt, summary.revision, summary.substitutions], [1, 2, 4]);
  assert.equal(checkPublished(publishDocs(R), 'draw', 0), null);
  R.receipts.forEach((r, i) => same(ssj.verifyReceipt(r, R.plan, R.result), R.verdicts[i], r.uscc));
  const entries = R.log.entries;
  let log = { entries: entries.slice(0, entries.findIndex((e) => e.event.kind === 'substitution')) };
  let result = REVISED.results[1];
  for (let revision = 1; log.entries.length < entries.length; revision += 1) {
    const batch = [];
    for (let k = log.entries.length; entries[k].event.kind === 'substitution'; k += 1) batch.push(entries[k].event);
    const req = { uscc: batch[0].replaced, reason: batch[0].reason, evidence: batch[0].evidence };
    if (batch.length === 1) req.item_id = batch[0].item_id;
    ({ result, log } = ssj.publishSubstitutions(R.plan, R.eligible, R.catalog, log, result, [req]));
    same(result, REVISED.results[1 + revision], `revision ${revision}`);
  }
  same(log, R.log);
  const stale = attempt(() => ssj.publishSubstitutions(R.plan, R.eligible, R.catalog, log, REVISED.results[2], [{ uscc: R.result.draw.visits[0].uscc, reason: 'unreachable' }]));
  assert.equal(stale.err?.code, 'result_mismatch');
});

test('publish: verifyDraw reads file bytes (Uint8Array) as it reads texts, errors included', () => {
  const utf8 = (v) => new TextEncoder().encode(JSON.stringify(v));
  const viaBytes = (d) => {
    const r = attempt(() => ssj.verifyDraw(utf8(d.plan), d.plan_hash, utf8(d.catalog), utf8(d.log), d.log_head, utf8(d.eligible), utf8(d.result)));
    return r.err ? { code: r.err.code, details: r.err.details } : r.ok;
  };
  const viaText = (d) => {
    const t = JSON.stringify;
    const r = attempt(() => ssj.verifyDraw(t(d.plan), d.plan_hash, t(d.catalog), t(d.log), d.log_head, t(d.eligible), t(d.result)));
    return r.err ? { code: r.err.code, details: r.err.details } : r.ok;
  };
  same(viaBytes(publishDocs()), viaText(publishDocs()));
  for (const c of PUBLISH.tampered.filter((x) => x.verify === 'draw')) {
    const d = publishDocs();
    applyPatch(d, c.patch);
    same(viaBytes(d), viaText(d), c.name);
  }
  // A byte-order mark is dropped, as File.text() does; malformed UTF-8 is refused
  // (issue #17: a lossy decoding would verify another document than the one published).
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(C.result)]);
  same(ssj.verifyDraw(utf8(C.plan), C.plan_hash, utf8(C.catalog), utf8(C.log), C.log_head, utf8(C.eligible), bom),
    ssj.verifyDraw(C.plan, C.plan_hash, C.catalog, C.log, C.log_head, C.eligible, C.result));
  const bad = utf8(C.plan);
  bad[bad.indexOf(0x22) + 1] = 0xff;
  const r = attempt(() => ssj.verifyDraw(bad, C.plan_hash, C.catalog, C.log, C.log_head, C.eligible, C.result));
  assert.equal(r.err?.code, 'encoding_invalid');
});

// ---- teams (as core/tests/all/teams_vectors.rs; tickets.json needs the core's ticket) -----

test('teams: every expected assignment is explained (the assignments: op-vectors.test.mjs)', () => {
  const files = jsonFiles('teams/').filter((f) => f.endsWith('.ops.json'));
  assert.ok(files.length >= 10);
  for (const f of files) {
    for (const c of load(`teams/${f}`).cases.filter((x) => 'expect' in x && x.op === 'assign_teams')) {
      assert.equal(ssj.explainTeams(c.input.request, c.expect).length, c.expect.teams.length, f);
    }
  }
});

test('teams: a team request from a draw result', () => {
  const result = ssj.draw({
    algorithm: 'v1', task_id: 'T1', mode: 'fixed', seed: '00'.repeat(32),
    items: [{ item_id: 'market.food', department: 'market', strata: [{ key: 'all', eligible: ['91350100M000100Y43'], quota: 1 }] }],
  });
  const roster = [{ uscc: '91350100M000100Y43', name: '示例', division: '150581', credit_class: 'B', status: 'active' }];
  const inspectors = [1, 2, 3].map((i) => ({ id: `A${i}`, department: 'market', certified: true }));
  const request = ssj.teamRequest(result, roster, inspectors, [], { lead_department: 'market', sizes: { market: 2 } });
  assert.equal(request.visits.length, 1);
  assert.equal(ssj.assignTeams(request).teams[0].members.length, 2);
});

test('publish: ReceiptVerifier gives the verdicts and errors of verifyReceipt (hashing once)', () => {
  for (const [file, v] of [['ceremony', PUBLISH], ['revision', REVISED]]) {
    const c = v.ceremony;
    const rv = new ssj.ReceiptVerifier(c.plan, JSON.stringify(c.result));
    assert.equal(rv.planHash, c.plan_hash, file);
    assert.equal(rv.resultHash, c.result_hash, file);
    c.receipts.forEach((r, i) => same(rv.verify(r), c.verdicts[i], `${file}: ${r.uscc}`));
    rv.free();
    for (const t of v.tampered.filter((x) => x.verify === 'receipt')) {
      const d = publishDocs(c);
      applyPatch(d, t.patch);
      const r = attempt(() => new ssj.ReceiptVerifier(d.plan, d.result).verify(d.receipts[t.receipt_index]));
      assert.deepEqual(r.err ? [r.err.code, r.err.details.field ?? ''] : null, [t.code, t.field], `${file}: ${t.name}`);
    }
  }
});
