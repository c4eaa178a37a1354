//! Data rows read in parts on several threads (issue #25 goal 1), with the result of
//! the serial read: the records, every problem (codes, rows, columns, details, order),
//! the first problem, the row limit and the problem cap.
//!
//! The input is cut where a record starts (the caller's business); the rows of the
//! first part go to the builder that read the header, on the calling thread, those of
//! every other part to an empty builder with the same header ([`Builder::part`]) on a
//! thread of its own; the parts are then joined in order ([`Builder::join_part`]). A
//! part's builder reads its rows as the serial read would up to its first problem (a
//! reader stops there, as the serial read does) or to its end; what it cannot know is
//! how many data rows came before it, so a part that takes the count past the row limit
//! is fed again, row by row, to the first builder, which then stops at the row the
//! serial read stops at. Parts after the one where reading stops are dropped.

use super::table::{Builder, Record, Row};
use crate::Result;
use crate::parallel_rows::first_and_rest;

/// Records a part's reader holds before handing them over as a block: joining a part
/// moves its records block by block, so that they are never held twice. Tests use
/// small blocks, so that the small inputs they read in parts are handed over in many.
const BLOCK_ROWS: usize = if cfg!(test) { 7 } else { 1 << 14 };

/// Feeds the rows of one part to `push` (which returns `false` to stop), in order;
/// `Err` is the problem that stops the input there.
pub(crate) type Feed<'f, P> =
    dyn Fn(&P, &mut dyn FnMut(&Row<'_>) -> bool) -> Result<()> + Sync + 'f;

/// Reads the data rows of `parts` into `b`, which has read the header
/// ([`Builder::reads_data`]), as feeding every part's rows to `b` in order would.
/// `rows` bounds a part's rows (a capacity for its records; not asked of the first
/// part, whose rows go to `b`).
pub(crate) fn read_parts<T: Record + Send + Sync, P: Sync>(
    b: &mut Builder<T>,
    parts: &[P],
    rows: &(dyn Fn(&P) -> usize + Sync),
    feed: &Feed<'_, P>,
) {
    let template = b.part();
    let read_first = |part: &P| {
        if let Err(e) = feed(part, &mut |row| b.push(row)) {
            b.fail(e);
        }
    };
    let read_rest = |part: &P| {
        let mut p = template.part();
        p.reserve_rows(rows(part).min(BLOCK_ROWS));
        let mut blocks = Vec::new();
        let fatal = feed(part, &mut |row| {
            let go = p.push(row);
            if p.held() >= BLOCK_ROWS {
                blocks.push(p.take_block(BLOCK_ROWS));
            }
            go
        })
        .err();
        (p, blocks, fatal)
    };
    let Some(((), rest)) = first_and_rest(parts, read_first, read_rest) else {
        return;
    };
    for (part, (p, blocks, fatal)) in parts.iter().skip(1).zip(rest) {
        if b.is_done() {
            break;
        }
        if !b.join_part(p, blocks, fatal) {
            if let Err(e) = feed(part, &mut |row| b.push(row)) {
                b.fail(e);
            }
        }
    }
}

/// The parts and the serial read agree (issue #25 goal 1): records, every problem with
/// every detail, for readers and checkers, with the number of parts forced on small
/// inputs (threads run only with the `parallel` feature; without it the parts run one
/// after the other, through the same cutting and joining).
#[cfg(test)]
mod tests {
    use super::super::columns::{TextColumn, parse_columns};
    use super::super::table::{Builder, Parsed};
    use super::super::{Encoding, Limits, ReadOptions, csv_in_parts, csv_table, limits};
    use crate::draw::ColumnText;
    use crate::model::{Enterprise, test_code};
    use proptest::prelude::*;

    fn uscc(i: usize) -> String {
        let i = u32::try_from(i % 100_000_000).expect("below 10^8");
        test_code(i).as_str().to_owned()
    }

    /// Records and problems (debug text: code, message, row, column, value, details).
    type Outcome = (Vec<Enterprise>, Vec<String>);

    fn outcome(p: Parsed<Enterprise>) -> Outcome {
        let problems = p.errors.iter();
        (
            p.items,
            problems
                .map(|e| format!("{} {e:?}", e.code().as_str()))
                .collect(),
        )
    }

    fn opts(encoding: Encoding, max_rows: u64) -> ReadOptions {
        let mut o = ReadOptions::named("名录.csv");
        o.encoding = encoding;
        o.limits.max_rows = max_rows;
        o
    }

    fn read_csv(bytes: &[u8], o: &ReadOptions, all: bool, parts: usize) -> Outcome {
        let lim: Limits = o.limits.checked().expect("limits");
        let mut p = csv_table::<Enterprise>(bytes, o, &lim, all, parts);
        p.errors = p.errors.into_iter().map(|e| o.locate(e)).collect();
        outcome(p)
    }

    /// Whether the read in `parts` parts takes the parallel path (not the serial one).
    fn in_parts(bytes: &[u8], o: &ReadOptions, parts: usize) -> bool {
        let lim: Limits = o.limits.checked().expect("limits");
        let mut b = Builder::<Enterprise>::new(false, &lim, false);
        csv_in_parts(&mut b, bytes, o.encoding, parts)
    }

    /// Asserts the same outcome for 1, 2, 3 and 7 parts, readers and checkers; returns
    /// the checker's problems.
    fn same_csv(bytes: &[u8], o: &ReadOptions) -> Vec<String> {
        let mut checked = Vec::new();
        for all in [false, true] {
            let serial = read_csv(bytes, o, all, 1);
            for parts in [2, 3, 7] {
                let got = read_csv(bytes, o, all, parts);
                assert_eq!(got.1, serial.1, "parts {parts} all {all}");
                assert!(got.0 == serial.0, "records differ: parts {parts} all {all}");
            }
            if all {
                checked = serial.1;
            }
        }
        checked
    }

    const HEADER: &str = "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n";

    fn row(i: usize) -> String {
        format!(
            "{},霍林郭勒市示例食品有限公司{i},150581,A类,存续\n",
            uscc(i)
        )
    }

    fn roster(n: usize) -> String {
        let mut s = HEADER.to_owned();
        for i in 0..n {
            s.push_str(&row(i));
        }
        s
    }

    fn codes(problems: &[String]) -> Vec<&str> {
        problems
            .iter()
            .map(|p| p.split(' ').next().unwrap_or(""))
            .collect()
    }

    #[test]
    fn a_clean_roster_reads_the_same_in_parts() {
        let text = roster(200);
        let o = opts(Encoding::Utf8, limits::MAX_ROWS);
        assert!(in_parts(text.as_bytes(), &o, 3));
        assert!(same_csv(text.as_bytes(), &o).is_empty());
        let (serial, parts) = (
            read_csv(text.as_bytes(), &o, false, 1),
            read_csv(text.as_bytes(), &o, false, 7),
        );
        assert_eq!(serial.0.len(), 200);
        assert!(serial.0 == parts.0);
    }

    #[test]
    fn quoted_line_breaks_commas_crlf_blank_lines_and_a_bom() {
        let mut text = String::from("\u{feff}\r\n\r\n");
        text.push_str(&HEADER.replace('\n', "\r\n"));
        for i in 0..120 {
            match i % 6 {
                0 => text.push_str(&format!(
                    "{},\"多行\r\n名称，含\"\"引号\"\", 和逗号{i}\",150581,A类,存续\r\n",
                    uscc(i)
                )),
                1 => text.push_str("\r\n,,,,\r\n"),
                2 => text.push_str(&format!(
                    "{},\"企业{i}\n第二行\n第三行\",150581,B类,存续\r",
                    uscc(i)
                )),
                _ => text.push_str(&row(i).replace('\n', "\r\n")),
            }
        }
        for enc in [Encoding::Utf8, Encoding::Auto] {
            let o = opts(enc, limits::MAX_ROWS);
            assert!(in_parts(text.as_bytes(), &o, 7));
            assert!(same_csv(text.as_bytes(), &o).is_empty());
        }
        // A problem after quoted line breaks is numbered by the line it is on.
        let bad = text.replacen(&format!("{},", uscc(45)), "XX,", 1);
        let problems = same_csv(bad.as_bytes(), &opts(Encoding::Utf8, limits::MAX_ROWS));
        assert_eq!(codes(&problems), ["uscc_length"]);
    }

    #[test]
    fn gbk_and_gb18030_read_the_same_in_parts() {
        let mut text = roster(150);
        // Four-byte GB18030 characters (outside GBK) in names.
        text.push_str(&format!(
            "{},\"𠀀示例€q,\n续\",150581,C类,存续\n",
            uscc(900)
        ));
        let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
        for enc in [Encoding::Gbk, Encoding::Gb18030, Encoding::Auto] {
            let o = opts(enc, limits::MAX_ROWS);
            assert!(in_parts(&gbk, &o, 3));
            assert!(same_csv(&gbk, &o).is_empty(), "{enc:?}");
        }
        // A byte that does not decode, in a later part: the serial read's problem.
        let mut bad = gbk.clone().into_owned();
        let at = bad.len() * 5 / 6;
        bad[at] = 0xFF;
        let o = opts(Encoding::Gbk, limits::MAX_ROWS);
        assert!(!in_parts(&bad, &o, 3));
        assert_eq!(codes(&same_csv(&bad, &o)), ["encoding_invalid"]);
        // Not UTF-8, read as UTF-8.
        let o = opts(Encoding::Utf8, limits::MAX_ROWS);
        assert_eq!(codes(&same_csv(&gbk, &o)), ["encoding_invalid"]);
    }

    #[test]
    fn the_row_limit_hit_in_a_later_part() {
        let mut text = roster(300);
        text.insert_str(HEADER.len(), "\n\n\n");
        for max_rows in [1, 150, 250, 299, 300, 301] {
            let problems = same_csv(text.as_bytes(), &opts(Encoding::Utf8, max_rows));
            if max_rows < 300 {
                assert_eq!(codes(&problems), ["too_many_rows"], "{max_rows}");
            }
        }
        // With problems before the limit, and duplicates.
        let mut text = roster(300);
        text.push_str(&row(3));
        text.push_str(&row(10).replace("A类", "Z"));
        text.push_str(&roster(50).replace(HEADER, ""));
        for max_rows in [290, 301, 302, 320, 360] {
            same_csv(text.as_bytes(), &opts(Encoding::Utf8, max_rows));
        }
    }

    #[test]
    fn duplicates_across_parts_are_found_as_serially() {
        let mut text = roster(100);
        text.push_str(&roster(100).replace(HEADER, ""));
        text.push_str(&row(5).replace("A类", "Z"));
        let problems = same_csv(text.as_bytes(), &opts(Encoding::Utf8, limits::MAX_ROWS));
        assert_eq!(problems.len(), 101);
        assert_eq!(codes(&problems)[0], "enterprise_duplicate");
    }

    #[test]
    fn more_problems_than_the_cap() {
        let mut text = HEADER.to_owned();
        for i in 0..2600 {
            text.push_str(&match i % 4 {
                0 => row(i).replace("A类", "Z"),
                1 => row(i).replace(",150581,", ",,"),
                2 => row(i % 7),
                _ => row(i),
            });
        }
        let problems = same_csv(text.as_bytes(), &opts(Encoding::Utf8, limits::MAX_ROWS));
        assert_eq!(problems.len(), limits::MAX_PROBLEMS + 1);
        assert_eq!(codes(&problems)[limits::MAX_PROBLEMS], "too_many_problems");
    }

    #[test]
    fn malformed_csv_in_a_later_part_and_odd_quotes_at_a_cut() {
        let o = opts(Encoding::Utf8, limits::MAX_ROWS);
        let mut text = roster(200);
        text.push_str("a\"b,x\n");
        text.push_str(&roster(100).replace(HEADER, ""));
        assert_eq!(codes(&same_csv(text.as_bytes(), &o)), ["csv_malformed"]);
        // A quoted cell spanning many lines, wherever the cuts fall; never closed.
        let mut text = roster(50);
        text.push_str(&format!("{},\"", uscc(77)));
        for _ in 0..100 {
            text.push_str("续行\n");
        }
        text.push_str("\",150581,A类,存续\n");
        text.push_str(&roster(80).replace(HEADER, ""));
        assert!(
            same_csv(text.as_bytes(), &o)
                .iter()
                .all(|p| p.contains("uscc") || p.contains("duplicate"))
        );
        let open = text.replacen("\",150581,A类", ",150581,A类", 1);
        assert_eq!(codes(&same_csv(open.as_bytes(), &o)), ["csv_malformed"]);
    }

    #[test]
    fn headers_found_late_or_never() {
        let mut o = opts(Encoding::Utf8, limits::MAX_ROWS);
        // Blank lines filling the first parts, then the header.
        let text = format!("{}{}", "\n".repeat(3000), roster(40));
        same_csv(text.as_bytes(), &o);
        // A title row above the header: the header is named, nothing read.
        let titled = format!("某市市场主体名录\n{}", roster(300));
        let problems = same_csv(titled.as_bytes(), &o);
        assert!(problems[0].contains("header_row"));
        o.header_row = Some(2);
        assert!(same_csv(titled.as_bytes(), &o).is_empty());
        // No data rows; nothing at all; only an HTML table.
        o.header_row = None;
        same_csv(HEADER.as_bytes(), &o);
        same_csv(b"", &o);
        let html = format!("\n\n  <table>{}", "<tr><td>x</td></tr>\n".repeat(200));
        assert_eq!(codes(&same_csv(html.as_bytes(), &o)), ["xlsx_invalid"]);
    }

    /// Columns for `text` rows (a CSV without quotes): Arrow layout for the USCC and
    /// name columns, lines for the others.
    fn read_columns(text: &str, o: &ReadOptions, parts: usize) -> Outcome {
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        let cell = |r: &Vec<&str>, c: usize| r.get(c).copied().unwrap_or("").to_owned();
        let mut offsets = vec![vec![0usize]; header.len()];
        let mut data = vec![Vec::<u8>::new(); header.len()];
        let mut joined = vec![String::new(); header.len()];
        for (k, r) in rows.iter().enumerate() {
            for c in 0..header.len() {
                let v = cell(r, c);
                if v == "<not utf-8>" {
                    data[c].push(0xFF);
                } else {
                    data[c].extend_from_slice(v.as_bytes());
                }
                offsets[c].push(data[c].len());
                if k > 0 {
                    joined[c].push('\n');
                }
                joined[c].push_str(&v);
            }
        }
        let columns: Vec<TextColumn<'_>> = (0..header.len())
            .map(|c| {
                if c < 2 {
                    TextColumn::offsets(header[c], &offsets[c], &data[c]).expect("offsets")
                } else {
                    TextColumn::lines(
                        header[c],
                        ColumnText::new(header[c], &joined[c], rows.len()).expect("lines"),
                    )
                }
            })
            .collect();
        outcome(parse_columns::<Enterprise>(&columns, o, Some(parts)))
    }

    fn same_columns(text: &str, o: &ReadOptions) -> Vec<String> {
        let serial = read_columns(text, o, 1);
        for parts in [2, 3, 7] {
            let got = read_columns(text, o, parts);
            assert_eq!(got.1, serial.1, "parts {parts}");
            assert!(got.0 == serial.0, "records differ: parts {parts}");
        }
        serial.1
    }

    #[test]
    fn columns_read_the_same_in_parts() {
        let o = opts(Encoding::Utf8, limits::MAX_ROWS);
        let text = roster(200);
        assert!(same_columns(&text, &o).is_empty());
        assert_eq!(read_columns(&text, &o, 3).0.len(), 200);
        // Problems, duplicates across parts, a cell that is not UTF-8 late.
        let mut bad = roster(150);
        bad.push_str(&row(7));
        bad.push_str(&row(8).replace("A类", "Z"));
        bad.push_str(&row(9).replace(",150581,", ",\r多行,"));
        bad.push_str("<not utf-8>,x,150581,A类,存续\n");
        bad.push_str(&roster(30).replace(HEADER, ""));
        let problems = same_columns(&bad, &o);
        assert_eq!(codes(&problems)[0], "enterprise_duplicate");
        // The row limit in a later part.
        for max_rows in [1, 100, 151, 152, 199] {
            same_columns(&text, &opts(Encoding::Utf8, max_rows));
            same_columns(&bad, &opts(Encoding::Utf8, max_rows));
        }
        // More problems than the cap.
        let mut many = HEADER.to_owned();
        for i in 0..2100 {
            many.push_str(&row(i).replace("A类", if i % 2 == 0 { "Z" } else { "A类" }));
        }
        assert_eq!(same_columns(&many, &o).len(), 1);
        // A title where the header should be.
        let titled = format!("x,y,z\n{}", roster(50).replace(HEADER, ""));
        same_columns(&titled, &o);
    }

    /// One row of a random roster: fine, a problem, blank, quoted, a duplicate, or
    /// malformed.
    fn random_row(kind: u8, i: usize) -> String {
        match kind {
            0..=3 => row(i),
            4 => row(i).replace("A类", "Z"),
            5 => row(i).replace(",150581,", ",,"),
            6 => "\n".to_owned(),
            7 => format!("{},\"名称\n续，\"\"行\"\"\",150581,B类,存续\n", uscc(i)),
            8 => row(i % 5),
            9 => row(i).replace('\n', "\r\n"),
            10 => row(i).replace(",存续", ",存续,多余"),
            _ => "a\"b,x\n".to_owned(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn random_rosters_read_the_same_in_parts(
            kinds in prop::collection::vec(prop::sample::select(
                vec![0u8, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), 0..120),
            parts in 2usize..9,
            all in any::<bool>(),
            max_rows in prop::sample::select(vec![5u64, 40, 80, 1000]),
            gbk in any::<bool>(),
        ) {
            let mut text = HEADER.to_owned();
            for (i, &k) in kinds.iter().enumerate() {
                text.push_str(&random_row(k, i));
            }
            let (bytes, enc) = if gbk {
                (encoding_rs::GBK.encode(&text).0.into_owned(), Encoding::Gbk)
            } else {
                (text.clone().into_bytes(), Encoding::Utf8)
            };
            let o = opts(enc, max_rows);
            let serial = read_csv(&bytes, &o, all, 1);
            let got = read_csv(&bytes, &o, all, parts);
            prop_assert_eq!(&got.1, &serial.1);
            prop_assert!(got.0 == serial.0);
            // Columns: the same rows without the quoted and malformed ones.
            if !text.contains('"') {
                let serial = read_columns(&text, &o, 1);
                let got = read_columns(&text, &o, parts);
                prop_assert_eq!(&got.1, &serial.1);
                prop_assert!(got.0 == serial.0);
            }
        }
    }

    /// Large enough for the automatic part count: the public readers agree with the
    /// serial read (threads with the `parallel` feature).
    #[test]
    fn large_files_read_as_serially() {
        let mut text = roster(60_000);
        text.push_str(&row(59_000).replace("A类", "Z"));
        text.push_str(&row(12));
        let o = opts(Encoding::Utf8, limits::MAX_ROWS);
        let auto = super::super::check_enterprises(text.as_bytes(), &o);
        let auto: Vec<String> = auto
            .iter()
            .map(|e| format!("{} {e:?}", e.code().as_str()))
            .collect();
        assert_eq!(auto, read_csv(text.as_bytes(), &o, true, 1).1);
        assert_eq!(
            codes(&auto),
            ["credit_class_unknown", "enterprise_duplicate"]
        );
        let clean = roster(60_000);
        let roster = super::super::read_enterprises(clean.as_bytes(), &o).expect("reads");
        let serial = read_csv(clean.as_bytes(), &o, false, 1).0;
        assert_eq!(roster, crate::model::Roster::new(serial).expect("roster"));
    }
}
