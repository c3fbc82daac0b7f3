//! Unit tests of the XLSForm reading and writing helpers.

use super::expressions::bounds;
use super::sheet::language_code;
use super::*;
use super::{limits, reading};
use crate::questionnaires::expr;
use std::collections::BTreeSet;

#[test]
fn relevant_expressions_become_conditions() {
    let c = |s: &str| condition_from_xpath(s);
    assert_eq!(c("${a} = 'yes'").as_deref(), Some("a = 'yes'"));
    assert_eq!(
        c("selected(${b}, 'x') and ${c} != ''").as_deref(),
        Some("b contains 'x' and answered(c)")
    );
    assert_eq!(
        c("not(${d} > 3) or ${e} = ''").as_deref(),
        Some("not (d > 3) or not_answered(e)")
    );
    assert_eq!(
        c("selected(../sex, 'other')").as_deref(),
        Some("sex contains 'other'")
    );
    assert_eq!(c("count-selected(${f}) > 2"), None);
    assert_eq!(c("").as_deref(), Some(""));
}

#[test]
fn conditions_become_relevant_expressions() {
    let choice: BTreeSet<String> = ["cat".to_owned()].into_iter().collect();
    let e = expr::parse("cat = 'a' and (n >= 2 or not_answered(t))")
        .expect("ok")
        .expect("some");
    let x = condition_to_xpath(&e, &choice);
    assert_eq!(x, "selected(${cat}, 'a') and (${n} >= 2 or ${t} = '')");
    assert_eq!(
        condition_from_xpath(&x).as_deref(),
        Some("cat contains 'a' and (n >= 2 or not_answered(t))")
    );
}

#[test]
fn bounds_read_simple_constraints() {
    assert_eq!(bounds(". >= 1 and . <= 10"), Some((Some(1.0), Some(10.0))));
    assert_eq!(bounds("string-length(.) <= 200"), Some((None, Some(200.0))));
    assert_eq!(bounds("regex(., '^[0-9]+$')"), None);
}

#[test]
fn language_columns_map_to_codes() {
    assert_eq!(language_code("English (en)").as_deref(), Some("en"));
    assert_eq!(language_code("Français").as_deref(), Some("fr"));
    assert_eq!(language_code("EN").as_deref(), Some("en"));
    assert_eq!(language_code("chinese"), None);
}

#[test]
fn not_a_workbook_is_an_error() {
    let (def, report) = read(b"not a zip", "fr");
    assert!(def.is_none());
    assert_eq!(report.errors[0].reason, "not an .xlsx or .xls workbook");
}

/// The crafted workbooks of `tests/crafted-xlsx/` (written by `scripts/make-crafted-xlsx.py`)
/// and what each must be refused with. A file without an entry here fails the test.
const CRAFTED: &[(&str, &str)] = &[
    (
        "cell-at-xfd1048576.xlsx",
        "cell XFD1048576 is beyond row 65,536 and column 256 (IV) (limit)",
    ),
    (
        "damaged-part.xlsx",
        "the workbook is damaged: its part xl/worksheets/sheet1.xml cannot be read",
    ),
    (
        "deep-xml.xlsx",
        "XML elements nested more than 64 deep (limit)",
    ),
    (
        "far-cell.xls",
        "cell CJSS1 is beyond column 256 (IV) (limit)",
    ),
    (
        "huge-dimension.xls",
        "the workbook's sheets span more than 1,000,000 cells (limit)",
    ),
    (
        "inflated-total.xlsx",
        "the workbook inflates to more than 32 MiB (limit)",
    ),
    (
        "long-cell-text.xlsx",
        "the part xl/worksheets/sheet1.xml holds a text or tag longer than 1 MiB (limit)",
    ),
    (
        "lying-sizes.xlsx",
        "the workbook is damaged: its part xl/worksheets/sheet1.xml cannot be read",
    ),
    ("not-a-zip.xlsx", "not an .xlsx or .xls workbook"),
    (
        "overflowing-reference.xlsx",
        "is beyond column 256 (IV) (limit)",
    ),
    (
        "overflowing-row.xlsx",
        "row 99999999999999 is beyond row 65,536 (limit)",
    ),
    (
        "reversed-dimension.xlsx",
        "the sheet declares an invalid size: B2:A1",
    ),
    (
        "shared-strings-unique-count.xlsx",
        "the workbook declares 4000000000 shared strings, more than 200,000 (limit)",
    ),
    (
        "sheet-inside-record.xls",
        "the workbook is damaged: a sheet starts inside another record",
    ),
    (
        "too-many-cells.xlsx",
        "the sheet has more than 200,000 cells (limit)",
    ),
    (
        "too-many-parts.xlsx",
        "the workbook has more than 500 parts (limit)",
    ),
    (
        "too-many-shared-strings.xlsx",
        "the workbook has more than 200,000 shared strings (limit)",
    ),
    (
        "too-many-sheets.xlsx",
        "the workbook has more than 64 sheets (limit)",
    ),
    ("truncated.xlsx", "not an .xlsx or .xls workbook"),
    ("xls-polyglot.xlsx", "not an .xlsx or .xls workbook"),
    (
        "zip-bomb.xlsx",
        "the part xl/worksheets/sheet1.xml inflates to more than 16 MiB (limit)",
    ),
];

fn crafted_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/crafted-xlsx")
}

fn workbooks_in(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx" || x == "xls"))
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read(&p).expect("read"))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn every_crafted_workbook_is_refused_with_the_limit_it_breaks() {
    let files = workbooks_in(&crafted_dir());
    assert_eq!(
        files.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        CRAFTED.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        "every crafted workbook has its expected refusal"
    );
    for ((name, bytes), (_, expected)) in files.iter().zip(CRAFTED) {
        // Unguarded: a panic fails the test rather than being reported.
        let (def, report) = reading::read_unguarded(bytes, "fr");
        assert!(def.is_none(), "{name} is refused");
        assert_eq!(report.errors.len(), 1, "{name}: {:?}", report.errors);
        let item = &report.errors[0];
        assert_eq!(item.row, 0, "{name}");
        assert_eq!(item.column, "", "{name}");
        assert!(
            item.reason.contains(expected),
            "{name}: {:?} does not say {expected:?}",
            item.reason
        );
        // The guarded reading says the same.
        assert_eq!(read(bytes, "fr").1.errors, report.errors, "{name}");
    }
    let named = |file: &str| {
        let bytes = &files.iter().find(|(n, _)| n == file).expect("file").1;
        read(bytes, "fr").1.errors[0].sheet.clone()
    };
    assert_eq!(
        named("cell-at-xfd1048576.xlsx"),
        "survey",
        "the sheet is named"
    );
    assert_eq!(named("inflated-total.xlsx"), "", "the whole workbook");
    assert_eq!(named("far-cell.xls"), "survey", "the .xls sheet is named");
}

#[test]
fn the_valid_corpus_imports() {
    let files = workbooks_in(&crafted_dir().join("valid"));
    assert!(files.len() >= 2);
    for (name, bytes) in &files {
        let (def, report) = read(bytes, "fr");
        assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
        assert!(def.expect("def").questions().count() >= 3, "{name}");
    }
    let shared = &files
        .iter()
        .find(|(n, _)| n == "groups-and-shared-strings.xlsx")
        .expect("file")
        .1;
    let (def, report) = read(shared, "fr");
    let def = def.expect("def");
    assert_eq!(def.languages, ["en", "fr"]);
    assert_eq!(report.groups.len(), 1);
    assert!(def.question("colours").expect("colours").other);
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.sheet == "survey" && i.row == 7 && i.column == "type"),
        "{:?}",
        report.not_imported
    );
}

/// The fuzz target of the XLSForm importer: every workbook of the corpus (the crafted ones,
/// the valid ones, and the sample forms of `../shared/reference/xlsform-samples/` when they are
/// there), mutated — bytes flipped, truncated, parts rewritten after inflating them (bytes
/// flipped, hostile snippets inserted, ranges deleted or repeated) — must be read without a
/// panic, within the limits and in bounded time.
///
/// 256 cases from a fixed seed in CI (a few seconds); a longer, random campaign:
/// `PROPTEST_CASES=20000 PROPTEST_RNG_SEED=$RANDOM cargo nextest run -p passerelle-core
/// xlsform_reader_survives_mutated_workbooks`.
#[test]
fn xlsform_reader_survives_mutated_workbooks() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed, TestRunner};

    let mut corpus = workbooks_in(&crafted_dir());
    let refused = corpus.len();
    corpus.extend(workbooks_in(&crafted_dir().join("valid")));
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference/xlsform-samples");
    if samples.is_dir() {
        corpus.extend(workbooks_in(&samples));
    }
    let defaults = Config::default();
    let config = Config {
        cases: if std::env::var_os("PROPTEST_CASES").is_some() {
            defaults.cases
        } else {
            256
        },
        rng_seed: if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
            defaults.rng_seed
        } else {
            RngSeed::Fixed(18)
        },
        failure_persistence: None,
        max_shrink_iters: 512,
        ..defaults
    };
    // Mostly the valid workbooks: their mutants get further into the reader.
    let strategy = (
        prop_oneof![1 => 0..refused, 3 => refused..corpus.len()],
        proptest::collection::vec(fuzz::mutation(), 1..4),
    );
    // How far mutants get: refused by the checks, read by the spreadsheet reader, imported.
    let (checked, read, imported) = (
        std::cell::Cell::new(0usize),
        std::cell::Cell::new(0usize),
        std::cell::Cell::new(0usize),
    );
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |(seed, mutations)| {
        let bytes = fuzz::apply(&corpus[seed].1, &mutations);
        let started = std::time::Instant::now();
        checked.set(checked.get() + 1);
        let passed = if limits::is_compound_file(&bytes) {
            limits::check_xls(&bytes)
        } else {
            limits::check(&bytes)
        };
        if passed.is_ok() {
            read.set(read.get() + 1);
        }
        let (def, report) = reading::read_unguarded(&bytes, "fr");
        if def.is_some() {
            imported.set(imported.get() + 1);
        }
        prop_assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{}: read in {:?}",
            corpus[seed].0,
            started.elapsed()
        );
        prop_assert_eq!(def.is_some(), report.errors.is_empty());
        if let Some(def) = def {
            prop_assert!(def.questions().count() <= limits::MAX_ROWS as usize);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    eprintln!(
        "{} mutants: {} passed the checks, {} imported",
        checked.get(),
        read.get(),
        imported.get()
    );
    assert!(
        read.get() * 3 >= checked.get(),
        "at least a third of the mutants reach the spreadsheet reader"
    );
}

/// Mutations of a workbook, for the fuzz target.
mod fuzz {
    use std::io::{Cursor, Read, Write};

    use proptest::prelude::*;

    /// Inserted into parts: what has broken spreadsheet readers.
    const SNIPPETS: &[&str] = &[
        r#"<c r="XFD1048576"><v>1</v></c>"#,
        r#"<row r="4294967296">"#,
        r#"<row r="1048576"><c><v>1</v></c></row>"#,
        r#"<dimension ref="B2:A1"/>"#,
        r#"<dimension ref="A1:XFD1048576"/>"#,
        r#"<sst uniqueCount="18446744073709551615">"#,
        r#"<c r="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1"/>"#,
        r#"<c r="A99999999999999999999"/>"#,
        r#"<c t="s"><v>4294967295</v></c>"#,
        r#"<c t="s"><v>-1</v></c>"#,
        r#"<c t="d"><v>99999-99-99T99:99:99</v></c>"#,
        r#"<c s="4294967295"><v>1e308</v></c>"#,
        r#"<c t="n"><v>NaN</v></c>"#,
        r#"<f t="shared" si="4294967295" ref="A1:XFD1048576">A1</f>"#,
        "<a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>\
         <a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a><a>\
         <a><a><a><a><a><a><a><a><a><a><a><a>",
        "</row></c></sheetData>",
        "<c>",
        "<row>",
        "&#0;&#xFFFFFFFF;&unknown;",
        "<![CDATA[",
        r#"<?xml version="1.0" encoding="UTF-16"?>"#,
        r#"<sheet name="survey" sheetId="1" r:id="rId1"/>"#,
        r#"<Relationship Id="rId1" Target="/xl/worksheets/sheet1.xml"/>"#,
        r#"<Relationship Id="rId1" Target="../../../../etc/passwd"/>"#,
        r#"<is><r><t>x</t></r><rPh><t>y</t></rPh></is>"#,
        "\u{feff}\u{0}\u{fffd}",
    ];

    #[derive(Debug, Clone)]
    pub(super) enum Edit {
        Flip { at: usize, xor: u8 },
        Insert { at: usize, snippet: usize },
        Delete { at: usize, len: usize },
        Repeat { at: usize, len: usize, times: usize },
    }

    #[derive(Debug, Clone)]
    pub(super) enum Mutation {
        Flip { at: usize, xor: u8 },
        Truncate { at: usize },
        Part { part: usize, edit: Edit },
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), 1..=255u8).prop_map(|(at, xor)| Edit::Flip { at, xor }),
            (any::<usize>(), 0..SNIPPETS.len())
                .prop_map(|(at, snippet)| Edit::Insert { at, snippet }),
            (any::<usize>(), 1..512usize).prop_map(|(at, len)| Edit::Delete { at, len }),
            (any::<usize>(), 1..256usize, 2..64usize).prop_map(|(at, len, times)| Edit::Repeat {
                at,
                len,
                times
            }),
        ]
    }

    pub(super) fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            1 => (any::<usize>(), 1..=255u8).prop_map(|(at, xor)| Mutation::Flip { at, xor }),
            1 => any::<usize>().prop_map(|at| Mutation::Truncate { at }),
            4 => (any::<usize>(), edit()).prop_map(|(part, edit)| Mutation::Part { part, edit }),
        ]
    }

    /// Inflates a workbook's parts (none larger than 2 MiB: the fuzz target's own reading is
    /// bounded too); `None` when it is not a readable zip.
    fn parts(bytes: &[u8]) -> Option<Vec<(String, Vec<u8>)>> {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let mut out = Vec::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).ok()?;
            let name = file.name().ok()?.into_owned();
            let mut content = Vec::new();
            (&mut file)
                .take(2 * 1024 * 1024 + 1)
                .read_to_end(&mut content)
                .ok()?;
            if content.len() > 2 * 1024 * 1024 {
                return None;
            }
            out.push((name, content));
        }
        Some(out)
    }

    fn zipped(parts: &[(String, Vec<u8>)]) -> Option<Vec<u8>> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, content) in parts {
            zip.start_file(name.as_str(), options).ok()?;
            zip.write_all(content).ok()?;
        }
        Some(zip.finish().ok()?.into_inner())
    }

    fn edit_bytes(bytes: &mut Vec<u8>, edit: &Edit) {
        let len = bytes.len();
        match *edit {
            Edit::Flip { at, xor } => {
                if len > 0 {
                    bytes[at % len] ^= xor;
                }
            }
            Edit::Insert { at, snippet } => {
                let at = at % (len + 1);
                let snippet = SNIPPETS[snippet % SNIPPETS.len()].as_bytes();
                bytes.splice(at..at, snippet.iter().copied());
            }
            Edit::Delete { at, len: n } => {
                if len > 0 {
                    let at = at % len;
                    bytes.drain(at..(at + n).min(len));
                }
            }
            Edit::Repeat { at, len: n, times } => {
                if len > 0 {
                    let at = at % len;
                    let piece = bytes[at..(at + n).min(len)].to_vec();
                    let copies: Vec<u8> = piece
                        .iter()
                        .copied()
                        .cycle()
                        .take(piece.len() * times)
                        .collect();
                    bytes.splice(at..at, copies);
                }
            }
        }
    }

    pub(super) fn apply(seed: &[u8], mutations: &[Mutation]) -> Vec<u8> {
        let mut bytes = seed.to_vec();
        for m in mutations {
            match m {
                Mutation::Flip { at, xor } => {
                    edit_bytes(&mut bytes, &Edit::Flip { at: *at, xor: *xor })
                }
                Mutation::Truncate { at } => bytes.truncate(at % (bytes.len() + 1)),
                Mutation::Part { part, edit } => {
                    if let Some(mut parts) = parts(&bytes)
                        && !parts.is_empty()
                    {
                        let n = parts.len();
                        edit_bytes(&mut parts[part % n].1, edit);
                        if let Some(rezipped) = zipped(&parts) {
                            bytes = rezipped;
                        }
                    }
                }
            }
        }
        bytes
    }
}

/// A workbook of `(sheet name, sheetData rows)`, for tests.
fn workbook(sheets: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const PACKAGE: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut parts: Vec<(String, String)> = vec![(
        "_rels/.rels".into(),
        format!(
            "<Relationships xmlns=\"{PACKAGE}\"><Relationship Id=\"rId1\" \
             Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        ),
    )];
    let mut names = String::new();
    let mut rels = String::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        names.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(
            "<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" \
             Target=\"worksheets/sheet{n}.xml\"/>"
        ));
        parts.push((
            format!("xl/worksheets/sheet{n}.xml"),
            format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>"#),
        ));
    }
    parts.push((
        "xl/workbook.xml".into(),
        format!(r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>{names}</sheets></workbook>"#),
    ));
    parts.push((
        "xl/_rels/workbook.xml.rels".into(),
        format!(r#"<Relationships xmlns="{PACKAGE}">{rels}</Relationships>"#),
    ));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, content) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("part");
        zip.write_all(content.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

fn text_cell(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

#[test]
fn sheets_are_read_sparsely_from_their_first_cell() {
    let c = text_cell;
    // The header is the first row with a cell, column 0 the leftmost column with one; rows keep
    // their spreadsheet numbers; a row whose only cell is right of the headers still counts.
    let survey = format!(
        "<row r=\"3\">{}{}{}</row><row r=\"5\">{}{}{}</row><row r=\"6\"><c r=\"C6\" s=\"1\"/>\
         </row><row r=\"8\">{}{}<c r=\"D8\"><v>42</v></c>{}</row>",
        c("B3", " Type"),
        c("C3", "NAME"),
        c("D3", "label"),
        c("B5", "text"),
        c("C5", "q1"),
        c("D5", "Q1"),
        c("B8", "integer"),
        c("C8", "q2"),
        c("H8", "far right"),
    );
    let choices = format!(
        r#"<row r="1">{}{}{}</row><row r="2">{}{}{}</row><row r="4">{}</row>"#,
        c("A1", "list_name"),
        c("B1", "name"),
        c("C1", "label"),
        c("A2", "l"),
        c("B2", "a"),
        c("C2", "A"),
        c("K4", "stray"),
    );
    let bytes = workbook(&[("survey", &survey), ("choices", &choices)]);
    let (def, report) = read(&bytes, "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let def = def.expect("def");
    let names: Vec<_> = def.questions().map(|q| q.name.clone()).collect();
    assert_eq!(names, ["q1", "q2"]);
    assert_eq!(
        def.question("q2").expect("q2").label.get("fr", "fr"),
        "42",
        "numbers read as text"
    );
    assert_eq!(
        report.not_imported,
        [err(
            "choices",
            4,
            "list_name",
            "row without list name or name"
        )]
    );
}

#[test]
fn cells_beyond_the_limits_are_refused_by_the_sheet_reader_too() {
    // Written without `r`, the 257th cell of a row is placed in column 257 by the reader.
    let survey = format!(
        "<row>{}{}</row><row>{}</row>",
        text_cell("A1", "type"),
        text_cell("B1", "name"),
        r#"<c t="inlineStr"><is><t>x</t></is></c>"#.repeat(257)
    );
    let bytes = workbook(&[("survey", &survey)]);
    let (def, report) = read(&bytes, "fr");
    assert!(def.is_none());
    assert_eq!(
        report.errors[0].reason,
        "cell IW2 is beyond column 256 (IV) (limit)"
    );
    // The sheet reader's own guard, should the check miss a cell.
    let book: calamine::Xlsx<_> =
        calamine::Reader::new(std::io::Cursor::new(bytes.as_slice())).expect("book");
    let refused = super::sheet::read_sheet(&mut super::sheet::Book::Xlsx(book), "survey")
        .err()
        .expect("refused");
    assert_eq!(refused.sheet, "survey");
    assert_eq!(refused.reason, "cell IW2 is beyond column 256 (IV) (limit)");
}

#[test]
fn empty_styled_cells_far_away_are_read_as_libreoffice_writes_them() {
    let c = text_cell;
    let head = format!(
        "<row r=\"1\">{}{}{}<c r=\"AMJ1\" s=\"1\"/></row><row r=\"2\">{}{}{}</row>",
        c("A1", "type"),
        c("B1", "name"),
        c("C1", "label"),
        c("A2", "text"),
        c("B2", "q1"),
        c("C2", "Q1"),
    );
    let survey = format!("{head}<row r=\"1048567\"><c r=\"A1048567\" s=\"1\"/></row>");
    let (def, report) = read(&workbook(&[("survey", &survey)]), "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(def.expect("def").questions().count(), 1);
    // A value out there is still refused, naming the limit.
    let survey = format!("{head}<row r=\"70000\">{}</row>", c("A70000", "x"));
    let (def, report) = read(&workbook(&[("survey", &survey)]), "fr");
    assert!(def.is_none());
    assert!(
        report.errors[0]
            .reason
            .contains("beyond row 65,536 (limit)"),
        "{:?}",
        report.errors
    );
}

#[test]
fn a_pattern_and_its_length_bounds_go_out_and_come_back() {
    use crate::questionnaires::model::{Kind, Question, Section, Text};
    let mut def = Definition::new("fr", "Motifs");
    let mut cp = Question::new("cp", Kind::ShortText, Text::one("fr", "Code postal"));
    cp.pattern = "[0-9]{5}".into();
    cp.max = Some(5.0);
    let mut quote = Question::new("nom", Kind::ShortText, Text::one("fr", "Nom"));
    quote.pattern = "[a-z']+".into();
    def.sections.push(Section {
        name: "s1".into(),
        title: Text::default(),
        description: Text::default(),
        condition: String::new(),
        questions: vec![cp, quote],
    });
    let written = sheets(&def);
    let xml: Vec<(String, String)> = written
        .iter()
        .map(|(name, rows)| {
            let rows: String = rows
                .iter()
                .enumerate()
                .map(|(r, cells)| {
                    let cells: String = cells
                        .iter()
                        .enumerate()
                        .filter(|(_, v)| !v.is_empty())
                        .map(|(c, v)| {
                            let col = if c < 26 {
                                ((b'A' + c as u8) as char).to_string()
                            } else {
                                format!("A{}", (b'A' + (c - 26) as u8) as char)
                            };
                            let v = v
                                .replace('&', "&amp;")
                                .replace('<', "&lt;")
                                .replace('>', "&gt;");
                            text_cell(&format!("{col}{}", r + 1), &v)
                        })
                        .collect();
                    format!("<row r=\"{}\">{cells}</row>", r + 1)
                })
                .collect();
            (name.clone(), rows)
        })
        .collect();
    let refs: Vec<(&str, &str)> = xml.iter().map(|(n, r)| (n.as_str(), r.as_str())).collect();
    let bytes = workbook(&refs);
    let (back, report) = read(&bytes, "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let back = back.expect("def");
    let cp = back.question("cp").expect("cp");
    assert_eq!((cp.pattern.as_str(), cp.max), ("[0-9]{5}", Some(5.0)));
    assert_eq!(back.question("nom").expect("nom").pattern, "[a-z']+");
}

#[test]
fn a_boolean_cell_reads_as_pyxform_writes_it() {
    // A name typed as the formula `=FALSE()`: the cell holds the boolean, as pyxform reads it.
    let survey = format!(
        "<row>{}{}{}</row><row>{}<c r=\"B2\" t=\"b\"><f>FALSE()</f><v>0</v></c>{}</row>",
        text_cell("A1", "type"),
        text_cell("B1", "name"),
        text_cell("C1", "label"),
        text_cell("A2", "text"),
        text_cell("C2", "Falsy"),
    );
    let (def, report) = read(&workbook(&[("survey", &survey)]), "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(def.expect("def").question("FALSE").is_some());
}
