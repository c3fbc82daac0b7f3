use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::{PASSWORD, TestApp, TestUser};

#[tokio::test]
async fn an_organisation_is_created_and_its_creator_administers_it() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    app.get("/organisations/new").await.assert_status(200);
    let r = app
        .post_form(
            "/organisations",
            &[
                ("name", "Maison des Familles – Kogl Taaba"),
                ("kind", "association"),
                ("country", "BF"),
                ("city", "Ouagadougou"),
                ("website", "https://kogl-taaba.example"),
            ],
        )
        .await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        "/organisations/maison-des-familles-kogl-taaba?notice=org-created"
    );
    let r = app
        .get("/organisations/maison-des-familles-kogl-taaba")
        .await;
    r.assert_status(200);
    assert!(r.body.contains("Burkina Faso"));
    assert!(r.body.contains("Administrateur·rice"));
    // Same name again: a distinct slug, never a 500.
    let r = app
        .post_form(
            "/organisations",
            &[
                ("name", "Maison des Familles – Kogl Taaba"),
                ("kind", "ngo"),
                ("country", "BF"),
            ],
        )
        .await;
    assert_eq!(
        r.location(),
        "/organisations/maison-des-familles-kogl-taaba-2?notice=org-created"
    );
}

#[tokio::test]
async fn organisation_form_errors_are_shown_next_to_fields() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let r = app
        .post_form(
            "/organisations",
            &[
                ("name", "   "),
                ("kind", "castle"),
                ("country", "ZZ"),
                ("website", "javascript:alert(1)"),
                ("city", "Lyon"),
            ],
        )
        .await;
    r.assert_status(422);
    for field in ["name", "kind", "country", "website"] {
        assert!(r.body.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(r.body.contains("value=\"Lyon\""), "input kept");
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM organisations")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("count");
    assert_eq!(n, 0);
}

#[tokio::test]
async fn a_member_is_invited_by_email_accepts_and_is_managed() {
    let mut app = TestApp::new().await;
    let admin = app.with_user(Role::Member).await;
    let slug = app.with_organisation(&admin, "Solidarité Batoto").await;
    app.login(&admin).await;
    let r = app
        .post_form(
            &format!("/organisations/{slug}/invitations"),
            &[("email", "Bea@Example.org"), ("role", "member")],
        )
        .await;
    r.assert_status(303);
    // Twice is refused next to the field.
    let r = app
        .post_form(
            &format!("/organisations/{slug}/invitations"),
            &[("email", "bea@example.org"), ("role", "member")],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("déjà en attente"));
    let mail = app.last_email_to("bea@example.org").await;
    assert!(mail.subject.contains("Solidarité Batoto"));
    let link = app.link_in(&mail);

    // Bea registers with the invited address, then accepts.
    app.clear_cookies();
    let r = app.get(&link).await;
    r.assert_status(200);
    assert!(r.body.contains("Solidarité Batoto"));
    app.post_form(
        "/register",
        &[("email", "bea@example.org"), ("password", PASSWORD)],
    )
    .await
    .assert_status(303);
    let confirm = app.link_in(&app.last_email_to("bea@example.org").await);
    app.get(&confirm).await;
    let bea = TestUser {
        id: String::new(),
        email: "bea@example.org".into(),
        password: PASSWORD.into(),
    };
    app.login(&bea).await;
    let r = app.post_form(&format!("{link}/accept"), &[]).await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("/organisations/{slug}?notice=joined"));
    // Used once.
    app.post_form(&format!("{link}/accept"), &[])
        .await
        .assert_status(409);
    // A member sees the members but cannot manage them.
    let r = app.get(&format!("/organisations/{slug}/members")).await;
    r.assert_status(200);
    assert!(!r.body.contains("/invitations\""));
    app.get(&format!("/organisations/{slug}/edit"))
        .await
        .assert_status(403);

    // The admin promotes Bea, then cannot demote themselves below one admin… until Bea is admin.
    app.clear_cookies();
    app.login(&admin).await;
    let bea_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = 'bea@example.org'")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("bea");
    let r = app
        .post_form(
            &format!("/organisations/{slug}/members/{}/role", admin.id),
            &[("role", "member")],
        )
        .await;
    r.assert_status(409);
    assert!(r.body.contains("au moins un·e administrateur·rice"));
    app.post_form(
        &format!("/organisations/{slug}/members/{bea_id}/role"),
        &[("role", "admin")],
    )
    .await
    .assert_status(303);
    app.post_form(
        &format!("/organisations/{slug}/members/{}/role", admin.id),
        &[("role", "member")],
    )
    .await
    .assert_status(303);
    let actions = app.audit_actions().await;
    for expected in ["member-invited", "member-joined", "member-role-changed"] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} in {actions:?}"
        );
    }
}

#[tokio::test]
async fn an_invitation_for_another_address_cannot_be_taken() {
    let mut app = TestApp::new().await;
    let admin = app.with_user(Role::Member).await;
    let intruder = app.with_user(Role::Member).await;
    let slug = app.with_organisation(&admin, "Cameleon").await;
    app.login(&admin).await;
    app.post_form(
        &format!("/organisations/{slug}/invitations"),
        &[("email", "invited@example.org"), ("role", "admin")],
    )
    .await
    .assert_status(303);
    let link = app.link_in(&app.last_email_to("invited@example.org").await);
    app.clear_cookies();
    app.login(&intruder).await;
    let r = app.post_form(&format!("{link}/accept"), &[]).await;
    r.assert_status(409);
    assert!(r.body.contains("autre adresse"));
    // Revoked invitations stop working.
    app.clear_cookies();
    app.login(&admin).await;
    let id: String = sqlx::query_scalar("SELECT id FROM invitations")
        .fetch_one(&app.core.db.pool)
        .await
        .expect("inv");
    app.post_form(
        &format!("/organisations/{slug}/invitations/{id}/revoke"),
        &[],
    )
    .await
    .assert_status(303);
    app.get(&link).await.assert_status(410);
}

#[tokio::test]
async fn the_directory_filters_pages_and_answers_htmx_with_a_fragment() {
    let mut app = TestApp::new().await;
    let admin = app.with_user(Role::Member).await;
    for i in 0..30 {
        app.with_organisation(&admin, &format!("Association {i:02}"))
            .await;
    }
    app.with_organisation(&admin, "Women's Resource Center")
        .await;
    let r = app.get("/organisations").await;
    assert!(r.body.contains("rel=\"next\""));
    let r = app.get("/organisations?q=resource").await;
    assert!(
        r.body.contains("Women&#39;s Resource Center")
            || r.body.contains("Women&#x27;s Resource Center"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("Association 01"));
    let r = app
        .get_with("/organisations?q=resource", &[("hx-request", "true")])
        .await;
    assert!(!r.body.contains("<html"), "htmx gets the results only");
    assert!(r.body.contains("Resource Center"));
    let r = app.get("/organisations?page=2").await;
    assert!(r.body.contains("rel=\"prev\""));
    let r = app.get("/api/v1/organisations?q=resource").await;
    let json: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(json["items"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn anonymous_organisation_pages_are_cached_briefly_and_local_edits_show_at_once() {
    let mut app = TestApp::new().await;
    let admin = app.with_user(Role::Member).await;
    let slug = app
        .with_organisation(&admin, "Réseau des Maisons des Familles")
        .await;
    let path = format!("/organisations/{slug}");
    assert!(
        app.get(&path)
            .await
            .body
            .contains("Réseau des Maisons des Familles")
    );
    // Another instance renames it (a direct write here): this instance may serve its copy…
    sqlx::query("UPDATE organisations SET name = 'Renamed elsewhere' WHERE slug = $1")
        .bind(&slug)
        .execute(&app.core.db.pool)
        .await
        .expect("update");
    assert!(
        app.get(&path)
            .await
            .body
            .contains("Réseau des Maisons des Familles")
    );
    // …for at most the cache's lifetime.
    app.clock()
        .advance(passerelle_testkit::passerelle_core::organisations::cache::TTL_SECS);
    assert!(app.get(&path).await.body.contains("Renamed elsewhere"));
    // An edit made through this instance is visible to anonymous visitors at once.
    app.login(&admin).await;
    app.post_form(
        &format!("{path}/edit"),
        &[("name", "Nom local"), ("kind", "ngo"), ("country", "FR")],
    )
    .await
    .assert_status(303);
    app.clear_cookies();
    assert!(app.get(&path).await.body.contains("Nom local"));
}
