//! CSV writing of a table.

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// A table as CSV: UTF-8 with a byte-order mark (so that Excel opens it as UTF-8), CRLF
/// line ends, fields quoted only when they hold `,` `"` or a line end.
///
/// ```
/// let bytes = shuangsuiji::export::csv_bytes(&["甲"], &[vec!["a\"b".to_owned()]]);
/// assert_eq!(bytes, "\u{feff}甲\r\n\"a\"\"b\"\r\n".as_bytes());
/// ```
pub fn csv_bytes<R: AsRef<[String]>>(headers: &[&str], rows: &[R]) -> Vec<u8> {
    let mut s = String::from("\u{feff}");
    s.push_str(&headers.join(","));
    s.push_str("\r\n");
    for row in rows {
        for (i, f) in row.as_ref().iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            csv_field(&mut s, f);
        }
        s.push_str("\r\n");
    }
    s.into_bytes()
}
