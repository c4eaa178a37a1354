// A small TypeScript consumer of the binding: `tsc --noEmit` checks that the published
// declarations (.d.ts) describe every export with real types (not `any`): the
// assignments below fail to compile if a return type is wrong or loosened.
import init, {
  initSync, parseUscc, completeUscc, errorCodes, validate, loadCatalog, version,
  draw, drawWithTicketOverrides, ticket, readEnterprises, readInspectors, readHistory,
  eligibility, planHash, verifyPlan, verifyLog,
} from '../pkg/web/shuangsuiji_wasm.js';
import type {
  DrawInput, DrawResult, StratumResult, Cutoff, Enterprise, Inspector, CheckRecord,
  EligibilityReport, LogSummary, ErrorCodeInfo, ShuangsuijiError, CatalogLoaded, ReadOptions,
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

  const options: ReadOptions = { file_name: 'a.csv', encoding: 'gbk' };
  const roster = exact<Enterprise[]>(readEnterprises(csv, options));
  const inspectors = exact<Inspector[]>(readInspectors(csv, null));
  const history = exact<CheckRecord[]>(readHistory(csv, undefined));
  const report = exact<EligibilityReport>(eligibility(
    { authority: { id: 'a', department: 'market', level: 'county', jurisdiction: '150581' }, year: 2026, date: '2026-03-02', items: ['market.food_production'], policy: { preset: { name: 'national_default' } } },
    catalog.catalog, roster, history,
  ));
  const hash: string = planHash({});
  const nothing: void = verifyPlan({}, hash);
  const summary = exact<LogSummary>(verifyLog({}, { entries: [] }, undefined));
  const seed: string | null = summary.attempts[0].seed;

  try {
    parseUscc('x');
  } catch (e) {
    const err = e as ShuangsuijiError;
    const where: string | undefined = err.details.field;
    return `${err.code} ${where}`;
  }
  return [uscc, full, family, String(ratio), v, fromText.task_id, String(cut?.ticket), forced.seed, t,
    String(inspectors.length), String(report.items.length), String(nothing), String(seed)].join(' ');
}
