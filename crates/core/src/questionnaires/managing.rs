//! Response management: the list of responses, complete and partial (drafts still open, or
//! kept at closing), deleting one with a reason, and giving a submitted identified response
//! back to its respondent. Every change is audited.

use super::answers::{self, Given};
use super::model::Mode;
use super::store::{self, ResponseItem};
use super::{Loaded, load_definition, load_managed};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// Which responses a list or an export takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Include {
    /// Submitted responses only.
    #[default]
    Complete,
    /// Drafts only (LimeSurvey's partial responses).
    Partial,
    /// Both, each marked with its status.
    All,
}

impl Include {
    pub fn parse(s: &str) -> Include {
        match s {
            "partial" => Include::Partial,
            "all" => Include::All,
            _ => Include::Complete,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Include::Complete => "complete",
            Include::Partial => "partial",
            Include::All => "all",
        }
    }

    /// The response status a list keeps (`""`: every one).
    pub(super) fn status(self) -> &'static str {
        match self {
            Include::Complete => "submitted",
            Include::Partial => "draft",
            Include::All => "",
        }
    }

    /// Whether answers of drafts count.
    pub fn with_drafts(self) -> bool {
        self != Include::Complete
    }
}

/// What an analyst calls a response's status: `complete` or `partial`.
pub fn status_label(status: &str) -> &'static str {
    if status == "submitted" {
        "complete"
    } else {
        "partial"
    }
}

/// A page of responses (51 asked, to tell whether there is a next page), last active first.
pub async fn responses(
    core: &Core,
    user: &User,
    id: &str,
    include: Include,
    page: usize,
) -> Result<(Loaded, Vec<ResponseItem>)> {
    let loaded = load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let offset = (page.saturating_sub(1) * 50) as i64;
    let list = store::response_items(&mut conn, id, include.status(), 51, offset).await?;
    Ok((loaded, list))
}

/// Deletes one response, complete or partial, with the reason given (kept in the audit log,
/// not the answers). A submitted response leaves the tallies; an identified respondent may
/// answer again.
pub async fn delete_response(
    core: &Core,
    user: &User,
    id: &str,
    response: &str,
    reason: &str,
    actor: &Actor,
) -> Result<()> {
    let loaded = load_managed(core, user, id).await?;
    let mut e = FieldErrors::default();
    let reason = validate::text(&mut e, "reason", reason, true, 500);
    e.into_result()?;
    let mut tx = core.db.begin().await?;
    let r = store::response(&mut tx, response)
        .await?
        .filter(|r| r.questionnaire_id == id)
        .ok_or(Error::NotFound)?;
    let def = load_definition(&mut tx, id, r.version).await?;
    let given = Given::from_rows(store::answers(&mut tx, &r.id).await?);
    // Conditional on the status read: of two deletes at once, one untallies.
    if !store::delete_response(&mut tx, &r.id, &r.status).await? {
        return Err(Error::Conflict("stale-status"));
    }
    if r.status == "submitted" {
        let (values, answered) = answers::tallied(&def, &given, None);
        store::tally(&mut tx, id, &values, &answered, -1).await?;
        if let Some(uid) = &r.user_id {
            store::forget_participant(&mut tx, id, uid).await?;
        }
    }
    if let Some(inv) = &r.invitation_id {
        store::invitation_reopened(&mut tx, inv).await?;
    }
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::RESPONSE_DELETED)
            .target("response", &r.id)
            .subject(&loaded.row.title)
            .details(&reason),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Gives a submitted response back to its respondent as a draft (identified mode only: an
/// anonymous or pseudonymous response has nobody to give it back to). Its answers leave the
/// results until the respondent submits again, from the questionnaire's page.
pub async fn reopen_response(
    core: &Core,
    user: &User,
    id: &str,
    response: &str,
    actor: &Actor,
) -> Result<()> {
    let loaded = load_managed(core, user, id).await?;
    let mut tx = core.db.begin().await?;
    let r = store::response(&mut tx, response)
        .await?
        .filter(|r| r.questionnaire_id == id)
        .ok_or(Error::NotFound)?;
    let Some(uid) = r
        .user_id
        .clone()
        .filter(|_| loaded.mode() == Mode::Identified)
    else {
        return Err(Error::Conflict("response-reopen-identified-only"));
    };
    let now = core.clock.unix();
    let def = load_definition(&mut tx, id, r.version).await?;
    let given = Given::from_rows(store::answers(&mut tx, &r.id).await?);
    if !store::reopen_response(&mut tx, &r.id, now).await? {
        return Err(Error::Conflict("response-not-submitted"));
    }
    let (values, answered) = answers::tallied(&def, &given, None);
    store::tally(&mut tx, id, &values, &answered, -1).await?;
    store::forget_participant(&mut tx, id, &uid).await?;
    if let Some(inv) = &r.invitation_id {
        store::invitation_reopened(&mut tx, inv).await?;
    }
    // The respondent is told, in their language, where to find their answers.
    if let Some(respondent) = crate::accounts::store::by_id(&mut tx, &uid).await? {
        mail::enqueue(
            &mut tx,
            now,
            &respondent.email,
            crate::Locale::parse(&respondent.locale).unwrap_or_default(),
            &Message::QuestionnaireReopened {
                title: loaded.row.title.clone(),
                link: core.link(&format!("/q/{id}")),
            },
        )
        .await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::RESPONSE_REOPENED)
            .target("response", &r.id)
            .subject(&loaded.row.title),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

impl Include {
    /// The answers a count reads.
    pub fn scope<'a>(self, filter: Option<(&'a str, &'a str)>) -> store::Scope<'a> {
        let (lo, hi) = match self {
            Include::Complete => (1, 1),
            Include::Partial => (0, 0),
            Include::All => (0, 1),
        };
        store::Scope { filter, lo, hi }
    }
}
