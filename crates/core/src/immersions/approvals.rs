//! The review of agreements: submitting a version, approvals by every party, status changes,
//! comparing versions, the automatic end of data access, and the schedule for calendars.

use super::agreement_store as store;
use super::agreements::{check_complete, load, may_manage, snapshot};
use super::{Agreement, AgreementStatus, Party, Sensitivity, Snapshot, TERM_FIELDS, Terms};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// Submits a complete draft for review: freezes version 1 and asks every party to approve it.
pub async fn submit(core: &Core, user: &User, id: &str, actor: &Actor) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    if parties.is_empty() {
        return Err(Error::Forbidden);
    }
    a.status().transition(AgreementStatus::InReview)?;
    let offer = super::store::offer_by_id(&mut tx, &a.offer_id)
        .await?
        .ok_or(Error::NotFound)?;
    let items = store::items(&mut tx, id).await?;
    let terms = a.terms();
    check_complete(
        &a,
        &terms,
        &items,
        Sensitivity::parse(&offer.data_sensitivity).unwrap_or(Sensitivity::None),
    )?;
    let now = core.clock.unix();
    if !store::save(
        &mut tx,
        id,
        a.version,
        &a.terms,
        AgreementStatus::InReview.code(),
        a.version,
        now,
    )
    .await?
    {
        return Err(Error::Conflict("stale-status"));
    }
    let snap = snapshot(&mut tx, id, terms).await?;
    store::insert_version(&mut tx, id, a.version, &snap, &user.id, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_SUBMITTED)
            .target("agreement", id)
            .subject(&a.offer_title),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Approves `version` for `party`. Refused when the version is not the current one, when the
/// viewer cannot act for that party, when the party approved already, and — for the two
/// employers — without confirming the employment conditions. The last approval makes the
/// agreement approved.
pub async fn approve(
    core: &Core,
    user: &User,
    id: &str,
    party: &str,
    version: i64,
    confirms_employment: bool,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    let party = Party::parse(party).ok_or(Error::Forbidden)?;
    if !parties.contains(&party) || !a.required_parties().contains(&party) {
        return Err(Error::Forbidden);
    }
    if a.status() != AgreementStatus::InReview {
        return Err(Error::Conflict("agreement-not-in-review"));
    }
    if version != a.version {
        return Err(Error::Conflict("agreement-version-outdated"));
    }
    if party.is_employer() && !confirms_employment {
        return Err(Error::field(
            "confirm_employment",
            "agreement-confirm-employment",
        ));
    }
    let approvals = store::approvals(&mut tx, id).await?;
    if approvals
        .iter()
        .any(|x| x.version == version && x.party == party.code())
    {
        return Err(Error::Conflict("agreement-already-approved"));
    }
    let now = core.clock.unix();
    store::insert_approval(
        &mut tx,
        id,
        version,
        party.code(),
        &user.id,
        user.name(),
        now,
    )
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            Error::Conflict("agreement-already-approved")
        }
        _ => Error::Database(e),
    })?;
    let approved: Vec<&str> = approvals
        .iter()
        .filter(|x| x.version == version)
        .map(|x| x.party.as_str())
        .chain([party.code()])
        .collect();
    if a.required_parties()
        .iter()
        .all(|p| approved.contains(&p.code()))
        && !store::set_status(&mut tx, id, "in-review", "approved", "", now).await?
    {
        return Err(Error::Conflict("stale-status"));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_APPROVED)
            .target("agreement", id)
            .subject(&a.offer_title)
            .details(party.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Starts, completes, terminates early (reason required) or cancels an agreement: the host and
/// the coordinator. Ending it ends data access at once.
pub async fn set_agreement_status(
    core: &Core,
    user: &User,
    id: &str,
    to: &str,
    reason: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    if !may_manage(&parties) {
        return Err(Error::Forbidden);
    }
    let to = AgreementStatus::parse(to).ok_or(Error::Conflict("agreement-transition-invalid"))?;
    if matches!(to, AgreementStatus::InReview | AgreementStatus::Approved) {
        return Err(Error::Conflict("agreement-transition-invalid"));
    }
    a.status().transition(to)?;
    let mut e = FieldErrors::default();
    let reason = validate::text(&mut e, "reason", reason, false, 2000);
    if to == AgreementStatus::Terminated && reason.is_empty() {
        e.add("reason", "agreement-reason-required");
    }
    e.into_result()?;
    let now = core.clock.unix();
    if !store::set_status(&mut tx, id, a.status().code(), to.code(), &reason, now).await? {
        return Err(Error::Conflict("stale-status"));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_STATUS_CHANGED)
            .target("agreement", id)
            .subject(&a.offer_title)
            .details(to.code()),
    )
    .await?;
    if matches!(to, AgreementStatus::Completed | AgreementStatus::Terminated) {
        // Ask for the closing reports now, and send any follow-up already due (an immersion
        // recorded after the fact), rather than at the next hourly sweep.
        crate::jobs::enqueue(&mut tx, now, crate::jobs::JobKind::Sweep).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// One row of a side-by-side comparison.
#[derive(Debug, Clone)]
pub struct ComparedField {
    pub field: String,
    pub section: &'static str,
    pub left: String,
    pub right: String,
}

impl ComparedField {
    pub fn changed(&self) -> bool {
        self.left != self.right
    }
}

/// Two frozen versions side by side (terms, objectives and tasks). Comparing confidential
/// sections is a reading of them, so it is audited like [`read_terms`].
pub async fn compare(
    core: &Core,
    user: &User,
    id: &str,
    left: i64,
    right: i64,
    actor: &Actor,
) -> Result<(Agreement, Vec<ComparedField>)> {
    let mut tx = core.db.begin().await?;
    let (a, _) = load(&mut tx, user, id).await?;
    let versions = store::versions(&mut tx, id).await?;
    let get = |v: i64| -> Result<Snapshot> {
        let json = versions
            .iter()
            .find(|(n, _)| *n == v)
            .map(|(_, s)| s)
            .ok_or(Error::NotFound)?;
        serde_json::from_str(json).map_err(|e| Error::Internal(e.to_string()))
    };
    let (l, r) = (get(left)?, get(right)?);
    let mut rows: Vec<ComparedField> = TERM_FIELDS
        .iter()
        .map(|(field, section)| ComparedField {
            field: (*field).to_owned(),
            section,
            left: l.terms.get(field).to_owned(),
            right: r.terms.get(field).to_owned(),
        })
        .collect();
    rows.push(ComparedField {
        field: "objectives".into(),
        section: "lists",
        left: l.objectives.join("\n"),
        right: r.objectives.join("\n"),
    });
    rows.push(ComparedField {
        field: "tasks".into(),
        section: "lists",
        left: l.tasks.join("\n"),
        right: r.tasks.join("\n"),
    });
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::AGREEMENT_TERMS_READ)
            .target("agreement", id)
            .details(&format!("compare {left} {right}")),
    )
    .await?;
    tx.commit().await?;
    Ok((a, rows))
}

/// Ends data access of active agreements whose access end date (or, failing it, end date)
/// has passed. Returns how many ended.
pub async fn end_expired_access(core: &Core) -> Result<usize> {
    let today = super::today(core);
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut n = 0;
    for (id, json) in store::access_to_end(&mut tx).await? {
        let terms: Terms = serde_json::from_str(&json).unwrap_or_default();
        let until = if terms.access_end.is_empty() {
            &terms.end
        } else {
            &terms.access_end
        };
        if !until.is_empty() && until.as_str() < today.as_str() {
            store::end_access(&mut tx, &id, now).await?;
            audit::record(
                &mut tx,
                now,
                &Actor::system(),
                Entry::new(action::AGREEMENT_ACCESS_ENDED).target("agreement", &id),
            )
            .await?;
            n += 1;
        }
    }
    tx.commit().await?;
    Ok(n)
}

/// The agreement whose schedule a party downloads as iCalendar: approved, active or completed.
pub async fn schedule(core: &Core, user: &User, id: &str) -> Result<Agreement> {
    let mut conn = core.db.pool.acquire().await?;
    let (a, _) = load(&mut conn, user, id).await?;
    match a.status() {
        AgreementStatus::Approved | AgreementStatus::Active | AgreementStatus::Completed => Ok(a),
        _ => Err(Error::Conflict("calendar-not-ready")),
    }
}
