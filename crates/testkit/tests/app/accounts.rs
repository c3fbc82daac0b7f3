use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::{PASSWORD, TestApp};

#[tokio::test]
async fn a_visitor_registers_confirms_logs_in_and_out() {
    let mut app = TestApp::new().await;
    let r = app
        .post_form(
            "/register",
            &[
                ("email", "Ana@Example.org"),
                ("password", PASSWORD),
                ("display_name", "Ana"),
            ],
        )
        .await;
    r.assert_status(303);
    assert!(r.location().starts_with("/register/sent"));

    // Not confirmed yet: login is refused with a clear message and a resend button.
    let r = app
        .post_form(
            "/login",
            &[("email", "ana@example.org"), ("password", PASSWORD)],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("pas encore confirmée"), "{}", r.body);

    let mail = app.last_email_to("ana@example.org").await;
    assert_eq!(mail.locale, "fr");
    assert!(mail.subject.contains("Confirmez"));
    assert!(
        mail.body_html
            .contains("<a href=\"http://passerelle.test/account/confirm/")
    );
    let link = app.link_in(&mail);
    let r = app.get(&link).await;
    r.assert_status(303);
    assert_eq!(r.location(), "/login?notice=confirmed");
    // A confirmation link works once.
    app.get(&link).await.assert_status(410);

    let r = app
        .post_form(
            "/login",
            &[
                ("email", "ana@example.org"),
                ("password", PASSWORD),
                ("next", "/account"),
            ],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), "/account");
    let r = app.get("/account").await;
    r.assert_status(200);
    assert!(r.body.contains("ana@example.org"));

    app.post_form("/logout", &[]).await.assert_status(303);
    let r = app.get("/account").await;
    r.assert_status(303);
    assert_eq!(r.location(), "/login?next=%2Faccount");
    let actions = app.audit_actions().await;
    assert_eq!(
        actions,
        ["account-registered", "account-confirmed", "login", "logout"]
    );
}

#[tokio::test]
async fn registration_errors_keep_what_was_typed_except_the_password() {
    let mut app = TestApp::new().await;
    let r = app
        .post_form(
            "/register",
            &[
                ("email", "not-an-address"),
                ("password", "short"),
                ("display_name", "Zoé"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("value=\"not-an-address\""));
    assert!(r.body.contains("value=\"Zoé\""));
    assert!(!r.body.contains("value=\"short\""));
    assert!(r.body.contains("id=\"email-error\""));
    assert!(
        r.body
            .contains("aria-describedby=\"email-hint email-error\"")
    );
    assert!(r.body.contains("id=\"password-error\""));
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 0, "nothing is written when the form is invalid");
}

#[tokio::test]
async fn registering_a_taken_address_reveals_nothing_but_warns_its_owner() {
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Member).await;
    let r = app
        .post_form(
            "/register",
            &[("email", &owner.email), ("password", PASSWORD)],
        )
        .await;
    r.assert_status(303);
    let mail = app.last_email_to(&owner.email).await;
    assert!(mail.subject.contains("déjà un compte"), "{}", mail.subject);
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 1);
}

#[tokio::test]
async fn login_is_rate_limited_per_address_until_the_window_passes() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    for _ in 0..5 {
        app.post_form(
            "/login",
            &[("email", &user.email), ("password", "wrong password!")],
        )
        .await
        .assert_status(422);
    }
    // Even the right password is refused now, with a message and Retry-After.
    let r = app
        .post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await;
    r.assert_status(429);
    assert!(r.body.contains("Trop de tentatives"));
    assert!(r.header("retry-after").parse::<i64>().expect("retry-after") > 0);
    // Another instance sharing the database would see the same counters: they are rows.
    let failures: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'login-failed'")
            .fetch_one(&app.core.db.pool)
            .await
            .expect("count");
    assert_eq!(failures, 5);
    app.clock().advance(16 * 60);
    app.post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await
        .assert_status(303);
}

#[tokio::test]
async fn a_forgotten_password_is_reset_through_a_single_use_link_that_ends_sessions() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let r = app
        .post_form("/password/forgot", &[("email", &user.email)])
        .await;
    r.assert_status(200);
    // Unknown addresses get the same answer.
    let unknown = app
        .post_form("/password/forgot", &[("email", "nobody@example.org")])
        .await;
    unknown.assert_status(200);
    assert!(
        app.outbox()
            .await
            .iter()
            .all(|e| e.to_address != "nobody@example.org")
    );

    let link = app.link_in(&app.last_email_to(&user.email).await);
    app.get(&link).await.assert_status(200);
    let r = app.post_form(&link, &[("password", "short")]).await;
    r.assert_status(422);
    let r = app
        .post_form(&link, &[("password", "a brand new passphrase")])
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), "/login?notice=password-reset");
    // The session that was open before the reset is gone.
    app.get("/account").await.assert_status(303);
    app.get(&link).await.assert_status(410);
    let r = app
        .post_form(
            "/login",
            &[
                ("email", &user.email),
                ("password", "a brand new passphrase"),
            ],
        )
        .await;
    r.assert_status(303);
}

#[tokio::test]
async fn a_reset_link_expires_after_an_hour() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.post_form("/password/forgot", &[("email", &user.email)])
        .await
        .assert_status(200);
    let link = app.link_in(&app.last_email_to(&user.email).await);
    app.clock().advance(3601);
    app.get(&link).await.assert_status(410);
    app.post_form(&link, &[("password", "a brand new passphrase")])
        .await
        .assert_status(410);
}

#[tokio::test]
async fn the_profile_is_edited_and_the_preferred_language_wins() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let body = "display_name=Ana+Lima&organisation_label=HES&languages=fr&languages=km&locale=en";
    let token = app.csrf().await;
    let r = app
        .post_raw("/account", &format!("csrf={token}&{body}"))
        .await;
    r.assert_status(303);
    // French browser, English preference: the page is in English.
    let r = app
        .get_with(
            "/account?notice=profile-saved",
            &[("accept-language", "fr")],
        )
        .await;
    assert!(r.body.contains("<html lang=\"en\">"));
    assert!(r.body.contains("Profile saved."));
    assert!(r.body.contains("value=\"km\" checked"));
    assert!(r.body.contains("value=\"Ana Lima\""));
    let r = app
        .post_raw(
            "/account",
            &format!("csrf={token}&display_name=&languages=xx&locale=de"),
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"display_name-error\""));
    assert!(r.body.contains("id=\"languages-error\""));
    assert!(r.body.contains("id=\"locale-error\""));
}

#[tokio::test]
async fn the_language_follows_cookie_then_accept_language_and_the_switch() {
    let mut app = TestApp::new().await;
    let r = app
        .get_with("/", &[("accept-language", "en-GB,en;q=0.9")])
        .await;
    assert!(r.body.contains("<html lang=\"en\">"));
    let r = app.get("/").await;
    assert!(r.body.contains("<html lang=\"fr\">"), "French by default");
    let r = app
        .post_form("/language", &[("lang", "en"), ("next", "/organisations")])
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), "/organisations");
    let r = app.get_with("/", &[("accept-language", "fr")]).await;
    assert!(
        r.body.contains("<html lang=\"en\">"),
        "the cookie beats Accept-Language"
    );
    let r = app
        .post_form(
            "/language",
            &[("lang", "en"), ("next", "https://evil.example/")],
        )
        .await;
    assert_eq!(r.location(), "/", "never redirects off-site");
}

#[tokio::test]
async fn an_account_is_deleted_with_its_password_and_the_deletion_is_audited() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let r = app
        .post_form("/account/delete", &[("password", "not the password")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"password-error\""));
    app.post_form("/account/delete", &[("password", PASSWORD)])
        .await
        .assert_status(303);
    assert!(
        app.audit_actions()
            .await
            .contains(&"account-deleted".to_owned())
    );
    app.get("/account").await.assert_status(303);
    let r = app
        .post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await;
    r.assert_status(422);
}

#[tokio::test]
async fn the_last_admin_of_an_organisation_cannot_delete_their_account() {
    let mut app = TestApp::new().await;
    let admin = app.with_user(Role::Member).await;
    let member = app.with_user(Role::Member).await;
    let slug = app.with_organisation(&admin, "Kogl Taaba").await;
    app.with_membership(&slug, &member, "member").await;
    app.login(&admin).await;
    let r = app
        .post_form("/account/delete", &[("password", PASSWORD)])
        .await;
    r.assert_status(409);
    assert!(r.body.contains("au moins un·e administrateur·rice"));
}

#[tokio::test]
async fn the_setup_link_creates_the_first_administrator_once() {
    let mut app = TestApp::new().await;
    let link = passerelle_testkit::passerelle_core::accounts::setup_link(&app.core)
        .await
        .expect("db")
        .expect("no admin yet");
    let path = link.trim_start_matches("http://passerelle.test").to_owned();
    app.get(&path).await.assert_status(200);
    let r = app
        .post_form(
            &path,
            &[
                ("email", "root@example.org"),
                ("password", PASSWORD),
                ("display_name", "Root"),
            ],
        )
        .await;
    r.assert_status(303);
    app.get(&path).await.assert_status(410);
    let root = passerelle_testkit::TestUser {
        id: String::new(),
        email: "root@example.org".into(),
        password: PASSWORD.into(),
    };
    app.login(&root).await;
    app.get("/admin").await.assert_status(200);
    assert!(
        passerelle_testkit::passerelle_core::accounts::setup_link(&app.core)
            .await
            .expect("db")
            .is_none()
    );
}

#[tokio::test]
async fn csrf_is_required_on_every_post() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.csrf().await;
    let r = app
        .post_raw(
            "/login",
            &passerelle_testkit::encode(&[("email", &user.email), ("password", PASSWORD)]),
        )
        .await;
    r.assert_status(403);
    assert!(r.body.contains("Rechargez la page"));
    let r = app
        .post_raw(
            "/login",
            &passerelle_testkit::encode(&[
                ("csrf", "forged-token-forged-token-forged-token"),
                ("email", &user.email),
                ("password", PASSWORD),
            ]),
        )
        .await;
    r.assert_status(403);
    // A fresh browser without the cookie cannot post either.
    app.clear_cookies();
    let r = app.post_raw("/logout", "csrf=anything").await;
    r.assert_status(403);
}

#[tokio::test]
async fn sessions_are_stored_in_the_database_and_renewed_at_login() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.get("/").await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 0, "anonymous pages create no session row");
    app.login(&user).await;
    let session = app
        .cookie("passerelle_session")
        .expect("session cookie")
        .to_owned();
    let (uid,): (Option<String>,) = sqlx::query_as("SELECT user_id FROM sessions")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("row");
    assert_eq!(uid.as_deref(), Some(user.id.as_str()));
    let r = app.get("/account").await;
    r.assert_status(200);
    let set_cookie: Vec<_> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .collect();
    assert!(
        set_cookie
            .iter()
            .all(|c| !c.starts_with("passerelle_session=") || c.contains("HttpOnly"))
    );
    app.post_form("/logout", &[]).await;
    app.login(&user).await;
    assert_ne!(
        app.cookie("passerelle_session"),
        Some(session.as_str()),
        "a new id at each login"
    );
}

#[tokio::test]
async fn a_password_is_changed_with_the_current_one_and_other_sessions_end() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let first_browser = app
        .cookie("passerelle_session")
        .expect("session")
        .to_owned();
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id = $1")
        .bind(&first_browser)
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(before, 1, "the cookie names the session row");
    app.clear_cookies();
    app.login(&user).await;
    let r = app
        .post_form(
            "/account/password",
            &[
                ("current_password", "not it at all"),
                ("new_password", "a fresh passphrase"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"current_password-error\""));
    let r = app
        .post_form(
            "/account/password",
            &[("current_password", PASSWORD), ("new_password", "short")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"new_password-error\""));
    let r = app
        .post_form(
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a fresh passphrase"),
            ],
        )
        .await;
    r.assert_status(303);
    app.get("/account").await.assert_status(200);
    // The session of the other browser is gone.
    let sessions: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE id = $1")
        .bind(&first_browser)
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(sessions, 0);
    assert!(
        app.audit_actions()
            .await
            .contains(&"password-changed".to_owned())
    );
}

#[tokio::test]
async fn dates_are_shown_in_the_readers_time_zone() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    // "My sheets" dates each sheet; by default in the platform's zone (Europe/Paris).
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Horaires")],
        )
        .await;
    r.assert_status(303);
    let desk = "/sheets/desk";
    let when = app.core.clock.unix();
    let paris = passerelle_testkit::passerelle_core::clock::format_instant_in(
        when,
        passerelle_testkit::passerelle_core::Locale::Fr,
        "Europe/Paris",
    );
    assert!(app.get(desk).await.body.contains(&paris), "{paris}");
    // Someone in Manila chooses their zone: the same moment reads as their time, UTC+8.
    let r = app
        .post_form(
            "/account",
            &[
                ("display_name", "Maria Santos"),
                ("locale", "fr"),
                ("time_zone", "Asia/Manila"),
            ],
        )
        .await;
    r.assert_status(303);
    let manila = passerelle_testkit::passerelle_core::clock::format_instant_in(
        when,
        passerelle_testkit::passerelle_core::Locale::Fr,
        "Asia/Manila",
    );
    assert!(manila.ends_with("(UTC+8)"), "{manila}");
    let page = app.get(desk).await;
    assert!(page.body.contains(&manila), "{}", page.body);
    assert!(
        app.get("/account")
            .await
            .body
            .contains("value=\"Asia/Manila\" selected")
    );
    // A zone that does not exist is refused next to the field, what was chosen kept.
    let r = app
        .post_form(
            "/account",
            &[
                ("display_name", "Maria Santos"),
                ("locale", "fr"),
                ("time_zone", "Mars/Olympus"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"time_zone-error\""));
    assert!(r.body.contains("value=\"Mars/Olympus\" selected"));
    assert!(
        app.get(desk).await.body.contains(&manila),
        "nothing written"
    );
}
