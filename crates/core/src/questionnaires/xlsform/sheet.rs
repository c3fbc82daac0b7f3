//! Reading sheets: rows of trimmed strings, case-insensitive headers, translated columns.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Xls, Xlsx};

use super::limits::{self, MAX_CELLS};
use super::{ImportReport, Item, err};
use crate::accounts::SPOKEN_LANGUAGES;
use crate::questionnaires::model::{Choice, Text};

/// A sheet as rows of trimmed strings, with its header row lower-cased.
pub(super) struct Sheet {
    pub(super) headers: Vec<String>,
    /// `(row number, row)`, rows with at least one non-empty cell, in order.
    pub(super) rows: Vec<(usize, Row)>,
}

/// The non-empty cells of a row by column (0 = the sheet's first column), kept sparsely: a
/// row costs what it holds, not how far right its last cell is.
pub(super) struct Row(Vec<(usize, String)>);

impl Row {
    /// The text of column `i`; `None` when the cell is empty.
    pub(super) fn get(&self, i: usize) -> Option<&String> {
        self.0
            .binary_search_by_key(&i, |(c, _)| *c)
            .ok()
            .map(|at| &self.0[at].1)
    }
}

impl Sheet {
    /// Names the question of each item about a row of this sheet: its `name`, `type` and
    /// first label, as written.
    pub(super) fn describe(&self, items: &mut [super::Item], sheet: &str) {
        let labels: Vec<&String> = self
            .headers
            .iter()
            .filter(|h| *h == "label" || h.starts_with("label:"))
            .collect();
        for item in items.iter_mut().filter(|i| i.sheet == sheet && i.row > 0) {
            let Some((_, row)) = self.rows.iter().find(|(n, _)| *n == item.row) else {
                continue;
            };
            let name = self.get(row, "name");
            let kind = self.get(row, "type");
            if name.is_empty() && kind.is_empty() {
                continue;
            }
            item.question = Some(Box::new(super::RowQuestion {
                name: name.to_owned(),
                kind: kind.to_owned(),
                label: labels
                    .iter()
                    .map(|h| self.get(row, h.as_str()))
                    .find(|l| !l.is_empty())
                    .unwrap_or_default()
                    .to_owned(),
            }));
        }
    }

    /// Renames the headers pyxform reads as another column to that column's name (`caption` is
    /// `label`, `relevance` and `bind:relevant` are `relevant`…), keeping a language suffix
    /// (`caption:English` is `label:english`). Two headers naming one column are refused, as
    /// pyxform refuses them (which one would be read?).
    pub(super) fn dealias(&mut self, sheet: &str, aliases: &[(&str, &str)]) -> Result<(), Item> {
        let mut seen: Vec<(String, String)> = Vec::new();
        for header in self.headers.iter_mut().filter(|h| !h.is_empty()) {
            let canonical = match aliases.iter().find(|(alias, _)| alias == header) {
                Some((_, to)) => (*to).to_owned(),
                None => {
                    let (base, suffix) = match header.find(':') {
                        Some(at) => header.split_at(at),
                        None => (header.as_str(), ""),
                    };
                    match aliases.iter().find(|(alias, _)| *alias == base) {
                        Some((_, to)) => format!("{to}{suffix}"),
                        None => header.clone(),
                    }
                }
            };
            if let Some((_, first)) = seen.iter().find(|(c, _)| *c == canonical) {
                return Err(super::err(
                    sheet,
                    1,
                    header,
                    &format!(
                        "two headers name the same column (rename or remove one): \
                         {first}, {header}"
                    ),
                ));
            }
            seen.push((canonical.clone(), header.clone()));
            *header = canonical;
        }
        Ok(())
    }

    pub(super) fn col(&self, name: &str) -> Option<usize> {
        self.headers.iter().position(|h| h == name)
    }

    pub(super) fn get<'a>(&self, row: &'a Row, name: &str) -> &'a str {
        self.col(name)
            .and_then(|i| row.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// `(language column suffix, column index)` of a translatable column (`label`, `hint`…).
    pub(super) fn translations(&self, base: &str) -> Vec<(String, usize)> {
        self.headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                if h == base {
                    Some((String::new(), i))
                } else {
                    h.strip_prefix(base)
                        .and_then(|rest| rest.strip_prefix("::").or_else(|| rest.strip_prefix(':')))
                        .map(|lang| (lang.trim().to_owned(), i))
                }
            })
            .collect()
    }
}

/// A spreadsheet date serial (days since 1899-12-30) as `YYYY-MM-DD HH:MM:SS`.
fn excel_date_text(serial: f64) -> String {
    let seconds = (serial * 86_400.0).round();
    if !seconds.is_finite() || seconds.abs() > 1e13 {
        return serial.to_string();
    }
    let epoch = time::macros::datetime!(1899-12-30 0:00 UTC);
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    epoch
        .checked_add(time::Duration::seconds(seconds as i64))
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_else(|| serial.to_string())
}

/// A cell as text, cleaned like every input (a workbook can hold `_x0000_`, which the reader
/// decodes to NUL, or bidirectional overrides: see `text::clean_input`).
fn cell_text(c: &Data) -> String {
    let text = match c {
        Data::Empty => return String::new(),
        Data::String(s) => s.trim().to_owned(),
        // A date or time as pyxform writes it: `2012-12-12 00:00:00`.
        Data::DateTime(d) => return excel_date_text(d.as_f64()),
        Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
        Data::Int(i) => i.to_string(),
        // As pyxform writes a boolean cell (a name typed as `=FALSE()` is `FALSE`).
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        other => other.to_string().trim().to_owned(),
    };
    crate::text::clean_input(&text).into_owned()
}

/// A cell's text at its 0-based `(row, column)`.
type Placed = (u32, u32, String);

/// An opened workbook: an `.xlsx`, read sheet by sheet as a stream of cells, or an old `.xls`,
/// which calamine parses whole when it opens it (after `limits::check_xls`).
pub(super) enum Book<'a> {
    Xlsx(Xlsx<Cursor<&'a [u8]>>),
    Xls(Xls<Cursor<&'a [u8]>>),
}

impl Book<'_> {
    pub(super) fn sheet_names(&self) -> Vec<String> {
        match self {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
        }
    }
}

/// The cells of an `.xlsx` sheet that hold something, as `(row, column, text)`, cell by cell as
/// the workbook lists them. `None` when the sheet cannot be read.
fn xlsx_cells(book: &mut Xlsx<Cursor<&[u8]>>, raw_name: &str) -> Result<Option<Vec<Placed>>, Item> {
    let Ok(mut reader) = book.worksheet_cells_reader(raw_name) else {
        return Ok(None);
    };
    let mut cells: Vec<Placed> = Vec::new();
    let mut listed = 0usize;
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(_) => return Ok(None),
        };
        listed += 1;
        if listed > MAX_CELLS {
            return Err(limits::too_many_cells(raw_name));
        }
        let (row, col) = cell.get_position();
        // Empty cells are skipped wherever they are (LibreOffice styles whole rows).
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        if let Some(item) = limits::cell_beyond(raw_name, row, col) {
            return Err(item);
        }
        let value: Data = cell.get_value().clone().into();
        cells.push((row, col, cell_text(&value)));
    }
    Ok(Some(cells))
}

/// The cells of an `.xls` sheet that hold something, from the grid calamine made of it (held
/// to the limits by `limits::check_xls` before it was made).
fn xls_cells(book: &mut Xls<Cursor<&[u8]>>, raw_name: &str) -> Result<Option<Vec<Placed>>, Item> {
    let Ok(range) = book.worksheet_range(raw_name) else {
        return Ok(None);
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (row, col, value) in range.used_cells() {
        if cells.len() >= MAX_CELLS {
            return Err(limits::too_many_cells(raw_name));
        }
        let (row, col) = (top + row as u32, left + col as u32);
        if let Some(item) = limits::cell_beyond(raw_name, row, col) {
            return Err(item);
        }
        cells.push((row, col, cell_text(value)));
    }
    Ok(Some(cells))
}

/// Reads a sheet, keeping only the cells that hold something: the header row is the first row
/// with a cell, column 0 the leftmost column with one (as a dense reading would). `Ok(None)`
/// when the sheet cannot be read or is empty; an error item when it is beyond the row, column
/// or cell limits (which the workbook check has already refused: this keeps what is allocated
/// here bounded whatever the check missed).
pub(super) fn read_sheet(book: &mut Book<'_>, raw_name: &str) -> Result<Option<Sheet>, Item> {
    let cells = match book {
        Book::Xlsx(b) => xlsx_cells(b, raw_name)?,
        Book::Xls(b) => xls_cells(b, raw_name)?,
    };
    let Some(mut cells) = cells else {
        return Ok(None);
    };
    let (Some(first_row), Some(first_col)) = (
        cells.iter().map(|c| c.0).min(),
        cells.iter().map(|c| c.1).min(),
    ) else {
        return Ok(None);
    };
    // In sheet order; of two cells at one place, the later one (as a dense range keeps it).
    cells.sort_by_key(|(row, col, _)| (*row, *col));
    let mut headers: Vec<String> = Vec::new();
    let mut rows: Vec<(usize, Row)> = Vec::new();
    let mut at = 0;
    while at < cells.len() {
        let row = cells[at].0;
        let mut row_cells: Vec<(usize, String)> = Vec::new();
        while let Some((_, col, text)) = cells.get_mut(at).filter(|c| c.0 == row) {
            let col = (*col - first_col) as usize;
            let text = std::mem::take(text);
            match row_cells.last_mut() {
                Some(last) if last.0 == col => last.1 = text,
                _ => row_cells.push((col, text)),
            }
            at += 1;
        }
        if row == first_row {
            for (col, text) in row_cells {
                let text = text.trim().to_lowercase();
                // pyxform refuses two columns of one name (which one would it read?).
                if !text.is_empty() && headers.contains(&text) {
                    return Err(super::err(
                        raw_name,
                        row as usize + 1,
                        &text,
                        "duplicate column header",
                    ));
                }
                if headers.len() <= col {
                    headers.resize(col + 1, String::new());
                }
                headers[col] = text;
            }
        } else {
            row_cells.retain(|(_, text)| !text.is_empty());
            if !row_cells.is_empty() {
                rows.push((row as usize + 1, Row(row_cells)));
            }
        }
    }
    Ok(Some(Sheet { headers, rows }))
}

/// A language column suffix as a language code: `English (en)` → `en`, `fr` → `fr`,
/// `Français` → `fr`; `None` when not one Passerelle knows.
pub(super) fn language_code(suffix: &str) -> Option<String> {
    let s = suffix.trim();
    if let (Some(open), Some(close)) = (s.rfind('('), s.rfind(')'))
        && open < close
    {
        let code = s[open + 1..close].trim().to_lowercase();
        if SPOKEN_LANGUAGES.contains(&code.as_str()) {
            return Some(code);
        }
    }
    let lower = crate::text::fold(s);
    if SPOKEN_LANGUAGES.contains(&lower.as_str()) {
        return Some(lower);
    }
    let by_name = [
        ("english", "en"),
        ("anglais", "en"),
        ("french", "fr"),
        ("francais", "fr"),
        ("german", "de"),
        ("deutsch", "de"),
        ("italian", "it"),
        ("italiano", "it"),
        ("spanish", "es"),
        ("espanol", "es"),
        ("portuguese", "pt"),
        ("portugues", "pt"),
        ("arabic", "ar"),
        ("dutch", "nl"),
        ("khmer", "km"),
        ("tagalog", "tl"),
        ("lingala", "ln"),
        ("swahili", "sw"),
        ("moore", "mos"),
        ("wolof", "wo"),
    ];
    by_name
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, c)| (*c).to_owned())
}

/// Reads the texts of a translatable column of one row into a [`Text`].
pub(super) fn text_of(
    sheet: &Sheet,
    row: &Row,
    base: &str,
    default_lang: &str,
    langs: &mut Vec<String>,
    skipped: &mut BTreeSet<String>,
) -> Text {
    let mut t = Text::default();
    for (suffix, i) in sheet.translations(base) {
        let v = row.get(i).map(String::as_str).unwrap_or("");
        if v.is_empty() {
            continue;
        }
        let lang = if suffix.is_empty() || crate::text::fold(&suffix) == "default" {
            Some(default_lang.to_owned())
        } else {
            language_code(&suffix)
        };
        match lang {
            Some(l) => {
                if !langs.contains(&l) {
                    langs.push(l.clone());
                }
                t.set(&l, v);
            }
            None => {
                skipped.insert(format!("{base}::{suffix}"));
            }
        }
    }
    t
}

/// The `settings` sheet: `(title, default language, whether choice names may repeat)`.
pub(super) fn read_settings(
    settings: Option<&Sheet>,
    default_lang: &str,
    report: &mut ImportReport,
) -> (String, String, bool) {
    let mut title = String::new();
    let mut default = default_lang.to_owned();
    let mut allow_duplicates = false;
    if let Some(s) = settings
        && let Some((_, row)) = s.rows.first()
    {
        title = s.get(row, "form_title").to_owned();
        if let Some(code) = language_code(s.get(row, "default_language")) {
            default = code;
        }
        allow_duplicates = matches!(
            s.get(row, "allow_choice_duplicates"),
            "yes" | "true" | "TRUE"
        );
        for (i, h) in s.headers.iter().enumerate() {
            if !h.is_empty()
                && ![
                    "form_title",
                    "form_id",
                    "default_language",
                    "version",
                    "allow_choice_duplicates",
                ]
                .contains(&h.as_str())
                && row.get(i).is_some_and(|v| !v.is_empty())
            {
                report
                    .not_imported
                    .push(err("settings", 2, h, "setting not supported"));
            }
        }
    }
    (title, default, allow_duplicates)
}

/// The `choices` sheet: choice lists by name.
pub(super) fn read_choices(
    choices: Option<&Sheet>,
    default: &str,
    allow_duplicates: bool,
    langs: &mut Vec<String>,
    skipped_langs: &mut BTreeSet<String>,
    report: &mut ImportReport,
) -> BTreeMap<String, Vec<Choice>> {
    let mut lists: BTreeMap<String, Vec<Choice>> = BTreeMap::new();
    if let Some(c) = choices {
        let list_col = if c.col("list_name").is_some() {
            "list_name"
        } else {
            "list name"
        };
        for (row_no, row) in &c.rows {
            let list = c.get(row, list_col);
            let name = c.get(row, "name");
            if list.is_empty() || name.is_empty() {
                report.not_imported.push(err(
                    "choices",
                    *row_no,
                    if list.is_empty() { list_col } else { "name" },
                    "row without list name or name",
                ));
                continue;
            }
            let label = text_of(c, row, "label", default, langs, skipped_langs);
            let entry = lists.entry(list.to_owned()).or_default();
            if entry.iter().any(|x| x.code == name) {
                if allow_duplicates {
                    report.not_imported.push(err(
                        "choices",
                        *row_no,
                        "name",
                        "duplicate choice (kept once; choice filters are not supported)",
                    ));
                } else {
                    report.errors.push(err(
                        "choices",
                        *row_no,
                        "name",
                        "duplicate choice name in its list",
                    ));
                }
                continue;
            }
            if name.chars().count() > 64 {
                report
                    .errors
                    .push(err("choices", *row_no, "name", "choice name too long"));
                continue;
            }
            entry.push(Choice {
                code: name.to_owned(),
                label,
            });
            for (i, h) in c.headers.iter().enumerate() {
                let known = h == list_col || h == "name" || h == "label" || h.starts_with("label:");
                if !known && !h.is_empty() && row.get(i).is_some_and(|v| !v.is_empty()) {
                    report.not_imported.push(err(
                        "choices",
                        *row_no,
                        h,
                        "choice column not supported",
                    ));
                }
            }
        }
    }

    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_is_cleaned_like_every_input() {
        assert_eq!(
            cell_text(&Data::String(" Ti\u{0}tre\u{202e} ".into())),
            "Titre"
        );
        assert_eq!(cell_text(&Data::Float(3.0)), "3");
    }
}
