use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::demo;

async fn counts(app: &TestApp) -> (i64, i64) {
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("users");
    let orgs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("orgs");
    (users, orgs)
}

#[tokio::test]
async fn demo_content_loads_once_and_is_removed_without_touching_real_data() {
    let mut app = TestApp::new().await;
    let real = app
        .with_user(passerelle_testkit::passerelle_core::accounts::Role::Member)
        .await;
    assert!(demo::load(&app.core).await.expect("load"));
    assert!(
        !demo::load(&app.core).await.expect("load again"),
        "idempotent"
    );
    assert_eq!(
        counts(&app).await,
        (1 + demo::DEMO_ACCOUNTS.len() as i64, 9)
    );
    // Every demo account signs in with the documented password and sees its organisation.
    for (email, _, _, membership) in demo::DEMO_ACCOUNTS {
        app.clear_cookies();
        let user = passerelle_testkit::TestUser {
            id: String::new(),
            email: (*email).into(),
            password: demo::DEMO_PASSWORD.into(),
        };
        app.login(&user).await;
        if let Some((slug, _)) = membership {
            let r = app.get(&format!("/organisations/{slug}/members")).await;
            r.assert_status(200);
        }
    }
    let r = app.get("/organisations?country=BF").await;
    assert!(r.body.contains("Kogl Taaba"));
    // Two programmes tell the C2SW and Maisons des Familles stories.
    let r = app.get("/offers").await;
    assert!(r.body.contains("6 offres"), "{}", r.body);
    assert!(r.body.contains("Protection de l&#39;enfance : 18 mois"));
    let r = app.get("/offers?country=KH").await;
    assert!(r.body.contains("Phnom Penh House of Families"));
    // The last account that logged in is the tutor: her agreement with the lecturer is active.
    let r = app.get("/agreements").await;
    assert!(r.body.contains("Marc Membre"), "{}", r.body);
    assert!(r.body.contains("En cours"));
    // The Kinshasa ↔ Ouagadougou immersion left a public guide on its programme's page and an
    // alumnus in the directory.
    let slug: String = sqlx::query_scalar("SELECT slug FROM programmes WHERE kind = 'peer-cross'")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("programme");
    let r = app.get(&format!("/programmes/{slug}")).await;
    assert!(r.body.contains("Fiche : inviter les pères par les pairs"));
    let r = app.get("/alumni").await;
    assert!(r.body.contains("Jean-Paul Mbuyi"));
    // Maricel (Iloilo) is in Phnom Penh; Sokha's return trip is drafted and paired.
    app.clear_cookies();
    app.login(&passerelle_testkit::TestUser {
        id: String::new(),
        email: "cameleon@demo.passerelle.example".into(),
        password: demo::DEMO_PASSWORD.into(),
    })
    .await;
    let r = app.get("/agreements").await;
    assert!(r.body.contains("Phnom Penh House of Families"));
    assert!(r.body.contains("Iloilo House of Families"));
    assert!(r.body.contains("En cours") && r.body.contains("Brouillon"));
    // What she is learning there, written in English, comes from that immersion.
    let r = app.get("/sheets?language=en").await;
    assert!(
        r.body.contains("what Iloilo is learning in Phnom Penh"),
        "{}",
        r.body
    );
    let learning: String = sqlx::query_scalar(
        "SELECT id FROM sheets WHERE kind = 'immersion_learning' AND title LIKE 'Reaching%'",
    )
    .fetch_one(&app.core.db.pool)
    .await
    .expect("the English demo sheet");
    let r = app.get(&format!("/sheets/{learning}")).await;
    assert!(
        r.body.contains("<h1 lang=\"en\">Reaching families"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("Cross-immersion at the Phnom Penh House of Families — Women"),
        "{}",
        r.body
    );
    demo::remove(&app.core).await.expect("remove");
    assert_eq!(counts(&app).await, (1, 0));
    for table in [
        "programmes",
        "offers",
        "applications",
        "agreements",
        "immersion_outputs",
        "attachments",
        "alumni",
    ] {
        let n: i64 =
            sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
                .fetch_one(&app.core.db.pool)
                .await
                .expect("count");
        assert_eq!(n, 0, "{table}");
    }
    assert!(
        passerelle_testkit::passerelle_core::accounts::find(&app.core, &real.id)
            .await
            .expect("db")
            .is_some()
    );
}

/// SQLite-only by nature, so it opens its own SQLite database whatever TEST_DATABASE_URL says
/// (on PostgreSQL, `passerelle backup` points to pg_dump instead).
#[tokio::test]
async fn an_online_sqlite_backup_is_a_complete_database() {
    use passerelle_testkit::passerelle_core::{Clock, Config, Core, Db};
    let dir = tempfile::tempdir().expect("dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("live.db").display());
    let db = Db::connect_sqlite(&url).await.expect("sqlite");
    db.migrate().await.expect("migrate");
    let config = Config {
        weak_password_hashing: true,
        ..Config::default()
    };
    let core = Core::new(db, Clock::manual(passerelle_testkit::START), config);
    demo::load(&core).await.expect("load");
    let target = dir.path().join("copy.db");
    core.db.backup_sqlite(&target).await.expect("backup");
    let copy = Db::connect_sqlite(&format!("sqlite://{}", target.display()))
        .await
        .expect("open copy");
    let orgs: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&copy.pool)
        .await
        .expect("count");
    let users: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&copy.pool)
        .await
        .expect("count");
    assert_eq!((orgs, users), (9, demo::DEMO_ACCOUNTS.len() as i64));
}
