//! Limits on uploaded workbooks, checked on the raw bytes before the spreadsheet reader sees
//! them, and the slots workbooks are read in.
//!
//! An `.xlsx` workbook is a zip of XML parts, and the spreadsheet reader (calamine) allocates for
//! what the parts declare: one cell at `XFD1048576` made its dense reading of a sheet ask for
//! 512 GiB (a failed allocation aborts the whole process), `<sst uniqueCount>` is reserved as
//! written, its arithmetic on cell references overflows (a panic in debug builds), and a 1 MB
//! part can inflate to 1 GB. So `check` first inflates every part once, through a counter that
//! stops one byte past the limit (the sizes a zip declares can lie), and scans its XML with the
//! parser settings the reader uses: the longest text or tag, element depth, `<row r>` and
//! `<c r>` positions (written or implied, refused when a value is there), cells per sheet,
//! shared strings, and the size a sheet declares (`<dimension ref>`, refused only beyond a
//! spreadsheet's own bounds or reversed: nothing reserves for it, the sheet reader streams).
//! Nothing is kept but counters: checking costs a 64 KiB buffer and the largest XML token,
//! which is at most [`MAX_TOKEN`] for texts and tags (a run without `<`; a CDATA section, a
//! comment or an attribute holding `<` can be longer, up to the part limit, [`MAX_PART_INFLATED`]). The sheet reader then streams cells one by one and keeps them sparsely,
//! enforcing the same row, column and cell limits on what it is given (`sheet::read_sheet`).
//!
//! A workbook over a limit is refused with an error item of the import report whose reason
//! names the limit and its value. Reading runs on a blocking thread, in one of [`READERS`]
//! slots; beyond [`QUEUE`] waiting reads, more are refused at once with
//! [`crate::Error::Busy`]. The scanning itself is in `scan.rs`; an old `.xls` workbook is
//! walked record by record in `biff.rs` instead.

mod biff;
mod scan;

use super::{Item, err};
use crate::slots::Slots;

pub(super) use biff::{check_xls, is_compound_file};
pub(super) use scan::check;

const MIB: u64 = 1024 * 1024;

/// Largest workbook accepted, as uploaded (XLSForms weigh 10 to 100 KB).
pub const MAX_COMPRESSED: usize = 5 * 1024 * 1024;
/// Most parts (zip entries) in a workbook; one with three sheets has about fifteen.
pub const MAX_PARTS: usize = 500;
/// Largest part, inflated.
pub const MAX_PART_INFLATED: u64 = 16 * MIB;
/// Largest workbook, all parts inflated.
pub const MAX_INFLATED: u64 = 32 * MIB;
/// Longest text or tag in an XML part: the XML parser holds one whole, and a spreadsheet
/// cell holds at most 32,767 characters.
pub const MAX_TOKEN: u64 = MIB;
/// Deepest nesting of XML elements (worksheets nest 7 deep, drawings about 15).
pub const MAX_DEPTH: usize = 64;
/// Last row a sheet may use, the last of an `.xls` (XLSForms have fewer than 2,000 rows, the
/// HCTS census a few hundred; pyxform's own examples have a note on row 19,999). Cells are
/// kept sparsely and counted ([`MAX_CELLS`]), so a high row costs nothing.
pub const MAX_ROWS: u32 = 65_536;
/// Last column a sheet may use, `IV`, the last of an `.xls` (XLSForms have fewer than 60
/// columns; pyxform's own examples put notes up to `IV`).
pub const MAX_COLUMNS: u32 = 256;
/// Most cells in one sheet, and most shared strings in a workbook.
pub const MAX_CELLS: usize = 200_000;
/// Sheets a workbook may name (an XLSForm has three), and relationships its workbook part may
/// list: bounded so that matching parts to sheets stays cheap.
pub const MAX_SHEETS: usize = 64;
pub const MAX_RELATIONSHIPS: usize = 512;
/// Workbooks read at once: reading is CPU-bound and each read holds the workbook's strings.
pub const READERS: usize = 2;
/// Reads waiting for a slot beyond which more are refused with [`Error::Busy`].
pub const QUEUE: usize = 8;

/// `5 MiB`.
fn mib(bytes: u64) -> String {
    format!("{} MiB", bytes / MIB)
}

/// `10,000`: numbers in reasons, which are English.
fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// At most 24 characters of something a workbook says, for a reason.
fn quoted(s: &str) -> String {
    if s.chars().count() > 24 {
        format!("{}…", s.chars().take(24).collect::<String>())
    } else {
        s.to_owned()
    }
}

/// Spreadsheet letters of a 1-based column: 1 → `A`, 200 → `GR`.
fn column_letters(mut col: u64) -> String {
    let mut letters = Vec::new();
    while col > 0 {
        let rem = ((col - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        col = (col - 1) / 26;
    }
    letters.iter().rev().collect()
}

fn whole(reason: &str) -> Item {
    err("", 0, "", reason)
}

pub(super) fn not_a_workbook() -> Item {
    whole("not an .xlsx or .xls workbook")
}

fn damaged(part: &str) -> Item {
    whole(&format!(
        "the workbook is damaged: its part {} cannot be read",
        quoted(part)
    ))
}

/// Why a cell at 1-based `(row, col)` is refused, if it is.
fn beyond(row: u64, col: u64) -> Option<String> {
    let row_over = row > u64::from(MAX_ROWS);
    let col_over = col > u64::from(MAX_COLUMNS);
    let rows = format!("row {}", count(MAX_ROWS.into()));
    let cols = format!(
        "column {} ({})",
        count(MAX_COLUMNS.into()),
        column_letters(MAX_COLUMNS.into())
    );
    match (row_over, col_over) {
        (false, false) => None,
        (true, false) => Some(format!("beyond {rows} (limit)")),
        (false, true) => Some(format!("beyond {cols} (limit)")),
        (true, true) => Some(format!("beyond {rows} and {cols} (limit)")),
    }
}

/// The refusal of a cell the sheet reader was given at 0-based `(row, col)`.
pub(super) fn cell_beyond(sheet: &str, row: u32, col: u32) -> Option<Item> {
    let (row, col) = (u64::from(row) + 1, u64::from(col) + 1);
    beyond(row, col).map(|why| {
        err(
            sheet,
            0,
            "",
            &format!("cell {}{row} is {why}", column_letters(col)),
        )
    })
}

pub(super) fn too_many_cells(sheet: &str) -> Item {
    err(
        sheet,
        0,
        "",
        &format!(
            "the sheet has more than {} cells (limit)",
            count(MAX_CELLS as u64)
        ),
    )
}

/// The reading slots, shared by the whole process (memory is per process).
pub(super) static SLOTS: Slots = Slots::new("workbook reading", READERS, QUEUE);
