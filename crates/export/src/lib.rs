//! Exports: view-models in, bytes out. For now, tables as CSV (UTF-8, comma-separated, a header
//! row) and XLSX (one sheet, a bold header row, numbers as numbers), and schedules as iCalendar.
//! Nothing here knows about the database or HTTP; the web layer builds a [`Table`] or a
//! [`Schedule`] and sends the bytes.

pub mod docx;
pub mod markdown;
pub mod pdf;
pub mod responses;

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

/// A text cell as a CSV field that no spreadsheet program runs as a formula (OWASP's CSV
/// injection advice): a value whose first character that is not a space starts a formula (`=`,
/// `+`, `-`, `@`, their full-width forms, a tab or a carriage return) is prefixed with `'`,
/// unless the whole value is a plain decimal number (`-3`, `+4.5`), which no program takes for
/// a formula and which must stay a number. Every field is also quoted ([`csv_writer`]), so that
/// a spreadsheet reading `;` as the separator (French Excel) cannot split a cell into one that
/// starts a formula. Only CSV needs this: XLSX cells are typed (a string is never a formula)
/// and JSON is read by programs, so both keep values exact.
pub fn csv_field(value: &str) -> std::borrow::Cow<'_, str> {
    let first = value.trim_start_matches(' ').chars().next();
    let risky = first.is_some_and(|c| {
        matches!(
            c,
            '=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠'
        )
    });
    if risky && !plain_number(value) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// `[+-]digits[.digits]`, nothing else (not `inf`, `NaN` or `1e5`).
fn plain_number(value: &str) -> bool {
    let unsigned = value.strip_prefix(['-', '+']).unwrap_or(value);
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

/// A CSV writer that quotes every field (see [`csv_field`]).
pub fn csv_writer<W: std::io::Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Always)
        .from_writer(out)
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => csv_field(s).into_owned(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => format!("{n}"),
    }
}

/// The table as CSV.
pub fn csv(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut w = csv_writer(Vec::new());
    w.write_record(table.headers.iter().map(|h| csv_field(h).into_owned()))?;
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
    xlsx_book(std::slice::from_ref(table))
}

/// Several tables as one workbook, one sheet per table (sheet names made unique).
pub fn xlsx_book(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let bold = rust_xlsxwriter::Format::new().set_bold();
    let mut names: Vec<String> = Vec::new();
    for table in tables {
        let base = sheet_name(&table.title);
        let mut name = base.clone();
        let mut n = 2;
        while names.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
            let suffix = format!(" ({n})");
            let keep: String = base.chars().take(31 - suffix.chars().count()).collect();
            name = format!("{keep}{suffix}");
            n += 1;
        }
        names.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
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
    }
    Ok(book.save_to_buffer()?)
}

/// An immersion's schedule: all-day, from `start` to `end` (inclusive, `YYYY-MM-DD`), on the
/// given weekdays (`MO` … `SU`) every week, or every day when none are given.
#[derive(Debug, Clone, Default)]
pub struct Schedule {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub start: String,
    pub end: String,
    pub weekdays: Vec<&'static str>,
}

fn weekday_code(d: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match d {
        Mon => "MO",
        Tue => "TU",
        Wed => "WE",
        Thu => "TH",
        Fri => "FR",
        Sat => "SA",
        Sun => "SU",
    }
}

/// The schedule as an iCalendar document (RFC 5545): one all-day event spanning the period, or
/// one weekly recurring all-day event on the chosen weekdays until the end date. `None` when the
/// dates are missing or reversed.
pub fn ics(calendar_name: &str, s: &Schedule) -> Option<String> {
    use icalendar::{Calendar, Component, EventLike};
    let parse = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let (start, end) = (parse(&s.start)?, parse(&s.end)?);
    if end < start {
        return None;
    }
    let mut event = icalendar::Event::new();
    event
        .uid(&s.uid)
        .summary(&s.summary)
        .description(&s.description);
    if !s.location.is_empty() {
        event.location(&s.location);
    }
    if s.weekdays.is_empty() {
        event.starts(start).ends(end.succ_opt()?);
    } else {
        // The first occurrence must itself fall on one of the weekdays.
        let first = start.iter_days().take(7).find(|d| {
            s.weekdays
                .contains(&weekday_code(chrono::Datelike::weekday(d)))
        })?;
        if first > end {
            return None;
        }
        event.all_day(first).add_property(
            "RRULE",
            format!(
                "FREQ=WEEKLY;BYDAY={};UNTIL={}",
                s.weekdays.join(","),
                end.format("%Y%m%d")
            ),
        );
    }
    let mut calendar = Calendar::new();
    calendar.name(calendar_name).push(event.done());
    Some(calendar.done().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    #[test]
    fn csv_cells_never_start_a_formula_but_numbers_stay_numbers() {
        let table = Table {
            title: "t".into(),
            headers: vec!["=HEADER()".into(), "n".into()],
            rows: vec![
                vec![Cell::from("=HYPERLINK(\"http://evil\")"), Cell::from(-3i64)],
                vec![Cell::from("+33 6 12"), Cell::from("-4.5")],
                vec![Cell::from("@SUM(A1)"), Cell::from("\tcmd")],
                vec![Cell::from("\rcmd"), Cell::from("-1+1")],
                vec![Cell::from("a=b"), Cell::from("")],
                vec![Cell::from(" =1+1"), Cell::from("x;=HYPERLINK(1)")],
                vec![Cell::from("-inf"), Cell::from("＝1+1")],
            ],
        };
        let text = String::from_utf8(csv(&table).expect("csv")).expect("utf-8");
        let rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("row").iter().map(str::to_owned).collect())
            .collect();
        assert!(text.starts_with("\"'=HEADER()\""), "{text}");
        assert_eq!(rows[0], ["'=HYPERLINK(\"http://evil\")", "-3"]);
        assert_eq!(rows[1], ["'+33 6 12", "-4.5"]);
        assert_eq!(rows[2], ["'@SUM(A1)", "'\tcmd"]);
        assert_eq!(rows[3], ["'\rcmd", "'-1+1"]);
        assert_eq!(rows[4], ["a=b", ""]);
        assert_eq!(rows[5], ["' =1+1", "x;=HYPERLINK(1)"]);
        assert_eq!(rows[6], ["'-inf", "'＝1+1"]);
        assert!(
            text.contains("\"x;=HYPERLINK(1)\""),
            "quoted, so a ';' reader keeps one cell: {text}"
        );
        let chunk = responses::csv_chunk(
            &[vec!["=1+1".into(), "-2".into()]],
            false,
            responses::CsvDialect::Standard,
        )
        .expect("csv");
        assert_eq!(
            String::from_utf8(chunk).expect("utf-8"),
            "\"'=1+1\",\"-2\"\n"
        );
    }

    #[test]
    fn a_weekly_schedule_recurs_on_its_days_until_the_end() {
        let s = Schedule {
            uid: "a1@passerelle".into(),
            summary: "Immersion".into(),
            description: "Mardi et jeudi".into(),
            location: "Fribourg".into(),
            start: "2026-03-02".into(), // a Monday
            end: "2027-08-31".into(),
            weekdays: vec!["TU", "TH"],
        };
        let text = ics("Passerelle", &s).expect("ics");
        assert!(text.starts_with("BEGIN:VCALENDAR"));
        assert!(text.contains("DTSTART;VALUE=DATE:20260303"), "{text}");
        assert!(text.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270831"));
        assert!(text.contains("LOCATION:Fribourg"));
        let whole = ics(
            "Passerelle",
            &Schedule {
                weekdays: vec![],
                start: "2026-06-08".into(),
                end: "2026-06-14".into(),
                ..s.clone()
            },
        )
        .expect("ics");
        assert!(
            whole.contains("DTSTART;VALUE=DATE:20260608")
                && whole.contains("DTEND;VALUE=DATE:20260615"),
            "{whole}"
        );
        assert!(
            ics(
                "P",
                &Schedule {
                    end: "2026-01-01".into(),
                    ..s
                }
            )
            .is_none()
        );
    }

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
