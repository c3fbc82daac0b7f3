//! The mid-term review, written by either party and confirmed by both sides (participant and
//! host), and the coaching notes the programme's coordinator keeps on an immersion — visible to
//! coordinators and administrators only.

use sqlx::AnyConnection;

use super::{AgreementStatus, Party};
use crate::accounts::{Role, User};
use crate::ids::new_id;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MidtermReview {
    pub held_on: String,
    pub progress: String,
    pub adjustments: String,
    pub next_steps: String,
    pub written_name: String,
    pub updated_at: i64,
    pub participant_confirmed: String,
    pub participant_confirmed_at: Option<i64>,
    pub host_confirmed: String,
    pub host_confirmed_at: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct ReviewInput {
    pub held_on: String,
    pub progress: String,
    pub adjustments: String,
    pub next_steps: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoachingNote {
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

/// The review page's data.
#[derive(Debug, Clone)]
pub struct ReviewView {
    pub agreement: super::Agreement,
    pub review: Option<MidtermReview>,
    pub may_write: bool,
    /// The side the viewer confirms for, when not yet confirmed.
    pub may_confirm_as: Option<Party>,
}

async fn review(conn: &mut AnyConnection, id: &str) -> Result<Option<MidtermReview>> {
    Ok(sqlx::query_as(
        "SELECT held_on, progress, adjustments, next_steps, written_name, updated_at, participant_confirmed,
                participant_confirmed_at, host_confirmed, host_confirmed_at FROM midterm_reviews WHERE agreement_id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?)
}

/// The mid-term review is the participant's and the host's (tutor's): they write it and each
/// confirms it; the programme and the home organisation read it.
fn writes_reviews(parties: &[Party]) -> bool {
    parties
        .iter()
        .any(|p| matches!(p, Party::Participant | Party::Host))
}

fn is_running(status: AgreementStatus) -> bool {
    matches!(status, AgreementStatus::Approved | AgreementStatus::Active)
}

pub async fn review_view(core: &Core, user: &User, id: &str) -> Result<ReviewView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, parties) = super::agreements::load_for(&mut conn, user, id).await?;
    let review = review(&mut conn, id).await?;
    let running = is_running(agreement.status());
    let may_confirm_as = review.as_ref().filter(|_| running).and_then(|r| {
        if parties.contains(&Party::Participant) && r.participant_confirmed_at.is_none() {
            Some(Party::Participant)
        } else if parties.contains(&Party::Host) && r.host_confirmed_at.is_none() {
            Some(Party::Host)
        } else {
            None
        }
    });
    Ok(ReviewView {
        may_write: running && writes_reviews(&parties),
        may_confirm_as,
        review,
        agreement,
    })
}

/// Writes (or rewrites) the mid-term review; a rewrite asks both sides to confirm again.
pub async fn save_review(core: &Core, user: &User, id: &str, input: &ReviewInput) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = super::agreements::load_for(&mut tx, user, id).await?;
    if !writes_reviews(&parties) {
        return Err(Error::Forbidden);
    }
    if !is_running(a.status()) {
        return Err(Error::Conflict("review-not-open"));
    }
    let mut e = FieldErrors::default();
    let held_on = super::parse_date(&mut e, "held_on", &input.held_on);
    if held_on.is_empty() && e.get("held_on").is_none() {
        e.add("held_on", "field-required");
    }
    let progress = validate::text(&mut e, "progress", &input.progress, true, 8000);
    let adjustments = validate::text(&mut e, "adjustments", &input.adjustments, false, 8000);
    let next_steps = validate::text(&mut e, "next_steps", &input.next_steps, false, 8000);
    e.into_result()?;
    sqlx::query(
        "INSERT INTO midterm_reviews (agreement_id, held_on, progress, adjustments, next_steps, written_by, written_name, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (agreement_id) DO UPDATE SET held_on = $2, progress = $3, adjustments = $4, next_steps = $5,
            written_by = $6, written_name = $7, updated_at = $8, participant_confirmed = '', participant_confirmed_at = NULL,
            host_confirmed = '', host_confirmed_at = NULL",
    )
    .bind(id)
    .bind(&held_on)
    .bind(&progress)
    .bind(&adjustments)
    .bind(&next_steps)
    .bind(&user.id)
    .bind(user.name())
    .bind(core.clock.unix())
    .execute(&mut *tx)
    .await?;
    // Both sides confirm what was written: each is told it awaits them.
    super::signatures::notify(
        &mut tx,
        core,
        &a,
        super::NoticeKind::ReviewAwaiting,
        user.name(),
        &user.email,
        &[Party::Participant, Party::Host],
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms the review for the viewer's side (participant or host), once.
pub async fn confirm_review(core: &Core, user: &User, id: &str) -> Result<()> {
    let view = review_view(core, user, id).await?;
    let side = view
        .may_confirm_as
        .ok_or(Error::Conflict("review-nothing-to-confirm"))?;
    let sql = match side {
        Party::Participant => {
            "UPDATE midterm_reviews SET participant_confirmed = $2, participant_confirmed_at = $3 WHERE agreement_id = $1 AND participant_confirmed_at IS NULL"
        }
        _ => {
            "UPDATE midterm_reviews SET host_confirmed = $2, host_confirmed_at = $3 WHERE agreement_id = $1 AND host_confirmed_at IS NULL"
        }
    };
    let mut tx = core.db.begin().await?;
    sqlx::query(sql)
        .bind(id)
        .bind(user.name())
        .bind(core.clock.unix())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `user` may read and write coaching notes on this agreement.
fn may_coach(user: &User, parties: &[Party]) -> bool {
    parties.contains(&Party::Coordinator) || user.role == Role::Administrator
}

/// The coaching notes, newest first — the coordinator and administrators only; for anyone else
/// the page does not exist.
pub async fn coaching_notes(
    core: &Core,
    user: &User,
    id: &str,
) -> Result<(super::Agreement, Vec<CoachingNote>)> {
    let mut conn = core.db.pool.acquire().await?;
    let (a, parties) = super::agreements::load_for(&mut conn, user, id).await?;
    if !may_coach(user, &parties) {
        return Err(Error::NotFound);
    }
    let notes = sqlx::query_as(
        "SELECT author_name, body, created_at FROM coaching_notes WHERE agreement_id = $1 ORDER BY created_at DESC, id DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((a, notes))
}

pub async fn add_coaching_note(core: &Core, user: &User, id: &str, body: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (_, parties) = super::agreements::load_for(&mut tx, user, id).await?;
    if !may_coach(user, &parties) {
        return Err(Error::NotFound);
    }
    let mut e = FieldErrors::default();
    let body = validate::text(&mut e, "body", body, true, 8000);
    e.into_result()?;
    sqlx::query("INSERT INTO coaching_notes (id, agreement_id, author_id, author_name, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(new_id())
        .bind(id)
        .bind(&user.id)
        .bind(user.name())
        .bind(&body)
        .bind(core.clock.unix())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}
