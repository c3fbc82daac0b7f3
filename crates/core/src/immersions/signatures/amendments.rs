//! The version in force while an amendment awaits signatures, and withdrawing an amendment.

use sqlx::AnyConnection;

use super::super::agreement_store as store;
use super::super::signature_store as sig_store;
use super::super::{Agreement, Snapshot, Terms};
use super::*;
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::{Core, Error, Result};

/// The terms in force: those of the signed version while an amendment awaits signatures, else
/// the current ones.
pub(in crate::immersions) async fn terms_in_force(
    conn: &mut AnyConnection,
    a: &Agreement,
) -> Result<Terms> {
    match a.signed_version {
        Some(v) if v < a.version => {
            let versions = store::versions(conn, &a.id).await?;
            let json = versions
                .iter()
                .find(|(n, _)| *n == v)
                .map(|(_, s)| s.as_str())
                .ok_or_else(|| Error::Internal(format!("agreement {} has no version {v}", a.id)))?;
            let snap: Snapshot =
                serde_json::from_str(json).map_err(|e| Error::Internal(e.to_string()))?;
            Ok(snap.terms)
        }
        _ => Ok(a.terms()),
    }
}

/// Withdraws the amendment awaiting signatures (the host or the coordinator): the signed
/// version's terms, objectives and tasks come back, the amendment's versions and signatures
/// are dropped and its links stop working; every party is told.
pub async fn withdraw_amendment(core: &Core, user: &User, id: &str, actor: &Actor) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = crate::immersions::agreements::load_for(&mut tx, user, id).await?;
    if !crate::immersions::agreements::may_manage(&parties) {
        return Err(Error::Forbidden);
    }
    if !a.amendment_pending() || !a.status().is_editable() {
        return Err(Error::Conflict("agreement-no-amendment"));
    }
    lapse_amendment(&mut tx, core, &a, user).await?;
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::AGREEMENT_CHANGED)
            .target("agreement", id)
            .subject(&a.offer_title)
            .details("amendment withdrawn"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Puts the agreement back to its signed version (see [`withdraw_amendment`]); nothing when no
/// amendment is pending. Also run when an immersion ends early or is cancelled meanwhile.
pub(in crate::immersions) async fn lapse_amendment(
    conn: &mut AnyConnection,
    core: &Core,
    a: &Agreement,
    user: &User,
) -> Result<()> {
    let Some(signed) = a.signed_version.filter(|v| *v < a.version) else {
        return Ok(());
    };
    let now = core.clock.unix();
    let json = store::versions(conn, &a.id)
        .await?
        .into_iter()
        .find(|(n, _)| *n == signed)
        .map(|(_, s)| s)
        .ok_or_else(|| Error::Internal(format!("agreement {} has no version {signed}", a.id)))?;
    let snap: Snapshot = serde_json::from_str(&json).map_err(|e| Error::Internal(e.to_string()))?;
    let items = store::items(conn, &a.id).await?;
    for (kind, wanted) in [
        (crate::immersions::ItemKind::Objective, &snap.objectives),
        (crate::immersions::ItemKind::Task, &snap.tasks),
    ] {
        let mut missing: Vec<&String> = wanted.iter().collect();
        for item in items
            .iter()
            .filter(|i| i.kind == kind.code() && i.removed_at.is_none())
        {
            match missing.iter().position(|t| **t == item.text) {
                Some(at) => {
                    missing.remove(at);
                }
                None => {
                    store::remove_item(conn, &a.id, &item.id, &user.id, user.name(), now).await?;
                }
            }
        }
        for text in missing {
            store::insert_item(
                conn,
                &new_id(),
                &a.id,
                kind.code(),
                text,
                &user.id,
                user.name(),
                now,
            )
            .await?;
        }
    }
    let terms = serde_json::to_string(&snap.terms).map_err(|e| Error::Internal(e.to_string()))?;
    store::restore_version(conn, &a.id, signed, &terms, now).await?;
    sig_store::revoke_all_links(conn, &a.id, now).await?;
    let a = store::by_id(conn, &a.id).await?.ok_or(Error::NotFound)?;
    notify(
        conn,
        core,
        &a,
        NoticeKind::AmendmentWithdrawn,
        user.name(),
        &user.email,
        &[],
    )
    .await
}
