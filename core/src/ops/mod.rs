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
//! call. The dispatcher below, [`OPERATIONS`], the bindings' `operations()` lists and
//! the bindings' functions all come from it: each binding expands
//! [`for_each_operation!`](crate::for_each_operation) into wrappers that hand their
//! positional values over as [`Arg`]s to the operation's `call`, read by the same
//! per-argument readers ([`ReadArg`]) as the input object here. A new operation is one
//! entry in `ops/table.rs`.
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

use serde::Serialize;
use serde_json::Value;

use crate::model::ModelKind;
use crate::{Error, InputCode, Result};

mod args;

pub use args::{
    Arg, ArgKind, CatalogDoc, Committed, Count, Date, Doc, DocText, DrawDoc, EntryRef, File, Hex,
    HexBytes, Int, Options, ReadArg, Text, Val, type_error,
};
pub use table::*;

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
    /// The stable snake_case name (Python uses it as is).
    pub name: &'static str,
    /// The JavaScript name: the same words in camelCase (checked by a test).
    pub js_name: &'static str,
    /// The arguments, in the order they are read (so the first error of a document
    /// with several faults is the same everywhere).
    pub args: &'static [ArgSpec],
    /// The order of the bindings' positional parameters: the names of [`Self::args`],
    /// in the same order except where an operation's functions had another order
    /// before the table (kept for their callers; the arguments are still read in
    /// [`Self::args`] order).
    pub params: &'static [&'static str],
    /// What the operation returns.
    pub result: &'static str,
    /// Whether the bindings offer it as a function generated from this table
    /// ([`for_each_operation!`](crate::for_each_operation)); the others are reached
    /// through `run_operation` only, each with its reason in its docs.
    pub bound: bool,
    /// Runs the operation on an input object.
    #[serde(skip)]
    pub run: fn(&Value) -> Result<Value>,
    /// Runs the operation on a binding's positional values; returns the result as
    /// JSON text.
    #[serde(skip)]
    pub call: fn(Vec<Arg<'_>>) -> Result<String>,
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
        self.js_name.to_owned()
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

/// The arguments struct and the table row of one operation (used by [`operations!`]).
macro_rules! operation_args {
    (
        $label:expr, [$($doc:literal)*], $args:ident { $($field:ident : $ty:ty),* },
        |$a:ident| $body:expr
    ) => {
        #[doc = concat!("The arguments of `", $label, "`, in the order they are read.")]
        $(#[doc = $doc])*
        #[derive(Debug)]
        #[allow(missing_docs)]
        pub struct $args { $(pub $field: $ty,)* }

        impl $args {
            /// The operation's name.
            pub const NAME: &'static str = $label;

            /// Reads the arguments from an input object, in order.
            ///
            /// # Errors
            /// The first argument's error (`json_shape` naming a missing or mistyped
            /// field).
            pub fn read(input: &Value) -> Result<Self> {
                let _ = input;
                Ok(Self { $($field: <$ty as ReadArg>::read(input, stringify!($field))?,)* })
            }

            /// Reads the arguments from a binding's positional values, in order (values
            /// left out at the end are absent).
            ///
            /// # Errors
            /// The first argument's error (`argument_type` naming a value of the wrong
            /// type).
            #[allow(unused_mut, unused_variables)]
            pub fn from_args(args: Vec<Arg<'_>>) -> Result<Self> {
                let mut args = args.into_iter();
                Ok(Self { $($field: <$ty as ReadArg>::from_arg(
                    args.next().unwrap_or(Arg::Absent),
                    stringify!($field),
                )?,)* })
            }

            /// Runs the core call.
            ///
            /// # Errors
            /// The core function's errors.
            #[allow(unused_variables)]
            pub fn run(self) -> Result<impl serde::Serialize> {
                let $a = self;
                $body
            }

            /// What a binding's generated wrapper calls: reads the values, runs the core
            /// call and writes the result as JSON text.
            ///
            /// # Errors
            /// As [`Self::from_args`] and [`Self::run`].
            pub fn call(args: Vec<Arg<'_>>) -> Result<String> {
                to_text(&Self::from_args(args)?.run()?)
            }
        }
    };
}

/// The table row of one operation (used by [`operations!`]); a second list of
/// parameters overrides the first (the bindings' call order).
macro_rules! operation_row {
    ($label:expr, $js:expr, $bound:expr, [$($field:ident),*] [$($param:ident),*], $($rest:tt)*) => {
        operation_row!($label, $js, $bound, [$($param),*], $($rest)*)
    };
    ($label:expr, $js:expr, $bound:expr, [$($param:ident),*], $args:ident { $($field:ident : $ty:ty),* }, $result:literal) => {
        Operation {
            name: $label,
            js_name: $js,
            args: &[$(ArgSpec {
                name: stringify!($field),
                kind: <$ty as ReadArg>::KIND,
                optional: <$ty as ReadArg>::OPTIONAL,
            }),*],
            params: &[$(stringify!($param)),*],
            result: $result,
            bound: $bound,
            run: |input| to_json(&$args::read(input)?.run()?),
            call: $args::call,
        }
    };
}

/// Declares the operations: per operation an argument struct (field order = argument
/// order, `Option` = optional) and the core call; generates the structs, their readers,
/// [`OPERATION_TABLE`], [`OPERATIONS`] and the bindings' callback macro
/// [`for_each_operation!`](crate::for_each_operation) (over the `bound` operations).
/// The first token is a `$`, handed through so that the generated macro can have
/// variables of its own.
macro_rules! operations {
    (
        $d:tt
        bound {$(
            $(#[doc = $doc:literal])*
            $name:ident / $js:ident $([$($param:ident),*])?
                => $args:ident { $($field:ident : $ty:ty),* $(,)? }
                -> $result:literal : $ts:literal = |$a:ident| $body:expr;
        )*}
        unbound {$(
            $(#[doc = $udoc:literal])*
            $uname:literal / $ujs:literal => $uargs:ident { $($ufield:ident : $uty:ty),* $(,)? }
                -> $uresult:literal = |$ua:ident| $ubody:expr;
        )*}
    ) => {
        $( operation_args!(stringify!($name), [$($doc)*], $args { $($field : $ty),* }, |$a| $body); )*
        $( operation_args!($uname, [$($udoc)*], $uargs { $($ufield : $uty),* }, |$ua| $ubody); )*

        /// Every operation: name, arguments in order, result, and the core call. The
        /// dispatcher ([`run_operation`](crate::ops::run_operation)), [`OPERATIONS`](crate::ops::OPERATIONS), the bindings' `operations()`,
        /// their generated wrappers ([`for_each_operation!`](crate::for_each_operation))
        /// and the surface tests all read this one table (which arguments are optional:
        /// the `Option` fields of each operation's argument struct).
        ///
        /// | operation | JS | arguments, in order | result |
        /// |---|---|---|---|
        $( #[doc = concat!("| `", stringify!($name), "` | `", stringify!($js), "` | ", $("`", stringify!($field), "` ",)* "| ", $result, " |")] )*
        $( #[doc = concat!("| `", $uname, "` | — | ", $("`", stringify!($ufield), "` ",)* "| ", $uresult, " |")] )*
        pub const OPERATION_TABLE: &[Operation] = &[
            $( operation_row!(
                stringify!($name), stringify!($js), true,
                [$($field),*] $([$($param),*])?,
                $args { $($field : $ty),* }, $result
            ), )*
            $( operation_row!($uname, $ujs, false, [$($ufield),*], $uargs { $($ufield : $uty),* }, $uresult), )*
        ];

        /// Every operation name [`run_operation`](crate::ops::run_operation) accepts (`validate:<kind>` once per kind).
        pub const OPERATIONS: &[&str] = &[$(stringify!($name),)* $($uname,)*];

        /// Calls macro `callback` with every operation the bindings offer as a function
        /// (the `bound` rows of [`OPERATION_TABLE`](crate::ops::OPERATION_TABLE)), one
        /// `name / jsName : "TsResult" (ArgsType) [arg, …] (param, …);` per operation: the
        /// TypeScript type of the result, the arguments in the order they are read and,
        /// where it differs, the order of the positional parameters
        /// ([`Operation::params`](crate::ops::Operation::params)). Each
        /// binding expands it into its wrappers, which convert their values to
        /// [`Arg`](crate::ops::Arg)s, call `ArgsType::call` and convert the result or
        /// the error — so the names, the argument order and the reading cannot drift.
        ///
        /// ```
        /// macro_rules! names {
        ///     ($($name:ident / $js:ident : $ts:literal ($args:ty) [$($arg:ident),*] $(($($p:ident),*))?;)*) => {
        ///         &[$((stringify!($name), stringify!($js))),*]
        ///     };
        /// }
        /// let all: &[(&str, &str)] = shuangsuiji::for_each_operation!(names);
        /// assert!(all.contains(&("verify_log", "verifyLog")));
        /// ```
        #[macro_export]
        macro_rules! for_each_operation {
            ($d callback:ident) => {
                $d callback! { $(
                    $name / $js : $ts (::shuangsuiji::ops::$args) [$($field),*] $(($($param),*))?;
                )* }
            };
        }
    };
}
mod table;

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

fn to_text<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v)
        .map_err(|e| Error::new(InputCode::JsonShape, format!("cannot serialise: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
                ("on", false),
                ("policy", true)
            ]
        );
        assert_eq!(args("verify_log")[2], ("expected_head", true));
        assert_eq!(args("read_catalog"), [("input", false), ("options", true)]);
        assert!(operation("validate:roster").is_some());
        assert!(operation("explode").is_none());
    }

    #[test]
    fn js_names_are_the_same_words_in_camel_case() {
        for op in OPERATION_TABLE.iter().filter(|o| o.bound) {
            assert_eq!(op.js_name, camel_case(op.name), "{}", op.name);
        }
    }

    #[test]
    fn a_binding_call_reads_like_run_operation() {
        // The same first error through both front ends, and the same answer.
        let e = (operation("eligibility").unwrap().call)(vec![
            Arg::Str("{".into()),
            Arg::Str("[".into()),
        ])
        .unwrap_err();
        assert_eq!(
            (e.code().as_str(), e.details().field.as_deref()),
            ("json_syntax", Some("catalog"))
        );
        let text = (operation("parse_ratio").unwrap().call)(vec![Arg::Str("3%".into())]).unwrap();
        let value = run_operation("parse_ratio", &json!({"text": "3%"})).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
        let e = (operation("quota").unwrap().call)(vec![Arg::Int(5), Arg::Absent]).unwrap_err();
        assert_eq!(e.code().as_str(), "argument_type");
        assert_eq!(e.details().field.as_deref(), Some("ratio"));
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
