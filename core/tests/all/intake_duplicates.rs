//! The roster's duplicate checks against reference implementations on random rosters
//! (issue #25: the read's check became one hash lookup per row, `Roster::new` sorts
//! (code, position) pairs and moves each enterprise once). Same first error, same
//! problems in the same order, same roster.

use std::collections::BTreeMap;

use proptest::prelude::*;
use shuangsuiji::intake::{ReadOptions, check_enterprises, read_enterprises};
use shuangsuiji::model::{
    CreditClass, DivisionCode, Enterprise, Roster, Uscc, org_code_check_char,
};

fn uscc(i: u32) -> Uscc {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}")).unwrap()
}

/// A row: which code of a small pool (so that duplicates are common) and whether its
/// credit class is bad (an error before the duplicate check on that row).
fn csv(rows: &[(u32, bool)]) -> String {
    let mut s = String::from("uscc,name,division,credit_class,status\n");
    for (k, &(code, bad)) in rows.iter().enumerate() {
        let class = if bad { "Z" } else { "A" };
        s.push_str(&format!("{},企业{k},150581,{class},active\n", uscc(code)));
    }
    s
}

/// What the reader must report, row by row (header = row 1): the bad class, or the
/// second sighting of a code (with the row that first had it).
fn reference_problems(rows: &[(u32, bool)]) -> Vec<(String, u64, Option<String>)> {
    let mut seen: BTreeMap<u32, u64> = BTreeMap::new();
    let mut out = Vec::new();
    for (k, &(code, bad)) in rows.iter().enumerate() {
        let row = k as u64 + 2;
        if bad {
            out.push(("credit_class_unknown".to_owned(), row, None));
        } else if let Some(first) = seen.get(&code) {
            out.push((
                "enterprise_duplicate".to_owned(),
                row,
                Some(first.to_string()),
            ));
        } else {
            seen.insert(code, row);
        }
    }
    out
}

fn problem(e: &shuangsuiji::Error) -> (String, u64, Option<String>) {
    (
        e.code().as_str().to_owned(),
        e.details().row.unwrap(),
        e.details().extra.get("first_row").cloned(),
    )
}

/// `Roster::new` before issue #25: sort positions by (code, position), report the first
/// equal neighbours, then sort the enterprises.
fn reference_roster(mut es: Vec<Enterprise>) -> Result<Vec<Enterprise>, (String, String)> {
    let mut order: Vec<usize> = (0..es.len()).collect();
    order.sort_by(|&a, &b| es[a].uscc.cmp(&es[b].uscc).then(a.cmp(&b)));
    for w in order.windows(2) {
        if es[w[0]].uscc == es[w[1]].uscc {
            return Err((format!("[{}].uscc", w[1]), w[0].to_string()));
        }
    }
    es.sort_by_key(|e| e.uscc);
    Ok(es)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn read_reports_the_reference_first_problem(
        rows in prop::collection::vec((0u32..40, prop::bool::weighted(0.05)), 0..80),
    ) {
        let text = csv(&rows);
        let expected = reference_problems(&rows);
        let opts = ReadOptions::named("r.csv");
        match read_enterprises(text.as_bytes(), &opts) {
            Ok(roster) => {
                prop_assert!(expected.is_empty());
                let mut codes: Vec<Uscc> = rows.iter().map(|&(c, _)| uscc(c)).collect();
                codes.sort();
                let got: Vec<Uscc> = roster.enterprises().iter().map(|e| e.uscc).collect();
                prop_assert_eq!(got, codes);
            }
            Err(e) => {
                prop_assert_eq!(Some(problem(&e)), expected.first().cloned());
                if e.code().as_str() == "enterprise_duplicate" {
                    let row = usize::try_from(e.details().row.unwrap()).unwrap() - 2;
                    let code = uscc(rows[row].0);
                    prop_assert_eq!(e.details().value.as_deref(), Some(code.as_str()));
                }
            }
        }
        let all: Vec<_> = check_enterprises(text.as_bytes(), &opts).iter().map(problem).collect();
        prop_assert_eq!(all, expected);
    }

    #[test]
    fn roster_new_matches_the_reference(codes in prop::collection::vec(0u32..60, 0..120)) {
        let es: Vec<Enterprise> = codes
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                Enterprise::new(uscc(c), &format!("企业{k}"), DivisionCode::parse("150581").unwrap(), CreditClass::A)
            })
            .collect();
        let got = Roster::new(es.clone()).map(|r| r.enterprises().to_vec()).map_err(|e| {
            (
                e.details().field.clone().unwrap_or_default(),
                e.details().extra.get("first_index").cloned().unwrap_or_default(),
            )
        });
        prop_assert_eq!(got, reference_roster(es));
    }
}
