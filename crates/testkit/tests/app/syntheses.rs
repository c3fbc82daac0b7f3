//! Syntheses: published means fixed. A sheet published after the synthesis is proposed to its
//! editors and reaches readers only with a new revision they publish; earlier published
//! revisions stay readable as they were.

use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::passerelle_core::{sheets, syntheses};

#[tokio::test]
async fn a_published_synthesis_changes_only_when_its_editors_publish_again() {
    let mut app = TestApp::new().await;
    let coordinator = app.with_user(Role::Coordinator).await;
    let user = app.user(&coordinator).await;
    sheets::demo::load(&app.core, &user)
        .await
        .expect("demo sheets");
    app.login(&coordinator).await;
    let r = app
        .post_form(
            "/syntheses",
            &[("title", "Pair-aidance"), ("query", "themes=pair_aidance")],
        )
        .await;
    let id = r
        .location()
        .trim_start_matches("/syntheses/")
        .trim_end_matches("/edit")
        .to_owned();
    app.post_form(&format!("/syntheses/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);
    let first = syntheses::view(&app.core, None, &id).await.expect("view");
    let before = first.threads.sheets.len();
    assert!(before > 0);
    assert!(first.fixed, "what readers see is fixed at publication");

    // A new sheet about peer support is published.
    let writer = app.with_user(Role::Member).await;
    app.login(&writer).await;
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Pairs en maraude")],
        )
        .await;
    let sheet = r
        .location()
        .trim_start_matches("/sheets/")
        .split('/')
        .next()
        .expect("id")
        .to_owned();
    let fields = [
        ("base", "1"),
        ("f.title", "Pairs en maraude"),
        ("f.summary", "Des pairs vont vers les personnes à la rue."),
        ("f.category", "emerging"),
        ("f.approach", "collective"),
        ("f.themes", "pair_aidance"),
        ("f.publics", "familles"),
        ("f.territory", "dep-37"),
        ("f.description", "Un binôme de pairs aidants."),
        ("f.maturity", "trial"),
        ("f.licence", "cc-by-4.0"),
    ];
    app.post_form(&format!("/sheets/{sheet}/edit"), &fields)
        .await
        .assert_status(303);
    app.post_form(&format!("/sheets/{sheet}/status"), &[("action", "submit")])
        .await
        .assert_status(303);
    app.login(&coordinator).await;
    app.post_form(&format!("/sheets/{sheet}/status"), &[("action", "publish")])
        .await
        .assert_status(303);

    // Readers see the same synthesis; its editors are told of the new sheet.
    app.clear_cookies();
    let public = syntheses::view(&app.core, None, &id).await.expect("view");
    assert_eq!(
        public.threads.sheets.len(),
        before,
        "nothing changed behind readers"
    );
    assert_eq!(public.revision, 1);
    let page = app.get(&format!("/syntheses/{id}")).await;
    assert!(!page.body.contains("Pairs en maraude"));
    let editor = syntheses::view(&app.core, Some(&user), &id)
        .await
        .expect("view");
    assert_eq!(
        editor
            .proposed
            .iter()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        [sheet.as_str()]
    );
    app.login(&coordinator).await;
    let page = app.get(&format!("/syntheses/{id}")).await;
    assert!(
        page.body
            .contains("1 fiche publiée correspond à cette sélection")
    );
    assert!(page.body.contains("Pairs en maraude"));

    // Publishing again makes revision 2 with the new sheet; revision 1 stays as it was.
    let edit = app.get(&format!("/syntheses/{id}/edit")).await;
    assert!(
        edit.body
            .contains("Publier une nouvelle révision avec la nouvelle fiche")
    );
    app.post_form(&format!("/syntheses/{id}/status"), &[("action", "publish")])
        .await
        .assert_status(303);
    app.clear_cookies();
    let second = syntheses::view(&app.core, None, &id).await.expect("view");
    assert_eq!(second.revision, 2);
    assert_eq!(second.threads.sheets.len(), before + 1);
    let page = app.get(&format!("/syntheses/{id}")).await;
    assert!(page.body.contains("Pairs en maraude"));
    assert!(
        page.body
            .contains(&format!("href=\"/syntheses/{id}?revision=1\""))
    );
    let old = app.get(&format!("/syntheses/{id}?revision=1")).await;
    old.assert_status(200);
    assert!(
        !old.body.contains("Pairs en maraude"),
        "revision 1 reads as it was"
    );
    // A revision saved but never published is its editors' only.
    app.login(&coordinator).await;
    app.post_form(
        &format!("/syntheses/{id}/edit"),
        &[
            ("base", "2"),
            ("title", "Pair-aidance"),
            ("introduction", "Un brouillon."),
            ("query", "themes=pair_aidance"),
        ],
    )
    .await
    .assert_status(303);
    app.get(&format!("/syntheses/{id}?revision=3"))
        .await
        .assert_status(200);
    app.clear_cookies();
    app.get(&format!("/syntheses/{id}?revision=3"))
        .await
        .assert_status(404);
    let page = app.get(&format!("/syntheses/{id}")).await;
    assert!(
        !page.body.contains("Un brouillon."),
        "readers see revision 2"
    );
    // The downloads of an earlier revision are that revision.
    let old = app.get(&format!("/syntheses/{id}?revision=1")).await;
    assert!(
        old.body
            .contains(&format!("/syntheses/{id}/synthesis.pdf?revision=1"))
    );
    let json = app
        .get(&format!("/syntheses/{id}/synthesis.json?revision=1"))
        .await;
    let v: serde_json::Value = serde_json::from_str(&json.body).expect("json");
    assert_eq!(v["revision"], 1);
    // A sheet taken down (archived) leaves every published synthesis.
    app.login(&coordinator).await;
    app.post_form(&format!("/sheets/{sheet}/status"), &[("action", "archive")])
        .await
        .assert_status(303);
    app.clear_cookies();
    let page = app.get(&format!("/syntheses/{id}")).await;
    assert!(
        !page.body.contains("Pairs en maraude"),
        "archived: taken down"
    );
}
