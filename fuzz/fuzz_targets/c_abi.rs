//! The C entry points as a C caller uses them: an operation name (one of the table, or
//! arbitrary bytes, or a null pointer) and arbitrary input bytes (or a null pointer)
//! through `ssj_run_operation`, the answer checked and freed with `ssj_free`. Never
//! crash, never leak (LeakSanitizer), always a NUL-terminated UTF-8 JSON answer of the
//! stated length; an error answer carries a known code and its family.
//!
//! Input: the first byte selects — `0xFF`: the name is the bytes up to the first `\n`
//! (a NUL inside ends the C string early, as it would in C) and the input the rest;
//! `0xFE`: a null name; `0xFD`: a null input pointer (with the table's first operation);
//! otherwise the table's operation `byte % count` and the input the rest (the format of
//! the `operations` target, so its seeds fit).
#![no_main]
use std::ffi::{CStr, CString, c_char};

use libfuzzer_sys::fuzz_target;
use shuangsuiji_c::abi::{ssj_free, ssj_operations, ssj_run_operation};

include!("common.rs");

static OPS: std::sync::LazyLock<Vec<CString>> = std::sync::LazyLock::new(|| {
    shuangsuiji::ops::OPERATIONS
        .iter()
        .map(|&op| CString::new(op.replace("<kind>", "roster")).expect("no NUL in names"))
        .collect()
});

/// One call: checks the answer, frees it.
fn call(op: Option<&CStr>, input: Option<&[u8]>) {
    let mut out: *mut c_char = std::ptr::null_mut();
    let mut len = 0usize;
    let (ptr, n) = input.map_or((std::ptr::null(), 0), |i| (i.as_ptr(), i.len()));
    // SAFETY: `op` is null or a NUL-terminated string, `ptr` is null or valid for `n`
    // reads, `out` and `len` are valid for one write each, all for the whole call.
    let status = unsafe {
        ssj_run_operation(
            op.map_or(std::ptr::null(), CStr::as_ptr),
            ptr,
            n,
            &raw mut out,
            &raw mut len,
        )
    };
    assert!(status == 0 || status == 1, "status {status}");
    assert!(!out.is_null());
    // SAFETY: the library returned a NUL-terminated string it owns until `ssj_free`.
    let text = unsafe { CStr::from_ptr(out) };
    assert_eq!(
        text.to_bytes().len(),
        len,
        "out_len is the length without the NUL"
    );
    let value: serde_json::Value =
        serde_json::from_slice(text.to_bytes()).expect("the answer is JSON");
    if status == 1 {
        let code = value["code"].as_str().expect("an error has a code");
        let known = shuangsuiji::ErrorCode::from_code(code).expect("a known code");
        assert_eq!(value["family"], known.family().as_str());
    }
    // SAFETY: `out` came from the library and is freed once.
    unsafe { ssj_free(out) };
}

fuzz_target!(|data: &[u8]| {
    tolerate_caught_calamine_panics();
    let Some((&sel, rest)) = data.split_first() else {
        // The table itself, freed.
        let list = ssj_operations();
        assert!(!list.is_null());
        // SAFETY: `list` came from the library and is freed once.
        unsafe { ssj_free(list) };
        return;
    };
    match sel {
        0xFF => {
            let cut = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
            let (name, input) = rest.split_at(cut);
            let name = name.split(|&b| b == 0).next().unwrap_or_default();
            let name = CString::new(name).expect("cut at the first NUL");
            call(Some(&name), Some(input.get(1..).unwrap_or_default()));
        }
        0xFE => call(None, Some(rest)),
        0xFD => call(Some(&OPS[0]), None),
        _ => call(Some(&OPS[usize::from(sel) % OPS.len()]), Some(rest)),
    }
});
