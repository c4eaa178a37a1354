//! Decoding CSV bytes: UTF-8 (with or without BOM), GBK and GB18030.
//!
//! Decoding never replaces a bad byte: a byte sequence that is not valid in the
//! declared (or detected) encoding is an error that names the line (1-based) where
//! it occurs. In GBK and GB18030 the byte `\n` (0x0A) is never part of a multi-byte
//! character, so splitting at it before decoding is exact.

use std::borrow::Cow;

use super::options::Encoding;
use crate::{Error, InputCode, Result};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes `bytes` to text according to `encoding`.
///
/// * `Utf8`: an optional BOM is removed; any invalid sequence → `encoding_invalid`.
/// * `Gbk` / `Gb18030`: decoded with the GB18030 decoder; a UTF-8 BOM or an invalid
///   sequence → `encoding_invalid`.
/// * `Auto`: a BOM or valid UTF-8 means UTF-8. Otherwise, if some lines are valid
///   UTF-8 with multi-byte characters while others are not UTF-8 at all, the file is
///   `encoding_mixed` (row = first line that is not UTF-8, detail `utf8_row` = a line
///   that is); else it is decoded as GB18030. A UTF-16 BOM is refused with
///   `encoding_unknown`.
///
/// # Errors
/// `encoding_invalid`, `encoding_mixed`, `encoding_unknown`, all with `row`.
///
/// ```
/// use shuangsuiji::intake::{decode, Encoding};
/// let (gbk, _, _) = encoding_rs::GBK.encode("企业名称\n");
/// assert_eq!(decode(&gbk, Encoding::Auto).unwrap(), "企业名称\n");
/// assert_eq!(decode(&gbk, Encoding::Utf8).unwrap_err().code().as_str(), "encoding_invalid");
/// ```
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<String> {
    decode_borrowed(bytes, encoding).map(Cow::into_owned)
}

/// [`decode`] without copying text that is already UTF-8: the readers keep one copy of
/// a large file, not two.
pub(crate) fn decode_borrowed(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>> {
    if looks_like_utf16(bytes) {
        return Err(Error::new(
            InputCode::EncodingUnknown,
            "the file looks like UTF-16 without a byte order mark (every other byte is 0); \
             save it as UTF-8 or GBK",
        )
        .with_row(1)
        .with_detail("encoding", "utf-16"));
    }
    match encoding {
        Encoding::Utf8 => match bytes.strip_prefix(BOM) {
            Some(rest) => decode_utf8_after_bom(rest),
            None => decode_utf8(bytes),
        },
        Encoding::Gbk | Encoding::Gb18030 => {
            if bytes.starts_with(BOM) {
                return Err(Error::new(
                    InputCode::EncodingInvalid,
                    format!(
                        "the file starts with a UTF-8 byte order mark but {} was declared",
                        encoding.as_str()
                    ),
                )
                .with_row(1)
                .with_detail("encoding", encoding.as_str()));
            }
            decode_gb(bytes, encoding)
        }
        Encoding::Auto => {
            if let Some(rest) = bytes.strip_prefix(BOM) {
                return decode_utf8_after_bom(rest);
            }
            if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
                return Err(Error::new(
                    InputCode::EncodingUnknown,
                    "UTF-16 text is not supported; save the file as UTF-8 or GBK",
                )
                .with_row(1));
            }
            if let Ok(s) = std::str::from_utf8(bytes) {
                return Ok(Cow::Borrowed(s));
            }
            check_not_mixed(bytes)?;
            decode_gb(bytes, Encoding::Gb18030)
        }
    }
}

/// The bytes [`decode_borrowed`] decodes: those after a UTF-8 byte order mark if it
/// removes one. `None` where it would refuse the file before decoding (UTF-16, a BOM
/// with a GB encoding declared) or would decode a part of it only: read serially.
pub(crate) fn body(bytes: &[u8], encoding: Encoding) -> Option<&[u8]> {
    if looks_like_utf16(bytes) {
        return None;
    }
    match encoding {
        Encoding::Utf8 => Some(bytes.strip_prefix(BOM).unwrap_or(bytes)),
        Encoding::Gbk | Encoding::Gb18030 => (!bytes.starts_with(BOM)).then_some(bytes),
        Encoding::Auto => {
            if let Some(rest) = bytes.strip_prefix(BOM) {
                return Some(rest);
            }
            let utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
            (!utf16).then_some(bytes)
        }
    }
}

/// [`decode_borrowed`] of `bytes` in pieces, decoded on threads where the `parallel`
/// feature allows: `ranges` cut [`body`]`(bytes, encoding)` in order, each piece
/// starting at the body's start or just after a `\n` byte. The pieces, joined, are
/// the text [`decode_borrowed`] gives. `None` where the file should be decoded
/// serially: wherever [`body`] says so, and when any piece fails to decode (the serial
/// decoder then names the problem and its line).
///
/// Cutting is exact. A `\n` byte (0x0A) is never part of a multi-byte character: in
/// UTF-8 continuation bytes are 0x80–0xBF and lead bytes 0xC2–0xF4; in GBK and GB18030
/// a two-byte character is a lead byte 0x81–0xFE and a trail byte 0x40–0x7E or
/// 0x80–0xFE, a four-byte character is 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39 —
/// the lowest byte a character of more than one byte holds is 0x30. So in bytes that
/// decode, every `\n` is a whole character, the decoder is in its initial state after
/// it, and decoding the pieces and joining them is decoding the whole; and bytes that do
/// not decode whole have a piece that does not decode (the bad sequence, or a sequence
/// cut off by the `\n` that ends its piece, is inside one piece).
///
/// With [`Encoding::Auto`], the pieces are decoded as UTF-8 if they all are, else (after
/// the same mixed-encodings check as [`decode_borrowed`], on the whole file) as GB18030.
pub(crate) fn decode_pieces<'b>(
    bytes: &'b [u8],
    encoding: Encoding,
    ranges: &[std::ops::Range<usize>],
) -> Option<Vec<Cow<'b, str>>> {
    let body = body(bytes, encoding)?;
    let pieces = |utf8: bool| {
        crate::parallel::map_each(ranges, |r| {
            let piece = body.get(r.clone())?;
            if utf8 {
                std::str::from_utf8(piece).ok().map(Cow::Borrowed)
            } else {
                encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(piece)
            }
        })
        .into_iter()
        .collect::<Option<Vec<_>>>()
    };
    match encoding {
        Encoding::Utf8 => pieces(true),
        Encoding::Gbk | Encoding::Gb18030 => pieces(false),
        Encoding::Auto => {
            if body.len() < bytes.len() {
                // After a UTF-8 byte order mark: UTF-8 or an error.
                return pieces(true);
            }
            pieces(true).or_else(|| {
                check_not_mixed(bytes).ok()?;
                pieces(false)
            })
        }
    }
}

/// UTF-16 saved without a byte order mark: in its first bytes (ASCII headers such as
/// `uscc`), every other byte is 0 and the others are not. UTF-8 and GBK text never has
/// a 0 byte there.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return false; // with a BOM: refused below, saying so
    }
    let head = &bytes[..bytes.len().min(256) & !1];
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Allow a few non-ASCII (CJK) code units, whose both bytes are non-zero.
    (odd * 10 >= pairs * 7 && even == 0) || (even * 10 >= pairs * 7 && odd == 0)
}

/// UTF-8 after a UTF-8 byte order mark: bytes that are not UTF-8 there mean the BOM is
/// wrong (a GBK file with a BOM added), not that another encoding should be declared.
fn decode_utf8_after_bom(bytes: &[u8]) -> Result<Cow<'_, str>> {
    decode_utf8(bytes).map_err(|e| {
        let mut e2 = Error::new(
            InputCode::EncodingInvalid,
            "the file starts with a UTF-8 byte order mark (BOM) but the bytes after it are not \
             UTF-8 (a GBK file with a BOM added?): re-save the file as UTF-8, or as GBK without \
             a BOM",
        )
        .with_detail("encoding", "utf-8")
        .with_detail("bom", "utf-8");
        let d = e.details();
        if let Some(r) = d.row {
            e2 = e2.with_row(r);
        }
        if let Some(v) = &d.value {
            e2 = e2.with_value(v);
        }
        e2
    })
}

fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let newlines = before.iter().filter(|&&b| b == b'\n').count();
    u64::try_from(newlines)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}

fn decode_utf8(bytes: &[u8]) -> Result<Cow<'_, str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let at = e.valid_up_to();
            let bad: Vec<String> = bytes
                .iter()
                .skip(at)
                .take(4)
                .map(|b| format!("{b:02X}"))
                .collect();
            Err(Error::new(
                InputCode::EncodingInvalid,
                "the bytes are not valid UTF-8 (is the file GBK? declare encoding gbk or auto)",
            )
            .with_row(line_of(bytes, at))
            .with_value(bad.join(" "))
            .with_detail("encoding", "utf-8"))
        }
    }
}

fn decode_gb(bytes: &[u8], encoding: Encoding) -> Result<Cow<'_, str>> {
    if let Some(s) = encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(s);
    }
    // Find the first bad line for the report.
    let mut row = 1u64;
    for line in bytes.split(|&b| b == b'\n') {
        if encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(line)
            .is_none()
        {
            break;
        }
        row = row.saturating_add(1);
    }
    Err(Error::new(
        InputCode::EncodingInvalid,
        format!("the bytes are not valid {}", encoding.as_str()),
    )
    .with_row(row)
    .with_detail("encoding", encoding.as_str()))
}

/// Refuses text where some lines are UTF-8 with multi-byte characters and others are
/// not UTF-8. The first line with non-ASCII bytes sets the expectation; the first
/// line of the other kind is reported (detail `first_row` = the line that set it).
fn check_not_mixed(bytes: &[u8]) -> Result<()> {
    let mut first: Option<(u64, bool)> = None;
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let row = u64::try_from(i).unwrap_or(u64::MAX).saturating_add(1);
        let is_utf8 = match std::str::from_utf8(line) {
            Ok(s) if s.chars().any(|c| c.len_utf8() >= 3) => true,
            Ok(_) => continue,
            Err(_) => false,
        };
        match first {
            None => first = Some((row, is_utf8)),
            Some((first_row, was_utf8)) if was_utf8 != is_utf8 => {
                let (this, that) = if is_utf8 {
                    ("UTF-8", "not UTF-8")
                } else {
                    ("not UTF-8", "UTF-8")
                };
                return Err(Error::new(
                    InputCode::EncodingMixed,
                    format!(
                        "line {row} is {this} while line {first_row} is {that}: the file mixes \
                         encodings; re-save it in one encoding"
                    ),
                )
                .with_row(row)
                .with_detail("first_row", first_row.to_string()));
            }
            Some(_) => {}
        }
    }
    Ok(())
}
