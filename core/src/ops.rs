//! One entry point for every operation by a stable name, with JSON in and JSON out.
//!
//! The bad-input catalogue (`tests/vectors/errors/`) names each case's operation by
//! one of the names below; the Rust, Python and Node runners all hand the case's
//! `input` object to [`run_operation`] (the bindings expose it as `run_operation`), so
//! that the three runners are the same loop and cannot disagree about how an
//! operation is called. The names are API: they never change meaning.
//!
//! Conventions for the input object:
//!
//! * a document field `x` is given either as a JSON value under `x` or as JSON *text*
//!   under `x_text` (to test truncated, over-long or over-deep documents); both are
//!   parsed by the same code, the value after being written out as text;
//! * a file is given as `input_text` (UTF-8) or `input_base64` (standard base64 with
//!   padding, for GBK bytes and workbooks);
//! * dates are `YYYY-MM-DD` strings.
//!
//! The operations, each with its arguments in the order they are read and its result,
//! are one table, [`OPERATION_TABLE`] (its docs show it as a table): per operation an
//! argument struct (field order = argument order, `Option` = optional) and the core
//! call. The dispatcher below, [`OPERATIONS`] and the bindings' `operations()` list all
//! come from it, so a new operation is one entry there.
//!
//! Committed documents (`plan`, `log`) are parsed as committed JSON
//! ([`from_committed_json`]: no floats, integers within 2^53 − 1). Every other
//! document passes [`check_json_text`] (size and depth limits) before serde sees it.
//!
//! ```
//! use serde_json::json;
//! use shuangsuiji::ops::run_operation;
//!
//! let ok = run_operation("parse_uscc", &json!({"text": "91350100M000100Y43"}))?;
//! assert_eq!(ok["division_code"], "350100");
//! let err = run_operation("parse_ratio", &json!({"text": "3/0"})).unwrap_err();
//! assert_eq!(err.code().as_str(), "ratio_zero_denominator");
//! # Ok::<(), shuangsuiji::Error>(())
//! ```
//!
//! [`from_committed_json`]: crate::verify::from_committed_json
//! [`check_json_text`]: crate::json::limits::check_json_text

use chrono::NaiveDate;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::draw::DrawInput;
use crate::enforcement::{Calendar, CaseFacts, Menu, MenuEntry, ViolationRecord, decide};
use crate::intake::{self, ReadOptions};
use crate::model::{Catalog, CheckRecord, DivisionCode, ModelKind, Ratio, Roster, Uscc};
use crate::rules::{PlanRequest, eligibility};
use crate::teams::TeamRequest;
use crate::verify::{self, BeaconKind, BeaconSpec, Bytes32, DrawLog, EligibleLeaf, Event, Plan};
use crate::{Error, InputCode, Result};

/// How an operation reads one argument from its input object (the conventions in the
/// [module docs](self)). The wrapper types below implement it; `Option<W>` makes an
/// argument optional.
pub trait ReadArg: Sized {
    /// How the argument is given (for the operation table and the bindings' docs).
    const KIND: ArgKind;
    /// Whether the argument may be left out.
    const OPTIONAL: bool = false;
    /// Reads argument `field` of `input`.
    ///
    /// # Errors
    /// `json_shape` naming the field when it is missing or mistyped; the codes of the
    /// argument's reader otherwise.
    fn read(input: &Value, field: &str) -> Result<Self>;
    /// Whether `input` gives the argument at all (for optional arguments).
    fn present(input: &Value, field: &str) -> bool {
        !matches!(input.get(field), None | Some(Value::Null))
    }
}

impl<W: ReadArg> ReadArg for Option<W> {
    const KIND: ArgKind = W::KIND;
    const OPTIONAL: bool = true;
    fn read(input: &Value, field: &str) -> Result<Self> {
        if W::present(input, field) {
            W::read(input, field).map(Some)
        } else {
            Ok(None)
        }
    }
}

/// How an argument is given in the input object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ArgKind {
    /// A string.
    Text,
    /// A date `YYYY-MM-DD`.
    Date,
    /// 64 hex digits.
    Hex,
    /// A non-negative integer.
    Integer,
    /// A JSON document (or its text under `<name>_text`), read by [`crate::json::parse_arg`].
    Document,
    /// A committed JSON document (or its text under `<name>_text`): no floats,
    /// integers within 2^53 − 1, no duplicate keys.
    Committed,
    /// A file: `input_text` (UTF-8) or `input_base64`.
    File,
}

/// A string argument.
#[derive(Debug, Clone)]
pub struct Text(pub String);
/// A date argument (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy)]
pub struct Date(pub NaiveDate);
/// A 32-byte value given as 64 hex digits.
#[derive(Debug, Clone, Copy)]
pub struct Hex(pub Bytes32);
/// An integer argument that fits a `u32`.
#[derive(Debug, Clone, Copy)]
pub struct Int(pub u32);
/// A JSON document read by [`crate::json::parse_arg`] (limits, located errors).
#[derive(Debug, Clone)]
pub struct Doc<T>(pub T);
/// A committed JSON document (the strict committed reader).
#[derive(Debug, Clone)]
pub struct Committed<T>(pub T);
/// A catalog document (read by [`Catalog::from_json`], which also checks the items).
#[derive(Debug, Clone)]
pub struct CatalogDoc(pub Catalog);
/// A file's bytes with its read options.
#[derive(Debug, Clone)]
pub struct File(pub Vec<u8>);
/// Intake options (read by [`ReadOptions::from_json`]).
#[derive(Debug, Clone, Default)]
pub struct Options(pub ReadOptions);

impl ReadArg for Text {
    const KIND: ArgKind = ArgKind::Text;
    fn read(input: &Value, field: &str) -> Result<Self> {
        str_field(input, field).map(|s| Self(s.to_owned()))
    }
}

impl ReadArg for Date {
    const KIND: ArgKind = ArgKind::Date;
    fn read(input: &Value, field: &str) -> Result<Self> {
        date(input, field).map(Self)
    }
}

impl ReadArg for Hex {
    const KIND: ArgKind = ArgKind::Hex;
    fn read(input: &Value, field: &str) -> Result<Self> {
        Bytes32::from_hex(str_field(input, field)?)
            .map(Self)
            .map_err(|e| e.with_field(field))
    }
}

impl ReadArg for Int {
    const KIND: ArgKind = ArgKind::Integer;
    fn read(input: &Value, field: &str) -> Result<Self> {
        input
            .get(field)
            .and_then(Value::as_u64)
            .and_then(|a| u32::try_from(a).ok())
            .map(Self)
            .ok_or_else(|| missing(field))
    }
}

fn doc_present(input: &Value, field: &str) -> bool {
    input.get(field).is_some() || input.get(format!("{field}_text")).is_some()
}

impl<T: DeserializeOwned> ReadArg for Doc<T> {
    const KIND: ArgKind = ArgKind::Document;
    fn read(input: &Value, field: &str) -> Result<Self> {
        crate::json::parse_arg(&doc_text(input, field)?, field).map(Self)
    }
    fn present(input: &Value, field: &str) -> bool {
        doc_present(input, field)
    }
}

impl<T: DeserializeOwned> ReadArg for Committed<T> {
    const KIND: ArgKind = ArgKind::Committed;
    fn read(input: &Value, field: &str) -> Result<Self> {
        verify::from_committed_json(doc_text(input, field)?.as_bytes())
            .map(Self)
            .map_err(|e| e.within(field))
    }
    fn present(input: &Value, field: &str) -> bool {
        doc_present(input, field)
    }
}

impl ReadArg for CatalogDoc {
    const KIND: ArgKind = ArgKind::Document;
    fn read(input: &Value, field: &str) -> Result<Self> {
        Catalog::from_json(&doc_text(input, field)?)
            .map(Self)
            .map_err(|e| e.within(field))
    }
    fn present(input: &Value, field: &str) -> bool {
        doc_present(input, field)
    }
}

impl ReadArg for Options {
    const KIND: ArgKind = ArgKind::Document;
    fn read(input: &Value, field: &str) -> Result<Self> {
        ReadOptions::from_json(&doc_text(input, field)?)
            .map(Self)
            .map_err(|e| e.within(field))
    }
    fn present(input: &Value, field: &str) -> bool {
        doc_present(input, field)
    }
}

impl ReadArg for File {
    const KIND: ArgKind = ArgKind::File;
    fn read(input: &Value, _field: &str) -> Result<Self> {
        file(input).map(Self)
    }
    fn present(input: &Value, _field: &str) -> bool {
        input.get("input_text").is_some() || input.get("input_base64").is_some()
    }
}

/// One argument of an operation, as the table lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ArgSpec {
    /// The argument's name (snake_case; the input object's key).
    pub name: &'static str,
    /// How it is given.
    pub kind: ArgKind,
    /// Whether it may be left out.
    pub optional: bool,
}

/// One operation of the table: its stable name, its arguments in order, what it
/// returns, and the core function that runs it.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Operation {
    /// The stable snake_case name (Python uses it as is, JavaScript in camelCase).
    pub name: &'static str,
    /// The arguments, in the order they are read (so the first error of a document
    /// with several faults is the same everywhere).
    pub args: &'static [ArgSpec],
    /// What the operation returns.
    pub result: &'static str,
    /// Runs the operation on an input object.
    #[serde(skip)]
    pub run: fn(&Value) -> Result<Value>,
}

impl Operation {
    /// The JavaScript name: the same words in camelCase (`verify_log` → `verifyLog`).
    ///
    /// ```
    /// let op = shuangsuiji::ops::operation("calendar_status").unwrap();
    /// assert_eq!(op.js_name(), "calendarStatus");
    /// ```
    #[must_use]
    pub fn js_name(&self) -> String {
        camel_case(self.name)
    }
}

/// `snake_case` → `camelCase` (the naming rule of the JavaScript binding).
///
/// ```
/// assert_eq!(shuangsuiji::ops::camel_case("beacon_canonicalize"), "beaconCanonicalize");
/// ```
#[must_use]
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// The table entry of operation `name` (`validate:<kind>` for every kind).
///
/// ```
/// let op = shuangsuiji::ops::operation("eligibility").unwrap();
/// let args: Vec<_> = op.args.iter().map(|a| (a.name, a.optional)).collect();
/// assert_eq!(args, [("catalog", false), ("roster", false), ("history", true), ("request", false)]);
/// ```
#[must_use]
pub fn operation(name: &str) -> Option<&'static Operation> {
    let name = if name.starts_with("validate:") {
        "validate:<kind>"
    } else {
        name
    };
    OPERATION_TABLE.iter().find(|o| o.name == name)
}

/// Declares the operations: per operation an argument struct (field order = argument
/// order, `Option` = optional) and the core call; generates the structs, their readers,
/// [`OPERATION_TABLE`] and [`OPERATIONS`].
macro_rules! operations {
    ($(
        $(#[doc = $doc:literal])*
        $name:literal => $args:ident { $($field:ident : $ty:ty),* $(,)? } -> $result:literal
            = |$a:ident| $body:expr;
    )*) => {
        $(
            #[doc = concat!("The arguments of `", $name, "`, in the order they are read.")]
            $(#[doc = $doc])*
            #[derive(Debug)]
            #[allow(missing_docs)]
            pub struct $args { $(pub $field: $ty,)* }

            impl $args {
                /// Reads the arguments from an input object, in order.
                ///
                /// # Errors
                /// The first argument's error.
                pub fn read(input: &Value) -> Result<Self> {
                    Ok(Self { $($field: <$ty as ReadArg>::read(input, stringify!($field))?,)* })
                }
            }
        )*

        /// Every operation: name, arguments in order, result, and the core call. The
        /// dispatcher ([`run_operation`]), [`OPERATIONS`], the bindings' `operations()`
        /// and the surface tests all read this one table (which arguments are optional:
        /// the `Option` fields of each operation's argument struct).
        ///
        /// | operation | arguments, in order | result |
        /// |---|---|---|
        $( #[doc = concat!("| `", $name, "` | ", $("`", stringify!($field), "` ",)* "| ", $result, " |")] )*
        pub const OPERATION_TABLE: &[Operation] = &[$(
            Operation {
                name: $name,
                args: &[$(ArgSpec {
                    name: stringify!($field),
                    kind: <$ty as ReadArg>::KIND,
                    optional: <$ty as ReadArg>::OPTIONAL,
                }),*],
                result: $result,
                run: |input| {
                    let $a = $args::read(input)?;
                    $body
                },
            },
        )*];

        /// Every operation name [`run_operation`] accepts (`validate:<kind>` once per kind).
        pub const OPERATIONS: &[&str] = &[$($name),*];
    };
}

/// The text of a JSON document argument, as given (for `validate:<kind>`, which reads it
/// by the kind's own reader).
#[derive(Debug, Clone)]
pub struct DocText(pub String);

impl ReadArg for DocText {
    const KIND: ArgKind = ArgKind::Document;
    fn read(input: &Value, field: &str) -> Result<Self> {
        doc_text(input, field).map(Self)
    }
    fn present(input: &Value, field: &str) -> bool {
        doc_present(input, field)
    }
}

/// A bundled leniency-menu entry, named by its id.
#[derive(Debug, Clone)]
pub struct EntryId(pub MenuEntry);

impl ReadArg for EntryId {
    const KIND: ArgKind = ArgKind::Text;
    fn read(input: &Value, field: &str) -> Result<Self> {
        Menu::bundled_entry(str_field(input, field)?).map(Self)
    }
}

fn records(n: usize) -> Value {
    json!({ "records": n })
}

fn ok() -> Value {
    json!({"ok": true})
}

operations! {
    "parse_uscc" => ParseUsccArgs { text: Text } -> r#"`{"uscc", "division_code"}`"# = |a| {
        let u = Uscc::parse(&a.text.0)?;
        Ok(json!({"uscc": u.as_str(), "division_code": u.division_code()}))
    };
    "parse_division" => ParseDivisionArgs { text: Text } -> "the six-digit code"
        = |a| to_json(&DivisionCode::parse(&a.text.0)?);
    "parse_ratio" => ParseRatioArgs { text: Text } -> r#"`"p/q"`"#
        = |a| to_json(&Ratio::parse(&a.text.0)?);
    /// `<kind>` is a [`ModelKind`] name: `enterprise`, `roster`, `inspector`,
    /// `inspector_roster`, `authority`, `check_record`, `history`, `ratio`, `item`,
    /// `catalog`.
    "validate:<kind>" => ValidateArgs { json: DocText } -> "the canonical value"
        = |_a| Err(Error::new(InputCode::JsonShape, "name the kind: validate:<kind>")
            .with_field("operation"));
    "read_enterprises" => ReadEnterprisesArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(intake::read_enterprises(&a.input.0, &a.options.unwrap_or_default().0)?.len()));
    "read_inspectors" => ReadInspectorsArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(
            intake::read_inspectors(&a.input.0, &a.options.unwrap_or_default().0)?
                .inspectors()
                .len(),
        ));
    "read_history" => ReadHistoryArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(intake::read_history(&a.input.0, &a.options.unwrap_or_default().0)?.len()));
    "read_catalog" => ReadCatalogArgs { input: File, options: Option<Options> }
        -> r#"`{"items": n}`"#
        = |a| {
            let c = intake::read_catalog(&a.input.0, &a.options.unwrap_or_default().0)?;
            Ok(json!({ "items": c.items.len() }))
        };
    "eligibility" => EligibilityArgs {
        catalog: CatalogDoc,
        roster: Doc<Roster>,
        history: Option<Doc<Vec<CheckRecord>>>,
        request: Doc<PlanRequest>,
    } -> "the [`EligibilityReport`](crate::rules::EligibilityReport)" = |a| {
        let history = a.history.map(|h| h.0).unwrap_or_default();
        to_json(&eligibility(&a.request.0, &a.catalog.0, &a.roster.0, &history)?)
    };
    "draw" => DrawArgs { input: Doc<DrawInput> } -> "the [`DrawResult`](crate::draw::DrawResult)"
        = |a| to_json(&crate::draw::draw(a.input.0)?);
    "verify_plan" => VerifyPlanArgs { plan: Committed<Plan>, plan_hash: Hex } -> r#"`{"ok": true}`"#
        = |a| {
            verify::verify_plan(&a.plan.0, &a.plan_hash.0)?;
            Ok(ok())
        };
    "verify_log" => VerifyLogArgs {
        plan: Committed<Plan>,
        log: Committed<DrawLog>,
        expected_head: Option<Hex>,
    } -> "the [`LogSummary`](crate::verify::LogSummary)"
        = |a| to_json(&verify::verify_log(&a.plan.0, &a.log.0, a.expected_head.map(|h| h.0).as_ref())?);
    "beacon_canonicalize" => BeaconCanonicalizeArgs { kind: Doc<BeaconKind>, value: Text }
        -> "the canonical value text"
        = |a| to_json(&verify::canonicalize(a.kind.0, &a.value.0)?);
    /// The value must already be canonical.
    "beacon_validate" => BeaconValidateArgs { kind: Doc<BeaconKind>, value: Text }
        -> r#"`{"ok": true}`"#
        = |a| {
            verify::validate_value(a.kind.0, &a.value.0)?;
            Ok(ok())
        };
    "beacon_spec" => BeaconSpecArgs { spec: Doc<BeaconSpec> } -> r#"`{"ok": true}`"#
        = |a| {
            a.spec.0.validate()?;
            Ok(ok())
        };
    "commitment" => CommitmentArgs { party_id: Text, secret: Hex } -> "the commitment hex"
        = |a| Ok(Value::String(verify::commitment(&a.party_id.0, &a.secret.0)?.to_hex()));
    /// `entry` is a bundled menu entry id (or absent / null).
    "decide" => DecideArgs {
        entry: Option<EntryId>,
        facts: Doc<CaseFacts>,
        history: Option<Doc<Vec<ViolationRecord>>>,
        on: Date,
    } -> "the [`Decision`](crate::enforcement::Decision)" = |a| {
        let history = a.history.map(|h| h.0).unwrap_or_default();
        to_json(&decide(a.entry.as_ref().map(|e| &e.0), &a.facts.0, &history, a.on.0)?)
    };
    "calendar_status" => CalendarStatusArgs { date: Date }
        -> "the [`DayStatus`](crate::enforcement::DayStatus) of the bundled national calendar"
        = |a| to_json(&Calendar::national()?.status(a.date.0)?);
    "assign_teams" => AssignTeamsArgs { request: Doc<TeamRequest> }
        -> "the [`TeamAssignment`](crate::teams::TeamAssignment)"
        = |a| to_json(&crate::teams::assign(&a.request.0)?);
    "log_append" => LogAppendArgs { log: Committed<DrawLog>, event: Committed<Event> }
        -> "the log with the event appended" = |a| {
        let mut log = a.log.0;
        log.append(a.event.0)?;
        to_json(&log)
    };
    "publish_draw" => PublishDrawArgs {
        plan: Committed<Plan>,
        log: Committed<DrawLog>,
        attempt: Int,
        seed: Hex,
        eligible: Committed<Vec<EligibleLeaf>>,
        catalog: CatalogDoc,
    } -> r#"`{"result", "log"}`"# = |a| {
        let mut log = a.log.0;
        let result = crate::publish::publish_draw(
            &a.plan.0,
            &a.eligible.0,
            &a.catalog.0,
            &mut log,
            a.attempt.0,
            &a.seed.0,
        )?;
        Ok(json!({"result": to_json(&result)?, "log": to_json(&log)?}))
    };
}

/// Runs one operation by its stable name on a JSON input object ([`OPERATION_TABLE`])
/// and returns its result as JSON. The arguments are read in the table's order, so a
/// document with several faults reports the first argument's.
///
/// # Errors
/// `json_shape` (field `operation`) for an unknown operation name; `json_shape` with
/// the field's name for a missing or mistyped input field; `json_syntax` for an invalid
/// `*_text` document or bad base64; otherwise exactly the errors of the operation's
/// function (its codes are listed there).
pub fn run_operation(op: &str, input: &Value) -> Result<Value> {
    if let Some(kind) = op.strip_prefix("validate:") {
        let kind = ModelKind::from_label(kind).map_err(|e| e.with_field("operation"))?;
        let args = ValidateArgs::read(input)?;
        let canon = crate::model::validate_json(kind, &args.json.0)?;
        return serde_json::from_str(&canon).map_err(|e| Error::from_json(&e));
    }
    match OPERATION_TABLE.iter().find(|o| o.name == op) {
        Some(o) => (o.run)(input),
        None => Err(
            Error::new(InputCode::JsonShape, format!("unknown operation {op:?}"))
                .with_field("operation")
                .with_value(op),
        ),
    }
}

fn to_json<T: Serialize>(v: &T) -> Result<Value> {
    serde_json::to_value(v)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}

fn missing(field: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("the operation's input has no field {field:?} of the right type"),
    )
    .with_field(field)
}

fn str_field<'a>(input: &'a Value, field: &str) -> Result<&'a str> {
    input
        .get(field)
        .and_then(Value::as_str)
        .ok_or_else(|| missing(field))
}

fn date(input: &Value, field: &str) -> Result<NaiveDate> {
    let s = str_field(input, field)?;
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| {
        Error::new(InputCode::JsonShape, format!("not a date YYYY-MM-DD: {e}"))
            .with_field(field)
            .with_value(s)
    })
}

/// The JSON text of document `field`: `field_text` as given, or `field` written out.
fn opt_doc_text(input: &Value, field: &str) -> Result<Option<String>> {
    let text_key = format!("{field}_text");
    match (input.get(field), input.get(&text_key)) {
        (Some(_), Some(_)) => Err(Error::new(
            InputCode::JsonShape,
            format!("give {field:?} or {text_key:?}, not both"),
        )
        .with_field(field)),
        (Some(v), None) => serde_json::to_string(v)
            .map(Some)
            .map_err(|e| Error::from_json(&e).within(field)),
        (None, Some(Value::String(s))) => Ok(Some(s.clone())),
        (None, Some(_)) => Err(missing(&text_key)),
        (None, None) => Ok(None),
    }
}

fn doc_text(input: &Value, field: &str) -> Result<String> {
    opt_doc_text(input, field)?.ok_or_else(|| missing(field))
}

fn file(input: &Value) -> Result<Vec<u8>> {
    match (input.get("input_text"), input.get("input_base64")) {
        (Some(Value::String(t)), None) => Ok(t.as_bytes().to_vec()),
        (None, Some(Value::String(b))) => base64_decode(b),
        _ => Err(Error::new(
            InputCode::JsonShape,
            "give exactly one of input_text, input_base64 (strings)",
        )
        .with_field("input_text")),
    }
}

/// Decodes standard base64 (RFC 4648 alphabet, `=` padding required).
fn base64_decode(s: &str) -> Result<Vec<u8>> {
    let bad = || Error::new(InputCode::JsonSyntax, "invalid base64").with_field("input_base64");
    let bytes = s.as_bytes();
    if bytes.len() % 4 != 0 {
        return Err(bad());
    }
    let val = |c: u8| -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let chunks = bytes.len() / 4;
    for (i, chunk) in bytes.chunks_exact(4).enumerate() {
        let last = i + 1 == chunks;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return Err(bad());
        }
        let mut n: u32 = 0;
        for &c in &chunk[..4 - pad] {
            n = (n << 6) | val(c).ok_or_else(bad)?;
        }
        n <<= 6 * u32::try_from(pad).map_err(|_| bad())?;
        let [_, a, b, c] = n.to_be_bytes();
        out.extend_from_slice(&[a, b, c][..3 - pad]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_known_values() {
        assert_eq!(base64_decode("").unwrap(), b"");
        assert_eq!(base64_decode("Zg==").unwrap(), b"f");
        assert_eq!(base64_decode("Zm8=").unwrap(), b"fo");
        assert_eq!(base64_decode("Zm9v").unwrap(), b"foo");
        assert_eq!(base64_decode("UEsDBA==").unwrap(), b"PK\x03\x04");
        for bad in ["Zg=", "Z===", "Zg==Zg==", "Zm9*", "===="] {
            assert!(base64_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn unknown_operation_is_a_typed_error() {
        let e = run_operation("explode", &json!({})).unwrap_err();
        assert_eq!(e.code().as_str(), "json_shape");
        assert_eq!(e.details().field.as_deref(), Some("operation"));
    }

    #[test]
    fn the_table_drives_the_list_and_the_argument_order() {
        let names: Vec<&str> = OPERATION_TABLE.iter().map(|o| o.name).collect();
        assert_eq!(names, OPERATIONS);
        let args = |op: &str| -> Vec<(&str, bool)> {
            operation(op)
                .unwrap()
                .args
                .iter()
                .map(|a| (a.name, a.optional))
                .collect()
        };
        assert_eq!(
            args("decide"),
            [
                ("entry", true),
                ("facts", false),
                ("history", true),
                ("on", false)
            ]
        );
        assert_eq!(args("verify_log")[2], ("expected_head", true));
        assert_eq!(args("read_catalog"), [("input", false), ("options", true)]);
        assert!(operation("validate:roster").is_some());
        assert!(operation("explode").is_none());
    }

    #[test]
    fn the_first_argument_in_table_order_reports_first() {
        // Both the catalog and the roster are bad: the catalog (first argument) reports.
        let e = run_operation(
            "eligibility",
            &json!({"catalog_text": "{", "roster_text": "[", "request": {}}),
        )
        .unwrap_err();
        assert_eq!(e.details().field.as_deref(), Some("catalog"));
        let e = run_operation(
            "decide",
            &json!({"entry": "no-such-entry", "facts_text": "{", "on": "x"}),
        )
        .unwrap_err();
        assert_eq!(e.code().as_str(), "menu_entry_unknown");
        let e = run_operation("decide", &json!({"facts_text": "{", "on": "x"})).unwrap_err();
        assert_eq!(e.details().field.as_deref(), Some("facts"));
    }
}
