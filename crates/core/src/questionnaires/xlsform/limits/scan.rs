//! The scan of a workbook's raw bytes against the limits of `limits.rs`: every zip part inflated
//! once through a counter, its XML read with the spreadsheet reader's own parser settings.

use std::io::{self, BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;

use super::*;

/// A cell reference such as `XFD1048576` as the spreadsheet reader scans it (letters, then
/// digits), without overflow: 1-based `row` and `col` (0 when absent), saturating, so that a
/// reference longer than any sheet reads as huge. The reader multiplies as it scans, before it
/// knows whether the reference is valid, so the limits apply to an invalid one too
/// (`AinlineStr` overflows it); only a `valid` one places a cell.
#[derive(Debug, PartialEq)]
struct Reference {
    row: u64,
    col: u64,
    valid: bool,
}

fn reference(s: &str) -> Reference {
    let b = s.as_bytes();
    let mut i = 0;
    let (mut row, mut col) = (0u64, 0u64);
    let mut valid = true;
    while let Some(&c) = b.get(i) {
        let letter = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a',
            b'0'..=b'9' => break,
            _ => {
                valid = false;
                break;
            }
        };
        col = col.saturating_mul(26).saturating_add(u64::from(letter) + 1);
        i += 1;
    }
    while valid && let Some(&c) = b.get(i) {
        if !c.is_ascii_digit() {
            valid = false;
            break;
        }
        row = row.saturating_mul(10).saturating_add(u64::from(c - b'0'));
        i += 1;
    }
    Reference {
        row,
        col,
        valid: valid && row > 0,
    }
}

/// A number as the reader parses counts (digits only, leading zeros allowed), saturating;
/// `None` when the reader would not read it as a number.
fn number(s: &str) -> Option<u64> {
    let s = s.strip_prefix('+').unwrap_or(s);
    if s.is_empty() || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(s.bytes().fold(0u64, |n, c| {
        n.saturating_mul(10).saturating_add(u64::from(c - b'0'))
    }))
}

/// The value of attribute `key`, found as the reader finds it: the first attribute so named,
/// raw (not unescaped); `None` when absent or after a malformed attribute (where the reader
/// fails).
fn attr<'e>(e: &'e BytesStart<'_>, key: &str) -> Option<&'e str> {
    let raw: &str = e.attributes_raw();
    let b = raw.as_bytes();
    let mut pos = 0;
    loop {
        while b.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        while b.get(pos).is_some_and(|&c| c != b'=') {
            pos += 1;
        }
        if pos >= b.len() {
            return None;
        }
        let k = raw.get(start..pos)?.trim_ascii_end();
        pos += 1;
        while b.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let quote = match b.get(pos) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => return None,
        };
        pos += 1;
        let value_start = pos;
        while b.get(pos).is_some_and(|&c| c != quote) {
            pos += 1;
        }
        let value = raw.get(value_start..pos)?;
        pos += 1;
        if k == key {
            return Some(value);
        }
    }
}

/// Reads through to `inner`, counting, and fails one byte past `limit`, past `token_limit`
/// bytes without a `<` (a text or a tag that long), or when `inner` fails.
struct Counted<R> {
    inner: R,
    read: u64,
    limit: u64,
    over: bool,
    token_limit: u64,
    /// Bytes since the last `<`.
    run: u64,
    long_token: bool,
    failed: bool,
}

impl<R> Counted<R> {
    fn new(inner: R, limit: u64, token_limit: u64) -> Self {
        Counted {
            inner,
            read: 0,
            limit,
            over: false,
            token_limit,
            run: 0,
            long_token: false,
            failed: false,
        }
    }
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.over || self.long_token || self.failed {
            return Err(io::Error::other("stopped"));
        }
        let room = (self.limit + 1 - self.read).min(buf.len() as u64) as usize;
        let n = match self.inner.read(&mut buf[..room]) {
            Ok(n) => n,
            Err(e) => {
                self.failed = true;
                return Err(e);
            }
        };
        self.read += n as u64;
        if self.read > self.limit {
            self.over = true;
            return Err(io::Error::other("inflated size limit"));
        }
        let chunk = &buf[..n];
        match (memchr::memchr(b'<', chunk), memchr::memrchr(b'<', chunk)) {
            (None, _) | (_, None) => self.run += n as u64,
            (Some(first), Some(last)) => {
                self.long_token |= self.run + first as u64 > self.token_limit;
                // Gaps between two `<` of the chunk are shorter than the chunk.
                if n as u64 > self.token_limit {
                    let mut rest = &chunk[first + 1..=last];
                    while let Some(at) = memchr::memchr(b'<', rest) {
                        self.long_token |= at as u64 > self.token_limit;
                        rest = &rest[at + 1..];
                    }
                }
                self.run = (n - last - 1) as u64;
            }
        }
        if self.long_token || self.run > self.token_limit {
            self.long_token = true;
            return Err(io::Error::other("token size limit"));
        }
        Ok(n)
    }
}

/// Whether a part is named as XML, and its texts and tags limited to [`MAX_TOKEN`] (other
/// parts, pictures, may hold long runs of any byte).
fn named_as_xml(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    [".xml", ".rels", ".vml"].iter().any(|x| lower.ends_with(x))
}

/// The workbook's sheet names and where their parts are, to name sheets in reasons.
#[derive(Default)]
struct SheetNames {
    /// `(name, relationship id)` from the workbook part.
    sheets: Vec<(String, String)>,
    /// `(id, part path)` from the workbook's relationships.
    parts: Vec<(String, String)>,
}

impl SheetNames {
    fn of(&self, part: &str) -> Option<&str> {
        self.sheets.iter().find_map(|(name, rid)| {
            self.parts
                .iter()
                .any(|(id, path)| id == rid && path.eq_ignore_ascii_case(part))
                .then_some(name.as_str())
        })
    }
}

#[derive(Clone, Copy, PartialEq)]
enum PartKind {
    Workbook,
    WorkbookRelationships,
    Other,
}

fn kind_of(part: &str) -> PartKind {
    let lower = part.to_ascii_lowercase();
    if lower.ends_with("workbook.xml.rels") {
        PartKind::WorkbookRelationships
    } else if lower.ends_with("workbook.xml") {
        PartKind::Workbook
    } else {
        PartKind::Other
    }
}

/// A spreadsheet's own bounds: 1,048,576 rows, 16,384 columns (XFD).
const EXCEL_ROWS: u64 = 1_048_576;
const EXCEL_COLUMNS: u64 = 16_384;

/// The counters of one part's scan.
struct Scan {
    part: String,
    kind: PartKind,
    /// The sheet the part holds, or the part, for reasons.
    label: String,
    depth: usize,
    cells: usize,
    strings: usize,
    /// The 0-based row and column the reader gives a cell written without `r`.
    row: u64,
    col: u64,
    in_cell: bool,
    /// A cell beyond the limits that may yet be empty (LibreOffice writes styled empty cells
    /// up to column AMJ): refused only if a value follows in it.
    beyond: Option<Item>,
}

impl Scan {
    fn refuse(&self, reason: &str) -> Item {
        err(&self.label, 0, "", reason)
    }

    fn cell_at(&mut self, written: Option<&str>, row: u64, col: u64) -> Result<(), Item> {
        match beyond(row, col) {
            None => Ok(()),
            Some(why) => {
                let at = match written {
                    Some(r) => quoted(r),
                    None => format!("{}{row}", column_letters(col)),
                };
                let item = self.refuse(&format!("cell {at} is {why}"));
                // Within a spreadsheet's own bounds, an empty cell is harmless: wait for its
                // value. Beyond them (arithmetic overflows in readers), refuse at once.
                if row <= EXCEL_ROWS && col <= EXCEL_COLUMNS {
                    self.beyond = Some(item);
                    Ok(())
                } else {
                    Err(item)
                }
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, names: &mut SheetNames) -> Result<(), Item> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.refuse(&format!(
                "XML elements nested more than {MAX_DEPTH} deep (limit)"
            )));
        }
        let local = e.local_name();
        match local.as_ref() {
            // The size a sheet declares (`<dimension ref>`) is only reserved for by dense
            // readers, which Passerelle does not use (the sheet reader streams), and
            // LibreOffice declares `A1:AMJ1048576` for ordinary forms: within a spreadsheet's
            // bounds it is not a limit, the cells themselves are. The reader does subtract its
            // corners, so one beyond those bounds, unreadable or reversed is refused.
            "dimension" => {
                if let Some(dim) = attr(e, "ref") {
                    let corners: Vec<Reference> = dim.split(':').map(reference).collect();
                    for corner in &corners {
                        if let Some(why) = beyond(corner.row, corner.col)
                            && (!corner.valid
                                || corner.row > EXCEL_ROWS
                                || corner.col > EXCEL_COLUMNS)
                        {
                            return Err(self.refuse(&format!(
                                "the sheet declares its size as {}, {why}",
                                quoted(dim)
                            )));
                        }
                    }
                    if let [a, b] = corners.as_slice()
                        && a.valid
                        && b.valid
                        && (b.row < a.row || b.col < a.col)
                    {
                        return Err(self.refuse(&format!(
                            "the sheet declares an invalid size: {}",
                            quoted(dim)
                        )));
                    }
                }
            }
            "row" => {
                if let Some(r) = attr(e, "r") {
                    let at = reference(r);
                    // A row within a spreadsheet's bounds is only as far as its cells with a
                    // value, checked one by one; beyond those bounds, it is refused.
                    if let Some(why) = beyond(at.row, at.col)
                        && (at.row > EXCEL_ROWS || !at.valid)
                    {
                        return Err(self.refuse(&format!("row {} is {why}", quoted(r))));
                    }
                    if at.valid && !self.in_cell {
                        self.row = at.row - 1;
                    }
                }
            }
            "c" => {
                self.cells += 1;
                if self.cells > MAX_CELLS {
                    return Err(self.refuse(&format!(
                        "the sheet has more than {} cells (limit)",
                        count(MAX_CELLS as u64)
                    )));
                }
                match attr(e, "r") {
                    Some(r) => {
                        let at = reference(r);
                        self.cell_at(Some(r), at.row, at.col)?;
                        if at.valid && at.col > 0 {
                            self.col = at.col - 1;
                        }
                    }
                    None => self.cell_at(None, self.row + 1, self.col + 1)?,
                }
                self.in_cell = true;
            }
            // A value in a cell beyond the limits.
            "v" | "is" | "f" if self.in_cell && self.beyond.is_some() => {
                return Err(self.beyond.take().unwrap_or_else(|| self.refuse("")));
            }
            "sst" => {
                for key in ["uniqueCount", "count"] {
                    if let Some(v) = attr(e, key)
                        && number(v).is_some_and(|n| n > MAX_CELLS as u64)
                    {
                        return Err(self.refuse(&format!(
                            "the workbook declares {} shared strings, more than {} (limit)",
                            quoted(v),
                            count(MAX_CELLS as u64)
                        )));
                    }
                }
            }
            "si" => {
                self.strings += 1;
                if self.strings > MAX_CELLS {
                    return Err(self.refuse(&format!(
                        "the workbook has more than {} shared strings (limit)",
                        count(MAX_CELLS as u64)
                    )));
                }
            }
            "sheet" if self.kind == PartKind::Workbook => {
                if let (Some(name), Some(id)) = (attr(e, "name"), attr(e, "r:id")) {
                    let name = quick_xml::escape::unescape(name)
                        .map(|n| n.into_owned())
                        .unwrap_or_else(|_| name.to_owned());
                    if names.sheets.len() >= MAX_SHEETS {
                        return Err(self.refuse(&format!(
                            "the workbook has more than {MAX_SHEETS} sheets (limit)"
                        )));
                    }
                    names.sheets.push((name, id.to_owned()));
                }
            }
            "Relationship" if self.kind == PartKind::WorkbookRelationships => {
                if let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target")) {
                    // `xl/_rels/workbook.xml.rels` → targets relative to `xl/`.
                    let base = self
                        .part
                        .rsplit_once("_rels/")
                        .map(|(dir, _)| dir)
                        .unwrap_or("");
                    let path = match target.strip_prefix('/') {
                        Some(absolute) => absolute.to_owned(),
                        None => format!("{base}{target}"),
                    };
                    if names.parts.len() >= MAX_RELATIONSHIPS {
                        return Err(self.refuse(&format!(
                            "the workbook lists more than {MAX_RELATIONSHIPS} relationships (limit)"
                        )));
                    }
                    names.parts.push((id.to_owned(), path));
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, local: &str) {
        self.depth = self.depth.saturating_sub(1);
        match local {
            "c" if self.in_cell => {
                self.in_cell = false;
                self.beyond = None;
                self.col += 1;
            }
            "row" if !self.in_cell => {
                self.row += 1;
                self.col = 0;
            }
            _ => {}
        }
    }
}

/// Scans one part as XML, with the reader's settings. Where the XML stops being well-formed
/// (or the part is not XML), the reader stops there too: the rest is only counted.
fn scan_part<R: Read>(
    input: &mut Counted<R>,
    scan: &mut Scan,
    names: &mut SheetNames,
) -> Result<(), Item> {
    let mut xml = Reader::from_reader(BufReader::with_capacity(64 * 1024, input));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    let mut buf = Vec::with_capacity(1024);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => scan.start(&e, names)?,
            Ok(Event::End(e)) => scan.end(e.local_name().as_ref()),
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(_) => {
                let mut rest = xml.into_inner();
                let _ = io::copy(&mut rest, &mut io::sink());
                break;
            }
        }
    }
    Ok(())
}

/// Checks a workbook against the limits before anything is allocated for what it declares.
pub(in crate::questionnaires::xlsform) fn check(bytes: &[u8]) -> std::result::Result<(), Item> {
    if bytes.len() > MAX_COMPRESSED {
        return Err(whole(&format!(
            "the workbook is larger than {} (limit)",
            mib(MAX_COMPRESSED as u64)
        )));
    }
    // A workbook starts with its first part; anything else (an old .xls, a file with a zip
    // appended) is not one, whatever a lenient zip reader would find in it.
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(not_a_workbook());
    }
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    if zip.len() > MAX_PARTS {
        return Err(whole(&format!(
            "the workbook has more than {} parts (limit)",
            count(MAX_PARTS as u64)
        )));
    }
    // The workbook and its relationships first, so that later parts are named by their sheet.
    let mut order: Vec<(bool, usize)> = (0..zip.len())
        .map(|i| {
            let first = zip
                .name_for_index(i)
                .and_then(|n| n.ok())
                .is_some_and(|n| kind_of(&n) != PartKind::Other);
            (!first, i)
        })
        .collect();
    order.sort();
    let mut names = SheetNames::default();
    let mut total = 0u64;
    for (_, i) in order {
        let mut file = zip.by_index(i).map_err(|_| damaged(&format!("#{i}")))?;
        let part = file
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| format!("#{i}"));
        let allowance = MAX_PART_INFLATED.min(MAX_INFLATED - total);
        let token_limit = if named_as_xml(&part) {
            MAX_TOKEN
        } else {
            u64::MAX
        };
        let mut input = Counted::new(&mut file, allowance, token_limit);
        let mut scan = Scan {
            kind: kind_of(&part),
            label: names.of(&part).unwrap_or(&part).to_owned(),
            part,
            depth: 0,
            cells: 0,
            strings: 0,
            row: 0,
            col: 0,
            in_cell: false,
            beyond: None,
        };
        let scanned = scan_part(&mut input, &mut scan, &mut names);
        if input.over {
            return Err(if allowance == MAX_PART_INFLATED {
                err(
                    &scan.label,
                    0,
                    "",
                    &format!(
                        "the part {} inflates to more than {} (limit)",
                        quoted(&scan.part),
                        mib(MAX_PART_INFLATED)
                    ),
                )
            } else {
                whole(&format!(
                    "the workbook inflates to more than {} (limit)",
                    mib(MAX_INFLATED)
                ))
            });
        }
        if input.long_token {
            return Err(err(
                &scan.label,
                0,
                "",
                &format!(
                    "the part {} holds a text or tag longer than {} (limit)",
                    quoted(&scan.part),
                    mib(MAX_TOKEN)
                ),
            ));
        }
        if input.failed {
            return Err(damaged(&scan.part));
        }
        scanned?;
        total += input.read;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_without_overflow() {
        let at = |row, col, valid| Reference { row, col, valid };
        assert_eq!(reference("A1"), at(1, 1, true));
        assert_eq!(reference("XFD1048576"), at(1_048_576, 16_384, true));
        assert_eq!(reference("gr10000"), at(10_000, 200, true));
        assert_eq!(reference("12"), at(12, 0, true));
        assert_eq!(reference("A0"), at(0, 1, false));
        assert_eq!(reference("A1B"), at(1, 1, false));
        assert_eq!(
            reference("AAAAAAAAAAAAAAAAAAAAAAAA99999999999999999999999"),
            at(u64::MAX, u64::MAX, true)
        );
        // The reader overflows on the letters before it finds there is no row.
        assert!(reference("AinlineStr").col > u64::from(MAX_COLUMNS));
        assert_eq!(column_letters(200), "GR");
        assert_eq!(column_letters(16_384), "XFD");
        assert_eq!(count(4_000_000_000), "4,000,000,000");
        assert_eq!(count(200), "200");
        assert_eq!(number("0004000000000"), Some(4_000_000_000));
        assert_eq!(number("-1"), None);
    }

    #[test]
    fn a_workbook_larger_than_the_limit_is_refused_unread() {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.resize(MAX_COMPRESSED + 1, 0);
        let item = check(&bytes).expect_err("refused");
        assert_eq!(item.reason, "the workbook is larger than 5 MiB (limit)");
    }
}
