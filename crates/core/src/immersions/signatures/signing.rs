//! Recording a signature, from an account or through a signing link.

use sqlx::AnyConnection;

use super::super::agreement_store as store;
use super::super::signature_store::{self as sig_store, NewApproval};
use super::super::{Agreement, AgreementStatus, Party, Snapshot};
use super::*;
use crate::accounts::Actor;
use crate::audit::{self, Entry, action};
use crate::ids::hash_token;
use crate::{Core, Error, Result};

/// How one signature was given.
pub(in crate::immersions) struct Signer<'a> {
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
pub(in crate::immersions) async fn record_signature(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    party: Party,
    signer: &Signer<'_>,
) -> Result<()> {
    let now = core.clock.unix();
    // Signatures of one agreement are recorded one after the other: the row lock (PostgreSQL;
    // SQLite has a single writer) makes the last signer see every other signature, and the
    // agreement is read again under it.
    store::lock(conn, &a.id).await?;
    let Some(current) = store::by_id(conn, &a.id).await? else {
        return Err(Error::NotFound);
    };
    if current.version != a.version || current.status != a.status {
        return Err(Error::Conflict("agreement-version-outdated"));
    }
    let a = &current;
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
            email: signer.email,
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
    pub changes: Vec<crate::immersions::ComparedField>,
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
    if link.revoked_at.is_some() {
        return Err(Error::Conflict("signing-link-replaced"));
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
    if own_mailboxes(conn, &a)
        .await?
        .contains(&mailbox(&signatory.email))
    {
        return Err(Error::Forbidden);
    }
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
        Some(v) if v < a.version => crate::immersions::compare_snapshots(&snap(v)?, &version)
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

/// Days a signing link, once it has signed, keeps giving its signatory a copy of the agreement.
pub const COPY_DAYS: i64 = 90;

/// The agreement as the signatory of a used signing link reads it, for [`COPY_DAYS`] after
/// signing: their copy (the current version and every signature so far, so the fully signed
/// document once everyone has signed), for signatories who have no account. Audited as a
/// reading of the terms. Refused for an unused link (it signs first), after those days, and
/// once the agreement was cancelled.
pub async fn signed_copy(
    core: &Core,
    token: &str,
    actor: &Actor,
) -> Result<(crate::immersions::AgreementView, crate::immersions::Terms)> {
    let mut tx = core.db.begin().await?;
    let link = sig_store::link(&mut tx, &hash_token(token))
        .await?
        .ok_or(Error::NotFound)?;
    let Some(used) = link.used_at else {
        return Err(Error::NotFound);
    };
    if core.clock.unix() > used + COPY_DAYS * 86_400 {
        return Err(Error::Conflict("signing-copy-expired"));
    }
    let a = store::by_id(&mut tx, &link.agreement_id)
        .await?
        .ok_or(Error::NotFound)?;
    if a.status() == AgreementStatus::Cancelled {
        return Err(Error::NotFound);
    }
    let terms = a.terms();
    audit::record(
        &mut tx,
        core.clock.unix(),
        &Actor {
            email: link.email.clone(),
            ..actor.clone()
        },
        Entry::new(action::AGREEMENT_TERMS_READ)
            .target("agreement", &a.id)
            .subject(&a.offer_title)
            .details(&format!("signed copy {}", link.party)),
    )
    .await?;
    let view = crate::immersions::agreement_view::document_view(&mut tx, a).await?;
    tx.commit().await?;
    Ok((view, terms))
}

/// Whether a used signing link still gives its signatory a copy (see [`signed_copy`]).
pub async fn copy_available(core: &Core, token: &str) -> Result<bool> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(sig_store::link(&mut conn, &hash_token(token))
        .await?
        .and_then(|l| l.used_at)
        .is_some_and(|used| core.clock.unix() <= used + COPY_DAYS * 86_400))
}

/// What a signing link shows. Reading the terms through it is audited like any reading.
pub async fn signing_view(core: &Core, token: &str, actor: &Actor) -> Result<SigningView> {
    // Checked on a read connection first: an unknown or dead token never takes the write lock.
    let view = {
        let mut conn = core.db.pool.acquire().await?;
        open_link(&mut conn, core, token).await?
    };
    let mut tx = core.db.begin().await?;
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
