//! All SQL of agreements: rows, versions, approvals, objectives and tasks.

use sqlx::AnyConnection;

use super::{Agreement, Approval, Item};

type R<T> = Result<T, sqlx::Error>;

macro_rules! agreement_select {
    () => {
        "SELECT a.id, a.application_id, a.offer_id, o.title AS offer_title, a.programme_id,
                p.name AS programme_name, a.participant_id,
                CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END AS participant_name,
                a.host_organisation_id, g.name AS host_organisation_name, a.home_organisation_id,
                h.name AS home_organisation_name, a.home_label, a.coordinator_id, a.status, a.version,
                a.signed_version, a.terms, a.end_reason, a.access_ended_at, a.created_at, a.updated_at,
                (SELECT COUNT(*) FROM agreement_approvals x
                  WHERE x.agreement_id = a.id AND x.version = a.version) AS signed_parties
         FROM agreements a JOIN offers o ON o.id = a.offer_id
         JOIN programmes p ON p.id = a.programme_id
         JOIN users u ON u.id = a.participant_id
         JOIN organisations g ON g.id = a.host_organisation_id
         LEFT JOIN organisations h ON h.id = a.home_organisation_id"
    };
}

/// The fields of a new agreement.
pub struct NewAgreement<'a> {
    pub id: &'a str,
    pub application_id: &'a str,
    pub offer_id: &'a str,
    pub programme_id: &'a str,
    pub participant_id: &'a str,
    pub host_organisation_id: &'a str,
    pub home_organisation_id: Option<&'a str>,
    pub home_label: &'a str,
    pub coordinator_id: Option<&'a str>,
    pub terms: &'a str,
    pub now: i64,
}

pub async fn insert(conn: &mut AnyConnection, a: &NewAgreement<'_>) -> R<()> {
    sqlx::query(
        "INSERT INTO agreements (id, application_id, offer_id, programme_id, participant_id, host_organisation_id,
            home_organisation_id, home_label, coordinator_id, status, version, terms, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'draft', 1, $10, $11, $11)",
    )
    .bind(a.id)
    .bind(a.application_id)
    .bind(a.offer_id)
    .bind(a.programme_id)
    .bind(a.participant_id)
    .bind(a.host_organisation_id)
    .bind(a.home_organisation_id)
    .bind(a.home_label)
    .bind(a.coordinator_id)
    .bind(a.terms)
    .bind(a.now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn by_id(conn: &mut AnyConnection, id: &str) -> R<Option<Agreement>> {
    sqlx::query_as(concat!(agreement_select!(), " WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

pub async fn by_application(conn: &mut AnyConnection, application_id: &str) -> R<Option<String>> {
    sqlx::query_scalar("SELECT id FROM agreements WHERE application_id = $1")
        .bind(application_id)
        .fetch_optional(conn)
        .await
}

/// The first agreement drafted for the offer titled `offer_title` (demo content links to it).
pub async fn first_of_offer_titled(
    conn: &mut AnyConnection,
    offer_title: &str,
) -> R<Option<Agreement>> {
    sqlx::query_as(concat!(
        agreement_select!(),
        " WHERE o.title = $1 ORDER BY a.created_at, a.id LIMIT 1"
    ))
    .bind(offer_title)
    .fetch_optional(conn)
    .await
}

/// Agreements that mirror `a` (its host is their home organisation and the reverse) and are not
/// paired yet: the candidates for a cross-immersion pair.
pub async fn reciprocal_candidates(conn: &mut AnyConnection, a: &Agreement) -> R<Vec<Agreement>> {
    let Some(home) = &a.home_organisation_id else {
        return Ok(Vec::new());
    };
    sqlx::query_as(concat!(
        agreement_select!(),
        " WHERE a.host_organisation_id = $1 AND a.home_organisation_id = $2 AND a.id <> $3
            AND NOT EXISTS (SELECT 1 FROM agreement_pairs x WHERE a.id IN (x.first_id, x.second_id))
          ORDER BY a.created_at DESC, a.id LIMIT 50"
    ))
    .bind(home)
    .bind(&a.host_organisation_id)
    .bind(&a.id)
    .fetch_all(conn)
    .await
}

/// Agreements a person is party to: as participant, member of the host or home organisation,
/// or coordinator.
pub async fn of_user(conn: &mut AnyConnection, user_id: &str) -> R<Vec<Agreement>> {
    sqlx::query_as(concat!(
        agreement_select!(),
        " WHERE a.participant_id = $1 OR a.coordinator_id = $1
             OR a.host_organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)
             OR a.home_organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)
          ORDER BY a.updated_at DESC, a.id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Saves the terms and moves to `(status, version)` if the row is still at `expected_version`;
/// `false` when someone changed it meanwhile.
pub async fn save(
    conn: &mut AnyConnection,
    id: &str,
    expected_version: i64,
    terms: &str,
    status: &str,
    version: i64,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE agreements SET terms = $3, status = $4, version = $5, updated_at = $6
         WHERE id = $1 AND version = $2",
    )
    .bind(id)
    .bind(expected_version)
    .bind(terms)
    .bind(status)
    .bind(version)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Puts the agreement back to `version` with `terms`, dropping the later (unsigned) versions
/// and their signatures.
pub async fn restore_version(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
    terms: &str,
    now: i64,
) -> R<()> {
    sqlx::query("UPDATE agreements SET terms = $3, version = $2, updated_at = $4 WHERE id = $1")
        .bind(id)
        .bind(version)
        .bind(terms)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    for sql in [
        "DELETE FROM agreement_approvals WHERE agreement_id = $1 AND version > $2",
        "DELETE FROM agreement_versions WHERE agreement_id = $1 AND version > $2",
    ] {
        sqlx::query(sql)
            .bind(id)
            .bind(version)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Takes the agreement's row lock for the rest of the transaction (PostgreSQL; SQLite
/// transactions already hold the single write lock).
pub async fn lock(conn: &mut AnyConnection, id: &str) -> R<()> {
    sqlx::query("UPDATE agreements SET updated_at = updated_at WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Moves from `from` to `to`; `false` when the status changed meanwhile.
pub async fn set_status(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    reason: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE agreements SET status = $3, end_reason = $4, updated_at = $5,
            access_ended_at = CASE WHEN $3 IN ('completed', 'terminated', 'cancelled') AND access_ended_at IS NULL THEN $5 ELSE access_ended_at END,
            ended_at = CASE WHEN $3 IN ('completed', 'terminated') THEN $5 ELSE ended_at END
         WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(reason)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn insert_version(
    conn: &mut AnyConnection,
    id: &str,
    version: i64,
    snapshot: &str,
    by: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO agreement_versions (agreement_id, version, snapshot, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (agreement_id, version) DO UPDATE SET snapshot = $3, created_by = $4, created_at = $5, asked_at = NULL",
    )
    .bind(id)
    .bind(version)
    .bind(snapshot)
    .bind(by)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// When `version` was frozen (submitted, or saved while signatures were collected).
pub async fn version_frozen_at(conn: &mut AnyConnection, id: &str, version: i64) -> R<Option<i64>> {
    sqlx::query_scalar(
        "SELECT created_at FROM agreement_versions WHERE agreement_id = $1 AND version = $2",
    )
    .bind(id)
    .bind(version)
    .fetch_optional(conn)
    .await
}

/// `(version, snapshot JSON)` of every frozen version, oldest first.
pub async fn versions(conn: &mut AnyConnection, id: &str) -> R<Vec<(i64, String)>> {
    sqlx::query_as(
        "SELECT version, snapshot FROM agreement_versions WHERE agreement_id = $1 ORDER BY version",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

pub async fn approvals(conn: &mut AnyConnection, id: &str) -> R<Vec<Approval>> {
    sqlx::query_as(
        "SELECT version, party, user_name, approved_at, signer_function, method FROM agreement_approvals
         WHERE agreement_id = $1 ORDER BY version, approved_at, party",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_item(
    conn: &mut AnyConnection,
    id: &str,
    agreement_id: &str,
    kind: &str,
    text: &str,
    by: &str,
    by_name: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO agreement_items (id, agreement_id, kind, text, created_by, created_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(agreement_id)
    .bind(kind)
    .bind(text)
    .bind(by)
    .bind(by_name)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Marks an item removed (kept for the history); `false` when there is no such live item.
pub async fn remove_item(
    conn: &mut AnyConnection,
    agreement_id: &str,
    item_id: &str,
    by: &str,
    by_name: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE agreement_items SET removed_by = $3, removed_name = $4, removed_at = $5
         WHERE id = $2 AND agreement_id = $1 AND removed_at IS NULL",
    )
    .bind(agreement_id)
    .bind(item_id)
    .bind(by)
    .bind(by_name)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every objective and task, removed ones included, in the order they were added.
pub async fn items(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Item>> {
    sqlx::query_as(
        "SELECT id, kind, text, created_name, removed_name, created_at, removed_at FROM agreement_items
         WHERE agreement_id = $1 ORDER BY created_at, id",
    )
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

/// Active agreements whose data access should end: the access end date (or the agreement's end)
/// is before `today`.
pub async fn access_to_end(conn: &mut AnyConnection) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT id, terms FROM agreements WHERE status = 'active' AND access_ended_at IS NULL",
    )
    .fetch_all(conn)
    .await
}

pub async fn end_access(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE agreements SET access_ended_at = $2 WHERE id = $1 AND access_ended_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// One agreement as the dashboard counts and lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DashboardAgreement {
    pub id: String,
    pub status: String,
    pub terms: String,
    /// The host's country (the offer's place).
    pub country: String,
    pub direction: String,
    pub created_at: i64,
    pub offer_title: String,
    pub participant_name: String,
    pub host_name: String,
}

/// The raw figures of a programme's dashboard.
pub struct DashboardRows {
    /// Every agreement of the programme.
    pub agreements: Vec<DashboardAgreement>,
    pub offers_published: i64,
    pub offers_without_applicants: i64,
    /// Seconds from application to first reply, for answered applications.
    pub reply_seconds: Vec<i64>,
    /// `(host organisation, seconds to first reply)` of answered applications.
    pub reply_by_host: Vec<(String, i64)>,
    pub satisfaction: Vec<i64>,
    /// Agreements completed or ended early.
    pub ended: i64,
    pub reports_in: i64,
    pub follow_ups_sent: i64,
    pub follow_ups_answered: i64,
}

pub async fn dashboard_rows(conn: &mut AnyConnection, programme_id: &str) -> R<DashboardRows> {
    let agreements = sqlx::query_as(
        "SELECT a.id, a.status, a.terms, o.country, o.direction, a.created_at, o.title AS offer_title,
                CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END AS participant_name,
                g.name AS host_name
         FROM agreements a JOIN offers o ON o.id = a.offer_id JOIN users u ON u.id = a.participant_id
         JOIN organisations g ON g.id = a.host_organisation_id
         WHERE a.programme_id = $1 ORDER BY a.created_at DESC, a.id",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let (offers_published, offers_without_applicants): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM applications x WHERE x.offer_id = o.id) THEN 1 ELSE 0 END), 0)
         FROM offers o WHERE o.programme_id = $1 AND o.published_at IS NOT NULL",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    let reply_seconds = sqlx::query_scalar(
        "SELECT a.first_reply_at - a.created_at FROM applications a JOIN offers o ON o.id = a.offer_id
         WHERE o.programme_id = $1 AND a.first_reply_at IS NOT NULL",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let reply_by_host = sqlx::query_as(
        "SELECT g.name, a.first_reply_at - a.created_at FROM applications a JOIN offers o ON o.id = a.offer_id
         JOIN organisations g ON g.id = o.organisation_id
         WHERE o.programme_id = $1 AND a.first_reply_at IS NOT NULL",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let satisfaction = sqlx::query_scalar(
        "SELECT r.satisfaction FROM closing_reports r JOIN agreements a ON a.id = r.agreement_id WHERE a.programme_id = $1",
    )
    .bind(programme_id)
    .fetch_all(&mut *conn)
    .await?;
    let ended = sqlx::query_scalar(
        "SELECT COUNT(*) FROM agreements WHERE programme_id = $1 AND status IN ('completed', 'terminated')",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    let reports_in = sqlx::query_scalar(
        "SELECT COUNT(*) FROM closing_reports r JOIN agreements a ON a.id = r.agreement_id
         WHERE a.programme_id = $1 AND a.status IN ('completed', 'terminated')",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    let (follow_ups_sent, follow_ups_answered): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COUNT(f.answered_at) FROM follow_ups f JOIN agreements a ON a.id = f.agreement_id
         WHERE a.programme_id = $1",
    )
    .bind(programme_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(DashboardRows {
        agreements,
        offers_published,
        offers_without_applicants,
        reply_seconds,
        reply_by_host,
        satisfaction,
        ended,
        reports_in,
        follow_ups_sent,
        follow_ups_answered,
    })
}
