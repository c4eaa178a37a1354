//! Draw benchmarks: the two ticket constructions against their floor (one SHA-256 of a
//! ticket-sized input, one ChaCha20 block), and whole stratified joint draws.
//!
//! `cargo bench -p shuangsuiji --bench draw` (short: sample size 10, 3 s measurement).
//! The 10 M-enterprise draw runs only with `SSJ_BENCH_10M=1` (≈ 2 GB of memory).

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use shuangsuiji::canonical::sha256;
use shuangsuiji::draw::alternative::{KeyedTicketer, chacha_block_prefix};
use shuangsuiji::draw::{
    AlgorithmVersion, ColumnText, DrawInput, DrawMode, ItemDraw, Seed, StratumDraw, StratumKey,
    TaskId, Ticketer, draw, draw_column_texts, draw_columns,
};
use shuangsuiji::model::{DepartmentCode, ItemId, Uscc, org_code_check_char};

fn uscc(i: u32) -> Uscc {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

fn seed() -> Seed {
    Seed::from_bytes(sha256(b"bench"))
}

fn task() -> TaskId {
    TaskId::parse("2026-huolinguole-food-01").unwrap()
}

fn primitives(c: &mut Criterion) {
    if std::env::var_os("SSJ_PAIRED").is_some() {
        paired();
        return;
    }
    let ids: Vec<Uscc> = (0..1000).map(uscc).collect();
    let mut g = c.benchmark_group("floor");
    // LP(tag) ‖ LP(seed) ‖ LP(task) ‖ LP(uscc) of the per-enterprise-key construction.
    let input = vec![0x5au8; 17 + 36 + 28 + 22];
    g.bench_function("sha256_103_bytes", |b| b.iter(|| sha256(black_box(&input))));
    let key = [0x42u8; 32];
    let mut ctr = 0u64;
    g.bench_function("chacha20_block_seek_read16", |b| {
        b.iter(|| {
            ctr = ctr.wrapping_add(1);
            chacha_block_prefix(black_box(&key), black_box(ctr), 7)
        });
    });
    g.finish();

    let mut g = c.benchmark_group("tickets");
    g.throughput(Throughput::Elements(ids.len() as u64));
    let v1 = Ticketer::new(&seed(), &task());
    g.bench_function("v1_task_key_indexed_block", |b| {
        b.iter(|| {
            ids.iter()
                .map(|u| v1.ticket(u).value())
                .fold(0u128, |a, t| a ^ t)
        });
    });
    let alt = KeyedTicketer::new(&seed(), &task());
    g.bench_function("alt_key_per_enterprise", |b| {
        b.iter(|| {
            ids.iter()
                .map(|u| alt.ticket(u).value())
                .fold(0u128, |a, t| a ^ t)
        });
    });
    g.finish();
}

/// `n` enterprises in 4 strata; 3 items: two over the whole pool, one over strata 0–1.
fn joint_input(n: u32) -> DrawInput {
    let pool: Vec<Uscc> = (0..n).map(uscc).collect();
    let quarter = pool.len() / 4;
    let strata = |quotas: [u64; 4], upto: usize| -> Vec<StratumDraw> {
        (0..upto)
            .map(|h| {
                let eligible = pool[h * quarter..(h + 1) * quarter].to_vec();
                StratumDraw {
                    key: StratumKey::parse(&format!("s{h}")).unwrap(),
                    quota: Some(quotas[h].min(eligible.len() as u64)),
                    eligible,
                    ratio: None,
                    max_substitutions: 5,
                }
            })
            .collect()
    };
    let q = u64::from(n) / 400; // 1 % of a stratum
    let item = |id: &str, dep: &str, s| ItemDraw {
        item_id: ItemId::parse(id).unwrap(),
        department: DepartmentCode::parse(dep).unwrap(),
        strata: s,
    };
    DrawInput {
        algorithm: AlgorithmVersion::V1,
        task_id: task(),
        seed: seed(),
        mode: DrawMode::Fixed,
        items: vec![
            item(
                "food.production",
                "market",
                strata([q, 2 * q, 3 * q, 5 * q], 4),
            ),
            item("fire.safety", "fire", strata([q, q, q, q], 4)),
            item(
                "env.discharge",
                "environment",
                strata([4 * q, 4 * q, 0, 0], 2),
            ),
        ],
        adjustments: Vec::new(),
    }
}

fn whole_draws(c: &mut Criterion) {
    let mut g = c.benchmark_group("draw");
    let mut sizes = vec![1_000_000u32];
    if std::env::var_os("SSJ_BENCH_10M").is_some() {
        sizes.push(10_000_000);
    }
    for n in sizes {
        let input = joint_input(n);
        g.throughput(Throughput::Elements(u64::from(n)));
        g.bench_function(format!("joint_{n}_4strata_3items"), |b| {
            b.iter_batched(
                || input.clone(),
                |i| draw(i).unwrap().visits.len(),
                BatchSize::LargeInput,
            );
        });
    }
    g.finish();

    // The columnar path of the Python binding: 1 M rows of (USCC, class) as two
    // newline-separated texts, four classes, one item; the texts read row by row
    // (`draw_columns` over the cells) and cut into pieces (`draw_column_texts`,
    // on several threads with the `parallel` feature).
    let n = 1_000_000u32;
    let usccs: Vec<String> = (0..n).map(|i| uscc(i).as_str().to_owned()).collect();
    let classes: Vec<&str> = (0..n as usize)
        .map(|i| ["A", "B", "C", "D"][(i * 7 + i / 3) % 4])
        .collect();
    let (ut, ct) = (usccs.join("\n"), classes.join("\n"));
    let spec = DrawInput {
        algorithm: AlgorithmVersion::V1,
        task_id: task(),
        seed: seed(),
        mode: DrawMode::Fixed,
        items: vec![ItemDraw {
            item_id: ItemId::parse("market.food_production").unwrap(),
            department: DepartmentCode::parse("market").unwrap(),
            strata: ["A", "B", "C", "D"]
                .iter()
                .zip([9000, 27_500, 12_000, 6000])
                .map(|(k, q)| StratumDraw {
                    key: StratumKey::parse(k).unwrap(),
                    quota: Some(q),
                    eligible: Vec::new(),
                    ratio: None,
                    max_substitutions: 0,
                })
                .collect(),
        }],
        adjustments: Vec::new(),
    };
    let mut g = c.benchmark_group("columns");
    g.throughput(Throughput::Elements(u64::from(n)));
    g.bench_function("rows_1000000_4classes", |b| {
        b.iter_batched(
            || spec.clone(),
            |i| {
                draw_columns(i, ut.split('\n'), ct.split('\n'))
                    .unwrap()
                    .visits
                    .len()
            },
            BatchSize::LargeInput,
        );
    });
    g.bench_function("texts_1000000_4classes", |b| {
        b.iter_batched(
            || spec.clone(),
            |i| {
                let u = ColumnText::new("usccs", &ut, n as usize).unwrap();
                let c = ColumnText::new("classes", &ct, n as usize).unwrap();
                draw_column_texts(i, u, c).unwrap().visits.len()
            },
            BatchSize::LargeInput,
        );
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = primitives, whole_draws
}
criterion_main!(benches);

/// Interleaved minimum-of-300 timings of the same five operations (1000 each), less
/// sensitive to a loaded machine than separate runs. `SSJ_PAIRED=1` prints them
/// instead of running the criterion groups of `primitives`.
fn paired() {
    let ids: Vec<Uscc> = (0..1000).map(uscc).collect();
    let v1 = Ticketer::new(&seed(), &task());
    let alt = KeyedTicketer::new(&seed(), &task());
    let input = vec![0x5au8; 103];
    let key = [0x42u8; 32];
    let mut best = [u128::MAX; 4];
    let mut time = |slot: usize, f: &mut dyn FnMut()| {
        let t = std::time::Instant::now();
        f();
        best[slot] = best[slot].min(t.elapsed().as_nanos());
    };
    for _ in 0..300 {
        time(0, &mut || {
            black_box(
                ids.iter()
                    .map(|u| v1.ticket(u).value())
                    .fold(0, |a, t| a ^ t),
            );
        });
        time(1, &mut || {
            black_box(
                ids.iter()
                    .map(|u| alt.ticket(u).value())
                    .fold(0, |a, t| a ^ t),
            );
        });
        time(2, &mut || {
            for _ in 0..1000 {
                black_box(sha256(black_box(&input)));
            }
        });
        time(3, &mut || {
            for i in 0..1000u64 {
                black_box(chacha_block_prefix(black_box(&key), i, 7));
            }
        });
    }
    let sizes: Vec<u32> = std::env::var("SSJ_PAIRED_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000_000]);
    for n in sizes {
        let input = joint_input(n);
        let rows: usize = input
            .items
            .iter()
            .flat_map(|i| &i.strata)
            .map(|s| s.eligible.len())
            .sum();
        let (mut best_new, mut best_result, mut best_draw) = (u128::MAX, u128::MAX, u128::MAX);
        let mut cpu_draw = Vec::new();
        for _ in 0..3 {
            let i = input.clone();
            let t = std::time::Instant::now();
            let d = shuangsuiji::draw::Draw::new(i).unwrap();
            best_new = best_new.min(t.elapsed().as_nanos());
            let t = std::time::Instant::now();
            black_box(d.result());
            best_result = best_result.min(t.elapsed().as_nanos());
            let i = input.clone();
            let (t, c) = (std::time::Instant::now(), cpu_ns());
            black_box(draw(i).unwrap().visits.len());
            best_draw = best_draw.min(t.elapsed().as_nanos());
            cpu_draw.push(cpu_ns().zip(c).map(|(b, a)| b.saturating_sub(a)));
        }
        let cpu = cpu_draw.iter().flatten().min().copied();
        eprintln!(
            "PAIRED min of 3, joint draw of {n} enterprises (4 strata, 3 items, {rows} eligible rows): \
             Draw::new {} ms, result() {} ms, draw() {} ms = {} ns per enterprise \
             (CPU time of all threads: {} ns per enterprise)",
            best_new / 1_000_000,
            best_result / 1_000_000,
            best_draw / 1_000_000,
            best_draw / u128::from(n),
            cpu.map_or_else(|| "?".to_owned(), |c| (c / u128::from(n)).to_string())
        );
    }
    eprintln!(
        "PAIRED min ns per op: v1 ticket {}, alternative ticket {}, sha256(103 B) {}, chacha20 block {}",
        best[0] / 1000,
        best[1] / 1000,
        best[2] / 1000,
        best[3] / 1000
    );
}

/// The CPU time of this process (every thread, user and system) in nanoseconds, from
/// `/proc/self/stat` (Linux; clock ticks of 10 ms, so only for runs of a second or
/// more). On a loaded machine a long run waits for the CPU, which its wall time counts
/// and this does not.
fn cpu_ns() -> Option<u128> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) closed by ')'.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
    let ticks: u128 =
        fields.get(11)?.parse::<u128>().ok()? + fields.get(12)?.parse::<u128>().ok()?;
    Some(ticks * 10_000_000)
}
