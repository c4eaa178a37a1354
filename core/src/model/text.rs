//! Text normalisation shared by every identifier: trimming and full-width → half-width.

use std::borrow::Cow;

/// Normalises an identifier-like text: full-width ASCII forms (U+FF01–U+FF5E) become
/// their ASCII counterparts, the ideographic space U+3000 becomes a space, and leading
/// and trailing white space is removed. Letters are *not* case-folded here.
///
/// ```
/// use shuangsuiji::model::normalize_width;
/// assert_eq!(normalize_width("  ９１３５０１００Ｍ "), "91350100M");
/// ```
#[must_use]
pub fn normalize_width(s: &str) -> String {
    normalized_width(s).into_owned()
}

/// [`normalize_width`] without a copy when nothing is full width: the trimmed input
/// itself (the readers call it for every code and label cell of a roster).
pub(crate) fn normalized_width(s: &str) -> Cow<'_, str> {
    // Full-width forms are U+FF01–U+FF5E (UTF-8 `EF BC 81`–`EF BD 9E`) and U+3000
    // (`E3 80 80`): text without the bytes EF and E3 has none.
    let full_width = |c: char| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}');
    if !s.bytes().any(|b| b == 0xEF || b == 0xE3) || !s.chars().any(full_width) {
        return Cow::Borrowed(s.trim());
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                other => other,
            })
            .collect::<String>()
            .trim()
            .to_owned(),
    )
}

/// Checks that a required text is not empty after trimming, and holds no control
/// character other than a line break or tab, and no bidirectional override or isolate;
/// returns it trimmed.
pub(crate) fn required_text<'v>(value: &'v str, field: &str) -> crate::Result<&'v str> {
    let t = value.trim();
    if t.is_empty() {
        return Err(crate::Error::new(
            crate::ModelCode::TextEmpty,
            format!("{field} must not be empty"),
        )
        .with_field(field));
    }
    // Control characters are C0, DEL and C1 (UTF-8 `C2 80`–`C2 9F`); the overrides and
    // isolates start with the byte E2: text without these bytes has none of them.
    let suspect = |b: u8| b < 0x20 || matches!(b, 0x7F | 0xC2 | 0xE2);
    if !t.bytes().any(suspect) {
        return Ok(t);
    }
    if let Some(c) = t
        .chars()
        // Line breaks and tabs stay allowed (a quoted CSV cell may hold them).
        .find(|&c| {
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
    {
        return Err(crate::Error::new(
            crate::ModelCode::TextInvalid,
            format!(
                "{field} holds the character U+{:04X} (a control character or a bidirectional override)",
                u32::from(c)
            ),
        )
        .with_field(field)
        .with_value(t)
        .with_detail("character", format!("U+{:04X}", u32::from(c))));
    }
    Ok(t)
}
