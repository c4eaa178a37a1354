//! Codes of the `input` family: reading bytes (encodings, CSV, JSON, xlsx, headers).

error_codes! {
    /// Errors found while reading a file or a byte string.
    pub enum InputCode {
        /// The bytes are not valid in the declared or detected encoding.
        EncodingInvalid = "encoding_invalid",
        /// The declared encoding name is not supported.
        EncodingUnknown = "encoding_unknown",
        /// Part of the file is in one encoding and part in another.
        EncodingMixed = "encoding_mixed",
        /// The JSON text is not well-formed (or ends early).
        JsonSyntax = "json_syntax",
        /// The JSON is well-formed but does not have the expected shape.
        JsonShape = "json_shape",
        /// The CSV text cannot be parsed (quoting, …).
        CsvMalformed = "csv_malformed",
        /// The file has no header row or no data.
        CsvEmpty = "csv_empty",
        /// A required column is missing from the header.
        ColumnMissing = "column_missing",
        /// A header names a column that is not in the alias table.
        ColumnUnknown = "column_unknown",
        /// Two headers map to the same field.
        ColumnDuplicate = "column_duplicate",
        /// A row has more cells than the header.
        RowTooLong = "row_too_long",
        /// A row has fewer cells than the header.
        RowTooShort = "row_too_short",
        /// A required cell is empty.
        CellEmpty = "cell_empty",
        /// A cell's value cannot be read as the column's type.
        CellInvalid = "cell_invalid",
        /// The workbook cannot be opened as xlsx.
        XlsxInvalid = "xlsx_invalid",
        /// The requested worksheet does not exist.
        XlsxSheetMissing = "xlsx_sheet_missing",
        /// A cell that must hold a literal value holds a formula.
        XlsxFormula = "xlsx_formula",
        /// xlsx support was not compiled in (feature `xlsx`).
        XlsxUnsupported = "xlsx_unsupported",
        /// The file format cannot be recognised from its bytes or name.
        FormatUnknown = "format_unknown",
        /// A JSON object names the same key twice (readers that keep the first or the
        /// last would see different documents under the same bytes).
        JsonDuplicateKey = "json_duplicate_key",
        /// A binding function was given an argument of the wrong type (a number where
        /// a string is expected, a fraction or a negative number where an unsigned
        /// integer is, a boolean for an integer, a string for bytes …): refused, never
        /// coerced.
        ArgumentType = "argument_type",
    }
}
