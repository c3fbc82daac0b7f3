//! The catalogue's search index: facet counts that leave out their own facet, every instance
//! counting what the database holds (its cached pages too), relevance over the most recent
//! matches with every hit reachable page by page, and an index of an older layout rebuilt at
//! start.

use std::collections::HashSet;

use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::passerelle_core::db::Backend;
use passerelle_testkit::passerelle_core::sheets::catalogue::{self, Catalogue, Selection};
use passerelle_testkit::passerelle_core::sheets::store::{self, SheetRow};
use passerelle_testkit::passerelle_core::sheets::{self, Content, index, types};
use passerelle_testkit::passerelle_core::{Clock, Core};

fn selection(pairs: &[(&str, &str)]) -> Selection {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    Selection::from_pairs(&pairs)
}

async fn search(core: &Core, pairs: &[(&str, &str)]) -> Catalogue {
    catalogue::search_uncached(core, &selection(pairs))
        .await
        .expect("search")
}

/// A search through the instance's page cache, as the catalogue page makes it.
async fn page(core: &Core, pairs: &[(&str, &str)]) -> std::sync::Arc<Catalogue> {
    catalogue::search(core, &selection(pairs))
        .await
        .expect("search")
}

fn counts(found: &Catalogue, facet: &str) -> Vec<(String, i64)> {
    let mut out: Vec<(String, i64)> = found
        .facets
        .iter()
        .filter(|(f, _)| f == facet)
        .flat_map(|(_, vs)| vs.iter().map(|v| (v.value.clone(), v.count)))
        .collect();
    out.sort();
    out
}

/// Another application instance on the same database (its clock never moves).
fn instance(app: &TestApp) -> Core {
    Core::new(
        app.core.db.clone(),
        Clock::manual(passerelle_testkit::START),
        (*app.core.config).clone(),
    )
}

/// Publishes an emerging-practice sheet straight into the index (as publication does), with
/// one theme; returns its id.
async fn publish(core: &Core, n: usize, title: &str, body: &str, theme: &str) -> String {
    let id = passerelle_testkit::passerelle_core::ids::new_id();
    index_as(core, &id, n, title, body, theme, true).await;
    id
}

/// Puts sheet `id` in the index with one theme (creating the sheet when `new`), replacing what
/// the index held of it.
async fn index_as(
    core: &Core,
    id: &str,
    n: usize,
    title: &str,
    body: &str,
    theme: &str,
    new: bool,
) {
    let ty = types::find("emerging_practice").expect("type");
    let mut content = Content::default();
    content.set_text("title", title.to_owned());
    content.set_text("description", body.to_owned());
    content.set_list("themes", vec![theme.to_owned()]);
    let at = 1_700_000_000 + n as i64;
    let row = SheetRow {
        id: id.to_owned(),
        kind: ty.code.clone(),
        status: "published".into(),
        title: title.to_owned(),
        revision: 1,
        published_revision: Some(1),
        created_by: None,
        source_kind: String::new(),
        source_id: String::new(),
        source_label: String::new(),
        created_at: at,
        updated_at: at,
        published_at: Some(at),
    };
    let mut tx = core.db.begin().await.expect("tx");
    if new {
        store::insert(&mut tx, &row, false).await.expect("sheet");
    }
    sheets::index_sheet(&mut tx, core.db.backend, &row, ty, &content)
        .await
        .expect("index");
    tx.commit().await.expect("commit");
}

#[tokio::test]
async fn facet_counts_leave_out_their_own_facet_and_every_instance_counts_what_the_database_holds()
{
    let app = TestApp::new().await;
    let author = app.with_user(Role::Coordinator).await;
    let author = app.user(&author).await;
    sheets::demo::load(&app.core, &author).await.expect("demo");

    let all = search(&app.core, &[]).await;
    let themes = counts(&all, "themes");
    let pair = themes
        .iter()
        .find(|(v, _)| v == "pair_aidance")
        .map(|(_, n)| *n)
        .expect("a demo sheet on peer support");
    let picked = search(&app.core, &[("themes", "pair_aidance")]).await;
    assert_eq!(picked.total, pair, "the total is the value's count");
    assert_eq!(
        counts(&picked, "themes"),
        themes,
        "a facet's counts ignore that facet's own choice"
    );
    assert!(
        counts(&picked, "category")
            .iter()
            .map(|(_, n)| n)
            .sum::<i64>()
            <= picked.total,
        "other facets count within the hits"
    );
    let both = search(
        &app.core,
        &[("themes", "pair_aidance"), ("themes", "aller_vers")],
    )
    .await;
    let outreach = themes
        .iter()
        .find(|(v, _)| v == "aller_vers")
        .expect("outreach")
        .1;
    assert!(both.total >= pair.max(outreach) && both.total <= pair + outreach);

    // A second instance on the same database, its facet values loaded and its pages cached
    // (its clock never moves); a publication through the first is counted by the second at
    // its next search.
    let other = instance(&app);
    let before = page(&other, &[("q", "hippopotame")]).await;
    assert_eq!(before.total, 0);
    let browsed = page(&other, &[("themes", "pair_aidance")]).await;
    assert_eq!(browsed.total, pair);
    publish(
        &app.core,
        1,
        "Les hippopotames du quartier",
        "Un récit.",
        "pair_aidance",
    )
    .await;
    let after = page(&other, &[("q", "hippopotame")]).await;
    assert_eq!(after.total, 1);
    assert_eq!(counts(&after, "themes"), vec![("pair_aidance".into(), 1)]);
    let picked_again = page(&other, &[("themes", "pair_aidance")]).await;
    assert_eq!(picked_again.total, pair + 1);
    assert_eq!(picked_again.hits[0].title, "Les hippopotames du quartier");
}

#[tokio::test]
async fn an_instance_brings_its_facet_values_up_to_date_from_the_logged_changes() {
    let app = TestApp::new().await;
    let other = instance(&app);
    let a = publish(&app.core, 1, "Un premier récit", "Texte.", "pair_aidance").await;
    assert_eq!(search(&other, &[]).await.total, 1);
    assert_eq!(other.caches.sheet_facets.full_loads(), 1);

    // Through the first instance: two publications, one withdrawal, one sheet re-published
    // with another theme (a new row id replaces the old one).
    let b = publish(&app.core, 2, "Un deuxième récit", "Texte.", "aller_vers").await;
    publish(&app.core, 3, "Un troisième récit", "Texte.", "pair_aidance").await;
    let mut tx = app.core.db.begin().await.expect("tx");
    index::unindex(&mut tx, app.core.db.backend, &b)
        .await
        .expect("withdraw");
    tx.commit().await.expect("commit");
    index_as(
        &app.core,
        &a,
        4,
        "Un premier récit",
        "Texte.",
        "coordination",
        false,
    )
    .await;

    let updated = search(&other, &[]).await;
    assert_eq!(
        other.caches.sheet_facets.full_loads(),
        1,
        "the changes were applied, not every value read again"
    );
    assert_eq!(updated.total, 2);
    assert_eq!(
        counts(&updated, "themes"),
        vec![("coordination".into(), 1), ("pair_aidance".into(), 1)]
    );
    let whole = search(&instance(&app), &[]).await;
    assert_eq!(updated.total, whole.total);
    for facet in catalogue::FACETS {
        assert_eq!(counts(&updated, facet), counts(&whole, facet), "{facet}");
    }
    let picked = search(&other, &[("themes", "coordination")]).await;
    assert_eq!(picked.hits.len(), 1);
    assert_eq!(picked.hits[0].id, a);
}

async fn logged(core: &Core) -> i64 {
    let mut conn = core.db.pool.acquire().await.expect("conn");
    sqlx::query_scalar("SELECT COUNT(*) FROM sheet_index_log")
        .fetch_one(&mut *conn)
        .await
        .expect("count")
}

#[tokio::test]
async fn an_instance_behind_the_pruned_log_reads_every_facet_value_again() {
    let app = TestApp::new().await;
    let (behind, ahead) = (instance(&app), instance(&app));
    publish(&app.core, 1, "Un premier récit", "Texte.", "pair_aidance").await;
    assert_eq!(search(&behind, &[]).await.total, 1);
    publish(&app.core, 2, "Un deuxième récit", "Texte.", "aller_vers").await;
    publish(&app.core, 3, "Un troisième récit", "Texte.", "aller_vers").await;
    assert_eq!(search(&ahead, &[]).await.total, 3);
    assert_eq!(logged(&app.core).await, 3);

    // The log keeps the last generation only: `behind` holds an older one than that.
    let mut tx = app.core.db.begin().await.expect("tx");
    assert_eq!(index::prune_log(&mut tx, 1).await.expect("prune"), 2);
    assert_eq!(index::prune_log(&mut tx, 1).await.expect("prune"), 0);
    tx.commit().await.expect("commit");
    assert_eq!(logged(&app.core).await, 1);
    publish(&app.core, 4, "Un quatrième récit", "Texte.", "coordination").await;

    let caught_up = search(&behind, &[]).await;
    assert_eq!(
        behind.caches.sheet_facets.full_loads(),
        2,
        "read whole again"
    );
    assert_eq!(caught_up.total, 4);
    assert_eq!(
        counts(&caught_up, "themes"),
        vec![
            ("aller_vers".into(), 2),
            ("coordination".into(), 1),
            ("pair_aidance".into(), 1)
        ]
    );
    let applied = search(&ahead, &[]).await;
    assert_eq!(
        ahead.caches.sheet_facets.full_loads(),
        1,
        "the log still covers it"
    );
    for facet in catalogue::FACETS {
        assert_eq!(
            counts(&applied, facet),
            counts(&caught_up, facet),
            "{facet}"
        );
    }
}

#[tokio::test]
async fn relevance_orders_the_most_recent_matches_and_every_hit_is_reachable() {
    let app = TestApp::new().await;
    let n = index::WINDOW as usize + 50;
    // The oldest sheet has the word in its title: the best match, but outside the window.
    let oldest = publish(
        &app.core,
        0,
        "Réseau des anciens",
        "réseau de voisinage",
        "rencontre",
    )
    .await;
    for i in 1..n {
        let title = if i == 500 {
            "Un réseau d'entraide".to_owned()
        } else {
            format!("Fiche {i}")
        };
        publish(
            &app.core,
            i,
            &title,
            "Un réseau de voisinage et des bénévoles.",
            "rencontre",
        )
        .await;
    }
    let first = search(&app.core, &[("q", "reseau")]).await;
    assert_eq!(first.total, n as i64);
    assert_eq!(
        first.hits[0].title, "Un réseau d'entraide",
        "title matches rank first"
    );
    assert!(
        first.hits[0].snippet.iter().any(|p| p.hit),
        "snippet with the match"
    );

    let mut seen = HashSet::new();
    let mut order = vec![];
    for page in 1..=first.pages {
        let page = page.to_string();
        let found = search(
            &app.core,
            &[("q", "reseau"), ("themes", "rencontre"), ("page", &page)],
        )
        .await;
        assert_eq!(found.total, n as i64);
        for hit in found.hits {
            assert!(seen.insert(hit.id.clone()), "{} twice", hit.title);
            order.push(hit.id);
        }
    }
    assert_eq!(seen.len(), n, "every hit on some page");
    assert_eq!(order.last(), Some(&oldest), "past the window, by date");

    // Exports and syntheses read the same order.
    let ids = catalogue::selection_ids(
        &app.core,
        &selection(&[("q", "reseau"), ("themes", "rencontre")]),
    )
    .await
    .expect("ids");
    assert_eq!(ids, order);
}

#[tokio::test]
async fn an_index_built_with_an_older_layout_is_rebuilt_at_start() {
    let app = TestApp::new().await;
    let author = app.with_user(Role::Coordinator).await;
    let author = app.user(&author).await;
    sheets::demo::load(&app.core, &author).await.expect("demo");
    let queries: &[&[(&str, &str)]] = &[
        &[("q", "pair aidance")],
        &[("q", "famille"), ("themes", "conferences_familiales")],
        &[("publics", "familles")],
    ];
    let mut before = vec![];
    for q in queries {
        let found = search(&app.core, q).await;
        before.push((
            found.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>(),
            found.total,
        ));
    }
    sqlx::query("UPDATE search_state SET format = 0")
        .execute(&app.core.db.pool)
        .await
        .expect("older layout");
    app.core.db.migrate().await.expect("migrate rebuilds");
    let format: i64 = sqlx::query_scalar("SELECT format FROM search_state")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("format");
    assert_eq!(format, index::FORMAT);
    for (q, expected) in queries.iter().zip(before) {
        let found = search(&app.core, q).await;
        let ids: Vec<String> = found.hits.iter().map(|h| h.id.clone()).collect();
        assert_eq!((ids, found.total), expected, "{q:?}");
        assert!(found.total > 0, "{q:?}");
    }
}

#[tokio::test]
async fn sheets_published_before_sheets_had_a_language_are_french_after_migration_0016() {
    let app = TestApp::new().await;
    let pool = &app.core.db.pool;
    let id = publish(&app.core, 1, "Un récit ancien", "Texte.", "pair_aidance").await;
    let french = [("q", "récit"), ("language", "fr")];
    // As the index stood before: no language among its facets nor its full-text tokens.
    sqlx::query("DELETE FROM sheet_facets WHERE facet = 'language'")
        .execute(pool)
        .await
        .expect("older facets");
    sqlx::query("UPDATE search_state SET format = 0")
        .execute(pool)
        .await
        .expect("older layout");
    app.core.db.migrate().await.expect("rebuilt");
    assert_eq!(search(&app.core, &french).await.total, 0);
    assert_eq!(search(&app.core, &[("language", "fr")]).await.total, 0);

    let sql = match app.core.db.backend {
        Backend::Sqlite => include_str!("../../../../migrations/sqlite/0016_sheet_language.sql"),
        Backend::Postgres => {
            include_str!("../../../../migrations/postgres/0016_sheet_language.sql")
        }
    };
    sqlx::raw_sql(sqlx::AssertSqlSafe(sql))
        .execute(pool)
        .await
        .expect("migration 0016");
    app.core.db.migrate().await.expect("rebuilt");
    // The instance that counted before reads its facet values again, and the engine filters.
    let found = search(&app.core, &french).await;
    assert_eq!(found.total, 1);
    assert_eq!(found.hits[0].id, id);
    assert_eq!(found.hits[0].lang, "fr");
    assert_eq!(
        counts(&search(&app.core, &[]).await, "language"),
        vec![("fr".into(), 1)]
    );
}

/// The labels of a sheet's facet values are searched, in French and in English, ranked below
/// the title: "aller vers" finds the sheet tagged *Aller vers* whose text never says so.
#[tokio::test]
async fn a_sheet_is_found_by_the_labels_of_its_themes_below_title_matches() {
    let app = TestApp::new().await;
    let core = &app.core;
    let tagged = publish(
        core,
        1,
        "Maraudes du soir",
        "Un binôme rencontre les personnes à la rue.",
        "aller_vers",
    )
    .await;
    let titled = publish(
        core,
        2,
        "Aller vers les familles isolées",
        "Des visites à domicile.",
        "rencontre",
    )
    .await;
    publish(
        core,
        3,
        "Repas partagés",
        "Un repas chaque jeudi.",
        "rencontre",
    )
    .await;
    let found = search(core, &[("q", "aller vers")]).await;
    let ids: Vec<&str> = found.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, [titled.as_str(), tagged.as_str()], "the title first");
    let found = search(core, &[("q", "pluridisciplinaire")]).await;
    assert_eq!(found.total, 0);
    let found = search(core, &[("q", "outreach")]).await;
    assert_eq!(
        found.hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        [tagged.as_str()],
        "the English label too"
    );
}

/// Words a stemmer joins by mistake stay apart, compounds are found in either spelling, and
/// function words alone do not match every sheet — on both databases.
#[tokio::test]
async fn compounds_short_stems_and_function_words_are_searched_as_people_mean_them() {
    let app = TestApp::new().await;
    let core = &app.core;
    let respite = publish(
        core,
        1,
        "Halte-répit pour les aidants",
        "Un temps de répit pour les proches aidants.",
        "rencontre",
    )
    .await;
    let meals = publish(
        core,
        2,
        "Repas partagés",
        "Un repas chaque jeudi, ouvert à tous.",
        "rencontre",
    )
    .await;
    let elders = publish(
        core,
        3,
        "Visites aux personnes âgées",
        "Une équipe pluri-disciplinaire rend visite aux personnes âgées isolées.",
        "rencontre",
    )
    .await;
    let children = publish(
        core,
        4,
        "Protection de l'enfance",
        "Selon l'âge de l'enfant, la pair-aidance entre parents est proposée.",
        "rencontre",
    )
    .await;
    let ids = |found: &Catalogue| {
        let mut ids: Vec<String> = found.hits.iter().map(|h| h.id.clone()).collect();
        ids.sort();
        ids
    };
    let one = |id: &str| vec![id.to_owned()];
    assert_eq!(
        ids(&search(core, &[("q", "répit")]).await),
        one(&respite),
        "not the meals"
    );
    assert_eq!(ids(&search(core, &[("q", "repas")]).await), one(&meals));
    assert_eq!(
        ids(&search(core, &[("q", "personnes âgées")]).await),
        one(&elders),
        "not the child's age"
    );
    assert_eq!(
        ids(&search(core, &[("q", "pluridisciplinaire")]).await),
        one(&elders)
    );
    assert_eq!(
        ids(&search(core, &[("q", "pluri-disciplinaire")]).await),
        one(&elders)
    );
    assert_eq!(
        ids(&search(core, &[("q", "pairaidance")]).await),
        one(&children)
    );
    assert_eq!(
        ids(&search(core, &[("q", "pair-aidance")]).await),
        one(&children)
    );
    // Function words alone are looked for as they are, all of them: they do not match every
    // sheet.
    assert!(search(core, &[("q", "le la les")]).await.total < 4);
}
