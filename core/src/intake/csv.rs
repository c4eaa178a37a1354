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
pub(crate) fn parse(text: &str, push: &mut dyn FnMut(&Row) -> bool) -> Result<()> {
    #[derive(PartialEq)]
    enum St {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut cells: Vec<Cell> = Vec::new();
    let mut field = String::new();
    let mut st = St::FieldStart;
    let mut line: u64 = 1;
    let mut record_line: u64 = 1;
    let mut quote_line: u64 = 1;
    let mut chars = text.chars().peekable();

    let mut end_record = |cells: &mut Vec<Cell>, record_line: u64| -> bool {
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
