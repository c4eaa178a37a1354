//! The huolinguole sample plan's request, for the benches that assess eligibility (a
//! module of those bench crates only).

use shuangsuiji::rules::PlanRequest;

/// The county market authority's 2026 plan: two food items, the bayannaoer preset.
pub fn request() -> PlanRequest {
    serde_json::from_str(
        r#"{"authority": {"id": "huolinguole-market", "department": "market", "level": "county",
            "jurisdiction": "150581"}, "year": 2026, "date": "2026-03-02",
            "items": ["market.food_production", "market.food_label"],
            "policy": {"preset": {"name": "neimenggu_bayannaoer_2022"}}}"#,
    )
    .expect("request")
}
