// A small TypeScript consumer of the binding: `tsc --noEmit` checks that the published
// declarations (.d.ts) describe every export with real types (not `any`): the
// assignments below fail to compile if a return type is wrong or loosened.
import init, {
  initSync, parseUscc, completeUscc, errorCodes, validate, loadCatalog, version,
  draw, drawWithTicketOverrides, drawColumns, selectionColumns, ticket, readEnterprises, readInspectors, readHistory,
  eligibility, planHash, verifyPlan, verifyLog,
  merkleLeaf, conflictListHash, merkleTree, verifyInclusion, leafHash, partyCommitment, validateBeacon,
  canonicalizeBeacon, validateBeaconSpec, deriveSeed, ceremonySeed, canonicalPlanJson,
  dayStatus, parseCalendarYear, deadline, dueDate, leniency, decide, calendarStatus, defaultDiscretionPreset,
  discretionBand, assessCreditRepair,
  planFromEligibility, eligibleLeaves, excludedLeaves, newLog, logAppend, publishDraw, publishSubstitutions, receipts,
  verifyReceipt, verifyDraw, assignTeams, explainTeams, teamRequest, runOperation,
  ReceiptVerifier,
} from '../pkg/web/shuangsuiji_wasm.js';
import type {
  DrawInput, DrawResult, StratumResult, Cutoff, SelectionColumns, Enterprise, Inspector, CheckRecord,
  EligibilityReport, LogSummary, ErrorCodeInfo, ShuangsuijiError, CatalogLoaded, ReadOptions,
  MerkleLeafBytes, MerkleTreeSummary, DayStatus, Deadline, Decision, DiscretionPreset, BandRange,
  RepairAssessment, PlanDocument, PlanMeta, EligibleLeaf, ExcludedLeaf, DrawLogDocument, PublishedDraw,
  ResultDocument, Receipt, Verdict, DrawSummary, SubstitutionRequest, TeamRequest, TeamAssignment, TeamExplanation, CandidateStatus,
} from '../pkg/web/shuangsuiji_wasm.js';

/** Fails to compile when `T` is `any`. */
type NotAny<T> = 0 extends 1 & T ? never : T;
function exact<T>(value: NotAny<T>): T {
  return value;
}

export async function demo(bytes: BufferSource, csv: Uint8Array): Promise<string> {
  initSync({ module: bytes });
  void init;
  const uscc: string = parseUscc('91350100M000100Y43');
  const full: string = completeUscc('91350100M000100Y4');
  const codes = exact<ErrorCodeInfo[]>(errorCodes());
  const family: string = codes[0].family;
  const ratio: unknown = validate('ratio', '3/100');
  const catalog = exact<CatalogLoaded>(loadCatalog('{"id":"c","version":"1","items":[]}'));
  const v: string = version();

  const input: DrawInput = {
    algorithm: 'v1',
    task_id: 'demo',
    seed: '00'.repeat(32),
    mode: 'fixed',
    items: [{ item_id: 'food.production', department: 'market', strata: [{ key: 'all', eligible: [uscc], quota: 1 }] }],
  };
  const result = exact<DrawResult>(draw(input));
  const fromText = exact<DrawResult>(draw(JSON.stringify(input)));
  const stratum: StratumResult = result.items[0].strata[0];
  const cut: Cutoff | null = stratum.cutoff;
  const forced = exact<DrawResult>(drawWithTicketOverrides(input, { [uscc]: '00'.repeat(16) }));
  const t: string = ticket(input.seed, input.task_id, uscc);
  const byColumns = exact<DrawResult>(drawColumns(input, [uscc], ['all']));
  const columns = exact<SelectionColumns>(selectionColumns(byColumns));
  const picked: string[] = columns.items[0].strata[0].uscc;

  const options: ReadOptions = { file_name: 'a.csv', encoding: 'gbk' };
  const roster = exact<Enterprise[]>(readEnterprises(csv, options));
  const inspectors = exact<Inspector[]>(readInspectors(csv, null));
  const history = exact<CheckRecord[]>(readHistory(csv, undefined));
  const report = exact<EligibilityReport>(eligibility(
    { authority: { id: 'a', department: 'market', level: 'county', jurisdiction: '150581' }, year: 2026, date: '2026-03-02', items: ['market.food_production'], policy: { preset: { name: 'national_default' } } },
    catalog.catalog, roster, history,
  ));
  const hash: string = planHash({});
  const verified: { ok: true } = verifyPlan({}, hash);
  const summary = exact<LogSummary>(verifyLog({}, { entries: [] }, undefined));
  const seed: string | null = summary.attempts[0].seed;

  const leaf = exact<MerkleLeafBytes>(merkleLeaf('eligible', { uscc, item_id: 'i', stratum_key: 'k' }));
  const tree = exact<MerkleTreeSummary>(merkleTree('eligible', []));
  const ok: { ok: true } = verifyInclusion(leaf.leaf_bytes, tree.proofs[0], tree.commitment);
  const leafHashHex: string = leafHash(leaf.leaf_bytes);
  const hashes: string[] = [conflictListHash([]), partyCommitment('p', hash), canonicalizeBeacon('hex', 'AB'),
    deriveSeed(hash, 0, [{ source: 's', value: 'v' }], [{ party: 'p', secret: hash }]),
    ceremonySeed(hash, 0, [], [], [], []), canonicalPlanJson({})];
  const checks: void[] = [validateBeacon('hex', 'ab'), validateBeaconSpec({ source_id: 's', kind: 'hex', series: 'x', draw: '1' })];
  const status = exact<DayStatus>(dayStatus('2026-01-01'));
  const year: Record<string, unknown> = parseCalendarYear('{}');
  const due = exact<Deadline>(deadline('correction', '2026-03-02'));
  const dueText: string = dueDate('2026-03-02', { unit: 'working_days', count: 5 });
  const decision = exact<Decision>(leniency(null, { violation_type: 't', committed_on: '2026-01-01', discovered_on: '2026-01-02' }, [], '2026-03-02'));
  // A table operation called without its optional trailing parameters (`policy`).
  const decided = exact<Decision>(decide(null, { violation_type: 't', committed_on: '2026-01-01', discovered_on: '2026-01-02' }, [], '2026-03-02'));
  exact<DayStatus>(calendarStatus('2026-10-01'));
  const preset = exact<DiscretionPreset>(defaultDiscretionPreset());
  const band = exact<BandRange>(discretionBand({ min_fen: 0, max_fen: 100 }, 'lighter', preset));
  const repair = exact<RepairAssessment>(assessCreditRepair({}, {}, {}, '2026-03-02'));

  const meta: PlanMeta = { task_id: 'demo', reveal_order: 'after_beacon', beacons: [], parties: [] };
  const plan = exact<PlanDocument>(planFromEligibility(report, catalog.catalog, inspectors, meta));
  const eligible = exact<EligibleLeaf[]>(eligibleLeaves(report));
  const excluded = exact<ExcludedLeaf[]>(excludedLeaves(report));
  const log0 = exact<DrawLogDocument>(newLog(hash));
  const log1 = exact<DrawLogDocument>(logAppend(log0, { kind: 'beacon', attempt: 0, source: 's', value: 'v' }));
  const published = exact<PublishedDraw>(publishDraw(plan, eligible, catalog.catalog, log1, 0, hash));
  const doc: ResultDocument = published.result;
  const swap: SubstitutionRequest = { uscc: doc.draw.visits[0].uscc, reason: 'unreachable', evidence: '核查记录' };
  const revised = exact<PublishedDraw>(publishSubstitutions(plan, eligible, catalog.catalog, published.log, doc, [swap]));
  const revision: number | undefined = revised.result.revision;
  void revision;
  const all = exact<Receipt[]>(receipts(plan, eligible, excluded, doc));
  const verdict = exact<Verdict>(verifyReceipt(all[0], plan, doc));
  const selected: boolean = verdict.items[0].selected;
  const checker = new ReceiptVerifier(plan, doc);
  const again = exact<Verdict>(checker.verify(all[0]));
  const checkerHashes: [string, string] = [checker.planHash, checker.resultHash];
  void again;
  void checkerHashes;
  checker.free();
  const drawSummary = exact<DrawSummary>(verifyDraw(plan, hash, catalog.catalog, published.log, hash, eligible, doc));
  const request = exact<TeamRequest>(teamRequest(result, roster, inspectors, history, { lead_department: 'market' }));
  const teams = exact<TeamAssignment>(assignTeams(request));
  const explained = exact<TeamExplanation[]>(explainTeams(request, teams));
  const fate: CandidateStatus = explained[0].departments[0].candidates[0].status;
  void [selected, picked, drawSummary.visits, teams.teams[0].lead, fate];
  const op: unknown = runOperation('parse_uscc', { text: '91350100M000100Y43' });
  void op;
  void [ok, hashes, checks, status, year, due.due, dueText, decision.outcome, band.max_fen, repair.eligible_now];

  try {
    parseUscc('x');
  } catch (e) {
    const err = e as ShuangsuijiError;
    const where: string | undefined = err.details.field;
    return `${err.code} ${where}`;
  }
  return [uscc, full, family, String(ratio), v, fromText.task_id, String(cut?.ticket), forced.seed, t,
    String(inspectors.length), String(report.items.length), String(verified.ok), String(seed)].join(' ');
}
