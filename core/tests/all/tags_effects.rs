//! Tags change supervision (issue #20 §4): the effects' place in the committed plan —
//! `tags_hash` absent without tags (every existing plan keeps its hash), present with
//! them, a tag effect changed after the seed caught by the plan hash and by
//! `verify_tags`, and which tag moved whom. The effects themselves are pinned by
//! `tests/vectors/profile/eligibility_with_tags.ops.json` (run in three languages).

use serde_json::Value;
use shuangsuiji::draw_record::{self as publish, PlanMeta};
use shuangsuiji::model::{Catalog, CheckRecord, InspectorRoster, Ratio, Roster};
use shuangsuiji::profile::ProfileEvent;
use shuangsuiji::proof::{BeaconKind, BeaconSpec, Plan, RevealOrder, verify_plan};
use shuangsuiji::rules::{
    EffectKind, EligibilityReport, PlanRequest, TagPlan, eligibility, eligibility_with_tags,
};

fn input() -> Value {
    crate::op_vectors::cases("/profile/eligibility_with_tags")
        .into_iter()
        .find(|c| c["name"] == "tags_focus_ratio_spare")
        .expect("the vector")["input"]
        .clone()
}

fn from<T: serde::de::DeserializeOwned>(v: &Value, k: &str) -> T {
    serde_json::from_value(v[k].clone()).unwrap()
}

fn reports() -> (EligibilityReport, EligibilityReport, Catalog) {
    let i = input();
    let request: PlanRequest = from(&i, "request");
    let catalog = Catalog::from_json(&i["catalog"].to_string()).unwrap();
    let roster: Roster = from(&i, "roster");
    let history: Vec<CheckRecord> = from(&i, "history");
    let events: Vec<ProfileEvent> = from(&i, "events");
    let tags: TagPlan = from(&i, "tags");
    let plain = eligibility(&request, &catalog, &roster, &history).unwrap();
    let tagged =
        eligibility_with_tags(&request, &catalog, &roster, &history, &events, &tags).unwrap();
    (plain, tagged, catalog)
}

fn plan(report: &EligibilityReport, catalog: &Catalog) -> Plan {
    let meta = PlanMeta {
        task_id: "2025-HLGL-TAGS".into(),
        reveal_order: RevealOrder::AfterBeacon,
        beacons: vec![BeaconSpec {
            source_id: "ssq".into(),
            kind: BeaconKind::CwlSsq,
            series: "cwl.ssq".into(),
            draw: "2025024".into(),
        }],
        parties: vec![],
        max_substitutions: 0,
    };
    publish::plan_from_eligibility(report, catalog, &InspectorRoster::default(), &meta).unwrap()
}

#[test]
fn tags_hash_is_absent_without_tags_and_bound_with_them() {
    let (plain, tagged, catalog) = reports();
    let p = plan(&plain, &catalog);
    assert_eq!(p.tags_hash, None);
    assert!(!p.canonical_json().unwrap().contains("tags_hash"));
    let t = plan(&tagged, &catalog);
    let applied = tagged.tags.as_ref().unwrap();
    assert_eq!(t.tags_hash, Some(applied.hash().unwrap()));
    assert!(t.canonical_json().unwrap().contains("\"tags_hash\""));
    publish::verify_tags(&t, Some(applied)).unwrap();
    publish::verify_tags(&p, None).unwrap();
}

#[test]
fn a_tag_effect_changed_after_the_seed_is_caught() {
    let (_, tagged, catalog) = reports();
    let committed = plan(&tagged, &catalog);
    let committed_hash = committed.plan_hash().unwrap();

    // After the seed, someone lowers the ratio of the poor-credit tag from 1/2 to 1/5.
    let mut forged = tagged.clone();
    let tags = forged.tags.as_mut().unwrap();
    let e = tags
        .effects
        .effects
        .iter_mut()
        .find(|e| e.effect == EffectKind::Ratio)
        .unwrap();
    e.ratio = Some(Ratio::new(1, 5).unwrap());

    // The published tags no longer match the committed plan …
    let err = publish::verify_tags(&committed, forged.tags.as_ref()).unwrap_err();
    assert_eq!(err.code().as_str(), "root_mismatch");
    assert_eq!(err.details().field.as_deref(), Some("tags_hash"));
    // … and a plan rebuilt from them no longer hashes to the published plan hash.
    let rebuilt = plan(&forged, &catalog);
    let err = verify_plan(&rebuilt, &committed_hash).unwrap_err();
    assert_eq!(err.code().as_str(), "plan_hash_mismatch");

    // Dropping the tags altogether is caught too.
    let err = publish::verify_tags(&committed, None).unwrap_err();
    assert_eq!(err.details().field.as_deref(), Some("tags"));
}

#[test]
fn which_tag_moved_whom() {
    let (plain, tagged, _) = reports();
    assert!(publish::tag_moves(&plain).is_empty());
    let moves: Vec<(String, EffectKind, String)> = publish::tag_moves(&tagged)
        .into_iter()
        .map(|m| (m.uscc.as_str().to_owned(), m.effect, m.tag))
        .collect();
    assert_eq!(
        moves,
        vec![
            (
                "911505810000000190".to_owned(),
                EffectKind::Focus,
                "food.serious_violation".to_owned()
            ),
            (
                "91150581000000027T".to_owned(),
                EffectKind::Ratio,
                "food.poor_credit_record".to_owned()
            ),
            (
                "91150581000000043G".to_owned(),
                EffectKind::Spare,
                "food.clean_record".to_owned()
            ),
        ]
    );
    // The committed trees say it too: the tag's stratum key, and the tag in the reason.
    let eligible = publish::eligible_leaves(&tagged);
    assert!(
        eligible
            .iter()
            .any(|l| l.stratum_key == "tag=food.poor_credit_record")
    );
    let excluded = publish::excluded_leaves(&tagged);
    let reasons: Vec<&str> = excluded
        .iter()
        .flat_map(|l| l.reasons.iter().map(String::as_str))
        .collect();
    assert!(reasons.contains(&"market.food_production:tag_focus:food.serious_violation"));
    assert!(reasons.contains(&"market.food_production:tag_spared:food.clean_record"));
    // Focus is outside the random pool: not among the eligible leaves.
    assert!(
        !eligible
            .iter()
            .any(|l| l.uscc.as_str() == "911505810000000190")
    );
}
