//! Chinese formats of dates and weekdays as printed on official documents.

use chrono::{Datelike, NaiveDate, Weekday};

/// A date as 2024年9月13日 (no leading zeros).
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
/// assert_eq!(shuangsuiji_present::date_cn(d), "2026年4月1日");
/// ```
#[must_use]
pub fn date_cn(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// The weekday as 星期一 … 星期日.
///
/// ```
/// let d = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
/// assert_eq!(shuangsuiji_present::weekday_cn(d), "星期三");
/// ```
#[must_use]
pub fn weekday_cn(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

fn weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A date with its weekday: 2024年9月13日（星期五）.
pub(crate) fn date_weekday_cn(d: NaiveDate) -> String {
    format!("{}（{}）", date_cn(d), weekday_cn(d))
}

/// A working day with its weekday; a Saturday or Sunday among working days is a
/// make-up working day (调休上班) and says so: 2024年9月14日（星期六，调休上班）.
pub(crate) fn working_day_cn(d: NaiveDate) -> String {
    if weekend(d) {
        format!("{}（{}，调休上班）", date_cn(d), weekday_cn(d))
    } else {
        date_weekday_cn(d)
    }
}

/// A short working day for lists: 9月13日（五）; 9月14日（六，调休上班）.
pub(crate) fn short_working_day_cn(d: NaiveDate) -> String {
    let w = weekday_cn(d).trim_start_matches("星期");
    let note = if weekend(d) { "，调休上班" } else { "" };
    format!("{}月{}日（{w}{note}）", d.month(), d.day())
}
