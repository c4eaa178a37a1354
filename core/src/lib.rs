//! # shuangsuiji (双随机)
//!
//! The rules of China's cross-department joint spot checks of enterprises —
//! "双随机、一公开" (random targets, random inspectors, public results) as run in the
//! "综合监管一件事" pilots on food producers — as a pure Rust library.
//!
//! * [`model`]: the domain model — enterprises (validated 统一社会信用代码), authorities,
//!   inspectors, supervision items, catalogs, check history — with one JSON shape.
//! * [`draw`]: the reproducible, verifiable draw (tickets, strata, joint visits).
//! * [`intake`]: reading JSON, CSV (UTF-8 / GBK, Chinese or English headers) and xlsx.
//! * [`teams`]: joint inspection teams — random, constrained, complete and explainable.
//! * [`publish`]: plan from eligibility, result document, per-enterprise receipts and
//!   whole-draw verification that names the first mismatch.
//! * [`ops`]: every operation by a stable name, JSON in and JSON out — the one entry
//!   point the bindings and the bad-input catalogue (`tests/vectors/errors/`) share.
//! * [`Error`]: one error type with stable snake_case codes, identical in every binding.
//!
//! The crate never reads the clock or the operating system's randomness: dates and
//! seeds are parameters. It has no `unsafe` code and makes no decision with floating
//! point numbers: ratios are integer rationals ([`model::Ratio`]).
//!
//! ```
//! use shuangsuiji::model::{Uscc, Ratio};
//!
//! let uscc = Uscc::parse("91350100M000100Y43")?;
//! assert_eq!(uscc.division_code(), "350100");
//! let ratio: Ratio = "3/100".parse()?;
//! assert_eq!(ratio.ceil_of(2_000), 60);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

#![forbid(unsafe_code)]

pub mod canonical;
pub mod draw;
pub mod enforcement;
mod error;
pub mod intake;
pub mod model;
pub mod ops;
mod parallel;
pub mod publish;
pub mod routes;
pub mod rules;
pub mod teams;
pub mod verify;

pub use error::{
    Details, DrawCode, EnforcementCode, Error, ErrorCode, ErrorFamily, InputCode, LimitCode,
    ModelCode, Result, RulesCode, TeamCode, VerifyCode,
};

/// The README's Rust code blocks, compiled and run as doctests.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
