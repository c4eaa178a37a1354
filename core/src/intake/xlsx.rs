//! xlsx input through `calamine` (cargo feature `xlsx`).
//!
//! Before calamine decompresses anything, the zip central directory is read with a
//! small parser ([`zip_uncompressed_size`]) and the workbook is refused if the sizes
//! it declares add up to more than the limit (`decompressed_too_large`): a
//! decompression bomb is stopped without inflating it. Rows are numbered as Excel
//! shows them (sheet row 1 = 1), the first non-empty row of the used range is the
//! header. Numbers become text exactly (integers; a non-integral or too large number
//! in a text column is `cell_invalid`), date cells become dates, formulas are allowed
//! except in id columns (`xlsx_formula`).

use super::limits;
use super::options::Limits;
use super::table::Row;
use crate::{Error, InputCode, LimitCode, Result};

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u64::from(u16::from_le_bytes([s[0], s[1]])))
}

fn u32_at(b: &[u8], at: usize) -> Option<u64> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u64::from(u32::from_le_bytes([s[0], s[1], s[2], s[3]])))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    let s: [u8; 8] = b.get(at..at.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(s))
}

fn not_zip(why: &str) -> Error {
    Error::new(
        InputCode::XlsxInvalid,
        format!("not an xlsx workbook: {why}"),
    )
}

/// Sums the uncompressed sizes declared in a zip archive's central directory
/// (zip64 aware) and checks them against `max`, together with [`limits::MAX_ZIP_ENTRIES`].
///
/// # Errors
/// `xlsx_invalid` if the directory cannot be read; `decompressed_too_large` above the
/// limit or with too many entries.
///
/// ```
/// use shuangsuiji::intake::zip_uncompressed_size;
/// assert_eq!(zip_uncompressed_size(b"not a zip", 100).unwrap_err().code().as_str(), "xlsx_invalid");
/// ```
pub fn zip_uncompressed_size(bytes: &[u8], max: u64) -> Result<u64> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let search_from = bytes.len().saturating_sub(22 + 0xFFFF);
    let tail = bytes.get(search_from..).unwrap_or(&[]);
    let eocd_rel = tail
        .windows(4)
        .rposition(|w| w == EOCD)
        .ok_or_else(|| not_zip("no end of central directory"))?;
    let eocd = search_from + eocd_rel;
    let mut entries = u16_at(bytes, eocd + 10).ok_or_else(|| not_zip("truncated directory"))?;
    let mut cd_offset = u32_at(bytes, eocd + 16).ok_or_else(|| not_zip("truncated directory"))?;
    if entries == 0xFFFF || cd_offset == 0xFFFF_FFFF {
        // zip64: the locator sits 20 bytes before the EOCD record.
        let loc = eocd
            .checked_sub(20)
            .filter(|&l| bytes.get(l..l + 4) == Some(b"PK\x06\x07"))
            .ok_or_else(|| not_zip("zip64 locator missing"))?;
        let rec = usize::try_from(u64_at(bytes, loc + 8).ok_or_else(|| not_zip("zip64"))?)
            .ok()
            .filter(|&r| r < bytes.len())
            .ok_or_else(|| not_zip("zip64 offset"))?;
        if bytes.get(rec..rec.saturating_add(4)) != Some(b"PK\x06\x06") {
            return Err(not_zip("zip64 record missing"));
        }
        entries = u64_at(bytes, rec + 32).ok_or_else(|| not_zip("zip64"))?;
        cd_offset = u64_at(bytes, rec + 48).ok_or_else(|| not_zip("zip64"))?;
    }
    if entries > limits::MAX_ZIP_ENTRIES {
        return Err(Error::new(
            LimitCode::DecompressedTooLarge,
            format!(
                "the workbook has {entries} zip entries (limit {})",
                limits::MAX_ZIP_ENTRIES
            ),
        ));
    }
    let mut at = usize::try_from(cd_offset)
        .ok()
        .filter(|&a| a < bytes.len())
        .ok_or_else(|| not_zip("directory offset"))?;
    let mut total: u64 = 0;
    for _ in 0..entries {
        if bytes.get(at..at.saturating_add(4)) != Some(b"PK\x01\x02") {
            return Err(not_zip("bad central directory entry"));
        }
        let bad = || not_zip("truncated central directory entry");
        let mut size = u32_at(bytes, at + 24).ok_or_else(bad)?;
        let name_len =
            usize::try_from(u16_at(bytes, at + 28).ok_or_else(bad)?).map_err(|_| bad())?;
        let extra_len =
            usize::try_from(u16_at(bytes, at + 30).ok_or_else(bad)?).map_err(|_| bad())?;
        let comment_len =
            usize::try_from(u16_at(bytes, at + 32).ok_or_else(bad)?).map_err(|_| bad())?;
        if size == 0xFFFF_FFFF {
            // The zip64 extra field (id 1) starts with the uncompressed size.
            let mut e = at + 46 + name_len;
            let end = e + extra_len;
            let mut found = None;
            while e + 4 <= end {
                let id = u16_at(bytes, e).ok_or_else(bad)?;
                let len =
                    usize::try_from(u16_at(bytes, e + 2).ok_or_else(bad)?).map_err(|_| bad())?;
                if id == 1 {
                    found = u64_at(bytes, e + 4);
                    break;
                }
                e += 4 + len;
            }
            size = found.ok_or_else(|| not_zip("zip64 size missing"))?;
        }
        total = total.saturating_add(size);
        if total > max {
            return Err(Error::new(
                LimitCode::DecompressedTooLarge,
                format!("the workbook would expand to more than {max} bytes"),
            )
            .with_detail("limit", max.to_string()));
        }
        at = at
            .checked_add(46 + name_len + extra_len + comment_len)
            .ok_or_else(bad)?;
    }
    Ok(total)
}

/// Reads the chosen sheet, handing each row to `push` until it returns `false`.
///
/// calamine 0.38 can panic on a malformed cell reference (an arithmetic overflow in
/// builds with overflow checks, found by the `read_xlsx` fuzz target); such a panic is
/// caught here and reported as `xlsx_invalid`, so bad input never crashes the caller.
#[cfg(feature = "xlsx")]
pub(crate) fn rows(
    bytes: &[u8],
    sheet: Option<&str>,
    lim: &Limits,
    push: &mut dyn FnMut(&Row<'_>) -> bool,
) -> Result<()> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        rows_unguarded(bytes, sheet, lim, push)
    }))
    .unwrap_or_else(|_| {
        Err(Error::new(
            InputCode::XlsxInvalid,
            "the workbook reader failed on this file (a malformed cell reference or structure)",
        ))
    })
}

#[cfg(feature = "xlsx")]
fn rows_unguarded(
    bytes: &[u8],
    sheet: Option<&str>,
    lim: &Limits,
    push: &mut dyn FnMut(&Row<'_>) -> bool,
) -> Result<()> {
    use calamine::{Reader, Xlsx};

    use super::table::Cell;

    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Err(Error::new(
            InputCode::XlsxInvalid,
            "an old .xls or password-protected workbook; save it as an unprotected .xlsx",
        ));
    }
    zip_uncompressed_size(bytes, lim.max_decompressed_bytes)?;
    let mut wb: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| not_zip(&e.to_string()))?;
    let name = sheet_name(&wb, sheet)?;
    check_grid_size(&mut wb, &name, lim)?;
    let range = wb
        .worksheet_range(&name)
        .map_err(|e| not_zip(&e.to_string()))?;
    let formulas = wb
        .worksheet_formula(&name)
        .map_err(|e| not_zip(&e.to_string()))?;
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let height = u64::try_from(range.height()).unwrap_or(u64::MAX);
    limits::check_rows(height.saturating_sub(1), lim.max_rows)?;
    for (i, cells) in range.rows().enumerate() {
        let abs_row = row0.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
        let cells: Vec<Cell> = cells.iter().map(convert).collect();
        let formulas_row = (0..cells.len())
            .map(|j| {
                let abs_col = col0.saturating_add(u32::try_from(j).unwrap_or(u32::MAX));
                formulas
                    .get_value((abs_row, abs_col))
                    .filter(|f| !f.is_empty())
                    .cloned()
            })
            .collect();
        let row = Row {
            number: u64::from(abs_row) + 1,
            cells,
            formulas: formulas_row,
        };
        if !push(&row) {
            break;
        }
    }
    Ok(())
}

/// The sheet to read: the one named, or the first.
#[cfg(feature = "xlsx")]
fn sheet_name<R: std::io::Read + std::io::Seek>(
    wb: &calamine::Xlsx<R>,
    sheet: Option<&str>,
) -> Result<String> {
    use calamine::Reader;

    let names = wb.sheet_names();
    match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s)
            .cloned()
            .ok_or_else(|| {
                Error::new(
                    InputCode::XlsxSheetMissing,
                    format!(
                        "the workbook has no sheet {s:?}; it has {}",
                        names.join(", ")
                    ),
                )
                .with_value(s)
                .with_detail("sheets", names.join(", "))
            }),
        None => names
            .first()
            .cloned()
            .ok_or_else(|| Error::new(InputCode::XlsxSheetMissing, "the workbook has no sheets")),
    }
}

/// calamine builds a dense grid from the first to the last cell: a 2 KB sheet with
/// cells A1 and XFD1048576 would need 17 G cells (an abort on allocation). A
/// streaming pass over the cells bounds the grid against the decompression limit
/// before the grid is built.
#[cfg(feature = "xlsx")]
fn check_grid_size<R: std::io::Read + std::io::Seek>(
    wb: &mut calamine::Xlsx<R>,
    name: &str,
    lim: &Limits,
) -> Result<()> {
    use calamine::Data;

    let mut reader = wb
        .worksheet_cells_reader(name)
        .map_err(|e| not_zip(&e.to_string()))?;
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
    while let Some(cell) = reader.next_cell().map_err(|e| not_zip(&e.to_string()))? {
        let (r, c) = cell.get_position();
        (r0, r1, c0, c1) = (r0.min(r), r1.max(r), c0.min(c), c1.max(c));
        // Refuse as soon as a limit is crossed, not after streaming the whole sheet
        // (a 1.1 M-row sheet took 16–32 s before `too_many_rows`).
        limits::check_columns(u64::from(c1 - c0) + 1)?;
        limits::check_rows(u64::from(r1 - r0), lim.max_rows)
            .map_err(|e| e.with_row(u64::from(r) + 1))?;
    }
    if r0 <= r1 && c0 <= c1 {
        let cells = (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1);
        let cell_size = u64::try_from(std::mem::size_of::<Data>()).unwrap_or(u64::MAX);
        let max = lim.max_decompressed_bytes;
        if cells.saturating_mul(cell_size) > max {
            return Err(Error::new(
                LimitCode::DecompressedTooLarge,
                format!(
                    "the sheet spans {cells} cells from its first to its last; \
                     held as a grid that is more than {max} bytes"
                ),
            )
            .with_detail("limit", max.to_string())
            .with_detail("cells", cells.to_string()));
        }
    }
    Ok(())
}

/// A calamine cell as an intake cell.
#[cfg(feature = "xlsx")]
fn convert(d: &calamine::Data) -> super::table::Cell<'static> {
    use calamine::Data;

    use super::table::Cell;

    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::from_text(s.clone()),
        Data::Int(n) => Cell::Text(n.to_string().into()),
        Data::Float(f) => {
            // Exact integers below 2^53 print exactly; anything else is refused
            // rather than silently rounded.
            let text = f.to_string();
            if f.is_finite() && f.abs() < 9_007_199_254_740_992.0 && !text.contains(['.', 'e', 'E'])
            {
                Cell::Text(text.into())
            } else {
                Cell::Invalid(
                    text,
                    "a number that is not an exact whole number; format the column as text".into(),
                )
            }
        }
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            match chrono::NaiveDate::from_ymd_opt(i32::from(y), u32::from(m), u32::from(d)) {
                Some(date) if dt.is_datetime() => Cell::Date(date),
                _ => Cell::Invalid(dt.to_string(), "a duration or invalid date cell".into()),
            }
        }
        Data::DateTimeIso(s) => match super::table::parse_date(s) {
            Ok(date) => Cell::Date(date),
            Err(_) => Cell::Invalid(s.clone(), "an unreadable date cell".into()),
        },
        Data::DurationIso(s) => Cell::Invalid(s.clone(), "a duration cell".into()),
        Data::Error(e) => Cell::Invalid(format!("{e}"), "an error value in the cell".into()),
    }
}

/// Without the `xlsx` feature every workbook is refused.
#[cfg(not(feature = "xlsx"))]
pub(crate) fn rows(
    _bytes: &[u8],
    _sheet: Option<&str>,
    _lim: &Limits,
    _push: &mut dyn FnMut(&Row<'_>) -> bool,
) -> Result<()> {
    Err(Error::new(
        InputCode::XlsxUnsupported,
        "xlsx support is not compiled in (cargo feature `xlsx`); export the sheet as CSV",
    ))
}
