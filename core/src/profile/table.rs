//! The profiles as one table (headers and rows), the flattening every binding's
//! DataFrame uses: one row per enterprise, one column per indicator at its default
//! window, the tags and why — decided here once, so that Python and JS only build a frame.

use serde::Serialize;
use serde_json::Value as Json;

use super::indicator::{Indicator, Value, Window};
use super::public::TaggedProfile;

/// A table of profiles: `headers`, then one row per enterprise (same order as given).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProfileTable {
    /// The column names: `uscc`, `as_of`, `events`, one per indicator (`name` or
    /// `name_<N>m` / `name_<N>d` for its default window), `tags`, `tag_reasons`.
    pub headers: Vec<String>,
    /// The rows: text, whole numbers, `true`/`false`, or `null` for an unknown value.
    pub rows: Vec<Vec<Json>>,
}

fn column(i: Indicator) -> String {
    match i.default_window() {
        Some(Window::Months(n)) => format!("{}_{n}m", i.as_str()),
        Some(Window::Days(n)) => format!("{}_{n}d", i.as_str()),
        None => i.as_str().to_owned(),
    }
}

fn cell(v: Value) -> Json {
    match v {
        Value::Count(n) => Json::from(n),
        Value::Flag(b) => Json::from(b),
        Value::Unknown => Json::Null,
    }
}

/// The profiles as a table.
///
/// `tags` is the tag rule ids joined by `;`; `tag_reasons` is, per tag, `rule:` and the
/// indicator values its rule read (`name[window]=value`, comma-separated), joined by `; `.
///
/// ```
/// use shuangsuiji::profile::{profile_and_tag, profile_table, ProfileEvent, TagSet};
/// let e: ProfileEvent = serde_json::from_str(r#"{"uscc":"91350100M000100Y43","date":"2026-01-10",
///   "kind":"serious_violation_listed","source":"公示系统","reason":"食品安全严重违法"}"#).unwrap();
/// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
/// let t = profile_table(&profile_and_tag(&[e], day, &Default::default(), &TagSet::food_producers()?));
/// let col = |name: &str| t.headers.iter().position(|h| h == name).unwrap();
/// assert_eq!(t.rows[0][col("on_serious_violation_list")], serde_json::json!(true));
/// assert!(t.rows[0][col("tags")].as_str().unwrap().contains("food.serious_violation"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[must_use]
pub fn profile_table(tagged: &[TaggedProfile]) -> ProfileTable {
    let mut headers: Vec<String> = vec!["uscc".into(), "as_of".into(), "events".into()];
    headers.extend(Indicator::ALL.iter().map(|i| column(*i)));
    headers.push("tags".into());
    headers.push("tag_reasons".into());
    let rows = tagged
        .iter()
        .map(|t| {
            let p = &t.profile;
            let mut row: Vec<Json> = vec![
                Json::from(p.uscc.as_str()),
                Json::from(p.as_of.to_string()),
                Json::from(p.events),
            ];
            row.extend(Indicator::ALL.iter().map(|i| cell(p.value(*i, None))));
            let ids: Vec<&str> = t.tags.iter().map(|g| g.rule.as_str()).collect();
            row.push(Json::from(ids.join(";")));
            let why: Vec<String> = t
                .tags
                .iter()
                .map(|g| {
                    let read: Vec<String> = g
                        .because
                        .iter()
                        .map(|r| {
                            let w = match r.window {
                                Some(Window::Months(n)) => format!("[{n}m]"),
                                Some(Window::Days(n)) => format!("[{n}d]"),
                                None => String::new(),
                            };
                            let v = match r.value {
                                Value::Count(n) => n.to_string(),
                                Value::Flag(b) => b.to_string(),
                                Value::Unknown => "null".into(),
                            };
                            format!("{}{w}={v}", r.indicator.as_str())
                        })
                        .collect();
                    format!("{}: {}", g.rule, read.join(", "))
                })
                .collect();
            row.push(Json::from(why.join("; ")));
            row
        })
        .collect();
    ProfileTable { headers, rows }
}
