//! Background jobs stored in the database.
//!
//! A job is enqueued on the same connection (transaction) as the change that causes it, so it
//! exists if and only if the change committed. Workers — inside `serve` and any number of
//! `passerelle worker` processes — claim due jobs one at a time; on PostgreSQL the claim uses
//! `FOR UPDATE SKIP LOCKED` so workers never wait on each other. A claim holds a lease
//! (`locked_until`): a worker that dies mid-job releases it when the lease runs out. Failures are
//! retried with quadratic backoff; every job kind is idempotent, so a retry after a lost lease
//! does no harm.

pub mod store;

use std::time::Duration;

use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;
use tokio::sync::watch;

use crate::ids::new_id;
use crate::mail::{self, Mailer};
use crate::{Core, Error, Result};

/// What a job does. Serialised as JSON in `jobs.payload`; `kind` column = [`JobKind::code`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum JobKind {
    /// Deliver one stored e-mail (idempotent: a message already sent is not sent again).
    SendEmail { email_id: String },
    /// Delete expired sessions and tokens.
    Cleanup,
    /// Time-driven work of features: expire offers, send weekly digests (hourly).
    Sweep,
    /// Send the immediate saved-search alerts for a newly published offer.
    OfferPublished { offer_id: String },
    /// Ask the parties to sign an agreement's version edited while signatures were collected,
    /// unless it was edited again or asked since (run `signing_quiet_minutes` after the edit).
    AskSignatures {
        agreement_id: String,
        version: i64,
        by: String,
    },
}

impl JobKind {
    pub fn code(&self) -> &'static str {
        match self {
            JobKind::SendEmail { .. } => "send-email",
            JobKind::Cleanup => "cleanup",
            JobKind::Sweep => "sweep",
            JobKind::OfferPublished { .. } => "offer-published",
            JobKind::AskSignatures { .. } => "ask-signatures",
        }
    }
}

/// Attempts before a job is marked failed.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long a claim holds a job, in seconds.
pub const LEASE_SECS: i64 = 300;

/// Seconds to wait before attempt `attempts + 1`: 30 s, 2 min, 4.5 min, 8 min… (capped at 6 h).
pub fn backoff(attempts: i64) -> i64 {
    (30 * attempts * attempts).min(6 * 3600)
}

pub async fn enqueue(conn: &mut AnyConnection, now: i64, job: JobKind) -> Result<()> {
    enqueue_at(conn, now, now, job).await
}

pub async fn enqueue_at(
    conn: &mut AnyConnection,
    now: i64,
    run_at: i64,
    job: JobKind,
) -> Result<()> {
    let payload = serde_json::to_string(&job).map_err(|e| Error::Internal(e.to_string()))?;
    store::insert(
        conn,
        &new_id(),
        job.code(),
        &payload,
        run_at,
        MAX_ATTEMPTS,
        now,
    )
    .await?;
    Ok(())
}

/// Runs jobs for one process.
#[derive(Clone)]
pub struct Worker {
    core: Core,
    mailer: Mailer,
}

impl Worker {
    pub fn new(core: Core, mailer: Mailer) -> Self {
        Worker { core, mailer }
    }

    /// Claims and runs one due job. `Ok(false)` when none is due.
    pub async fn run_once(&self) -> Result<bool> {
        let now = self.core.clock.unix();
        let mut conn = self.core.db.pool.acquire().await?;
        let Some(job) = store::claim(&mut conn, self.core.db.backend, now, LEASE_SECS).await?
        else {
            return Ok(false);
        };
        drop(conn);
        let outcome = match serde_json::from_str::<JobKind>(&job.payload) {
            Ok(kind) => self.execute(&kind).await,
            Err(e) => Err(Error::Internal(format!("payload: {e}"))),
        };
        let now = self.core.clock.unix();
        let mut conn = self.core.db.pool.acquire().await?;
        match outcome {
            Ok(()) => store::complete(&mut conn, &job.id, now).await?,
            Err(e) => {
                let message = e.to_string();
                if job.attempts >= job.max_attempts {
                    tracing::error!(job = %job.id, kind = %job.kind, error = %message, "job failed for good");
                    store::fail(&mut conn, &job.id, &message, now).await?;
                    self.on_final_failure(&job, &message).await?;
                } else {
                    tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, error = %message, "job failed, will retry");
                    store::retry(&mut conn, &job.id, &message, now + backoff(job.attempts)).await?;
                }
            }
        }
        Ok(true)
    }

    /// Runs every due job, then returns how many ran (tests and `worker --once`).
    pub async fn drain(&self) -> Result<usize> {
        let mut n = 0;
        while self.run_once().await? {
            n += 1;
        }
        Ok(n)
    }

    async fn execute(&self, kind: &JobKind) -> Result<()> {
        match kind {
            JobKind::SendEmail { email_id } => {
                let mut conn = self.core.db.pool.acquire().await?;
                let Some(email) = mail::store::by_id(&mut conn, email_id).await? else {
                    return Ok(()); // deleted since: nothing to do
                };
                if email.status == mail::store::STATUS_SENT {
                    return Ok(());
                }
                drop(conn);
                let status = self.mailer.deliver(&email).await?;
                let mut conn = self.core.db.pool.acquire().await?;
                mail::store::set_status(&mut conn, email_id, status, None, self.core.clock.unix())
                    .await?;
                Ok(())
            }
            JobKind::Cleanup => {
                let mut conn = self.core.db.pool.acquire().await?;
                store::cleanup(&mut conn, self.core.clock.unix()).await?;
                drop(conn);
                crate::sheets::prune_index_log(&self.core).await?;
                Ok(())
            }
            JobKind::Sweep => crate::immersions::sweep(&self.core).await,
            JobKind::OfferPublished { offer_id } => {
                crate::immersions::alert_new_offer(&self.core, offer_id).await?;
                Ok(())
            }
            JobKind::AskSignatures {
                agreement_id,
                version,
                by,
            } => {
                crate::immersions::signatures::ask_after_change(
                    &self.core,
                    agreement_id,
                    *version,
                    by,
                )
                .await
            }
        }
    }

    async fn on_final_failure(&self, job: &store::JobRow, message: &str) -> Result<()> {
        if let Ok(JobKind::SendEmail { email_id }) = serde_json::from_str(&job.payload) {
            let mut conn = self.core.db.pool.acquire().await?;
            let now = self.core.clock.unix();
            mail::store::set_status(
                &mut conn,
                &email_id,
                mail::store::STATUS_FAILED,
                Some(message),
                now,
            )
            .await?;
        }
        Ok(())
    }

    /// Polls for jobs until `shutdown` turns true. Errors are logged and the loop goes on.
    pub async fn run(self, mut shutdown: watch::Receiver<bool>) {
        let mut last_cleanup = 0;
        loop {
            if *shutdown.borrow() {
                break;
            }
            let now = self.core.clock.unix();
            if now - last_cleanup > 3600 {
                last_cleanup = now;
                if let Ok(mut conn) = self.core.db.pool.acquire().await
                    && let Err(e) = store::schedule_periodic(&mut conn, now).await
                {
                    tracing::warn!(error = %e, "could not schedule cleanup");
                }
            }
            match self.run_once().await {
                Ok(true) => continue,
                Ok(false) => {}
                Err(e) => tracing::error!(error = %e, "job worker"),
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
                _ = shutdown.changed() => {}
            }
        }
        tracing::info!("job worker stopped");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(1), 30);
        assert_eq!(backoff(2), 120);
        assert!(backoff(3) > backoff(2));
        assert_eq!(backoff(1000), 6 * 3600);
    }

    #[test]
    fn payloads_round_trip() {
        let job = JobKind::SendEmail {
            email_id: "e1".into(),
        };
        let json = serde_json::to_string(&job).expect("json");
        assert_eq!(json, r#"{"kind":"send-email","email_id":"e1"}"#);
        assert_eq!(serde_json::from_str::<JobKind>(&json).expect("parse"), job);
    }
}
