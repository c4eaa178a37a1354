// Loads the web build of the binding synchronously in Node (one ES module for both).
import { readFileSync } from 'node:fs';
import * as ssj from '../pkg/web/shuangsuiji_wasm.js';

const bytes = readFileSync(new URL('../pkg/web/shuangsuiji_wasm_bg.wasm', import.meta.url));
ssj.initSync({ module: bytes });

export default ssj;
