//! Public randomness beacons and their exact canonical text forms.
//!
//! A plan names, before they happen, the public draws whose results feed the seed (the
//! idea of RFC 3797 §2–§4, with a byte-exact encoding instead of "numbers followed by
//! a dot"). Domestic sources come first because foreign services may be unreachable
//! from government networks (research note §A9):
//!
//! | kind | source | canonical value | named draw |
//! |---|---|---|---|
//! | `cwl_ssq` | 中国福利彩票 双色球 | `03.07.11.19.26.31+09`: 6 red of 01–33 ascending, `+`, blue 01–16 | issue `YYYYNNN` |
//! | `csl_dlt` | 中国体育彩票 超级大乐透 | `04.09.18.27.33+02.11`: 5 of 01–35 ascending, `+`, 2 of 01–12 ascending | issue `YYYYNNN` |
//! | `index_close` | an exchange index close (e.g. 上证指数) | `3245.67`: decimal text, exactly 2 decimals, no leading zeros, no sign | date `YYYY-MM-DD` |
//! | `hex` | opaque bytes (drand randomness, NIST pulse …) | lowercase hex, 1–512 bytes | round id |
//! | `text` | opaque text | 1–1024 printable ASCII characters, no leading/trailing space | round id |
//!
//! Verification accepts only the canonical text. Forms people type ("3,7,11,19,26,31
//! 蓝9", "3245.6") go through [`canonicalize`] explicitly, so the record shows which
//! text was hashed. A value is never a float: an index close is a decimal *text*.
//!
//! ```
//! use shuangsuiji::proof::{BeaconKind, canonicalize, validate_value};
//! assert_eq!(canonicalize(BeaconKind::CwlSsq, "26 3 7 11 19 31 + 9")?, "03.07.11.19.26.31+09");
//! assert_eq!(canonicalize(BeaconKind::IndexClose, "3,245.6")?, "3245.60");
//! let err = validate_value(BeaconKind::CwlSsq, "03.07.11.19.26.34+09").unwrap_err();
//! assert_eq!(err.code().as_str(), "beacon_invalid");
//! assert_eq!(err.details().field.as_deref(), Some("red"));
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use serde::{Deserialize, Serialize};

use super::check_id;
use crate::{Error, Result, VerifyCode};

/// The kind of a public randomness source; fixes the canonical value text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BeaconKind {
    /// 中国福利彩票 双色球: 6 red balls of 1–33 and 1 blue of 1–16.
    CwlSsq,
    /// 中国体育彩票 超级大乐透: 5 front balls of 1–35 and 2 back of 1–12.
    CslDlt,
    /// The close of an exchange index, as decimal text with two decimals.
    IndexClose,
    /// Opaque bytes as lowercase hex (drand randomness, NIST beacon output …).
    Hex,
    /// Opaque printable ASCII text.
    Text,
}

/// A beacon named in advance: which source, which future draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeaconSpec {
    /// The id this source has in the plan and the log (`[A-Za-z0-9._:-]{1,64}`).
    pub source_id: String,
    /// The kind, which fixes the value format.
    pub kind: BeaconKind,
    /// The public series (`cwl.ssq`, `sse.000001`, `drand.quicknet` …), an id.
    /// `(series, draw)` identifies one beacon *instance*: a re-draw must not reuse one.
    pub series: String,
    /// The named future draw: an issue `YYYYNNN` (lotteries), a date `YYYY-MM-DD`
    /// (index close) or a round id (hex, text).
    pub draw: String,
}

/// A published beacon value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BeaconValue {
    /// The source id of the [`BeaconSpec`].
    pub source: String,
    /// The canonical value text.
    pub value: String,
}

fn invalid(field: &str, reason: &str, msg: impl Into<String>, value: &str) -> Error {
    Error::new(VerifyCode::BeaconInvalid, msg)
        .with_field(field)
        .with_value(value)
        .with_detail("reason", reason)
}

struct Lottery {
    main: (&'static str, usize, u32),
    extra: (&'static str, usize, u32),
}

const SSQ: Lottery = Lottery {
    main: ("red", 6, 33),
    extra: ("blue", 1, 16),
};
const DLT: Lottery = Lottery {
    main: ("front", 5, 35),
    extra: ("back", 2, 12),
};

fn check_balls(part: &str, (name, count, max): (&str, usize, u32), whole: &str) -> Result<()> {
    let balls: Vec<&str> = part.split('.').collect();
    if balls.len() != count {
        return Err(invalid(
            name,
            "count",
            format!("expected {count} {name} numbers separated by '.'"),
            whole,
        ));
    }
    let mut prev = 0u32;
    for b in balls {
        if b.len() != 2 || !b.bytes().all(|c| c.is_ascii_digit()) {
            return Err(invalid(
                name,
                "padding",
                format!("each {name} number is exactly two digits"),
                whole,
            ));
        }
        let n: u32 = b
            .parse()
            .map_err(|_| invalid(name, "padding", "not a number", whole))?;
        if n == 0 || n > max {
            return Err(invalid(
                name,
                "out_of_range",
                format!("{name} numbers are 01-{max:02}"),
                whole,
            ));
        }
        if n == prev {
            return Err(invalid(
                name,
                "duplicate",
                format!("{name} number {n:02} repeats"),
                whole,
            ));
        }
        if n < prev {
            return Err(invalid(
                name,
                "unsorted",
                format!("{name} numbers must be ascending"),
                whole,
            ));
        }
        prev = n;
    }
    Ok(())
}

fn check_lottery(l: &Lottery, text: &str) -> Result<()> {
    let Some((main, extra)) = text.split_once('+') else {
        return Err(invalid(
            "value",
            "separator",
            "expected main numbers, '+', extra numbers",
            text,
        ));
    };
    check_balls(main, l.main, text)?;
    check_balls(extra, l.extra, text)
}

fn check_index_close(text: &str) -> Result<()> {
    let Some((int, frac)) = text.split_once('.') else {
        return Err(invalid(
            "fraction",
            "padding",
            "an index close has exactly two decimals",
            text,
        ));
    };
    let int_ok = !int.is_empty()
        && int.len() <= 12
        && int.bytes().all(|c| c.is_ascii_digit())
        && (int == "0" || !int.starts_with('0'));
    if !int_ok {
        return Err(invalid(
            "integer",
            "padding",
            "integer part: 1-12 digits, no sign, no leading zero",
            text,
        ));
    }
    if frac.len() != 2 || !frac.bytes().all(|c| c.is_ascii_digit()) {
        return Err(invalid(
            "fraction",
            "padding",
            "an index close has exactly two decimals",
            text,
        ));
    }
    Ok(())
}

/// Longest opaque hex value, in hex characters (512 bytes).
pub const MAX_HEX_CHARS: usize = 1024;
/// Longest opaque text value, in bytes.
pub const MAX_TEXT_BYTES: usize = 1024;

fn check_hex(text: &str) -> Result<()> {
    let ok = !text.is_empty()
        && text.len() <= MAX_HEX_CHARS
        && text.len() % 2 == 0
        && text
            .bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c));
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "hex",
            "format",
            "lowercase hex, an even number of 2-1024 characters",
            text,
        ))
    }
}

fn check_text(text: &str) -> Result<()> {
    let ok = !text.is_empty()
        && text.len() <= MAX_TEXT_BYTES
        && text.bytes().all(|c| (0x20..=0x7e).contains(&c))
        && !text.starts_with(' ')
        && !text.ends_with(' ');
    if ok {
        Ok(())
    } else {
        Err(invalid(
            "text",
            "format",
            "1-1024 printable ASCII characters without leading or trailing space",
            text,
        ))
    }
}

/// Checks that `text` is the canonical value text of a beacon of this kind.
///
/// # Errors
/// `beacon_invalid`, with `field` the offending part (`red`, `blue`, `front`, `back`,
/// `value`, `integer`, `fraction`, `hex`, `text`) and detail `reason` (`count`,
/// `padding`, `out_of_range`, `duplicate`, `unsorted`, `separator`, `format`).
pub fn validate_value(kind: BeaconKind, text: &str) -> Result<()> {
    match kind {
        BeaconKind::CwlSsq => check_lottery(&SSQ, text),
        BeaconKind::CslDlt => check_lottery(&DLT, text),
        BeaconKind::IndexClose => check_index_close(text),
        BeaconKind::Hex => check_hex(text),
        BeaconKind::Text => check_text(text),
    }
}

fn canonical_lottery(l: &Lottery, input: &str) -> Result<String> {
    let mut numbers: Vec<Vec<u32>> = vec![Vec::new()];
    let mut current = String::new();
    let flush = |current: &mut String, numbers: &mut Vec<Vec<u32>>| -> Result<()> {
        if !current.is_empty() {
            let n: u32 = if current.len() <= 2 {
                current
                    .parse()
                    .map_err(|_| invalid("value", "format", "not a number", input))?
            } else {
                return Err(invalid("value", "format", "a ball has 1-2 digits", input));
            };
            if let Some(last) = numbers.last_mut() {
                last.push(n);
            }
            current.clear();
        }
        Ok(())
    };
    for c in input.chars() {
        if c.is_ascii_digit() {
            current.push(c);
        } else {
            flush(&mut current, &mut numbers)?;
            if matches!(c, '+' | '|' | '蓝' | '后') {
                numbers.push(Vec::new());
            } else if !(c.is_whitespace() || matches!(c, '.' | ',' | '，' | '、' | '-' | '/')) {
                return Err(invalid(
                    "value",
                    "separator",
                    format!("unexpected character {c:?}"),
                    input,
                ));
            }
        }
    }
    flush(&mut current, &mut numbers)?;
    let groups: Vec<Vec<u32>> = numbers.into_iter().filter(|g| !g.is_empty()).collect();
    let (mut main, mut extra) = match groups.as_slice() {
        [all] if all.len() == l.main.1 + l.extra.1 => {
            let (m, e) = all.split_at(l.main.1);
            (m.to_vec(), e.to_vec())
        }
        [m, e] => (m.clone(), e.clone()),
        _ => {
            return Err(invalid(
                "value",
                "count",
                format!(
                    "expected {} {} and {} {} numbers",
                    l.main.1, l.main.0, l.extra.1, l.extra.0
                ),
                input,
            ));
        }
    };
    main.sort_unstable();
    extra.sort_unstable();
    let fmt = |v: &[u32]| {
        v.iter()
            .map(|n| format!("{n:02}"))
            .collect::<Vec<_>>()
            .join(".")
    };
    let text = format!("{}+{}", fmt(&main), fmt(&extra));
    check_lottery(l, &text)?;
    Ok(text)
}

fn canonical_index_close(input: &str) -> Result<String> {
    let cleaned: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | '_'))
        .collect();
    let (int, frac) = cleaned.split_once('.').unwrap_or((cleaned.as_str(), ""));
    if frac.len() > 2 {
        return Err(invalid(
            "fraction",
            "precision",
            "more than two decimals: rounding is a decision, publish the exchange's 2-decimal close",
            input,
        ));
    }
    let int = int.trim_start_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let text = format!("{int}.{frac:0<2}");
    check_index_close(&text)?;
    Ok(text)
}

/// Turns a typed or copied value into the canonical text (only through this explicit
/// step; verification never canonicalises). Lotteries: numbers separated by spaces,
/// commas, dots, `、`, `-` or `/`, the extra group after `+`, `|`, `蓝` or `后` (or, with no
/// group mark, the last numbers); each group is sorted. Index close: thousands
/// separators removed, decimals padded to two (more than two is an error). Hex:
/// trimmed, `0x` removed, lowercased. Text: trimmed.
///
/// # Errors
/// `beacon_invalid` if the input cannot be read or its canonical form is not valid
/// (out-of-range or repeated ball, wrong count, too many decimals …).
pub fn canonicalize(kind: BeaconKind, input: &str) -> Result<String> {
    match kind {
        BeaconKind::CwlSsq => canonical_lottery(&SSQ, input),
        BeaconKind::CslDlt => canonical_lottery(&DLT, input),
        BeaconKind::IndexClose => canonical_index_close(input),
        BeaconKind::Hex => {
            let t = input.trim();
            let t = t
                .strip_prefix("0x")
                .or_else(|| t.strip_prefix("0X"))
                .unwrap_or(t);
            let t = t.to_ascii_lowercase();
            check_hex(&t)?;
            Ok(t)
        }
        BeaconKind::Text => {
            let t = input.trim_matches(|c: char| c.is_ascii_whitespace());
            check_text(t)?;
            Ok(t.to_owned())
        }
    }
}

fn check_draw(kind: BeaconKind, draw: &str) -> Result<()> {
    let bad = |msg: &str| {
        Error::new(VerifyCode::BeaconInvalid, msg.to_owned())
            .with_field("draw")
            .with_value(draw)
    };
    match kind {
        BeaconKind::CwlSsq | BeaconKind::CslDlt => {
            let ok = draw.len() == 7
                && draw.bytes().all(|c| c.is_ascii_digit())
                && draw.get(4..) != Some("000");
            if ok {
                Ok(())
            } else {
                Err(bad("a lottery issue is YYYYNNN, e.g. 2025123"))
            }
        }
        BeaconKind::IndexClose => {
            let parsed = chrono::NaiveDate::parse_from_str(draw, "%Y-%m-%d").ok();
            match parsed {
                Some(d) if d.format("%Y-%m-%d").to_string() == draw => Ok(()),
                _ => Err(bad("an index close is named by its date YYYY-MM-DD")),
            }
        }
        BeaconKind::Hex | BeaconKind::Text => check_id(draw, "draw")
            .map_err(|_| bad("a round is named by an id of [A-Za-z0-9._:-]{1,64}")),
    }
}

impl BeaconSpec {
    /// Checks the ids and the draw name's format for the kind.
    ///
    /// # Errors
    /// `id_invalid` (field `source_id` or `series`); `beacon_invalid` (field `draw`).
    ///
    /// ```
    /// use shuangsuiji::proof::{BeaconKind, BeaconSpec};
    /// let spec = BeaconSpec { source_id: "ssq".into(), kind: BeaconKind::CwlSsq,
    ///     series: "cwl.ssq".into(), draw: "2026031".into() };
    /// spec.validate()?;
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn validate(&self) -> Result<()> {
        check_id(&self.source_id, "source_id")?;
        check_id(&self.series, "series")?;
        check_draw(self.kind, &self.draw).map_err(|e| e.with_detail("source", &self.source_id))
    }

    /// The instance key `(series, draw)`: two specs with the same key name the same
    /// public randomness.
    #[must_use]
    pub fn instance(&self) -> (&str, &str) {
        (&self.series, &self.draw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(kind: BeaconKind, text: &str) -> (String, String) {
        let e = validate_value(kind, text).unwrap_err();
        assert_eq!(e.code().as_str(), "beacon_invalid");
        (
            e.details().field.clone().unwrap(),
            e.details().extra["reason"].clone(),
        )
    }

    #[test]
    fn ssq_rules() {
        validate_value(BeaconKind::CwlSsq, "03.07.11.19.26.31+09").unwrap();
        assert_eq!(
            reason(BeaconKind::CwlSsq, "3.07.11.19.26.31+09").1,
            "padding"
        );
        assert_eq!(
            reason(BeaconKind::CwlSsq, "03.07.11.19.26.34+09").1,
            "out_of_range"
        );
        assert_eq!(
            reason(BeaconKind::CwlSsq, "03.07.11.19.26.31+17"),
            ("blue".into(), "out_of_range".into())
        );
        assert_eq!(
            reason(BeaconKind::CwlSsq, "03.07.07.19.26.31+09").1,
            "duplicate"
        );
        assert_eq!(
            reason(BeaconKind::CwlSsq, "07.03.11.19.26.31+09").1,
            "unsorted"
        );
        assert_eq!(reason(BeaconKind::CwlSsq, "03.07.11.19.26+09").1, "count");
        assert_eq!(
            reason(BeaconKind::CwlSsq, "03.07.11.19.26.31.09").1,
            "separator"
        );
    }

    #[test]
    fn dlt_and_index() {
        validate_value(BeaconKind::CslDlt, "04.09.18.27.33+02.11").unwrap();
        assert_eq!(
            reason(BeaconKind::CslDlt, "04.09.18.27.33+11.02"),
            ("back".into(), "unsorted".into())
        );
        assert_eq!(
            canonicalize(BeaconKind::CslDlt, "33 4 9 18 27 | 11 2").unwrap(),
            "04.09.18.27.33+02.11"
        );
        validate_value(BeaconKind::IndexClose, "3245.67").unwrap();
        validate_value(BeaconKind::IndexClose, "0.50").unwrap();
        for bad in [
            "3245.6", "03245.67", "3245", "-1.00", "3,245.67", "3245.678",
        ] {
            assert!(
                validate_value(BeaconKind::IndexClose, bad).is_err(),
                "{bad}"
            );
        }
        assert_eq!(
            canonicalize(BeaconKind::IndexClose, " 003245 ").unwrap(),
            "3245.00"
        );
        assert!(canonicalize(BeaconKind::IndexClose, "3245.675").is_err());
    }

    #[test]
    fn opaque() {
        assert_eq!(canonicalize(BeaconKind::Hex, " 0xABcd ").unwrap(), "abcd");
        assert!(validate_value(BeaconKind::Hex, "ABCD").is_err());
        assert!(validate_value(BeaconKind::Hex, "abc").is_err());
        assert!(validate_value(BeaconKind::Text, " x").is_err());
        assert!(validate_value(BeaconKind::Text, "雨").is_err());
    }
}
