//! Benchmark: day routes for 200 visits around 霍林郭勒 (six clusters within ≈ 25 km,
//! 1–3 items each, 8 visits and 480 minutes a day). Target: ≤ 50 ms.
//!
//! `cargo bench -p shuangsuiji --bench routes -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use shuangsuiji::model::{Uscc, org_code_check_char};
use shuangsuiji::routes::{
    Datum, DayCapacity, Location, RouteRequest, SpeedModel, Stop, plan_routes,
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

fn spread(h: u64, half: i64) -> i32 {
    let w = u64::try_from(2 * half + 1).expect("positive");
    i32::try_from(i64::try_from(h % w).expect("small") - half).expect("small")
}

/// 200 stops: six town centres, stops scattered ≈ ±3 km around them.
pub fn request(n: u32) -> RouteRequest {
    const CENTRES: [(i32, i32); 6] = [
        (45_532_000, 119_658_000),
        (45_541_000, 119_631_000),
        (45_518_000, 119_676_000),
        (45_566_000, 119_662_000),
        (45_498_000, 119_612_000),
        (45_610_000, 119_760_000),
    ];
    let stops = (0..n)
        .map(|k| {
            let h = mix(u64::from(k));
            let (lat, lon) = CENTRES[usize::try_from(h % 6).expect("small")];
            Stop {
                uscc: uscc(k),
                location: Some(
                    Location::from_e6(
                        Datum::Wgs84,
                        lat + spread(h >> 8, 27_000),
                        lon + spread(h >> 24, 38_000),
                    )
                    .expect("in range"),
                ),
                items: 1 + u32::try_from((h >> 40) % 3).expect("small"),
            }
        })
        .collect();
    RouteRequest {
        start: Some(Location::from_e6(Datum::Wgs84, 45_532_500, 119_657_800).expect("in range")),
        stops,
        capacity: DayCapacity {
            max_visits: 8,
            day_minutes: 480,
            minutes_per_item: 30,
            minutes_per_visit: 15,
        },
        speed: SpeedModel::default(),
        matrix: None,
    }
}

fn bench(c: &mut Criterion) {
    let req = request(200);
    let plan = plan_routes(&req).expect("plan");
    println!(
        "200 visits: {} routes, {} m, {} travel minutes",
        plan.routes.len(),
        plan.metres,
        plan.travel_minutes
    );
    c.bench_function("plan_routes 200 visits", |b| {
        b.iter(|| plan_routes(black_box(&req)).expect("plan"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
