//! `publish_draw` and `DrawLog::append` refuse at the source what the verification of
//! the published log would refuse later, naming the field (issue #17 item 3).

use crate::publish_fixture;

use crate::publish_fixture::fixture;
use shuangsuiji::publish;
use shuangsuiji::verify::{Bytes32, DrawLog, Event, verify_log};

/// The fixture's log before its `draw` event, and the fixture.
fn before_draw() -> (publish_fixture::Fixture, DrawLog) {
    let f = fixture(40);
    let mut log = f.log.clone();
    let last = log.entries.pop().unwrap();
    assert!(matches!(last.event, Event::Draw { .. }));
    (f, log)
}

fn refused(
    f: &publish_fixture::Fixture,
    log: &DrawLog,
    attempt: u32,
    seed: &Bytes32,
) -> shuangsuiji::Error {
    let mut l = log.clone();
    let e =
        publish::publish_draw(&f.plan, &f.eligible, &f.catalog, &mut l, attempt, seed).unwrap_err();
    assert_eq!(&l, log, "the log is unchanged on error");
    e
}

#[test]
fn the_fixture_draw_is_accepted() {
    let (f, log) = before_draw();
    let mut l = log.clone();
    publish::publish_draw(&f.plan, &f.eligible, &f.catalog, &mut l, 0, &f.seed).unwrap();
    assert_eq!(l, f.log);
}

#[test]
fn a_seed_that_is_not_the_logs_is_refused_naming_seed() {
    let (f, log) = before_draw();
    let mut seed = f.seed;
    seed.0[0] ^= 1;
    let e = refused(&f, &log, 0, &seed);
    assert_eq!(e.code().as_str(), "result_mismatch", "{e:?}");
    assert_eq!(e.details().field.as_deref(), Some("seed"), "{e:?}");
}

#[test]
fn a_log_without_beacon_or_reveals_is_refused() {
    let (f, _) = before_draw();
    let bare = DrawLog::new(f.plan_hash).unwrap();
    let e = refused(&f, &bare, 0, &f.seed);
    assert!(
        ["beacon_missing", "reveal_missing"].contains(&e.code().as_str()),
        "{e:?}"
    );
    // Reveals but no beacon.
    let (_, log) = before_draw();
    let mut no_beacon = DrawLog::new(f.plan_hash).unwrap();
    for entry in &log.entries[1..] {
        if matches!(entry.event, Event::Reveal { .. }) {
            no_beacon.append(entry.event.clone()).unwrap();
        }
    }
    // (this plan has the beacon before any reveal: the log's own order is refused)
    let e = refused(&f, &no_beacon, 0, &f.seed);
    assert_eq!(e.code().as_str(), "log_order", "{e:?}");
    // The beacon but no reveals.
    let mut no_reveals = DrawLog::new(f.plan_hash).unwrap();
    no_reveals.append(log.entries[1].event.clone()).unwrap();
    let e = refused(&f, &no_reveals, 0, &f.seed);
    assert_eq!(e.code().as_str(), "reveal_missing", "{e:?}");
}

#[test]
fn a_wrong_attempt_is_refused_naming_attempt() {
    let (f, log) = before_draw();
    for attempt in [1, 2, u32::MAX] {
        let e = refused(&f, &log, attempt, &f.seed);
        assert_eq!(e.code().as_str(), "log_order", "{e:?}");
        assert_eq!(e.details().field.as_deref(), Some("attempt"), "{e:?}");
    }
}

#[test]
fn a_second_draw_is_refused_by_append_and_by_publish() {
    let f = fixture(40);
    let mut log = f.log.clone();
    let draw = log.entries.last().unwrap().event.clone();
    let n = log.entries.len();
    let e = log.append(draw).unwrap_err();
    assert_eq!(e.code().as_str(), "log_order", "{e:?}");
    assert_eq!(
        e.details().field.as_deref(),
        Some(format!("entries[{n}].event.attempt").as_str())
    );
    assert_eq!(log, f.log, "nothing appended");
    let e = refused(&f, &f.log, 0, &f.seed);
    assert_eq!(e.code().as_str(), "log_order", "{e:?}");
    // The published log still verifies.
    verify_log(&f.plan, &f.log, Some(&f.head)).unwrap();
}
