//! Who signs an agreement, and how.
//!
//! The participant signs for themself and the programme's coordinator for the programme, from
//! their accounts. Each organisation (host, home employer) signs through one **named
//! signatory**: for an organisation on Passerelle, a person its administrators listed as
//! entitled to sign (organisation_signatories); for a home employer that is not on Passerelle, a
//! person named on the agreement. Nobody else approves for an organisation: not its other
//! members, not the coordinator, and never the participant (their address is refused as a
//! signatory). A signatory signs from an account holding their (confirmed) address, or through a
//! single-use link e-mailed to them, tied to one version, expiring, and recorded with time, IP and
//! browser.
//!
//! A change to a signed agreement is an **amendment**: a new version signed the same way while
//! the immersion goes on under the version in force (`signed_version`).

use sqlx::AnyConnection;

use super::agreement_store as store;
use super::signature_store::{self as sig_store, NewApproval};
use super::{Agreement, AgreementStatus, Party, Snapshot, Terms};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::{hash_token, new_id, new_token};
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

pub use super::signature_store::{Notice, OrgSignatory, Signatory};

crate::code_enum! {
    /// The steps of an agreement the parties are told of by e-mail.
    pub enum NoticeKind {
        Drafted = "drafted",
        ReadyToSign = "ready-to-sign",
        SignatureRequest = "signature-request",
        SignatureReminder = "signature-reminder",
        Signed = "signed",
        FullySigned = "fully-signed",
        AmendmentProposed = "amendment-proposed",
        AmendmentSigned = "amendment-signed",
        Started = "started",
        Completed = "completed",
        EndedEarly = "ended-early",
        Cancelled = "cancelled",
        AccessEnding = "access-ending",
        AccessEnded = "access-ended",
    }
}

/// Days before the end of data access when the parties are told it ends.
pub const ACCESS_ENDING_DAYS: i64 = 7;

/// What a form names as signatory: one of the organisation's listed signatories (`listed`, an
/// id), or — for a home employer not on Passerelle — a person typed in.
#[derive(Debug, Clone, Default)]
pub struct SignatoryInput {
    pub listed: String,
    pub name: String,
    pub function: String,
    pub email: String,
}

/// Whether signatures are being collected: a first version, or an amendment of a signed one.
pub fn awaiting_signatures(a: &Agreement) -> bool {
    match a.status() {
        AgreementStatus::InReview => true,
        AgreementStatus::Approved | AgreementStatus::Active => a.amendment_pending(),
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Who may sign for an organisation

async fn org_for_signatories(core: &Core, user: &User, slug: &str) -> Result<(String, bool)> {
    let view = crate::organisations::view(core, slug, Some(user)).await?;
    if !view.may_see_members(Some(user)) {
        return Err(Error::Forbidden);
    }
    Ok((view.org.id.clone(), view.may_manage(Some(user))))
}

/// The organisation's listed signatories (its members and administrators see them).
pub async fn org_signatories(core: &Core, user: &User, slug: &str) -> Result<Vec<OrgSignatory>> {
    let (org, _) = org_for_signatories(core, user, slug).await?;
    let mut conn = core.db.pool.acquire().await?;
    Ok(sig_store::org_signatories(&mut conn, &org).await?)
}

/// Lists a person as entitled to sign for the organisation (its administrators only).
pub async fn add_org_signatory(
    core: &Core,
    user: &User,
    slug: &str,
    input: &SignatoryInput,
    actor: &Actor,
) -> Result<()> {
    let (org, may_manage) = org_for_signatories(core, user, slug).await?;
    if !may_manage {
        return Err(Error::Forbidden);
    }
    let mut e = FieldErrors::default();
    let name = validate::text(&mut e, "signatory_name", &input.name, true, 200);
    let function = validate::text(&mut e, "signatory_function", &input.function, true, 200);
    let email = validate::email(&mut e, "signatory_email", &input.email);
    e.into_result()?;
    let mut tx = core.db.begin().await?;
    let now = core.clock.unix();
    let row = OrgSignatory {
        id: new_id(),
        organisation_id: org.clone(),
        name,
        function,
        email,
        created_at: now,
    };
    sig_store::insert_org_signatory(&mut tx, &row)
        .await
        .map_err(|err| match &err {
            sqlx::Error::Database(d) if d.is_unique_violation() => {
                Error::field("signatory_email", "signatory-email-taken")
            }
            _ => Error::Database(err),
        })?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ORG_SIGNATORIES_CHANGED)
            .target("organisation", &org)
            .details(&format!("added {}", row.email)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a listed signatory (agreements that named them keep their name until changed).
pub async fn remove_org_signatory(
    core: &Core,
    user: &User,
    slug: &str,
    id: &str,
    actor: &Actor,
) -> Result<()> {
    let (org, may_manage) = org_for_signatories(core, user, slug).await?;
    if !may_manage {
        return Err(Error::Forbidden);
    }
    let mut tx = core.db.begin().await?;
    if !sig_store::delete_org_signatory(&mut tx, &org, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::ORG_SIGNATORIES_CHANGED)
            .target("organisation", &org)
            .details(&format!("removed {id}")),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Who signs this agreement

/// The organisation whose listed signatories `party` chooses from; `None` for a home employer
/// that is not on Passerelle (its signatory is typed in).
fn org_of(a: &Agreement, party: Party) -> Option<&str> {
    match party {
        Party::Host => Some(a.host_organisation_id.as_str()),
        Party::Home => a.home_organisation_id.as_deref(),
        _ => None,
    }
}

/// The parties whose signatory `parties` (the viewer's) may name: an organisation's own members
/// and the coordinator; for a home employer not on Passerelle, any party.
pub fn may_name(a: &Agreement, parties: &[Party]) -> Vec<Party> {
    let coordinator = parties.contains(&Party::Coordinator);
    let mut out = Vec::new();
    if coordinator || parties.contains(&Party::Host) {
        out.push(Party::Host);
    }
    if coordinator
        || parties.contains(&Party::Home)
        || (a.home_organisation_id.is_none() && !parties.is_empty())
    {
        out.push(Party::Home);
    }
    out
}

/// The choices offered for naming each organisation's signatory: `(party, listed signatories)`,
/// the list `None` when the signatory is typed in.
pub async fn signatory_choices(
    core: &Core,
    a: &Agreement,
) -> Result<Vec<(Party, Option<Vec<OrgSignatory>>)>> {
    let mut conn = core.db.pool.acquire().await?;
    let mut out = Vec::new();
    for party in [Party::Host, Party::Home] {
        let list = match org_of(a, party) {
            Some(org) => Some(sig_store::org_signatories(&mut conn, org).await?),
            None => None,
        };
        out.push((party, list));
    }
    Ok(out)
}

/// Names who signs the agreement for `party` (host or home). Refused once that party signed
/// the version awaiting signatures. When signatures are being collected, the new signatory is
/// asked at once (links sent to the one they replace stop working).
pub async fn name_signatory(
    core: &Core,
    user: &User,
    id: &str,
    party: &str,
    input: &SignatoryInput,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = super::agreements::load_for(&mut tx, user, id).await?;
    if !a.status().is_editable() {
        return Err(Error::Conflict("agreement-closed"));
    }
    let party = Party::parse(party).ok_or(Error::Forbidden)?;
    if !party.is_employer() {
        return Err(Error::Conflict("agreement-signatory-fixed"));
    }
    if !may_name(&a, &parties).contains(&party) {
        return Err(Error::Forbidden);
    }
    let approvals = store::approvals(&mut tx, id).await?;
    if approvals
        .iter()
        .any(|x| x.version == a.version && x.party == party.code())
    {
        return Err(Error::Conflict("agreement-signatory-signed"));
    }
    let participant_email = super::store::user_contact(&mut tx, &a.participant_id)
        .await?
        .map(|(email, _, _)| email.to_lowercase())
        .unwrap_or_default();
    let mut e = FieldErrors::default();
    let (name, function, email) = match org_of(&a, party) {
        Some(org) => {
            let listed = sig_store::org_signatories(&mut tx, org).await?;
            match listed.into_iter().find(|s| s.id == input.listed) {
                Some(s) => (s.name, s.function, s.email),
                None => {
                    e.add("listed", "agreement-signatory-choose");
                    Default::default()
                }
            }
        }
        None => (
            validate::text(&mut e, "signatory_name", &input.name, true, 200),
            validate::text(&mut e, "signatory_function", &input.function, true, 200),
            validate::email(&mut e, "signatory_email", &input.email),
        ),
    };
    if !email.is_empty() && email.to_lowercase() == participant_email {
        let field = if org_of(&a, party).is_some() {
            "listed"
        } else {
            "signatory_email"
        };
        e.add(field, "agreement-signatory-not-participant");
    }
    e.into_result()?;
    let now = core.clock.unix();
    sig_store::set_signatory(&mut tx, id, party.code(), &name, &function, &email, now).await?;
    sig_store::revoke_links(&mut tx, id, party.code(), now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_SIGNATORY_NAMED)
            .target("agreement", id)
            .subject(&a.offer_title)
            .details(&format!("{} {email}", party.code())),
    )
    .await?;
    if awaiting_signatures(&a) {
        let signatory = sig_store::signatories(&mut tx, id)
            .await?
            .into_iter()
            .find(|s| s.party == party.code())
            .ok_or(Error::NotFound)?;
        ask(&mut tx, core, &a, &signatory, false).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Field errors for the organisations whose signatory is not named yet (submitting needs them).
pub(super) async fn check_signatories(conn: &mut AnyConnection, a: &Agreement) -> Result<()> {
    let named = sig_store::signatories(conn, &a.id).await?;
    let mut e = FieldErrors::default();
    for (party, field) in [
        (Party::Host, "host_signatory"),
        (Party::Home, "home_signatory"),
    ] {
        if a.required_parties().contains(&party) && !named.iter().any(|s| s.party == party.code()) {
            e.add(field, "agreement-signatory-missing");
        }
    }
    e.into_result()
}

/// E-mails `signatory` a single-use link to sign the agreement's current version.
async fn ask(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    signatory: &Signatory,
    reminder: bool,
) -> Result<String> {
    let now = core.clock.unix();
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
    let locale = locale_of(conn, &signatory.email).await?;
    let msg = Message::SignatureRequest {
        offer: a.offer_title.clone(),
        party: signatory.party.clone(),
        name: signatory.name.clone(),
        version: a.version,
        amendment: a.signed_version.is_some(),
        reminder,
        days: core.config.signing_link_days,
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
        a.version,
        now,
    )
    .await?;
    Ok(token)
}

/// Sends `party`'s signatory a new link and returns its token (the demo signs through it).
pub(super) async fn fresh_link(core: &Core, id: &str, party: Party) -> Result<String> {
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
pub(super) async fn ask_everyone(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    kind: NoticeKind,
    except: &str,
) -> Result<()> {
    for s in sig_store::signatories(conn, &a.id).await? {
        ask(conn, core, a, &s, false).await?;
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

async fn locale_of(conn: &mut AnyConnection, email: &str) -> Result<Locale> {
    Ok(sig_store::locale_of_email(conn, email)
        .await?
        .and_then(|l| Locale::parse(&l))
        .unwrap_or_default())
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
    let p = super::store::user_contact(conn, &a.participant_id).await?;
    out.extend(account(Party::Participant, p, a.participant_name.clone()));
    for s in sig_store::signatories(conn, &a.id).await? {
        let Some(party) = Party::parse(&s.party) else {
            continue;
        };
        let locale = locale_of(conn, &s.email).await?;
        out.push(Recipient {
            party,
            name: s.name,
            email: s.email,
            locale,
        });
    }
    if let Some(c) = &a.coordinator_id {
        let row = super::store::user_contact(conn, c).await?;
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
pub(super) async fn notify(
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
            a.version,
            now,
        )
        .await?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Signing

/// How one signature was given.
pub(super) struct Signer<'a> {
    pub user_id: Option<&'a str>,
    pub name: &'a str,
    pub function: &'a str,
    pub email: &'a str,
    pub method: &'a str,
    pub ip: &'a str,
    pub agent: &'a str,
}

/// Records the signature of `party` on the current version; the last one makes the agreement
/// signed (or the amendment in force). Everyone is told.
pub(super) async fn record_signature(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    party: Party,
    signer: &Signer<'_>,
) -> Result<()> {
    let now = core.clock.unix();
    let before = store::approvals(conn, &a.id).await?;
    if before
        .iter()
        .any(|x| x.version == a.version && x.party == party.code())
    {
        return Err(Error::Conflict("agreement-already-approved"));
    }
    sig_store::insert_approval(
        conn,
        &NewApproval {
            agreement_id: &a.id,
            version: a.version,
            party: party.code(),
            user_id: signer.user_id,
            name: signer.name,
            function: signer.function,
            method: signer.method,
            ip: signer.ip,
            agent: signer.agent,
            now,
        },
    )
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            Error::Conflict("agreement-already-approved")
        }
        _ => Error::Database(e),
    })?;
    let signed: Vec<&str> = before
        .iter()
        .filter(|x| x.version == a.version)
        .map(|x| x.party.as_str())
        .chain([party.code()])
        .collect();
    let complete = a
        .required_parties()
        .iter()
        .all(|p| signed.contains(&p.code()));
    if !complete {
        return notify(
            conn,
            core,
            a,
            NoticeKind::Signed,
            signer.name,
            signer.email,
            &[],
        )
        .await;
    }
    let kind = if a.status() == AgreementStatus::InReview {
        if !store::set_status(conn, &a.id, "in-review", "approved", "", now).await? {
            return Err(Error::Conflict("stale-status"));
        }
        NoticeKind::FullySigned
    } else {
        NoticeKind::AmendmentSigned
    };
    sig_store::set_signed_version(conn, &a.id, a.version, now).await?;
    notify(conn, core, a, kind, signer.name, "", &[]).await
}

/// A signing link as its holder sees it: the agreement, the version to sign and, for an
/// amendment, what changes from the version in force.
#[derive(Debug, Clone)]
pub struct SigningView {
    pub agreement: Agreement,
    pub party: Party,
    pub signatory: Signatory,
    pub version: Snapshot,
    /// For an amendment: the changes from the signed version.
    pub changes: Vec<super::ComparedField>,
    pub expires_at: i64,
}

/// Checks a link and returns what it signs; refusals say why (used, expired, replaced).
async fn open_link(conn: &mut AnyConnection, core: &Core, token: &str) -> Result<SigningView> {
    let link = sig_store::link(conn, &hash_token(token))
        .await?
        .ok_or(Error::NotFound)?;
    if link.used_at.is_some() {
        return Err(Error::Conflict("signing-link-used"));
    }
    if core.clock.unix() > link.expires_at {
        return Err(Error::Conflict("signing-link-expired"));
    }
    let a = store::by_id(conn, &link.agreement_id)
        .await?
        .ok_or(Error::NotFound)?;
    let signatory = sig_store::signatories(conn, &a.id)
        .await?
        .into_iter()
        .find(|s| s.party == link.party && s.email == link.email);
    let party = Party::parse(&link.party).ok_or(Error::NotFound)?;
    let Some(signatory) = signatory else {
        return Err(Error::Conflict("signing-link-replaced"));
    };
    if link.version != a.version || !awaiting_signatures(&a) {
        return Err(Error::Conflict("signing-link-replaced"));
    }
    let versions = store::versions(conn, &a.id).await?;
    let snap = |v: i64| -> Result<Snapshot> {
        let json = versions
            .iter()
            .find(|(n, _)| *n == v)
            .map(|(_, s)| s)
            .ok_or(Error::NotFound)?;
        serde_json::from_str(json).map_err(|e| Error::Internal(e.to_string()))
    };
    let version = snap(a.version)?;
    let changes = match a.signed_version {
        Some(v) if v < a.version => super::compare_snapshots(&snap(v)?, &version)
            .into_iter()
            .filter(|c| c.changed())
            .collect(),
        _ => Vec::new(),
    };
    Ok(SigningView {
        agreement: a,
        party,
        signatory,
        version,
        changes,
        expires_at: link.expires_at,
    })
}

/// What a signing link shows. Reading the terms through it is audited like any reading.
pub async fn signing_view(core: &Core, token: &str, actor: &Actor) -> Result<SigningView> {
    let mut tx = core.db.begin().await?;
    let view = open_link(&mut tx, core, token).await?;
    audit::record(
        &mut tx,
        core.clock.unix(),
        &Actor {
            email: view.signatory.email.clone(),
            ..actor.clone()
        },
        Entry::new(action::AGREEMENT_TERMS_READ)
            .target("agreement", &view.agreement.id)
            .subject(&view.agreement.offer_title)
            .details(&format!("signing link {}", view.party.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(view)
}

/// Signs through a link, once: the signatory confirms the employment conditions (both parties
/// signing by link are employers). Returns the agreement id.
pub async fn sign_with_link(
    core: &Core,
    token: &str,
    confirms_employment: bool,
    actor: &Actor,
    agent: &str,
) -> Result<String> {
    let mut tx = core.db.begin().await?;
    let view = open_link(&mut tx, core, token).await?;
    if view.party.is_employer() && !confirms_employment {
        return Err(Error::field(
            "confirm_employment",
            "agreement-confirm-employment",
        ));
    }
    let now = core.clock.unix();
    let agent: String = agent.chars().take(300).collect();
    if !sig_store::use_link(&mut tx, &hash_token(token), &actor.ip, &agent, now).await? {
        return Err(Error::Conflict("signing-link-used"));
    }
    let s = &view.signatory;
    record_signature(
        &mut tx,
        core,
        &view.agreement,
        view.party,
        &Signer {
            user_id: None,
            name: &s.name,
            function: &s.function,
            email: &s.email,
            method: "link",
            ip: &actor.ip,
            agent: &agent,
        },
    )
    .await?;
    audit::record(
        &mut tx,
        now,
        &Actor {
            email: s.email.clone(),
            ..actor.clone()
        },
        Entry::new(action::AGREEMENT_APPROVED)
            .target("agreement", &view.agreement.id)
            .subject(&view.agreement.offer_title)
            .details(&format!(
                "{} link v{}",
                view.party.code(),
                view.agreement.version
            )),
    )
    .await?;
    tx.commit().await?;
    Ok(view.agreement.id)
}

/// Reminds the signatories who have not signed after `signature_reminder_days`, with a new
/// link. Run by the hourly sweep. Returns how many were reminded.
pub async fn remind_signatories(core: &Core) -> Result<usize> {
    let now = core.clock.unix();
    let before = now - core.config.signature_reminder_days * 86_400;
    let mut tx = core.db.begin().await?;
    let mut n = 0;
    for (id, party) in sig_store::unsigned_since(&mut tx, before).await? {
        let Some(a) = store::by_id(&mut tx, &id).await? else {
            continue;
        };
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
    tx.commit().await?;
    Ok(n)
}

/// The terms in force: those of the signed version while an amendment awaits signatures, else
/// the current ones.
pub(super) async fn terms_in_force(conn: &mut AnyConnection, a: &Agreement) -> Result<Terms> {
    match a.signed_version {
        Some(v) if v < a.version => {
            let versions = store::versions(conn, &a.id).await?;
            let json = versions
                .iter()
                .find(|(n, _)| *n == v)
                .map(|(_, s)| s.as_str())
                .unwrap_or("{}");
            let snap: Snapshot = serde_json::from_str(json).unwrap_or_default();
            Ok(snap.terms)
        }
        _ => Ok(a.terms()),
    }
}

/// Signatories and the history of notices, for the agreement page.
pub(super) async fn signatories_and_notices(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<(Vec<Signatory>, Vec<Notice>)> {
    Ok((
        sig_store::signatories(conn, id).await?,
        sig_store::notices(conn, id).await?,
    ))
}

/// Tells the participant and the host's signatory that data access ends within
/// [`ACCESS_ENDING_DAYS`] (once per agreement).
pub(super) async fn warn_access_ending(
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
