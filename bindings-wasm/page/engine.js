// Loads the WebAssembly engine in a worker (the verification worker and its helper):
// the SIMD build where the browser has WebAssembly SIMD, else the plain one, then the
// warm-up (warmup.js).
import { warmUp } from './warmup.js';

// WebAssembly SIMD (a module computing i8x16.popcnt validates): then the build that
// hashes four Merkle nodes at a time, else the plain one. Same exports, same answers.
const SIMD = WebAssembly.validate(new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]));

/** The engine's module, loaded and warmed up once. */
export async function loadEngine() {
  const ssj = await import(SIMD ? './pkg-simd/shuangsuiji_wasm.js' : './pkg/shuangsuiji_wasm.js');
  await ssj.default();
  try {
    warmUp(ssj);
  } catch {
    // Only a warm-up: a real verification reports its own errors.
  }
  return ssj;
}
