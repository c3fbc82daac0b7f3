//! Exports: view-models in, bytes out. For now, tables as CSV (UTF-8, comma-separated, a header
//! row) and XLSX (one sheet, a bold header row, numbers as numbers). Nothing here knows about the
//! database or HTTP; the web layer builds a [`Table`] and sends the bytes.

/// A value of a cell: text stays text, numbers stay numbers in spreadsheets.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Number(n as f64)
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Self {
        Cell::Number(n)
    }
}

/// A titled table with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Used as the sheet name (cut to Excel's 31 characters, forbidden characters replaced).
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    #[error("csv: {0}")]
    CsvFlush(#[from] std::io::Error),
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => format!("{n}"),
    }
}

/// The table as CSV.
pub fn csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&table.headers)?;
    for row in &table.rows {
        w.write_record(row.iter().map(text))?;
    }
    w.flush()?;
    w.into_inner()
        .map_err(|e| ExportError::CsvFlush(e.into_error()))
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect();
    if cleaned.trim().is_empty() {
        "Sheet1".to_owned()
    } else {
        cleaned
    }
}

/// The table as an XLSX workbook of one sheet.
pub fn xlsx(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&table.title))?;
    for (c, h) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match cell {
                Cell::Text(s) => sheet.write_string(r, c, s)?,
                Cell::Number(n) => sheet.write_number(r, c, *n)?,
            };
        }
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn table() -> Table {
        Table {
            title: "Immersions / statut".into(),
            headers: vec!["Statut".into(), "Nombre".into()],
            rows: vec![
                vec!["En cours, « active »".into(), 3.into()],
                vec!["Terminée\nligne 2".into(), 1.5.into()],
            ],
        }
    }

    #[test]
    fn csv_reads_back_with_every_value() {
        let bytes = csv(&table()).expect("csv");
        let mut r = ::csv::Reader::from_reader(bytes.as_slice());
        assert_eq!(r.headers().expect("headers"), vec!["Statut", "Nombre"]);
        let rows: Vec<Vec<String>> = r
            .records()
            .map(|x| x.expect("row").iter().map(str::to_owned).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["En cours, « active »", "3"],
                vec!["Terminée\nligne 2", "1.5"]
            ]
        );
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers() {
        let bytes = xlsx(&table()).expect("xlsx");
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("open");
        assert_eq!(book.sheet_names(), vec!["Immersions - statut".to_owned()]);
        let range = book.worksheet_range("Immersions - statut").expect("sheet");
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(
            rows[0],
            vec![Data::String("Statut".into()), Data::String("Nombre".into())]
        );
        assert_eq!(
            rows[1],
            vec![
                Data::String("En cours, « active »".into()),
                Data::Float(3.0)
            ]
        );
        assert_eq!(rows[2][1], Data::Float(1.5));
    }
}
