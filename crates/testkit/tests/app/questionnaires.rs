//! Questionnaires end to end: building with conditions, publishing, answering anonymously in
//! two sittings, bad input, closing, versions, results, coding, and lossless exports.

use std::collections::BTreeMap;

use passerelle_testkit::passerelle_core::accounts::{Actor, Role};
use passerelle_testkit::passerelle_core::questionnaires::{
    self as qn, Kind, Move, QuestionInput, Saved, StartInput,
};
use passerelle_testkit::{TestApp, TestUser};

pub(crate) fn id_from(location: &str) -> String {
    location
        .trim_start_matches("/questionnaires/")
        .split(['?', '/', '#'])
        .next()
        .unwrap_or_default()
        .to_owned()
}

pub(crate) async fn coordinator(app: &mut TestApp) -> TestUser {
    let c = app.with_user(Role::Coordinator).await;
    app.login(&c).await;
    c
}

/// Builds, through the builder's forms, a two-section questionnaire in French and English.
pub(crate) async fn build(app: &mut TestApp) -> String {
    let r = app
        .post_form(
            "/questionnaires",
            &[("title", "Recensement des pratiques"), ("language", "fr")],
        )
        .await;
    r.assert_status(303);
    let id = id_from(r.location());
    app.post_form(
        &format!("/questionnaires/{id}/settings"),
        &[
            ("languages", "fr"),
            ("languages", "en"),
            ("title-fr", "Recensement des pratiques"),
            ("title-en", "Census of practices"),
            ("intro-fr", "Merci de votre participation."),
            ("closing-fr", "Vos réponses nous aident."),
            ("audience", "link"),
            ("mode", "anonymous"),
        ],
    )
    .await
    .assert_status(303);
    let q = |fields: &[(&'static str, &'static str)]| fields.to_vec();
    for fields in [
        q(&[
            ("kind", "single"),
            ("name", "categorie"),
            ("label-fr", "Catégorie de la pratique"),
            ("label-en", "Category of the practice"),
            (
                "choices",
                "naissante = Naissante | Emerging\nrenaissante = Renaissante | Re-emerging",
            ),
            ("other", "1"),
        ]),
        q(&[
            ("kind", "long_text"),
            ("name", "origine"),
            ("label-fr", "D'où vient-elle ?"),
            ("condition", "categorie = 'naissante'"),
        ]),
        q(&[
            ("kind", "integer"),
            ("name", "annee"),
            ("label-fr", "Année de début"),
            ("min", "1950"),
            ("max", "2030"),
            (
                "message-fr",
                "Une année entre 1950 et 2030, s'il vous plaît.",
            ),
        ]),
    ] {
        app.post_form(
            &format!("/questionnaires/{id}/sections/s1/questions"),
            &fields,
        )
        .await
        .assert_status(303);
    }
    app.post_form(
        &format!("/questionnaires/{id}/sections"),
        &[("title-fr", "Thèmes"), ("title-en", "Themes")],
    )
    .await
    .assert_status(303);
    for fields in [
        q(&[
            ("kind", "multiple"),
            ("name", "themes"),
            ("label-fr", "Thèmes"),
            (
                "choices",
                "aller_vers = Aller vers\npair_aidance = Pair-aidance\ncoordination = Coordination",
            ),
            ("max", "2"),
        ]),
        q(&[
            ("kind", "yes_no"),
            ("name", "crise"),
            ("label-fr", "Adaptée pendant la crise ?"),
            ("required", "1"),
        ]),
    ] {
        app.post_form(
            &format!("/questionnaires/{id}/sections/s2/questions"),
            &fields,
        )
        .await
        .assert_status(303);
    }
    id
}

#[tokio::test]
async fn a_condition_that_points_forward_or_loops_is_refused_next_to_the_field() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/sections/s1/questions"),
            &[
                ("kind", "short_text"),
                ("name", "precoce"),
                ("label-fr", "Question"),
                ("condition", "themes contains 'pair_aidance'"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"condition-error\""), "{}", r.body);
    assert!(r.body.contains("placées avant"));
    assert!(
        r.body
            .contains("value=\"themes contains &#39;pair_aidance&#39;\""),
        "typed condition kept"
    );
    // A section cannot depend on its own questions.
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/sections/s2/edit"),
            &[("title-fr", "Thèmes"), ("condition", "answered(themes)")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("en boucle"), "{}", r.body);
    // Unreadable conditions say so.
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/questions/annee/edit"),
            &[
                ("kind", "integer"),
                ("label-fr", "Année"),
                ("condition", "categorie == 'x'"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("pas lisible"));
    // Moving a question above the one its condition reads is refused.
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/items/origine/move"),
            &[("direction", "up")],
        )
        .await;
    r.assert_status(409);
    let loaded = qn::load_managed(
        &app.core,
        &app.user(&app.with_user(Role::Administrator).await).await,
        &id,
    )
    .await
    .expect("loaded");
    let names: Vec<&str> = loaded.def.questions().map(|q| q.name.as_str()).collect();
    assert_eq!(names, ["categorie", "origine", "annee", "themes", "crise"]);
}

#[tokio::test]
async fn an_anonymous_respondent_answers_in_two_sittings_and_is_recorded_once() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    app.post_form(
        &format!("/questionnaires/{id}/status"),
        &[("status", "open")],
    )
    .await
    .assert_status(303);

    app.clear_cookies();
    let r = app.get(&format!("/q/{id}")).await;
    r.assert_status(200);
    assert!(r.body.contains("Environ"), "estimated duration shown");
    let r = app
        .post_form(&format!("/q/{id}/start"), &[("language", "fr")])
        .await;
    r.assert_status(303);
    let link = r.location().to_owned();
    assert!(link.starts_with("/r/"));
    let r = app.get(&link).await;
    assert_eq!(r.location(), format!("{link}/1"));
    let page1 = format!("{link}/1");
    let r = app.get(&page1).await;
    r.assert_status(200);
    assert!(
        r.body.contains("<fieldset id=\"q-categorie\""),
        "groups are fieldsets"
    );
    assert!(
        !r.body.contains("q-origine"),
        "hidden until its condition holds"
    );

    // Out of bounds: refused next to the field, with the questionnaire's own message, the rest kept.
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("q-categorie", "naissante"),
                ("q-annee", "1800"),
                ("step", "next"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"q-annee-error\""));
    assert!(r.body.contains("Une année entre 1950 et 2030"));
    assert!(r.body.contains("value=\"naissante\" checked"));
    assert!(r.body.contains("value=\"1800\""));
    let stored: Vec<String> = sqlx::query_scalar("SELECT question FROM answers")
        .fetch_all(&app.core.db.pool)
        .await
        .expect("stored");
    assert_eq!(
        stored,
        ["categorie"],
        "the valid answer is saved, not the refused one"
    );

    // A valid page reveals the conditional question on the same page.
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("q-categorie", "naissante"),
                ("q-annee", "2015"),
                ("step", "next"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("{page1}?notice=answers-shown"));
    let r = app.get(&page1).await;
    assert!(r.body.contains("id=\"q-origine\""));
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,origine,annee"),
                ("q-categorie", "naissante"),
                ("q-origine", "Née d'un groupe de parents"),
                ("q-annee", "2015"),
                ("step", "later"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("{link}/saved"));
    let r = app.get(&format!("{link}/saved")).await;
    assert!(r.body.contains(&format!("http://passerelle.test{link}")));
    app.post_form(&format!("{link}/email"), &[("email", "moi@example.org")])
        .await
        .assert_status(303);
    let mail = app.last_email_to("moi@example.org").await;
    assert!(
        mail.body_text.contains(&link),
        "the resume link is e-mailed"
    );

    // A new browser, the next day: the private link brings everything back.
    app.clear_cookies();
    app.clock().advance(86_400);
    let r = app.get(&link).await;
    assert_eq!(r.location(), page1);
    let r = app.get(&page1).await;
    assert!(
        r.body.contains("Née d&#39;un groupe de parents"),
        "{}",
        r.body
    );
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,origine,annee"),
                ("q-categorie", "naissante"),
                ("q-origine", "Née d'un groupe de parents"),
                ("q-annee", "2015"),
                ("step", "next"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("{link}/2"));
    // Required and count bounds on page 2.
    let r = app
        .post_form(
            &format!("{link}/2"),
            &[
                ("shown", "themes,crise"),
                ("q-themes", "aller_vers"),
                ("step", "submit"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"q-crise-error\""));
    let submit = [
        ("shown", "themes,crise"),
        ("q-themes", "aller_vers"),
        ("q-themes", "pair_aidance"),
        ("q-crise", "yes"),
        ("step", "submit"),
    ];
    let r = app.post_form(&format!("{link}/2"), &submit).await;
    assert_eq!(r.location(), format!("/q/{id}/thanks"));
    let r = app.get(r.location()).await;
    assert!(r.body.contains("Vos réponses nous aident."));
    // Submitting twice records one response.
    let r = app.post_form(&format!("{link}/2"), &submit).await;
    assert_eq!(r.location(), format!("/q/{id}/thanks"));
    type Kept = (String, Option<String>, Option<String>, Option<i64>);
    let rows: Vec<Kept> = sqlx::query_as(
        "SELECT status, user_id, resume_hash, submitted_at FROM responses WHERE questionnaire_id = $1",
    )
    .bind(&id)
    .fetch_all(&app.core.db.pool)
    .await
    .expect("responses");
    assert_eq!(rows.len(), 1);
    let (status, user, hash, at) = &rows[0];
    assert_eq!(status, "submitted");
    assert!(
        user.is_none() && hash.is_none(),
        "nothing leads back to the respondent"
    );
    assert_eq!(at.expect("date") % 86_400, 0, "only the day is kept");

    // The coordinator sees the counts and exports them.
    app.clear_cookies();
    app.login(&owner).await;
    let r = app.get(&format!("/questionnaires/{id}/results")).await;
    r.assert_status(200);
    assert!(r.body.contains("1 réponse envoyée"));
    assert!(r.body.contains("<svg class=\"chart\""));
    assert!(r.body.contains("Naissante"));
    let r = app
        .get(&format!(
            "/questionnaires/{id}/results?filter=categorie:naissante&rows=categorie&cols=crise"
        ))
        .await;
    r.assert_status(200);
    assert!(
        r.body
            .contains("Catégorie de la pratique × Adaptée pendant la crise ?")
    );
    let csv = app.get(&format!("/questionnaires/{id}/export.csv")).await;
    csv.assert_status(200);
    assert!(csv.header("content-disposition").contains("attachment"));
    let text = csv.body.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("headers")
        .iter()
        .map(str::to_owned)
        .collect();
    let row: Vec<String> = reader
        .records()
        .next()
        .expect("one row")
        .expect("row")
        .iter()
        .map(str::to_owned)
        .collect();
    let cell = |h: &str| {
        row[headers
            .iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {headers:?}"))]
        .clone()
    };
    assert_eq!(cell("categorie"), "naissante");
    assert_eq!(cell("origine"), "Née d'un groupe de parents");
    assert_eq!(cell("annee"), "2015");
    assert_eq!(cell("themes/aller_vers"), "1");
    assert_eq!(cell("themes/coordination"), "0");
    assert_eq!(cell("crise"), "yes");

    // Closing: the welcome page says so and starting is refused.
    app.post_form(
        &format!("/questionnaires/{id}/status"),
        &[("status", "closed")],
    )
    .await
    .assert_status(303);
    app.clear_cookies();
    let r = app.get(&format!("/q/{id}")).await;
    assert!(r.body.contains("Ce questionnaire est clos"));
    app.post_form(&format!("/q/{id}/start"), &[("language", "fr")])
        .await
        .assert_status(409);
}

#[tokio::test]
async fn tampered_choices_and_foreign_questions_are_rejected_and_nothing_is_saved() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    let page = format!("{}/1", r.location());
    let r = app
        .post_form(&page, &[("shown", "role"), ("q-role", "directeur")])
        .await;
    r.assert_status(409);
    assert!(r.body.contains("été enregistré"));
    let r = app
        .post_form(
            &page,
            &[
                ("shown", "role"),
                ("q-role", "cadre"),
                ("q-salaire", "3000"),
            ],
        )
        .await;
    r.assert_status(409);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM answers")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 0);
}

#[tokio::test]
async fn an_answer_after_closing_says_so_and_keeps_the_draft() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    let link = r.location().to_owned();
    app.post_form(
        &format!("{link}/1"),
        &[
            ("shown", "role"),
            ("q-role", "professionnel"),
            ("step", "later"),
        ],
    )
    .await
    .assert_status(303);
    let user = app.user(&owner).await;
    qn::set_status(&app.core, &user, &id, "closed", &Actor::cli())
        .await
        .expect("close");
    let r = app
        .post_form(
            &format!("{link}/1"),
            &[("shown", "role"), ("q-role", "cadre"), ("step", "submit")],
        )
        .await;
    r.assert_status(409);
    assert!(
        r.body
            .contains("les pages enregistrées avant sont conservées")
    );
    assert!(
        r.body.contains("value=\"cadre\""),
        "what was typed is shown"
    );
    let r = app.get(&format!("{link}/1")).await;
    assert!(
        r.body.contains("value=\"professionnel\" selected")
            || r.body.contains("value=\"professionnel\" checked")
    );
    assert!(r.body.contains("ne peuvent plus être envoyées"));
    assert!(!r.body.contains("name=\"step\""), "no buttons once closed");
}

#[tokio::test]
async fn editing_after_answers_makes_a_new_version_and_results_keep_every_column() {
    let app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let user = app.user(&owner).await;
    let id = app.with_questionnaire(&owner).await;
    answer_role(&app, &id, "cadre", Some("J'encadre une équipe")).await;
    // v1 is answered: removing `detail` writes version 2.
    qn::remove(&app.core, &user, &id, "detail", &Actor::cli())
        .await
        .expect("remove");
    let loaded = qn::load_managed(&app.core, &user, &id)
        .await
        .expect("loaded");
    assert_eq!(loaded.row.version, 2);
    assert!(loaded.def.question("detail").is_none());
    answer_role(&app, &id, "professionnel", None).await;
    let versions: Vec<i64> = sqlx::query_scalar(
        "SELECT version FROM responses WHERE questionnaire_id = $1 ORDER BY version",
    )
    .bind(&id)
    .fetch_all(&app.core.db.pool)
    .await
    .expect("versions");
    assert_eq!(
        versions,
        [1, 2],
        "each response keeps the version it answered"
    );
    let results = qn::results(&app.core, &user, &id, "fr", None, qn::Include::Complete)
        .await
        .expect("results");
    let detail = results
        .questions
        .iter()
        .find(|q| q.question.name == "detail")
        .expect("the dropped question keeps its results");
    assert_eq!(detail.answered, 1);
    let mut app2 = app;
    app2.login(&owner).await;
    let csv = app2.get(&format!("/questionnaires/{id}/export.csv")).await;
    assert!(csv.body.contains("J'encadre une équipe"));
    assert!(csv.body.lines().next().expect("header").contains("detail"));
}

/// Sets who may answer the fixture questionnaire and how (as its owner, signed in).
pub(crate) async fn publish_to(
    app: &mut TestApp,
    id: &str,
    audience: &str,
    mode: &str,
    allow_edit: bool,
) {
    let mut fields = vec![
        ("languages", "fr"),
        ("title-fr", "Enquête test"),
        ("audience", audience),
        ("mode", mode),
    ];
    if allow_edit {
        fields.push(("allow_edit", "1"));
    }
    app.post_form(&format!("/questionnaires/{id}/settings"), &fields)
        .await
        .assert_status(303);
}

/// Answers the fixture questionnaire through the core services, as a respondent would.
async fn answer_role(app: &TestApp, id: &str, role: &str, detail: Option<&str>) {
    let token = qn::start(&app.core, id, None, &StartInput::default())
        .await
        .expect("start");
    let mut pairs = vec![("q-role".to_owned(), role.to_owned())];
    let mut shown = vec!["role".to_owned()];
    if let Some(d) = detail {
        pairs.push(("q-detail".to_owned(), d.to_owned()));
        shown.push("detail".to_owned());
    }
    let saved = qn::save_page(&app.core, &token, 0, &pairs, (&shown, &[]), Move::Submit)
        .await
        .expect("save");
    assert!(matches!(saved, Saved::Submitted(_)), "{saved:?}");
}

#[tokio::test]
async fn free_text_is_coded_into_themes_and_counted() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    answer_role(
        &app,
        &id,
        "cadre",
        Some("Nous faisons des maraudes, un vrai « aller vers »"),
    )
    .await;
    answer_role(
        &app,
        &id,
        "cadre",
        Some("Des pairs aidants co-animent l'accueil"),
    )
    .await;
    app.login(&owner).await;
    app.post_form(
        &format!("/questionnaires/{id}/codes"),
        &[("label", "Aller vers")],
    )
    .await
    .assert_status(303);
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/codes"),
            &[("label", "Aller vers")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("existe déjà"));
    let r = app
        .get(&format!(
            "/questionnaires/{id}/results/detail/texts?q=MARAUDE"
        ))
        .await;
    r.assert_status(200);
    assert!(
        r.body.contains("1 réponse"),
        "accent- and case-insensitive search"
    );
    assert!(!r.body.contains("pairs aidants"));
    let code: String =
        sqlx::query_scalar("SELECT id FROM questionnaire_codes WHERE questionnaire_id = $1")
            .bind(&id)
            .fetch_one(&app.core.db.pool)
            .await
            .expect("code");
    let response: String = sqlx::query_scalar(
        "SELECT response_id FROM answers WHERE question = 'detail' AND value LIKE '%maraudes%'",
    )
    .fetch_one(&app.core.db.pool)
    .await
    .expect("response");
    app.post_form(
        &format!("/questionnaires/{id}/results/detail/codes"),
        &[("response", &response), ("codes", &code)],
    )
    .await
    .assert_status(303);
    let r = app.get(&format!("/questionnaires/{id}/codes")).await;
    assert!(
        r.body
            .contains("<th scope=\"row\">Aller vers</th><td>1</td>"),
        "{}",
        r.body
    );
    // A code from elsewhere is refused.
    app.post_form(
        &format!("/questionnaires/{id}/results/detail/codes"),
        &[("response", &response), ("codes", "not-a-code")],
    )
    .await
    .assert_status(422);
    let csv = app.get(&format!("/questionnaires/{id}/export.csv")).await;
    assert!(
        csv.body
            .lines()
            .next()
            .expect("header")
            .contains("detail_codes")
    );
    assert!(csv.body.contains("Aller vers"));
}

#[tokio::test]
async fn other_coordinators_cannot_see_a_questionnaire_they_do_not_own() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    let other = app.with_user(Role::Coordinator).await;
    app.login(&other).await;
    for path in ["", "/results", "/export.csv", "/settings"] {
        app.get(&format!("/questionnaires/{id}{path}"))
            .await
            .assert_status(404);
    }
}

#[tokio::test]
async fn identified_responses_are_audited_when_read() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    app.login(&owner).await;
    publish_to(&mut app, &id, "signed-in", "identified", false).await;
    let member = app.with_user(Role::Member).await;
    app.clear_cookies();
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    assert!(r.location().starts_with("/login"), "signed-in audience");
    app.login(&member).await;
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    let link = r.location().to_owned();
    let r = app
        .post_form(
            &format!("{link}/1"),
            &[
                ("shown", "role"),
                ("q-role", "professionnel"),
                ("step", "submit"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("/q/{id}/thanks"));
    app.post_form(&format!("/q/{id}/start"), &[])
        .await
        .assert_status(409);
    app.clear_cookies();
    app.login(&owner).await;
    let rid: String = sqlx::query_scalar("SELECT id FROM responses WHERE questionnaire_id = $1")
        .bind(&id)
        .fetch_one(&app.core.db.pool)
        .await
        .expect("response");
    let r = app
        .get(&format!("/questionnaires/{id}/responses/{rid}"))
        .await;
    r.assert_status(200);
    assert!(r.body.contains(&member.email));
    assert!(
        app.audit_actions()
            .await
            .contains(&"responses-read".to_owned())
    );
}

/// A definition with every kind of question, conditions and "other".
async fn every_kind(app: &TestApp, owner: &TestUser) -> String {
    let user = app.user(owner).await;
    let actor = Actor::cli();
    let id = qn::create(&app.core, &user, "Tous les types", "fr", &actor)
        .await
        .expect("create");
    let fr = |t: &str| [("fr".to_owned(), t.to_owned())].into_iter().collect();
    let q = |name: &str, kind: Kind| QuestionInput {
        name: name.into(),
        kind: kind.code().into(),
        label: fr(name),
        ..Default::default()
    };
    let inputs = vec![
        QuestionInput {
            choices: "a = A\nb = B".into(),
            other: true,
            ..q("single", Kind::Single)
        },
        QuestionInput {
            choices: "x = X\ny = Y\nz = Z".into(),
            other: true,
            ..q("multi", Kind::Multiple)
        },
        QuestionInput {
            condition: "single = 'a'".into(),
            ..q("if_a", Kind::ShortText)
        },
        q("long", Kind::LongText),
        q("yn", Kind::YesNo),
        QuestionInput {
            min: "1".into(),
            max: "5".into(),
            ..q("scale", Kind::Scale)
        },
        q("int", Kind::Integer),
        q("dec", Kind::Decimal),
        q("date", Kind::Date),
        QuestionInput {
            scope: "departments".into(),
            ..q("dep", Kind::Territory)
        },
        QuestionInput {
            rows: "r1 = R1\nr2 = R2".into(),
            choices: "c1 = C1\nc2 = C2".into(),
            ..q("grid", Kind::Matrix)
        },
        QuestionInput {
            choices: "p = P\nq = Q\nr = R".into(),
            ..q("rank", Kind::Ranking)
        },
        q("note", Kind::Info),
    ];
    for input in inputs {
        qn::save_question(&app.core, &user, &id, "s1", None, &input, &actor)
            .await
            .unwrap_or_else(|e| panic!("{}: {e:?}", input.name));
    }
    qn::set_status(&app.core, &user, &id, "open", &actor)
        .await
        .expect("open");
    id
}

#[tokio::test]
async fn exports_are_lossless_in_csv_xlsx_and_json() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = every_kind(&app, &owner).await;
    let shown: Vec<String> = [
        "single", "multi", "if_a", "long", "yn", "scale", "int", "dec", "date", "dep", "grid",
        "rank",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    // Expected cells per response: header → value.
    let mut expected: Vec<BTreeMap<String, String>> = Vec::new();
    for i in 0..24usize {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut want = BTreeMap::new();
        let mut put = |field: &str, v: &str, header: &str, cell: &str| {
            pairs.push((field.into(), v.into()));
            want.insert(header.to_owned(), cell.to_owned());
        };
        match i % 3 {
            0 => {
                put("q-single", "a", "single", "a");
                put(
                    "q-if_a",
                    &format!("si a n°{i}"),
                    "if_a",
                    &format!("si a n°{i}"),
                );
            }
            1 => {
                put("q-single", "other", "single", "other");
                put(
                    "q-single-other",
                    &format!("autre, « {i} »"),
                    "single_other",
                    &format!("autre, « {i} »"),
                );
            }
            _ => {}
        }
        put("q-multi", "x", "multi/x", "1");
        if i % 2 == 0 {
            put("q-multi", "other", "multi/other", "1");
            put("q-multi-other", "ailleurs", "multi_other", "ailleurs");
        }
        put(
            "q-long",
            &format!("ligne 1\nligne 2, \"citée\" {i}"),
            "long",
            &format!("ligne 1\nligne 2, \"citée\" {i}"),
        );
        put(
            "q-yn",
            if i % 2 == 0 { "yes" } else { "no" },
            "yn",
            if i % 2 == 0 { "yes" } else { "no" },
        );
        put(
            "q-scale",
            &(1 + i % 5).to_string(),
            "scale",
            &(1 + i % 5).to_string(),
        );
        let int = (i as i64 * 7 - 50).to_string();
        put("q-int", &int, "int", &int);
        put("q-dec", "3,25", "dec", "3.25");
        put("q-date", "2021-03-15", "date", "2021-03-15");
        put(
            "q-dep",
            if i % 2 == 0 { "2A" } else { "01" },
            "dep",
            if i % 2 == 0 { "2A" } else { "01" },
        );
        put("q-grid-r-r1", "c2", "grid/r1", "c2");
        put("q-rank-k-p", "2", "rank/p", "2");
        put("q-rank-k-q", "1", "rank/q", "1");
        if i % 3 == 1 {
            // Sent, but hidden by its condition: dropped.
            pairs.push(("q-if_a".into(), "caché".into()));
        }
        want.insert("multi/y".into(), "0".into());
        // Unanswered, or hidden by its condition: empty.
        if i % 3 != 0 {
            want.insert("if_a".into(), String::new());
        }
        if i % 3 == 2 {
            want.insert("single".into(), String::new());
        }
        let token = qn::start(&app.core, &id, None, &StartInput::default())
            .await
            .expect("start");
        let saved = qn::save_page(&app.core, &token, 0, &pairs, (&shown, &[]), Move::Submit)
            .await
            .expect("save");
        assert!(matches!(saved, Saved::Submitted(_)), "{i}: {saved:?}");
        expected.push(want);
    }
    app.login(&owner).await;

    // CSV
    let r = app.get(&format!("/questionnaires/{id}/export.csv")).await;
    let text = r.body.trim_start_matches('\u{feff}').to_owned();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("h")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("row").iter().map(str::to_owned).collect())
        .collect();
    check_table("csv", &headers, &rows, &expected);

    // CSV for Excel in French: the same table, with semicolons and decimal commas.
    let r = app
        .get(&format!("/questionnaires/{id}/export.csv?dialect=excel-fr"))
        .await;
    let text = r.body.trim_start_matches('\u{feff}').to_owned();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let excel_headers: Vec<String> = reader
        .headers()
        .expect("h")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(excel_headers, headers);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.expect("row")
                .iter()
                .map(|c| {
                    let dotted = c.replace(',', ".");
                    if c.contains(',') && dotted.parse::<f64>().is_ok() {
                        dotted
                    } else {
                        c.to_owned()
                    }
                })
                .collect()
        })
        .collect();
    check_table("csv excel-fr", &headers, &rows, &expected);

    // XLSX
    let r = app.get(&format!("/questionnaires/{id}/export.xlsx")).await;
    r.assert_status(200);
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(r.bytes.clone())).expect("xlsx");
    use calamine::Reader;
    let range = wb.worksheet_range("answers").expect("answers sheet");
    let mut it = range.rows();
    let headers: Vec<String> = it
        .next()
        .expect("header")
        .iter()
        .map(|c| c.to_string())
        .collect();
    let rows: Vec<Vec<String>> = it
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    check_table("xlsx", &headers, &rows, &expected);
    let questions = wb.worksheet_range("questions").expect("questions sheet");
    assert!(
        questions
            .rows()
            .any(|r| r.first().map(|c| c.to_string()) == Some("grid".into()))
    );
    assert!(wb.worksheet_range("codebook").is_ok());

    // JSON
    let r = app.get(&format!("/questionnaires/{id}/export.json")).await;
    let whole: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(whole["questionnaire"]["id"], id.as_str());
    let all = whole["responses"].as_array().expect("array");
    assert!(all.iter().all(|o| o["status"] == "complete"));
    assert_eq!(all.len(), expected.len());
    for want in &expected {
        let found = all.iter().any(|o| {
            let a = &o["answers"];
            want.iter().all(|(h, v)| {
                let got = match h.split_once('/') {
                    Some((q, part)) if q == "multi" => {
                        let has = a[q].as_array().is_some_and(|l| l.iter().any(|x| x == part));
                        if has { "1" } else { "0" }.to_owned()
                    }
                    Some((q, part)) => match &a[q][part] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Number(n) => n.to_string(),
                        _ => String::new(),
                    },
                    None => match &a[h.as_str()] {
                        serde_json::Value::String(s) => s.clone(),
                        serde_json::Value::Number(n) => n.to_string(),
                        _ => String::new(),
                    },
                };
                &got == v
            })
        });
        assert!(found, "json lacks {want:?}");
    }
}

/// Every expected response appears as one row with every expected cell.
fn check_table(
    format: &str,
    headers: &[String],
    rows: &[Vec<String>],
    expected: &[BTreeMap<String, String>],
) {
    assert_eq!(rows.len(), expected.len(), "{format}: one row per response");
    for want in expected {
        for h in want.keys() {
            assert!(headers.contains(h), "{format}: column {h} in {headers:?}");
        }
        let found = rows.iter().any(|row| {
            want.iter().all(|(h, v)| {
                let i = headers.iter().position(|x| x == h).unwrap_or(usize::MAX);
                row.get(i).is_some_and(|cell| cell == v)
            })
        });
        assert!(found, "{format}: no row with {want:?}");
    }
}

#[tokio::test]
async fn the_demo_census_is_coded_into_the_four_priority_themes() {
    let app = TestApp::with_config(|c| c.demo = true).await;
    passerelle_testkit::passerelle_core::demo::load(&app.core)
        .await
        .expect("demo");
    let (id, n): (String, i64) = sqlx::query_as(
        "SELECT q.id, (SELECT COUNT(*) FROM responses r WHERE r.questionnaire_id = q.id AND r.status = 'submitted')
         FROM questionnaires q WHERE q.is_demo = 1",
    )
    .fetch_one(&app.core.db.pool)
    .await
    .expect("census");
    assert_eq!(n, qn::demo::DEMO_RESPONSES as i64);
    let admin = app.with_user(Role::Administrator).await;
    let admin = app.user(&admin).await;
    let codes = qn::codebook(&app.core, &admin, &id)
        .await
        .expect("codebook");
    let labels: Vec<&str> = codes.iter().map(|(c, _)| c.label.as_str()).collect();
    for theme in [
        "Conférences familiales",
        "Aller vers",
        "Pair-aidance",
        "Coordination pluridisciplinaire",
    ] {
        assert!(labels.contains(&theme), "{theme} in {labels:?}");
    }
    assert_eq!(
        codes.iter().map(|(_, n)| n).sum::<i64>(),
        n,
        "every response coded once"
    );
    let results = qn::results(&app.core, &admin, &id, "fr", None, qn::Include::Complete)
        .await
        .expect("results");
    let kinds = results
        .questions
        .iter()
        .find(|q| q.question.name == "respondent_kind")
        .expect("kinds");
    let top = kinds.bars.iter().max_by_key(|b| b.count).expect("bars");
    assert_eq!(
        top.code, "conseil_departemental",
        "most answers from departmental councils"
    );
}

#[tokio::test]
async fn invited_people_answer_by_their_own_link_and_only_the_others_are_reminded() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    app.login(&owner).await;
    publish_to(&mut app, &id, "invited", "anonymous", false).await;
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/invitations"),
            &[("emails", "ana@example.org\npas une adresse")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("pas une adresse"), "what was typed is kept");
    assert!(app.outbox().await.is_empty(), "nothing sent");
    app.post_form(
        &format!("/questionnaires/{id}/invitations"),
        &[(
            "emails",
            "ana@example.org, bea@example.org\nana@example.org",
        )],
    )
    .await
    .assert_status(303);
    let link_of = |app: &TestApp, mail: &passerelle_testkit::passerelle_core::mail::EmailRow| {
        let l = app.link_in(mail);
        assert!(l.starts_with(&format!("/q/{id}?invitation=")), "{l}");
        l.split("invitation=").nth(1).expect("token").to_owned()
    };
    let ana = link_of(&app, &app.last_email_to("ana@example.org").await);
    let bea_first = link_of(&app, &app.last_email_to("bea@example.org").await);
    assert_eq!(app.outbox().await.len(), 2, "one invitation each");

    app.clear_cookies();
    app.post_form(&format!("/q/{id}/start"), &[])
        .await
        .assert_status(409);
    let r = app.get(&format!("/q/{id}?invitation={ana}")).await;
    assert!(
        r.body
            .contains(&format!("name=\"invitation\" value=\"{ana}\""))
    );
    let r = app
        .post_form(&format!("/q/{id}/start"), &[("invitation", &ana)])
        .await;
    let link = r.location().to_owned();
    let r = app
        .post_form(
            &format!("{link}/1"),
            &[
                ("shown", "role"),
                ("q-role", "professionnel"),
                ("step", "submit"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("/q/{id}/thanks"));
    app.post_form(&format!("/q/{id}/start"), &[("invitation", &ana)])
        .await
        .assert_status(409);
    let invitation: Option<String> = sqlx::query_scalar("SELECT invitation_id FROM responses")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("response");
    assert!(
        invitation.is_none(),
        "the response is not linked to the invitation"
    );

    app.login(&owner).await;
    let r = app.get(&format!("/questionnaires/{id}/invitations")).await;
    assert!(r.body.contains("1 a répondu"));
    app.post_form(&format!("/questionnaires/{id}/invitations/remind"), &[])
        .await
        .assert_status(303);
    let mails = app.outbox().await;
    assert_eq!(mails.len(), 3, "a reminder for Béa only");
    let reminder = app.last_email_to("bea@example.org").await;
    assert!(reminder.subject.starts_with("Rappel"));
    let bea = link_of(&app, &reminder);
    assert_ne!(bea, bea_first, "a fresh link");
    app.clear_cookies();
    app.post_form(&format!("/q/{id}/start"), &[("invitation", &bea_first)])
        .await
        .assert_status(409);
    app.post_form(&format!("/q/{id}/start"), &[("invitation", &bea)])
        .await
        .assert_status(303);
}

#[tokio::test]
async fn tallies_follow_submissions_and_edits_after_submission() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    app.login(&owner).await;
    publish_to(&mut app, &id, "signed-in", "identified", true).await;
    let first = app.with_user(Role::Member).await;
    let first = app.user(&first).await;
    let token = qn::start(&app.core, &id, Some(&first), &StartInput::default())
        .await
        .expect("start");
    qn::save_page(
        &app.core,
        &token,
        0,
        &[("q-role".into(), "professionnel".into())],
        (&["role".into()], &[]),
        Move::Submit,
    )
    .await
    .expect("submit");
    let member = app.with_user(Role::Member).await;
    app.clear_cookies();
    app.login(&member).await;
    let link = app
        .post_form(&format!("/q/{id}/start"), &[])
        .await
        .location()
        .to_owned();
    let page = format!("{link}/1");
    app.post_form(
        &page,
        &[
            ("shown", "role"),
            ("q-role", "other"),
            ("q-role-other", "Médiatrice"),
            ("step", "submit"),
        ],
    )
    .await
    .assert_status(303);
    // Editing after submission, until closing: the counts move with the answer.
    let r = app.get(&format!("/q/{id}")).await;
    assert!(
        r.body.contains("Modifier mes réponses"),
        "editing allowed, and said so"
    );
    let link = app
        .post_form(&format!("/q/{id}/start"), &[])
        .await
        .location()
        .to_owned();
    let r = app.get(&format!("{link}/1")).await;
    assert!(r.body.contains("vous pouvez encore les modifier"));
    app.post_form(
        &format!("{link}/1"),
        &[
            ("shown", "role,detail"),
            ("q-role", "cadre"),
            ("q-detail", "J'encadre"),
            ("step", "submit"),
        ],
    )
    .await
    .assert_status(303);
    let user = app.user(&owner).await;
    let tallied = qn::results(&app.core, &user, &id, "fr", None, qn::Include::Complete)
        .await
        .expect("results");
    let recounted = qn::results(
        &app.core,
        &user,
        &id,
        "fr",
        Some(("role".into(), "cadre".into())),
        qn::Include::Complete,
    )
    .await
    .expect("filtered");
    let bars = |r: &qn::Results, q: &str| -> Vec<(String, i64)> {
        r.questions
            .iter()
            .find(|x| x.question.name == q)
            .expect("question")
            .bars
            .iter()
            .map(|b| (b.code.clone(), b.count))
            .collect()
    };
    assert_eq!(tallied.submitted, 2);
    assert_eq!(
        bars(&tallied, "role"),
        [
            ("cadre".into(), 1),
            ("professionnel".into(), 1),
            ("other".into(), 0)
        ]
    );
    assert_eq!(recounted.submitted, 1);
    assert_eq!(
        bars(&recounted, "role"),
        [
            ("cadre".into(), 1),
            ("professionnel".into(), 0),
            ("other".into(), 0)
        ]
    );
    let detail = |r: &qn::Results| {
        r.questions
            .iter()
            .find(|x| x.question.name == "detail")
            .map(|x| x.answered)
    };
    assert_eq!(detail(&tallied), Some(1));
    assert_eq!(detail(&recounted), Some(1));
    let role = tallied
        .questions
        .iter()
        .find(|x| x.question.name == "role")
        .expect("role");
    assert_eq!(
        (role.answered, role.others),
        (2, 0),
        "the other text left with the edit"
    );
}

#[tokio::test]
async fn machine_translations_are_marked_until_reviewed() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    let edit = format!("/questionnaires/{id}/questions/categorie/edit");
    let fields = [
        ("kind", "single"),
        ("label-fr", "Catégorie de la pratique"),
        ("label-en", "Practice category"),
        (
            "choices",
            "naissante = Naissante | Emerging\nrenaissante = Renaissante | Re-emerging",
        ),
        ("machine", "en"),
    ];
    app.post_form(&edit, &fields).await.assert_status(303);
    let r = app.get(&format!("/questionnaires/{id}")).await;
    assert!(
        r.body.contains("anglais : traduction automatique"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("3 traductions automatiques à relire"),
        "label and two choices"
    );
    let r = app.get(&edit).await;
    assert!(r.body.contains("name=\"machine\" value=\"en\" checked"));
    // Reviewed: saved without the mark.
    app.post_form(&edit, &fields[..4]).await.assert_status(303);
    let r = app.get(&format!("/questionnaires/{id}")).await;
    assert!(!r.body.contains("traduction automatique<"));
    assert!(r.body.contains("0 traduction automatique à relire"));
}
