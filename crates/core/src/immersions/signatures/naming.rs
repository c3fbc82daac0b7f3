//! Who may sign for an organisation (its listed signatories) and who signs each agreement.

use sqlx::AnyConnection;

use super::super::agreement_store as store;
use super::super::signature_store as sig_store;
use super::super::{Agreement, Party};
use super::*;
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

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

/// Removes a listed signatory; the agreements still awaiting their signature need another one.
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
    let Some(listed) = sig_store::org_signatories(&mut tx, &org)
        .await?
        .into_iter()
        .find(|s| s.id == id)
    else {
        return Err(Error::NotFound);
    };
    sig_store::delete_org_signatory(&mut tx, &org, id).await?;
    // Agreements that named them and still await their signature need someone else: their
    // links stop working at once.
    let now = core.clock.unix();
    for (agreement, party) in sig_store::unname(&mut tx, &org, &listed.email).await? {
        sig_store::revoke_links(&mut tx, &agreement, &party, now).await?;
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::ORG_SIGNATORIES_CHANGED)
            .target("organisation", &org)
            .details(&format!("removed {}", listed.email)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The organisation whose listed signatories `party` chooses from; `None` for a home employer
/// that is not on Passerelle (its signatory is typed in).
fn org_of(a: &Agreement, party: Party) -> Option<&str> {
    match party {
        Party::Host => Some(a.host_organisation_id.as_str()),
        Party::Home => a.home_organisation_id.as_deref(),
        _ => None,
    }
}

/// The parties whose signatory `parties` (the viewer's) may name. From an organisation's list:
/// its own members and the coordinator. A home employer that is not on Passerelle has no list:
/// its signatory is typed in by the coordinator (by the host when the programme has none) —
/// never by the participant, who would otherwise name an address they control.
pub fn may_name(a: &Agreement, parties: &[Party]) -> Vec<Party> {
    let coordinator = parties.contains(&Party::Coordinator);
    let mut out = Vec::new();
    if coordinator || parties.contains(&Party::Host) {
        out.push(Party::Host);
    }
    let home = match a.home_organisation_id {
        Some(_) => coordinator || parties.contains(&Party::Home),
        None => coordinator || (a.coordinator_id.is_none() && parties.contains(&Party::Host)),
    };
    if home {
        out.push(Party::Home);
    }
    out
}

/// An address as compared for identity: lowercase, without a `+tag` in its local part (the
/// same mailbox for most providers).
pub fn mailbox(email: &str) -> String {
    let email = email.trim().to_lowercase();
    match email.split_once('@') {
        Some((local, domain)) => {
            let local = local.split('+').next().unwrap_or(local);
            format!("{local}@{domain}")
        }
        None => email,
    }
}

/// The mailboxes of the accounts that sign for themselves (participant, coordinator): none of
/// them may sign for an organisation.
pub(crate) async fn own_mailboxes(conn: &mut AnyConnection, a: &Agreement) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for id in [Some(&a.participant_id), a.coordinator_id.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Some((email, _, _)) = crate::immersions::store::user_contact(conn, id).await? {
            out.push(mailbox(&email));
        }
    }
    Ok(out)
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
    // Under the agreement's row lock, so that a pending request to sign (`ask_after_change`)
    // either sees this signatory or is seen asking.
    store::lock(&mut tx, id).await?;
    let (a, parties) = crate::immersions::agreements::load_for(&mut tx, user, id).await?;
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
    let own = own_mailboxes(&mut tx, &a).await?;
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
    if !email.is_empty() && own.contains(&mailbox(&email)) {
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
    // While an edited version waits for its quiet time, the job asks everyone, this one too.
    if awaiting_signatures(&a) && sig_store::asked_for_version(&mut tx, id, a.version).await? {
        let signatory = sig_store::signatories(&mut tx, id)
            .await?
            .into_iter()
            .find(|s| s.party == party.code())
            .ok_or(Error::NotFound)?;
        super::notices::ask(&mut tx, core, &a, &signatory, false).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Field errors for the organisations whose signatory is not named yet (submitting needs them).
pub(in crate::immersions) async fn check_signatories(
    conn: &mut AnyConnection,
    a: &Agreement,
) -> Result<()> {
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

/// Signatories and the history of notices, for the agreement page.
pub(in crate::immersions) async fn signatories_and_notices(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<(Vec<Signatory>, Vec<Notice>)> {
    Ok((
        sig_store::signatories(conn, id).await?,
        sig_store::notices(conn, id).await?,
    ))
}
