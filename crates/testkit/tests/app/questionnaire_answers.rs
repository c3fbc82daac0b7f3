//! Questionnaires, what respondents type is never lost and results answer the analyst: a
//! section unlocked on the last page, valid answers saved beside an invalid one, "other"
//! beside a choice, answering without cookies, partial responses, response management, the
//! cross-tab under a filter, conditions that cannot hold, and the respondent's language.

use passerelle_testkit::passerelle_core::accounts::{Actor, Role};
use passerelle_testkit::passerelle_core::questionnaires::{self as qn, Include};
use passerelle_testkit::{TestApp, encode};

use super::questionnaires::{build, coordinator, publish_to};

async fn open(app: &mut TestApp, id: &str) {
    app.post_form(
        &format!("/questionnaires/{id}/status"),
        &[("status", "open")],
    )
    .await
    .assert_status(303);
}

/// Starts an anonymous response in a new browser: the first page's address.
async fn first_page(app: &mut TestApp, id: &str) -> String {
    app.clear_cookies();
    let r = app
        .post_form(&format!("/q/{id}/start"), &[("language", "fr")])
        .await;
    r.assert_status(303);
    format!("{}/1", r.location())
}

/// The second page of a response, from its first page's address (`…/1` → `…/2`; the token
/// may hold a "1" itself).
fn second(page1: &str) -> String {
    format!("{}/2", page1.strip_suffix("/1").expect("a first page"))
}

async fn answers_of(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("SELECT question, value FROM answers ORDER BY question, value")
        .fetch_all(&app.core.db.pool)
        .await
        .expect("answers")
}

#[tokio::test]
async fn a_section_unlocked_by_the_last_page_is_shown_before_submitting() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    // The second section only for emerging practices: page 1 is then the only page.
    app.post_form(
        &format!("/questionnaires/{id}/sections/s2/edit"),
        &[
            ("title-fr", "Thèmes"),
            ("condition", "categorie = 'naissante'"),
        ],
    )
    .await
    .assert_status(303);
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let r = app.get(&page1).await;
    assert!(r.body.contains("value=\"submit\""), "one page: it submits");
    assert!(r.body.contains("name=\"pages\" value=\"0\""));
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,origine,annee"),
                ("pages", "0"),
                ("q-categorie", "naissante"),
                ("q-origine", "Un groupe de parents"),
                ("step", "submit"),
            ],
        )
        .await;
    let page2 = second(&page1);
    assert_eq!(
        r.location(),
        format!("{page2}?notice=questions-unlocked"),
        "the unlocked section is shown, not the thank-you page"
    );
    let r = app.get(r.location()).await;
    assert!(r.body.contains("Elles ouvrent de nouvelles questions"));
    assert!(r.body.contains("id=\"q-crise\""));
    let submitted: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM responses WHERE status = 'submitted'")
            .fetch_one(&app.core.db.pool)
            .await
            .expect("count");
    assert_eq!(submitted, 0, "nothing submitted before the new questions");
    let r = app
        .post_form(
            &page2,
            &[
                ("shown", "themes,crise"),
                ("q-crise", "yes"),
                ("step", "submit"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("/q/{id}/thanks"));
}

#[tokio::test]
async fn an_invalid_answer_keeps_the_valid_ones_of_its_page() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("q-categorie", "renaissante"),
                ("q-annee", "1800"),
                ("step", "next"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(
        r.body.contains("value=\"1800\""),
        "the refused value is shown again"
    );
    assert!(
        r.body
            .contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"),
        "the keyboard starts at the list of errors"
    );
    assert_eq!(
        answers_of(&app).await,
        [("categorie".to_owned(), "renaissante".to_owned())],
        "the valid answer is saved, the refused one is not"
    );
    // Leaving and coming back: the valid answer is there.
    let r = app.get(&page1).await;
    assert!(r.body.contains("value=\"renaissante\" checked"));
}

#[tokio::test]
async fn a_choice_and_an_other_text_are_never_silently_merged() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("q-categorie", "renaissante"),
                ("q-categorie-other", "Hybride"),
                ("step", "next"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("Effacez le texte pour garder l’option"));
    assert!(
        r.body
            .contains("value=\"renaissante\" checked aria-invalid=\"true\""),
        "both kept on screen, the choices marked invalid for screen readers"
    );
    assert!(r.body.contains("value=\"Hybride\""));
    assert!(
        answers_of(&app).await.is_empty(),
        "neither is chosen for them"
    );
    // Clearing the text keeps the option.
    app.post_form(
        &page1,
        &[
            ("shown", "categorie,annee"),
            ("q-categorie", "renaissante"),
            ("step", "next"),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(
        answers_of(&app).await,
        [("categorie".to_owned(), "renaissante".to_owned())]
    );
}

#[tokio::test]
async fn a_respondent_without_cookies_keeps_answering_with_the_link() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    app.clear_cookies();
    // No cookie and no CSRF field: the start of an anonymous response grants nothing.
    let r = app
        .post_raw(&format!("/q/{id}/start"), &encode(&[("language", "fr")]))
        .await;
    r.assert_status(303);
    let page1 = format!("{}/1", r.location());
    app.clear_cookies();
    let r = app
        .post_raw(
            &page1,
            &encode(&[
                ("shown", "categorie,annee"),
                ("q-categorie", "renaissante"),
                ("q-annee", "2019"),
                ("step", "next"),
            ]),
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), second(&page1));
    assert_eq!(answers_of(&app).await.len(), 2, "what was typed is saved");
    // Other forms still need the token, and so does a signed-in start (it acts for the account).
    app.clear_cookies();
    app.post_raw("/questionnaires", &encode(&[("title", "x")]))
        .await
        .assert_status(403);
    let member = app.with_user(Role::Member).await;
    app.login(&member).await;
    app.post_raw(&format!("/q/{id}/start"), &encode(&[("language", "fr")]))
        .await
        .assert_status(403);
}

#[tokio::test]
async fn a_page_sent_after_closing_shows_what_was_typed() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let user = app.user(&owner).await;
    qn::set_status(&app.core, &user, &id, "closed", &Actor::cli())
        .await
        .expect("close");
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("q-categorie", "naissante"),
                ("q-annee", "2016"),
                ("step", "next"),
            ],
        )
        .await;
    r.assert_status(409);
    assert!(
        r.body
            .contains("Le questionnaire a fermé avant l’envoi de cette page")
    );
    assert!(
        r.body.contains("value=\"2016\""),
        "the typed text is there to copy"
    );
    assert!(!r.body.contains("name=\"step\""), "no button once closed");
}

/// Two partial responses (both stopped after page 1) and one complete, anonymous.
async fn three_responses(app: &mut TestApp, id: &str) {
    for (categorie, crise) in [
        ("naissante", Some("yes")),
        ("renaissante", None),
        ("naissante", None),
    ] {
        let page1 = first_page(app, id).await;
        app.post_form(
            &page1,
            &[
                ("shown", "categorie,origine,annee"),
                ("q-categorie", categorie),
                ("step", "next"),
            ],
        )
        .await
        .assert_status(303);
        if let Some(c) = crise {
            app.post_form(
                &second(&page1),
                &[
                    ("shown", "themes,crise"),
                    ("q-crise", c),
                    ("step", "submit"),
                ],
            )
            .await
            .assert_status(303);
        }
    }
}

#[tokio::test]
async fn partial_responses_are_listed_counted_and_exported_with_their_status() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    three_responses(&mut app, &id).await;
    // Someone opens the questionnaire and leaves without answering: no response at all.
    app.clear_cookies();
    first_page(&mut app, &id).await;
    app.login(&owner).await;
    let r = app
        .get(&format!("/questionnaires/{id}/responses?show=partial"))
        .await;
    r.assert_status(200);
    assert!(
        r.body.contains("Partielles (2)"),
        "the empty draft is not counted"
    );
    assert!(r.body.contains("Complète (1)"));
    assert_eq!(r.body.matches("<strong>Partielle</strong>").count(), 2);
    assert!(r.body.contains("1 / 2"), "the last page saved");

    let r = app.get(&format!("/questionnaires/{id}/results")).await;
    assert!(r.body.contains("1 réponse envoyée"));
    assert!(r.body.contains("Inclure les réponses partielles (2)"));
    let r = app
        .get(&format!("/questionnaires/{id}/results?include=all"))
        .await;
    assert!(r.body.contains("3 réponses, complètes ou partielles"));

    let csv = app
        .get(&format!("/questionnaires/{id}/export.csv?include=all"))
        .await;
    csv.assert_status(200);
    let text = csv.body.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("h")
        .iter()
        .map(str::to_owned)
        .collect();
    let status = headers
        .iter()
        .position(|h| h == "status")
        .expect("status column");
    let mut statuses: Vec<String> = reader
        .records()
        .map(|r| r.expect("row")[status].to_owned())
        .collect();
    statuses.sort();
    assert_eq!(statuses, ["complete", "partial", "partial"]);
    let complete_only = app.get(&format!("/questionnaires/{id}/export.csv")).await;
    assert_eq!(
        complete_only.body.trim_end().lines().count(),
        2,
        "header and one row"
    );

    // Excel (French): semicolons, a BOM, the same rows.
    let excel = app
        .get(&format!(
            "/questionnaires/{id}/export.csv?include=all&dialect=excel-fr"
        ))
        .await;
    assert!(excel.body.starts_with('\u{feff}'));
    assert!(excel.body.lines().next().expect("head").contains("\";\""));
    assert!(excel.header("content-disposition").contains("excel-fr"));

    // JSON: the questionnaire first, then each response with its status.
    let json = app
        .get(&format!("/questionnaires/{id}/export.json?include=all"))
        .await;
    let v: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(v["questionnaire"]["id"], id.as_str());
    let q = &v["questionnaire"]["questions"][0];
    assert_eq!(q["name"], "categorie");
    assert_eq!(q["type"], "single");
    assert_eq!(q["label"]["en"], "Category of the practice");
    assert_eq!(q["choices"][0]["label"]["en"], "Emerging");
    let responses = v["responses"].as_array().expect("responses");
    assert_eq!(responses.len(), 3);
    assert_eq!(
        responses
            .iter()
            .filter(|r| r["status"] == "partial")
            .count(),
        2
    );
    assert!(responses.iter().all(|r| r["last_saved"].is_string()));
}

#[tokio::test]
async fn a_coordinator_deletes_a_response_with_a_reason_and_it_is_audited() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    three_responses(&mut app, &id).await;
    app.login(&owner).await;
    let complete: String =
        sqlx::query_scalar("SELECT id FROM responses WHERE status = 'submitted'")
            .fetch_one(&app.core.db.pool)
            .await
            .expect("complete");
    let delete = format!("/questionnaires/{id}/responses/{complete}/delete");
    let r = app.post_form(&delete, &[("reason", "  ")]).await;
    r.assert_status(422);
    assert!(
        r.body.contains("id=\"reason-error\""),
        "the reason is asked for"
    );
    let r = app
        .post_form(&delete, &[("reason", "Réponse de test")])
        .await;
    assert_eq!(
        r.location(),
        format!("/questionnaires/{id}/responses?show=all&notice=response-deleted")
    );
    let user = app.user(&owner).await;
    let results = qn::results(&app.core, &user, &id, "fr", None, Include::Complete)
        .await
        .expect("results");
    assert_eq!(results.submitted, 0);
    let crise = results
        .questions
        .iter()
        .find(|q| q.question.name == "crise")
        .expect("crise");
    assert_eq!(crise.answered, 0, "the tallies forget it");
    let details: String = sqlx::query_scalar(
        "SELECT details FROM audit_log WHERE action = 'response-deleted' AND target_id = $1",
    )
    .bind(&complete)
    .fetch_one(&app.core.db.pool)
    .await
    .expect("audited");
    assert_eq!(details, "Réponse de test");
    // Someone else's coordinator cannot.
    let other = app.with_user(Role::Coordinator).await;
    app.login(&other).await;
    let partial: String = sqlx::query_scalar("SELECT id FROM responses LIMIT 1")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("partial");
    app.post_form(
        &format!("/questionnaires/{id}/responses/{partial}/delete"),
        &[("reason", "x")],
    )
    .await
    .assert_status(404);
    // Nor can its owner reach it through another questionnaire of theirs.
    app.login(&owner).await;
    let other_questionnaire = app.with_questionnaire(&owner).await;
    app.post_form(
        &format!("/questionnaires/{other_questionnaire}/responses/{partial}/delete"),
        &[("reason", "x")],
    )
    .await
    .assert_status(404);
}

#[tokio::test]
async fn a_draft_of_an_anonymous_questionnaire_never_shows_who_is_answering() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = app.with_questionnaire(&owner).await;
    publish_to(&mut app, &id, "signed-in", "anonymous", false).await;
    let member = app.with_user(Role::Member).await;
    app.login(&member).await;
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    app.post_form(
        &format!("{}/1", r.location()),
        &[("shown", "role"), ("q-role", "cadre"), ("step", "later")],
    )
    .await
    .assert_status(303);
    app.login(&owner).await;
    let draft: String = sqlx::query_scalar("SELECT id FROM responses")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("draft");
    let r = app
        .get(&format!("/questionnaires/{id}/responses/{draft}"))
        .await;
    r.assert_status(200);
    assert!(
        !r.body.contains(&member.email),
        "no e-mail for an anonymous draft"
    );
    assert!(
        !r.body.contains("(UTC"),
        "the day only, no time to match with a log"
    );
    // A sheet is made from what was sent, never from a draft.
    app.post_form(
        &format!("/questionnaires/{id}/responses/{draft}/sheet"),
        &[],
    )
    .await
    .assert_status(404);
}

#[tokio::test]
async fn an_identified_response_is_given_back_and_its_respondent_edits_it() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = app.with_questionnaire(&owner).await;
    publish_to(&mut app, &id, "signed-in", "identified", false).await;
    let member = app.with_user(Role::Member).await;
    app.login(&member).await;
    let r = app.get(&format!("/q/{id}")).await;
    assert!(r.body.contains(">Commencer<"), "{}", r.body);
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    let page = format!("{}/1", r.location());
    app.post_form(
        &page,
        &[
            ("shown", "role"),
            ("q-role", "professionnel"),
            ("step", "later"),
        ],
    )
    .await
    .assert_status(303);
    let r = app.get(&format!("/q/{id}")).await;
    assert!(
        r.body.contains("Reprendre mes réponses"),
        "a draft is continued"
    );
    app.post_form(
        &page,
        &[
            ("shown", "role"),
            ("q-role", "professionnel"),
            ("step", "submit"),
        ],
    )
    .await
    .assert_status(303);
    let r = app.get(&format!("/q/{id}")).await;
    assert!(r.body.contains("Vous avez déjà répondu"));

    app.login(&owner).await;
    let response: String = sqlx::query_scalar("SELECT id FROM responses")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("response");
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/responses/{response}/reopen"),
            &[],
        )
        .await;
    assert_eq!(
        r.location(),
        format!("/questionnaires/{id}/responses/{response}?notice=response-reopened")
    );
    assert!(
        app.audit_actions()
            .await
            .contains(&"response-reopened".to_owned())
    );
    let told = app.last_email_to(&member.email).await;
    assert!(
        told.subject.contains("vous sont rendues") && told.body_text.contains(&format!("/q/{id}")),
        "the respondent is told where to find their answers: {}",
        told.subject
    );
    let user = app.user(&owner).await;
    let results = qn::results(&app.core, &user, &id, "fr", None, Include::Complete)
        .await
        .expect("results");
    assert_eq!(results.submitted, 0, "out of the results until sent again");

    app.login(&member).await;
    let r = app.get(&format!("/q/{id}")).await;
    assert!(r.body.contains("Reprendre mes réponses"));
    let r = app.post_form(&format!("/q/{id}/start"), &[]).await;
    let r = app.get(&format!("{}/1", r.location())).await;
    assert!(
        r.body.contains("value=\"professionnel\""),
        "their answers are back"
    );
}

#[tokio::test]
async fn the_cross_tab_counts_what_the_filter_selects_with_percentages_and_a_test() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    for (categorie, crise) in [
        ("naissante", "yes"),
        ("naissante", "yes"),
        ("naissante", "no"),
        ("renaissante", "no"),
    ] {
        let page1 = first_page(&mut app, &id).await;
        app.post_form(
            &page1,
            &[
                ("shown", "categorie,origine,annee"),
                ("q-categorie", categorie),
                ("step", "next"),
            ],
        )
        .await;
        app.post_form(
            &second(&page1),
            &[
                ("shown", "themes,crise"),
                ("q-crise", crise),
                ("step", "submit"),
            ],
        )
        .await
        .assert_status(303);
    }
    let user = app.user(&owner).await;
    let filter = Some(("categorie", "naissante"));
    let c = qn::crosstab(
        &app.core,
        &user,
        &id,
        "fr",
        ("categorie", "crise"),
        filter,
        Include::Complete,
    )
    .await
    .expect("crosstab");
    assert_eq!(c.total, 3, "the filter's 3 responses, not all 4");
    let yes = c
        .cols
        .iter()
        .position(|(_, code)| code == "yes")
        .expect("yes");
    let row = c
        .rows
        .iter()
        .position(|(_, code)| code == "naissante")
        .expect("row");
    assert_eq!(c.cells[row][yes], 2);
    assert_eq!(c.row_percent(row, yes), "66.7", "rounded, not truncated");
    let all = qn::crosstab(
        &app.core,
        &user,
        &id,
        "fr",
        ("categorie", "crise"),
        None,
        Include::Complete,
    )
    .await
    .expect("crosstab");
    assert_eq!(all.total, 4);
    let chi = all.chi_square.expect("a 2 × 2 table with answers");
    assert_eq!(chi.degrees, 1);
    assert!(chi.small_counts, "four responses: the caution shows");

    app.login(&owner).await;
    let r = app
        .get(&format!(
            "/questionnaires/{id}/results?filter=categorie:naissante&rows=categorie&cols=crise"
        ))
        .await;
    r.assert_status(200);
    assert!(r.body.contains("3 réponses envoyées"));
    assert!(
        r.body.contains("66,7 % de la ligne"),
        "a decimal comma in French"
    );
    assert!(
        r.body.contains("Le test demande au moins deux lignes"),
        "one category under the filter: no test"
    );
    let r = app
        .get(&format!(
            "/questionnaires/{id}/results?rows=categorie&cols=crise"
        ))
        .await;
    assert!(r.body.contains("χ² = "));
    assert!(
        r.body.contains("Prudence"),
        "four responses: the caution shows"
    );
    assert!(r.body.contains("Sommaire"), "a table of contents");
    assert!(
        r.body.contains("Partie 1"),
        "an untitled section is named by its place"
    );
}

#[tokio::test]
async fn conditions_that_cannot_hold_are_refused_next_to_the_field() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/sections/s1/questions"),
            &[
                ("kind", "short_text"),
                ("name", "precision"),
                ("label-fr", "Précisez"),
                ("condition", "categorie = 'xyz'"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"condition-error\""));
    assert!(r.body.contains("aucun de ses choix"));
    // `origine` cites `naissante`: removing that choice is refused on the choices field.
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/questions/categorie/edit"),
            &[
                ("kind", "single"),
                ("name", "categorie"),
                ("label-fr", "Catégorie de la pratique"),
                ("choices", "renaissante = Renaissante"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"choices-error\""));
    assert!(
        r.body
            .contains("cite un choix que cette modification retire")
    );
    // A move a condition forbids names the condition, linked to where it is edited.
    let r = app
        .post_form(
            &format!("/questionnaires/{id}/items/origine/move"),
            &[("direction", "up")],
        )
        .await;
    r.assert_status(409);
    assert!(r.body.contains("href=\"#item-origine\""), "{}", r.body);
    assert!(r.body.contains("categorie = &#39;naissante&#39;"));
}

#[tokio::test]
async fn the_respondent_keeps_the_language_chosen_and_en_gb_reads_english() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    app.clear_cookies();
    let r = app
        .get_with(&format!("/q/{id}"), &[("accept-language", "en-GB")])
        .await;
    assert!(r.body.contains("Census of practices"), "en-GB is English");
    // Each language is offered in its own words, whatever the page's language.
    assert!(r.body.contains(">Français</option>"), "{}", r.body);
    assert!(r.body.contains(">English</option>"));
    let r = app
        .post_form(&format!("/q/{id}/start"), &[("language", "en")])
        .await;
    let page1 = format!("{}/1", r.location());
    // The browser says French; the respondent chose English.
    let r = app.get_with(&page1, &[("accept-language", "fr-FR")]).await;
    assert!(r.body.contains("Category of the practice"));
    assert!(
        r.body.contains("Next page"),
        "the interface follows the choice"
    );
    assert!(
        r.body.contains("Between 1950 and 2030."),
        "a number's bounds are said before answering"
    );
    // Saving for later and the thank-you page stay in English too.
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "categorie,annee"),
                ("lang", "en"),
                ("q-categorie", "renaissante"),
                ("step", "later"),
            ],
        )
        .await;
    let saved = app
        .get_with(r.location(), &[("accept-language", "fr-FR")])
        .await;
    assert!(
        saved.body.contains("<html lang=\"en\""),
        "the saved page is English"
    );
    let page2 = second(&page1);
    let r = app
        .post_form(
            &page2,
            &[
                ("shown", "themes,crise"),
                ("lang", "en"),
                ("q-crise", "no"),
                ("step", "submit"),
            ],
        )
        .await;
    assert_eq!(r.location(), format!("/q/{id}/thanks?lang=en"));
    let thanks = app
        .get_with(r.location(), &[("accept-language", "fr-FR")])
        .await;
    assert!(
        thanks.body.contains("<html lang=\"en\""),
        "the thank-you page is English"
    );
}

#[tokio::test]
async fn patterns_quotes_and_a_multiple_choice_cross_tab() {
    let mut app = TestApp::new().await;
    let owner = coordinator(&mut app).await;
    let id = build(&mut app).await;
    let new = format!("/questionnaires/{id}/sections/s1/questions");
    // A label may quote an earlier answer, not a later or unknown one.
    let r = app
        .post_form(
            &new,
            &[
                ("kind", "short_text"),
                ("name", "cp"),
                ("label-fr", "Code postal de ${inconnue}"),
                ("pattern", "[0-9]{5}"),
                ("message-fr", "Cinq chiffres, par exemple 75011."),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"label-error\""), "{}", r.body);
    let r = app
        .post_form(
            &new,
            &[
                ("kind", "short_text"),
                ("name", "cp"),
                ("label-fr", "Code postal (${categorie})"),
                ("pattern", "[0-9]{5}"),
                ("message-fr", "Cinq chiffres, par exemple 75011."),
            ],
        )
        .await;
    r.assert_status(303);
    let r = app
        .post_form(
            &new,
            &[
                ("kind", "short_text"),
                ("name", "x"),
                ("label-fr", "X"),
                ("pattern", "(["),
            ],
        )
        .await;
    assert!(r.body.contains("id=\"pattern-error\""));
    // Renaming the quoted question renames the quote.
    app.post_form(
        &format!("/questionnaires/{id}/questions/categorie/edit"),
        &[
            ("kind", "single"),
            ("name", "cat"),
            ("label-fr", "Catégorie de la pratique"),
            (
                "choices",
                "naissante = Naissante\nrenaissante = Renaissante",
            ),
            ("other", "1"),
        ],
    )
    .await
    .assert_status(303);
    let user = app.user(&owner).await;
    let loaded = qn::load_managed(&app.core, &user, &id)
        .await
        .expect("loaded");
    assert_eq!(
        loaded.def.question("cp").expect("cp").label.get("fr", "fr"),
        "Code postal (${cat})"
    );
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let r = app
        .post_form(
            &page1,
            &[
                ("shown", "cat,annee,cp"),
                ("q-cat", "naissante"),
                ("q-cp", "750"),
                ("step", "next"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(
        r.body.contains("Cinq chiffres, par exemple 75011."),
        "the pattern's own message"
    );
    assert!(
        r.body.contains("Code postal (Naissante)"),
        "the quote shows the answer"
    );
    // Crossing a multiple choice counts options ticked: no test, and the page says why.
    app.login(&owner).await;
    let r = app
        .get(&format!(
            "/questionnaires/{id}/results?rows=themes&cols=crise"
        ))
        .await;
    r.assert_status(200);
    assert!(r.body.contains("compte chaque option cochée"));
    assert!(!r.body.contains("χ² = "));
}

#[tokio::test]
async fn autosave_keeps_the_valid_answers_typed_so_far() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let r = app.get(&page1).await;
    assert!(r.body.contains(&format!("hx-post=\"{page1}/autosave\"")));
    assert!(r.body.contains("id=\"autosave-status\""));
    app.clear_cookies();
    let r = app
        .post_raw(
            &format!("{page1}/autosave"),
            &encode(&[
                ("shown", "categorie,annee"),
                ("q-categorie", "naissante"),
                ("q-annee", "19"),
            ]),
        )
        .await;
    r.assert_status(200);
    assert!(r.body.contains("Brouillon enregistré à"), "{}", r.body);
    assert!(
        r.body.contains("pas encore enregistrées : 1"),
        "the half-typed year is said to wait: {}",
        r.body
    );
    assert_eq!(
        answers_of(&app).await,
        [("categorie".to_owned(), "naissante".to_owned())],
        "the half-typed year waits; the choice is kept"
    );
    let status: String = sqlx::query_scalar("SELECT status FROM responses")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("status");
    assert_eq!(status, "draft", "autosave never submits");
}

#[tokio::test]
async fn a_section_an_autosave_unlocked_is_still_shown_before_submitting() {
    let mut app = TestApp::new().await;
    coordinator(&mut app).await;
    let id = build(&mut app).await;
    app.post_form(
        &format!("/questionnaires/{id}/sections/s2/edit"),
        &[
            ("title-fr", "Thèmes"),
            ("condition", "categorie = 'renaissante'"),
        ],
    )
    .await
    .assert_status(303);
    open(&mut app, &id).await;
    let page1 = first_page(&mut app, &id).await;
    let typed = [
        ("shown", "categorie,annee"),
        ("pages", "0"),
        ("q-categorie", "renaissante"),
    ];
    app.post_form(&format!("{page1}/autosave"), &typed)
        .await
        .assert_status(200);
    // The page was drawn with one page; the autosave revealed the second meanwhile.
    let mut submit = typed.to_vec();
    submit.push(("step", "submit"));
    let r = app.post_form(&page1, &submit).await;
    assert_eq!(
        r.location(),
        format!("{}?notice=questions-unlocked", second(&page1))
    );
}
