//! Disclosure (公示): `disclosureXlsx` (hand-written: it returns bytes, the table's
//! results are JSON). Every other outcomes/disclosure export is a table operation
//! ([`super::table`]).

use shuangsuiji::disclosure::{self, Disclosure};
use wasm_bindgen::prelude::*;

use crate::convert::from_js;
use crate::errors::IntoJs;

/// The 公示 list (a `disclose` result, object or JSON text) as an xlsx workbook: one
/// sheet, 检查结果公示, with the Chinese headers of the CSV export. Same list, same bytes.
///
/// # Errors
/// The JSON codes (`json_syntax`, `json_shape` …, `field` = `disclosure`) for a list that
/// is not a `Disclosure`.
#[wasm_bindgen(js_name = disclosureXlsx)]
pub fn disclosure_xlsx(
    #[wasm_bindgen(unchecked_param_type = "Record<string, unknown> | string")] disclosure: JsValue,
) -> Result<Vec<u8>, JsValue> {
    let list: Disclosure = from_js(&disclosure, Some("disclosure")).js_err()?;
    disclosure::disclosure_xlsx(&list).js_err()
}
