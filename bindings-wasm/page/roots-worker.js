// The verification worker's helper (a worker it starts): checks the first half of a
// draw's verification — the plan hash, the catalog hash, the eligible Merkle root and
// the strata counts, the core's `verifyDrawRoots` — on a second thread while the
// worker recomputes the draw (the other half). Answers `{id, error}`: `null` when the
// roots hold, else the error as data; the verdict is the worker's (verify.js).
import { errorData } from './verify.js';
import { loadEngine } from './engine.js';

const ready = loadEngine();
ready.then(() => self.postMessage({ kind: 'engine', state: 'ready' }), () => self.postMessage({ kind: 'engine', state: 'failed' }));

self.onmessage = async (event) => {
  const { id, files } = event.data;
  try {
    const ssj = await ready;
    ssj.verifyDrawRoots(files.plan, files.planHash, files.catalog, files.eligible);
    self.postMessage({ id, error: null });
  } catch (err) {
    self.postMessage({ id, error: errorData(err) });
  }
};
