// A warm-up for the WebAssembly engine, run by the worker when it starts (see warmUp).

// GB 11714 check character of an 8-character organisation-code body (warm-up data).
const W = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCheck(body) {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const c = body.charCodeAt(i);
    sum += (c <= 57 ? c - 48 : c - 55) * W[i];
  }
  const d = 11 - (sum % 11);
  return d === 10 ? 'X' : d === 11 ? '0' : String(d);
}

/**
 * Publishes and verifies a small made-up draw once, when the worker starts (while the
 * reader picks the files). A WebAssembly engine compiles a function with its optimising
 * tier only after it has run for a while, and never switches a running call: without
 * this, the first verification of a large draw runs much of its work in baseline code.
 * Nothing of it is kept or shown; returns the `DrawSummary` (tests check that the
 * warm-up still verifies).
 */
export function warmUp(ssj) {
  const n = 6000;
  const roster = [];
  for (let i = 0; i < n; i += 1) {
    const body = `W${String(i).padStart(7, '0')}`;
    roster.push({
      uscc: ssj.completeUscc(`91150581${body}${orgCheck(body)}`), name: `${i}`, division: '150581',
      credit_class: 'ABCD'[i % 4], status: 'active', categories: ['food_production:grain'],
    });
  }
  const provenance = { document: 'warm-up', verification: 'verified' };
  const catalog = {
    id: 'warm-up', version: '1',
    items: [{ id: 'market.food_production', name: 'warm-up', department: 'market', kind: 'key', form: 'joint',
      applies_to: { categories: ['food_production'] }, provenance }],
  };
  const request = {
    authority: { id: 'warm-up', department: 'market', level: 'county', jurisdiction: '150581' },
    year: 2025, date: '2025-03-01', items: ['market.food_production'], policy: { preset: { name: 'henan_2021' } },
  };
  const report = ssj.eligibility(request, catalog, roster, []);
  const secret = '11'.repeat(32);
  const parties = [{ party_id: 'p', commitment: ssj.partyCommitment('p', secret) }];
  const beacons = [{ source_id: 'ssq', kind: 'cwl_ssq', series: 'cwl.ssq', draw: '2025024' }];
  const plan = ssj.planFromEligibility(report, catalog, [], { task_id: 'WARM-UP', reveal_order: 'before_beacon', beacons, parties });
  const planHash = ssj.planHash(plan);
  const value = ssj.canonicalizeBeacon('cwl_ssq', '05 09 14 22 27 31 + 12');
  let log = ssj.newLog(planHash);
  log = ssj.logAppend(log, { kind: 'reveal', attempt: 0, party: 'p', secret });
  log = ssj.logAppend(log, { kind: 'beacon', attempt: 0, source: 'ssq', value });
  const seed = ssj.ceremonySeed(planHash, 0, beacons, parties, [{ party: 'p', secret }], [{ source: 'ssq', value }]);
  const eligible = ssj.eligibleLeaves(report);
  const published = ssj.publishDraw(plan, eligible, catalog, log, 0, seed);
  const bytes = (v) => new TextEncoder().encode(JSON.stringify(v));
  const head = published.log.entries.at(-1).hash;
  return ssj.verifyDraw(bytes(plan), planHash, bytes(catalog), bytes(published.log), head, bytes(eligible), bytes(published.result));
}
