//! Tags as rules with sources (标签化): a small, total, typed condition language over the
//! profile's indicators, checked when the rules are loaded.
//!
//! A condition is one of
//!
//! * a comparison `{"indicator": NAME, "window": {"months": N} | {"days": N}, "op": OP, "value": V}`
//!   — `window` only on windowed indicators (optional: their default window), `op` one of
//!   `<` `<=` `==` `!=` `>=` `>` for counts and `==` `!=` for flags, `value` a whole number
//!   for counts and `true`/`false` for flags;
//! * `{"all": [C, …]}`, `{"any": [C, …]}` (at least one part), `{"not": C}`.
//!
//! There is no other form, no eval and no loop: at most [`MAX_DEPTH`] levels and
//! [`MAX_NODES`] parts per rule, [`MAX_RULES`] rules per set. A comparison with an
//! unknown value (`years_since_establishment` without a `registered` event) is false.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use super::fold::Profile;
use super::indicator::{Indicator, IndicatorType, Reading, Value, Window};
use crate::model::{Provenance, Validity};
use crate::{Error, ProfileCode, Result};

/// Deepest nesting of a rule's condition.
pub const MAX_DEPTH: usize = 8;
/// Most parts (comparisons and combinators) in one rule's condition.
pub const MAX_NODES: usize = 64;
/// Most rules in one tag set.
pub const MAX_RULES: usize = 256;

/// The category of a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagCategory {
    /// 风险.
    Risk,
    /// 信用.
    Credit,
    /// 服务.
    Service,
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CmpOp {
    /// `<`
    #[serde(rename = "<")]
    Lt,
    /// `<=`
    #[serde(rename = "<=")]
    Le,
    /// `==`
    #[serde(rename = "==")]
    Eq,
    /// `!=`
    #[serde(rename = "!=")]
    Ne,
    /// `>=`
    #[serde(rename = ">=")]
    Ge,
    /// `>`
    #[serde(rename = ">")]
    Gt,
}

impl CmpOp {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "<" => Self::Lt,
            "<=" => Self::Le,
            "==" => Self::Eq,
            "!=" => Self::Ne,
            ">=" => Self::Ge,
            ">" => Self::Gt,
            _ => return None,
        })
    }

    fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            Self::Lt => a < b,
            Self::Le => a <= b,
            Self::Eq => a == b,
            Self::Ne => a != b,
            Self::Ge => a >= b,
            Self::Gt => a > b,
        }
    }
}

/// One comparison of an indicator with a constant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comparison {
    /// The indicator.
    pub indicator: Indicator,
    /// Its window (the indicator's default when the rule gave none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// The operator.
    pub op: CmpOp,
    /// The constant (of the indicator's type).
    pub value: Value,
}

/// A checked condition (built only by [`TagSet::from_json`], so always well typed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Condition {
    /// A comparison.
    Compare(Comparison),
    /// Every part holds.
    All {
        /// The parts.
        all: Vec<Condition>,
    },
    /// Some part holds.
    Any {
        /// The parts.
        any: Vec<Condition>,
    },
    /// The part does not hold.
    Not {
        /// The part.
        not: Box<Condition>,
    },
}

impl Condition {
    /// Evaluates every comparison (no short cut, so that a tag lists every value its
    /// rule read), pushing each reading once.
    fn eval(&self, p: &Profile, read: &mut Vec<Reading>) -> bool {
        match self {
            Self::Compare(c) => {
                let r = p.reading(c.indicator, c.window);
                let holds = match (r.value, c.value) {
                    (Value::Count(a), Value::Count(b)) => c.op.holds(&a, &b),
                    (Value::Flag(a), Value::Flag(b)) => c.op.holds(&a, &b),
                    _ => false,
                };
                if !read.contains(&r) {
                    read.push(r);
                }
                holds
            }
            Self::All { all } => all.iter().fold(true, |acc, c| c.eval(p, read) & acc),
            Self::Any { any } => any.iter().fold(false, |acc, c| c.eval(p, read) | acc),
            Self::Not { not } => !not.eval(p, read),
        }
    }
}

/// A tag rule: when its condition holds on the profile's date, the enterprise has the tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagRule {
    /// Stable id, e.g. `food.serious_violation`.
    pub id: String,
    /// The tag as people read it, e.g. 严重违法失信.
    pub label: String,
    /// 风险 / 信用 / 服务.
    pub category: TagCategory,
    /// Whether the tag may be published (公示); otherwise internal only.
    pub publishable: bool,
    /// The condition.
    pub when: Condition,
    /// First day the rule applies (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
    /// Last day the rule applies (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective_to: Option<NaiveDate>,
    /// Its sources (at least one).
    pub provenance: Vec<Provenance>,
}

/// A set of tag rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagSet {
    /// Stable id of the set.
    pub id: String,
    /// What it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The rules, in file order.
    pub rules: Vec<TagRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleWire {
    id: String,
    label: String,
    category: TagCategory,
    #[serde(default)]
    publishable: bool,
    when: Json,
    #[serde(default)]
    effective_from: Option<NaiveDate>,
    #[serde(default)]
    effective_to: Option<NaiveDate>,
    provenance: Vec<Provenance>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetWire {
    id: String,
    #[serde(default)]
    description: Option<String>,
    rules: Vec<RuleWire>,
    #[serde(default, rename = "synthetic")]
    _synthetic: Option<bool>,
}

fn invalid(field: &str, msg: impl Into<String>) -> Error {
    Error::new(ProfileCode::TagConditionInvalid, msg).with_field(field)
}

struct Compiler {
    nodes: usize,
}

impl Compiler {
    fn compile(&mut self, v: &Json, path: &str, depth: usize) -> Result<Condition> {
        self.nodes += 1;
        if depth > MAX_DEPTH || self.nodes > MAX_NODES {
            return Err(Error::new(
                ProfileCode::TagConditionTooLarge,
                format!("a condition may nest {MAX_DEPTH} deep and have {MAX_NODES} parts"),
            )
            .with_field(path));
        }
        let Some(obj) = v.as_object() else {
            return Err(invalid(path, "a condition is an object"));
        };
        if obj.contains_key("indicator") {
            return self.comparison(obj, path).map(Condition::Compare);
        }
        if obj.len() != 1 {
            return Err(invalid(
                path,
                "a condition is a comparison (indicator, op, value) or one of all / any / not",
            ));
        }
        let (key, inner) = obj
            .iter()
            .next()
            .ok_or_else(|| invalid(path, "empty condition"))?;
        let at = format!("{path}.{key}");
        match key.as_str() {
            "not" => Ok(Condition::Not {
                not: Box::new(self.compile(inner, &at, depth + 1)?),
            }),
            "all" | "any" => {
                let parts = inner
                    .as_array()
                    .filter(|a| !a.is_empty())
                    .ok_or_else(|| invalid(&at, format!("{key} takes a non-empty list")))?;
                let parts = parts
                    .iter()
                    .enumerate()
                    .map(|(i, c)| self.compile(c, &format!("{at}[{i}]"), depth + 1))
                    .collect::<Result<Vec<_>>>()?;
                Ok(if key == "all" {
                    Condition::All { all: parts }
                } else {
                    Condition::Any { any: parts }
                })
            }
            _ => Err(invalid(
                &at,
                format!("unknown condition {key:?}; expected all, any, not or indicator"),
            )),
        }
    }

    fn comparison(&self, obj: &serde_json::Map<String, Json>, path: &str) -> Result<Comparison> {
        let field = |k: &str| format!("{path}.{k}");
        if let Some(k) = obj
            .keys()
            .find(|k| !["indicator", "window", "op", "value"].contains(&k.as_str()))
        {
            return Err(invalid(&field(k), format!("a comparison has no key {k:?}")));
        }
        let name = obj
            .get("indicator")
            .and_then(Json::as_str)
            .ok_or_else(|| invalid(&field("indicator"), "indicator is a name"))?;
        let indicator = Indicator::from_name(name).ok_or_else(|| {
            let known: Vec<&str> = Indicator::ALL.iter().map(|i| i.as_str()).collect();
            Error::new(
                ProfileCode::TagIndicatorUnknown,
                format!("unknown indicator {name:?}; known: {}", known.join(", ")),
            )
            .with_field(field("indicator"))
            .with_value(name)
        })?;
        let window = match obj.get("window") {
            None => None,
            Some(w) => {
                let bad = |msg: String| {
                    Error::new(ProfileCode::TagWindowInvalid, msg)
                        .with_field(field("window"))
                        .with_value(w.to_string())
                };
                if !indicator.windowed() {
                    return Err(bad(format!("{name} takes no window")));
                }
                let w: Window = serde_json::from_value(w.clone())
                    .map_err(|_| bad("a window is {\"months\": N} or {\"days\": N}".to_owned()))?;
                if !w.in_range() {
                    return Err(bad(format!(
                        "a window is 1 … {} months or 1 … {} days",
                        Window::MAX_MONTHS,
                        Window::MAX_DAYS
                    )));
                }
                Some(w)
            }
        };
        let op_text = obj
            .get("op")
            .and_then(Json::as_str)
            .ok_or_else(|| invalid(&field("op"), "op is one of < <= == != >= >"))?;
        let op = CmpOp::parse(op_text).ok_or_else(|| {
            invalid(&field("op"), format!("unknown op {op_text:?}")).with_value(op_text)
        })?;
        let ty = indicator.value_type();
        let mismatch = |f: &str, msg: String| {
            Error::new(ProfileCode::TagTypeMismatch, msg)
                .with_field(field(f))
                .with_detail("indicator", name)
        };
        if ty == IndicatorType::Flag && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Err(
                mismatch("op", format!("{name} is a flag: compare it with == or !="))
                    .with_value(op_text),
            );
        }
        let raw = obj
            .get("value")
            .ok_or_else(|| invalid(&field("value"), "value is missing"))?;
        let value = match (ty, raw) {
            (IndicatorType::Count, Json::Number(n))
                if n.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)) =>
            {
                Value::Count(u32::try_from(n.as_u64().unwrap_or(0)).unwrap_or(u32::MAX))
            }
            (IndicatorType::Flag, Json::Bool(b)) => Value::Flag(*b),
            (IndicatorType::Count, _) => {
                return Err(mismatch(
                    "value",
                    format!("{name} is a count: compare it with a whole number"),
                )
                .with_value(raw.to_string()));
            }
            (IndicatorType::Flag, _) => {
                return Err(mismatch(
                    "value",
                    format!("{name} is a flag: compare it with true or false"),
                )
                .with_value(raw.to_string()));
            }
        };
        Ok(Comparison {
            indicator,
            window,
            op,
            value,
        })
    }
}

impl TagSet {
    /// Reads and checks a tag set from JSON: every condition is typed against the
    /// indicators here, never at evaluation.
    ///
    /// # Errors
    /// `json_syntax`, `json_shape`, `json_duplicate_key`, `too_many_bytes`, `too_deep`;
    /// `tag_indicator_unknown`, `tag_type_mismatch`, `tag_window_invalid`,
    /// `tag_condition_invalid` (also for a rule without provenance),
    /// `tag_condition_too_large`, `tag_rule_duplicate`; `date_range_invalid` — each with
    /// the path of the offending value as `field` (`rules[2].when.all[0].value`).
    ///
    /// ```
    /// use shuangsuiji::profile::TagSet;
    /// let e = TagSet::from_json(r#"{"id": "t", "rules": [{"id": "r", "label": "x",
    ///   "category": "risk", "when": {"indicator": "on_abnormal_list", "op": ">", "value": 1},
    ///   "provenance": [{"document": "本地", "verification": "local"}]}]}"#).unwrap_err();
    /// assert_eq!(e.code().as_str(), "tag_type_mismatch");
    /// assert_eq!(e.details().field.as_deref(), Some("rules[0].when.op"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self> {
        crate::json::parse(text)
    }

    fn from_wire(wire: SetWire) -> Result<Self> {
        if wire.rules.len() > MAX_RULES {
            return Err(Error::new(
                ProfileCode::TagConditionTooLarge,
                format!("a tag set has at most {MAX_RULES} rules"),
            )
            .with_field("rules"));
        }
        let mut rules: Vec<TagRule> = Vec::with_capacity(wire.rules.len());
        for (i, r) in wire.rules.into_iter().enumerate() {
            let at = format!("rules[{i}]");
            if rules.iter().any(|o| o.id == r.id) {
                return Err(Error::duplicate(
                    ProfileCode::TagRuleDuplicate,
                    "a tag rule id",
                    "rule",
                    &r.id,
                )
                .with_field(format!("{at}.id")));
            }
            if r.provenance.is_empty() {
                return Err(invalid(
                    &format!("{at}.provenance"),
                    "a tag rule cites at least one source",
                ));
            }
            Validity::new(r.effective_from, r.effective_to).map_err(|e| e.within(&at))?;
            let when = Compiler { nodes: 0 }.compile(&r.when, &format!("{at}.when"), 1)?;
            rules.push(TagRule {
                id: r.id,
                label: r.label,
                category: r.category,
                publishable: r.publishable,
                when,
                effective_from: r.effective_from,
                effective_to: r.effective_to,
                provenance: r.provenance,
            });
        }
        Ok(Self {
            id: wire.id,
            description: wire.description,
            rules,
        })
    }

    /// The bundled default tag set for food producers (`core/data/tags/food_producers.json`),
    /// each rule with its sources; rules not verified against a bundled text are marked
    /// `secondary` or `recalled`, as the presets are.
    ///
    /// # Errors
    /// Never in a released build (the file is checked by the tests).
    ///
    /// ```
    /// let set = shuangsuiji::profile::TagSet::food_producers()?;
    /// assert!(set.rules.iter().any(|r| r.id == "food.serious_violation"));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    pub fn food_producers() -> Result<Self> {
        Self::from_json(include_str!("../../data/tags/food_producers.json"))
    }

    /// The tags of one profile: every rule in force on the profile's date whose condition
    /// holds, each with the indicator values its rule read.
    ///
    /// ```
    /// use shuangsuiji::profile::{build_profiles, ProfileEvent, TagSet};
    /// let e: ProfileEvent = serde_json::from_str(r#"{"uscc":"91350100M000100Y43","date":"2026-01-10",
    ///   "kind":"serious_violation_listed","source":"公示系统","reason":"食品安全严重违法"}"#).unwrap();
    /// let day = chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap();
    /// let p = &build_profiles(&[e], day, &Default::default())[0];
    /// let tags = TagSet::food_producers()?.tags(p);
    /// assert!(tags.iter().any(|t| t.rule == "food.serious_violation"));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn tags(&self, profile: &Profile) -> Vec<Tag> {
        self.rules
            .iter()
            .filter(|r| {
                Validity {
                    effective_from: r.effective_from,
                    effective_to: r.effective_to,
                }
                .contains(profile.as_of)
            })
            .filter_map(|r| {
                let mut because = Vec::new();
                r.when.eval(profile, &mut because).then(|| Tag {
                    rule: r.id.clone(),
                    label: r.label.clone(),
                    category: r.category,
                    publishable: r.publishable,
                    because,
                })
            })
            .collect()
    }
}

impl<'de> Deserialize<'de> for TagSet {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let wire = SetWire::deserialize(d)?;
        Self::from_wire(wire).map_err(Error::into_de_with_field)
    }
}

/// A tag on an enterprise, and why: the rule and the indicator values it read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// The rule's id.
    pub rule: String,
    /// The rule's label.
    pub label: String,
    /// Its category.
    pub category: TagCategory,
    /// Whether it may be published.
    pub publishable: bool,
    /// The indicator values the rule read, in the order it read them.
    pub because: Vec<Reading>,
}
