// The page's warm-up (page/warmup.js: a small made-up draw published and verified when
// the worker starts) still verifies: if a format change broke it, the page would only
// lose speed silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ssj from './load.mjs';
import { warmUp } from '../page/warmup.js';

test('the page warm-up publishes and verifies its draw', () => {
  const summary = warmUp(ssj);
  assert.equal(summary.attempt, 0);
  assert.ok(summary.visits > 0, JSON.stringify(summary));
});
