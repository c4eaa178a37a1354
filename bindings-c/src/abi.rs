//! The `extern "C"` entry points (the header `include/shuangsuiji.h` is generated from
//! this module). The only `unsafe` of the project outside `core/`'s ban: reading the
//! caller's pointers and handing buffers across. Every block says why it is sound.
//!
//! Ownership: every non-null `char *` the library returns (through `out` or as a return
//! value) is owned by the caller and must be released with [`ssj_free`] exactly once —
//! except [`ssj_version`]'s, which is static. Strings are UTF-8 and NUL-terminated; the
//! JSON never contains a NUL byte (serde escapes it), so the length and the terminator
//! agree.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString, c_char};
use std::panic::catch_unwind;

use crate::{SSJ_ABI_VERSION, SSJ_ERROR, SSJ_INVALID_ARGUMENT, SSJ_OK, operations_json, run_json};

const VERSION: &CStr =
    match CStr::from_bytes_with_nul(concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes()) {
        Ok(v) => v,
        Err(_) => panic!("the version has a NUL byte"),
    };

/// Runs operation `op` on the JSON object `input` and hands back a new JSON string.
///
/// * `op`: the operation's name, a NUL-terminated UTF-8 string (e.g. `"eligibility"`,
///   `"validate:roster"`; `ssj_operations()` lists them).
/// * `input`, `input_len`: the operation's input object as UTF-8 JSON text (not
///   necessarily NUL-terminated). Files go in as `input_base64` or `input_text`.
/// * `out`, `out_len`: receive a NUL-terminated UTF-8 JSON string owned by the caller
///   (free it with `ssj_free`) and its length in bytes without the NUL.
///
/// Returns `SSJ_OK` (0) with the result's JSON, `SSJ_ERROR` (1) with the error's JSON
/// `{"code", "family", "message", "message_en", "details"}`, or `SSJ_INVALID_ARGUMENT` (2) when `out`
/// or `out_len` is null (nothing is run or written). A null `op` is an unknown operation
/// (`json_shape`, field `operation`), a null `input` an empty text (`json_syntax`).
/// Thread-safe; never unwinds.
///
/// # Safety
/// `op` is null or a valid NUL-terminated string; `input` is null or valid for reads
/// of `input_len` bytes; `out` and `out_len` are null or valid for one write each.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ssj_run_operation(
    op: *const c_char,
    input: *const u8,
    input_len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> i32 {
    if out.is_null() || out_len.is_null() {
        return SSJ_INVALID_ARGUMENT;
    }
    let op: &[u8] = if op.is_null() {
        b""
    } else {
        // SAFETY: the caller promises a valid NUL-terminated string that outlives this call.
        unsafe { CStr::from_ptr(op) }.to_bytes()
    };
    let input: &[u8] = if input.is_null() {
        b""
    } else {
        // SAFETY: the caller promises `input_len` readable bytes at `input` for this call.
        unsafe { std::slice::from_raw_parts(input, input_len) }
    };
    let (status, text) = match run_json(op, input) {
        Ok(t) => (SSJ_OK, t),
        Err(t) => (SSJ_ERROR, t),
    };
    // serde_json escapes U+0000, so the JSON has no interior NUL; fall back to an error
    // JSON rather than panic if that ever failed.
    let c = CString::new(text).unwrap_or_else(|_| {
        CString::from(c"{\"code\":\"internal_invariant\",\"family\":\"internal\",\"message\":\"NUL in output\",\"details\":{}}")
    });
    let len = c.as_bytes().len();
    // SAFETY: both pointers were checked non-null above and the caller promises each
    // is valid for one write.
    unsafe { out.write(c.into_raw()) };
    // SAFETY: as above.
    unsafe { out_len.write(len) };
    status
}

/// The operations table as a JSON array (per operation `name`, `args` with `name`,
/// `kind`, `optional`, and `result`); a new string owned by the caller (`ssj_free`).
/// Null only if the library failed internally.
#[unsafe(no_mangle)]
pub extern "C" fn ssj_operations() -> *mut c_char {
    catch_unwind(|| CString::new(operations_json()).map_or(std::ptr::null_mut(), CString::into_raw))
        .unwrap_or(std::ptr::null_mut())
}

/// The version of the C ABI (`SSJ_ABI_VERSION` of the header the caller was built with
/// must be equal).
#[unsafe(no_mangle)]
pub extern "C" fn ssj_abi_version() -> u32 {
    SSJ_ABI_VERSION
}

/// The library's version (e.g. `"0.1.0"`): a static string, never freed.
#[unsafe(no_mangle)]
pub extern "C" fn ssj_version() -> *const c_char {
    VERSION.as_ptr()
}

/// Frees a string returned by `ssj_run_operation` (through `out`) or `ssj_operations`.
/// Null is ignored.
///
/// # Safety
/// `ptr` is null or a pointer this library returned and that was not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn ssj_free(ptr: *mut c_char) {
    if !ptr.is_null() {
        // SAFETY: the caller promises `ptr` came from `CString::into_raw` in this
        // library and is freed only once.
        drop(unsafe { CString::from_raw(ptr) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(op: Option<&CStr>, input: Option<&[u8]>) -> (i32, String) {
        let mut out = std::ptr::null_mut();
        let mut len = 0usize;
        let (p, n) = input.map_or((std::ptr::null(), 3), |i| (i.as_ptr(), i.len()));
        let op = op.map_or(std::ptr::null(), CStr::as_ptr);
        // SAFETY: valid pointers from live Rust values.
        let status = unsafe { ssj_run_operation(op, p, n, &mut out, &mut len) };
        // SAFETY: `out` was just returned by the library and is read before it is freed.
        let text = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_owned();
        assert_eq!(text.len(), len);
        // SAFETY: returned by the library, freed once.
        unsafe { ssj_free(out) };
        (status, text)
    }

    #[test]
    fn results_errors_and_null_pointers() {
        assert_eq!(
            call(Some(c"parse_ratio"), Some(br#"{"text":"1/2"}"#)),
            (SSJ_OK, r#""1/2""#.to_owned())
        );
        let (s, e) = call(Some(c"parse_ratio"), Some(br#"{"text":"2/0"}"#));
        assert_eq!(s, SSJ_ERROR);
        let e: serde_json::Value = serde_json::from_str(&e).unwrap();
        assert_eq!(e["code"], "ratio_zero_denominator");
        assert_eq!(e["family"], "validation");
        assert!(e["message"].is_string() && e["details"].is_object());
        let (s, e) = call(None, Some(b"{}"));
        assert_eq!(s, SSJ_ERROR);
        assert!(e.contains("json_"), "{e}");
        let (s, e) = call(Some(c"parse_ratio"), None);
        assert_eq!(s, SSJ_ERROR, "{e}");
        // SAFETY: null out pointers are refused before anything is read.
        let s = unsafe {
            ssj_run_operation(
                c"x".as_ptr(),
                std::ptr::null(),
                0,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )
        };
        assert_eq!(s, SSJ_INVALID_ARGUMENT);
        // SAFETY: null is ignored.
        unsafe { ssj_free(std::ptr::null_mut()) };
    }

    #[test]
    fn table_and_versions() {
        let p = ssj_operations();
        // SAFETY: returned by the library, read before it is freed.
        let table = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
        // SAFETY: returned by the library, freed once.
        unsafe { ssj_free(p) };
        let table: serde_json::Value = serde_json::from_str(&table).unwrap();
        let names: Vec<&str> = table
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let want: Vec<&str> = shuangsuiji::ops::OPERATION_TABLE
            .iter()
            .map(|o| o.name)
            .collect();
        assert_eq!(names, want);
        assert_eq!(ssj_abi_version(), SSJ_ABI_VERSION);
        // SAFETY: a static NUL-terminated string.
        let v = unsafe { CStr::from_ptr(ssj_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
