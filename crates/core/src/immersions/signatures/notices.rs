//! Asking signatories to sign (single-use links, reminders) and telling every party of each step.

use sqlx::AnyConnection;

use super::super::agreement_store as store;
use super::super::signature_store as sig_store;
use super::super::{Agreement, Party};
use super::*;
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
use crate::{Core, Error, Locale, Result};

/// E-mails `signatory` a single-use link to sign the agreement's current version.
pub(super) async fn ask(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    signatory: &Signatory,
    reminder: bool,
) -> Result<String> {
    let now = core.clock.unix();
    // One live link per signatory: a new one (a reminder, a new version) replaces the others.
    sig_store::revoke_links(conn, &a.id, &signatory.party, now).await?;
    let token = new_token()?;
    let expires = now + core.config.signing_link_days * 86_400;
    sig_store::insert_link(
        conn,
        &hash_token(&token),
        &a.id,
        &signatory.party,
        a.version,
        &signatory.email,
        now,
        expires,
    )
    .await?;
    let (locale, zone) = reader_of(conn, core, &signatory.email).await?;
    let msg = Message::SignatureRequest {
        offer: a.offer_title.clone(),
        party: signatory.party.clone(),
        name: signatory.name.clone(),
        version: a.version,
        amendment: a.signed_version.is_some(),
        reminder,
        org: match signatory.party.as_str() {
            "host" => a.host_organisation_name.clone(),
            _ => a.home().to_owned(),
        },
        participant: a.participant_name.clone(),
        until: crate::clock::format_instant_in(expires, locale, &zone),
        link: core.link(&format!("/sign/{token}")),
    };
    mail::enqueue(conn, now, &signatory.email, locale, &msg).await?;
    sig_store::mark_asked(conn, &a.id, &signatory.party, reminder, now).await?;
    let kind = if reminder {
        NoticeKind::SignatureReminder
    } else {
        NoticeKind::SignatureRequest
    };
    sig_store::insert_notice(
        conn,
        &new_id(),
        &a.id,
        kind.code(),
        &signatory.party,
        &signatory.name,
        "",
        a.version,
        now,
    )
    .await?;
    Ok(token)
}

/// Sends `party`'s signatory a new link and returns its token (the demo signs through it).
pub(in crate::immersions) async fn fresh_link(
    core: &Core,
    id: &str,
    party: Party,
) -> Result<String> {
    let mut tx = core.db.begin().await?;
    let a = store::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    let s = sig_store::signatories(&mut tx, id)
        .await?
        .into_iter()
        .find(|s| s.party == party.code())
        .ok_or(Error::NotFound)?;
    let token = ask(&mut tx, core, &a, &s, false).await?;
    tx.commit().await?;
    Ok(token)
}

/// Asks every named signatory to sign the current version, and tells the participant and the
/// coordinator it awaits them (`kind`: ready to sign, or amendment proposed).
pub(in crate::immersions) async fn ask_everyone(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    kind: NoticeKind,
    except: &str,
) -> Result<()> {
    sig_store::mark_version_asked(conn, &a.id, a.version, core.clock.unix()).await?;
    let signed = signed_parties(conn, a).await?;
    for s in sig_store::signatories(conn, &a.id).await? {
        if !signed.contains(&s.party) {
            ask(conn, core, a, &s, false).await?;
        }
    }
    notify(
        conn,
        core,
        a,
        kind,
        "",
        except,
        &[Party::Participant, Party::Coordinator],
    )
    .await
}

/// Asks the parties to sign an agreement edited while signatures were collected, once its
/// version has stayed unchanged for `signing_quiet_minutes` (the job each edit enqueues; jobs
/// of versions edited since, or already asked, do nothing). `by` edited it and is not told.
pub async fn ask_after_change(core: &Core, id: &str, version: i64, by: &str) -> Result<()> {
    let mut tx = core.db.begin().await?;
    // Under the agreement's row lock: an edit or a signatory named meanwhile waits, or is seen.
    store::lock(&mut tx, id).await?;
    let Some(a) = store::by_id(&mut tx, id).await? else {
        return Ok(());
    };
    let now = core.clock.unix();
    let quiet = core.config.signing_quiet_minutes * 60;
    if a.version != version
        || !awaiting_signatures(&a)
        || sig_store::asked_for_version(&mut tx, id, version).await?
    {
        return Ok(());
    }
    match store::version_frozen_at(&mut tx, id, version).await? {
        None => return Ok(()),
        // Too early for this version (the quiet time was lengthened, or a withdrawn
        // amendment's number was used again): asked when its own quiet time ends.
        Some(t) if t + quiet > now => {
            crate::jobs::enqueue_at(
                &mut tx,
                now,
                t + quiet,
                crate::jobs::JobKind::AskSignatures {
                    agreement_id: id.to_owned(),
                    version,
                    by: by.to_owned(),
                },
            )
            .await?;
            tx.commit().await?;
            return Ok(());
        }
        Some(_) => {}
    }
    let kind = if a.signed_version.is_some() {
        NoticeKind::AmendmentProposed
    } else {
        NoticeKind::ReadyToSign
    };
    ask_everyone(&mut tx, core, &a, kind, by).await?;
    tx.commit().await?;
    Ok(())
}

/// When the parties of a version edited while signatures are collected will be asked to sign
/// it (`None` once they were, or when no signatures are being collected).
pub(in crate::immersions) async fn asking_at(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
) -> Result<Option<i64>> {
    if !awaiting_signatures(a) || sig_store::asked_for_version(conn, &a.id, a.version).await? {
        return Ok(None);
    }
    let frozen = store::version_frozen_at(conn, &a.id, a.version).await?;
    Ok(frozen.map(|t| t + core.config.signing_quiet_minutes * 60))
}

/// The parties (codes) that signed the agreement's current version.
async fn signed_parties(conn: &mut AnyConnection, a: &Agreement) -> Result<Vec<String>> {
    Ok(store::approvals(conn, &a.id)
        .await?
        .into_iter()
        .filter(|p| p.version == a.version)
        .map(|p| p.party)
        .collect())
}

/// The language and time zone of whoever holds `email`: their account's, else French and the
/// platform's zone.
async fn reader_of(conn: &mut AnyConnection, core: &Core, email: &str) -> Result<(Locale, String)> {
    let account = sig_store::locale_of_email(conn, email).await?;
    let locale = account
        .as_ref()
        .and_then(|(l, _)| Locale::parse(l))
        .unwrap_or_default();
    let zone = account
        .map(|(_, z)| z)
        .filter(|z| !z.is_empty())
        .unwrap_or_else(|| core.config.time_zone.clone());
    Ok((locale, zone))
}

/// One person told of the agreement's steps.
struct Recipient {
    party: Party,
    name: String,
    email: String,
    locale: Locale,
}

async fn recipients(conn: &mut AnyConnection, a: &Agreement) -> Result<Vec<Recipient>> {
    let mut out = Vec::new();
    let account = |party: Party, row: Option<(String, String, String)>, name: String| {
        row.map(|(email, locale, _)| Recipient {
            party,
            name,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
        })
    };
    let p = crate::immersions::store::user_contact(conn, &a.participant_id).await?;
    out.extend(account(Party::Participant, p, a.participant_name.clone()));
    for s in sig_store::signatories(conn, &a.id).await? {
        let Some(party) = Party::parse(&s.party) else {
            continue;
        };
        let locale = sig_store::locale_of_email(conn, &s.email)
            .await?
            .and_then(|(l, _)| Locale::parse(&l))
            .unwrap_or_default();
        out.push(Recipient {
            party,
            name: s.name,
            email: s.email,
            locale,
        });
    }
    if let Some(c) = &a.coordinator_id {
        let row = crate::immersions::store::user_contact(conn, c).await?;
        let name = row
            .as_ref()
            .map(|(email, _, _)| email.clone())
            .unwrap_or_default();
        let name = display_name(conn, c).await?.unwrap_or(name);
        out.extend(account(Party::Coordinator, row, name));
    }
    Ok(out)
}

async fn display_name(conn: &mut AnyConnection, user_id: &str) -> Result<Option<String>> {
    Ok(sqlx::query_scalar(
        "SELECT CASE WHEN display_name = '' THEN email ELSE display_name END FROM users WHERE id = $1",
    )
    .bind(user_id)
    .fetch_optional(conn)
    .await?)
}

/// Tells the parties (`only` them when not empty) of a step, each in their language, except
/// the person who took it (`except`, an address); each message is kept in the agreement's
/// notice history.
#[allow(clippy::too_many_arguments)]
pub(in crate::immersions) async fn notify(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    kind: NoticeKind,
    who: &str,
    except: &str,
    only: &[Party],
) -> Result<()> {
    let now = core.clock.unix();
    let mut seen: Vec<String> = Vec::new();
    for r in recipients(conn, a).await? {
        let email = r.email.to_lowercase();
        if (!only.is_empty() && !only.contains(&r.party))
            || email == except.to_lowercase()
            || seen.contains(&email)
        {
            continue;
        }
        seen.push(email);
        let msg = Message::AgreementNotice {
            kind: kind.code().to_owned(),
            offer: a.offer_title.clone(),
            who: who.to_owned(),
            version: a.version,
            link: core.link(&format!("/agreements/{}", a.id)),
        };
        mail::enqueue(conn, now, &r.email, r.locale, &msg).await?;
        sig_store::insert_notice(
            conn,
            &new_id(),
            &a.id,
            kind.code(),
            r.party.code(),
            &r.name,
            who,
            a.version,
            now,
        )
        .await?;
    }
    Ok(())
}

/// Reminds the signatories who have not signed after `signature_reminder_days`, with a new
/// link, and asks those of a version left unasked. Run by the hourly sweep. Returns how many
/// were reminded.
pub async fn remind_signatories(core: &Core) -> Result<usize> {
    let now = core.clock.unix();
    // A version whose request job never ran to its end (it failed for good) is asked now.
    let quiet_since = now - core.config.signing_quiet_minutes * 60;
    let mut conn = core.db.pool.acquire().await?;
    let mut unasked = Vec::new();
    for id in sig_store::awaiting_since(&mut conn, quiet_since).await? {
        if let Some(a) = store::by_id(&mut conn, &id).await?
            && !sig_store::asked_for_version(&mut conn, &id, a.version).await?
        {
            unasked.push((id, a.version));
        }
    }
    drop(conn);
    for (id, version) in unasked {
        ask_after_change(core, &id, version, "").await?;
    }
    let before = now - core.config.signature_reminder_days * 86_400;
    let mut tx = core.db.begin().await?;
    let mut n = 0;
    for (id, party) in sig_store::unsigned_since(&mut tx, before).await? {
        let Some(a) = store::by_id(&mut tx, &id).await? else {
            continue;
        };
        let (sent, _) = sig_store::reminders(&mut tx, &id, &party, a.version).await?;
        if sent >= MAX_REMINDERS {
            continue;
        }
        let Some(s) = sig_store::signatories(&mut tx, &id)
            .await?
            .into_iter()
            .find(|s| s.party == party)
        else {
            continue;
        };
        ask(&mut tx, core, &a, &s, true).await?;
        n += 1;
    }
    n += remind_account_signers(&mut tx, core, before).await?;
    tx.commit().await?;
    Ok(n)
}

/// Reminds the participant and the coordinator — who sign from their accounts, without links —
/// of a version they have not signed after `signature_reminder_days`, at most
/// [`MAX_REMINDERS`] times per version, at the same pace as the organisations' signatories.
async fn remind_account_signers(
    conn: &mut AnyConnection,
    core: &Core,
    before: i64,
) -> Result<usize> {
    let mut n = 0;
    for id in sig_store::awaiting_since(conn, before).await? {
        let Some(a) = store::by_id(conn, &id).await? else {
            continue;
        };
        if !sig_store::asked_for_version(conn, &id, a.version).await? {
            continue; // edited lately: the parties are not asked yet
        }
        let signed = signed_parties(conn, &a).await?;
        for party in a.required_parties() {
            if !matches!(party, Party::Participant | Party::Coordinator)
                || signed.iter().any(|p| p == party.code())
            {
                continue;
            }
            let code = party.code();
            let (sent, last) = sig_store::reminders(conn, &id, code, a.version).await?;
            if sent >= MAX_REMINDERS || last.is_some_and(|t| t > before) {
                continue;
            }
            notify(
                conn,
                core,
                &a,
                NoticeKind::SignatureReminder,
                "",
                "",
                &[party],
            )
            .await?;
            n += 1;
        }
    }
    Ok(n)
}

/// Tells the participant and the host's signatory that data access ends within
/// [`ACCESS_ENDING_DAYS`] (once per agreement).
pub(in crate::immersions) async fn warn_access_ending(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
) -> Result<bool> {
    if sig_store::notice_sent(conn, &a.id, NoticeKind::AccessEnding.code()).await? {
        return Ok(false);
    }
    notify(
        conn,
        core,
        a,
        NoticeKind::AccessEnding,
        "",
        "",
        &[Party::Participant, Party::Host],
    )
    .await?;
    Ok(true)
}
