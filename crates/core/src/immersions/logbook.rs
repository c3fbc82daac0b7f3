//! The logbook (*journal de bord*): dated entries the participant writes during the immersion,
//! each private, shared with the tutor (the host), or shared with every party of the programme;
//! optional reflective prompts. And cross-immersion pairs: two agreements shown together.

use sqlx::AnyConnection;

use super::{Agreement, AgreementStatus, Party};
use crate::accounts::{Role, User};
use crate::code_enum;
use crate::ids::new_id;
use crate::text::split_list;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

code_enum! {
    /// What an entry records.
    pub enum EntryKind {
        Observation = "observation",
        Question = "question",
        Inspiration = "inspiration",
        Meeting = "meeting",
        FamilyWorkshop = "family-workshop",
        Other = "other",
    }
}

code_enum! {
    /// Who reads an entry besides its author.
    pub enum EntryVisibility {
        Private = "private",
        /// The host organisation (the tutor's side).
        Tutor = "tutor",
        /// Every party of the agreement, the coordinator included.
        Programme = "programme",
    }
}

/// Reflective prompts offered when writing (Fluent `logbook-prompt-<code>`).
pub const PROMPTS: &[&str] = &["surprise", "transfer", "family", "role", "question-back"];

/// A logbook entry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LogbookEntry {
    pub id: String,
    pub entry_date: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub tags: String,
    pub prompt: String,
    pub visibility: String,
    pub created_at: i64,
}

impl LogbookEntry {
    pub fn tag_list(&self) -> Vec<String> {
        split_list(&self.tags)
    }
}

/// The logbook form, as typed.
#[derive(Debug, Clone, Default)]
pub struct EntryInput {
    pub entry_date: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub tags: String,
    pub prompt: String,
    pub visibility: String,
}

/// Which entries `parties` may read: the participant all of them, the host shared ones, other
/// parties (and administrators) those shared with the programme.
pub fn readable_visibilities(parties: &[Party]) -> &'static [&'static str] {
    if parties.contains(&Party::Participant) {
        &["private", "tutor", "programme"]
    } else if parties.contains(&Party::Host) {
        &["tutor", "programme"]
    } else {
        &["programme"]
    }
}

/// A logbook as one party sees it.
#[derive(Debug, Clone)]
pub struct LogbookView {
    pub agreement: Agreement,
    pub entries: Vec<LogbookEntry>,
    /// The files of the entries shown.
    pub files: Vec<super::Attachment>,
    pub may_write: bool,
    pub accepted_extensions: String,
}

impl LogbookView {
    pub fn files_of(&self, entry_id: &str) -> Vec<&super::Attachment> {
        self.files
            .iter()
            .filter(|f| f.logbook_entry_id.as_deref() == Some(entry_id))
            .collect()
    }
}

async fn entries(
    conn: &mut AnyConnection,
    agreement_id: &str,
    visible: &[&str],
) -> Result<Vec<LogbookEntry>> {
    let rows: Vec<LogbookEntry> = sqlx::query_as(
        "SELECT id, entry_date, kind, title, body, tags, prompt, visibility, created_at FROM logbook_entries
         WHERE agreement_id = $1 ORDER BY entry_date DESC, created_at DESC, id",
    )
    .bind(agreement_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .filter(|e| visible.contains(&e.visibility.as_str()))
        .collect())
}

fn may_write(a: &Agreement, parties: &[Party]) -> bool {
    parties.contains(&Party::Participant)
        && matches!(
            a.status(),
            AgreementStatus::Approved
                | AgreementStatus::Active
                | AgreementStatus::Completed
                | AgreementStatus::Terminated
        )
}

/// The logbook of an agreement, filtered for the viewer.
pub async fn logbook(core: &Core, user: &User, agreement_id: &str) -> Result<LogbookView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, parties) = super::agreements::load_for(&mut conn, user, agreement_id).await?;
    let visible = if parties.is_empty() && user.role == Role::Administrator {
        &["programme"][..]
    } else {
        readable_visibilities(&parties)
    };
    let entries = entries(&mut conn, agreement_id, visible).await?;
    let files = super::capitalisation_store::attachments_of(&mut conn, agreement_id)
        .await?
        .into_iter()
        .filter(|f| {
            f.logbook_entry_id
                .as_deref()
                .is_some_and(|id| entries.iter().any(|e| e.id == id))
        })
        .collect();
    Ok(LogbookView {
        entries,
        files,
        may_write: may_write(&agreement, &parties),
        accepted_extensions: super::attachments::accept_attribute(),
        agreement,
    })
}

/// Writes an entry, with its files; only the participant, once the agreement is approved.
pub async fn write_entry(
    core: &Core,
    user: &User,
    agreement_id: &str,
    input: &EntryInput,
    uploads: &[super::Upload],
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (agreement, parties) = super::agreements::load_for(&mut tx, user, agreement_id).await?;
    if !may_write(&agreement, &parties) {
        return Err(if parties.contains(&Party::Participant) {
            Error::Conflict("logbook-not-open")
        } else {
            Error::Forbidden
        });
    }
    let mut e = FieldErrors::default();
    let date = super::parse_date(&mut e, "entry_date", &input.entry_date);
    if date.is_empty() && e.get("entry_date").is_none() {
        e.add("entry_date", "field-required");
    }
    let kind = validate::choice(
        &mut e,
        "kind",
        &input.kind,
        EntryKind::parse,
        EntryKind::Other,
    );
    let title = validate::text(&mut e, "title", &input.title, true, 200);
    let body = validate::text(&mut e, "body", &input.body, true, 20_000);
    let tags: Vec<String> = split_list(&input.tags)
        .into_iter()
        .map(|t| t.to_lowercase())
        .collect();
    if tags.len() > 12 || tags.iter().any(|t| t.chars().count() > 60) {
        e.add("tags", "logbook-tags-invalid");
    }
    let prompt = input.prompt.trim();
    if !prompt.is_empty() && !PROMPTS.contains(&prompt) {
        e.add("prompt", "field-choice-invalid");
    }
    let visibility = validate::choice(
        &mut e,
        "visibility",
        &input.visibility,
        EntryVisibility::parse,
        EntryVisibility::Private,
    );
    let files = super::attachments::check(&mut e, "files", uploads, core.config.max_upload_bytes);
    e.into_result()?;
    let now = core.clock.unix();
    let entry_id = new_id();
    sqlx::query(
        "INSERT INTO logbook_entries (id, agreement_id, author_id, entry_date, kind, title, body, tags, prompt, visibility, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&entry_id)
    .bind(agreement_id)
    .bind(&user.id)
    .bind(&date)
    .bind(kind.code())
    .bind(&title)
    .bind(&body)
    .bind(tags.join(","))
    .bind(prompt)
    .bind(visibility.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    super::attachments::store_files(
        &mut tx,
        now,
        super::capitalisation_store::FileOwner::Entry {
            agreement_id,
            entry_id: &entry_id,
        },
        &user.id,
        &files,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The agreement paired with `agreement_id` as a cross-immersion, if any.
pub async fn pair_of(core: &Core, agreement_id: &str) -> Result<Option<String>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(sqlx::query_scalar(
        "SELECT CASE WHEN first_id = $1 THEN second_id ELSE first_id END FROM agreement_pairs
         WHERE first_id = $1 OR second_id = $1",
    )
    .bind(agreement_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// Links two agreements as a cross-immersion: the host of one must be the home of the other,
/// and the reverse. The coordinator of the programme (or an administrator) links them.
pub async fn pair_agreements(core: &Core, user: &User, first: &str, second: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = super::agreements::load_for(&mut tx, user, first).await?;
    if !(parties.contains(&Party::Coordinator) || user.role == Role::Administrator) {
        return Err(Error::Forbidden);
    }
    let b = super::agreement_store::by_id(&mut tx, second.trim())
        .await?
        .ok_or_else(|| Error::field("other", "pair-unknown-agreement"))?;
    let mirrors = a.id != b.id
        && b.home_organisation_id.as_deref() == Some(a.host_organisation_id.as_str())
        && a.home_organisation_id.as_deref() == Some(b.host_organisation_id.as_str());
    if !mirrors {
        return Err(Error::field("other", "pair-not-reciprocal"));
    }
    let paired: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM agreement_pairs WHERE first_id IN ($1, $2) OR second_id IN ($1, $2)",
    )
    .bind(&a.id)
    .bind(&b.id)
    .fetch_one(&mut *tx)
    .await?;
    if paired > 0 {
        return Err(Error::field("other", "pair-already-paired"));
    }
    sqlx::query("INSERT INTO agreement_pairs (id, first_id, second_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(new_id())
        .bind(&a.id)
        .bind(&b.id)
        .bind(&user.id)
        .bind(core.clock.unix())
        .execute(&mut *tx)
        .await
        .map_err(|e| crate::error::on_unique(e, "other", "pair-already-paired"))?;
    tx.commit().await?;
    Ok(())
}
