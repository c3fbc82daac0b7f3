//! Checks on an old Excel workbook (`.xls`: BIFF records in a compound file) before the
//! spreadsheet reader parses it. calamine reads every sheet of an `.xls` when it opens it,
//! reserves room for the size a sheet declares, and lays each sheet's cells out as a dense grid
//! from the first to the last cell: a declared size, or two cells far apart, would make it ask
//! for gigabytes and abort the process. So the records are walked here first: the cells' places
//! are held to the row and column limits, and the grids all sheets add up to (their cells'
//! spread, or their declared size when larger) to [`MAX_GRID_CELLS`].

use std::collections::HashSet;
use std::io::{Cursor, Read};

use super::*;

/// The signature of a compound file, the container of `.xls` workbooks.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Cells all the grids of a workbook's sheets may hold together (first to last cell of each,
/// or its declared size if larger): about 40 MiB as calamine lays them out.
pub const MAX_GRID_CELLS: u64 = 1_000_000;

/// Whether `bytes` are a compound file (an `.xls` workbook, or something else in that box).
pub(in crate::questionnaires::xlsform) fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(&COMPOUND_FILE)
}

/// Checks an `.xls` workbook against the limits (see the module's documentation).
pub(in crate::questionnaires::xlsform) fn check_xls(bytes: &[u8]) -> Result<(), Item> {
    if bytes.len() > MAX_COMPRESSED {
        return Err(whole(&format!(
            "the workbook is larger than {} (limit)",
            mib(MAX_COMPRESSED as u64)
        )));
    }
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| not_a_workbook())?;
    let stream = ["/Workbook", "/Book"]
        .into_iter()
        .find(|name| file.is_stream(name))
        .ok_or_else(not_a_workbook)?;
    let mut data = Vec::new();
    file.open_stream(stream)
        .map_err(|_| not_a_workbook())?
        .take(MAX_INFLATED)
        .read_to_end(&mut data)
        .map_err(|_| damaged("Workbook"))?;
    records(&data)
}

fn u16_at(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 2)
        .map(|x| u64::from(u16::from_le_bytes([x[0], x[1]])))
}

fn u32_at(b: &[u8], at: usize) -> Option<u64> {
    b.get(at..at + 4)
        .map(|x| u64::from(u32::from_le_bytes([x[0], x[1], x[2], x[3]])))
}

/// The name a BoundSheet8 record gives its sheet (one or two bytes per character).
fn sheet_name(body: &[u8]) -> String {
    let cch = body.get(6).copied().unwrap_or(0) as usize;
    let wide = body.get(7).is_some_and(|f| f & 1 == 1);
    let chars = body.get(8..).unwrap_or(&[]);
    let name: String = if wide {
        let units: Vec<u16> = chars
            .chunks_exact(2)
            .take(cch)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        chars.iter().take(cch).map(|b| char::from(*b)).collect()
    };
    crate::text::clean_input(name.trim()).into_owned()
}

/// One sheet's extent as the reader will lay it out: first and last row and column of its
/// cells, and the cells its declared size asks room for.
#[derive(Default)]
struct Extent {
    cells: Option<(u64, u64, u64, u64)>,
    declared: u64,
}

impl Extent {
    fn add(&mut self, row: u64, col: u64) {
        self.cells = Some(match self.cells {
            None => (row, row, col, col),
            Some((r0, r1, c0, c1)) => (r0.min(row), r1.max(row), c0.min(col), c1.max(col)),
        });
    }

    fn grid(&self) -> u64 {
        let spread = self
            .cells
            .map_or(0, |(r0, r1, c0, c1)| (r1 - r0 + 1) * (c1 - c0 + 1));
        spread.max(self.declared)
    }
}

/// Walks the records of the workbook stream.
fn records(data: &[u8]) -> Result<(), Item> {
    let runs_past = || whole("the workbook is damaged: a record runs past its end");
    let mut starts = HashSet::new();
    let mut sheet_offsets = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut sheets: Vec<Extent> = Vec::new();
    let mut cells = 0usize;
    let mut at = 0usize;
    while at + 4 <= data.len() {
        starts.insert(at as u64);
        let kind = u16_at(data, at).ok_or_else(runs_past)?;
        let len = u16_at(data, at + 2).ok_or_else(runs_past)? as usize;
        let body = data.get(at + 4..at + 4 + len).ok_or_else(runs_past)?;
        at += 4 + len;
        // Sheets in the order the workbook lists them; the first BOF is the globals'.
        let index = sheets.len().saturating_sub(2);
        let label = names
            .get(index)
            .cloned()
            .unwrap_or_else(|| format!("sheet {}", index + 1));
        match kind {
            // BOF: the workbook's globals, then one per sheet (or chart inside one).
            0x0809 => {
                sheets.push(Extent::default());
                if sheets.len() > MAX_SHEETS + 1 {
                    return Err(whole(&format!(
                        "the workbook has more than {MAX_SHEETS} sheets (limit)"
                    )));
                }
            }
            // BoundSheet8: where a sheet's records start.
            0x0085 => {
                sheet_offsets.push(u32_at(body, 0).ok_or_else(runs_past)?);
                names.push(sheet_name(body));
            }
            // Dimensions: the size the sheet declares, which the reader reserves room for.
            0x0200 => {
                let (first_row, last_row, last_col) = match body.len() {
                    10 => (u16_at(body, 0), u16_at(body, 2), u16_at(body, 6)),
                    14 | 16 => (u32_at(body, 0), u32_at(body, 4), u16_at(body, 10)),
                    _ => return Err(damaged("Workbook")),
                };
                let (Some(first_row), Some(last_row), Some(last_col)) =
                    (first_row, last_row, last_col)
                else {
                    return Err(runs_past());
                };
                // A reversed size would wrap around in the reader's arithmetic; a large one
                // counts against the grids (a size beyond the cells is common: extra columns).
                if first_row > last_row {
                    return Err(err(&label, 0, "", "the sheet declares an invalid size"));
                }
                if let Some(sheet) = sheets.last_mut() {
                    sheet.declared = (last_row - first_row).max(1) * last_col.max(1);
                }
            }
            // Cells with a value, and the several values of MulRk, at (row, column).
            0x00FD | 0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x0006 | 0x00BD => {
                let row = u16_at(body, 0).ok_or_else(runs_past)?;
                let first = u16_at(body, 2).ok_or_else(runs_past)?;
                let last = if kind == 0x00BD {
                    u16_at(body, body.len().saturating_sub(2)).ok_or_else(runs_past)?
                } else {
                    first
                };
                for col in [first, last] {
                    let place = (u32::try_from(row), u32::try_from(col));
                    if let (Ok(r), Ok(c)) = place
                        && let Some(item) = cell_beyond(&label, r, c)
                    {
                        return Err(item);
                    }
                }
                cells += usize::try_from(last.saturating_sub(first) + 1).unwrap_or(usize::MAX);
                if cells > MAX_CELLS {
                    return Err(whole(&format!(
                        "the workbook has more than {} cells (limit)",
                        count(MAX_CELLS as u64)
                    )));
                }
                if let Some(sheet) = sheets.last_mut() {
                    sheet.add(row, first);
                    sheet.add(row, last);
                }
            }
            _ => {}
        }
    }
    // The reader starts each sheet where the workbook says: only at a record seen here, so that
    // it reads the very records checked above.
    if sheet_offsets.iter().any(|o| !starts.contains(o)) {
        return Err(whole(
            "the workbook is damaged: a sheet starts inside another record",
        ));
    }
    let grids: u64 = sheets.iter().map(Extent::grid).sum();
    if grids > MAX_GRID_CELLS {
        return Err(whole(&format!(
            "the workbook's sheets span more than {} cells (limit)",
            count(MAX_GRID_CELLS)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One BIFF record.
    fn rec(kind: u16, body: &[u8]) -> Vec<u8> {
        let mut out = kind.to_le_bytes().to_vec();
        out.extend((body.len() as u16).to_le_bytes());
        out.extend(body);
        out
    }

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut body = row.to_le_bytes().to_vec();
        body.extend(col.to_le_bytes());
        body.extend([0u8; 10]);
        rec(0x0203, &body)
    }

    fn dimensions(first_row: u32, last_row: u32, last_col: u16) -> Vec<u8> {
        let mut body = first_row.to_le_bytes().to_vec();
        body.extend(last_row.to_le_bytes());
        body.extend(0u16.to_le_bytes());
        body.extend(last_col.to_le_bytes());
        body.extend([0u8; 2]);
        rec(0x0200, &body)
    }

    fn stream(parts: &[Vec<u8>]) -> Vec<u8> {
        parts.concat()
    }

    #[test]
    fn a_small_sheet_passes() {
        let bof = rec(0x0809, &[0; 16]);
        let data = stream(&[
            bof.clone(),
            bof,
            dimensions(0, 3, 4),
            number(0, 0),
            number(2, 3),
        ]);
        assert!(records(&data).is_ok());
    }

    #[test]
    fn declared_sizes_and_cells_beyond_the_limits_are_refused() {
        let bof = rec(0x0809, &[0; 16]);
        let huge = stream(&[bof.clone(), dimensions(0, 0x7FFF_FFFF, 0xFFFF)]);
        let e = records(&huge).expect_err("huge dimension");
        assert!(
            e.reason.contains("span more than 1,000,000 cells"),
            "{}",
            e.reason
        );
        // Extra columns declared beyond the cells: read, as pyxform reads them.
        let wide = stream(&[bof.clone(), dimensions(0, 40, 256), number(0, 0)]);
        assert!(records(&wide).is_ok());
        let reversed = stream(&[bof.clone(), dimensions(5000, 1, 3)]);
        let e = records(&reversed).expect_err("a size that would wrap around");
        assert!(e.reason.contains("invalid size"), "{}", e.reason);
        let far = stream(&[bof.clone(), number(0, 0), number(0, 60_000)]);
        let e = records(&far).expect_err("far cell");
        assert!(e.reason.contains("beyond column 256"), "{}", e.reason);
        let mut mulrk = 0u16.to_le_bytes().to_vec();
        mulrk.extend(5u16.to_le_bytes());
        mulrk.extend([0u8; 6]);
        mulrk.extend(40_000u16.to_le_bytes());
        let e = records(&stream(&[bof, rec(0x00BD, &mulrk)])).expect_err("MulRk");
        assert!(e.reason.contains("beyond column 256"), "{}", e.reason);
    }

    #[test]
    fn grids_adding_up_beyond_the_limit_are_refused() {
        // Each sheet holds two cells only, at the corners of a 10,000 × 200 grid.
        let mut parts = vec![rec(0x0809, &[0; 16])];
        for _ in 0..10 {
            parts.push(rec(0x0809, &[0; 16]));
            parts.push(number(0, 0));
            parts.push(number(9_999, 199));
        }
        let e = records(&stream(&parts)).expect_err("grids");
        assert!(
            e.reason.contains("span more than 1,000,000 cells"),
            "{}",
            e.reason
        );
    }

    #[test]
    fn records_running_past_the_end_and_sheets_starting_inside_a_record_are_refused() {
        let mut cut = number(0, 0);
        cut.truncate(8);
        assert!(
            records(&cut)
                .expect_err("refused")
                .reason
                .contains("runs past its end")
        );
        // A sheet said to start at offset 2, inside the first record.
        let data = stream(&[rec(0x0809, &[0; 16]), rec(0x0085, &2u32.to_le_bytes())]);
        assert!(
            records(&data)
                .expect_err("refused")
                .reason
                .contains("starts inside another record")
        );
    }
}
