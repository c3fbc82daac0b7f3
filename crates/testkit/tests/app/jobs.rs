use passerelle_testkit::TestApp;
use passerelle_testkit::passerelle_core::jobs::{self, JobKind, Worker};
use passerelle_testkit::passerelle_core::mail::{self, Mailer, Message};
use passerelle_testkit::passerelle_core::{Locale, config::SmtpConfig};

#[tokio::test]
async fn a_job_enqueued_in_a_rolled_back_transaction_never_exists() {
    let app = TestApp::new().await;
    let mut tx = app.core.db.begin().await.expect("tx");
    mail::enqueue(
        &mut tx,
        0,
        "a@example.org",
        Locale::Fr,
        &Message::AlreadyRegistered {
            link: "http://x".into(),
        },
    )
    .await
    .expect("enqueue");
    tx.rollback().await.expect("rollback");
    assert_eq!(app.run_jobs().await, 0);
    assert!(app.outbox().await.is_empty());
}

#[tokio::test]
async fn without_smtp_messages_stay_in_the_outbox_and_are_handled_once() {
    let app = TestApp::new().await;
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    mail::enqueue(
        &mut conn,
        passerelle_testkit::START,
        "a@example.org",
        Locale::En,
        &Message::AlreadyRegistered {
            link: "http://x".into(),
        },
    )
    .await
    .expect("enqueue");
    drop(conn);
    assert_eq!(app.run_jobs().await, 1);
    assert_eq!(app.run_jobs().await, 0, "done jobs do not run again");
    let outbox = app.outbox().await;
    assert_eq!(outbox[0].status, "outbox");
    assert!(outbox[0].subject.contains("already have"));
}

#[tokio::test]
async fn failing_jobs_are_retried_with_backoff_then_marked_failed() {
    let app = TestApp::new().await;
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    let now = app.clock().unix();
    mail::enqueue(
        &mut conn,
        now,
        "a@example.org",
        Locale::Fr,
        &Message::AlreadyRegistered {
            link: "http://x".into(),
        },
    )
    .await
    .expect("enqueue");
    drop(conn);
    // Nothing listens on this port: every delivery fails.
    let smtp = SmtpConfig {
        host: "127.0.0.1".into(),
        port: 9,
        security: "none".into(),
        ..SmtpConfig::default()
    };
    let worker = Worker::new(
        app.core.clone(),
        Mailer::from_config(&smtp).expect("mailer"),
    );
    assert!(worker.run_once().await.expect("run"));
    assert!(
        !worker.run_once().await.expect("run"),
        "not due again before the backoff"
    );
    for attempt in 1..jobs::MAX_ATTEMPTS {
        app.clock().advance(jobs::backoff(attempt) + 1);
        assert!(
            worker.run_once().await.expect("run"),
            "attempt {}",
            attempt + 1
        );
    }
    app.clock().advance(24 * 3600);
    assert!(!worker.run_once().await.expect("run"), "failed for good");
    let outbox = app.outbox().await;
    assert_eq!(outbox[0].status, "failed");
    assert!(
        outbox[0]
            .last_error
            .as_deref()
            .unwrap_or("")
            .contains("smtp")
    );
}

#[tokio::test]
async fn a_lease_that_runs_out_lets_another_worker_take_the_job() {
    let app = TestApp::new().await;
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    let now = app.clock().unix();
    jobs::enqueue(&mut conn, now, JobKind::Cleanup)
        .await
        .expect("enqueue");
    let claimed = jobs::store::claim(&mut conn, app.core.db.backend, now, jobs::LEASE_SECS)
        .await
        .expect("claim");
    assert!(claimed.is_some());
    // A second worker finds nothing while the lease holds…
    assert!(
        jobs::store::claim(&mut conn, app.core.db.backend, now, jobs::LEASE_SECS)
            .await
            .expect("claim")
            .is_none()
    );
    // …and takes it over once the first worker is presumed dead.
    let later = now + jobs::LEASE_SECS + 1;
    let again = jobs::store::claim(&mut conn, app.core.db.backend, later, jobs::LEASE_SECS)
        .await
        .expect("claim");
    assert_eq!(again.map(|j| j.attempts), Some(2));
}

#[tokio::test]
async fn concurrent_workers_never_run_the_same_job_twice() {
    let app = TestApp::new().await;
    let now = app.clock().unix();
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    for i in 0..20 {
        mail::enqueue(
            &mut conn,
            now,
            &format!("p{i}@example.org"),
            Locale::Fr,
            &Message::AlreadyRegistered {
                link: "http://x".into(),
            },
        )
        .await
        .expect("enqueue");
    }
    drop(conn);
    let mailer = Mailer::from_config(&app.core.config.smtp).expect("mailer");
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let w = Worker::new(app.core.clone(), mailer.clone());
            tokio::spawn(async move { w.drain().await })
        })
        .collect();
    let mut total = 0;
    for w in workers {
        total += w.await.expect("join").expect("drain");
    }
    assert_eq!(total, 20);
    let done: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM jobs WHERE done_at IS NOT NULL AND attempts = 1")
            .fetch_one(&app.core.db.pool)
            .await
            .expect("count");
    assert_eq!(done, 20);
}
