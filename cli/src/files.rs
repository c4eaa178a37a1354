//! Reading and writing the files of a task: the clerk's inputs through the library's
//! readers (CSV UTF-8/GBK, xlsx, JSON), JSON documents, hashes, and the folder names.

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;
use shuangsuiji::intake::{self, ReadOptions};
use shuangsuiji::model::{Catalog, CheckRecord, InspectorRoster, Roster};
use shuangsuiji::outcomes::OutcomeRecord;
use shuangsuiji::proof::{Bytes32, document_text, from_committed_json};
use shuangsuiji::{Error, InputCode};

use crate::exit::Out;
use crate::fail::Fail;
use crate::progress;

/// The bytes of a file.
///
/// # Errors
/// An I/O failure naming the file.
pub fn read(path: &Path) -> Result<Vec<u8>, Fail> {
    std::fs::read(path).map_err(|e| Fail::io(path, e))
}

/// Writes a file (its folder must exist).
///
/// # Errors
/// An I/O failure naming the file.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Fail> {
    std::fs::write(path, bytes).map_err(|e| Fail::io(path, e))
}

/// Creates a folder and its parents.
///
/// # Errors
/// An I/O failure naming the folder.
pub fn mkdir(path: &Path) -> Result<(), Fail> {
    std::fs::create_dir_all(path).map_err(|e| Fail::io(path, e))
}

/// The reading options of the library for a file: its name, which the errors carry.
fn options(path: &Path) -> ReadOptions {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    ReadOptions::named(&name)
}

/// Reads `path` with one of the library's readers (a byte bar for a large file when
/// stderr is a terminal).
fn with<T>(
    path: &Path,
    reader: fn(&[u8], &ReadOptions) -> shuangsuiji::Result<T>,
    out: Out,
) -> Result<T, Fail> {
    let bytes = progress::read(path, out)?;
    let spin = out.progress("正在检查文件……", "checking the file…");
    let read = reader(&bytes, &options(path)).map_err(Fail::in_file(path));
    drop(spin);
    read
}

/// An enterprise roster.
///
/// # Errors
/// I/O, or the reader's error.
pub fn roster(path: &Path, out: Out) -> Result<Roster, Fail> {
    with(path, intake::read_enterprises, out)
}

/// An inspector list.
///
/// # Errors
/// I/O, or the reader's error.
pub fn inspectors(path: &Path, out: Out) -> Result<InspectorRoster, Fail> {
    with(path, intake::read_inspectors, out)
}

/// A check history (none: empty).
///
/// # Errors
/// I/O, or the reader's error.
pub fn history(path: Option<&str>, out: Out) -> Result<Vec<CheckRecord>, Fail> {
    path.map_or_else(
        || Ok(Vec::new()),
        |p| with(Path::new(p), intake::read_history, out),
    )
}

/// A department's outcome records: a sheet (CSV UTF-8/GBK or xlsx, one row per item
/// checked, Chinese headers) or JSON records.
///
/// # Errors
/// I/O, or the reader's error.
pub fn outcome_records(path: &Path, out: Out) -> Result<Vec<OutcomeRecord>, Fail> {
    with(path, intake::read_outcome_records, out)
}

/// A catalog of check items.
///
/// # Errors
/// I/O, or the reader's error.
pub fn catalog(path: &Path) -> Result<Catalog, Fail> {
    read(path).and_then(|b| intake::read_catalog(&b, &options(path)).map_err(Fail::in_file(path)))
}

/// A JSON document (a request, the plan's metadata, a report, leaves …) read as the
/// bindings read their JSON arguments.
///
/// # Errors
/// I/O, or the parser's typed error.
pub fn json<T: DeserializeOwned>(path: &Path) -> Result<T, Fail> {
    let bytes = read(path)?;
    document_text(&bytes)
        .and_then(intake::parse_json)
        .map_err(Fail::in_file(path))
}

/// A committed document (plan, log, result, receipt) as verifiers read it.
///
/// # Errors
/// I/O, or the reader's typed error.
pub fn committed<T: DeserializeOwned>(path: &Path) -> Result<T, Fail> {
    from_committed_json(&read(path)?).map_err(Fail::in_file(path))
}

/// Writes `value` as indented JSON with a final line end (as the county example
/// writes the published files).
///
/// # Errors
/// I/O.
pub fn write_json<T: Serialize + ?Sized>(path: &Path, value: &T) -> Result<(), Fail> {
    let mut text = pretty(value)?;
    text.push('\n');
    write(path, text.as_bytes())
}

/// `value` as indented JSON.
///
/// # Errors
/// `json_shape` if it is not representable (a map with non-string keys).
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> Result<String, Fail> {
    serde_json::to_string_pretty(value).map_err(|e| {
        Fail::from(Error::new(
            InputCode::JsonShape,
            format!("not representable as JSON: {e}"),
        ))
    })
}

/// A hash file: 64 hex digits and a line end.
///
/// # Errors
/// I/O, or `hex_invalid`-family errors of the library.
pub fn hash(path: &Path) -> Result<Bytes32, Fail> {
    let bytes = read(path)?;
    document_text(&bytes)
        .and_then(|t| Bytes32::from_hex(t.trim()))
        .map_err(Fail::in_file(path))
}

/// Writes a hash file.
///
/// # Errors
/// I/O.
pub fn write_hash(path: &Path, hash: &Bytes32) -> Result<(), Fail> {
    write(path, format!("{hash}\n").as_bytes())
}
