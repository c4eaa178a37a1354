//! Synthetic coordinates (WGS-84) of the enterprises and of the county departments'
//! offices, for day routes on a map (`shuangsuiji::routes`).
//!
//! Each invented town gets a plausible centre around 霍林郭勒 (≈ 45.53 N, 119.65 E); an
//! enterprise lies uniformly within a box around its town's centre (the industrial park
//! and the rural town spread wider). Enterprises registered outside the county sit near
//! their city (通辽, 呼和浩特). The offices are in the city centre. Drawn from their own
//! stream of the generator's seed, so the other files do not change.

use serde::Serialize;
use shuangsuiji::model::{Authority, Enterprise, Uscc};
use shuangsuiji::routes::{Datum, Location};

use crate::rng::SplitMix64;

/// (latitude, longitude) in microdegrees.
type MicroDegrees = (i32, i32);

/// Centre (lat, lon in microdegrees) and half-size of the box (microdegrees of latitude,
/// of longitude) per town.
const TOWN_CENTRES: &[(&str, MicroDegrees, MicroDegrees)] = &[
    (
        "河东街道（示例）",
        (45_532_000, 119_668_000),
        (9_000, 13_000),
    ),
    (
        "河西街道（示例）",
        (45_536_000, 119_636_000),
        (9_000, 13_000),
    ),
    (
        "新城街道（示例）",
        (45_548_000, 119_652_000),
        (8_000, 12_000),
    ),
    (
        "北山街道（示例）",
        (45_566_000, 119_660_000),
        (10_000, 14_000),
    ),
    (
        "工业园区（示例）",
        (45_505_000, 119_602_000),
        (22_000, 32_000),
    ),
    (
        "草原镇（示例）",
        (45_620_000, 119_760_000),
        (45_000, 65_000),
    ),
    (
        "科尔沁区某街道（示例）",
        (43_652_000, 122_243_000),
        (20_000, 28_000),
    ),
    (
        "科左中旗某镇（示例）",
        (44_127_000, 123_312_000),
        (20_000, 28_000),
    ),
    (
        "赛罕区某街道（示例）",
        (40_807_000, 111_701_000),
        (20_000, 28_000),
    ),
];

/// The county offices: the city centre.
const OFFICE: (i32, i32) = (45_532_500, 119_657_800);

/// One office (执法主体) and where it is.
#[derive(Debug, Clone, Serialize)]
pub struct Office {
    /// The authority id.
    pub authority: String,
    /// Where its office is.
    pub location: Location,
}

/// One enterprise and where it is.
#[derive(Debug, Clone, Serialize)]
pub struct Place {
    /// The enterprise.
    pub uscc: Uscc,
    /// Where it is.
    pub location: Location,
}

/// The payload of `locations.json`.
#[derive(Debug, Clone, Serialize)]
pub struct Locations {
    /// The datum of every location in the file.
    pub datum: Datum,
    /// The county authorities' offices, by authority id.
    pub offices: Vec<Office>,
    /// The enterprises, in roster (USCC) order.
    pub enterprises: Vec<Place>,
}

fn offset(rng: &mut SplitMix64, half: i32) -> i32 {
    let w = u64::try_from(2 * i64::from(half) + 1).unwrap_or(1);
    i32::try_from(i64::try_from(rng.below(w)).unwrap_or(0) - i64::from(half)).unwrap_or(0)
}

/// Generates the locations.
///
/// # Errors
/// Only if the generator is wrong (a coordinate out of range).
pub fn locations(
    seed: u64,
    authorities: &[Authority],
    enterprises: &[Enterprise],
) -> shuangsuiji::Result<Locations> {
    let mut rng = SplitMix64::stream(seed, "locations");
    let mut offices = Vec::new();
    for (k, a) in authorities.iter().enumerate() {
        if a.jurisdiction.as_str() != crate::authorities::COUNTY {
            continue;
        }
        // Departments a few hundred metres apart around the centre.
        let k = i32::try_from(k).unwrap_or(0);
        offices.push(Office {
            authority: a.id.clone(),
            location: Location::from_e6(
                Datum::Wgs84,
                OFFICE.0 + (k % 3 - 1) * 2_000,
                OFFICE.1 + (k % 4 - 1) * 3_000,
            )?,
        });
    }
    let mut places = Vec::with_capacity(enterprises.len());
    for e in enterprises {
        let town = e.town.as_deref().unwrap_or_default();
        let (centre, half) = TOWN_CENTRES
            .iter()
            .find(|t| t.0 == town)
            .map_or((OFFICE, (20_000, 28_000)), |t| (t.1, t.2));
        let lat = centre.0 + offset(&mut rng, half.0);
        let lon = centre.1 + offset(&mut rng, half.1);
        places.push(Place {
            uscc: e.uscc,
            location: Location::from_e6(Datum::Wgs84, lat, lon)?,
        });
    }
    Ok(Locations {
        datum: Datum::Wgs84,
        offices,
        enterprises: places,
    })
}
