//! 统一社会信用代码 (unified social credit code, USCC) per GB 32100-2015, with the
//! embedded organisation code checked per GB 11714-1997.
//!
//! Layout (18 characters from the 31-character alphabet `0-9 A-H J-N P-R T U W-Y`):
//!
//! | position | meaning |
//! |---|---|
//! | 1 | registration authority code (登记管理部门代码) |
//! | 2 | entity type (机构类别代码) |
//! | 3–8 | administrative division code (GB/T 2260), digits |
//! | 9–17 | organisation code (GB 11714): 8 body characters and its own check character |
//! | 18 | check character over positions 1–17 |
//!
//! GB 32100 check character: with character values 0–30 in alphabet order and weights
//! `W_i = 3^(i-1) mod 31`, `C18 = 31 − (Σ C_i·W_i mod 31)`, where 31 becomes 0.
//!
//! GB 11714 check character: body values `0–9 → 0–9`, `A–Z → 10–35`, weights
//! `3 7 9 10 5 8 4 2`, `C9 = 11 − (Σ mod 11)`, where 10 becomes `X` and 11 becomes `0`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::text::normalize_width;
use crate::{Error, ModelCode, Result};

/// The registration-authority codes of GB 32100-2015 (表1 登记管理部门代码), the only
/// characters allowed first: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游,
/// 7 宗教, 8 工会, 9 市场监管（工商）, A 中央军委改革和编制办公室, N 农业, Y 其他.
///
/// ```
/// use shuangsuiji::model::Uscc;
/// let e = Uscc::parse("000000000000000000").unwrap_err();
/// assert_eq!(e.code().as_str(), "uscc_registration_authority");
/// ```
pub const REGISTRATION_AUTHORITIES: &[u8; 12] = b"123456789ANY";

/// The 31 characters allowed in a USCC, in value order (I, O, S, V and Z are excluded).
pub const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];
const ORG_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A validated, canonical 统一社会信用代码: 18 upper-case ASCII characters.
///
/// The canonical form is trimmed, upper-case, with full-width characters made
/// half-width. It is what every hash and every comparison uses.
///
/// ```
/// use shuangsuiji::model::Uscc;
///
/// let u = Uscc::parse(" 91350100m000100y43 ").unwrap();
/// assert_eq!(u.as_str(), "91350100M000100Y43");
/// assert_eq!(u.division_code(), "350100");
/// assert_eq!(Uscc::parse("91350100M000100Y44").unwrap_err().code().as_str(), "uscc_check_character");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Uscc([u8; 18]);

/// The order of the 18 bytes (as text), compared as two big-endian integers rather
/// than byte by byte: rosters and draws sort millions of codes.
impl Ord for Uscc {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let halves = |u: &Self| {
            let mut head = [0u8; 16];
            head.copy_from_slice(&u.0[..16]);
            (
                u128::from_be_bytes(head),
                u16::from_be_bytes([u.0[16], u.0[17]]),
            )
        };
        halves(self).cmp(&halves(other))
    }
}

impl PartialOrd for Uscc {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The value (0–30) of a USCC character, or `None` if it is outside the alphabet.
#[must_use]
pub fn uscc_char_value(c: u8) -> Option<u32> {
    match CHAR_VALUES[usize::from(c)] {
        NOT_IN_ALPHABET => None,
        v => Some(u32::from(v)),
    }
}

const NOT_IN_ALPHABET: u8 = u8::MAX;

/// Byte → value (0–30) table of the alphabet; everything else is `NOT_IN_ALPHABET`.
const CHAR_VALUES: [u8; 256] = {
    let mut t = [NOT_IN_ALPHABET; 256];
    let mut i: u8 = 0;
    while (i as usize) < USCC_ALPHABET.len() {
        t[USCC_ALPHABET[i as usize] as usize] = i;
        i += 1;
    }
    t
};

/// Computes the GB 32100 check character for the first 17 characters.
///
/// # Errors
/// `uscc_charset` if a character is outside the alphabet.
///
/// ```
/// assert_eq!(shuangsuiji::model::uscc_check_char(b"91350100M000100Y4").unwrap(), b'3');
/// ```
pub fn uscc_check_char(first17: &[u8; 17]) -> Result<u8> {
    let mut sum = 0u32;
    for (i, (&c, w)) in first17.iter().zip(WEIGHTS).enumerate() {
        let v = uscc_char_value(c).ok_or_else(|| charset_error(c, i))?;
        sum += v * w;
    }
    let check = (31 - sum % 31) % 31;
    Ok(USCC_ALPHABET[check as usize])
}

/// Computes the GB 11714 check character of an 8-character organisation-code body.
///
/// # Errors
/// `uscc_charset` if a body character is not `0-9` or `A-Z`.
///
/// ```
/// assert_eq!(shuangsuiji::model::org_code_check_char(b"M000100Y").unwrap(), b'4');
/// ```
pub fn org_code_check_char(body: &[u8; 8]) -> Result<u8> {
    let mut sum = 0u32;
    for (i, (&c, w)) in body.iter().zip(ORG_WEIGHTS).enumerate() {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            b'A'..=b'Z' => u32::from(c - b'A') + 10,
            _ => return Err(charset_error(c, i + 8)),
        };
        sum += v * w;
    }
    Ok(match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        d => b'0' + u8::try_from(d).unwrap_or(0),
    })
}

/// Whether 18 bytes are a valid canonical USCC (alphabet, division digits, both check
/// characters), in one pass without building errors: the fast path of [`Uscc::parse`],
/// which takes the detailed checks (and their error codes) only when this is false.
fn is_valid_canonical(code: &[u8; 18]) -> bool {
    let mut bad = !REGISTRATION_AUTHORITIES.contains(&code[0]);
    let mut sum = 0u32;
    for (&c, w) in code.iter().zip(WEIGHTS) {
        let v = CHAR_VALUES[usize::from(c)];
        bad |= v == NOT_IN_ALPHABET;
        sum += u32::from(v) * w;
    }
    let check = usize::try_from((31 - sum % 31) % 31).unwrap_or(0);
    bad |= USCC_ALPHABET.get(check) != Some(&code[17]);
    bad |= !code[2..8].iter().all(u8::is_ascii_digit);
    let mut org = 0u32;
    for (&c, w) in code[8..16].iter().zip(ORG_WEIGHTS) {
        // Alphabet bytes are digits or capitals (checked above).
        let v = if c.is_ascii_digit() {
            c - b'0'
        } else {
            c.wrapping_sub(b'A').wrapping_add(10)
        };
        org += u32::from(v) * w;
    }
    let org_check = match 11 - org % 11 {
        10 => b'X',
        11 => b'0',
        d => b'0' + u8::try_from(d).unwrap_or(0),
    };
    !bad && org_check == code[16]
}

fn charset_error(c: u8, index: usize) -> Error {
    Error::new(
        ModelCode::UsccCharset,
        format!(
            "统一社会信用代码第{}位字符 {:?} 不在 GB 32100 字符集内",
            index + 1,
            char::from(c)
        ),
    )
    .with_detail("position", (index + 1).to_string())
}

impl Uscc {
    /// Parses and validates a USCC, canonicalising it first (trim, full-width →
    /// half-width, upper-case).
    ///
    /// # Errors
    /// - `uscc_length`: not 18 characters after canonicalisation;
    /// - `uscc_charset`: a character outside the 31-character alphabet;
    /// - `uscc_registration_authority`: the first character is not a registration-
    ///   authority code of GB 32100-2015 (`REGISTRATION_AUTHORITIES`);
    /// - `uscc_division`: characters 3–8 are not digits;
    /// - `uscc_org_code_check`: the GB 11714 check character (position 17) is wrong;
    /// - `uscc_check_character`: the GB 32100 check character (position 18) is wrong.
    ///
    /// ```
    /// use shuangsuiji::model::Uscc;
    /// assert!(Uscc::parse("９１３５０１００Ｍ０００１００Ｙ４３").is_ok());
    /// assert_eq!(Uscc::parse("9135").unwrap_err().code().as_str(), "uscc_length");
    /// ```
    pub fn parse(input: &str) -> Result<Self> {
        // Fast path: input that is already canonical (18 alphabet bytes) needs no
        // normalisation and no allocation; every other input takes the full path.
        if let Ok(code) = <[u8; 18]>::try_from(input.as_bytes()) {
            if is_valid_canonical(&code) {
                return Ok(Self(code));
            }
            if code.iter().all(|&c| uscc_char_value(c).is_some()) {
                return Self::check(code, input);
            }
        }
        let canon = Self::canonicalize(input);
        let err = |e: Error| e.with_value(input);
        let bytes = canon.as_bytes();
        if let Some((i, c)) = canon
            .chars()
            .enumerate()
            .find(|(_, c)| !c.is_ascii())
            .filter(|_| canon.chars().count() == 18)
        {
            // 18 characters, one of them not ASCII (a look-alike: Cyrillic М, ٩, 𝟗 …):
            // name it rather than say "18 characters expected, 18 found".
            return Err(err(Error::new(
                ModelCode::UsccCharset,
                format!(
                    "统一社会信用代码第{}位字符 {c:?}（U+{:04X}）不在 GB 32100 字符集内（形似字符？）",
                    i + 1,
                    u32::from(c)
                ),
            )
            .with_detail("position", (i + 1).to_string())));
        }
        if canon.chars().count() != 18 || bytes.len() != 18 {
            return Err(err(Error::new(
                ModelCode::UsccLength,
                format!(
                    "统一社会信用代码应为18位，实际为{}位",
                    canon.chars().count()
                ),
            )));
        }
        let mut code = [0u8; 18];
        code.copy_from_slice(bytes);
        for (i, &c) in code.iter().enumerate() {
            if uscc_char_value(c).is_none() {
                return Err(err(charset_error(c, i)));
            }
        }
        Self::check(code, input)
    }

    /// Checks 18 alphabet bytes: registration authority, division digits, GB 32100 and
    /// GB 11714 check characters.
    fn check(code: [u8; 18], input: &str) -> Result<Self> {
        let err = |e: Error| e.with_value(input);
        if !REGISTRATION_AUTHORITIES.contains(&code[0]) {
            return Err(err(Error::new(
                ModelCode::UsccRegistrationAuthority,
                format!(
                    "统一社会信用代码第1位应为登记管理部门代码（GB 32100：1–9、A、N、Y），实际为 {}",
                    char::from(code[0])
                ),
            )
            .with_detail("position", "1")));
        }
        if !code[2..8].iter().all(u8::is_ascii_digit) {
            return Err(err(Error::new(
                ModelCode::UsccDivision,
                "统一社会信用代码第3–8位应为6位数字行政区划码",
            )));
        }
        let mut first17 = [0u8; 17];
        first17.copy_from_slice(&code[..17]);
        let expected = uscc_check_char(&first17)?;
        if expected != code[17] {
            return Err(err(Error::new(
                ModelCode::UsccCheckCharacter,
                format!(
                    "统一社会信用代码校验码错误：第18位应为 {}，实际为 {}",
                    char::from(expected),
                    char::from(code[17])
                ),
            )
            .with_detail("expected", char::from(expected).to_string())));
        }
        let mut body = [0u8; 8];
        body.copy_from_slice(&code[8..16]);
        let org_expected = org_code_check_char(&body)?;
        if org_expected != code[16] {
            return Err(err(Error::new(
                ModelCode::UsccOrgCodeCheck,
                format!(
                    "组织机构代码校验码错误（GB 11714）：第17位应为 {}，实际为 {}",
                    char::from(org_expected),
                    char::from(code[16])
                ),
            )
            .with_detail("expected", char::from(org_expected).to_string())));
        }
        Ok(Self(code))
    }

    /// The canonical text form of any input: full-width → half-width, trimmed,
    /// upper-case. Idempotent. Does not validate.
    ///
    /// ```
    /// use shuangsuiji::model::Uscc;
    /// let once = Uscc::canonicalize(" ９１ab ");
    /// assert_eq!(once, "91AB");
    /// assert_eq!(Uscc::canonicalize(&once), once);
    /// ```
    #[must_use]
    pub fn canonicalize(input: &str) -> String {
        normalize_width(input).to_ascii_uppercase()
    }

    /// Builds a valid USCC from a 17-character prefix by appending the GB 32100 check
    /// character. The organisation-code check (position 17) must already be right.
    ///
    /// # Errors
    /// The same codes as [`Uscc::parse`].
    ///
    /// ```
    /// let u = shuangsuiji::model::Uscc::complete("91350100M000100Y4").unwrap();
    /// assert_eq!(u.as_str(), "91350100M000100Y43");
    /// ```
    pub fn complete(first17: &str) -> Result<Self> {
        let canon = Self::canonicalize(first17);
        let bytes: [u8; 17] = canon.as_bytes().try_into().map_err(|_| {
            Error::new(ModelCode::UsccLength, "a USCC prefix has 17 characters").with_value(first17)
        })?;
        let c = uscc_check_char(&bytes)?;
        let mut full = canon;
        full.push(char::from(c));
        Self::parse(&full)
    }

    /// The canonical 18-character text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only alphabet bytes (ASCII) are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The canonical bytes (ASCII), as hashed by the draw.
    #[must_use]
    pub const fn as_bytes(&self) -> &[u8; 18] {
        &self.0
    }

    /// Characters 3–8: the administrative division code of the registering authority.
    #[must_use]
    pub fn division_code(&self) -> &str {
        &self.as_str()[2..8]
    }
}

impl fmt::Display for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Uscc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uscc({})", self.as_str())
    }
}

impl FromStr for Uscc {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

impl Serialize for Uscc {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Uscc {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(Error::into_de)
    }
}

/// Tests only: valid codes (county 150581), ascending in `i`, the organisation code
/// being `i` in eight digits with its check character.
#[cfg(test)]
pub(crate) fn test_code(i: u32) -> Uscc {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().expect("8 digits");
    let org = char::from(org_code_check_char(&b).expect("digits"));
    Uscc::complete(&format!("91150581{body}{org}")).expect("valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn alphabet_char() -> impl Strategy<Value = u8> {
        (0usize..31).prop_map(|i| USCC_ALPHABET[i])
    }

    /// Generates a valid USCC: random authority/type, digits for the division, an
    /// 8-char body from the alphabet, then both check characters.
    fn valid_uscc() -> impl Strategy<Value = String> {
        (
            (0usize..REGISTRATION_AUTHORITIES.len()).prop_map(|i| REGISTRATION_AUTHORITIES[i]),
            alphabet_char(),
            proptest::collection::vec(0u8..10, 6),
            proptest::collection::vec(alphabet_char(), 8),
        )
            .prop_filter_map("org check must be in alphabet", |(a, t, div, body)| {
                let body: [u8; 8] = body.try_into().ok()?;
                let org = org_code_check_char(&body).ok()?;
                let mut s = vec![a, t];
                s.extend(div.iter().map(|d| b'0' + d));
                s.extend_from_slice(&body);
                s.push(org);
                let first17: [u8; 17] = s.clone().try_into().ok()?;
                let c = uscc_check_char(&first17).ok()?;
                s.push(c);
                String::from_utf8(s).ok()
            })
    }

    proptest! {
        #[test]
        fn order_is_the_order_of_the_text(a in valid_uscc(), b in valid_uscc(), cut in 0usize..18) {
            // Codes sharing a prefix of `cut` characters, to reach every byte.
            let b = format!("{}{}", &a[..cut], &b[cut..]);
            let (ua, ub) = (Uscc(a.as_bytes().try_into().unwrap()), Uscc(b.as_bytes().try_into().unwrap()));
            prop_assert_eq!(ua.cmp(&ub), a.as_bytes().cmp(b.as_bytes()));
            prop_assert_eq!(ua.partial_cmp(&ub), Some(a.cmp(&b)));
        }
    }

    #[test]
    fn known_example() {
        let u = Uscc::parse("91350100M000100Y43").unwrap();
        assert_eq!(u.to_string(), "91350100M000100Y43");
        assert_eq!(serde_json::to_string(&u).unwrap(), "\"91350100M000100Y43\"");
    }

    #[test]
    fn error_codes() {
        let code = |s: &str| Uscc::parse(s).unwrap_err().code().as_str();
        assert_eq!(code("91350100M000100Y4"), "uscc_length");
        assert_eq!(code("91350100M000100Y433"), "uscc_length");
        assert_eq!(code("91350100M000100YI3"), "uscc_charset");
        assert_eq!(code("9135010OM000100Y43"), "uscc_charset");
        assert_eq!(code("91A50100M000100Y43"), "uscc_division");
        assert_eq!(code("91350100M000100Y42"), "uscc_check_character");
        // Valid GB 32100 check character but a wrong GB 11714 one.
        let bad_org = Uscc::complete("91350100M000100Y5").unwrap_err();
        assert_eq!(bad_org.code().as_str(), "uscc_org_code_check");
        // A look-alike character is named, not counted as a wrong length (issue #17
        // item 11).
        for s in [
            "9135010\u{41C}M000100Y43",
            "913501\u{669}0M000100Y43",
            "9135\u{1D7D7}100M000100Y43",
        ] {
            let e = Uscc::parse(s).unwrap_err();
            assert_eq!(e.code().as_str(), "uscc_charset", "{s}");
            assert!(e.message_en().contains("U+"), "{}", e.message_en());
        }
        // Placeholders whose check characters work out (issue #17 item 10).
        assert_eq!(code("000000000000000000"), "uscc_registration_authority");
        let z = Uscc::complete("01350100M000100Y4").unwrap_err();
        assert_eq!(z.code().as_str(), "uscc_registration_authority");
    }

    proptest! {
        #[test]
        fn every_generated_valid_uscc_is_accepted(s in valid_uscc()) {
            let u = Uscc::parse(&s).unwrap();
            prop_assert_eq!(u.as_str(), s.as_str());
            // Lower case and full width are accepted and canonicalised.
            let wide: String = s.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect();
            prop_assert_eq!(Uscc::parse(&wide.to_lowercase()).unwrap(), u);
        }

        #[test]
        fn every_single_character_change_is_rejected(
            s in valid_uscc(), pos in 0usize..18, repl in any::<char>()
        ) {
            let mut chars: Vec<char> = s.chars().collect();
            prop_assume!(!chars[pos].eq_ignore_ascii_case(&repl));
            prop_assume!(Uscc::canonicalize(&repl.to_string()).len() == 1);
            prop_assume!(Uscc::canonicalize(&repl.to_string()) != chars[pos].to_string());
            chars[pos] = repl;
            let changed: String = chars.into_iter().collect();
            prop_assert!(Uscc::parse(&changed).is_err(), "accepted {}", changed);
        }

        #[test]
        fn every_alphabet_substitution_is_rejected(s in valid_uscc(), pos in 0usize..18, k in 1usize..31) {
            let mut b = s.into_bytes();
            let v = uscc_char_value(b[pos]).unwrap() as usize;
            b[pos] = USCC_ALPHABET[(v + k) % 31];
            let changed = String::from_utf8(b).unwrap();
            prop_assert!(Uscc::parse(&changed).is_err(), "accepted {}", changed);
        }

        #[test]
        fn fast_path_agrees_with_the_detailed_checks(
            s in valid_uscc(), pos in 0usize..18, c in prop_oneof![alphabet_char(), any::<u8>()]
        ) {
            let mut code: [u8; 18] = s.as_bytes().try_into().unwrap();
            prop_assert!(is_valid_canonical(&code));
            code[pos] = c;
            let detailed = code.iter().all(|&b| uscc_char_value(b).is_some())
                && Uscc::check(code, "").is_ok();
            prop_assert_eq!(is_valid_canonical(&code), detailed);
        }

        #[test]
        fn canonicalisation_is_idempotent(s in "\\PC{0,30}") {
            let once = Uscc::canonicalize(&s);
            prop_assert_eq!(Uscc::canonicalize(&once), once);
        }
    }
}
