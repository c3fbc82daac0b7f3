//! Questionnaire responses as files, written row by row so that an export of any size keeps a
//! small, constant memory: CSV in chunks, XLSX with `rust_xlsxwriter`'s constant-memory sheets
//! (rows go to a temporary file until the workbook is saved).

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use crate::ExportError;

/// The two CSV shapes offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// RFC 4180: commas, UTF-8 with a byte-order mark (so that spreadsheets read accents).
    Standard,
    /// What Excel set to French opens with a double click: semicolons, decimal commas in
    /// number columns, UTF-8 with a byte-order mark.
    ExcelFrench,
}

impl CsvDialect {
    /// Writes a number as this dialect reads it.
    pub fn number(self, value: &str) -> String {
        match self {
            CsvDialect::Standard => value.to_owned(),
            CsvDialect::ExcelFrench => value.replace('.', ","),
        }
    }
}

/// CSV rows as bytes; `first` starts the file with a UTF-8 byte-order mark, which spreadsheet
/// programs need to read accents right.
pub fn csv_chunk(
    rows: &[Vec<String>],
    first: bool,
    dialect: CsvDialect,
) -> Result<Vec<u8>, ExportError> {
    let mut out = Vec::new();
    if first {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    let mut w = match dialect {
        CsvDialect::Standard => crate::csv_writer(out),
        CsvDialect::ExcelFrench => csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Always)
            .delimiter(b';')
            .from_writer(out),
    };
    for row in rows {
        w.write_record(row.iter().map(|v| crate::csv_field(v).into_owned()))?;
    }
    w.flush()?;
    w.into_inner()
        .map_err(|e| ExportError::CsvFlush(e.into_error()))
}

/// A workbook of responses: an "answers" sheet filled row by row, then a "questions" and a
/// "codebook" sheet.
pub struct ResponsesBook {
    book: Workbook,
    row: u32,
    /// Columns whose values are numbers when they read as numbers.
    numeric: Vec<bool>,
}

impl ResponsesBook {
    pub fn new(headers: &[String], numeric: Vec<bool>) -> Result<ResponsesBook, ExportError> {
        let mut book = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = book.add_worksheet_with_constant_memory();
        sheet.set_name("answers")?;
        for (c, h) in headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold)?;
        }
        Ok(ResponsesBook {
            book,
            row: 1,
            numeric,
        })
    }

    pub fn push(&mut self, cells: &[String]) -> Result<(), ExportError> {
        let sheet = self.book.worksheet_from_index(0)?;
        for (c, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            let number = self
                .numeric
                .get(c)
                .copied()
                .unwrap_or(false)
                .then(|| v.parse::<f64>().ok())
                .flatten();
            match number {
                Some(n) => sheet.write_number(self.row, c as u16, n)?,
                None => sheet.write_string(self.row, c as u16, v)?,
            };
        }
        self.row += 1;
        Ok(())
    }

    /// Adds the questions and codebook sheets and writes the file.
    pub fn finish(
        mut self,
        (question_headers, questions): (&[String], &[Vec<String>]),
        codebook: &[[String; 3]],
        path: &Path,
    ) -> Result<(), ExportError> {
        let bold = Format::new().set_bold();
        let sheet = self.book.add_worksheet();
        sheet.set_name("questions")?;
        for (c, h) in question_headers.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (r, row) in questions.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, v)?;
            }
        }
        let sheet = self.book.add_worksheet();
        sheet.set_name("codebook")?;
        for (c, h) in ["question", "code", "label"].iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &bold)?;
        }
        for (r, row) in codebook.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32 + 1, c as u16, v)?;
            }
        }
        self.book.save(path)?;
        Ok(())
    }
}

/// A workbook of plain text sheets (an XLSForm, for instance): `(sheet name, rows)`.
pub fn text_workbook(sheets: &[(String, Vec<Vec<String>>)]) -> Result<Vec<u8>, ExportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if r == 0 {
                    sheet.write_string_with_format(0, c as u16, v, &bold)?;
                } else if !v.is_empty() {
                    sheet.write_string(r as u32, c as u16, v)?;
                }
            }
        }
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook};

    #[test]
    fn a_workbook_of_responses_reads_back() {
        let dir = std::env::temp_dir().join(format!("resp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("r.xlsx");
        let headers = vec!["id".to_owned(), "dep".to_owned(), "age".to_owned()];
        let mut book = ResponsesBook::new(&headers, vec![false, false, true]).expect("book");
        book.push(&["a".into(), "01".into(), "42".into()])
            .expect("row");
        book.push(&["b".into(), "2A".into(), "".into()])
            .expect("row");
        let headers = ["name", "type", "label::fr"].map(String::from);
        book.finish(
            (
                &headers,
                &[vec!["age".into(), "integer".into(), "Âge".into()]],
            ),
            &[],
            &path,
        )
        .expect("save");
        let mut wb: Xlsx<_> = open_workbook(&path).expect("open");
        let answers = wb.worksheet_range("answers").expect("answers");
        assert_eq!(
            answers.get((1, 1)),
            Some(&Data::String("01".into())),
            "codes stay text"
        );
        assert_eq!(answers.get((1, 2)), Some(&Data::Float(42.0)));
        let q = wb.worksheet_range("questions").expect("questions");
        assert_eq!(q.get((1, 2)), Some(&Data::String("Âge".into())));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn csv_starts_with_a_bom_once() {
        let a = csv_chunk(
            &[vec!["é".into(), "a,b".into()]],
            true,
            CsvDialect::Standard,
        )
        .expect("csv");
        assert_eq!(
            String::from_utf8(a).expect("utf8"),
            "\u{feff}\"é\",\"a,b\"\n"
        );
        let b = csv_chunk(&[vec!["x".into()]], false, CsvDialect::Standard).expect("csv");
        assert_eq!(b, b"\"x\"\n");
    }

    #[test]
    fn the_excel_french_dialect_uses_semicolons_and_decimal_commas() {
        let d = CsvDialect::ExcelFrench;
        let a = csv_chunk(&[vec!["é".into(), d.number("12.5")]], true, d).expect("csv");
        assert_eq!(
            String::from_utf8(a).expect("utf8"),
            "\u{feff}\"é\";\"12,5\"\n"
        );
    }
}
