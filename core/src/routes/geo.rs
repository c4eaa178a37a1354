//! Locations (lat/lon in whole microdegrees, with their datum) and the integer
//! distance between two of them.
//!
//! A coordinate is read from JSON as a number or a decimal string and kept as an integer
//! number of microdegrees (10⁻⁶ °, about 0.11 m), rounded half away from zero on its
//! *decimal text* — never through float arithmetic. A JSON number is first printed in
//! its shortest round-trip form (the same on every platform) and that text is rounded.
//!
//! The distance is an **integer equirectangular approximation** (see [`Location::metres_to`]).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, TeamCode};

/// The geodetic datum of a coordinate. One plan never mixes datums
/// (`route_datum_mixed`): GCJ-02 (the datum of Chinese web maps, 国测局坐标) is WGS-84
/// shifted by a few hundred metres, so a mixed plan would be wrong by that much.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Datum {
    /// WGS-84 (GPS).
    Wgs84,
    /// GCJ-02 (国测局坐标, used by Chinese web maps).
    Gcj02,
}

impl Datum {
    /// The serde name (`wgs84`, `gcj02`).
    ///
    /// ```
    /// assert_eq!(shuangsuiji::routes::Datum::Gcj02.as_str(), "gcj02");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Wgs84 => "wgs84",
            Self::Gcj02 => "gcj02",
        }
    }
}

/// One point: latitude and longitude in whole microdegrees, and the datum they are in.
///
/// JSON: `{"datum": "wgs84", "lat": 45.53, "lon": 119.65}` (numbers or decimal strings;
/// more than six decimals are rounded half away from zero on the decimal text).
///
/// ```
/// use shuangsuiji::routes::{Datum, Location};
/// let l: Location = serde_json::from_str(r#"{"datum":"wgs84","lat":45.53,"lon":"119.6500004"}"#)?;
/// assert_eq!((l.lat_e6(), l.lon_e6(), l.datum), (45_530_000, 119_650_000, Datum::Wgs84));
/// assert_eq!(serde_json::to_string(&l)?, r#"{"datum":"wgs84","lat":45.53,"lon":119.65}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// The datum of `lat` and `lon`.
    pub datum: Datum,
    #[serde(serialize_with = "ser_e6", deserialize_with = "de_lat")]
    lat: i32,
    #[serde(serialize_with = "ser_e6", deserialize_with = "de_lon")]
    lon: i32,
}

/// Metres per microdegree of a great circle on the IUGG mean sphere (R = 6 371 008.8 m),
/// in nanometres: 2πR / 360 / 10⁶ = 0.111 195 080 m.
const NM_PER_E6: i128 = 111_195_080;

/// cos(d°) × 10⁹ for d = 0 … 90, rounded to the nearest integer (computed once offline;
/// the table is the definition, so every platform gets the same distances).
const COS_E9: [i64; 91] = [
    1_000_000_000,
    999_847_695,
    999_390_827,
    998_629_535,
    997_564_050,
    996_194_698,
    994_521_895,
    992_546_152,
    990_268_069,
    987_688_341,
    984_807_753,
    981_627_183,
    978_147_601,
    974_370_065,
    970_295_726,
    965_925_826,
    961_261_696,
    956_304_756,
    951_056_516,
    945_518_576,
    939_692_621,
    933_580_426,
    927_183_855,
    920_504_853,
    913_545_458,
    906_307_787,
    898_794_046,
    891_006_524,
    882_947_593,
    874_619_707,
    866_025_404,
    857_167_301,
    848_048_096,
    838_670_568,
    829_037_573,
    819_152_044,
    809_016_994,
    798_635_510,
    788_010_754,
    777_145_961,
    766_044_443,
    754_709_580,
    743_144_825,
    731_353_702,
    719_339_800,
    707_106_781,
    694_658_370,
    681_998_360,
    669_130_606,
    656_059_029,
    642_787_610,
    629_320_391,
    615_661_475,
    601_815_023,
    587_785_252,
    573_576_436,
    559_192_903,
    544_639_035,
    529_919_264,
    515_038_075,
    500_000_000,
    484_809_620,
    469_471_563,
    453_990_500,
    438_371_147,
    422_618_262,
    406_736_643,
    390_731_128,
    374_606_593,
    358_367_950,
    342_020_143,
    325_568_154,
    309_016_994,
    292_371_705,
    275_637_356,
    258_819_045,
    241_921_896,
    224_951_054,
    207_911_691,
    190_808_995,
    173_648_178,
    156_434_465,
    139_173_101,
    121_869_343,
    104_528_463,
    87_155_743,
    69_756_474,
    52_335_956,
    34_899_497,
    17_452_406,
    0,
];

/// cos of a latitude given in microdegrees, × 10⁹: the table, linearly interpolated
/// between whole degrees (error below 4 × 10⁻⁵ relative, well under the method's own).
fn cos_e9(lat_e6: i64) -> i64 {
    let a = lat_e6.abs().min(90_000_000);
    let d = usize::try_from(a / 1_000_000).unwrap_or(90);
    let frac = a % 1_000_000;
    let lo = COS_E9[d];
    let hi = COS_E9[(d + 1).min(90)];
    lo + (hi - lo) * frac / 1_000_000
}

/// Integer square root (floor) of a `u128`.
fn isqrt(n: u128) -> u128 {
    if n < 2 {
        return n;
    }
    // Newton's method from an upper bound; monotone decreasing to floor(sqrt(n)).
    let mut x = 1u128 << (128 - n.leading_zeros()).div_ceil(2);
    loop {
        let y = (x + n / x) / 2;
        if y >= x {
            return x;
        }
        x = y;
    }
}

impl Location {
    /// A location from whole microdegrees.
    ///
    /// # Errors
    /// `route_location_invalid` if the latitude is outside ±90° or the longitude
    /// outside ±180°.
    ///
    /// ```
    /// use shuangsuiji::routes::{Datum, Location};
    /// let l = Location::from_e6(Datum::Wgs84, 45_530_000, 119_650_000)?;
    /// assert_eq!(l.lat_e6(), 45_530_000);
    /// assert!(Location::from_e6(Datum::Wgs84, 91_000_000, 0).is_err());
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn from_e6(datum: Datum, lat_e6: i32, lon_e6: i32) -> crate::Result<Self> {
        check_range("lat", i64::from(lat_e6), 90)?;
        check_range("lon", i64::from(lon_e6), 180)?;
        Ok(Self {
            datum,
            lat: lat_e6,
            lon: lon_e6,
        })
    }

    /// Latitude in microdegrees (north positive).
    #[must_use]
    pub const fn lat_e6(&self) -> i32 {
        self.lat
    }

    /// Longitude in microdegrees (east positive).
    #[must_use]
    pub const fn lon_e6(&self) -> i32 {
        self.lon
    }

    /// Straight-line distance in whole metres (rounded half up), by the integer
    /// equirectangular approximation on the IUGG mean sphere:
    ///
    /// `dy = Δlat · k`, `dx = Δlon · k · cos(φ̄)`, `d = ⌊√(dx² + dy²)⌋` with
    /// `k = 0.111 195 080 m/µ°` (in nanometres), `φ̄` the mean latitude, `cos` from a
    /// fixed table of whole degrees interpolated linearly, the longitude difference taken
    /// the short way round. Against the haversine great-circle distance the error is below
    /// 0.1 % for points up to 100 km apart at the latitudes of China (it grows with the
    /// square of the distance; beyond a few hundred kilometres supply a matrix). The
    /// datum is not looked at: the caller keeps one datum per plan.
    ///
    /// ```
    /// use shuangsuiji::routes::{Datum, Location};
    /// let a = Location::from_e6(Datum::Wgs84, 45_530_000, 119_650_000)?;
    /// let b = Location::from_e6(Datum::Wgs84, 45_540_000, 119_650_000)?;
    /// assert_eq!(a.metres_to(&b), 1112); // 0.01° of latitude
    /// assert_eq!(a.metres_to(&b), b.metres_to(&a));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn metres_to(&self, other: &Self) -> u64 {
        let dlat = i64::from(other.lat) - i64::from(self.lat);
        let mut dlon = (i64::from(other.lon) - i64::from(self.lon)).abs();
        if dlon > 180_000_000 {
            dlon = 360_000_000 - dlon;
        }
        let mean = (i64::from(other.lat) + i64::from(self.lat)) / 2;
        let dy = i128::from(dlat) * NM_PER_E6;
        let dx = i128::from(dlon) * NM_PER_E6 * i128::from(cos_e9(mean)) / 1_000_000_000;
        let nm = isqrt(dx.unsigned_abs().pow(2) + dy.unsigned_abs().pow(2));
        u64::try_from((nm + 500_000_000) / 1_000_000_000).unwrap_or(u64::MAX)
    }
}

fn check_range(field: &'static str, e6: i64, max_deg: i64) -> crate::Result<()> {
    if e6.abs() > max_deg * 1_000_000 {
        return Err(Error::new(
            TeamCode::RouteLocationInvalid,
            format!("{field} must lie within ±{max_deg}°"),
        )
        .with_field(field)
        .with_value(format_e6(e6)));
    }
    Ok(())
}

fn format_e6(e6: i64) -> String {
    let sign = if e6 < 0 { "-" } else { "" };
    let a = e6.unsigned_abs();
    format!("{sign}{}.{:06}", a / 1_000_000, a % 1_000_000)
}

/// Parses a decimal text (`-12.345678`, no exponent) into microdegrees, rounding half
/// away from zero at the sixth decimal.
fn parse_e6(text: &str) -> Option<i64> {
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty()
        || int.len() > 3
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut v: i64 = int.bytes().fold(0, |a, b| a * 10 + i64::from(b - b'0'));
    let digits = frac.as_bytes();
    for k in 0..6 {
        v = v * 10 + digits.get(k).map_or(0, |b| i64::from(b - b'0'));
    }
    if digits.get(6).is_some_and(|&b| b >= b'5') {
        v += 1;
    }
    Some(if neg { -v } else { v })
}

fn ser_e6<S: Serializer>(v: &i32, s: S) -> Result<S::Ok, S::Error> {
    // The decimal text (trailing zeros dropped) read as a JSON number: it prints back as
    // the same text and reads back to the same microdegrees. No float arithmetic.
    let text = format_e6(i64::from(*v));
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let n: serde_json::Number = text.parse().map_err(serde::ser::Error::custom)?;
    n.serialize(s)
}

struct CoordVisitor(&'static str, i64);

impl serde::de::Visitor<'_> for CoordVisitor {
    type Value = i32;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} in degrees, a number or a decimal string", self.0)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<i32, E> {
        let bad = |msg: &str| {
            Error::new(TeamCode::RouteLocationInvalid, format!("{}: {msg}", self.0))
                .with_field(self.0)
                .with_value(v)
                .into_de()
        };
        let e6 = parse_e6(v.trim()).ok_or_else(|| bad("not a decimal number"))?;
        check_range(self.0, e6, self.1).map_err(Error::into_de)?;
        i32::try_from(e6).map_err(|_| bad("out of range"))
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<i32, E> {
        // Display prints the shortest round-trip decimal, never an exponent (JSON has no
        // NaN or infinity; were one passed, its text is refused as not a decimal).
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i32, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i32, E> {
        self.visit_str(&v.to_string())
    }
}

fn de_lat<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    d.deserialize_any(CoordVisitor("lat", 90))
}

fn de_lon<'de, D: Deserializer<'de>>(d: D) -> Result<i32, D::Error> {
    d.deserialize_any(CoordVisitor("lon", 180))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_rounding_is_on_the_text() {
        assert_eq!(parse_e6("45.5300005"), Some(45_530_001));
        assert_eq!(parse_e6("45.5300004999"), Some(45_530_000));
        assert_eq!(parse_e6("-0.0000005"), Some(-1));
        assert_eq!(parse_e6("119"), Some(119_000_000));
        assert_eq!(parse_e6(".5"), Some(500_000));
        assert_eq!(parse_e6("1e5"), None);
        assert_eq!(parse_e6(""), None);
        assert_eq!(parse_e6("1234.5"), None);
    }

    #[test]
    fn isqrt_is_floor() {
        for n in [
            0u128,
            1,
            2,
            3,
            4,
            15,
            16,
            17,
            1 << 100,
            u128::from(u64::MAX),
        ] {
            let r = isqrt(n);
            assert!(r * r <= n && (r + 1) * (r + 1) > n, "{n}");
        }
    }

    #[test]
    fn close_to_haversine_at_county_scale() {
        // Reference values from the haversine formula on the same sphere (computed
        // offline): 霍林郭勒 centre to points 1, 10 and 50 km away in mixed directions.
        let c = Location::from_e6(Datum::Wgs84, 45_530_000, 119_650_000).unwrap();
        for (lat, lon, reference) in [
            (45_540_000, 119_660_000, 1_358u64),
            (45_600_000, 119_750_000, 11_009),
            (45_900_000, 120_100_000, 53_975),
        ] {
            let p = Location::from_e6(Datum::Wgs84, lat, lon).unwrap();
            let d = c.metres_to(&p);
            assert!(
                d.abs_diff(reference) * 1000 <= reference,
                "{d} vs {reference}"
            );
        }
    }

    #[test]
    fn out_of_range_is_typed() {
        let r: Result<Location, _> = serde_json::from_str(r#"{"datum":"wgs84","lat":95,"lon":1}"#);
        let e = Error::from_json(&r.unwrap_err());
        assert_eq!(e.code().as_str(), "route_location_invalid");
        let r: Result<Location, _> =
            serde_json::from_str(r#"{"datum":"wgs84","lat":"north","lon":1}"#);
        let e = Error::from_json(&r.unwrap_err());
        assert_eq!(e.code().as_str(), "route_location_invalid");
    }
}
