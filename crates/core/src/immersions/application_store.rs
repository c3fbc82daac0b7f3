//! All SQL of applications, their message threads, contacts for notifications, and saved
//! searches.

use sqlx::AnyConnection;

use super::{Application, SavedSearch, ThreadMessage};

type R<T> = Result<T, sqlx::Error>;

macro_rules! application_select {
    () => {
        "SELECT a.id, a.offer_id, o.title AS offer_title, o.status AS offer_status,
                o.organisation_id AS host_organisation_id, g.name AS host_organisation_name,
                o.programme_id, a.applicant_id,
                CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END AS applicant_name,
                u.email AS applicant_email, a.home_organisation_id, h.name AS home_organisation_name,
                a.home_label, a.role_title, a.motivation, a.availability, a.languages, a.status,
                a.decision_reason, a.first_reply_at, a.created_at, a.updated_at
         FROM applications a JOIN offers o ON o.id = a.offer_id
         JOIN organisations g ON g.id = o.organisation_id
         JOIN users u ON u.id = a.applicant_id
         LEFT JOIN organisations h ON h.id = a.home_organisation_id"
    };
}

/// The fields of an application as written.
pub struct ApplicationRow<'a> {
    pub id: &'a str,
    pub offer_id: &'a str,
    pub applicant_id: &'a str,
    pub home_organisation_id: Option<&'a str>,
    pub home_label: &'a str,
    pub role_title: &'a str,
    pub motivation: &'a str,
    pub availability: &'a str,
    pub languages: &'a str,
    pub is_demo: bool,
    pub now: i64,
}

pub async fn insert_application(conn: &mut AnyConnection, a: &ApplicationRow<'_>) -> R<()> {
    sqlx::query(
        "INSERT INTO applications (id, offer_id, applicant_id, home_organisation_id, home_label, role_title,
            motivation, availability, languages, status, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'submitted', $10, $11, $11)",
    )
    .bind(a.id)
    .bind(a.offer_id)
    .bind(a.applicant_id)
    .bind(a.home_organisation_id)
    .bind(a.home_label)
    .bind(a.role_title)
    .bind(a.motivation)
    .bind(a.availability)
    .bind(a.languages)
    .bind(i64::from(a.is_demo))
    .bind(a.now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Whether the person already has a pending application to the offer.
pub async fn pending_application_of(
    conn: &mut AnyConnection,
    offer_id: &str,
    applicant_id: &str,
) -> R<Option<String>> {
    sqlx::query_scalar(
        "SELECT id FROM applications WHERE offer_id = $1 AND applicant_id = $2
           AND status IN ('submitted', 'shortlisted')",
    )
    .bind(offer_id)
    .bind(applicant_id)
    .fetch_optional(conn)
    .await
}

pub async fn application_by_id(conn: &mut AnyConnection, id: &str) -> R<Option<Application>> {
    sqlx::query_as(concat!(application_select!(), " WHERE a.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Applications a person made, newest first.
pub async fn applications_of_applicant(
    conn: &mut AnyConnection,
    user_id: &str,
) -> R<Vec<Application>> {
    sqlx::query_as(concat!(
        application_select!(),
        " WHERE a.applicant_id = $1 ORDER BY a.created_at DESC, a.id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Applications to offers of the organisations a person belongs to, or of the programmes they
/// coordinate, newest first.
pub async fn applications_to_manage(
    conn: &mut AnyConnection,
    user_id: &str,
) -> R<Vec<Application>> {
    sqlx::query_as(concat!(
        application_select!(),
        " WHERE o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)
             OR o.programme_id IN (SELECT id FROM programmes WHERE coordinator_id = $1)
          ORDER BY a.created_at DESC, a.id LIMIT 500"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Applications to one offer.
pub async fn applications_of_offer(
    conn: &mut AnyConnection,
    offer_id: &str,
) -> R<Vec<Application>> {
    sqlx::query_as(concat!(
        application_select!(),
        " WHERE a.offer_id = $1 ORDER BY a.created_at, a.id"
    ))
    .bind(offer_id)
    .fetch_all(conn)
    .await
}

/// Moves an application from `from` to `to`; `false` when its status changed meanwhile.
pub async fn set_application_status(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    reason: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE applications SET status = $3, decision_reason = $4, updated_at = $5
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

/// Records the first reply from the host's side, once.
pub async fn record_first_reply(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query(
        "UPDATE applications SET first_reply_at = $2 WHERE id = $1 AND first_reply_at IS NULL",
    )
    .bind(id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn insert_message(
    conn: &mut AnyConnection,
    id: &str,
    application_id: &str,
    author_id: &str,
    body: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO application_messages (id, application_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(application_id)
    .bind(author_id)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn thread(conn: &mut AnyConnection, application_id: &str) -> R<Vec<ThreadMessage>> {
    sqlx::query_as(
        "SELECT m.id, m.author_id,
                COALESCE(CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END, '') AS author_name,
                m.body, m.created_at
         FROM application_messages m LEFT JOIN users u ON u.id = m.author_id
         WHERE m.application_id = $1 ORDER BY m.created_at, m.id",
    )
    .bind(application_id)
    .fetch_all(conn)
    .await
}

/// `(email, locale, name)` of the host organisation's members (notifications).
pub async fn org_member_contacts(
    conn: &mut AnyConnection,
    org_id: &str,
) -> R<Vec<(String, String, String)>> {
    sqlx::query_as(
        "SELECT u.email, u.locale, u.id FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = $1 ORDER BY u.email",
    )
    .bind(org_id)
    .fetch_all(conn)
    .await
}

/// `(email, locale, id)` of one user.
pub async fn user_contact(
    conn: &mut AnyConnection,
    user_id: &str,
) -> R<Option<(String, String, String)>> {
    sqlx::query_as("SELECT email, locale, id FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_optional(conn)
        .await
}

pub async fn insert_saved_search(conn: &mut AnyConnection, s: &SavedSearch) -> R<()> {
    sqlx::query(
        "INSERT INTO saved_searches (id, user_id, label, query, frequency, last_sent_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&s.id)
    .bind(&s.user_id)
    .bind(&s.label)
    .bind(&s.query)
    .bind(&s.frequency)
    .bind(s.last_sent_at)
    .bind(s.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn saved_searches_of(conn: &mut AnyConnection, user_id: &str) -> R<Vec<SavedSearch>> {
    sqlx::query_as(
        "SELECT id, user_id, label, query, frequency, last_sent_at, created_at FROM saved_searches
         WHERE user_id = $1 ORDER BY created_at, id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Saved searches due for an alert: immediate ones always, weekly ones a week after the last.
pub async fn saved_searches_due(conn: &mut AnyConnection, now: i64) -> R<Vec<SavedSearch>> {
    sqlx::query_as(
        "SELECT id, user_id, label, query, frequency, last_sent_at, created_at FROM saved_searches
         WHERE frequency = 'immediate' OR last_sent_at <= $1 ORDER BY id",
    )
    .bind(now - 7 * 86_400)
    .fetch_all(conn)
    .await
}

pub async fn mark_saved_search_sent(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query("UPDATE saved_searches SET last_sent_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn delete_saved_search(conn: &mut AnyConnection, id: &str, user_id: &str) -> R<bool> {
    let done = sqlx::query("DELETE FROM saved_searches WHERE id = $1 AND user_id = $2")
        .bind(id)
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// How many applications to the offer were accepted.
pub async fn accepted_count(conn: &mut AnyConnection, offer_id: &str) -> R<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM applications WHERE offer_id = $1 AND status = 'accepted'",
    )
    .bind(offer_id)
    .fetch_one(conn)
    .await
}
