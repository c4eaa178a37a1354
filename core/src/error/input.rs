//! Codes of the `input` family: reading bytes (encodings, CSV, JSON, xlsx, headers).

error_codes! {
    /// Errors found while reading a file or a byte string.
    pub enum InputCode {
        /// The bytes are not valid in the declared or detected encoding.
        EncodingInvalid = "encoding_invalid" {
            zh: "字节内容不符合声明或识别出的文字编码",
            en: "The bytes are not valid in the declared or detected encoding",
        },
        /// The declared encoding name is not supported.
        EncodingUnknown = "encoding_unknown" {
            zh: "不支持所声明的文字编码",
            en: "The declared encoding name is not supported",
        },
        /// Part of the file is in one encoding and part in another.
        EncodingMixed = "encoding_mixed" {
            zh: "文件中混用了不同的文字编码",
            en: "Part of the file is in one encoding and part in another",
        },
        /// The JSON text is not well-formed (or ends early).
        JsonSyntax = "json_syntax" {
            zh: "JSON 文本格式错误或不完整",
            en: "The JSON text is not well-formed or ends early",
        },
        /// The JSON is well-formed but does not have the expected shape.
        JsonShape = "json_shape" {
            zh: "JSON 结构不符合要求",
            en: "The JSON is well-formed but does not have the expected shape",
        },
        /// The CSV text cannot be parsed (quoting, …).
        CsvMalformed = "csv_malformed" {
            zh: "CSV 文本无法解析",
            en: "The CSV text cannot be parsed",
        },
        /// The file has no header row or no data.
        CsvEmpty = "csv_empty" {
            zh: "文件没有表头或没有数据",
            en: "The file has no header row or no data",
        },
        /// A required column is missing from the header.
        ColumnMissing = "column_missing" {
            zh: "表头缺少必填列",
            en: "A required column is missing from the header",
        },
        /// A header names a column that is not in the alias table.
        ColumnUnknown = "column_unknown" {
            zh: "表头中有无法识别的列（选项「allow_unknown_columns」可允许多余的列）",
            en: "A header names a column that is not in the alias table",
        },
        /// Two headers map to the same field.
        ColumnDuplicate = "column_duplicate" {
            zh: "两个表头对应同一字段",
            en: "Two headers map to the same field",
        },
        /// A row has more cells than the header.
        RowTooLong = "row_too_long" {
            zh: "该行单元格多于表头",
            en: "A row has more cells than the header",
        },
        /// A row has fewer cells than the header.
        RowTooShort = "row_too_short" {
            zh: "该行单元格少于表头",
            en: "A row has fewer cells than the header",
        },
        /// A required cell is empty.
        CellEmpty = "cell_empty" {
            zh: "必填单元格为空",
            en: "A required cell is empty",
        },
        /// A cell's value cannot be read as the column's type.
        CellInvalid = "cell_invalid" {
            zh: "单元格的值无法按该列类型读取",
            en: "A cell's value cannot be read as the column's type",
        },
        /// The workbook cannot be opened as xlsx.
        XlsxInvalid = "xlsx_invalid" {
            zh: "无法作为 xlsx 工作簿打开",
            en: "The workbook cannot be opened as xlsx",
        },
        /// The requested worksheet does not exist.
        XlsxSheetMissing = "xlsx_sheet_missing" {
            zh: "找不到指定的工作表",
            en: "The requested worksheet does not exist",
        },
        /// A cell that must hold a literal value holds a formula.
        XlsxFormula = "xlsx_formula" {
            zh: "应填写数值的单元格含有公式",
            en: "A cell that must hold a literal value holds a formula",
        },
        /// xlsx support was not compiled in (feature `xlsx`).
        XlsxUnsupported = "xlsx_unsupported" {
            zh: "此版本未包含 xlsx 支持",
            en: "xlsx support was not compiled in",
        },
        /// The file format cannot be recognised from its bytes or name.
        FormatUnknown = "format_unknown" {
            zh: "无法识别文件格式",
            en: "The file format cannot be recognised from its bytes or name",
        },
        /// A JSON object names the same key twice (readers that keep the first or the
        /// last would see different documents under the same bytes).
        JsonDuplicateKey = "json_duplicate_key" {
            zh: "JSON 对象中同一键名出现两次",
            en: "A JSON object names the same key twice",
        },
        /// A binding function was given an argument of the wrong type (a number where
        /// a string is expected, a fraction or a negative number where an unsigned
        /// integer is, a boolean for an integer, a string for bytes …): refused, never
        /// coerced.
        ArgumentType = "argument_type" {
            zh: "参数类型不正确",
            en: "A function was given an argument of the wrong type",
        },
    }
}
