//! Text normalisation shared by every identifier: trimming and full-width → half-width.

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
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            other => other,
        })
        .collect::<String>()
        .trim()
        .to_owned()
}

/// Checks that a required text is not empty after trimming and returns it trimmed.
pub(crate) fn required_text(value: &str, field: &str) -> crate::Result<String> {
    let t = value.trim();
    if t.is_empty() {
        return Err(crate::Error::new(
            crate::ModelCode::TextEmpty,
            format!("{field} must not be empty"),
        )
        .with_field(field));
    }
    Ok(t.to_owned())
}
