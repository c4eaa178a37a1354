//! Substitutions after the draw, published as result revisions, and re-draws, end to
//! end: the log, `verify_draw`, receipts, and what is refused.

use crate::publish_fixture;

use crate::publish_fixture::{Fixture, revised};
use shuangsuiji::draw::{SubstitutionReason, SubstitutionRequest};
use shuangsuiji::publish;
use shuangsuiji::verify::{DrawLog, Event};

fn code_field(e: &shuangsuiji::Error) -> (String, String) {
    (
        e.code().as_str().to_owned(),
        e.details().field.clone().unwrap_or_default(),
    )
}

/// Rebuilds the chain of a log whose events were edited (a forger can always do this;
/// the published head then differs, so the tests also move the head).
fn rechain(log: &DrawLog) -> DrawLog {
    let Event::PlanPublished { plan_hash } = log.entries[0].event else {
        panic!("log starts with plan_published")
    };
    let mut out = DrawLog::new(plan_hash).unwrap();
    for e in log.entries.iter().skip(1) {
        out.append(e.event.clone()).unwrap();
    }
    out
}

fn verify_with(f: &Fixture, log: &DrawLog) -> shuangsuiji::Result<publish::DrawSummary> {
    publish::verify_draw(
        &f.plan,
        &f.plan_hash,
        &f.catalog,
        log,
        &log.head().unwrap(),
        &f.eligible,
        &f.result,
    )
}

#[test]
fn redraw_and_revisions_verify() {
    let r = revised(24);
    let f = &r.current;
    let summary = f.verify().unwrap();
    assert_eq!(summary.attempt, 1);
    assert_eq!(f.result.revision, 2);
    // The summary tells the revision and the item selections replaced: one in
    // revision 1, a whole visit of three items in revision 2.
    assert_eq!((summary.revision, summary.substitutions), (2, 4));
    assert_eq!(summary.result_hash, f.result.result_hash().unwrap());
    // Attempt 0 stays in the log; its result is no longer current.
    let log = shuangsuiji::verify::verify_log(&f.plan, &f.log, Some(&f.head)).unwrap();
    assert_eq!(log.attempts.len(), 2);
    assert_eq!(log.attempts[1].revision, 2);
    assert!(log.attempts[1].redraw_reason.is_some());
    for (k, stale) in r.results.iter().take(3).enumerate() {
        let mut g = f.clone();
        g.result = stale.clone();
        let e = g.verify().unwrap_err();
        let want = if k == 0 { "attempt" } else { "revision" };
        assert_eq!(code_field(&e), ("result_mismatch".into(), want.into()));
    }
}

#[test]
fn receipts_tell_replaced_and_substitutes() {
    let r = revised(24);
    let f = &r.current;
    for sub in &f.result.draw.substitutions {
        for (uscc, selected, replaced) in
            [(sub.replaced, false, true), (sub.substitute, true, false)]
        {
            let receipt = f.receipts.iter().find(|x| x.uscc == uscc).unwrap();
            let v = publish::verify_receipt(receipt, &f.plan, &f.result).unwrap();
            let item = v
                .items
                .iter()
                .find(|i| i.item_id == sub.item_id.as_str())
                .unwrap();
            assert_eq!(
                (item.selected, item.replaced),
                (selected, replaced),
                "{uscc}"
            );
        }
    }
    // Every receipt verifies, and exactly the result's selection is selected.
    let mut selected = 0usize;
    for receipt in &f.receipts {
        let v = publish::verify_receipt(receipt, &f.plan, &f.result).unwrap();
        selected += v.items.iter().filter(|i| i.selected).count();
    }
    let want: usize = f
        .result
        .draw
        .items
        .iter()
        .flat_map(|i| &i.strata)
        .map(|s| s.selected.len())
        .sum();
    assert_eq!(selected, want);
    // A receipt of the unrevised result no longer verifies against the revision.
    let old = publish::receipts(&f.plan, &f.eligible, &f.excluded, &r.results[1]).unwrap();
    let e = publish::verify_receipt(&old[0], &f.plan, &f.result).unwrap_err();
    assert_eq!(
        code_field(&e),
        ("result_mismatch".into(), "result_hash".into())
    );
}

#[test]
fn pending_substitution_is_refused() {
    let r = revised(24);
    let f = &r.current;
    let sub = f
        .log
        .entries
        .iter()
        .find(|e| matches!(e.event, Event::Substitution { .. }))
        .unwrap()
        .event
        .clone();
    let mut log = f.log.clone();
    let at = log.entries.len();
    log.append(sub).unwrap();
    let e = verify_with(f, &log).unwrap_err();
    assert_eq!(
        code_field(&e),
        ("log_order".into(), format!("entries[{at}]"))
    );
    // publish_substitutions refuses to build on it, and leaves the log alone.
    let before = log.clone();
    let (_, uscc) = f.selected_unforced()[0].clone();
    let req = SubstitutionRequest {
        uscc,
        item_id: None,
        reason: SubstitutionReason::Unreachable,
        evidence: None,
    };
    let e = publish::publish_substitutions(
        &f.plan,
        &f.eligible,
        &f.catalog,
        &mut log,
        &f.result,
        &[req],
    )
    .unwrap_err();
    assert_eq!(
        code_field(&e),
        ("log_order".into(), format!("entries[{at}]"))
    );
    assert_eq!(log, before);
}

#[test]
fn forged_substitute_in_a_rechained_log_is_named() {
    let r = revised(24);
    let f = &r.current;
    let mut log = f.log.clone();
    let i = log
        .entries
        .iter()
        .position(|e| matches!(e.event, Event::Substitution { .. }))
        .unwrap();
    let other = f.result.draw.substitutions[1].substitute;
    if let Event::Substitution { substitute, .. } = &mut log.entries[i].event {
        *substitute = other;
    }
    let log = rechain(&log);
    let e = verify_with(f, &log).unwrap_err();
    assert_eq!(
        code_field(&e),
        (
            "result_mismatch".into(),
            format!("entries[{i}].event.substitute")
        )
    );
}

#[test]
fn stale_result_and_limit_are_refused() {
    let r = revised(24);
    let f = &r.current;
    let candidates = f.selected_unforced();
    let req = |uscc| SubstitutionRequest {
        uscc,
        item_id: None,
        reason: SubstitutionReason::Unreachable,
        evidence: None,
    };
    // Building on revision 1 when revision 2 is current.
    let mut log = f.log.clone();
    let e = publish::publish_substitutions(
        &f.plan,
        &f.eligible,
        &f.catalog,
        &mut log,
        &r.results[2],
        &[req(candidates[0].1)],
    )
    .unwrap_err();
    assert_eq!(code_field(&e).0, "result_mismatch");
    assert_eq!(log, f.log);
    // The plan allows 2 substitutions per stratum: the third in a stratum is refused
    // and nothing is logged.
    let mut g = f.clone();
    let mut refused = None;
    for _ in 0..8 {
        let Some((item, uscc)) = g.selected_unforced().first().cloned() else {
            break;
        };
        let request = SubstitutionRequest {
            item_id: Some(shuangsuiji::model::ItemId::parse(&item).unwrap()),
            ..req(uscc)
        };
        let before = g.log.clone();
        match publish::publish_substitutions(
            &g.plan,
            &g.eligible,
            &g.catalog,
            &mut g.log,
            &g.result,
            &[request],
        ) {
            Ok(doc) => {
                g.result = doc;
                g.head = g.log.head().unwrap();
                g.verify().unwrap();
            }
            Err(e) => {
                assert_eq!(g.log, before, "nothing logged");
                refused = Some(e.code().as_str().to_owned());
                break;
            }
        }
    }
    let refused = refused.expect("the per-stratum limit is reached");
    assert!(
        ["substitution_limit", "substitute_exhausted"].contains(&refused.as_str()),
        "{refused}"
    );
}

#[test]
fn plans_without_substitutions_keep_their_hash_and_refuse_them() {
    let f = publish_fixture::fixture(12);
    let json = serde_json::to_value(&f.plan).unwrap();
    assert!(json.get("max_substitutions").is_none());
    let mut log = f.log.clone();
    let (item, uscc) = f.selected_unforced()[0].clone();
    let e = publish::publish_substitutions(
        &f.plan,
        &f.eligible,
        &f.catalog,
        &mut log,
        &f.result,
        &[SubstitutionRequest {
            uscc,
            item_id: Some(shuangsuiji::model::ItemId::parse(&item).unwrap()),
            reason: SubstitutionReason::Unreachable,
            evidence: None,
        }],
    )
    .unwrap_err();
    assert_eq!(code_field(&e).0, "substitution_limit");
    assert_eq!(log, f.log);
}
