//! A strict RFC 4180 CSV parser over decoded text.
//!
//! Fields are separated by `,`, records by `\n`, `\r\n` or `\r`. A field may be quoted
//! with `"`; inside quotes `""` is a quote and line breaks are kept. Strictness: a
//! quote inside an unquoted field, text after a closing quote, or a quote that is
//! never closed is `csv_malformed` with the line where it happens. Rows are numbered
//! by the line their record starts on (header = row 1 in a file without blank lines),
//! which is what a spreadsheet shows for files without line breaks inside cells.

use super::table::{Cell, Row};
use crate::{Error, InputCode, Result};

fn malformed(line: u64, msg: &str) -> Error {
    Error::new(InputCode::CsvMalformed, msg.to_owned()).with_row(line)
}

/// Parses CSV text, handing each record to `push` as a row of text cells; stops early
/// when `push` returns `false`.
///
/// Works on the bytes: the separators, quotes and line breaks are ASCII, so every cut is
/// at a character boundary. An unquoted cell is one slice of the text (scanned for its
/// end, not built a character at a time); a quoted cell is built only when it holds a
/// doubled quote or a line break. The row's cell list is reused from row to row.
pub(crate) fn parse<'t>(text: &'t str, push: &mut dyn FnMut(&Row<'t>) -> bool) -> Result<()> {
    parse_lines(text, 1, push).map(|_| ())
}

/// [`parse`] of text whose first line is line `first_line` of the file (a part cut
/// where a record starts, [`cut`]): rows and problems are numbered as in the whole
/// file. Returns the byte where reading stopped: after the record whose `push`
/// returned `false`, else the end of the text.
pub(crate) fn parse_lines<'t>(
    text: &'t str,
    first_line: u64,
    push: &mut dyn FnMut(&Row<'t>) -> bool,
) -> Result<usize> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut row = Row::text(first_line, Vec::new());
    let mut line: u64 = first_line;
    let mut record_line: u64 = first_line;
    let mut at = 0usize;
    if n == 0 {
        return Ok(0);
    }
    loop {
        // At the start of a field.
        let field = if bytes.get(at) == Some(&b'"') {
            let quote_line = line;
            at += 1;
            let mut field = String::new();
            loop {
                let Some(rel) = bytes[at..]
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\n' | b'\r'))
                else {
                    return Err(malformed(
                        quote_line,
                        "a quoted cell is never closed (missing closing quote)",
                    ));
                };
                field.push_str(&text[at..at + rel]);
                at += rel;
                match bytes[at] {
                    b'"' if bytes.get(at + 1) == Some(&b'"') => {
                        field.push('"');
                        at += 2;
                    }
                    b'"' => {
                        at += 1;
                        break;
                    }
                    b => {
                        // A line break inside quotes is kept as `\n`.
                        at += if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                            2
                        } else {
                            1
                        };
                        field.push('\n');
                        line = line.saturating_add(1);
                    }
                }
            }
            if at < n && !matches!(bytes[at], b',' | b'\n' | b'\r') {
                return Err(malformed(
                    line,
                    "text after a closing quote; a quote inside a quoted cell must be doubled (\"\")",
                ));
            }
            Cell::from_text(field)
        } else {
            let rel = find_special(&bytes[at..]).unwrap_or(n - at);
            let start = at;
            at += rel;
            if bytes.get(at) == Some(&b'"') {
                return Err(malformed(
                    line,
                    "a quote inside an unquoted cell; quote the whole cell and double the quote",
                ));
            }
            Cell::from_slice(&text[start..at])
        };
        row.cells.push(field);
        // Here `at` is at a separator, a line break or the end.
        match bytes.get(at) {
            Some(b',') => {
                at += 1;
                if at == n {
                    // A trailing comma at the end of the text: one more, empty, cell.
                    row.cells.push(Cell::Empty);
                    row.number = record_line;
                    push(&row);
                    return Ok(n);
                }
            }
            Some(&b) => {
                at += if b == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                row.number = record_line;
                if !push(&row) {
                    return Ok(at);
                }
                row.cells.clear();
                line = line.saturating_add(1);
                record_line = line;
                if at == n {
                    return Ok(n);
                }
            }
            None => {
                row.number = record_line;
                push(&row);
                return Ok(n);
            }
        }
    }
}

/// A part of a CSV file's bytes cut for reading on its own ([`cut`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cut {
    /// Where the part's bytes are.
    pub(crate) range: std::ops::Range<usize>,
    /// The line the part starts on (1-based, as [`parse`] counts lines).
    pub(crate) line: u64,
    /// The part's `\n` bytes ([`max_records`] of the part, less one).
    pub(crate) newlines: usize,
}

/// Line breaks as [`parse`] counts them: `\n`, `\r\n` and a lone `\r` are one each.
/// `bytes` must not end with a `\r` whose `\n` is cut off.
pub(crate) fn line_breaks(bytes: &[u8]) -> u64 {
    let newlines = count(bytes, b'\n');
    let lone_cr = if count(bytes, b'\r') == 0 {
        0
    } else {
        let pairs = bytes.iter().zip(bytes.iter().skip(1).chain([&0u8]));
        pairs.filter(|&(&a, &b)| a == b'\r' && b != b'\n').count()
    };
    u64::try_from(newlines.saturating_add(lone_cr)).unwrap_or(u64::MAX)
}

fn count(bytes: &[u8], byte: u8) -> usize {
    bytes.iter().filter(|&&b| b == byte).count()
}

/// Cuts the bytes of a CSV file (UTF-8 after any BOM, GBK or GB18030) into at most
/// `parts` parts that each start a record, for reading one part per thread: the same
/// rows and problems as [`parse`] of the whole text, numbered alike ([`Cut::line`]).
///
/// A cut is made only just after a `\n` byte with an even number of `"` bytes before
/// it. In a file that [`parse`] reads without a problem up to that point, every `"` is
/// a cell's opening or closing quote or one of a doubled pair inside a quoted cell, so
/// an even count means no quoted cell is open: the `\n` ends a record there (and each
/// `\n`, `\r\n` and lone `\r` before it was one line, inside a cell or not). A cut
/// after the first problem of a malformed file may not be a record's start, but
/// nothing after that problem is kept: the part where the problem is starts where a
/// record starts, and the parts after it are dropped. A `\n` with an odd count before
/// it is no cut: the two parts stay one.
///
/// Counting bytes is counting characters: `\n`, `\r` and `"` are never part of a
/// multi-byte character in UTF-8 (whose continuation bytes are 0x80–0xBF) nor in GBK
/// or GB18030 (two-byte characters: lead 0x81–0xFE, trail 0x40–0x7E or 0x80–0xFE;
/// four-byte characters: 0x81–0xFE, 0x30–0x39, 0x81–0xFE, 0x30–0x39). The counts are
/// used only when every part decodes, so they are the decoded text's.
pub(crate) fn cut(bytes: &[u8], parts: usize) -> Vec<Cut> {
    let len = bytes.len();
    // Chunks of about equal size, each ending just after a `\n` (the last at the end).
    let mut starts = vec![0usize];
    for k in 1..parts.max(1) {
        let from = (len / parts)
            .saturating_mul(k)
            .max(*starts.last().unwrap_or(&0));
        match bytes
            .get(from..)
            .and_then(|b| b.iter().position(|&b| b == b'\n'))
        {
            Some(p) if from + p + 1 < len => starts.push(from + p + 1),
            _ => break,
        }
    }
    let ranges: Vec<std::ops::Range<usize>> = starts
        .iter()
        .zip(starts.iter().skip(1).chain([&len]))
        .map(|(&a, &b)| a..b)
        .collect();
    let counts = crate::parallel::map_each(&ranges, |r| {
        let chunk = &bytes[r.clone()];
        (count(chunk, b'"'), line_breaks(chunk), count(chunk, b'\n'))
    });
    let mut out: Vec<Cut> = Vec::with_capacity(ranges.len());
    let (mut quotes, mut line) = (0usize, 1u64);
    for (range, (q, breaks, newlines)) in ranges.into_iter().zip(counts) {
        match out.last_mut() {
            Some(last) if quotes % 2 == 1 => {
                last.range.end = range.end;
                last.newlines += newlines;
            }
            _ => out.push(Cut {
                range,
                line,
                newlines,
            }),
        }
        quotes = quotes.wrapping_add(q);
        line = line.saturating_add(breaks);
    }
    out
}

/// At most how many records `text` holds (its line breaks, and one more): a capacity
/// for the rows read from it, so that they are not moved as the list grows.
pub(crate) fn max_records(text: &str) -> usize {
    text.bytes()
        .filter(|&b| b == b'\n')
        .count()
        .saturating_add(1)
}

/// The index of the first `,`, `\n`, `\r` or `"` in `bytes`: eight bytes at a time (a
/// name is mostly multi-byte characters, none of which holds these bytes).
fn find_special(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte of `w` equal to `b` (the lowest flagged byte is exact;
    // bytes above it may be flagged falsely, which the lowest-bit search ignores).
    let equal = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0usize;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let hits = equal(w, b',') | equal(w, b'\n') | equal(w, b'\r') | equal(w, b'"');
        if hits != 0 {
            return Some(at + (hits.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'))
        .map(|p| at + p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-at-a-time parser this one replaced (issue #25): the reference the
    /// byte scanner must agree with, row for row and error for error.
    fn reference<'t>(text: &'t str, push: &mut dyn FnMut(&Row<'t>) -> bool) -> Result<()> {
        #[derive(PartialEq)]
        enum St {
            FieldStart,
            Unquoted,
            Quoted,
            QuoteInQuoted,
        }
        let mut cells: Vec<Cell<'t>> = Vec::new();
        let mut field = String::new();
        let mut st = St::FieldStart;
        let mut line: u64 = 1;
        let mut record_line: u64 = 1;
        let mut quote_line: u64 = 1;
        let mut chars = text.chars().peekable();

        let mut end_record = |cells: &mut Vec<Cell<'t>>, record_line: u64| -> bool {
            push(&Row::text(record_line, std::mem::take(cells)))
        };

        while let Some(c) = chars.next() {
            let newline = c == '\n' || c == '\r';
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            match st {
                St::Quoted => {
                    if c == '"' {
                        st = St::QuoteInQuoted;
                    } else {
                        if newline {
                            field.push('\n');
                            line = line.saturating_add(1);
                        } else {
                            field.push(c);
                        }
                    }
                    continue;
                }
                St::QuoteInQuoted => {
                    if c == '"' {
                        field.push('"');
                        st = St::Quoted;
                        continue;
                    }
                    if c != ',' && !newline {
                        return Err(malformed(
                            line,
                            "text after a closing quote; a quote inside a quoted cell must be doubled (\"\")",
                        ));
                    }
                }
                St::FieldStart if c == '"' => {
                    st = St::Quoted;
                    quote_line = line;
                    continue;
                }
                St::FieldStart | St::Unquoted => {
                    if c == '"' {
                        return Err(malformed(
                            line,
                            "a quote inside an unquoted cell; quote the whole cell and double the quote",
                        ));
                    }
                }
            }
            // Here c ends a field (',' or newline) or belongs to an unquoted field.
            if c == ',' {
                cells.push(Cell::from_text(std::mem::take(&mut field)));
                st = St::FieldStart;
            } else if newline {
                cells.push(Cell::from_text(std::mem::take(&mut field)));
                if !end_record(&mut cells, record_line) {
                    return Ok(());
                }
                line = line.saturating_add(1);
                record_line = line;
                st = St::FieldStart;
            } else {
                field.push(c);
                st = St::Unquoted;
            }
        }
        if st == St::Quoted {
            return Err(malformed(
                quote_line,
                "a quoted cell is never closed (missing closing quote)",
            ));
        }
        if st != St::FieldStart || !cells.is_empty() {
            cells.push(Cell::from_text(field));
            end_record(&mut cells, record_line);
        }
        Ok(())
    }

    type Parser = for<'t> fn(&'t str, &mut dyn FnMut(&Row<'t>) -> bool) -> Result<()>;

    /// The rows handed over (number, cells) and the error's code and row, if any.
    type Outcome<'t> = (Vec<(u64, Vec<Cell<'t>>)>, Option<(String, Option<u64>)>);

    fn rows(parser: Parser, text: &str, stop_after: usize) -> Outcome<'_> {
        let mut out = Vec::new();
        let r = parser(text, &mut |row| {
            out.push((row.number, row.cells.clone()));
            out.len() < stop_after
        });
        let err = r
            .err()
            .map(|e| (e.code().as_str().to_owned(), e.details().row));
        (out, err)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn same_rows_and_errors_as_the_reference(
            pieces in prop::collection::vec(
                prop::sample::select(vec!["a", "bc", ",", "\"", "\"\"", "\n", "\r", "\r\n", " ", "中文"]),
                0..40,
            ),
            stop_after in 1usize..6,
        ) {
            let text: String = pieces.concat();
            prop_assert_eq!(rows(parse, &text, stop_after), rows(reference, &text, stop_after));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn find_special_is_the_first_separator_quote_or_line_break(
            bytes in prop::collection::vec(
                prop::sample::select(vec![b'a', b',', b'"', b'\n', b'\r', 0x80, 0xAC, 0xE4, 0x2B, 0x0B, 0x0C, 0xFF]),
                0..40,
            ),
        ) {
            let expected = bytes.iter().position(|&b| matches!(b, b',' | b'\n' | b'\r' | b'"'));
            prop_assert_eq!(find_special(&bytes), expected);
        }
    }

    #[test]
    fn examples_agree() {
        for text in [
            "",
            "\n",
            "a,b",
            "a,b,",
            "a,\"b\"\"c\"\r\nd",
            "\"x\ny\",z\n",
            "\"open",
            "a\"b",
            "\"a\"b",
            ",,\r\r",
        ] {
            assert_eq!(
                rows(parse, text, usize::MAX),
                rows(reference, text, usize::MAX),
                "{text:?}"
            );
        }
    }
}
