//! The core's integration tests, in one binary (issue #26 §4): one module per former
//! `core/tests/*.rs` file, so that the crate and its dependencies are linked once instead
//! of 33 times. Run one part with a name filter, e.g.
//! `cargo test -p shuangsuiji --test all draw_vectors::`.
//!
//! Feature-specific modules gate themselves with an inner `#![cfg(...)]`
//! (`intake_xlsx` needs the default `xlsx` feature, `intake_no_xlsx` runs only without
//! it). Property tests keep their `*.proptest-regressions` files next to their module
//! (proptest looks for them beside the source file). Shared fixtures are the
//! `publish_fixture` and `verify_fixture` modules.

mod committed_fast;
mod draw_adjustments;
mod draw_partial;
mod draw_properties;
mod draw_stability;
mod draw_vectors;
mod enforcement_calendar;
mod enforcement_credit_repair;
mod enforcement_deadlines;
mod enforcement_discretion;
mod enforcement_leniency;
mod errors_catalogue;
mod intake;
mod intake_columns;
mod intake_duplicates;
mod intake_no_xlsx;
mod intake_vectors;
mod intake_xlsx;
mod op_vectors;
mod outcome_sheets;
mod outcomes;
mod profile;
mod publish_fixture;
mod publish_refusals;
mod publish_revision;
mod publish_tamper;
mod publish_vectors;
mod receipt_parts;
mod routes_props;
mod routes_sample;
mod rules_props;
mod rules_provenance;
mod rules_report_draw;
mod rules_vectors;
mod sample_county;
mod service_demands;
mod service_follow_ups;
mod service_matching;
mod tags_effects;
mod teams_by_route;
mod teams_explain;
mod teams_props;
mod teams_vectors;
mod verify_fixture;
mod verify_reading;
mod verify_tamper;
mod verify_timing;
mod verify_vectors;
