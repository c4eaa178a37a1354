//! Published-draw verification on arbitrary bytes. The first byte picks which published
//! document the rest replaces — a receipt, the result, the plan or the eligible leaves —
//! and the others come from the `tests/vectors/publish/ceremony.json` vector. Never
//! panic; errors carry a known code; verification is deterministic; whatever verifies
//! agrees with the vector (a forged receipt that verifies must tell the true verdict).
#![no_main]
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use shuangsuiji::model::Catalog;
use shuangsuiji::publish::{Receipt, ReceiptChecker, ResultDocument, verify_draw, verify_receipt};
use shuangsuiji::verify::{Bytes32, DrawLog, EligibleLeaf, Plan};

include!("common.rs");

struct Published {
    plan: Plan,
    plan_hash: Bytes32,
    catalog: Catalog,
    log: DrawLog,
    log_head: Bytes32,
    eligible: Vec<EligibleLeaf>,
    result: ResultDocument,
    receipts: Vec<Receipt>,
    verdicts: Vec<Value>,
}

static VECTOR: LazyLock<Published> = LazyLock::new(|| {
    let v: Value =
        serde_json::from_str(include_str!("../../tests/vectors/publish/ceremony.json")).unwrap();
    let c = &v["ceremony"];
    fn get<T: serde::de::DeserializeOwned>(c: &Value, k: &str) -> T {
        serde_json::from_value(c[k].clone()).unwrap()
    }
    Published {
        plan: get(c, "plan"),
        plan_hash: get(c, "plan_hash"),
        catalog: get(c, "catalog"),
        log: get(c, "log"),
        log_head: get(c, "log_head"),
        eligible: get(c, "eligible"),
        result: get(c, "result"),
        receipts: get(c, "receipts"),
        verdicts: get(c, "verdicts"),
    }
});

fn draw_with(
    plan: Option<&Plan>,
    eligible: Option<&[EligibleLeaf]>,
    result: Option<&ResultDocument>,
) -> shuangsuiji::Result<shuangsuiji::publish::DrawSummary> {
    let p = &*VECTOR;
    verify_draw(
        plan.unwrap_or(&p.plan),
        &p.plan_hash,
        &p.catalog,
        &p.log,
        &p.log_head,
        eligible.unwrap_or(&p.eligible),
        result.unwrap_or(&p.result),
    )
}

fn same<T: PartialEq + std::fmt::Debug>(
    f: impl Fn() -> shuangsuiji::Result<T>,
) -> shuangsuiji::Result<T> {
    let first = f();
    if let Err(e) = &first {
        check_error(e);
    }
    assert_eq!(f(), first, "verification is deterministic");
    first
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    let p = &*VECTOR;
    match sel % 4 {
        0 => {
            let Ok(r) = serde_json::from_slice::<Receipt>(rest) else {
                return;
            };
            if let Ok(verdict) = same(|| verify_receipt(&r, &p.plan, &p.result)) {
                // A receipt that verifies tells the truth: the verdict is the vector's
                // verdict for that enterprise whenever the vector has one.
                let uscc = r.uscc.as_str();
                if let Some(i) = p.receipts.iter().position(|x| x.uscc.as_str() == uscc) {
                    let truth = serde_json::to_value(&verdict).unwrap();
                    assert_eq!(truth, p.verdicts[i], "a receipt for {uscc} verified with another verdict");
                }
            }
        }
        1 => {
            let Ok(result) = serde_json::from_slice::<ResultDocument>(rest) else {
                return;
            };
            let verified = same(|| draw_with(None, None, Some(&result)));
            if verified.is_ok() {
                assert_eq!(result, p.result, "only the published result verifies");
            }
            if let Ok(checker) = ReceiptChecker::new(&p.plan, &result) {
                if let Some(r) = p.receipts.first() {
                    let _ = same(|| checker.verify(r));
                }
            }
        }
        2 => {
            let Ok(plan) = serde_json::from_slice::<Plan>(rest) else {
                return;
            };
            if same(|| draw_with(Some(&plan), None, None)).is_ok() {
                assert_eq!(plan, p.plan, "only the published plan verifies");
            }
        }
        _ => {
            let Ok(eligible) = serde_json::from_slice::<Vec<EligibleLeaf>>(rest) else {
                return;
            };
            if same(|| draw_with(None, Some(&eligible), None)).is_ok() {
                assert_eq!(eligible, p.eligible, "only the published leaves verify");
            }
        }
    }
});
