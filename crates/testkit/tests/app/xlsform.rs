//! XLSForm import and export, checked against pyxform (PyPI), the reference reading of the
//! standard: every sample form of `../shared/reference/xlsform-samples/`, a hand-written form
//! with skip logic, and our own exports (the HCTS template, a form of every question type)
//! must read the same — names, types, labels, choices, "other", conditions — in both.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::passerelle_core::questionnaires::template::hcts_emerging_practices;
use passerelle_testkit::passerelle_core::questionnaires::xlsform::{self, ImportReport};
use serde_json::Value;

fn samples() -> Vec<PathBuf> {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/reference/xlsform-samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (the XLSForm sample forms are read from the shared reference folder \
                 beside the checkout)",
                dir.display()
            )
        })
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "the sample forms are there");
    files
}

/// What pyxform reads from each file (see `scripts/pyxform_read.py`).
fn pyxform(files: &[PathBuf]) -> BTreeMap<String, Value> {
    let python = std::env::var("PASSERELLE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/pyxform_read.py");
    let out = Command::new(&python)
        .arg(&script)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python}: {e}"));
    assert!(
        out.status.success(),
        "pyxform (installed by scripts/test) failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let all: BTreeMap<String, Value> = serde_json::from_slice(&out.stdout).expect("json");
    all
}

fn our_type(pyxform_type: &str) -> Option<&'static str> {
    Some(match pyxform_type {
        "text" => "short_text",
        "integer" => "integer",
        "decimal" => "decimal",
        "date" => "date",
        "note" => "info",
        "select one" => "single",
        "select all that apply" => "multiple",
        "rank" => "ranking",
        "range" => "scale",
        _ => return None,
    })
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Compares our report of `file` with pyxform's reading; `ours_long` names questions we read
/// as long texts (pyxform calls them text).
fn compare(file: &str, ours: &ImportReport, theirs: &Value) {
    assert!(ours.errors.is_empty(), "{file}: {:?}", ours.errors);
    let others: Vec<String> = strings(&theirs["other"]);
    let mut supported = Vec::new();
    for q in theirs["questions"].as_array().expect("questions") {
        let name = q["name"].as_str().expect("name");
        let ty = q["type"].as_str().expect("type");
        match our_type(ty) {
            Some(t) => supported.push((name.to_owned(), t, q)),
            None => assert!(
                ours.not_imported.iter().any(|i| i.sheet == "survey"
                    && i.column == "type"
                    && i.reason.contains(ty.split(' ').next().unwrap_or(ty))),
                "{file}: {name} ({ty}) is neither imported nor reported: {:?}",
                ours.not_imported
            ),
        }
    }
    let names: Vec<&str> = ours.questions.iter().map(|q| q.name.as_str()).collect();
    let expected: Vec<&str> = supported.iter().map(|(n, _, _)| n.as_str()).collect();
    assert_eq!(names, expected, "{file}: question names");
    for ((name, ty, q), mine) in supported.iter().zip(&ours.questions) {
        // Long texts, yes/no and territories are XLSForm texts and single choices.
        let mine_ty = match mine.kind.as_str() {
            "long_text" => "short_text",
            "yes_no" | "territory" => "single",
            k => k,
        };
        assert_eq!(mine_ty, *ty, "{file}: type of {name}");
        let their_labels = strings(&q["labels"]);
        for l in mine.labels.values() {
            assert!(
                their_labels.contains(l),
                "{file}: label {l:?} of {name} not in {their_labels:?}"
            );
        }
        assert_eq!(
            mine.labels.is_empty(),
            their_labels.is_empty(),
            "{file}: labels of {name}"
        );
        assert_eq!(mine.other, others.contains(name), "{file}: other of {name}");
        // pyxform adds the "other" choice to the list itself (to every question sharing it).
        let mut seen = Vec::new();
        let their_choices: Vec<(String, Vec<String>)> = q["choices"]
            .as_array()
            .expect("choices")
            .iter()
            .map(|c| (c[0].as_str().unwrap_or("").to_owned(), strings(&c[1])))
            .filter(|(n, l)| !(n == "other" && l.iter().all(|x| x == "Other")))
            .filter(|(n, _)| {
                let fresh = !seen.contains(n);
                seen.push(n.clone());
                fresh
            })
            .collect();
        let mine_choices: Vec<&str> = mine.choices.iter().map(|c| c.name.as_str()).collect();
        let their_names: Vec<&str> = their_choices.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(mine_choices, their_names, "{file}: choices of {name}");
        for (c, (_, labels)) in mine.choices.iter().zip(&their_choices) {
            for l in c.labels.values() {
                assert!(labels.contains(l), "{file}: choice label {l:?} of {name}");
            }
        }
        let relevant = q["relevant"].as_str().unwrap_or("");
        let expected =
            xlsform::condition_from_xpath(relevant).unwrap_or_else(|| panic!("{file}: {relevant}"));
        assert_eq!(mine.condition, expected, "{file}: condition of {name}");
        assert_eq!(
            mine.required,
            q["required"].as_bool().unwrap_or(false),
            "{file}: required {name}"
        );
        assert_eq!(
            mine.group,
            q["group"].as_str().unwrap_or(""),
            "{file}: group of {name}"
        );
    }
    let groups: Vec<(&str, String)> = theirs["groups"]
        .as_array()
        .expect("groups")
        .iter()
        .map(|g| {
            (
                g["name"].as_str().unwrap_or(""),
                xlsform::condition_from_xpath(g["relevant"].as_str().unwrap_or(""))
                    .unwrap_or_default(),
            )
        })
        .collect();
    let mine: Vec<(&str, String)> = ours
        .groups
        .iter()
        .map(|g| (g.name.as_str(), g.condition.clone()))
        .collect();
    assert_eq!(mine, groups, "{file}: groups and their conditions");
}

/// A form written by hand the way people write XLSForms: skip logic, a group condition,
/// bounds, a calculation (which cannot be imported).
fn hand_written(dir: &Path) -> PathBuf {
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let survey = vec![
        row(&[
            "type",
            "name",
            "label::English (en)",
            "label::Français (fr)",
            "relevant",
            "required",
            "constraint",
            "calculation",
        ]),
        row(&[
            "select_one yn",
            "a",
            "Any practice?",
            "Une pratique ?",
            "",
            "yes",
            "",
            "",
        ]),
        row(&[
            "select_multiple abc or_other",
            "b",
            "Which ones?",
            "Lesquelles ?",
            "${a} = 'yes'",
            "",
            "",
            "",
        ]),
        row(&[
            "integer",
            "c",
            "How many?",
            "Combien ?",
            "selected(${b}, 'x') and ${a} != ''",
            "",
            ". >= 0 and . <= 10",
            "",
        ]),
        row(&[
            "begin_group",
            "g",
            "Details",
            "Détails",
            "${c} > 3",
            "",
            "",
            "",
        ]),
        row(&[
            "text",
            "d",
            "Describe",
            "Décrivez",
            "not(${a} = 'no')",
            "",
            "",
            "",
        ]),
        row(&["end_group", "", "", "", "", "", "", ""]),
        row(&["calculate", "total", "", "", "", "", "", "${c} * 2"]),
    ];
    let choices = vec![
        row(&[
            "list_name",
            "name",
            "label::English (en)",
            "label::Français (fr)",
        ]),
        row(&["yn", "yes", "Yes", "Oui"]),
        row(&["yn", "no", "No", "Non"]),
        row(&["abc", "x", "X", "X"]),
        row(&["abc", "y", "Y", "Y"]),
    ];
    let settings = vec![
        row(&["form_title", "default_language"]),
        row(&["Hand-written", "English (en)"]),
    ];
    let bytes = passerelle_testkit::passerelle_export::responses::text_workbook(&[
        ("survey".into(), survey),
        ("choices".into(), choices),
        ("settings".into(), settings),
    ])
    .expect("workbook");
    let path = dir.join("hand_written.xlsx");
    std::fs::write(&path, bytes).expect("write");
    path
}

#[test]
fn every_sample_form_reads_as_pyxform_reads_it() {
    let dir = tempfile::tempdir().expect("dir");
    let mut files = samples();
    files.push(hand_written(dir.path()));
    // Our own exports must be read by pyxform as we read them back.
    let hcts = dir.path().join("hcts.xlsx");
    std::fs::write(
        &hcts,
        passerelle_testkit::passerelle_export::responses::text_workbook(&xlsform::sheets(
            &hcts_emerging_practices(),
        ))
        .expect("export"),
    )
    .expect("write");
    files.push(hcts);
    let theirs = pyxform(&files);
    for f in &files {
        let key = f.display().to_string();
        let (def, report) = xlsform::read(&std::fs::read(f).expect("read"), "fr");
        assert!(def.is_some(), "{key} imports: {:?}", report.errors);
        compare(&key, &report, &theirs[&key]);
    }
    // What the samples cannot carry over is listed, row by row.
    let case = files
        .iter()
        .find(|f| f.ends_with("case_insensitivity.xlsx"))
        .expect("sample");
    let (_, report) = xlsform::read(&std::fs::read(case).expect("read"), "fr");
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.sheet == "survey" && i.row == 3 && i.column == "type")
    );
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.sheet == "OSM" && i.reason == "sheet not supported")
    );
    assert_eq!(report.languages, ["en"], "default_language EN");
    let cascading = files
        .iter()
        .find(|f| f.ends_with("choice_filter_test.xlsx"))
        .expect("sample");
    let (_, report) = xlsform::read(&std::fs::read(cascading).expect("read"), "fr");
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.sheet == "survey" && i.row == 3 && i.column == "choice_filter")
    );
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.sheet == "choices" && i.row == 6 && i.column == "name"),
        "the second king"
    );
    let hand = files
        .iter()
        .find(|f| f.ends_with("hand_written.xlsx"))
        .expect("hand");
    let (def, report) = xlsform::read(&std::fs::read(hand).expect("read"), "fr");
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.row == 8 && i.column == "type"),
        "{:?}",
        report.not_imported
    );
    let def = def.expect("def");
    let c = def.question("c").expect("c");
    assert_eq!((c.min, c.max), (Some(0.0), Some(10.0)));
    assert_eq!(
        def.sections
            .iter()
            .find(|s| s.name == "g")
            .expect("g")
            .condition,
        "c > 3"
    );
    assert_eq!(def.languages, ["en", "fr"]);
}

#[test]
fn an_export_imports_back_to_the_same_questionnaire() {
    let def = hcts_emerging_practices();
    let bytes =
        passerelle_testkit::passerelle_export::responses::text_workbook(&xlsform::sheets(&def))
            .expect("export");
    let (back, report) = xlsform::read(&bytes, "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let back = back.expect("def");
    let names = |d: &passerelle_testkit::passerelle_core::questionnaires::Definition| {
        d.questions()
            .map(|q| {
                (
                    q.name.clone(),
                    q.kind.clone(),
                    q.label.clone(),
                    q.choices.len(),
                    q.other,
                    q.condition.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&back), names(&def));
    assert_eq!(back.languages, def.languages);
    let sections: Vec<_> = back
        .sections
        .iter()
        .map(|s| (s.name.clone(), s.title.clone()))
        .collect();
    let expected: Vec<_> = def
        .sections
        .iter()
        .map(|s| (s.name.clone(), s.title.clone()))
        .collect();
    assert_eq!(sections, expected);
}

#[tokio::test]
async fn a_broken_workbook_is_reported_and_creates_nothing() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    app.login(&owner).await;
    let row = |cells: &[&str]| cells.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let broken = passerelle_testkit::passerelle_export::responses::text_workbook(&[(
        "survey".into(),
        vec![
            row(&["type", "name", "label"]),
            row(&["select_one nowhere", "q1", "Q1"]),
            row(&["text", "q2", "Q2"]),
            row(&["text", "q2", "Q2 again"]),
        ],
    )])
    .expect("workbook");
    let r = app
        .post_multipart(
            "/questionnaires/import",
            &[("language", "fr")],
            &[("file", "broken.xlsx", &broken)],
        )
        .await;
    r.assert_status(422);
    assert!(
        r.body.contains("Liste de choix inconnue : nowhere"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("<td>survey</td><td>4</td><td><code>q2</code> (text) — Q2 again</td><td>name</td><td>Nom en double</td>"),
        "{}",
        r.body
    );
    // Two sheets, none named survey (a lone sheet is read as the survey, as pyxform does).
    let no_survey = passerelle_testkit::passerelle_export::responses::text_workbook(&[
        ("questions".into(), vec![row(&["type"])]),
        ("notes".into(), vec![row(&["x"])]),
    ])
    .expect("wb");
    let r = app
        .post_multipart(
            "/questionnaires/import",
            &[],
            &[("file", "x.xlsx", &no_survey)],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("Le classeur n’a pas de feuille survey"));
    let r = app
        .post_multipart(
            "/questionnaires/import",
            &[],
            &[("file", "x.xlsx", b"PK not really")],
        )
        .await;
    r.assert_status(422);
    assert!(
        r.body.contains("pas un classeur .xlsx ou .xls"),
        "{}",
        r.body
    );
    assert_eq!(questionnaires(&app).await, 0, "nothing created");

    // A good one is created, with its report, and exports back.
    let r = import_or_other(&mut app).await;
    r.assert_status(200);
    assert!(r.body.contains("2 questions importées"));
    assert!(
        r.body.contains("choice_filter"),
        "the choice filter is listed as not carried over"
    );
    let id: String = sqlx::query_scalar("SELECT id FROM questionnaires")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("id");
    let x = app.get(&format!("/questionnaires/{id}/xlsform.xlsx")).await;
    x.assert_status(200);
    let (def, report) = xlsform::read(&x.bytes, "fr");
    assert!(report.errors.is_empty());
    assert!(def.expect("def").question("fav_color").expect("q").other);
}

/// The crafted workbooks of `crates/core/tests/crafted-xlsx/` (a whole-grid dimension, a cell at
/// XFD1048576, four billion shared strings, a 1 MB part inflating to 1 GiB, XML nested 100,000
/// deep, sizes that lie, damaged and foreign files).
fn crafted() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/crafted-xlsx");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("crafted workbooks")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx" || x == "xls"))
        .map(|p| {
            (
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the crafted workbooks are there");
    files
}

fn html_escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[tokio::test]
async fn crafted_workbooks_are_refused_by_the_web_import_and_the_server_stays_up() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    app.login(&owner).await;
    for (name, bytes) in crafted() {
        let (_, report) = xlsform::read(&bytes, "fr");
        let reason = &report.errors.first().expect("refused").reason;
        assert!(
            reason.contains("(limit)")
                || reason.contains("not an .xlsx or .xls workbook")
                || reason.contains("is damaged")
                || reason.contains("invalid size"),
            "{name}: {reason}"
        );
        let r = app
            .post_multipart(
                "/questionnaires/import",
                &[("language", "fr")],
                &[("file", &name, &bytes)],
            )
            .await;
        r.assert_status(422);
        // The reason as the report gives it, or in French where it has a translation.
        let shown = if reason == "not an .xlsx or .xls workbook" {
            "pas un classeur .xlsx ou .xls".to_owned()
        } else {
            html_escaped(reason)
        };
        assert!(
            r.body.contains(&shown),
            "{name}: the page shows {shown:?}: {}",
            r.body
        );
        app.get("/healthz").await.assert_status(200);
    }
    assert_eq!(questionnaires(&app).await, 0, "nothing created");
    // The server still imports a good workbook afterwards.
    let r = import_or_other(&mut app).await;
    r.assert_status(200);
}

/// `passerelle questionnaires import-xlsform` calls `xlsform::read` (with `--dry-run`) and
/// `xlsform::import`: both refuse the crafted workbooks with the same report.
#[tokio::test]
async fn crafted_workbooks_are_refused_by_the_command_line_import() {
    use passerelle_testkit::passerelle_core::accounts::{self, Actor};
    let app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let user = accounts::find_by_email(&app.core, &owner.email)
        .await
        .expect("find")
        .expect("user");
    for (name, bytes) in crafted() {
        let (def, dry) = xlsform::read(&bytes, "fr");
        assert!(def.is_none(), "{name}");
        let (id, report) = xlsform::import(&app.core, &user, &bytes, "fr", &Actor::cli())
            .await
            .expect("import");
        assert!(id.is_none(), "{name}");
        assert_eq!(report.errors, dry.errors, "{name}");
    }
}

/// Imports the `or_other.xlsx` sample form through the web, in English.
async fn import_or_other(app: &mut TestApp) -> passerelle_testkit::TestResponse {
    let sample = samples()
        .into_iter()
        .find(|f| f.ends_with("or_other.xlsx"))
        .expect("sample");
    app.post_multipart(
        "/questionnaires/import",
        &[("language", "en")],
        &[(
            "file",
            "or_other.xlsx",
            &std::fs::read(&sample).expect("read"),
        )],
    )
    .await
}

/// How many questionnaires the database holds.
async fn questionnaires(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM questionnaires")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count")
}

/// One row of a sheet written by [`book`].
fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// A workbook of text cells, sheet by sheet.
fn book(sheets: Vec<(&str, Vec<Vec<String>>)>) -> Vec<u8> {
    passerelle_testkit::passerelle_export::responses::text_workbook(
        &sheets
            .into_iter()
            .map(|(n, r)| (n.to_owned(), r))
            .collect::<Vec<_>>(),
    )
    .expect("workbook")
}

/// What pyxform does and this reader now does too: a lone sheet not named `survey` is the
/// survey, two columns of one name are refused, `regex(., '…')` is a pattern, a form written
/// only in English is an English questionnaire, and a label quoting a question that was not
/// imported loses the reference (reported) rather than showing it raw.
#[test]
fn forms_read_as_pyxform_reads_them() {
    let lone = book(vec![(
        "Feuil1",
        vec![
            row(&[
                "type",
                "name",
                "label::English (en)",
                "constraint",
                "calculation",
            ]),
            row(&[
                "text",
                "postcode",
                "Postcode of ${town}",
                "regex(., '[0-9]{5}')",
                "",
            ]),
            row(&["calculate", "town", "", "", "'Tours'"]),
        ],
    )]);
    let (def, report) = xlsform::read(&lone, "fr");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let calculate = report
        .not_imported
        .iter()
        .find(|i| i.row == 3 && i.column == "type")
        .and_then(|i| i.question.as_ref())
        .expect("the calculate row is reported with its question");
    assert_eq!(
        (calculate.name.as_str(), calculate.kind.as_str()),
        ("town", "calculate"),
        "the report names the question it does not import"
    );
    let def = def.expect("read");
    assert_eq!(
        def.languages,
        ["en"],
        "an English form is an English questionnaire"
    );
    let q = def.question("postcode").expect("postcode");
    assert_eq!(q.pattern, "[0-9]{5}");
    assert_eq!(q.label.get("en", "en"), "Postcode of ", "no raw ${{town}}");
    assert!(
        report
            .not_imported
            .iter()
            .any(|i| i.reason.contains("${town}")),
        "{:?}",
        report.not_imported
    );
    let twice = book(vec![(
        "survey",
        vec![
            row(&["type", "name", "label", "label"]),
            row(&["text", "a", "A", "B"]),
        ],
    )]);
    let (def, report) = xlsform::read(&twice, "fr");
    assert!(def.is_none());
    assert!(
        report
            .errors
            .iter()
            .any(|i| i.reason == "duplicate column header" && i.column == "label"),
        "{:?}",
        report.errors
    );
}

#[tokio::test]
async fn an_old_xls_workbook_is_imported_like_an_xlsx() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    app.login(&owner).await;
    let bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/tests/crafted-xlsx/valid/minimal.xls"),
    )
    .expect("minimal.xls");
    let r = app
        .post_multipart(
            "/questionnaires/import",
            &[("language", "en")],
            &[("file", "minimal.xls", &bytes)],
        )
        .await;
    r.assert_status(200);
    assert!(r.body.contains("3 questions importées"), "{}", r.body);
    assert_eq!(questionnaires(&app).await, 1, "created");
    let (def, report) = xlsform::read(&bytes, "en");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let def = def.expect("read");
    let names: Vec<&str> = def.questions().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["first_name", "member", "age"]);
}

/// As pyxform reads them: headers that are other names of one column (`caption` is `label`,
/// `relevance` is `relevant`), two of them refused; a note without a name named after its row;
/// a group without a name, a calculation without its expression and `include` refused.
#[test]
fn aliases_unnamed_notes_and_what_pyxform_refuses_are_read_as_pyxform_reads_them() {
    let aliased = book(vec![(
        "survey",
        vec![
            row(&["type", "name", "caption", "relevance"]),
            row(&["text", "a", "First", ""]),
            row(&["text", "b", "Second", "${a} = 'x'"]),
            row(&["note", "", "Thanks", ""]),
        ],
    )]);
    let (def, report) = xlsform::read(&aliased, "en");
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let def = def.expect("read");
    assert_eq!(def.question("a").expect("a").label.get("en", "en"), "First");
    assert_eq!(def.question("b").expect("b").condition, "a = 'x'");
    assert!(
        def.question("generated_note_name_4").is_some(),
        "the note is named"
    );
    for (rows, reason) in [
        (
            vec![
                row(&["type", "name", "label", "bind:relevant", "relevance"]),
                row(&["text", "a", "A", "", ""]),
            ],
            "two headers name the same column (rename or remove one): bind:relevant, relevance",
        ),
        (
            vec![
                row(&["type", "name", "label"]),
                row(&["begin group", "", "G"]),
                row(&["text", "a", "A"]),
                row(&["end group", "", ""]),
            ],
            "group without a name",
        ),
        (
            vec![
                row(&["type", "name", "label"]),
                row(&["calculate", "total", ""]),
            ],
            "missing calculation",
        ),
        (
            vec![
                row(&["type", "name", "label"]),
                row(&["include", "other_form", ""]),
            ],
            "this section has not been included (include is not supported)",
        ),
    ] {
        let (def, report) = xlsform::read(&book(vec![("survey", rows)]), "en");
        assert!(def.is_none(), "{reason}");
        assert!(
            report.errors.iter().any(|i| i.reason == reason),
            "{reason}: {:?}",
            report.errors
        );
    }
}
