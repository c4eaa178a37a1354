//! The government working-day calendar: weekends, statutory holidays and 调休.
//!
//! # Sources
//!
//! * 《国务院关于职工工作时间的规定》 (国务院令第146号, in force 1995-05-01) Art. 7
//!   \[V\]: 国家机关、事业单位 … 星期六和星期日为周休息日.
//! * 《全国年节及纪念日放假办法》 (2013 text until 2024-12-31; 2024-11-10 revision,
//!   applied from 2025-01-01) Arts. 2, 6, 7 \[V\]: statutory holidays, 补假 and 调休.
//!   Art. 3 partial holidays (妇女节 …) do not close offices and are ignored.
//!   Art. 4 minority holidays are set locally: see [`RegionalOverlay`].
//! * The State Council's yearly notices, bundled as data in `core/data/calendar/`
//!   \[S: text compared across reprints\]:
//!   2024 国办发明电〔2023〕7号 (2023-10-25); 2025 国办发明电〔2024〕12号 (2024-11-12);
//!   2026 notice of 2025-11-04 (number not seen in the sources, left empty).
//!
//! A working day is a Monday–Friday that is not a day off under a notice, or a weekend
//! day the notice lists as 上班 (make-up working day). A date in a year without data is
//! an error (`calendar_year_missing`): 调休 can only be known from the notice, so the
//! calendar never guesses.
//!
//! Tested by `core/tests/all/enforcement_calendar.rs` (vectors in `tests/vectors/calendar/`) and the unit tests below.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::model::{Provenance, Verification};
use crate::{EnforcementCode, Error, Result};

/// The status of one day in the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DayStatus {
    /// A Monday–Friday that is not a day off.
    Workday,
    /// A Saturday or Sunday that is not a make-up working day.
    Weekend,
    /// A day off under a holiday notice (statutory holiday or 调休 rest day), or a
    /// regional holiday.
    HolidayOff,
    /// A Saturday or Sunday the notice lists as a working day (调休补班).
    MakeupWorkday,
}

impl DayStatus {
    /// Whether government offices work on such a day.
    ///
    /// ```
    /// use shuangsuiji::enforcement::DayStatus;
    /// assert!(DayStatus::MakeupWorkday.is_working());
    /// assert!(!DayStatus::HolidayOff.is_working());
    /// ```
    #[must_use]
    pub const fn is_working(self) -> bool {
        matches!(self, Self::Workday | Self::MakeupWorkday)
    }

    /// The canonical snake_case string.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Workday => "workday",
            Self::Weekend => "weekend",
            Self::HolidayOff => "holiday_off",
            Self::MakeupWorkday => "makeup_workday",
        }
    }
}

/// The State Council notice a year's data comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Notice {
    /// Title, e.g. 国务院办公厅关于2025年部分节假日安排的通知.
    pub title: String,
    /// Document number, e.g. 国办发明电〔2024〕12号; `None` when not seen.
    pub number: Option<String>,
    /// Date the notice was issued.
    pub issued: NaiveDate,
    /// How far the bundled data was checked.
    pub verification: Verification,
    /// Where the text was read.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One holiday of a notice: a run of days off and the weekend days worked instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayBlock {
    /// Name, e.g. 春节.
    pub name: String,
    /// First day off (inclusive).
    pub first_day_off: NaiveDate,
    /// Last day off (inclusive).
    pub last_day_off: NaiveDate,
    /// Weekend days listed as 上班.
    #[serde(default)]
    pub make_up_days: Vec<NaiveDate>,
}

/// One year of national calendar data, as published in one notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarYear {
    /// The year.
    pub year: i32,
    /// The notice.
    pub notice: Notice,
    /// The holidays.
    pub holidays: Vec<HolidayBlock>,
}

/// A regional holiday (放假办法 Art. 4: minority-nationality holidays are set by the
/// local government), e.g. 古尔邦节 in 新疆.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalHoliday {
    /// Name.
    pub name: String,
    /// First day off (inclusive).
    pub first_day_off: NaiveDate,
    /// Last day off (inclusive).
    pub last_day_off: NaiveDate,
}

/// Extra days off for one region, laid over the national calendar. Regional days off
/// win over national working days (including make-up days).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionalOverlay {
    /// Region, e.g. a division code or name.
    pub region: String,
    /// The local document setting the days.
    pub provenance: Provenance,
    /// The days off.
    pub holidays: Vec<RegionalHoliday>,
}

const BUNDLED: &[(&str, &str)] = &[
    ("2024.json", include_str!("../../data/calendar/2024.json")),
    ("2025.json", include_str!("../../data/calendar/2025.json")),
    ("2026.json", include_str!("../../data/calendar/2026.json")),
];

/// Longest run of days one holiday block may span (sanity bound on data).
const MAX_BLOCK_DAYS: i64 = 31;

/// A working-day calendar: national years plus optional regional overlays.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::{Calendar, DayStatus};
/// let cal = Calendar::national()?;
/// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
/// assert_eq!(cal.status(d(2025, 2, 4))?, DayStatus::HolidayOff); // 春节调休
/// assert_eq!(cal.status(d(2025, 2, 8))?, DayStatus::MakeupWorkday); // Saturday, 上班
/// assert_eq!(cal.status(d(2023, 6, 1)).unwrap_err().code().as_str(), "calendar_year_missing");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    years: BTreeMap<i32, CalendarYear>,
    off: BTreeSet<NaiveDate>,
    make_up: BTreeSet<NaiveDate>,
    regional_off: BTreeSet<NaiveDate>,
    regions: Vec<String>,
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(EnforcementCode::CalendarInvalid, msg)
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn days_in(first: NaiveDate, last: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    first.iter_days().take_while(move |d| *d <= last)
}

impl Calendar {
    /// The national calendar with every bundled year (2024, 2025, 2026).
    ///
    /// # Errors
    /// `calendar_invalid` or `json_*` if bundled data were corrupt (tested not to be).
    pub fn national() -> Result<Self> {
        let mut years = Vec::new();
        for (name, text) in BUNDLED {
            years.push(Self::parse_year(text).map_err(|e| e.with_file(*name))?);
        }
        Self::from_years(years)
    }

    /// Parses one year of calendar data (the schema of `core/data/calendar/*.json`).
    ///
    /// # Errors
    /// `json_syntax` / `json_shape` for malformed JSON; `calendar_invalid` for
    /// inconsistent data (see [`Calendar::from_years`]).
    pub fn parse_year(json: &str) -> Result<CalendarYear> {
        crate::json::limits::check_json_text(json)?;
        let year: CalendarYear = serde_json::from_str(json).map_err(|e| Error::from_json(&e))?;
        validate_year(&year)?;
        Ok(year)
    }

    /// The years bundled with the crate, in order.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::enforcement::Calendar::bundled_years(), vec![2024, 2025, 2026]);
    /// ```
    #[must_use]
    pub fn bundled_years() -> Vec<i32> {
        vec![2024, 2025, 2026]
    }

    /// Builds a calendar from national years.
    ///
    /// # Errors
    /// `calendar_invalid` when a year appears twice, a block lies outside its year or
    /// is longer than 31 days, a make-up day is not a Saturday or Sunday, or a day is
    /// both off and a make-up day.
    pub fn from_years(years: impl IntoIterator<Item = CalendarYear>) -> Result<Self> {
        let mut cal = Self {
            years: BTreeMap::new(),
            off: BTreeSet::new(),
            make_up: BTreeSet::new(),
            regional_off: BTreeSet::new(),
            regions: Vec::new(),
        };
        for y in years {
            validate_year(&y)?;
            if cal.years.contains_key(&y.year) {
                return Err(invalid(format!("year {} given twice", y.year))
                    .with_field("year")
                    .with_value(y.year.to_string()));
            }
            for b in &y.holidays {
                cal.off.extend(days_in(b.first_day_off, b.last_day_off));
                cal.make_up.extend(b.make_up_days.iter().copied());
            }
            cal.years.insert(y.year, y);
        }
        if let Some(d) = cal.off.intersection(&cal.make_up).next() {
            return Err(invalid(format!("{d} is both a day off and a make-up day"))
                .with_value(d.to_string()));
        }
        Ok(cal)
    }

    /// Adds a regional overlay (extra days off).
    ///
    /// # Errors
    /// `calendar_invalid` when a block ends before it starts or spans more than 31 days.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use shuangsuiji::enforcement::{Calendar, DayStatus, RegionalOverlay};
    /// let overlay: RegionalOverlay = serde_json::from_str(r#"{
    ///   "region": "650000",
    ///   "provenance": {"document": "example local notice", "verification": "synthetic"},
    ///   "holidays": [{"name": "古尔邦节", "first_day_off": "2025-06-06", "last_day_off": "2025-06-06"}]
    /// }"#).unwrap();
    /// let cal = Calendar::national()?.with_overlay(overlay)?;
    /// assert_eq!(cal.status(NaiveDate::from_ymd_opt(2025, 6, 6).unwrap())?, DayStatus::HolidayOff);
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn with_overlay(mut self, overlay: RegionalOverlay) -> Result<Self> {
        for (i, h) in overlay.holidays.iter().enumerate() {
            check_block(h.first_day_off, h.last_day_off)
                .map_err(|e| e.within(&format!("holidays[{i}]")))?;
        }
        for h in &overlay.holidays {
            self.regional_off
                .extend(days_in(h.first_day_off, h.last_day_off));
        }
        self.regions.push(overlay.region);
        Ok(self)
    }

    /// The regions overlaid, in the order added.
    #[must_use]
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// The data for a year, if present.
    #[must_use]
    pub fn year(&self, year: i32) -> Option<&CalendarYear> {
        self.years.get(&year)
    }

    /// The status of a day.
    ///
    /// # Errors
    /// `calendar_year_missing` when the calendar has no data for the day's year.
    pub fn status(&self, date: NaiveDate) -> Result<DayStatus> {
        if !self.years.contains_key(&date.year()) {
            return Err(Error::new(
                EnforcementCode::CalendarYearMissing,
                format!(
                    "no holiday notice data for {}; 调休 cannot be guessed",
                    date.year()
                ),
            )
            .with_value(date.to_string())
            .with_detail("year", date.year().to_string()));
        }
        Ok(
            if self.regional_off.contains(&date) || self.off.contains(&date) {
                DayStatus::HolidayOff
            } else if self.make_up.contains(&date) {
                DayStatus::MakeupWorkday
            } else if is_weekend(date) {
                DayStatus::Weekend
            } else {
                DayStatus::Workday
            },
        )
    }

    /// Whether government offices work on `date`.
    ///
    /// # Errors
    /// `calendar_year_missing` as for [`Calendar::status`].
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        self.status(date).map(DayStatus::is_working)
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    /// `calendar_year_missing` when the search runs into a year without data.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        let mut d = date;
        loop {
            d = succ(d)?;
            if self.is_working_day(d)? {
                return Ok(d);
            }
        }
    }

    /// Every day of the calendar's years with its status, in date order.
    ///
    /// # Errors
    /// `calendar_year_missing` — not reachable in practice (each day lies in a year with data).
    pub fn table(&self) -> Result<Vec<(NaiveDate, DayStatus)>> {
        let mut out = Vec::new();
        for &y in self.years.keys() {
            let (Some(first), Some(last)) = (
                NaiveDate::from_ymd_opt(y, 1, 1),
                NaiveDate::from_ymd_opt(y, 12, 31),
            ) else {
                continue;
            };
            for d in days_in(first, last) {
                out.push((d, self.status(d)?));
            }
        }
        Ok(out)
    }
}

pub(crate) fn succ(d: NaiveDate) -> Result<NaiveDate> {
    d.succ_opt().ok_or_else(|| {
        Error::new(
            EnforcementCode::CalendarYearMissing,
            "date out of the supported range",
        )
        .with_value(d.to_string())
    })
}

fn check_block(first: NaiveDate, last: NaiveDate) -> Result<()> {
    if last < first {
        return Err(
            invalid(format!("last day off {last} is before first {first}"))
                .with_field("last_day_off"),
        );
    }
    if (last - first).num_days() >= MAX_BLOCK_DAYS {
        return Err(invalid(format!(
            "holiday {first}..{last} spans more than {MAX_BLOCK_DAYS} days"
        ))
        .with_field("last_day_off"));
    }
    Ok(())
}

fn validate_year(y: &CalendarYear) -> Result<()> {
    let mut off = BTreeSet::new();
    let mut make_up = BTreeSet::new();
    for (i, b) in y.holidays.iter().enumerate() {
        let at = |e: Error| e.within(&format!("holidays[{i}]"));
        check_block(b.first_day_off, b.last_day_off).map_err(at)?;
        if b.first_day_off.year() != y.year || b.last_day_off.year() != y.year {
            return Err(at(invalid(format!(
                "{} {}..{} lies outside year {}",
                b.name, b.first_day_off, b.last_day_off, y.year
            ))
            .with_field("first_day_off")));
        }
        off.extend(days_in(b.first_day_off, b.last_day_off));
        for (j, d) in b.make_up_days.iter().enumerate() {
            let at_day = |e: Error| at(e.within(&format!("make_up_days[{j}]")));
            if d.year() != y.year {
                return Err(at_day(
                    invalid(format!("make-up day {d} lies outside year {}", y.year))
                        .with_value(d.to_string()),
                ));
            }
            if !is_weekend(*d) {
                return Err(at_day(
                    invalid(format!(
                        "make-up day {d} is a {}, not a weekend",
                        d.weekday()
                    ))
                    .with_value(d.to_string()),
                ));
            }
            make_up.insert(*d);
        }
    }
    if let Some(d) = off.intersection(&make_up).next() {
        return Err(
            invalid(format!("{d} is both a day off and a make-up day")).with_value(d.to_string())
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn bundled_data_is_valid_and_counts_match_notices() {
        let cal = Calendar::national().unwrap();
        let table = cal.table().unwrap();
        assert_eq!(table.len(), 366 + 365 + 365);
        let working = |y: i32| {
            table
                .iter()
                .filter(|(day, s)| day.year() == y && s.is_working())
                .count()
        };
        // Counted by hand from the notices: weekdays − weekday days off + make-up days.
        // 2024: 262 − 19 + 8; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6.
        assert_eq!(working(2024), 251);
        assert_eq!(working(2025), 248);
        assert_eq!(working(2026), 248);
    }

    #[test]
    fn rejects_make_up_on_weekday_and_overlap() {
        let mut y = Calendar::parse_year(BUNDLED[0].1).unwrap();
        y.holidays[1].make_up_days.push(d(2024, 2, 5));
        let e = Calendar::from_years([y]).unwrap_err();
        assert_eq!(e.code().as_str(), "calendar_invalid");
        let mut y = Calendar::parse_year(BUNDLED[0].1).unwrap();
        y.holidays[1].make_up_days.push(d(2024, 2, 10));
        assert_eq!(
            Calendar::from_years([y]).unwrap_err().code().as_str(),
            "calendar_invalid"
        );
        let mut y = Calendar::parse_year(BUNDLED[0].1).unwrap();
        y.holidays[0].first_day_off = d(2023, 12, 31);
        assert_eq!(
            Calendar::from_years([y]).unwrap_err().code().as_str(),
            "calendar_invalid"
        );
        let y = Calendar::parse_year(BUNDLED[0].1).unwrap();
        assert_eq!(
            Calendar::from_years([y.clone(), y])
                .unwrap_err()
                .code()
                .as_str(),
            "calendar_invalid"
        );
    }
}
