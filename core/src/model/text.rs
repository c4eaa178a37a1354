//! Text normalisation shared by every identifier: trimming and full-width → half-width.

use std::borrow::Cow;

/// `s.trim()`, returned at once when neither end can be white space: the first byte
/// starts no white-space character and the last character is none. Every cell of a
/// roster is trimmed (issue #25), nearly always with nothing to trim.
///
/// White space (`char::is_whitespace`) is ASCII 09–0D and 20, or starts with the byte
/// C2 (U+0085, U+00A0: two bytes), E1, E2 or E3 (U+1680, U+2000–U+205F, U+3000: three
/// bytes); so an end is looked at closely only when one of these bytes is where such a
/// character would begin.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return s;
    };
    let ascii_space = |c: u8| matches!(c, 0x09..=0x0D | 0x20);
    let starts_space = |c: u8| ascii_space(c) || matches!(c, 0xC2 | 0xE1..=0xE3);
    let n = b.len();
    let may_end_in_space = if last < 0x80 {
        ascii_space(last)
    } else {
        (n >= 2 && b[n - 2] == 0xC2) || (n >= 3 && matches!(b[n - 3], 0xE1..=0xE3))
    };
    if starts_space(first) || may_end_in_space {
        s.trim()
    } else {
        s
    }
}

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
        return Cow::Borrowed(trim(s));
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
    let t = trim(value);
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// Every white-space character, and characters that share their first bytes.
    const EDGES: &[char] = &[
        '\t',
        '\n',
        '\u{b}',
        '\u{c}',
        '\r',
        ' ',
        '\u{85}',
        '\u{a0}',
        '\u{a1}',
        '\u{c0}',
        '\u{1680}',
        '\u{1681}',
        '\u{2000}',
        '\u{200a}',
        '\u{200b}',
        '\u{2028}',
        '\u{2029}',
        '\u{202f}',
        '\u{205f}',
        '\u{2060}',
        '\u{3000}',
        '\u{3001}',
        '\u{4e00}',
        '类',
        'A',
        '\u{1F600}',
        '\u{FF21}',
    ];

    proptest! {
        /// The fast trim is `str::trim` on any text, white space of every kind at
        /// either end included.
        #[test]
        fn trim_is_str_trim(picks in proptest::collection::vec(0..EDGES.len(), 0..6), any in ".{0,4}") {
            let mut s: String = picks.iter().map(|&i| EDGES[i]).collect();
            for text in [s.clone(), format!("{any}{s}"), format!("{s}{any}"), {
                s.push_str(&any);
                s.clone()
            }] {
                prop_assert_eq!(super::trim(&text), text.trim());
            }
        }
    }

    /// Every white-space character below U+10000 is trimmed at either end.
    #[test]
    fn trims_every_white_space() {
        for c in (0..0x1_0000u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
        {
            for text in [
                format!("{c}x"),
                format!("x{c}"),
                format!("甲{c}"),
                c.to_string(),
            ] {
                assert_eq!(super::trim(&text), text.trim(), "U+{:04X}", u32::from(c));
            }
        }
    }
}
