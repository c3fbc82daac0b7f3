//! SQL of capitalisation: attachments, outputs, contacts kept, follow-up actions, alumni.

use sqlx::AnyConnection;

use super::attachments::{Attachment, CheckedFile};
use super::capitalisation::{Contact, FollowUpAction, Output, PublicOutput};
use crate::ids::new_id;

type R<T> = Result<T, sqlx::Error>;

/// What a file belongs to.
pub enum FileOwner<'a> {
    Entry {
        agreement_id: &'a str,
        entry_id: &'a str,
    },
    Output {
        agreement_id: &'a str,
        output_id: &'a str,
    },
}

const ATTACHMENT_COLUMNS: &str =
    "id, agreement_id, logbook_entry_id, output_id, filename, content_type, size, created_at";

pub async fn insert_attachment(
    conn: &mut AnyConnection,
    now: i64,
    owner: &FileOwner<'_>,
    author_id: &str,
    f: &CheckedFile,
) -> R<()> {
    let (agreement, entry, output) = match owner {
        FileOwner::Entry {
            agreement_id,
            entry_id,
        } => (*agreement_id, Some(*entry_id), None),
        FileOwner::Output {
            agreement_id,
            output_id,
        } => (*agreement_id, None, Some(*output_id)),
    };
    sqlx::query(
        "INSERT INTO attachments (id, agreement_id, logbook_entry_id, output_id, filename, content_type, size, data, author_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(new_id())
    .bind(agreement)
    .bind(entry)
    .bind(output)
    .bind(&f.filename)
    .bind(f.content_type)
    .bind(f.bytes.len() as i64)
    .bind(&f.bytes[..])
    .bind(author_id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn attachment(conn: &mut AnyConnection, id: &str) -> R<Option<Attachment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn attachment_data(conn: &mut AnyConnection, id: &str) -> R<Option<Vec<u8>>> {
    sqlx::query_scalar("SELECT data FROM attachments WHERE id = $1")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Every file of an agreement (entries and outputs), oldest first.
pub async fn attachments_of(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Attachment>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ATTACHMENT_COLUMNS} FROM attachments WHERE agreement_id = $1 ORDER BY created_at, filename"
    )))
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

pub async fn entry_visibility(conn: &mut AnyConnection, entry_id: &str) -> R<Option<String>> {
    sqlx::query_scalar("SELECT visibility FROM logbook_entries WHERE id = $1")
        .bind(entry_id)
        .fetch_optional(conn)
        .await
}

const OUTPUT_COLUMNS: &str = "id, agreement_id, kind, title, description, url, visibility, author_id, author_name, created_at";

pub async fn insert_output(conn: &mut AnyConnection, o: &Output) -> R<()> {
    sqlx::query(
        "INSERT INTO immersion_outputs (id, agreement_id, kind, title, description, url, visibility, author_id, author_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&o.id)
    .bind(&o.agreement_id)
    .bind(&o.kind)
    .bind(&o.title)
    .bind(&o.description)
    .bind(&o.url)
    .bind(&o.visibility)
    .bind(&o.author_id)
    .bind(&o.author_name)
    .bind(o.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn output(conn: &mut AnyConnection, id: &str) -> R<Option<Output>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {OUTPUT_COLUMNS} FROM immersion_outputs WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn outputs_of(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Output>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {OUTPUT_COLUMNS} FROM immersion_outputs WHERE agreement_id = $1 ORDER BY created_at, id"
    )))
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

pub async fn delete_output(conn: &mut AnyConnection, agreement_id: &str, id: &str) -> R<bool> {
    sqlx::query("DELETE FROM immersion_outputs WHERE id = $1 AND agreement_id = $2")
        .bind(id)
        .bind(agreement_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() > 0)
}

/// The public outputs of a programme's immersions, newest first, with the file of each (if any).
pub async fn public_outputs(
    conn: &mut AnyConnection,
    programme_id: &str,
    limit: i64,
) -> R<Vec<PublicOutput>> {
    sqlx::query_as(
        "SELECT io.id, io.kind, io.title, io.description, io.url, io.created_at,
                org.name AS host_organisation_name,
                (SELECT MIN(at.id) FROM attachments at WHERE at.output_id = io.id) AS attachment_id
         FROM immersion_outputs io
         JOIN agreements a ON a.id = io.agreement_id
         JOIN offers o ON o.id = a.offer_id
         JOIN organisations org ON org.id = o.organisation_id
         WHERE o.programme_id = $1 AND io.visibility = 'public'
           AND a.status IN ('approved', 'active', 'completed', 'terminated')
         ORDER BY io.created_at DESC, io.id LIMIT $2",
    )
    .bind(programme_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

pub async fn insert_contact(conn: &mut AnyConnection, c: &Contact, agreement_id: &str) -> R<()> {
    sqlx::query(
        "INSERT INTO immersion_contacts (id, agreement_id, name, organisation, role, email, phone, met_how, consent_note, consent_at, author_id, author_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(&c.id)
    .bind(agreement_id)
    .bind(&c.name)
    .bind(&c.organisation)
    .bind(&c.role)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(&c.met_how)
    .bind(&c.consent_note)
    .bind(c.consent_at)
    .bind(&c.author_id)
    .bind(&c.author_name)
    .bind(c.consent_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn contacts_of(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<Contact>> {
    sqlx::query_as(
        "SELECT id, name, organisation, role, email, phone, met_how, consent_note, consent_at, author_id, author_name
         FROM immersion_contacts WHERE agreement_id = $1 ORDER BY name, id",
    )
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

pub async fn delete_contact(conn: &mut AnyConnection, agreement_id: &str, id: &str) -> R<bool> {
    sqlx::query("DELETE FROM immersion_contacts WHERE id = $1 AND agreement_id = $2")
        .bind(id)
        .bind(agreement_id)
        .execute(conn)
        .await
        .map(|r| r.rows_affected() > 0)
}

const ACTION_COLUMNS: &str = "id, agreement_id, description, owner_name, due_date, done_at, done_by, author_name, created_at";

pub async fn insert_action(conn: &mut AnyConnection, a: &FollowUpAction, author_id: &str) -> R<()> {
    sqlx::query(
        "INSERT INTO follow_up_actions (id, agreement_id, description, owner_name, due_date, author_id, author_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&a.id)
    .bind(&a.agreement_id)
    .bind(&a.description)
    .bind(&a.owner_name)
    .bind(&a.due_date)
    .bind(author_id)
    .bind(&a.author_name)
    .bind(a.created_at)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn actions_of(conn: &mut AnyConnection, agreement_id: &str) -> R<Vec<FollowUpAction>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_actions WHERE agreement_id = $1
         ORDER BY CASE WHEN done_at IS NULL THEN 0 ELSE 1 END, due_date, id"
    )))
    .bind(agreement_id)
    .fetch_all(conn)
    .await
}

/// Marks an open action done; `false` when it does not exist or was done already.
pub async fn complete_action(
    conn: &mut AnyConnection,
    agreement_id: &str,
    id: &str,
    by: &str,
    now: i64,
) -> R<bool> {
    sqlx::query(
        "UPDATE follow_up_actions SET done_at = $3, done_by = $4
         WHERE id = $1 AND agreement_id = $2 AND done_at IS NULL",
    )
    .bind(id)
    .bind(agreement_id)
    .bind(now)
    .bind(by)
    .execute(conn)
    .await
    .map(|r| r.rows_affected() > 0)
}

/// Open actions due on or before `today` that were never reminded.
pub async fn actions_due(conn: &mut AnyConnection, today: &str) -> R<Vec<FollowUpAction>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ACTION_COLUMNS} FROM follow_up_actions
         WHERE done_at IS NULL AND reminded_at IS NULL AND due_date <= $1 ORDER BY due_date, id"
    )))
    .bind(today)
    .fetch_all(conn)
    .await
}

/// The author of an action and the participant, deduplicated: `(email, locale)`.
pub async fn action_recipients(
    conn: &mut AnyConnection,
    action_id: &str,
) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT DISTINCT u.email, u.locale FROM follow_up_actions f
         JOIN agreements a ON a.id = f.agreement_id
         JOIN users u ON u.id = f.author_id OR u.id = a.participant_id
         WHERE f.id = $1 ORDER BY u.email",
    )
    .bind(action_id)
    .fetch_all(conn)
    .await
}

pub async fn mark_action_reminded(conn: &mut AnyConnection, id: &str, now: i64) -> R<()> {
    sqlx::query("UPDATE follow_up_actions SET reminded_at = $2 WHERE id = $1")
        .bind(id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Ended immersions (completed or terminated) by participant: one person's, or everyone's.
pub async fn past_immersions(
    conn: &mut AnyConnection,
    user_id: Option<&str>,
) -> R<Vec<super::alumni::PastImmersion>> {
    sqlx::query_as(
        "SELECT a.participant_id AS user_id, p.name AS programme_name, p.slug AS programme_slug,
                org.name AS host_organisation_name, o.title AS offer_title, o.country, o.period_start AS start
         FROM agreements a
         JOIN programmes p ON p.id = a.programme_id
         JOIN offers o ON o.id = a.offer_id
         JOIN organisations org ON org.id = a.host_organisation_id
         WHERE a.status IN ('completed', 'terminated') AND ($1 IS NULL OR a.participant_id = $1)
         ORDER BY a.participant_id, o.period_start DESC, a.id",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

const ALUMNI_COLUMNS: &str =
    "al.user_id, u.display_name, u.organisation_label, al.bio, al.topics, al.joined_at";

pub async fn alumni_profile(
    conn: &mut AnyConnection,
    user_id: &str,
) -> R<Option<super::alumni::AlumniProfile>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ALUMNI_COLUMNS} FROM alumni al JOIN users u ON u.id = al.user_id WHERE al.user_id = $1"
    )))
    .bind(user_id)
    .fetch_optional(conn)
    .await
}

pub async fn alumni_profiles(conn: &mut AnyConnection) -> R<Vec<super::alumni::AlumniProfile>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {ALUMNI_COLUMNS} FROM alumni al JOIN users u ON u.id = al.user_id
         ORDER BY u.display_name, al.user_id"
    )))
    .fetch_all(conn)
    .await
}

pub async fn upsert_alumni(
    conn: &mut AnyConnection,
    user_id: &str,
    bio: &str,
    topics: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO alumni (user_id, bio, topics, joined_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id) DO UPDATE SET bio = excluded.bio, topics = excluded.topics",
    )
    .bind(user_id)
    .bind(bio)
    .bind(topics)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn delete_alumni(conn: &mut AnyConnection, user_id: &str) -> R<()> {
    sqlx::query("DELETE FROM alumni WHERE user_id = $1")
        .bind(user_id)
        .execute(conn)
        .await
        .map(|_| ())
}

pub async fn questions_since(conn: &mut AnyConnection, asker_id: &str, since: i64) -> R<i64> {
    sqlx::query_scalar(
        "SELECT COUNT(*) FROM alumni_questions WHERE asker_id = $1 AND created_at >= $2",
    )
    .bind(asker_id)
    .bind(since)
    .fetch_one(conn)
    .await
}

pub async fn insert_question(
    conn: &mut AnyConnection,
    id: &str,
    alumnus_id: &str,
    asker_id: &str,
    now: i64,
) -> R<()> {
    sqlx::query(
        "INSERT INTO alumni_questions (id, alumnus_id, asker_id, created_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id)
    .bind(alumnus_id)
    .bind(asker_id)
    .bind(now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// `(email, locale, topics, programme id)` of every alumnus with a confirmed address, one row
/// per programme they took part in.
pub async fn alumni_contacts(conn: &mut AnyConnection) -> R<Vec<(String, String, String, String)>> {
    sqlx::query_as(
        "SELECT DISTINCT u.email, u.locale, al.topics, a.programme_id FROM alumni al
         JOIN users u ON u.id = al.user_id
         JOIN agreements a ON a.participant_id = al.user_id AND a.status IN ('completed', 'terminated')
         WHERE u.email_confirmed_at IS NOT NULL
         ORDER BY u.email",
    )
    .fetch_all(conn)
    .await
}
