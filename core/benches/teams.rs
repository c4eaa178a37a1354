//! Benchmark: 5,000 visits × 500 inspectors × 6 departments.
//!
//! `cargo bench -p shuangsuiji --bench teams -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use shuangsuiji::model::{DepartmentCode, Inspector, InspectorId, Uscc, org_code_check_char};
use shuangsuiji::teams::{DepartmentNeed, Seed, TeamConfig, TeamRequest, VisitNeed, assign};

const DEPTS: [&str; 6] = ["market", "fire", "health", "env", "agri", "safety"];

fn uscc(n: u32) -> Uscc {
    let body = format!("M{n:06}Y");
    let b: [u8; 8] = body.as_bytes().try_into().expect("8 bytes");
    let c = char::from(org_code_check_char(&b).expect("valid body"));
    Uscc::complete(&format!("91150581{body}{c}")).expect("valid uscc")
}

/// A fixed integer mix (splitmix64), only to vary the synthetic data.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn request() -> TeamRequest {
    let mut inspectors = Vec::new();
    for n in 0..500u32 {
        // 150 market inspectors, 70 in each other department.
        let d = if n < 150 {
            0
        } else {
            1 + ((n - 150) / 70) as usize
        };
        let h = mix(u64::from(n));
        let mut i: Inspector = serde_json::from_value(serde_json::json!({
            "id": format!("I{n:04}"), "department": DEPTS[d], "certified": h % 5 != 0,
            "capacity": 120
        }))
        .expect("inspector");
        if h % 7 == 0 {
            i.conflicts
                .insert(uscc(u32::try_from(h % 5000).expect("small")));
        }
        inspectors.push(i);
    }
    let visits = (0..5000u32)
        .map(|v| {
            let h = mix(1_000_000 + u64::from(v));
            let mut departments = vec![DepartmentNeed {
                department: DepartmentCode::parse("market").expect("code"),
                items: Default::default(),
                size: 2,
            }];
            let a = 1 + (h % 5) as usize;
            let b = 1 + ((h >> 8) % 5) as usize;
            for d in [a, b] {
                if !departments
                    .iter()
                    .any(|x| x.department.as_str() == DEPTS[d])
                {
                    departments.push(DepartmentNeed {
                        department: DepartmentCode::parse(DEPTS[d]).expect("code"),
                        items: Default::default(),
                        size: 1,
                    });
                }
            }
            VisitNeed {
                uscc: uscc(v),
                town: Some(format!("town{:02}", (h >> 16) % 12)),
                departments,
                lead_department: DepartmentCode::parse("market").expect("code"),
                avoid: if h % 11 == 0 {
                    [InspectorId::parse(&format!("I{:04}", (h >> 24) % 500)).expect("id")].into()
                } else {
                    Default::default()
                },
            }
        })
        .collect();
    TeamRequest {
        algorithm: "v1".to_owned(),
        task_id: "bench".to_owned(),
        seed: Seed::from_bytes([42; 32]),
        visits,
        inspectors,
        previous: Vec::new(),
        config: TeamConfig {
            max_per_inspector_per_day: Some(3),
            ..TeamConfig::default()
        },
    }
}

fn bench(c: &mut Criterion) {
    let req = request();
    assert!(assign(&req).is_ok());
    let mut g = c.benchmark_group("teams");
    g.sample_size(10);
    g.bench_function("assign_5000x500x6", |b| b.iter(|| assign(black_box(&req))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
