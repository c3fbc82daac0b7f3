//! Delivery through a real SMTP server: aiosmtpd (from PyPI), started here on a free loopback
//! port by `scripts/smtp_sink.py`, which writes each message it receives to a folder.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::accounts::Role;

struct Sink {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_sink() -> Sink {
    let python = std::env::var("PASSERELLE_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scripts/smtp_sink.py");
    let dir = tempfile::tempdir().expect("dir");
    let mut child = Command::new(&python)
        .arg(&script)
        .arg(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {python} {}: {e}", script.display()));
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("sink output");
    let port = line
        .trim()
        .strip_prefix("READY ")
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "the SMTP sink did not start (is aiosmtpd installed? run ./scripts/test): {line:?}"
            )
        });
    Sink { child, port, dir }
}

#[tokio::test]
async fn an_invitation_is_delivered_through_smtp_in_the_recipients_language() {
    let sink = start_sink();
    let port = sink.port;
    let mut app = TestApp::with_config(|c| {
        c.smtp.host = "127.0.0.1".into();
        c.smtp.port = port;
        c.smtp.security = "none".into();
        c.smtp.from = "Passerelle <no-reply@passerelle.test>".into();
    })
    .await;
    let admin = app.with_user(Role::Member).await;
    let invitee = app.with_user(Role::Member).await;
    passerelle_testkit::passerelle_core::accounts::store::set_locale(
        &mut app.core.db.pool.acquire().await.expect("conn"),
        &invitee.id,
        "en",
    )
    .await
    .expect("locale");
    let slug = app
        .with_organisation(&admin, "Women's Resource Center")
        .await;
    app.login(&admin).await;
    app.post_form(
        &format!("/organisations/{slug}/invitations"),
        &[("email", &invitee.email), ("role", "member")],
    )
    .await
    .assert_status(303);
    assert_eq!(app.run_jobs().await, 1);
    assert_eq!(app.last_email_to(&invitee.email).await.status, "sent");

    let mut files = Vec::new();
    for _ in 0..50 {
        files = std::fs::read_dir(sink.dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|f| f.path().extension().is_some_and(|e| e == "eml"))
            .collect();
        if !files.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(files.len(), 1, "one message received");
    let raw = std::fs::read_to_string(files[0].path()).expect("message");
    assert!(raw.contains(&format!("To: {}", invitee.email)), "{raw}");
    assert!(raw.contains("Subject: "), "{raw}");
    assert!(
        raw.contains("invites you to join"),
        "sent in the invitee's language: {raw}"
    );
    assert!(raw.contains("multipart/alternative"));
    assert!(raw.contains("text/plain") && raw.contains("text/html"));
    assert!(raw.contains("/invitations/"));
}
