//! Practice sheets end to end: writing with bad input, submitting with missing fields, review
//! with comments per field, a conflict that loses nothing, publication, French search with
//! facets, history, exports, provenance from a census answer, and search parity between
//! SQLite and PostgreSQL.

use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::passerelle_core::sheets::{self, catalogue};
use passerelle_testkit::{TestApp, TestUser, pdf_text};

fn sheet_id(location: &str) -> String {
    location
        .trim_start_matches("/sheets/")
        .split(['?', '/', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// The synthesis a creation redirects to (`/syntheses/{id}/edit`).
fn synthesis_id(location: &str) -> String {
    location
        .trim_start_matches("/syntheses/")
        .trim_end_matches("/edit")
        .to_owned()
}

/// A fresh application with a coordinator signed in.
async fn as_coordinator() -> TestApp {
    let mut app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    app.login(&coordinator).await;
    app
}

const DESCRIPTION: &str = "Les **familles** et leurs proches construisent un plan avec le réseau de voisinage. <script>alert('x')</script> La pair-aidance y tient une place.";

/// The complete form of an emerging-practice sheet, on top of revision `base`.
fn complete(base: &str, summary: &'static str) -> Vec<(&'static str, String)> {
    vec![
        ("base", base.to_owned()),
        ("f.title", "Conférences familiales élargies".into()),
        ("f.summary", summary.into()),
        ("f.category", "emerging".into()),
        ("f.approach", "collective".into()),
        ("f.themes", "conferences_familiales".into()),
        ("f.themes", "pair_aidance".into()),
        ("f.publics", "familles".into()),
        ("f.territory", "dep-37".into()),
        ("f.description", DESCRIPTION.into()),
        ("f.levers", "Formation commune\nAppui des élus".into()),
        (
            "f.process_indicators.0.description",
            "Conférences tenues".into(),
        ),
        ("f.process_indicators.0.source", "Tableau de suivi".into()),
        ("f.process_indicators.0.value", "14".into()),
        ("f.maturity", "trial".into()),
        ("f.licence", "cc-by-4.0".into()),
    ]
}

async fn post(
    app: &mut TestApp,
    path: &str,
    fields: &[(&'static str, String)],
) -> passerelle_testkit::TestResponse {
    let borrowed: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    app.post_form(path, &borrowed).await
}

#[tokio::test]
async fn a_sheet_is_written_reviewed_published_found_and_exported() {
    let mut app = TestApp::new().await;
    let author = app.with_user(Role::Member).await;
    let reviewer = app.with_user(Role::Member).await;
    let coordinator = app.with_user(Role::Coordinator).await;

    // The coordinator names a reviewer.
    app.login(&coordinator).await;
    app.post_form("/sheets/reviewers", &[("email", &reviewer.email)])
        .await
        .assert_status(303);

    // The author creates a sheet.
    app.login(&author).await;
    let r = app
        .post_form(
            "/sheets",
            &[
                ("kind", "emerging_practice"),
                ("title", "Conférences familiales"),
            ],
        )
        .await;
    r.assert_status(303);
    let id = sheet_id(r.location());
    let edit = format!("/sheets/{id}/edit");

    // Bad input: refused next to its fields, everything typed kept, nothing written.
    let long = "x".repeat(501);
    let mut bad = complete("1", "Résumé");
    bad[2].1 = long.clone();
    bad[3].1 = "zzz".into();
    let r = post(&mut app, &edit, &bad).await;
    r.assert_status(422);
    assert!(
        r.body.contains("This text is too long") || r.body.contains("trop long"),
        "{}",
        r.body
    );
    assert!(r.body.contains(&long), "the over-long summary is kept");
    assert!(
        r.body.contains("Conférences tenues"),
        "the indicator is kept"
    );
    let user = app.user(&author).await;
    assert_eq!(
        sheets::work(&app.core, &user, &id)
            .await
            .expect("work")
            .row
            .revision,
        1
    );

    // A first save without the maturity: submitting lists what is missing.
    let mut partial = complete("1", "Les proches décident ensemble.");
    partial.retain(|(k, _)| *k != "f.maturity");
    post(&mut app, &edit, &partial).await.assert_status(303);
    let r = app
        .post_form(&format!("/sheets/{id}/status"), &[("action", "submit")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("href=\"#f.maturity\""), "{}", r.body);

    post(
        &mut app,
        &edit,
        &complete("2", "Les proches décident ensemble."),
    )
    .await
    .assert_status(303);
    app.post_form(&format!("/sheets/{id}/status"), &[("action", "submit")])
        .await
        .assert_status(303);
    // The named reviewer is told, with the review page's link; the coordinator is not (a
    // reviewer is named).
    let told = app.last_email_to(&reviewer.email).await;
    assert!(told.subject.contains("Fiche à relire"), "{}", told.subject);
    assert_eq!(app.link_in(&told), format!("/sheets/{id}/review"));
    assert!(
        !app.outbox()
            .await
            .iter()
            .any(|e| e.to_address == coordinator.email && e.subject.contains("à relire"))
    );

    // The reviewer requests a change on one field.
    app.login(&reviewer).await;
    let r = app.get(&format!("/sheets/{id}/review")).await;
    r.assert_status(200);
    app.post_form(
        &format!("/sheets/{id}/review"),
        &[("c.summary", "Précisez qui décide et comment.")],
    )
    .await
    .assert_status(303);
    let mail = app.last_email_to(&author.email).await;
    assert!(
        mail.subject.contains("Conférences familiales élargies"),
        "{}",
        mail.subject
    );

    // The author sees the remark next to the field, and fixes it.
    app.login(&author).await;
    let page = app.get(&edit).await;
    assert!(page.body.contains("Précisez qui décide et comment."));
    let fixed = complete(
        "3",
        "La famille élargie décide du plan ; le service le valide.",
    );
    post(&mut app, &edit, &fixed).await.assert_status(303);

    // A co-author saving on the same base revision gets a conflict page; nothing is lost.
    let stale = complete("3", "Une autre version du résumé, écrite en parallèle.");
    let r = post(&mut app, &edit, &stale).await;
    r.assert_status(409);
    assert!(
        r.body.contains("La famille élargie décide du plan"),
        "theirs shown"
    );
    assert!(r.body.contains("Une autre version du résumé"), "mine kept");
    let work = sheets::work(&app.core, &user, &id).await.expect("work");
    assert_eq!(work.row.revision, 4);
    assert!(
        work.content
            .text("summary")
            .starts_with("La famille élargie")
    );

    app.post_form(&format!("/sheets/{id}/status"), &[("action", "submit")])
        .await
        .assert_status(303);

    // The reviewer publishes; the public sees it with the script neutralised.
    app.login(&reviewer).await;
    app.post_form(&format!("/sheets/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);
    app.clear_cookies();
    let page = app.get(&format!("/sheets/{id}")).await;
    page.assert_status(200);
    assert!(page.body.contains("<strong>familles</strong>"));
    assert!(!page.body.contains("<script>alert"), "script neutralised");
    // Its maturity is defined where it is given; effects nobody measured yet are said so.
    assert!(
        page.body.contains("Expérimentation : menée depuis peu"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Effets pas encore évalués"));

    // French search: stemming and accent folding, snippets, facets.
    for (q, expect) in [
        ("famille", true),
        ("reseau", true),
        ("pair aidance", true),
        ("conference", true),
        ("hippopotame", false),
    ] {
        let r = app.get(&format!("/sheets?q={}", q.replace(' ', "+"))).await;
        r.assert_status(200);
        assert_eq!(
            r.body.contains(&format!("/sheets/{id}\"")),
            expect,
            "query {q}"
        );
    }
    let r = app.get("/sheets?q=famille").await;
    assert!(
        r.body.contains("<mark>familles</mark>") || r.body.contains("<mark>famille</mark>"),
        "{}",
        r.body
    );
    // The snippet is plain text: no Markdown marks, no raw tag, the script's text left out.
    assert!(!r.body.contains("**"), "{}", r.body);
    assert!(!r.body.contains("&lt;script"), "{}", r.body);
    let r = app
        .get("/sheets?themes=pair_aidance&category=emerging")
        .await;
    assert!(r.body.contains(&format!("/sheets/{id}\"")));
    let r = app.get("/sheets?themes=aller_vers").await;
    assert!(!r.body.contains(&format!("/sheets/{id}\"")));

    // History: revisions 3 and 4 compared, the change highlighted.
    app.login(&author).await;
    let r = app.get(&format!("/sheets/{id}/history?a=3&b=4")).await;
    r.assert_status(200);
    assert!(r.body.contains("<ins>"), "{}", r.body);
    // From the first revision, the choices made read as their labels, not their codes.
    let r = app.get(&format!("/sheets/{id}/history?a=1&b=4")).await;
    r.assert_status(200);
    for label in ["Pratique naissante", "Indre-et-Loire"] {
        assert!(r.body.contains(label), "{label}: {}", r.body);
    }
    for code in [">emerging<", ">dep-37<", "conferences_familiales"] {
        assert!(!r.body.contains(code), "{code} shown raw");
    }

    // Exports, read back.
    app.clear_cookies();
    let pdf = app.get(&format!("/sheets/{id}/sheet.pdf")).await;
    pdf.assert_status(200);
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    // The file is named after the sheet and its revision.
    let disposition = pdf.headers["content-disposition"].to_str().expect("ascii");
    assert!(
        disposition.contains("filename=\"conferences-familiales-elargies-rev"),
        "{disposition}"
    );
    let text = pdf_text(&pdf.bytes);
    for needle in [
        "Conférences familiales élargies",
        "La famille élargie décide du plan",
        "Conférences tenues",
        "Formation commune",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF:\n{text}"
        );
    }
    let md = app.get(&format!("/sheets/{id}/sheet.md")).await;
    assert!(
        md.body.starts_with("# Conférences familiales élargies"),
        "{}",
        md.body
    );
    assert!(
        md.body
            .contains("| Conférences tenues | Tableau de suivi | 14 |"),
        "{}",
        md.body
    );
    let json: serde_json::Value =
        serde_json::from_str(&app.get(&format!("/sheets/{id}/sheet.json")).await.body)
            .expect("json");
    assert_eq!(json["content"]["category"], "emerging");
    assert_eq!(json["revision"], 4);
    let csv = app.get("/sheets/export.csv?q=famille").await;
    assert!(
        csv.body.contains("Conférences familiales élargies"),
        "{}",
        csv.body
    );
    let xlsx = app.get("/sheets/export.xlsx?themes=pair_aidance").await;
    assert!(xlsx.bytes.starts_with(b"PK"));

    let actions = app.audit_actions().await;
    for a in [
        "sheet-created",
        "sheet-status-changed",
        "sheet-reviewers-changed",
    ] {
        assert!(actions.iter().any(|x| x == a), "{a} audited");
    }
}

#[tokio::test]
async fn a_sheet_written_in_english_says_so_on_its_page_in_the_catalogue_and_in_its_pdf() {
    let mut app = as_coordinator().await;
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Street work")],
        )
        .await;
    let id = sheet_id(r.location());
    let mut english = complete(
        "1",
        "Outreach workers meet isolated families where they live.",
    );
    english[1].1 = "Street work with isolated families".into();
    english.push(("f.language", "en".into()));
    post(&mut app, &format!("/sheets/{id}/edit"), &english)
        .await
        .assert_status(303);
    // The form's texts are in English too (browsers check spelling in that language).
    let form = app.get(&format!("/sheets/{id}/edit")).await;
    assert!(
        form.body
            .contains("<textarea id=\"f.description\" name=\"f.description\" lang=\"en\""),
        "{}",
        form.body
    );
    for action in ["submit", "publish"] {
        app.post_form(&format!("/sheets/{id}/status"), &[("action", action)])
            .await
            .assert_status(303);
    }
    app.clear_cookies();

    // The interface is French, the sheet's words are English, and the page says which is which.
    let page = app.get(&format!("/sheets/{id}")).await;
    page.assert_status(200);
    assert!(page.body.contains("<html lang=\"fr\""), "{}", page.body);
    assert!(
        page.body
            .contains("<h1 lang=\"en\">Street work with isolated families</h1>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("class=\"prose\" lang=\"en\""));
    assert!(page.body.contains("<h2>Description de la pratique</h2>"));
    assert!(
        page.body.contains("<dd>Anglais</dd>"),
        "the language is shown"
    );

    // A facet of the catalogue, and each hit says its language.
    let picked = app.get("/sheets?language=en").await;
    assert!(
        picked.body.contains("<h3 lang=\"en\"><a href=\"/sheets/"),
        "{}",
        picked.body
    );
    assert!(picked.body.contains("Street work with isolated families"));
    let english_only = sheets::catalogue::search_uncached(
        &app.core,
        &catalogue::Selection::from_pairs(&[("language".into(), "en".into())]),
    )
    .await
    .expect("search");
    assert_eq!(english_only.total, 1);
    let french = sheets::catalogue::search_uncached(
        &app.core,
        &catalogue::Selection::from_pairs(&[("language".into(), "fr".into())]),
    )
    .await
    .expect("search");
    assert_eq!(french.total, 0);

    // The PDF declares English as its language (hyphenation and screen readers follow it).
    let pdf = app.get(&format!("/sheets/{id}/sheet.pdf")).await;
    pdf.assert_status(200);
    assert!(pdf_text(&pdf.bytes).contains("Street work with isolated families"));
    assert!(
        pdf_declares_language(&pdf.bytes, "en"),
        "the PDF's catalogue names its language"
    );
}

/// Whether a PDF's catalogue declares `lang` as its language (`/Lang(en…)`, with or without a
/// space).
fn pdf_declares_language(pdf: &[u8], lang: &str) -> bool {
    [format!("/Lang({lang}"), format!("/Lang ({lang}")]
        .iter()
        .any(|needle| pdf.windows(needle.len()).any(|w| w == needle.as_bytes()))
}

#[tokio::test]
async fn a_reviewer_does_not_publish_their_own_sheet_unless_configured() {
    for (allowed, expected) in [(false, 403), (true, 303)] {
        let mut app = TestApp::with_config(|c| c.reviewers_publish_own = allowed).await;
        let writer = app.with_user(Role::Member).await;
        let coordinator = app.with_user(Role::Coordinator).await;
        app.login(&coordinator).await;
        app.post_form("/sheets/reviewers", &[("email", &writer.email)])
            .await
            .assert_status(303);
        let id = written_and_submitted(&mut app, &writer).await;
        let r = app
            .post_form(&format!("/sheets/{id}/status"), &[("action", "publish")])
            .await;
        assert_eq!(
            r.status.as_u16(),
            expected,
            "reviewers_publish_own = {allowed}"
        );
    }
}

async fn written_and_submitted(app: &mut TestApp, writer: &TestUser) -> String {
    app.login(writer).await;
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Maraudes")],
        )
        .await;
    let id = sheet_id(r.location());
    post(
        app,
        &format!("/sheets/{id}/edit"),
        &complete("1", "Un binôme va vers les personnes isolées."),
    )
    .await
    .assert_status(303);
    app.post_form(&format!("/sheets/{id}/status"), &[("action", "submit")])
        .await
        .assert_status(303);
    id
}

#[tokio::test]
async fn a_census_answer_becomes_a_prefilled_sheet_that_remembers_it() {
    let mut app = TestApp::new().await;
    passerelle_testkit::passerelle_core::demo::load(&app.core)
        .await
        .expect("demo");
    let coordinator = TestUser {
        id: String::new(),
        email: "coordination@demo.passerelle.example".into(),
        password: "passerelle-demo".into(),
    };
    app.login(&coordinator).await;
    let (qid, rid): (String, String) = sqlx::query_as(
        "SELECT r.questionnaire_id, r.id FROM responses r JOIN answers a ON a.response_id = r.id
         WHERE r.status = 'submitted' AND a.question = 'category' ORDER BY r.id LIMIT 1",
    )
    .fetch_one(&app.core.db.pool)
    .await
    .expect("a census answer");
    let r = app
        .post_form(&format!("/questionnaires/{qid}/responses/{rid}/sheet"), &[])
        .await;
    r.assert_status(303);
    let id = sheet_id(r.location());
    let page = app.get(&format!("/sheets/{id}/edit")).await;
    page.assert_status(200);
    assert!(
        page.body.contains("Pratiques émergentes"),
        "provenance shown: {}",
        page.body
    );
    let user =
        passerelle_testkit::passerelle_core::accounts::find_by_email(&app.core, &coordinator.email)
            .await
            .expect("find")
            .expect("coordinator");
    let work = sheets::work(&app.core, &user, &id).await.expect("work");
    assert!(
        !work.content.text("category").is_empty(),
        "category pre-filled"
    );
    assert_eq!(work.provenance().id, format!("{qid}/{rid}"));

    // The demo catalogue: twelve published sheets.
    app.clear_cookies();
    let r = app.get("/sheets").await;
    assert!(
        r.body.contains("12 sheets") || r.body.contains("12 fiches"),
        "{}",
        r.body
    );
    for theme in [
        "conferences_familiales",
        "aller_vers",
        "pair_aidance",
        "coordination",
    ] {
        let all = catalogue::Selection::from_pairs(&[("themes".into(), theme.into())]);
        let n = catalogue::selection_ids(&app.core, &all)
            .await
            .expect("ids")
            .len();
        assert!(n >= 2, "{theme}: {n} sheets");
    }
}

/// The titles a query finds and the facet counts, on one backend.
async fn outcome(
    app: &TestApp,
    q: &str,
    facet: Option<(&str, &str)>,
) -> (Vec<String>, Vec<(String, String, i64)>) {
    let mut pairs = vec![("q".to_owned(), q.to_owned())];
    if let Some((f, v)) = facet {
        pairs.push((f.to_owned(), v.to_owned()));
    }
    let s = catalogue::Selection::from_pairs(&pairs);
    let found = catalogue::search(&app.core, &s).await.expect("search");
    let mut titles: Vec<String> = found.hits.iter().map(|h| h.title.clone()).collect();
    titles.sort();
    let mut counts: Vec<(String, String, i64)> = found
        .facets
        .iter()
        .flat_map(|(f, vs)| vs.iter().map(|v| (f.clone(), v.value.clone(), v.count)))
        .collect();
    counts.sort();
    (titles, counts)
}

#[tokio::test]
async fn search_gives_the_same_results_on_sqlite_and_postgresql() {
    // SQLite always; PostgreSQL as well when TEST_DATABASE_URL is set (CI sets it).
    let mut apps = vec![TestApp::on_sqlite().await];
    if std::env::var("TEST_DATABASE_URL").is_ok_and(|u| !u.is_empty()) {
        apps.push(TestApp::new().await);
    }
    for app in &apps {
        let author = app.with_user(Role::Coordinator).await;
        let author = app.user(&author).await;
        sheets::demo::load(&app.core, &author)
            .await
            .expect("demo sheets");
    }
    let queries: &[(&str, Option<(&str, &str)>)] = &[
        ("pair aidance", None),
        ("pair-aidance", None),
        ("famille", None),
        ("familles élargie", None),
        ("reseau", None),
        ("aller vers", Some(("themes", "aller_vers"))),
        ("coordination référent", None),
        ("logement", Some(("category", "emerging"))),
        ("", Some(("publics", "familles"))),
        ("hippopotame", None),
    ];
    for (q, facet) in queries {
        let first = outcome(&apps[0], q, *facet).await;
        for other in &apps[1..] {
            assert_eq!(
                first,
                outcome(other, q, *facet).await,
                "query {q:?} {facet:?}"
            );
        }
        match *q {
            "hippopotame" => assert!(first.0.is_empty()),
            "pair aidance" | "pair-aidance" => {
                assert!(
                    first.0.iter().any(|t| t.contains("Travailleurs pairs")),
                    "{q}: {:?}",
                    first.0
                )
            }
            "famille" => assert!(first.0.len() >= 3, "famille: {:?}", first.0),
            _ => {}
        }
    }
}

#[tokio::test]
async fn a_synthesis_written_in_english_says_so_on_its_page_and_in_its_pdf() {
    let mut app = as_coordinator().await;
    let author = app.with_user(Role::Coordinator).await;
    let author = app.user(&author).await;
    sheets::demo::load(&app.core, &author)
        .await
        .expect("demo sheets");
    let r = app
        .post_form(
            "/syntheses",
            &[("title", "Outreach"), ("query", "language=en")],
        )
        .await;
    r.assert_status(303);
    let id = synthesis_id(r.location());
    let edit = format!("/syntheses/{id}/edit");
    let mut fields = vec![
        ("base", "1"),
        ("title", "Reaching families"),
        ("language", "de"),
        ("introduction", "What the teams *learned*."),
        ("query", "language=en"),
    ];
    // A language the platform does not offer: refused next to the field, the text kept.
    let r = app.post_form(&edit, &fields).await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"language-error\""), "{}", r.body);
    assert!(r.body.contains("What the teams *learned*."));
    fields[2].1 = "en";
    app.post_form(&edit, &fields).await.assert_status(303);
    let r = app.get(&format!("/syntheses/{id}/history?a=1&b=2")).await;
    assert!(r.body.contains("Langue de rédaction"), "{}", r.body);
    app.post_form(&format!("/syntheses/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);
    app.clear_cookies();

    let page = app.get(&format!("/syntheses/{id}")).await;
    page.assert_status(200);
    assert!(page.body.contains("<h1 lang=\"en\">Reaching families</h1>"));
    assert!(
        page.body
            .contains("<div class=\"prose\" lang=\"en\"><p>What the teams <em>learned</em>.</p>"),
        "{}",
        page.body
    );
    // The sheet it gathers is in English too; so is its title wherever it is quoted.
    assert!(
        page.body
            .contains("lang=\"en\">Reaching families who never come"),
        "{}",
        page.body
    );
    let pdf = app.get(&format!("/syntheses/{id}/synthesis.pdf")).await;
    assert!(pdf_declares_language(&pdf.bytes, "en"));
    let json: serde_json::Value = serde_json::from_str(
        &app.get(&format!("/syntheses/{id}/synthesis.json"))
            .await
            .body,
    )
    .expect("json");
    assert_eq!(json["language"], "en");
}

#[tokio::test]
async fn a_coordinator_synthesises_a_selection_into_common_threads_and_documents() {
    let mut app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let user = app.user(&coordinator).await;
    sheets::demo::load(&app.core, &user)
        .await
        .expect("demo sheets");
    app.login(&coordinator).await;

    // From a catalogue selection: the emerging practices about peer support or outreach.
    let r = app
        .post_form(
            "/syntheses",
            &[
                ("title", "Pair-aidance et aller vers"),
                ("query", "themes=pair_aidance&themes=aller_vers"),
            ],
        )
        .await;
    r.assert_status(303);
    let id = synthesis_id(r.location());
    let page = app.get(&format!("/syntheses/{id}")).await;
    page.assert_status(200);
    // A success factor several sheets share is one thread, counted and linked to each sheet.
    assert!(
        page.body.contains("Présence régulière et prévisible"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("(2 sheets)") || page.body.contains("(2 fiches)"),
        "{}",
        page.body
    );

    // Editorial sections and a hand-picked list: one sheet left out.
    let edit = app.get(&format!("/syntheses/{id}/edit")).await;
    let offered: Vec<String> = edit
        .body
        .match_indices("name=\"offered\" value=\"")
        .map(|(i, m)| edit.body[i + m.len()..i + m.len() + 36].to_owned())
        .collect();
    assert_eq!(
        offered.len(),
        4,
        "four sheets about peer support or outreach"
    );
    let mut fields: Vec<(&str, &str)> = vec![
        ("base", "1"),
        ("title", "Pair-aidance et aller vers"),
        ("introduction", "Les **quatre** fiches retenues."),
        ("recommendations", "- Reconnaître le temps de la rencontre."),
        ("query", "themes=pair_aidance&themes=aller_vers"),
    ];
    for o in &offered {
        fields.push(("offered", o));
    }
    // Newest first: the last offered is the earliest loaded of the four.
    for o in &offered[..offered.len() - 1] {
        fields.push(("sheets", o));
    }
    app.post_form(&format!("/syntheses/{id}/edit"), &fields)
        .await
        .assert_status(303);
    // Revisions 1 and 2 side by side: the introduction written, the sheets picked by hand.
    let r = app.get(&format!("/syntheses/{id}/history?a=1&b=2")).await;
    r.assert_status(200);
    let added: Vec<&str> = r
        .body
        .split("<ins>")
        .skip(1)
        .filter_map(|s| s.split("</ins>").next())
        .collect();
    assert!(added.iter().any(|s| s.contains("quatre")), "{}", r.body);
    // The hand-picked list appears (revision 1 kept the whole selection, an empty list).
    assert!(
        r.body.contains("Sheets kept") || r.body.contains("Fiches retenues"),
        "{}",
        r.body
    );
    assert_eq!(
        added.len(),
        3,
        "introduction, recommendations, list: {added:?}"
    );
    // A co-editor who read revision 1 writes the development conditions only: merged with
    // revision 2, whose introduction, recommendations and hand-picked list stay.
    let mut stale: Vec<(&str, &str)> = vec![
        ("base", "1"),
        ("title", "Pair-aidance et aller vers"),
        ("development_conditions", "Un temps dédié à la rencontre."),
        ("query", "themes=pair_aidance&themes=aller_vers"),
    ];
    for o in &offered {
        stale.push(("offered", o));
        stale.push(("sheets", o));
    }
    let r = app
        .post_form(&format!("/syntheses/{id}/edit"), &stale)
        .await;
    r.assert_status(303);
    assert!(
        r.location().contains("notice=synthesis-merged"),
        "{}",
        r.location()
    );
    let latest = app.get(&format!("/syntheses/{id}/edit")).await;
    assert!(latest.body.contains("Les **quatre** fiches retenues."));
    assert!(latest.body.contains("Un temps dédié à la rencontre."));
    assert!(
        latest
            .body
            .contains("Reconnaître le temps de la rencontre.")
    );
    assert_eq!(
        latest.body.matches(" checked>").count(),
        3,
        "the hand-picked list stays"
    );
    // Two editors both rewrite the development conditions from revision 2: the second sees
    // both versions, nothing written, and keeps the first one's.
    let mut both = fields.clone();
    both[0] = ("base", "2");
    both.push(("development_conditions", "Des moyens pour la coordination."));
    let r = app.post_form(&format!("/syntheses/{id}/edit"), &both).await;
    r.assert_status(409);
    assert!(
        r.body.contains("Un temps dédié à la rencontre."),
        "theirs shown"
    );
    assert!(
        r.body.contains("Des moyens pour la coordination."),
        "mine kept"
    );
    assert!(
        r.body
            .contains("name=\"theirs\" value=\"development_conditions\"")
    );
    both[0] = ("base", "3");
    both.push(("theirs", "development_conditions"));
    let r = app.post_form(&format!("/syntheses/{id}/edit"), &both).await;
    r.assert_status(303);
    assert!(
        app.get(&format!("/syntheses/{id}/edit"))
            .await
            .body
            .contains("Un temps dédié à la rencontre.")
    );

    app.post_form(&format!("/syntheses/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);
    app.clear_cookies();
    let page = app.get(&format!("/syntheses/{id}")).await;
    page.assert_status(200);
    assert!(page.body.contains("<strong>quatre</strong>"));
    assert!(
        page.body.contains("(3 sheets)") || page.body.contains("(3 fiches)"),
        "three sheets kept"
    );

    // The PDF has a table of contents and reads back; the DOCX opens.
    let pdf = app.get(&format!("/syntheses/{id}/synthesis.pdf")).await;
    pdf.assert_status(200);
    let text = pdf_text(&pdf.bytes);
    for needle in [
        "Pair-aidance et aller vers",
        "Sommaire",
        "Lignes de force",
        "Recommandations",
        "Reconnaître le temps de la rencontre.",
    ] {
        assert!(
            text.contains(needle),
            "{needle} missing from the PDF:\n{text}"
        );
    }
    let docx = app.get(&format!("/syntheses/{id}/synthesis.docx")).await;
    docx.assert_status(200);
    let read = docx_rs::read_docx(&docx.bytes)
        .expect("a readable DOCX")
        .json();
    assert!(
        read.contains("Pair-aidance et aller vers")
            && read.contains("Reconnaître le temps de la rencontre.")
    );
    let md = app.get(&format!("/syntheses/{id}/synthesis.md")).await;
    assert!(
        md.body.contains("## Lignes de force") || md.body.contains("## Common threads"),
        "{}",
        md.body
    );
}

#[tokio::test]
async fn a_complete_demo_sheet_prints_as_four_to_five_pages_and_a_word_file() {
    let mut app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let user = app.user(&coordinator).await;
    let ids = sheets::demo::load(&app.core, &user)
        .await
        .expect("demo sheets");
    let pdf = app.get(&format!("/sheets/{}/sheet.pdf", ids[0])).await;
    pdf.assert_status(200);
    assert!(pdf_declares_language(&pdf.bytes, "fr"));
    let text = pdf_text(&pdf.bytes);
    // pdftotext separates pages with form feeds; the footer numbers them.
    let pages = text.matches('\u{c}').count();
    // The HCTS working groups' sheets run four to five pages; so does the complete demo sheet.
    assert!((4..=5).contains(&pages), "{pages} pages");
    assert!(
        text.replace(' ', "").contains(&format!("1/{pages}")),
        "page numbers: {text}"
    );
    for needle in [
        "Conférences familiales en protection de l'enfance",
        "Évaluation du processus",
        "Claire Martin",
        "CC BY 4.0",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    let docx = app.get(&format!("/sheets/{}/sheet.docx", ids[0])).await;
    let read = docx_rs::read_docx(&docx.bytes)
        .expect("a readable DOCX")
        .json();
    assert!(read.contains("Conférences familiales en protection de l'enfance"));
    assert!(
        read.contains("Évaluation des effets et impacts")
            || read.contains("Evaluation of effects and impacts")
    );
}

#[tokio::test]
async fn authors_attach_files_that_readers_download_with_the_sheet() {
    let mut app = TestApp::new().await;
    let writer = app.with_user(Role::Member).await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let id = written_and_submitted(&mut app, &writer).await;
    // Submitted: waiting for review, the files cannot change.
    let r = app
        .post_multipart(
            &format!("/sheets/{id}/files"),
            &[],
            &[("files", "guide.pdf", b"%PDF-1.4 guide")],
        )
        .await;
    r.assert_status(409);

    app.login(&coordinator).await;
    app.post_form(
        &format!("/sheets/{id}/review"),
        &[("c.summary", "Ajoutez le guide.")],
    )
    .await
    .assert_status(303);
    app.login(&writer).await;
    // A file whose content does not match its name is refused next to the field.
    let r = app
        .post_multipart(
            &format!("/sheets/{id}/files"),
            &[],
            &[("files", "guide.pdf", b"MZ not a pdf")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"files-error\""), "{}", r.body);
    app.post_multipart(
        &format!("/sheets/{id}/files"),
        &[],
        &[("files", "guide méthodologique.pdf", b"%PDF-1.4 guide")],
    )
    .await
    .assert_status(303);
    let page = app.get(&format!("/sheets/{id}/edit")).await;
    assert!(page.body.contains("guide méthodologique.pdf"));
    let at = page
        .body
        .find(&format!("/sheets/{id}/files/"))
        .expect("a file link for the author");
    let link: String = page.body[at..].chars().take_while(|c| *c != '"').collect();
    app.get(&link).await.assert_status(200);
    // Not published yet: the file does not exist for a visitor.
    app.clear_cookies();
    app.get(&link).await.assert_status(404);
    app.login(&writer).await;
    app.post_form(&format!("/sheets/{id}/status"), &[("action", "submit")])
        .await
        .assert_status(303);
    app.login(&coordinator).await;
    app.post_form(&format!("/sheets/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);

    // Anyone reads the published sheet and downloads its file.
    app.clear_cookies();
    let page = app.get(&format!("/sheets/{id}")).await;
    let at = page
        .body
        .find(&format!("/sheets/{id}/files/"))
        .expect("a file link");
    let link: String = page.body[at..].chars().take_while(|c| *c != '"').collect();
    let file = app.get(&link).await;
    file.assert_status(200);
    assert_eq!(file.bytes, b"%PDF-1.4 guide");
    assert!(
        file.header("content-disposition")
            .starts_with("attachment;")
    );
}

/// "Save and submit for review" saves what is typed, then submits: nothing typed is lost on
/// the way (the submit button used to be a form of its own, above the typing).
#[tokio::test]
async fn saving_and_submitting_keeps_what_was_typed() {
    let mut app = TestApp::new().await;
    let writer = app.with_user(Role::Member).await;
    app.login(&writer).await;
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Maraudes")],
        )
        .await;
    let id = sheet_id(r.location());
    let edit = app.get(&format!("/sheets/{id}/edit")).await;
    assert!(edit.body.contains("name=\"then\" value=\"submit\""));
    assert!(edit.body.contains("data-unsaved-warning"));
    assert!(
        !edit.body.contains("name=\"action\" value=\"submit\""),
        "no submit form apart from the typing"
    );
    let mut fields = complete("1", "Un binôme va vers les personnes isolées la nuit.");
    fields.push(("then", "submit".into()));
    let r = post(&mut app, &format!("/sheets/{id}/edit"), &fields).await;
    r.assert_status(303);
    assert!(
        r.location().contains("notice=sheet-status-"),
        "{}",
        r.location()
    );
    let user = app.user(&writer).await;
    let work = sheets::work(&app.core, &user, &id).await.expect("work");
    assert_eq!(work.row.status, "submitted");
    assert_eq!(
        work.content.text("summary"),
        "Un binôme va vers les personnes isolées la nuit."
    );
}

/// `fields` with the value of `key` replaced (or added).
fn with(
    mut fields: Vec<(&'static str, String)>,
    key: &'static str,
    value: &str,
) -> Vec<(&'static str, String)> {
    match fields.iter_mut().find(|(k, _)| *k == key) {
        Some(f) => f.1 = value.to_owned(),
        None => fields.push((key, value.to_owned())),
    }
    fields
}

#[tokio::test]
async fn co_authors_saving_from_the_same_revision_keep_each_others_changes() {
    let mut app = TestApp::new().await;
    let alice = app.with_user(Role::Member).await;
    let bruno = app.with_user(Role::Member).await;
    app.login(&alice).await;
    let r = app
        .post_form(
            "/sheets",
            &[
                ("kind", "emerging_practice"),
                ("title", "Conférences familiales"),
            ],
        )
        .await;
    let id = sheet_id(r.location());
    let edit = format!("/sheets/{id}/edit");
    post(&mut app, &edit, &complete("1", "Résumé de départ."))
        .await
        .assert_status(303);
    app.post_form(&format!("/sheets/{id}/authors"), &[("email", &bruno.email)])
        .await
        .assert_status(303);
    let user = app.user(&alice).await;
    let revision = |app: &TestApp| {
        let (core, user, id) = (app.core.clone(), user.clone(), id.clone());
        async move { sheets::work(&core, &user, &id).await.expect("work") }
    };

    // Both read revision 2. Alice rewrites the summary; Bruno, later, only adds a lever.
    post(&mut app, &edit, &complete("2", "Le résumé d'Alice."))
        .await
        .assert_status(303);
    app.login(&bruno).await;
    let levers = "Formation commune\nAppui des élus\nUn budget dédié";
    let r = post(
        &mut app,
        &edit,
        &with(complete("2", "Résumé de départ."), "f.levers", levers),
    )
    .await;
    r.assert_status(303);
    assert!(
        r.location().contains("notice=sheet-merged"),
        "{}",
        r.location()
    );
    let w = revision(&app).await;
    assert_eq!(w.row.revision, 4);
    assert_eq!(
        w.content.text("summary"),
        "Le résumé d'Alice.",
        "Alice's change kept"
    );
    assert_eq!(w.content.list("levers").len(), 3, "Bruno's change kept");
    let page = app.get(r.location()).await;
    assert!(
        page.body.contains("ses modifications et les vôtres"),
        "the writer is told"
    );

    // Both read revision 4 and both rewrite the description; Alice also retitles.
    let at4 = with(complete("4", "Le résumé d'Alice."), "f.levers", levers);
    app.login(&alice).await;
    let alice_version = with(
        with(at4.clone(), "f.description", "La description d'Alice."),
        "f.title",
        "Conférences familiales en Touraine",
    );
    post(&mut app, &edit, &alice_version)
        .await
        .assert_status(303);
    app.login(&bruno).await;
    let bruno_version = with(at4, "f.description", "La description de Bruno.");
    let r = post(&mut app, &edit, &bruno_version).await;
    r.assert_status(409);
    // Nothing is written; both versions of the description are shown, with who wrote theirs.
    assert_eq!(revision(&app).await.row.revision, 5);
    assert!(r.body.contains("La description d&#39;Alice."), "{}", r.body);
    assert!(r.body.contains("La description de Bruno."));
    assert!(r.body.contains("modifié par"), "who changed theirs");
    assert!(r.body.contains("name=\"theirs\" value=\"description\""));
    // The form holds Alice's new title (only she changed it) and Bruno's description.
    assert!(r.body.contains("Conférences familiales en Touraine"));
    let base = r
        .body
        .split("name=\"base\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("base")
        .to_owned();
    assert_eq!(base, "5");
    // Bruno keeps Alice's description: nothing of hers is lost.
    let chosen = with(
        with(
            bruno_version,
            "f.title",
            "Conférences familiales en Touraine",
        ),
        "base",
        &base,
    );
    let mut chosen = chosen;
    chosen.push(("theirs", "description".into()));
    post(&mut app, &edit, &chosen).await.assert_status(303);
    let w = revision(&app).await;
    assert_eq!(w.row.revision, 6);
    assert_eq!(w.content.text("description"), "La description d'Alice.");
    assert_eq!(
        w.content.text("title"),
        "Conférences familiales en Touraine"
    );
    assert_eq!(w.content.list("levers").len(), 3);
}
