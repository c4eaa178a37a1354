// Reads the result file and arranges its strata table while the verification worker
// recomputes the draw (the page has two threads to use; parsing a large result takes a
// noticeable share of the time). Only rows go back; the page shows them once the other
// worker has verified the same file.
import { strataOf, errorData } from './verify.js';

self.onmessage = async (event) => {
  const { id, file } = event.data;
  try {
    const rows = strataOf(new Uint8Array(await file.arrayBuffer()));
    self.postMessage({ id, kind: 'done', value: rows });
  } catch (err) {
    self.postMessage({ id, kind: 'error', error: errorData(err) });
  }
};
