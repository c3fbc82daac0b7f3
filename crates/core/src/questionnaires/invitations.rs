//! Invited audiences: one private link per person, sent by e-mail, and reminders to those who
//! have not answered. Only hashes of the links' tokens are stored; a reminder therefore carries
//! a fresh link (the previous one stops working). Whether someone answered is kept on the
//! invitation, never which response is theirs: submitting clears the response's link to it.

use super::responding::{OpenState, open_state};
use super::store::{self, InvitationRow};
use super::{Loaded, load_managed};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// At most this many addresses per sending.
pub const MAX_PER_SENDING: usize = 500;

pub async fn list(core: &Core, user: &User, id: &str) -> Result<(Loaded, Vec<InvitationRow>)> {
    let loaded = load_managed(core, user, id).await?;
    let mut conn = core.db.pool.acquire().await?;
    let rows = store::invitations(&mut conn, id).await?;
    Ok((loaded, rows))
}

fn link(core: &Core, id: &str, token: &str) -> String {
    core.link(&format!("/q/{id}?invitation={token}"))
}

/// Invites every address of `emails` (one per line, or separated by commas or semicolons) not
/// invited yet; returns how many were invited. One invalid address refuses the whole list.
pub async fn invite(
    core: &Core,
    user: &User,
    id: &str,
    emails: &str,
    actor: &Actor,
) -> Result<usize> {
    let loaded = load_managed(core, user, id).await?;
    let mut e = FieldErrors::default();
    let mut list: Vec<String> = Vec::new();
    for raw in emails
        .split(['\n', ',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let mut one = FieldErrors::default();
        let email = validate::email(&mut one, "emails", raw);
        if !one.is_empty() {
            e.add("emails", "questionnaire-invitation-email-invalid");
        } else if !list.contains(&email) {
            list.push(email);
        }
    }
    if list.is_empty() {
        e.add("emails", "field-required");
    } else if list.len() > MAX_PER_SENDING {
        e.add("emails", "questionnaire-invitation-too-many");
    }
    e.into_result()?;
    if open_state(&loaded.row, core.clock.unix()) != OpenState::Open {
        return Err(Error::Conflict("questionnaire-not-open"));
    }
    let lang = loaded.def.default_language().to_owned();
    let title = loaded.def.title.get(&lang, &lang).to_owned();
    let locale = Locale::parse(&lang).unwrap_or_default();
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut sent = 0;
    for email in &list {
        let token = new_token()?;
        if store::insert_invitation(&mut tx, &new_id(), id, email, &hash_token(&token), now).await?
        {
            let message = Message::QuestionnaireInvitation {
                title: title.clone(),
                reminder: false,
                link: link(core, id, &token),
            };
            mail::enqueue(&mut tx, now, email, locale, &message).await?;
            sent += 1;
        }
    }
    let count = sent.to_string();
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::QUESTIONNAIRE_CHANGED)
            .target("questionnaire", id)
            .subject(&title)
            .details(&count),
    )
    .await?;
    tx.commit().await?;
    Ok(sent)
}

/// Reminds everyone invited who has not answered; returns how many.
pub async fn remind(core: &Core, user: &User, id: &str, actor: &Actor) -> Result<usize> {
    let loaded = load_managed(core, user, id).await?;
    if open_state(&loaded.row, core.clock.unix()) != OpenState::Open {
        return Err(Error::Conflict("questionnaire-not-open"));
    }
    let lang = loaded.def.default_language().to_owned();
    let title = loaded.def.title.get(&lang, &lang).to_owned();
    let locale = Locale::parse(&lang).unwrap_or_default();
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut sent = 0;
    for inv in store::invitations(&mut tx, id).await? {
        if inv.answered_at.is_some() {
            continue;
        }
        let token = new_token()?;
        store::renew_invitation(&mut tx, &inv.id, &hash_token(&token), now).await?;
        let message = Message::QuestionnaireInvitation {
            title: title.clone(),
            reminder: true,
            link: link(core, id, &token),
        };
        mail::enqueue(&mut tx, now, &inv.email, locale, &message).await?;
        sent += 1;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::QUESTIONNAIRE_CHANGED)
            .target("questionnaire", id)
            .subject(&title)
            .details("reminders"),
    )
    .await?;
    tx.commit().await?;
    Ok(sent)
}
