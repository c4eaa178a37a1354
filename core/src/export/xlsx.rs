//! A minimal, deterministic xlsx writer: one sheet of text cells (inline strings) in a
//! stored (uncompressed) zip. No clock, no dependency; Excel, LibreOffice and calamine
//! read it.

/// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) as zip needs it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
fn column_name(mut c: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + u8::try_from(c % 26).unwrap_or(0));
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

fn sheet_xml(rows: &[Vec<String>]) -> String {
    let mut s = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    ));
    for (r, row) in rows.iter().enumerate() {
        s.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            s.push_str(&format!(
                r#"<c r="{}{}" t="inlineStr"><is><t xml:space="preserve">{}</t></is></c>"#,
                column_name(c),
                r + 1,
                xml_escape(cell)
            ));
        }
        s.push_str("</row>");
    }
    s.push_str("</sheetData></worksheet>");
    s
}

const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    "\n",
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#,
    r#"<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#,
    r#"</Types>"#
);

/// A relationships part with one relationship `rId1` of `kind` to `target`.
fn relationships(kind: &str, target: &str) -> Vec<u8> {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
            r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{}" Target="{}"/>"#,
            r#"</Relationships>"#
        ),
        kind, target
    )
    .into_bytes()
}

fn workbook_xml(sheet: &str) -> String {
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            "\n",
            r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
            r#"<sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        ),
        xml_escape(sheet)
    )
}

fn u16_le(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn u32_le(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A stored zip of `(name, bytes)` entries; every time stamp is 1980-01-01 00:00.
fn zip(entries: &[(&str, Vec<u8>)]) -> Vec<u8> {
    const DOS_DATE: u16 = (1 << 5) | 1; // 1980-01-01
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let crc = crc32(data);
        let size = u32::try_from(data.len()).unwrap_or(u32::MAX);
        let name_len = u16::try_from(name.len()).unwrap_or(u16::MAX);
        // Local file header.
        u32_le(&mut out, 0x0403_4b50);
        for v in [20, 0x0800, 0, 0, DOS_DATE] {
            u16_le(&mut out, v); // version, flags (UTF-8 names), stored, time, date
        }
        for v in [crc, size, size] {
            u32_le(&mut out, v);
        }
        u16_le(&mut out, name_len);
        u16_le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory entry.
        u32_le(&mut central, 0x0201_4b50);
        for v in [20, 20, 0x0800, 0, 0, DOS_DATE] {
            u16_le(&mut central, v);
        }
        for v in [crc, size, size] {
            u32_le(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            u16_le(&mut central, v); // name, extra, comment, disk, internal attributes
        }
        u32_le(&mut central, 0); // external attributes
        u32_le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let cd_offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let cd_size = u32::try_from(central.len()).unwrap_or(u32::MAX);
    let n = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    out.extend_from_slice(&central);
    u32_le(&mut out, 0x0605_4b50);
    for v in [0, 0, n, n] {
        u16_le(&mut out, v);
    }
    u32_le(&mut out, cd_size);
    u32_le(&mut out, cd_offset);
    u16_le(&mut out, 0);
    out
}

/// One workbook with one sheet named `sheet` holding `rows` of text cells (empty cells
/// are left out).
pub(crate) fn workbook(sheet: &str, rows: &[Vec<String>]) -> Vec<u8> {
    zip(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        (
            "_rels/.rels",
            relationships("officeDocument", "xl/workbook.xml"),
        ),
        ("xl/workbook.xml", workbook_xml(sheet).into_bytes()),
        (
            "xl/_rels/workbook.xml.rels",
            relationships("worksheet", "worksheets/sheet1.xml"),
        ),
        ("xl/worksheets/sheet1.xml", sheet_xml(rows).into_bytes()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_of_the_check_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
    }

    /// The crate's own reader (calamine, behind the intake's zip checks) reads back
    /// every cell, Chinese text, escaped characters and the gaps of empty cells.
    #[test]
    fn reads_back_with_the_intake_reader() {
        use crate::intake::Limits;
        use crate::intake::table::Cell;
        let rows = vec![
            vec![
                "任务编号".to_owned(),
                "检查结果".to_owned(),
                "备注".to_owned(),
            ],
            vec!["T1".to_owned(), String::new(), "a<b & \"c\"".to_owned()],
        ];
        let bytes = workbook("检查结果公示", &rows);
        let mut got: Vec<Vec<String>> = Vec::new();
        crate::intake::xlsx::rows(
            &bytes,
            Some("检查结果公示"),
            &Limits::default(),
            &mut |row| {
                got.push(
                    row.cells
                        .iter()
                        .map(|c| match c {
                            Cell::Text(t) => t.to_string(),
                            Cell::Empty => String::new(),
                            other => format!("{other:?}"),
                        })
                        .collect(),
                );
                true
            },
        )
        .unwrap();
        assert_eq!(got, rows);
    }

    #[test]
    fn escapes() {
        assert_eq!(xml_escape("a<b&\"c\u{1}"), "a&lt;b&amp;&quot;c");
    }
}
