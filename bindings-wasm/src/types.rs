//! The hand-written TypeScript declarations of the JSON shapes (`types.d.ts`), emitted
//! into the generated `.d.ts` so that every export has a precise type.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
