//! `TestApp`: Passerelle's real router, in process, on its own database.
//!
//! Each `TestApp` gets a fresh SQLite file, or — when `TEST_DATABASE_URL` is set — a fresh
//! PostgreSQL schema that is dropped afterwards. It keeps a cookie jar like a browser, fills in
//! the CSRF field of forms, runs background jobs on demand and has a manual clock.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use axum::Router;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use passerelle_core::accounts::{self, Actor, Role};
use passerelle_core::immersions;
use passerelle_core::jobs::{JobKind, Worker};
use passerelle_core::mail::Mailer;
use passerelle_core::organisations::{self, OrgInput};
use passerelle_core::{Clock, Config, Core, Db, Locale};
use tower::ServiceExt;

mod mail;
mod questionnaires;

pub use passerelle_core;
pub use passerelle_export;

/// The password every fixture account gets.
pub const PASSWORD: &str = "correct horse battery staple";
/// 2026-01-05 09:00 UTC: tests start from a fixed instant.
pub const START: i64 = 1_767_603_600;

pub struct TestApp {
    pub core: Core,
    router: Router,
    jar: BTreeMap<String, String>,
    /// The CSRF token pages currently put in forms; forgotten when the session or the CSRF
    /// cookie changes (login, logout), as it is then bound to something else.
    csrf_token: Option<String>,
    /// The client address requests come from.
    pub ip: SocketAddr,
    _dir: Option<tempfile::TempDir>,
    pg_schema: Option<(String, String)>,
}

/// A fixture account.
#[derive(Clone, Debug)]
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub password: String,
}

#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// Size of the body as sent, in bytes (compressed when the response is).
    pub len: usize,
    /// The body as sent (for downloads: PDF, XLSX…).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    /// The `Location` of a redirect, or empty.
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// Panics with the body when the status is not `expected` (clearer failures).
    #[track_caller]
    pub fn assert_status(&self, expected: u16) -> &Self {
        assert_eq!(
            self.status.as_u16(),
            expected,
            "unexpected status; body:\n{}",
            self.body
        );
        self
    }
}

impl TestApp {
    /// A new application on an empty, migrated database; default configuration.
    pub async fn new() -> TestApp {
        TestApp::with_config(|_| {}).await
    }

    /// Like [`TestApp::new`], with the configuration adjusted by `adjust`.
    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> TestApp {
        TestApp::build(adjust, false).await
    }

    /// An application on SQLite even when `TEST_DATABASE_URL` is set (to compare backends).
    pub async fn on_sqlite() -> TestApp {
        TestApp::build(|_| {}, true).await
    }

    async fn build(adjust: impl FnOnce(&mut Config), force_sqlite: bool) -> TestApp {
        let mut config = Config {
            base_url: "http://passerelle.test".into(),
            weak_password_hashing: true,
            demo: false,
            ..Config::default()
        };
        adjust(&mut config);
        let (db, dir, pg_schema) = match std::env::var("TEST_DATABASE_URL") {
            Ok(url) if !url.is_empty() && !force_sqlite => {
                let schema = format!("t_{}", uuid::Uuid::new_v4().simple());
                let admin = Db::connect_postgres(&url, None, 1)
                    .await
                    .expect("TEST_DATABASE_URL reachable");
                sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
                    .execute(&admin.pool)
                    .await
                    .expect("create schema");
                admin.pool.close().await;
                let db = Db::connect_postgres(&url, Some(schema.clone()), 5)
                    .await
                    .expect("connect");
                (db, None, Some((url, schema)))
            }
            _ => {
                let dir = tempfile::tempdir().expect("temp dir");
                let url = format!("sqlite://{}?mode=rwc", dir.path().join("test.db").display());
                let db = Db::connect_sqlite(&url).await.expect("sqlite");
                (db, Some(dir), None)
            }
        };
        db.migrate().await.expect("migrations");
        let core = Core::new(db, Clock::manual(START), config);
        let router = passerelle_web::app(core.clone());
        TestApp {
            core,
            router,
            jar: BTreeMap::new(),
            csrf_token: None,
            ip: "192.0.2.10:40000".parse().expect("addr"),
            _dir: dir,
            pg_schema,
        }
    }

    /// Another browser on the same application and database: its own cookies, another client
    /// address. The database stays the first one's (dropped with it).
    pub fn second_browser(&self) -> TestApp {
        TestApp {
            core: self.core.clone(),
            router: self.router.clone(),
            jar: BTreeMap::new(),
            csrf_token: None,
            ip: "192.0.2.11:40000".parse().expect("addr"),
            _dir: None,
            pg_schema: None,
        }
    }

    pub fn clock(&self) -> &Clock {
        &self.core.clock
    }

    /// Forgets every cookie: a new browser.
    pub fn clear_cookies(&mut self) {
        self.jar.clear();
        self.csrf_token = None;
    }

    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.jar.get(name).map(String::as_str)
    }

    /// Sends a request as a browser would (cookies, client address) and records new cookies.
    pub async fn request(&mut self, mut req: Request<Body>) -> TestResponse {
        if !self.jar.is_empty() {
            let cookies: Vec<String> = self.jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
            req.headers_mut().insert(
                header::COOKIE,
                cookies.join("; ").parse().expect("cookie header"),
            );
        }
        req.extensions_mut().insert(ConnectInfo(self.ip));
        let response = self
            .router
            .clone()
            .oneshot(req)
            .await
            .expect("infallible router");
        let (parts, body) = response.into_parts();
        for value in parts.headers.get_all(header::SET_COOKIE) {
            let Ok(text) = value.to_str() else { continue };
            let Ok(c) = cookie::Cookie::parse(text.to_owned()) else {
                continue;
            };
            let expired = c.max_age().is_some_and(|a| a.is_zero() || a.is_negative())
                || c.expires_datetime()
                    .is_some_and(|t| t.unix_timestamp() < START);
            if matches!(c.name(), "passerelle_session" | "passerelle_csrf") {
                self.csrf_token = None;
            }
            if expired {
                self.jar.remove(c.name());
            } else {
                self.jar.insert(c.name().to_owned(), c.value().to_owned());
            }
        }
        let bytes = body.collect().await.expect("body").to_bytes();
        TestResponse {
            status: parts.status,
            headers: parts.headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            len: bytes.len(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> TestResponse {
        let req = Request::builder()
            .uri(path)
            .body(Body::empty())
            .expect("request");
        self.request(req).await
    }

    /// GET with extra headers (`Accept-Language`, `HX-Request`…).
    pub async fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut builder = Request::builder().uri(path);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        self.request(builder.body(Body::empty()).expect("request"))
            .await
    }

    /// The CSRF token a page puts in its forms, read from a page as a browser would (the
    /// language switch of the layout holds one on every page).
    pub async fn csrf(&mut self) -> String {
        if let Some(token) = &self.csrf_token {
            return token.clone();
        }
        let page = self.get("/").await;
        let token = page
            .body
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap_or_default()
            .to_owned();
        self.csrf_token = Some(token.clone());
        token
    }

    /// POSTs a form with the right CSRF token.
    pub async fn post_form(&mut self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let token = self.csrf().await;
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &encode(&all)).await
    }

    /// POSTs a `multipart/form-data` form, as a browser sends a form with files: the CSRF
    /// field first, then `fields`, then `files` as `(field, filename, contents)`.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        let token = self.csrf().await;
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_multipart_raw(path, &all, files).await
    }

    /// POSTs a `multipart/form-data` body with exactly these parts (no CSRF added).
    pub async fn post_multipart_raw(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> TestResponse {
        const BOUNDARY: &str = "----passerelle-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, filename, contents) in files {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(contents);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .body(Body::from(body))
            .expect("request");
        self.request(req).await
    }

    /// POSTs a raw urlencoded body, as given (no CSRF added).
    pub async fn post_raw(&mut self, path: &str, body: &str) -> TestResponse {
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_owned()))
            .expect("request");
        self.request(req).await
    }

    /// A confirmed account with a platform role.
    pub async fn with_user(&self, role: Role) -> TestUser {
        let email = format!(
            "{}-{}@example.org",
            role.code(),
            uuid::Uuid::new_v4().simple()
        );
        self.with_user_email(role, &email).await
    }

    pub async fn with_user_email(&self, role: Role, email: &str) -> TestUser {
        let id = accounts::create_confirmed(
            &self.core,
            &accounts::NewAccount {
                email,
                password: PASSWORD,
                name: "Test Person",
                role,
                locale: Locale::Fr,
                is_demo: false,
            },
            &Actor::cli(),
        )
        .await
        .expect("fixture user");
        TestUser {
            id,
            email: email.to_owned(),
            password: PASSWORD.to_owned(),
        }
    }

    /// An organisation whose first admin is `admin`; returns its slug.
    pub async fn with_organisation(&self, admin: &TestUser, name: &str) -> String {
        let user = accounts::find(&self.core, &admin.id)
            .await
            .expect("db")
            .expect("user");
        let input = OrgInput {
            name: name.into(),
            kind: "association".into(),
            country: "FR".into(),
            ..Default::default()
        };
        organisations::create(&self.core, &user, &input, &Actor::cli())
            .await
            .expect("fixture organisation")
    }

    /// Adds `user` to the organisation with `role` (`admin` or `member`).
    pub async fn with_membership(&self, slug: &str, user: &TestUser, role: &str) {
        let mut conn = self.core.db.pool.acquire().await.expect("conn");
        let org = organisations::store::by_slug(&mut conn, slug)
            .await
            .expect("db")
            .expect("org");
        organisations::store::upsert_membership(&mut conn, &org.id, &user.id, role, START)
            .await
            .expect("membership");
    }

    /// A programme coordinated by `coordinator` with the given partner organisations (slugs):
    /// up to 24 months, 10–100 % time share, in French and English. Returns its slug.
    pub async fn with_programme(
        &self,
        coordinator: &TestUser,
        name: &str,
        partner_slugs: &[&str],
    ) -> String {
        let user = self.user(coordinator).await;
        let mut conn = self.core.db.pool.acquire().await.expect("conn");
        let mut partners = Vec::new();
        for slug in partner_slugs {
            let org = organisations::store::by_slug(&mut conn, slug)
                .await
                .expect("db")
                .expect("partner organisation");
            partners.push(org.id);
        }
        let input = immersions::ProgrammeInput {
            name: name.into(),
            kind: "school-practice".into(),
            languages: vec!["fr".into(), "en".into()],
            max_duration_days: "731".into(),
            min_time_share: "10".into(),
            max_time_share: "100".into(),
            partners,
            ..Default::default()
        };
        immersions::create_programme(&self.core, &user, &input, &Actor::cli())
            .await
            .expect("fixture programme")
    }

    /// A published, public offer of organisation `org_slug` in a programme, written by `host`
    /// (a member of that organisation): 30 days at 40 %, in France. Returns its id.
    pub async fn with_offer(
        &self,
        host: &TestUser,
        programme_slug: &str,
        org_slug: &str,
        title: &str,
    ) -> String {
        let user = self.user(host).await;
        let mut conn = self.core.db.pool.acquire().await.expect("conn");
        let org = organisations::store::by_slug(&mut conn, org_slug)
            .await
            .expect("db")
            .expect("organisation");
        let input = immersions::OfferInput {
            organisation_id: org.id,
            title: title.into(),
            direction: "school-to-practice".into(),
            duration_days: "30".into(),
            places: "5".into(),
            time_share: "40".into(),
            country: "FR".into(),
            languages: vec!["fr".into()],
            data_sensitivity: "none".into(),
            visibility: "public".into(),
            ..Default::default()
        };
        let id = immersions::create_offer(&self.core, &user, programme_slug, &input, &Actor::cli())
            .await
            .expect("fixture offer");
        immersions::set_offer_status(&self.core, &user, &id, "published", &Actor::cli())
            .await
            .expect("publish fixture offer");
        id
    }

    /// The account of a fixture user.
    pub async fn user(&self, user: &TestUser) -> accounts::User {
        accounts::find(&self.core, &user.id)
            .await
            .expect("db")
            .expect("user")
    }

    /// Runs the hourly sweep (offer expiry, weekly digests) now, then every due job.
    pub async fn run_sweep(&self) -> usize {
        let mut conn = self.core.db.pool.acquire().await.expect("conn");
        passerelle_core::jobs::enqueue(&mut conn, self.core.clock.unix(), JobKind::Sweep)
            .await
            .expect("enqueue sweep");
        drop(conn);
        self.run_jobs().await
    }

    /// Logs in through the login form; panics unless it succeeds.
    pub async fn login(&mut self, user: &TestUser) {
        let r = self
            .post_form(
                "/login",
                &[("email", &user.email), ("password", &user.password)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "login failed: {}", r.body);
    }

    /// Runs every due background job (e-mail delivery…) with the given mailer (outbox-only
    /// by default).
    pub async fn run_jobs(&self) -> usize {
        let mailer = Mailer::from_config(&self.core.config.smtp).expect("mailer");
        Worker::new(self.core.clone(), mailer)
            .drain()
            .await
            .expect("jobs")
    }

    /// Audit actions, oldest first.
    pub async fn audit_actions(&self) -> Vec<String> {
        let mut rows: Vec<(i64, String, String)> =
            sqlx::query_as("SELECT at, id, action FROM audit_log")
                .fetch_all(&self.core.db.pool)
                .await
                .expect("audit");
        rows.sort();
        rows.into_iter().map(|(_, _, a)| a).collect()
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Drop the PostgreSQL schema from a detached thread: Drop cannot be async, and waiting
        // here would block the test's runtime, whose pooled connections must close (and roll
        // back what they hold) before PostgreSQL lets the schema go. Schemas left behind when
        // the process exits first are removed by `scripts/test` before each run.
        if let Some((url, schema)) = self.pg_schema.take() {
            std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    if let Ok(db) = Db::connect_postgres(&url, None, 1).await {
                        let _ = sqlx::query("SET lock_timeout = '10s'")
                            .execute(&db.pool)
                            .await;
                        let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                            "DROP SCHEMA IF EXISTS {schema} CASCADE"
                        )))
                        .execute(&db.pool)
                        .await;
                        db.pool.close().await;
                    }
                });
            });
        }
    }
}

/// The text of a PDF as `pdftotext` (Debian's poppler-utils, installed by `scripts/test`)
/// reads it back.
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) must be installed: scripts/test installs it");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("write");
    let out = child.wait_with_output().expect("pdftotext");
    assert!(out.status.success(), "pdftotext could not read the PDF");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// `application/x-www-form-urlencoded` encoding of pairs.
pub fn encode(fields: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}
