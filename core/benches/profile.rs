//! Benchmark: profiles and tags (bundled food-producer set) for N enterprises from 10·N
//! events (issue #20 asks for 1 M enterprises from 10 M events in ≤ 5 s on 2 cores).
//!
//! `SSJ_PROFILE_ENTERPRISES=100000 cargo bench -p shuangsuiji --bench profile -- --warm-up-time 1 --measurement-time 5 --sample-size 10`
//! (default 100 000 enterprises / 1 M events; the fold is linear in the events after one
//! sort by USCC).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use shuangsuiji::enforcement::credit_repair::{PenaltyKind, PenaltyRecord, RepairPolicy, Sector};
use shuangsuiji::model::{CheckKind, Uscc, org_code_check_char};
use shuangsuiji::profile::{
    EventDetail, EventKind, PenaltyEvent, ProfileEvent, TagSet, profile_and_tag,
};

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

fn events(enterprises: u32) -> Vec<ProfileEvent> {
    let start = NaiveDate::from_ymd_opt(2023, 1, 1).expect("date");
    let mut v = Vec::with_capacity(enterprises as usize * 10);
    for n in 0..enterprises {
        let who = uscc(n);
        for k in 0..10u64 {
            let h = mix(u64::from(n) * 16 + k);
            let date = start + chrono::Days::new(h % 1200);
            let detail = match h % 100 {
                0..=29 => EventDetail::Complaint {
                    substantiated: Some(h % 3 == 0),
                },
                30..=54 => EventDetail::Check {
                    check_kind: CheckKind::Random,
                },
                55..=74 => EventDetail::CheckOutcome {
                    result: if h % 4 == 0 {
                        "发现问题已责令改正"
                    } else {
                        "未发现问题"
                    }
                    .to_owned(),
                },
                75..=89 => EventDetail::Sampling {
                    product: "酱油".to_owned(),
                    batch: None,
                    passed: h % 10 != 0,
                    failed_items: Vec::new(),
                },
                90..=93 => EventDetail::Licence {
                    kind: EventKind::LicenceGranted,
                    licence_no: format!("SC{n}"),
                    expires: Some(date + chrono::Days::new(1800)),
                },
                94..=96 => EventDetail::List {
                    kind: if h % 2 == 0 {
                        EventKind::AbnormalListed
                    } else {
                        EventKind::AbnormalRemoved
                    },
                    reason: "年报".to_owned(),
                },
                _ => EventDetail::Penalty(Box::new(PenaltyEvent {
                    decision_no: format!("罚{n}-{k}"),
                    basis: "食品安全法第一百二十四条".to_owned(),
                    leniency: None,
                    record: Some(PenaltyRecord {
                        decided_on: date,
                        published_on: None,
                        penalties: vec![PenaltyKind::Fine],
                        simple_procedure: false,
                        fine_fen: Some(500_000),
                        sector: Sector::Food,
                        restriction_months: None,
                        class: None,
                    }),
                    duties_fulfilled: true,
                    harm_eliminated: true,
                })),
            };
            v.push(ProfileEvent {
                uscc: who,
                date,
                source: "bench".to_owned(),
                reference: None,
                detail,
            });
        }
    }
    v
}

fn bench(c: &mut Criterion) {
    let n: u32 = std::env::var("SSJ_PROFILE_ENTERPRISES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let ev = events(n);
    let set = TagSet::food_producers().expect("bundled set");
    let day = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    let policy = RepairPolicy::default();
    c.bench_function(
        &format!("profile_and_tag {n} enterprises, {} events", ev.len()),
        |b| {
            b.iter(|| black_box(profile_and_tag(black_box(&ev), day, &policy, &set)).len());
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
