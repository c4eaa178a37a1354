//! The operations, one entry each: name / JavaScript name, the argument struct (field
//! order = argument order, `Option` = optional), the result and the core call.
//!
//! `bound` operations are offered by both bindings as functions generated from this
//! list; `unbound` ones are reached through `run_operation` only, because the bindings
//! offer something else under that name (each says what and why).

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{
    Arg, ArgSpec, CatalogDoc, Committed, Count, Date, Doc, DocText, DrawDoc, EntryRef, File, Hex,
    HexBytes, Int, Operation, Options, ReadArg, Text, Val, to_json, to_text,
};
use crate::draw::partial::{self, Candidates, StratumCount};
use crate::draw::{
    DrawInput, DrawResult, Seed, SubstitutionRequest, TaskId, Threshold, Ticket, ticket_key,
    uscc_index,
};
use crate::enforcement::credit_repair::{self, PenaltyRecord, RepairFacts, RepairPolicy};
use crate::enforcement::list_removal::{self, ListFacts, ListRecord};
use crate::enforcement::{
    Band, Calendar, CaseFacts, DeadlineKind, DecisionPolicy, DiscretionPreset, FineRange, Menu,
    Period, ViolationRecord, decide_with,
};
use crate::intake;
use crate::model::{
    Authority, CheckRecord, DivisionCode, InspectorRoster, ModelKind, Ratio, Roster, Uscc,
};
use crate::profile::{MeasureSet, ProfileEvent, ReferralCase, TagSet};
use crate::publish::{self, PlanMeta, Receipt, ResultDocument};
use crate::rules::{self, EligibilityReport, PlanRequest, eligibility};
use crate::service;
use crate::teams::{self, Staffing, TeamAssignment, TeamRequest};
use crate::verify::merkle::conflict_list_hash;
use crate::verify::{
    self, BeaconKind, BeaconSpec, BeaconValue, DrawLog, EligibleLeaf, Event, ExcludedLeaf,
    InclusionProof, InspectorLeaf, MerkleLeaf, MerkleTree, PartyCommitment, Plan, Reveal,
    TreeCommitment,
};
use crate::{Error, ErrorCode, InputCode, Result};
use crate::{disclosure, outcomes, profile, routes, workplan};

fn records(n: usize) -> Value {
    json!({ "records": n })
}

fn ok() -> Value {
    json!({"ok": true})
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A draw published with its log: `{"result", "log"}`.
fn published(result: &impl serde::Serialize, log: &DrawLog) -> Result<Value> {
    Ok(json!({"result": to_json(result)?, "log": to_json(log)?}))
}

fn leaf_kind_error(kind: &str) -> Error {
    Error::new(
        InputCode::JsonShape,
        format!("unknown leaf type {kind:?}: expected eligible, excluded or inspector"),
    )
    .with_field("kind")
    .with_value(kind)
}

operations! { $
bound {
    parse_division / parseDivision => ParseDivisionArgs { text: Text } -> "the six-digit code" : "string"
        = |a| DivisionCode::parse(&a.text.0);
    parse_ratio / parseRatio => ParseRatioArgs { text: Text } -> r#"`"p/q"`"# : "RatioText"
        = |a| Ratio::parse(&a.text.0);
    /// The bindings' positional order is `(request, catalog, roster, history)` (their
    /// order before the table); the arguments are read in the table's order.
    eligibility / eligibility [request, catalog, roster, history] => EligibilityArgs {
        catalog: CatalogDoc,
        roster: Doc<Roster>,
        history: Option<Doc<Vec<CheckRecord>>>,
        request: Doc<PlanRequest>,
    } -> "the [`EligibilityReport`](crate::rules::EligibilityReport)" : "EligibilityReport" = |a| {
        let history = a.history.map(|h| h.0).unwrap_or_default();
        eligibility(&a.request.0, &a.catalog.0, &a.roster.0, &history)
    };
    draw / draw => DrawArgs { input: Doc<DrawInput> } -> "the [`DrawResult`](crate::draw::DrawResult)" : "DrawResult"
        = |a| crate::draw::draw(a.input.0);
    verify_plan / verifyPlan => VerifyPlanArgs { plan: Committed<Plan>, plan_hash: Hex } -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| verify::verify_plan(&a.plan.0, &a.plan_hash.0).map(|()| ok());
    verify_log / verifyLog => VerifyLogArgs {
        plan: Committed<Plan>,
        log: Committed<DrawLog>,
        expected_head: Option<Hex>,
    } -> "the [`LogSummary`](crate::verify::LogSummary)" : "LogSummary"
        = |a| verify::verify_log(&a.plan.0, &a.log.0, a.expected_head.map(|h| h.0).as_ref());
    beacon_canonicalize / beaconCanonicalize => BeaconCanonicalizeArgs { kind: Val<BeaconKind>, value: Text }
        -> "the canonical value text" : "string"
        = |a| verify::canonicalize(a.kind.0, &a.value.0);
    /// The value must already be canonical.
    beacon_validate / beaconValidate => BeaconValidateArgs { kind: Val<BeaconKind>, value: Text }
        -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| verify::validate_value(a.kind.0, &a.value.0).map(|()| ok());
    beacon_spec / beaconSpec => BeaconSpecArgs { spec: Doc<BeaconSpec> } -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| a.spec.0.validate().map(|()| ok());
    commitment / commitment => CommitmentArgs { party_id: Text, secret: Hex } -> "the commitment hex" : "Hash64"
        = |a| Ok(verify::commitment(&a.party_id.0, &a.secret.0)?.to_hex());
    /// `entry` is a bundled menu entry's id or a menu entry (or absent / null);
    /// `policy` a `DecisionPolicy` (absent: the core's default).
    decide / decide => DecideArgs {
        entry: Option<EntryRef>,
        facts: Doc<CaseFacts>,
        history: Option<Doc<Vec<ViolationRecord>>>,
        on: Date,
        policy: Option<Doc<DecisionPolicy>>,
    } -> "the [`Decision`](crate::enforcement::Decision)" : "Decision" = |a| {
        let history = a.history.map(|h| h.0).unwrap_or_default();
        let policy = a.policy.map(|p| p.0).unwrap_or_default();
        decide_with(&policy, a.entry.as_ref().map(|e| &e.0), &a.facts.0, &history, a.on.0)
    };
    calendar_status / calendarStatus => CalendarStatusArgs { date: Date }
        -> "the [`DayStatus`](crate::enforcement::DayStatus) of the bundled national calendar" : "DayStatus"
        = |a| Calendar::national()?.status(a.date.0);
    assign_teams / assignTeams => AssignTeamsArgs { request: Doc<TeamRequest> }
        -> "the [`TeamAssignment`](crate::teams::TeamAssignment)" : "TeamAssignment"
        = |a| teams::assign(&a.request.0);
    log_append / logAppend => LogAppendArgs { log: Committed<DrawLog>, event: Committed<Event> }
        -> "the log with the event appended" : "DrawLogDocument" = |a| {
        let mut log = a.log.0;
        log.append(a.event.0)?;
        Ok(log)
    };
    /// The bindings' positional order is `(plan, eligible, catalog, log, attempt,
    /// seed)` (their order before the table); the arguments are read in the table's
    /// order.
    publish_draw / publishDraw [plan, eligible, catalog, log, attempt, seed] => PublishDrawArgs {
        plan: Committed<Plan>,
        log: Committed<DrawLog>,
        attempt: Int,
        seed: Seed,
        eligible: Committed<Vec<EligibleLeaf>>,
        catalog: CatalogDoc,
    } -> r#"`{"result", "log"}`"# : "PublishedDraw" = |a| {
        let mut log = a.log.0;
        let result = publish::publish_draw(
            &a.plan.0,
            &a.eligible.0,
            &a.catalog.0,
            &mut log,
            a.attempt.0,
            &a.seed.into(),
        )?;
        published(&result, &log)
    };
    /// The eligibility report as a table for people (Chinese headers; 可抽取 / 必查 /
    /// 重点检查 / 排除; reasons as codes and words); names from `roster` if given.
    eligibility_table / eligibilityTable => EligibilityTableArgs {
        report: Doc<EligibilityReport>,
        roster: Option<Doc<Roster>>,
    } -> "the table `{headers, rows}`" : "{ headers: string[]; rows: string[][] }"
        = |a| Ok(crate::export::eligibility_table(&a.report.0, a.roster.as_ref().map(|r| &r.0)));
    /// The publication folder of a drawn task, as `{path: text}`: plan, its hash, log,
    /// its head, result, eligible leaves, catalog and `receipts/<USCC>.json`
    /// ([`Publication`](crate::draw_record::Publication)).
    publication_files / publicationFiles => PublicationFilesArgs {
        plan: Committed<Plan>,
        eligible: Committed<Vec<EligibleLeaf>>,
        excluded: Committed<Vec<ExcludedLeaf>>,
        catalog: CatalogDoc,
        log: Committed<DrawLog>,
        result: Committed<ResultDocument>,
    } -> r#"`{path: text}` of every file"# : "Record<string, string>" = |a| {
        let p = publish::Publication::new(
            a.plan.0, a.eligible.0, &a.excluded.0, a.catalog.0, a.log.0, a.result.0,
        )?;
        let files = p
            .files()?
            .into_iter()
            .map(|(k, v)| Ok((k, String::from_utf8(v).map_err(|_| Error::internal("a file is not UTF-8"))?)))
            .collect::<Result<BTreeMap<String, String>>>()?;
        to_json(&files)
    };
    /// Checks a publication folder given as `{path: text}`: the draw recomputed against
    /// `plan.hash` and `log.head`, then every receipt.
    verify_publication / verifyPublication => VerifyPublicationArgs {
        files: Doc<BTreeMap<String, String>>,
    } -> "the [`PublicationCheck`](crate::draw_record::PublicationCheck)" : "Record<string, unknown>"
        = |a| {
        let files = a.files.0.into_iter().map(|(k, v)| (k, v.into_bytes())).collect();
        publish::Publication::verify(&files)
    };
    complete_uscc / completeUscc => CompleteUsccArgs { first17: Text }
        -> "the 18-character USCC" : "Uscc"
        = |a| Ok(Uscc::complete(&a.first17.0)?.as_str().to_owned());
    error_codes / errorCodes => ErrorCodesArgs {} -> r#"`[{"code", "family"}]`"# : "ErrorCodeInfo[]"
        = |a| Ok(ErrorCode::all()
            .into_iter()
            .map(|c| json!({"code": c.as_str(), "family": c.family().as_str()}))
            .collect::<Vec<_>>());
    load_catalog / loadCatalog => LoadCatalogArgs { catalog: CatalogDoc }
        -> r#"`{"catalog", "content_hash"}`"# : "CatalogLoaded" = |a| {
        let content_hash = a.catalog.0.content_hash()?;
        Ok(json!({"catalog": to_json(&a.catalog.0)?, "content_hash": content_hash}))
    };
    /// `kind` is a [`ModelKind`] name; `value` the value (a string is a JSON string).
    validate / validate => ValidateValueArgs { kind: Text, value: Val<Value> }
        -> "the canonical value" : "unknown" = |a| {
        let kind = ModelKind::from_label(&a.kind.0)?;
        let canon = crate::model::validate_json(kind, &to_text(&a.value.0)?)?;
        serde_json::from_str::<Value>(&canon).map_err(|e| Error::from_json(&e))
    };
    presets / presets => PresetsArgs {} -> "every bundled [`Preset`](crate::rules::Preset)" : "Record<string, unknown>[]"
        = |a| rules::presets();
    preset_names / presetNames => PresetNamesArgs {} -> "the bundled presets' names" : "string[]"
        = |a| Ok(rules::preset_names());
    preset / preset => PresetArgs { name: Text, date: Date }
        -> "the [`SamplingPolicy`](crate::rules::SamplingPolicy) in force on the date" : "Record<string, unknown>"
        = |a| rules::preset(&a.name.0, a.date.0);
    quota / quota => QuotaArgs {
        eligible: Count,
        ratio: Val<Ratio>,
        min: Option<Count>,
        max: Option<Count>,
    } -> "`clamp(ceil(eligible·ratio), min, max)`" : "number"
        = |a| rules::quota(a.eligible.0, a.ratio.0, a.min.map(|m| m.0), a.max.map(|m| m.0));
    /// Test hook of the golden vectors: the listed enterprises get the given tickets.
    /// Its result is not a v1 result; never use it for a real draw.
    draw_with_ticket_overrides / drawWithTicketOverrides => DrawWithTicketOverridesArgs {
        input: Doc<DrawInput>,
        overrides: Doc<BTreeMap<Uscc, Ticket>>,
    } -> "the [`DrawResult`](crate::draw::DrawResult)" : "DrawResult"
        = |a| Ok(crate::draw::Draw::with_ticket_overrides(a.input.0, &a.overrides.0)?.result());
    ticket / ticket => TicketArgs { seed: Seed, task_id: Text, uscc: Text }
        -> "the ticket (32 hex digits)" : "TicketHex" = |a| {
        let seed = a.seed;
        let task = TaskId::parse(&a.task_id.0).map_err(|e| e.within("task_id"))?;
        let uscc = Uscc::parse(&a.uscc.0).map_err(|e| e.within("uscc"))?;
        Ok(crate::draw::ticket(&seed, &task, &uscc).to_hex())
    };
    ticket_key / ticketKey => TicketKeyArgs { seed: Seed, task_id: Text }
        -> r#"the ticket key `H("ticket_key"; seed, task_id)` (hex)"# : "Hash64" = |a| {
        let seed = a.seed;
        let task = TaskId::parse(&a.task_id.0).map_err(|e| e.within("task_id"))?;
        Ok(hex(&ticket_key(&seed, &task)))
    };
    uscc_index / usccIndex => UsccIndexArgs { uscc: Text } -> "the 128-bit index (decimal text)" : "string"
        = |a| Ok(uscc_index(&Uscc::parse(&a.uscc.0)?).to_string());
    bernoulli_threshold / bernoulliThreshold => BernoulliThresholdArgs { ratio: Val<Ratio> }
        -> "`floor(2^128 · ratio)` (hex)" : "string"
        = |a| Ok(Threshold::of(a.ratio.0).to_hex());
    selection_columns / selectionColumns => SelectionColumnsArgs { result: Doc<DrawResult> }
        -> "the [`SelectionColumns`](crate::draw::SelectionColumns) view" : "SelectionColumns"
        = |a| Ok(a.result.0.selection_columns());
    /// `kind`: `eligible`, `excluded` or `inspector`.
    leaf_bytes / leafBytes => LeafBytesArgs { kind: Text, leaf: DocText } -> "the leaf's bytes (hex)" : "string"
        = |a| leaf_bytes(&a.kind.0, &a.leaf.0).map(|b| hex(&b));
    /// `kind`: `eligible`, `excluded` or `inspector`.
    merkle_leaf / merkleLeaf => MerkleLeafArgs { kind: Text, leaf: DocText }
        -> r#"`{"leaf_bytes", "leaf_hash"}` (hex)"# : "MerkleLeafBytes" = |a| {
        let bytes = leaf_bytes(&a.kind.0, &a.leaf.0)?;
        Ok(json!({"leaf_bytes": hex(&bytes), "leaf_hash": hex(&verify::merkle::leaf_hash(&bytes))}))
    };
    /// `SHA-256(0x00 ‖ leaf_bytes)`: the hash of a leaf given by its bytes (hex, or bytes
    /// from a binding).
    leaf_hash / leafHash => LeafHashArgs { leaf_bytes: HexBytes } -> "the leaf hash (hex)" : "Hash64"
        = |a| Ok(hex(&verify::merkle::leaf_hash(&a.leaf_bytes.0)));
    /// The Merkle tree of a list of leaves of one kind (`eligible`, `excluded` or
    /// `inspector`), in any order: its commitment and the inclusion proof of every leaf,
    /// in sorted leaf order.
    merkle_tree / merkleTree => MerkleTreeArgs { kind: Text, leaves: DocText }
        -> r#"`{"commitment": {root, size}, "proofs": [...]}`"# : "MerkleTreeSummary"
        = |a| merkle_tree_of(&a.kind.0, &a.leaves.0);
    /// Checks an inclusion proof of a leaf's bytes (hex, or bytes from a binding)
    /// against a committed `{root, size}`.
    verify_inclusion / verifyInclusion => VerifyInclusionArgs {
        leaf_bytes: HexBytes,
        proof: Doc<InclusionProof>,
        commitment: Doc<TreeCommitment>,
    } -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| verify::verify_inclusion(&a.leaf_bytes.0, &a.proof.0, &a.commitment.0).map(|()| ok());
    /// Runs a ceremony: checks the reveals against the parties' commitments and the
    /// beacon values against the plan's sources, then derives the seed.
    ceremony_seed / ceremonySeed => CeremonySeedArgs {
        plan_hash: Hex,
        attempt: Int,
        sources: Doc<Vec<BeaconSpec>>,
        parties: Doc<Vec<PartyCommitment>>,
        reveals: Doc<Vec<Reveal>>,
        beacons: Doc<Vec<BeaconValue>>,
    } -> "the seed (hex)" : "Hash64" = |a| {
        let ceremony = verify::Ceremony {
            plan_hash: a.plan_hash.0,
            attempt: a.attempt.0,
            sources: &a.sources.0,
            parties: &a.parties.0,
        };
        Ok(ceremony.seed(&a.reveals.0, &a.beacons.0)?.to_hex())
    };
    conflict_list_hash / conflictListHash => ConflictListHashArgs { conflicts: Doc<Vec<String>> }
        -> "the conflict list's hash (hex)" : "Hash64"
        = |a| conflict_list_hash(&a.conflicts.0).map(|h| hex(&h));
    derive_seed / deriveSeed => DeriveSeedArgs {
        plan_hash: Hex,
        attempt: Int,
        beacons: Doc<Vec<BeaconValue>>,
        secrets: Doc<Vec<Reveal>>,
    } -> "the seed (hex)" : "Hash64" = |a| {
        let b: Vec<(&str, &str)> =
            a.beacons.0.iter().map(|b| (b.source.as_str(), b.value.as_str())).collect();
        let s: Vec<(&str, _)> = a.secrets.0.iter().map(|r| (r.party.as_str(), r.secret)).collect();
        Ok(verify::derive_seed(&a.plan_hash.0, a.attempt.0, &b, &s)?.to_hex())
    };
    plan_canonical_json / planCanonicalJson => PlanCanonicalJsonArgs { plan: Committed<Plan> }
        -> "the plan's canonical JSON text" : "string"
        = |a| a.plan.0.canonical_json();
    plan_hash / planHash => PlanHashArgs { plan: Committed<Plan> } -> "the plan hash (hex)" : "Hash64"
        = |a| Ok(a.plan.0.plan_hash()?.to_hex());
    plan_from_eligibility / planFromEligibility => PlanFromEligibilityArgs {
        report: Doc<EligibilityReport>,
        catalog: CatalogDoc,
        inspectors: Doc<InspectorRoster>,
        meta: Doc<PlanMeta>,
    } -> "the [`Plan`](crate::verify::Plan)" : "PlanDocument"
        = |a| publish::plan_from_eligibility(&a.report.0, &a.catalog.0, &a.inspectors.0, &a.meta.0);
    eligible_leaves / eligibleLeaves => EligibleLeavesArgs { report: Doc<EligibilityReport> }
        -> "the eligible leaves" : "EligibleLeaf[]" = |a| Ok(publish::eligible_leaves(&a.report.0));
    excluded_leaves / excludedLeaves => ExcludedLeavesArgs { report: Doc<EligibilityReport> }
        -> "the exclusion leaves" : "ExcludedLeaf[]" = |a| Ok(publish::excluded_leaves(&a.report.0));
    new_log / newLog => NewLogArgs { plan_hash: Hex } -> "a log holding only `plan_published`" : "DrawLogDocument"
        = |a| DrawLog::new(a.plan_hash.0);
    publish_substitutions / publishSubstitutions => PublishSubstitutionsArgs {
        plan: Committed<Plan>,
        eligible: Committed<Vec<EligibleLeaf>>,
        catalog: CatalogDoc,
        log: Committed<DrawLog>,
        result: Committed<ResultDocument>,
        requests: Doc<Vec<SubstitutionRequest>>,
    } -> r#"`{"result", "log"}`"# : "PublishedDraw" = |a| {
        let mut log = a.log.0;
        let result = publish::publish_substitutions(
            &a.plan.0, &a.eligible.0, &a.catalog.0, &mut log, &a.result.0, &a.requests.0,
        )?;
        published(&result, &log)
    };
    receipts / receipts => ReceiptsArgs {
        plan: Committed<Plan>,
        eligible: Committed<Vec<EligibleLeaf>>,
        excluded: Committed<Vec<ExcludedLeaf>>,
        result: Committed<ResultDocument>,
    } -> "the receipts, sorted by USCC" : "Receipt[]"
        = |a| publish::receipts(&a.plan.0, &a.eligible.0, &a.excluded.0, &a.result.0);
    verify_receipt / verifyReceipt => VerifyReceiptArgs {
        receipt: Committed<Receipt>,
        plan: Committed<Plan>,
        result: Committed<ResultDocument>,
    } -> "the [`Verdict`](crate::publish::Verdict)" : "Verdict"
        = |a| publish::verify_receipt(&a.receipt.0, &a.plan.0, &a.result.0);
    verify_draw / verifyDraw => VerifyDrawArgs {
        plan: Committed<Plan>,
        plan_hash: Hex,
        catalog: CatalogDoc,
        log: Committed<DrawLog>,
        log_head: Hex,
        eligible: Committed<Vec<EligibleLeaf>>,
        result: Committed<ResultDocument>,
    } -> "the [`DrawSummary`](crate::publish::DrawSummary)" : "DrawSummary" = |a| publish::verify_draw(
        &a.plan.0, &a.plan_hash.0, &a.catalog.0, &a.log.0, &a.log_head.0, &a.eligible.0, &a.result.0,
    );
    deadline_kinds / deadlineKinds => DeadlineKindsArgs {} -> r#"`[{"kind", "provenance"}]`"# : "Record<string, unknown>[]"
        = |a| Ok(DeadlineKind::ALL
            .iter()
            .map(|k| json!({"kind": k, "provenance": k.provenance()}))
            .collect::<Vec<_>>());
    deadline / deadline => DeadlineArgs { kind: Text, start: Date }
        -> "the [`Deadline`](crate::enforcement::Deadline) on the national calendar" : "Deadline" = |a| {
        let kind = DeadlineKind::parse(&a.kind.0).map_err(|e| e.within("kind"))?;
        crate::enforcement::deadline(&Calendar::national()?, kind, a.start.0)
    };
    due_date / dueDate => DueDateArgs { start: Date, period: Doc<Period> }
        -> "the due date on the national calendar" : "DateText"
        = |a| crate::enforcement::due_date(&Calendar::national()?, a.start.0, a.period.0);
    parse_calendar_year / parseCalendarYear => ParseCalendarYearArgs { year: DocText }
        -> "the calendar year, checked" : "Record<string, unknown>" = |a| {
        let year = Calendar::parse_year(&a.year.0)?;
        Calendar::from_years([year.clone()])?;
        Ok(year)
    };
    bundled_menus / bundledMenus => BundledMenusArgs {} -> "the bundled leniency menus" : "Record<string, unknown>[]"
        = |a| Menu::bundled();
    bundled_menu_entry / bundledMenuEntry => BundledMenuEntryArgs { entry_id: Text }
        -> "the bundled menu entry" : "Record<string, unknown>" = |a| Menu::bundled_entry(&a.entry_id.0);
    parse_menu / parseMenu => ParseMenuArgs { menu: DocText } -> "the menu, checked" : "Record<string, unknown>"
        = |a| Menu::parse(&a.menu.0);
    discretion_band / discretionBand => DiscretionBandArgs {
        range: Doc<FineRange>,
        band: Val<Band>,
        preset: Option<Doc<DiscretionPreset>>,
    } -> "the [`BandRange`](crate::enforcement::BandRange)" : "BandRange" = |a| {
        let preset = a.preset.map(|p| p.0).unwrap_or_default();
        crate::enforcement::discretion_band(a.range.0, a.band.0, &preset)
    };
    default_discretion_preset / defaultDiscretionPreset => DefaultDiscretionPresetArgs {}
        -> "the default [`DiscretionPreset`](crate::enforcement::DiscretionPreset)" : "DiscretionPreset"
        = |a| Ok(DiscretionPreset::default());
    credit_repair_assess / creditRepairAssess => CreditRepairAssessArgs {
        record: Doc<PenaltyRecord>,
        facts: Doc<RepairFacts>,
        on: Date,
        policy: Option<Doc<RepairPolicy>>,
    } -> "the repair assessment" : "RepairAssessment" = |a| {
        let policy = a.policy.map(|p| p.0).unwrap_or_default();
        credit_repair::assess(&a.record.0, &a.facts.0, &policy, a.on.0)
    };
    list_removal_assess / listRemovalAssess => ListRemovalAssessArgs {
        record: Doc<ListRecord>,
        facts: Doc<ListFacts>,
        on: Date,
    } -> "the list-removal assessment" : "ListAssessment"
        = |a| list_removal::assess(&a.record.0, &a.facts.0, a.on.0);
    explain_teams / explainTeams => ExplainTeamsArgs {
        request: Doc<TeamRequest>,
        assignment: Doc<TeamAssignment>,
    } -> "per visit and department every candidate and its fate" : "TeamExplanation[]"
        = |a| teams::explain(&a.request.0, &a.assignment.0);
    /// `result`: the draw result, or the published result document that holds it.
    team_request / teamRequest => TeamRequestArgs {
        result: DrawDoc,
        roster: Doc<Roster>,
        inspectors: Doc<InspectorRoster>,
        history: Doc<Vec<CheckRecord>>,
        staffing: Doc<Staffing>,
    } -> "the [`TeamRequest`](crate::teams::TeamRequest) of the draw's visits" : "TeamRequest"
        = |a| teams::team_request(&a.result.0, &a.roster.0, &a.inspectors.0, &a.history.0, &a.staffing.0);
    /// Day routes on the map (coordinates or a platform's matrix): savings, then local
    /// search; deterministic (docs/routes.md).
    plan_routes / planRoutes => PlanRoutesArgs { request: Doc<routes::RouteRequest> }
        -> "the [`RoutePlan`](crate::routes::RoutePlan)" : "Record<string, unknown>"
        = |a| routes::plan_routes(&a.request.0);
    /// One joint team per day route (algorithm `v1-route`): the same people at every stop.
    assign_teams_by_route / assignTeamsByRoute => AssignTeamsByRouteArgs {
        request: Doc<TeamRequest>,
        routes: Doc<Vec<teams::Route>>,
        routes_per_day: Option<Int>,
    } -> "the [`TeamAssignment`](crate::teams::TeamAssignment)" : "TeamAssignment"
        = |a| teams::assign_by_route(&a.request.0, &a.routes.0, a.routes_per_day.map(|n| n.0));
    /// The work plan (具体工作方案) of a task on the bundled national calendar.
    work_plan / workPlan => WorkPlanArgs {
        request: Doc<workplan::WorkPlanRequest>,
        catalog: CatalogDoc,
        roster: Doc<Roster>,
        inspectors: Doc<InspectorRoster>,
        draw: DrawDoc,
        teams: Doc<TeamAssignment>,
        routes: Doc<Vec<teams::Route>>,
    } -> "the [`WorkPlan`](crate::workplan::WorkPlan)" : "Record<string, unknown>" = |a| {
        let inputs = workplan::WorkPlanInputs {
            catalog: &a.catalog.0,
            roster: &a.roster.0,
            inspectors: &a.inspectors.0,
            draw: &a.draw.0,
            teams: &a.teams.0,
            routes: &a.routes.0,
        };
        workplan::work_plan(&a.request.0, &inputs, &Calendar::national()?)
    };
    /// The standard result categories of 随机抽查 with their provenance.
    outcome_categories / outcomeCategories => OutcomeCategoriesArgs {}
        -> "the result categories" : "Record<string, unknown>[]"
        = |a| Ok(outcomes::categories());
    /// Every department's records of a task, checked against the draw, the teams and the
    /// window — all or nothing.
    record_outcomes / recordOutcomes => RecordOutcomesArgs { intake: Doc<outcomes::OutcomeIntake> }
        -> "the [`OutcomeSet`](crate::outcomes::OutcomeSet)" : "Record<string, unknown>"
        = |a| outcomes::record_outcomes(&a.intake.0);
    /// An outcome set as check history for the next eligibility run (a joint visit once).
    outcome_check_records / outcomeCheckRecords => OutcomeCheckRecordsArgs {
        outcomes: Doc<outcomes::OutcomeSet>,
        authorities: Doc<Vec<Authority>>,
    } -> "the check records" : "Record<string, unknown>[]"
        = |a| outcomes::check_records(&a.outcomes.0, &a.authorities.0);
    /// The 公示 list: one public record per enterprise, with deadlines and status as of a date.
    disclose / disclose => DiscloseArgs {
        draw: DrawDoc,
        outcomes: Doc<outcomes::OutcomeSet>,
        as_of: Date,
    } -> "the [`Disclosure`](crate::disclosure::Disclosure)" : "Record<string, unknown>"
        = |a| disclosure::disclose(&a.draw.0, &a.outcomes.0, a.as_of.0);
    /// What is missing, late or pending, per department, as of a date.
    disclosure_completeness / disclosureCompleteness => DisclosureCompletenessArgs {
        draw: DrawDoc,
        outcomes: Doc<outcomes::OutcomeSet>,
        as_of: Date,
    } -> "the [`Completeness`](crate::disclosure::Completeness)" : "Record<string, unknown>"
        = |a| disclosure::completeness(&a.draw.0, &a.outcomes.0, a.as_of.0);
    /// `H("outcomes"; canonical JSON)` of an outcome set.
    outcomes_hash / outcomesHash => OutcomesHashArgs { outcomes: Doc<outcomes::OutcomeSet> }
        -> "the outcome set's hash (hex)" : "Hash64"
        = |a| Ok(disclosure::outcomes_hash(&a.outcomes.0)?.to_hex());
    /// Commits an outcome set: appends the `outcomes` event to the draw log.
    publish_outcomes / publishOutcomes => PublishOutcomesArgs {
        log: Committed<DrawLog>,
        result: Committed<ResultDocument>,
        outcomes: Committed<outcomes::OutcomeSet>,
    } -> r#"`{"log", "outcomes_hash"}`"# : "Record<string, unknown>" = |a| {
        let mut log = a.log.0;
        let hash = disclosure::publish_outcomes(&mut log, &a.result.0, &a.outcomes.0)?;
        Ok(json!({"log": to_json(&log)?, "outcomes_hash": hash.to_hex()}))
    };
    /// Checks a published 公示 list against the committed outcome set and the log.
    verify_disclosure / verifyDisclosure => VerifyDisclosureArgs {
        log: Committed<DrawLog>,
        result: Committed<ResultDocument>,
        outcomes: Committed<outcomes::OutcomeSet>,
        disclosure: Committed<disclosure::Disclosure>,
    } -> "the [`Completeness`](crate::disclosure::Completeness)" : "Record<string, unknown>"
        = |a| disclosure::verify_disclosure(&a.log.0, &a.result.0, &a.outcomes.0, &a.disclosure.0);
    /// The 公示 list as CSV text (UTF-8 with BOM, Chinese headers, CRLF).
    disclosure_csv / disclosureCsv => DisclosureCsvArgs { disclosure: Doc<disclosure::Disclosure> }
        -> "the CSV text" : "string" = |a| {
        let bytes = disclosure::disclosure_csv(&a.disclosure.0)?;
        String::from_utf8(bytes).map_err(|e| Error::internal(format!("CSV is not UTF-8: {e}")))
    };
    /// The profiles (一企一档) as of a date with their tags; `tags` absent: the bundled
    /// food-producer set; `repair_policy` absent: the core's default.
    profile_enterprises / profileEnterprises => ProfileEnterprisesArgs {
        events: Doc<Vec<ProfileEvent>>,
        as_of: Date,
        tags: Option<Doc<TagSet>>,
        repair_policy: Option<Doc<RepairPolicy>>,
    } -> "the tagged profiles, by USCC" : "Record<string, unknown>[]" = |a| {
        let tags = tag_set(a.tags)?;
        let policy = a.repair_policy.map(|p| p.0).unwrap_or_default();
        Ok(profile::profile_and_tag(&a.events.0, a.as_of.0, &policy, &tags))
    };
    /// What of the profiles may be published (公示): list status, penalties still shown,
    /// publishable tags. Same arguments as `profile_enterprises`.
    public_profiles / publicProfiles => PublicProfilesArgs {
        events: Doc<Vec<ProfileEvent>>,
        as_of: Date,
        tags: Option<Doc<TagSet>>,
        repair_policy: Option<Doc<RepairPolicy>>,
    } -> "the public profiles, by USCC" : "Record<string, unknown>[]" = |a| {
        let tags = tag_set(a.tags)?;
        let policy = a.repair_policy.map(|p| p.0).unwrap_or_default();
        Ok(profile::public_profiles(&a.events.0, a.as_of.0, &policy, &tags))
    };
    /// A tag-rule set, checked when read (indicators, types, windows, size).
    check_tag_set / checkTagSet => CheckTagSetArgs { tags: Doc<TagSet> }
        -> "the checked [`TagSet`](crate::profile::TagSet)" : "Record<string, unknown>"
        = |a| Ok(a.tags.0);
    /// 守信激励 / 失信惩戒: per enterprise the measures that apply and why; `tags` and
    /// `measures` absent: the bundled food-producer sets.
    apply_measures / applyMeasures => ApplyMeasuresArgs {
        events: Doc<Vec<ProfileEvent>>,
        as_of: Date,
        tags: Option<Doc<TagSet>>,
        measures: Option<Doc<MeasureSet>>,
        repair_policy: Option<Doc<RepairPolicy>>,
    } -> "the measures per enterprise" : "Record<string, unknown>[]" = |a| {
        let tags = tag_set(a.tags)?;
        let measures = match a.measures {
            Some(m) => m.0,
            None => MeasureSet::food_producers(&tags)?,
        };
        let policy = a.repair_policy.map(|p| p.0).unwrap_or_default();
        profile::apply_measures(&a.events.0, a.as_of.0, &policy, &tags, &measures)
    };
    /// The referral of a suspected crime (移送) with its deadlines as of a date.
    referral / referral => ReferralArgs { case_record: Doc<ReferralCase>, on: Date }
        -> "the [`Referral`](crate::profile::Referral)" : "Record<string, unknown>"
        = |a| profile::referral(&a.case_record.0, a.on.0);
    // ---- pagepub (#19): the outcome set as a table ----
    /// The outcome set as CSV text (UTF-8 with BOM, Chinese headers, the results as their
    /// published terms, the follow-ups in words, CRLF).
    outcomes_csv / outcomesCsv => OutcomesCsvArgs { outcomes: Doc<outcomes::OutcomeSet> }
        -> "the CSV text" : "string" = |a| {
        let bytes = outcomes::outcomes_csv(&a.outcomes.0)?;
        String::from_utf8(bytes).map_err(|e| Error::internal(format!("CSV is not UTF-8: {e}")))
    };
    // spark (#24): the draw and its Merkle commitment computed in parts.
    /// One part's candidates (`draw::partial::candidates`): `input` holds the part's
    /// eligible lists; `totals` (absent: none) the whole roster's stratum counts, which
    /// let the part drop tickets far above what the draw can take.
    draw_candidates / drawCandidates => DrawCandidatesArgs {
        input: Doc<DrawInput>,
        totals: Option<Doc<Vec<StratumCount>>>,
    } -> "the part's [`Candidates`](crate::draw::partial::Candidates)" : "Record<string, unknown>"
        = |a| partial::candidates(&a.input.0, &a.totals.map(|t| t.0).unwrap_or_default());
    /// The parts' candidates merged into the draw's result, equal to `draw` on all rows.
    merge_candidates / mergeCandidates => MergeCandidatesArgs {
        input: Doc<DrawInput>,
        parts: Doc<Vec<Candidates>>,
    } -> "the [`DrawResult`]" : "DrawResult"
        = |a| partial::merge_candidates(a.input.0, &a.parts.0);
    /// A tree's commitment from the commitments of its aligned runs of `2^k` leaves.
    root_of_subtrees / rootOfSubtrees => RootOfSubtreesArgs { subtrees: Doc<Vec<TreeCommitment>> }
        -> "the whole tree's [`TreeCommitment`]" : "TreeCommitment"
        = |a| verify::merkle::root_of_subtrees(&a.subtrees.0);
    /// `publish_draw` with the eligible entries held in parts: each part's candidates of
    /// the plan's draw input instead of the entries.
    publish_draw_from_candidates / publishDrawFromCandidates => PublishDrawFromCandidatesArgs {
        plan: Committed<Plan>,
        parts: Doc<Vec<Candidates>>,
        catalog: CatalogDoc,
        log: Committed<DrawLog>,
        attempt: Int,
        seed: Seed,
    } -> r#"`{"result", "log"}`"# : "PublishedDraw" = |a| {
        let mut log = a.log.0;
        let result = publish::publish_draw_from_candidates(
            &a.plan.0, &a.parts.0, &a.catalog.0, &mut log, a.attempt.0, &a.seed.into(),
        )?;
        published(&result, &log)
    };
    /// The draw input a plan determines (`draw_record::draw_input_from_plan` without
    /// eligible entries): what each part's `draw_candidates` gets, with its own rows.
    plan_draw_input / planDrawInput => PlanDrawInputArgs {
        plan: Committed<Plan>,
        catalog: CatalogDoc,
        seed: Seed,
    } -> "the [`DrawInput`], eligible lists empty" : "Record<string, unknown>"
        = |a| publish::draw_input_from_plan(&a.plan.0, &[], &a.catalog.0, &a.seed.into(), a.plan.0.max_substitutions);
    // --- tags (#20 §4 and leftovers) ---
    /// The eligibility report with tag effects (一企一档 → 分级分类监管): the profiles are
    /// built from `events` as of the plan date and tagged (`tags.set` absent: the bundled
    /// food set); each tag's effect moves its carriers into the tag's stratum, out as
    /// spared (无事不扰) or into the item's `focus` (重点检查, outside the random pool).
    eligibility_with_tags / eligibilityWithTags => EligibilityWithTagsArgs {
        request: Doc<PlanRequest>,
        catalog: CatalogDoc,
        roster: Doc<Roster>,
        events: Doc<Vec<ProfileEvent>>,
        tags: Doc<rules::TagPlan>,
        history: Option<Doc<Vec<CheckRecord>>>,
    } -> "the [`EligibilityReport`](crate::rules::EligibilityReport) with `tags`" : "EligibilityReport" = |a| {
        let history = a.history.map(|h| h.0).unwrap_or_default();
        rules::eligibility_with_tags(&a.request.0, &a.catalog.0, &a.roster.0, &history, &a.events.0, &a.tags.0)
    };
    /// Recorded inspection outcomes as profile events: one `check_outcome` per visit.
    events_from_outcomes / eventsFromOutcomes => EventsFromOutcomesArgs { outcomes: Doc<outcomes::OutcomeSet> }
        -> "the events, by date and USCC" : "Record<string, unknown>[]"
        = |a| Ok(profile::events_from_outcomes(&a.outcomes.0));
    /// Every enterprise a tag moved (its stratum, 无事不扰 or 重点检查), from the report.
    tag_moves / tagMoves => TagMovesArgs { report: Doc<EligibilityReport> }
        -> "the moves, by USCC, item and tag" : "Record<string, unknown>[]"
        = |a| Ok(publish::tag_moves(&a.report.0));
    /// Checks the published tags (the report's `tags`) against the plan's `tags_hash`.
    verify_tags / verifyTags => VerifyTagsArgs { plan: Committed<Plan>, tags: Option<Doc<rules::TagsApplied>> }
        -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| publish::verify_tags(&a.plan.0, a.tags.as_ref().map(|t| &t.0)).map(|()| ok());
    /// The tagged profiles as one table (`headers`, `rows`): one row per enterprise, a
    /// column per indicator, the tags and why — what a DataFrame is built from. Same
    /// arguments as `profile_enterprises`.
    profile_table / profileTable => ProfileTableArgs {
        events: Doc<Vec<ProfileEvent>>,
        as_of: Date,
        tags: Option<Doc<TagSet>>,
        repair_policy: Option<Doc<RepairPolicy>>,
    } -> "the table `{headers, rows}`" : "{ headers: string[]; rows: unknown[][] }" = |a| {
        let tags = tag_set(a.tags)?;
        let policy = a.repair_policy.map(|p| p.0).unwrap_or_default();
        Ok(profile::profile_table(&profile::profile_and_tag(&a.events.0, a.as_of.0, &policy, &tags)))
    };
    /// Enterprise events (一企一档) from JSON, CSV (UTF-8/GBK, Chinese headers) or xlsx
    /// bytes, every bad row named: the events themselves, in file order.
    read_events / readEvents => ReadEventsArgs { input: File, options: Option<Options> }
        -> "the [`ProfileEvent`](crate::profile::ProfileEvent)s" : "Record<string, unknown>[]"
        = |a| intake::read_events(&a.input.0, &a.options.unwrap_or_default().0);
    // ---- service (#21 §1, §4): demands and follow-up visits
    /// Applies demand events to a book (absent: empty), whole or not at all, on the
    /// bundled national calendar.
    apply_demand_events / applyDemandEvents => ApplyDemandEventsArgs {
        events: Doc<Vec<service::DemandEvent>>,
        book: Option<Doc<service::DemandBook>>,
    } -> "the [`DemandBook`](crate::service::DemandBook)" : "Record<string, unknown>" = |a| {
        let mut book = a.book.map(|b| b.0).unwrap_or_default();
        book.apply(&a.events.0, &Calendar::national()?)?;
        Ok(book)
    };
    /// The demand register as of a date: demands, overdue, per-department on-time
    /// counts, the lead departments' review list (bundled national calendar).
    demand_register / demandRegister => DemandRegisterArgs {
        events: Doc<Vec<service::DemandEvent>>,
        as_of: Date,
    } -> "the [`DemandRegister`](crate::service::DemandRegister)" : "Record<string, unknown>"
        = |a| service::demand_register(&a.events.0, a.as_of.0, &Calendar::national()?);
    /// A demand register as `{headers, rows}` with Chinese headers (for data frames).
    demand_table / demandTable => DemandTableArgs { register: Doc<service::DemandRegister> }
        -> r#"`{"headers", "rows"}`"# : "Record<string, unknown>"
        = |a| Ok(service::demand_table(&a.register.0));
    /// The follow-up visits (事后回访) per department as of a date, with credit-repair
    /// guidance for penalties on the credit record (bundled national calendar).
    follow_ups / followUps => FollowUpsArgs {
        request: Doc<service::FollowUpRequest>,
        as_of: Date,
    } -> "the [`FollowUpList`](crate::service::FollowUpList)" : "Record<string, unknown>"
        = |a| service::follow_ups(&a.request.0, a.as_of.0, &Calendar::national()?);
    /// A follow-up list as `{headers, rows}` with Chinese headers (for data frames).
    follow_up_table / followUpTable => FollowUpTableArgs { follow_up_list: Doc<service::FollowUpList> }
        -> r#"`{"headers", "rows"}`"# : "Record<string, unknown>"
        = |a| Ok(service::follow_up_table(&a.follow_up_list.0));
    /// The lead department's 政策清单: the departments' lists merged by document number,
    /// conflicts reported.
    merge_policies / mergePolicies => MergePoliciesArgs { lists: Doc<Vec<service::PolicyList>> }
        -> "the [`MergedPolicies`](crate::service::MergedPolicies)" : "Record<string, unknown>"
        = |a| service::merge_policies(&a.lists.0);
    /// The bundled SYNTHETIC sample policy lists for food producers (made up, marked
    /// `synthetic`; for trying the shapes only).
    sample_policy_lists / samplePolicyLists => SamplePolicyListsArgs {}
        -> "the sample lists" : "Record<string, unknown>[]"
        = |a| service::PolicyList::food_producers_sample();
    /// The bundled law-education entries (普法教育菜单) for food producers.
    law_entries / lawEntries => LawEntriesArgs {}
        -> "the entries" : "Record<string, unknown>[]"
        = |a| service::LawEntry::food_producers();
    /// A law-education menu, checked (articles, unique ids, linked menu entries).
    check_law_entries / checkLawEntries => CheckLawEntriesArgs { entries: Doc<Vec<service::LawEntry>> }
        -> r#"`{"ok": true}`"# : "{ ok: true }"
        = |a| service::check_law_entries(&a.entries.0).map(|()| ok());
    /// Per enterprise of a task: the policies and law-education entries it gets, and why.
    match_services / matchServices => MatchServicesArgs { request: Doc<service::MatchRequest> }
        -> "the [`ServiceMatches`](crate::service::ServiceMatches)" : "Record<string, unknown>"
        = |a| service::match_services(&a.request.0);
    /// A demand register (企业诉求台账) from CSV, xlsx or JSON bytes with Chinese headers:
    /// the events, read and not yet applied.
    read_demand_events / readDemandEvents => ReadDemandEventsArgs { input: File, options: Option<Options> }
        -> "the demand events" : "Record<string, unknown>[]"
        = |a| intake::read_demand_events(&a.input.0, &a.options.unwrap_or_default().0);
    // ---- pyapi (#22): the seed ceremony step by step on the draw log
    /// Records a beacon value the plan named, typed as announced, in its canonical
    /// form; the log (absent: the plan's new log) checked whole with the event.
    ceremony_beacon / ceremonyBeacon => CeremonyBeaconArgs {
        plan: Committed<Plan>,
        source: Text,
        value: Text,
        log: Option<Committed<DrawLog>>,
    } -> "the log with the `beacon` event" : "DrawLogDocument"
        = |a| publish::ceremony_beacon(&a.plan.0, a.log.map(|l| l.0), &a.source.0, &a.value.0);
    /// Records a party's reveal, checked against its commitment as it is recorded; the
    /// log (absent: the plan's new log) checked whole with the event.
    ceremony_reveal / ceremonyReveal => CeremonyRevealArgs {
        plan: Committed<Plan>,
        party: Text,
        secret: Hex,
        log: Option<Committed<DrawLog>>,
    } -> "the log with the `reveal` event" : "DrawLogDocument"
        = |a| publish::ceremony_reveal(&a.plan.0, a.log.map(|l| l.0), &a.party.0, &a.secret.0);
    /// The seed of the log's current attempt (absent: the plan's new log), once every
    /// party revealed and every beacon is recorded.
    ceremony_log_seed / ceremonyLogSeed => CeremonyLogSeedArgs {
        plan: Committed<Plan>,
        log: Option<Committed<DrawLog>>,
    } -> "the seed (hex)" : "Hash64"
        = |a| Ok(publish::ceremony_log_seed(&a.plan.0, a.log.as_ref().map(|l| &l.0))?.to_hex());
    // ---- pyapi (#22): the visit list and the teams as tables for people
    /// The draw's visit list (a draw result or a published result) as a table with
    /// Chinese headers; names from `roster` and `catalog` if given.
    visit_table / visitTable => VisitTableArgs {
        result: DrawDoc,
        roster: Option<Doc<Roster>>,
        catalog: Option<CatalogDoc>,
    } -> "the table `{headers, rows}`" : "{ headers: string[]; rows: string[][] }"
        = |a| Ok(crate::export::visit_table(
            &a.result.0,
            a.roster.as_ref().map(|r| &r.0),
            a.catalog.as_ref().map(|c| &c.0),
        ));
    /// The teams as a table with Chinese headers, one row per member; names from
    /// `inspectors`, `roster` and `catalog` if given.
    team_table / teamTable => TeamTableArgs {
        assignment: Doc<TeamAssignment>,
        inspectors: Option<Doc<InspectorRoster>>,
        roster: Option<Doc<Roster>>,
        catalog: Option<CatalogDoc>,
    } -> "the table `{headers, rows}`" : "{ headers: string[]; rows: string[][] }"
        = |a| Ok(crate::export::team_table(
            &a.assignment.0,
            a.inspectors.as_ref().map(|r| &r.0),
            a.roster.as_ref().map(|r| &r.0),
            a.catalog.as_ref().map(|c| &c.0),
        ));
    // cli2 (#23): a department's outcome sheet read, the outcome set as a table
    /// A department's inspection outcomes (检查结果) from CSV (UTF-8/GBK), xlsx or JSON
    /// bytes with Chinese headers, one row per item checked: the records, not yet checked
    /// against a draw (`record_outcomes` does that).
    read_outcome_records / readOutcomeRecords => ReadOutcomeRecordsArgs { input: File, options: Option<Options> }
        -> "the [`OutcomeRecord`](crate::outcomes::OutcomeRecord)s" : "Record<string, unknown>[]"
        = |a| intake::read_outcome_records(&a.input.0, &a.options.unwrap_or_default().0);
    /// The outcome set as `{headers, rows}` with Chinese headers (the rows of
    /// `outcomes_csv`; for data frames and spreadsheets).
    outcomes_table / outcomesTable => OutcomesTableArgs { outcomes: Doc<outcomes::OutcomeSet> }
        -> r#"`{"headers", "rows"}`"# : "{ headers: string[]; rows: string[][] }"
        = |a| Ok(outcomes::outcomes_table(&a.outcomes.0));
    // Every problem of a roster file (#22: the same check in every binding, not Python's
    // alone): a list of errors, empty when the file reads.
    /// Every problem of an enterprise roster file (CSV, xlsx or JSON bytes), each located
    /// by row and column; an empty list when the file reads (after the first hundreds, one
    /// `too_many_problems` entry counts the rest under `details.omitted`).
    check_enterprises / checkEnterprises => CheckEnterprisesArgs { input: File, options: Option<Options> }
        -> "the problems, as errors (empty: none)" : "Record<string, unknown>[]"
        = |a| Ok(intake::check_enterprises(&a.input.0, &a.options.unwrap_or_default().0));
    /// Every problem of an inspector roster file, as `check_enterprises` does.
    check_inspectors / checkInspectors => CheckInspectorsArgs { input: File, options: Option<Options> }
        -> "the problems, as errors (empty: none)" : "Record<string, unknown>[]"
        = |a| Ok(intake::check_inspectors(&a.input.0, &a.options.unwrap_or_default().0));
    /// Every problem of a check-history file, as `check_enterprises` does.
    check_history / checkHistory => CheckHistoryArgs { input: File, options: Option<Options> }
        -> "the problems, as errors (empty: none)" : "Record<string, unknown>[]"
        = |a| Ok(intake::check_history(&a.input.0, &a.options.unwrap_or_default().0));
    // ---- msgs (#22): Chinese labels ----
    /// Chinese labels: every exclusion-reason code, every error code (its title) and, with
    /// a catalog, its departments and items (`{reasons, errors, departments, items}`, each
    /// a map from code to label).
    labels / labels => LabelsArgs { catalog: Option<CatalogDoc> }
        -> "the [`Labels`](crate::labels::Labels)" : "{ reasons: Record<string, string>; errors: Record<string, string>; departments: Record<string, string>; items: Record<string, string> }"
        = |a| crate::labels::labels(a.catalog.as_ref().map(|c| &c.0));
    // ---- page (#25): verify_draw in two halves, for two workers side by side ----
    /// The first half of `verify_draw`: the plan hash, the catalog hash, the eligible tree
    /// and every stratum's `N` and quota (`true` when they hold). With
    /// `verify_draw_recomputation` beside it, `verify_draw`'s verdict is this one's error
    /// if it has one, else the other's answer.
    verify_draw_roots / verifyDrawRoots => VerifyDrawRootsArgs {
        plan: Committed<Plan>,
        plan_hash: Hex,
        catalog: CatalogDoc,
        eligible: Committed<Vec<EligibleLeaf>>,
    } -> "`true` when the roots hold" : "boolean" = |a| {
        publish::verify_draw_roots(&a.plan.0, &a.plan_hash.0, &a.catalog.0, &a.eligible.0)?;
        Ok(true)
    };
    /// The second half of `verify_draw` (the log, the recomputed draw, the result hash,
    /// after the plan hash); see `verify_draw_roots`.
    verify_draw_recomputation / verifyDrawRecomputation => VerifyDrawRecomputationArgs {
        plan: Committed<Plan>,
        plan_hash: Hex,
        catalog: CatalogDoc,
        log: Committed<DrawLog>,
        log_head: Hex,
        eligible: Committed<Vec<EligibleLeaf>>,
        result: Committed<ResultDocument>,
    } -> "the [`DrawSummary`](crate::publish::DrawSummary)" : "DrawSummary" = |a| publish::PublishedDraw {
        plan: &a.plan.0,
        plan_hash: &a.plan_hash.0,
        catalog: &a.catalog.0,
        log: &a.log.0,
        log_head: &a.log_head.0,
        eligible: &a.eligible.0,
        result: &a.result.0,
    }
    .check_recomputation();
}
unbound {
    /// Unbound: the bindings' `parse_uscc` returns the canonical USCC string.
    "parse_uscc" / "parseUscc" => ParseUsccArgs { text: Text } -> r#"`{"uscc", "division_code"}`"#
        = |a| {
        let u = Uscc::parse(&a.text.0)?;
        Ok(json!({"uscc": u.as_str(), "division_code": u.division_code()}))
    };
    /// `<kind>` is a [`ModelKind`] name: `enterprise`, `roster`, `inspector`,
    /// `inspector_roster`, `authority`, `check_record`, `history`, `ratio`, `item`,
    /// `catalog`. Unbound: the bindings offer `validate(kind, value)`.
    "validate:<kind>" / "validate" => ValidateArgs { json: DocText } -> "the canonical value"
        = |_a| Err::<Value, _>(Error::new(InputCode::JsonShape, "name the kind: validate:<kind>")
            .with_field("operation"));
    /// Unbound: the bindings' `read_enterprises` returns the roster itself.
    "read_enterprises" / "readEnterprises" => ReadEnterprisesArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(intake::read_enterprises(&a.input.0, &a.options.unwrap_or_default().0)?.len()));
    /// Unbound: the bindings' `read_inspectors` returns the inspectors themselves.
    "read_inspectors" / "readInspectors" => ReadInspectorsArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(
            intake::read_inspectors(&a.input.0, &a.options.unwrap_or_default().0)?
                .inspectors()
                .len(),
        ));
    /// Unbound: the bindings' `read_history` returns the records themselves.
    "read_history" / "readHistory" => ReadHistoryArgs { input: File, options: Option<Options> }
        -> r#"`{"records": n}`"#
        = |a| Ok(records(intake::read_history(&a.input.0, &a.options.unwrap_or_default().0)?.len()));
    /// Unbound: the bindings' `read_catalog` returns the catalog itself.
    "read_catalog" / "readCatalog" => ReadCatalogArgs { input: File, options: Option<Options> }
        -> r#"`{"items": n}`"#
        = |a| {
            let c = intake::read_catalog(&a.input.0, &a.options.unwrap_or_default().0)?;
            Ok(json!({ "items": c.items.len() }))
        };
}
}

/// The tag set given, or the bundled food-producer set.
fn tag_set(tags: Option<Doc<TagSet>>) -> Result<TagSet> {
    tags.map_or_else(TagSet::food_producers, |t| Ok(t.0))
}

/// The tree of leaves of `kind` given as JSON text: commitment and every proof.
fn merkle_tree_of(kind: &str, leaves: &str) -> Result<Value> {
    fn tree<L: MerkleLeaf + serde::de::DeserializeOwned>(leaves: &str) -> Result<Value> {
        let leaves: Vec<L> = crate::json::parse_arg(leaves, "leaves")?;
        let tree = MerkleTree::from_leaves(&leaves)?;
        let proofs = (0..tree.len())
            .map(|i| tree.proof(i))
            .collect::<Result<Vec<InclusionProof>>>()?;
        Ok(json!({"commitment": to_json(&tree.commitment())?, "proofs": to_json(&proofs)?}))
    }
    match kind {
        "eligible" => tree::<EligibleLeaf>(leaves),
        "excluded" => tree::<ExcludedLeaf>(leaves),
        "inspector" => tree::<InspectorLeaf>(leaves),
        other => Err(leaf_kind_error(other)),
    }
}

/// The bytes of one Merkle leaf of `kind` given as JSON text.
fn leaf_bytes(kind: &str, leaf: &str) -> Result<Vec<u8>> {
    match kind {
        "eligible" => crate::json::parse_arg::<EligibleLeaf>(leaf, "leaf")?.encode(),
        "excluded" => crate::json::parse_arg::<ExcludedLeaf>(leaf, "leaf")?.encode(),
        "inspector" => crate::json::parse_arg::<InspectorLeaf>(leaf, "leaf")?.encode(),
        other => Err(leaf_kind_error(other)),
    }
}
