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

/// Checks that a required text is not empty after trimming, and holds no control
/// character other than a line break or tab, and no bidirectional override or isolate;
/// returns it trimmed.
pub(crate) fn required_text(value: &str, field: &str) -> crate::Result<String> {
    let t = value.trim();
    if t.is_empty() {
        return Err(crate::Error::new(
            crate::ModelCode::TextEmpty,
            format!("{field} must not be empty"),
        )
        .with_field(field));
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
    Ok(t.to_owned())
}
