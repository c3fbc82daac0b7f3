//! What a hostile or merely unlucky client can do, and what it must not achieve (issue 18 and
//! docs/SECURITY.md): each test names the item of the threat model it keeps closed. They run
//! on SQLite and, with `TEST_DATABASE_URL`, on PostgreSQL. Crafted workbooks are tested in
//! `xlsform.rs` (they are read through the same import).

use std::io::Read;

use passerelle_testkit::passerelle_core::accounts::{self, Actor, Role};
use passerelle_testkit::passerelle_core::questionnaires::{self as qn, Move, Saved, StartInput};
use passerelle_testkit::passerelle_core::{Error, audit::action};
use passerelle_testkit::{PASSWORD, TestApp, encode};

// ---------------------------------------------------------------------------------------------
// Login rate limit under concurrency (item 3) and the owner's unlock link (item 9).

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_logins_on_one_address_get_no_more_tries_than_the_limit() {
    let app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    let limit = app.core.config.login.max_failures_per_email;
    let mut tasks = Vec::new();
    for i in 0..150 {
        let (core, email) = (app.core.clone(), user.email.clone());
        // One right password among 149 wrong ones, sent last so it is not always first served.
        let pass = if i == 149 {
            PASSWORD.to_owned()
        } else {
            format!("wrong {i}")
        };
        tasks.push(tokio::spawn(async move {
            let actor = Actor::anonymous(format!("198.51.100.{}", i % 200));
            accounts::authenticate(&core, &email, &pass, &actor).await
        }));
    }
    let (mut checked, mut refused) = (0, 0);
    for t in tasks {
        match t.await.expect("task") {
            Ok(_) | Err(Error::Invalid(_)) => checked += 1,
            Err(Error::RateLimited { .. }) => refused += 1,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    // A success gives its attempt back, so the right password served early lets one more in.
    assert!(
        (limit..=limit + 1).contains(&checked),
        "{checked} passwords were checked, the limit is {limit}"
    );
    assert_eq!(checked + refused, 150);
    let actions = app.audit_actions().await;
    let tried = actions
        .iter()
        .filter(|a| *a == action::LOGIN_FAILED || *a == action::LOGIN)
        .count();
    assert!(tried as i64 <= limit + 1, "{tried} checks audited");
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == action::LOGIN_LOCKED)
            .count(),
        1,
        "the lock is recorded once"
    );
}

#[tokio::test]
async fn a_locked_account_refuses_even_the_right_password_until_its_owner_unlocks_it() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    for _ in 0..5 {
        let r = app
            .post_form(
                "/login",
                &[("email", &user.email), ("password", "not the password")],
            )
            .await;
        r.assert_status(422);
    }
    let r = app
        .post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await;
    r.assert_status(429);
    assert!(!r.header("retry-after").is_empty());
    assert!(r.body.contains("Trop de tentatives"), "{}", r.body);
    // The owner is told once, with a link that ends the lock at once.
    let mail = app.last_email_to(&user.email).await;
    let link = app.link_in(&mail);
    assert!(link.starts_with("/login/unlock/"), "{link}");
    let again = app
        .post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await;
    again.assert_status(429);
    let unlock_mails = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.to_address == user.email)
        .count();
    assert_eq!(unlock_mails, 1, "one e-mail per lock, not one per attempt");
    // Opening the link shows a button; a mail scanner fetching it changes nothing.
    let page = app.get(&link).await;
    page.assert_status(200);
    app.post_form("/login", &[("email", &user.email), ("password", PASSWORD)])
        .await
        .assert_status(429);
    let r = app.post_form(&link, &[]).await;
    assert_eq!(r.location(), "/login?notice=unlocked");
    app.login(&user).await;
    // Single use.
    app.clear_cookies();
    app.get(&link).await.assert_status(410);
    app.post_form(&link, &[]).await.assert_status(410);
    let actions = app.audit_actions().await;
    assert!(actions.iter().any(|a| a == action::LOGIN_UNLOCKED));
}

#[tokio::test]
async fn a_refused_login_of_an_unknown_address_says_the_same_and_mails_nobody() {
    let mut app = TestApp::new().await;
    for _ in 0..6 {
        app.post_form(
            "/login",
            &[("email", "nobody@example.org"), ("password", "guess")],
        )
        .await;
    }
    let r = app
        .post_form(
            "/login",
            &[("email", "nobody@example.org"), ("password", "guess")],
        )
        .await;
    r.assert_status(429);
    assert!(app.outbox().await.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Password-reset flooding (item 9).

#[tokio::test]
async fn thirty_reset_requests_send_three_mails_and_are_then_refused() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    let mut statuses = Vec::new();
    for _ in 0..30 {
        let r = app
            .post_form("/password/forgot", &[("email", &user.email)])
            .await;
        statuses.push(r.status.as_u16());
    }
    let sent = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.to_address == user.email)
        .count();
    assert_eq!(sent, 3, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 27);
    // Per client too: other addresses from the same connection are refused past its limit.
    let mut other_refused = 0;
    for i in 0..25 {
        let r = app
            .post_form(
                "/password/forgot",
                &[("email", &format!("someone{i}@example.org"))],
            )
            .await;
        if r.status.as_u16() == 429 {
            other_refused += 1;
            assert!(r.body.contains("Trop de demandes"), "{}", r.body);
        }
    }
    assert!(other_refused > 0, "the per-client limit applies");
    // The window moves on.
    app.clock().advance(app.core.config.login.window_secs + 1);
    app.post_form("/password/forgot", &[("email", &user.email)])
        .await
        .assert_status(200);
}

#[tokio::test]
async fn registration_and_confirmation_mails_are_limited_and_a_client_over_its_limit_locks_nobody()
{
    let mut app = TestApp::new().await;
    let owner = app.with_user(Role::Member).await;
    // Registering an existing address mails its owner: at most the limit per window.
    for _ in 0..6 {
        app.post_form(
            "/register",
            &[
                ("email", &owner.email),
                ("display_name", "Someone"),
                ("password", "long enough passphrase"),
            ],
        )
        .await;
    }
    let mails = app
        .outbox()
        .await
        .into_iter()
        .filter(|m| m.to_address == owner.email)
        .count();
    assert_eq!(mails, 3);
    let r = app
        .post_form("/account/confirm/resend", &[("email", "x@example.org")])
        .await;
    r.assert_status(200);
    // A client past its login limit touches no address's counter: the owner can still sign in
    // from elsewhere, and no unlock mail was sent.
    let mut attacker = TestApp::with_config(|c| c.login.max_failures_per_ip = 3).await;
    let victim = attacker.with_user(Role::Member).await;
    for i in 0..10 {
        attacker
            .post_form(
                "/login",
                &[
                    ("email", &victim.email),
                    ("password", &format!("guess {i}")),
                ],
            )
            .await;
    }
    assert!(attacker.outbox().await.is_empty(), "no unlock mail");
    let mut owner_browser = attacker.second_browser();
    owner_browser.login(&victim).await;
}

#[tokio::test]
async fn a_form_with_files_sent_one_byte_at_a_time_is_read_whole_once() {
    let mut app = TestApp::new().await;
    let id = draft_sheet(&mut app).await;
    let token = app.csrf().await;
    let boundary = "----one-byte";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"guide.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(b"%PDF-1.4 ");
    body.extend(std::iter::repeat_n(b'x', 20_000));
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = body.iter().map(|b| Ok(vec![*b])).collect();
    let req = axum::http::Request::builder()
        .method("POST")
        .uri(format!("/sheets/{id}/files"))
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(axum::body::Body::from_stream(futures::stream::iter(chunks)))
        .expect("request");
    let r = app.request(req).await;
    r.assert_status(303);
    let page = app.get(&format!("/sheets/{id}/edit")).await;
    assert!(page.body.contains("guide.pdf"), "{}", page.body);
}

// ---------------------------------------------------------------------------------------------
// Open redirects (item 4).

#[tokio::test]
async fn next_with_a_control_character_never_leaves_the_site() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    for hostile in [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/ /evil.example",
        "//evil.example",
        "/\\evil.example",
        "https://evil.example",
    ] {
        let r = app
            .post_form("/language", &[("lang", "en"), ("next", hostile)])
            .await;
        assert_eq!(r.location(), "/", "{hostile:?}");
    }
    let token = app.csrf().await;
    let r = app
        .post_raw(
            "/login",
            &format!(
                "csrf={token}&email={}&password={}&next=/%09/evil.example",
                user.email.replace('@', "%40"),
                PASSWORD.replace(' ', "+")
            ),
        )
        .await;
    assert_eq!(r.location(), "/");
    // The login page does not carry a hostile `next` on in its form either.
    app.clear_cookies();
    let r = app.get("/login?next=/%09/evil.example").await;
    r.assert_status(200);
    assert!(r.body.contains("name=\"next\" value=\"/\""), "{}", r.body);
    let r = app.get("/login?next=/sheets%3Fq%3Daller").await;
    assert!(r.body.contains("name=\"next\" value=\"/sheets?q=aller\""));
}

// ---------------------------------------------------------------------------------------------
// CSV formula injection (item 5) and streamed downloads under gzip (item 6).

/// A questionnaire with one answer whose texts start like formulas.
async fn questionnaire_with_a_hostile_answer(app: &mut TestApp) -> String {
    let owner = app.with_user(Role::Coordinator).await;
    let id = app.with_questionnaire(&owner).await;
    let token = qn::start(&app.core, &id, None, &StartInput::default())
        .await
        .expect("start");
    let pairs = vec![
        ("q-role".to_owned(), "cadre".to_owned()),
        (
            "q-detail".to_owned(),
            "=HYPERLINK(\"http://evil.example\",\"x\")".to_owned(),
        ),
    ];
    let shown = vec!["role".to_owned(), "detail".to_owned()];
    let saved = qn::save_page(&app.core, &token, 0, &pairs, (&shown, &[]), Move::Submit)
        .await
        .expect("save");
    assert!(matches!(saved, Saved::Submitted(_)));
    app.login(&owner).await;
    id
}

fn gunzip(bytes: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut out)
        .expect("a complete gzip stream");
    out
}

#[tokio::test]
async fn csv_exports_escape_formulas_and_json_keeps_values_exact() {
    let mut app = TestApp::new().await;
    let id = questionnaire_with_a_hostile_answer(&mut app).await;
    let csv = app.get(&format!("/questionnaires/{id}/export.csv")).await;
    csv.assert_status(200);
    assert!(
        csv.body.contains("'=HYPERLINK(\"\"http://evil.example\"\""),
        "{}",
        csv.body
    );
    assert!(!csv.body.contains(",=HYPERLINK"));
    let json = app.get(&format!("/questionnaires/{id}/export.json")).await;
    assert!(json.body.contains("=HYPERLINK"), "{}", json.body);
    assert!(!json.body.contains("'=HYPERLINK"));
}

#[tokio::test]
async fn streamed_exports_arrive_whole_with_gzip() {
    let mut app = TestApp::new().await;
    let id = questionnaire_with_a_hostile_answer(&mut app).await;
    for (path, expect) in [
        ("export.csv", "HYPERLINK"),
        ("export.json", "HYPERLINK"),
        ("export.csv?labels=1", "Cadre"),
    ] {
        let plain = app.get(&format!("/questionnaires/{id}/{path}")).await;
        plain.assert_status(200);
        let r = app
            .get_with(
                &format!("/questionnaires/{id}/{path}"),
                &[("accept-encoding", "gzip")],
            )
            .await;
        r.assert_status(200);
        assert_eq!(r.header("content-encoding"), "gzip", "{path}");
        let text = gunzip(&r.bytes);
        assert_eq!(text, plain.body, "{path}: the same bytes, compressed");
        assert!(text.contains(expect), "{path}: {text}");
    }
}

// ---------------------------------------------------------------------------------------------
// Uploads up to the limit (item 7).

#[tokio::test]
async fn an_upload_of_the_limit_passes_and_one_byte_more_is_413() {
    let limit = 3 * 1024 * 1024 + 17;
    let mut app = TestApp::with_config(|c| c.max_upload_bytes = limit).await;
    let id = draft_sheet(&mut app).await;
    assert!(!id.is_empty(), "a draft sheet");
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(limit, b' ');
    let r = app
        .post_multipart(
            &format!("/sheets/{id}/files"),
            &[],
            &[("files", "grand.pdf", &pdf)],
        )
        .await;
    r.assert_status(303);
    pdf.push(b' ');
    let r = app
        .post_multipart(
            &format!("/sheets/{id}/files"),
            &[],
            &[("files", "trop-grand.pdf", &pdf)],
        )
        .await;
    r.assert_status(413);
    // A forged token is refused before anything is read past the token.
    let r = app
        .post_multipart_raw(
            &format!("/sheets/{id}/files"),
            &[("csrf", "forged-forged-forged-forged-forged-forged")],
            &[("files", "x.pdf", b"%PDF-1.4")],
        )
        .await;
    r.assert_status(403);
}

// ---------------------------------------------------------------------------------------------
// Control characters (item 8).

#[tokio::test]
async fn nul_bytes_and_bidi_overrides_are_removed_from_every_input_on_both_databases() {
    let mut app = TestApp::new().await;
    let user = app.with_user(Role::Member).await;
    app.login(&user).await;
    let r = app
        .post_form(
            "/account",
            &[
                ("display_name", "Ana\u{0}ïs \u{202e}Lima"),
                ("organisation_label", "HES\u{7}"),
                ("locale", "fr"),
            ],
        )
        .await;
    r.assert_status(303);
    let stored = app.user(&user).await;
    assert_eq!(stored.display_name, "Anaïs Lima");
    assert_eq!(stored.organisation_label, "HES");
    let page = app.get("/account").await;
    page.assert_status(200);
    for path in [
        "/organisations?q=%00",
        "/organisations?q=a%00b",
        "/api/v1/organisations?q=%00",
        "/offers?q=%00",
        "/sheets?q=%00",
    ] {
        let r = app.get(path).await;
        r.assert_status(200);
    }
    app.get("/organisations/%00").await.assert_status(404);
    app.get("/api/v1/organisations/%00x")
        .await
        .assert_status(404);
    // A sheet title (a PostgreSQL 500 before): stored without the NUL.
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Mar\u{0}audes")],
        )
        .await;
    r.assert_status(303);
    let edit = app.get(r.location()).await;
    assert!(edit.body.contains("value=\"Maraudes\""), "{}", edit.body);
}

// ---------------------------------------------------------------------------------------------
// CSRF tokens bound to the session and rotated (item 10).

#[tokio::test]
async fn a_csrf_token_is_worth_nothing_in_another_session_or_after_login_and_logout() {
    let mut app = TestApp::new().await;
    let ana = app.with_user(Role::Member).await;
    let bob = app.with_user_email(Role::Member, "bob@example.org").await;
    let anonymous = app.csrf().await;
    app.login(&ana).await;
    let ana_token = app.csrf().await;
    assert_ne!(ana_token, anonymous, "rotated at login");
    // The token read before login no longer works.
    let r = app
        .post_raw(
            "/account",
            &format!("csrf={anonymous}&display_name=X&locale=fr"),
        )
        .await;
    r.assert_status(403);
    app.post_raw(
        "/account",
        &format!("csrf={ana_token}&display_name=Ana&locale=fr"),
    )
    .await
    .assert_status(303);
    // The right token, from a page of another site or a sibling subdomain: refused.
    for site in ["cross-site", "same-site"] {
        let req = axum::http::Request::builder()
            .method("POST")
            .uri("/account")
            .header("content-type", "application/x-www-form-urlencoded")
            .header("sec-fetch-site", site)
            .body(axum::body::Body::from(format!(
                "csrf={ana_token}&display_name=Ana&locale=fr"
            )))
            .expect("request");
        app.request(req).await.assert_status(403);
    }
    // Bob's browser, with Ana's token (as a page of Ana's could leak it): refused.
    let mut bob_app = app.second_browser();
    bob_app.login(&bob).await;
    let r = bob_app
        .post_raw(
            "/account",
            &format!("csrf={ana_token}&display_name=Mallory&locale=fr"),
        )
        .await;
    r.assert_status(403);
    // Logout rotates too: Ana's token does not work in the anonymous session after it.
    let logout = app.post_form("/logout", &[]).await;
    assert_eq!(logout.location(), "/login?notice=logged-out");
    let after = app.csrf().await;
    assert_ne!(after, ana_token);
    assert_ne!(after, anonymous);
    let r = app
        .post_raw(
            "/password/forgot",
            &encode(&[("csrf", &ana_token), ("email", &ana.email)]),
        )
        .await;
    r.assert_status(403);
}

/// A member signed in with a draft practice sheet of theirs (files can be added to it): its id.
async fn draft_sheet(app: &mut TestApp) -> String {
    let writer = app.with_user(Role::Member).await;
    app.login(&writer).await;
    let r = app
        .post_form(
            "/sheets",
            &[("kind", "emerging_practice"), ("title", "Maraudes")],
        )
        .await;
    r.location()
        .split('?')
        .next()
        .unwrap_or_default()
        .trim_start_matches("/sheets/")
        .trim_end_matches("/edit")
        .to_owned()
}
