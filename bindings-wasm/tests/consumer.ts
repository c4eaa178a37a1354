// A small TypeScript consumer of the binding: `tsc --noEmit` checks that the published
// declarations (.d.ts) describe every export used the way the README shows.
import init, { initSync, parseUscc, completeUscc, errorCodes, validate, loadCatalog, version } from '../pkg/web/shuangsuiji_wasm.js';

export async function demo(bytes: BufferSource): Promise<string> {
  initSync({ module: bytes });
  void init;
  const uscc: string = parseUscc('91350100M000100Y43');
  const full: string = completeUscc('91350100M000100Y4');
  const codes: unknown = errorCodes();
  const ratio: unknown = validate('ratio', '3/100');
  const catalog: unknown = loadCatalog('{"id":"c","version":"1","items":[]}');
  const v: string = version();
  return [uscc, full, String(codes), String(ratio), String(catalog), v].join(' ');
}
