use passerelle_testkit::TestApp;

#[tokio::test]
async fn unknown_pages_are_404_pages_in_the_visitors_language_with_a_way_back() {
    let mut app = TestApp::new().await;
    let r = app.get("/nowhere").await;
    r.assert_status(404);
    assert!(r.body.contains("Page introuvable"));
    assert!(r.body.contains("href=\"/\""));
    assert!(
        r.body.contains(r.header("x-request-id")),
        "the request id is shown"
    );
    let r = app.get_with("/nowhere", &[("accept-language", "en")]).await;
    assert!(r.body.contains("Page not found"));
}

#[tokio::test]
async fn api_errors_are_json() {
    let mut app = TestApp::new().await;
    let r = app.get("/api/v1/organisations/nope").await;
    r.assert_status(404);
    assert!(r.header("content-type").starts_with("application/json"));
    let json: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(json["error"]["code"], "not-found");
    assert_eq!(json["error"]["status"], 404);
    assert!(
        !json["error"]["request_id"]
            .as_str()
            .unwrap_or("")
            .is_empty()
    );
}

#[tokio::test]
async fn malformed_and_oversized_bodies_are_400_and_413() {
    let mut app = TestApp::with_config(|c| c.max_body_bytes = 2048).await;
    let token = app.csrf().await;
    // A repeated scalar field cannot be read into the form: 400, not 500.
    let r = app
        .post_raw("/language", &format!("csrf={token}&lang=en&lang=fr"))
        .await;
    r.assert_status(400);
    assert!(r.body.contains("illisible"));
    let big = "x".repeat(4096);
    let r = app
        .post_raw("/register", &format!("csrf={token}&email={big}"))
        .await;
    r.assert_status(413);
    assert!(r.body.contains("taille autorisée"));
}

#[tokio::test]
async fn wrong_methods_get_a_405_page() {
    let mut app = TestApp::new().await;
    let token = app.csrf().await;
    let r = app.post_raw("/healthz", &format!("csrf={token}")).await;
    r.assert_status(405);
    assert!(r.body.contains("<h1>"));
}

#[tokio::test]
async fn every_response_carries_security_headers_and_a_request_id() {
    let mut app = TestApp::new().await;
    let r = app.get("/").await;
    let csp = r.header("content-security-policy");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(csp.contains("frame-ancestors 'none'"));
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("referrer-policy"), "same-origin");
    assert!(
        r.header("strict-transport-security").is_empty(),
        "no HSTS over plain HTTP"
    );
    assert_eq!(r.header("x-request-id").len(), 36);
    let mut https =
        TestApp::with_config(|c| c.base_url = "https://passerelle.example".into()).await;
    let r = https.get("/").await;
    assert!(r.header("strict-transport-security").contains("max-age="));
    assert!(
        r.headers
            .get_all("set-cookie")
            .iter()
            .any(|c| c.to_str().unwrap_or("").contains("Secure"))
    );
}

#[tokio::test]
async fn health_and_readiness_answer() {
    let mut app = TestApp::new().await;
    app.get("/healthz").await.assert_status(200);
    let r = app.get("/readyz").await;
    r.assert_status(200);
    app.core.db.pool.close().await;
    app.get("/readyz").await.assert_status(503);
}

#[tokio::test]
async fn pages_stay_light() {
    let mut app = TestApp::new().await;
    for path in [
        "/",
        "/login",
        "/register",
        "/organisations",
        "/static/style.css",
    ] {
        let r = app.get(path).await;
        assert!(r.body.len() < 20_000, "{path}: {} bytes", r.body.len());
    }
    // htmx is the heaviest asset; compressed it stays far below the 60 KB page budget.
    let r = app
        .get_with(
            "/static/vendor/htmx-2.0.11.min.js",
            &[("accept-encoding", "gzip")],
        )
        .await;
    assert_eq!(r.header("content-encoding"), "gzip");
    assert!(r.len < 25_000, "{} bytes", r.len);
}

#[tokio::test]
async fn a_server_error_shows_a_page_with_the_request_id_and_no_internals() {
    let mut app = TestApp::new().await;
    app.get("/").await;
    app.core.db.pool.close().await;
    let r = app.get("/organisations").await;
    r.assert_status(500);
    assert!(r.body.contains("Erreur du serveur"));
    assert!(r.body.contains(r.header("x-request-id")));
    for leak in ["pool", "sqlx", "database", "closed", "panicked"] {
        assert!(
            !r.body.to_lowercase().contains(leak),
            "the page leaks {leak:?}"
        );
    }
    let r = app.get("/api/v1/organisations").await;
    r.assert_status(500);
    let json: serde_json::Value = serde_json::from_str(&r.body).expect("json");
    assert_eq!(json["error"]["code"], "internal");
}
