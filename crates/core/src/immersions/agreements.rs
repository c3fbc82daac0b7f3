//! Agreements (*conventions d'immersion*): drafted from an accepted application, co-edited by
//! the parties (objectives and tasks attributed to whoever added or removed them), submitted
//! to be signed, signed by every party's named signatory for one precise version (see
//! `signatures`), then under way and closed.
//!
//! A change after signature never overwrites what was signed: it is an amendment, a new version
//! signed the same way while the immersion goes on under the version in force. Reading the employment and data-access terms is audited, and
//! data access ends by itself at its end date or when the immersion ends early.

use super::agreement_store as store;
use super::signatures::{self, NoticeKind};
use super::{
    Agreement, AgreementStatus, Item, ItemKind, Party, Sensitivity, Snapshot, TERM_FIELDS, Terms,
    policy,
};
use crate::accounts::{Actor, Role, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// The parties `user` may act for in `a`.
async fn parties_of(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    a: &Agreement,
) -> Result<Vec<Party>> {
    let mut parties = Vec::new();
    if a.participant_id == user.id {
        parties.push(Party::Participant);
    }
    if super::store::is_org_member(conn, &a.host_organisation_id, &user.id).await? {
        parties.push(Party::Host);
    }
    if let Some(home) = &a.home_organisation_id
        && super::store::is_org_member(conn, home, &user.id).await?
    {
        parties.push(Party::Home);
    }
    if a.coordinator_id.as_deref() == Some(user.id.as_str()) {
        parties.push(Party::Coordinator);
    }
    Ok(parties)
}

/// The agreement and the viewer's parties; `NotFound` for anyone who is neither a party, nor
/// an organisation's named signatory signed in with that address, nor an administrator.
pub(super) async fn load(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
) -> Result<(Agreement, Vec<Party>)> {
    let a = store::by_id(conn, id).await?.ok_or(Error::NotFound)?;
    let parties = parties_of(conn, user, &a).await?;
    if parties.is_empty()
        && user.role != Role::Administrator
        && super::approvals::parties_signed_by(conn, user, &a)
            .await?
            .is_empty()
    {
        return Err(Error::NotFound);
    }
    Ok((a, parties))
}

/// [`load`] for sibling modules (logbook, pairs).
pub(crate) async fn load_for(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
) -> Result<(Agreement, Vec<Party>)> {
    load(conn, user, id).await
}

/// `Ok` when the viewer may change the agreement; otherwise why not: closed, or not a party.
fn ensure_editable(a: &Agreement, parties: &[Party]) -> Result<()> {
    if may_edit(a, parties) {
        Ok(())
    } else if a.status().is_editable() {
        Err(Error::Forbidden)
    } else {
        Err(Error::Conflict("agreement-closed"))
    }
}

pub(super) fn may_edit(a: &Agreement, parties: &[Party]) -> bool {
    a.status().is_editable() && !parties.is_empty()
}

pub(super) fn may_manage(parties: &[Party]) -> bool {
    parties.contains(&Party::Host) || parties.contains(&Party::Coordinator)
}

/// Drafts the agreement of an accepted application (the host or the coordinator), pre-filled
/// from the offer: period, time share, days, contact as tutor, objectives and tasks as items.
/// Returns the agreement id (the existing one if it was drafted already).
pub async fn draft_agreement(
    core: &Core,
    user: &User,
    application_id: &str,
    actor: &Actor,
) -> Result<String> {
    let mut tx = core.db.begin().await?;
    let app = super::store::application_by_id(&mut tx, application_id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = super::store::programme_by_id(&mut tx, &app.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(
        &mut tx,
        Some(user),
        &programme,
        Some(&app.host_organisation_id),
        Some(&app.applicant_id),
    )
    .await?;
    if !policy::may_see_application(Some(user), s) {
        return Err(Error::NotFound);
    }
    if !policy::may_decide_application(Some(user), s) {
        return Err(Error::Forbidden);
    }
    if app.status() != super::ApplicationStatus::Accepted {
        return Err(Error::Conflict("agreement-needs-accepted-application"));
    }
    if let Some(existing) = store::by_application(&mut tx, application_id).await? {
        return Ok(existing);
    }
    let offer = super::store::offer_by_id(&mut tx, &app.offer_id)
        .await?
        .ok_or(Error::NotFound)?;
    let terms = Terms {
        tutor_name: offer.contact_name.clone(),
        tutor_email: offer.contact_email.clone(),
        start: offer.period_start.clone(),
        end: offer.period_end.clone(),
        time_share: offer.time_share.map(|t| t.to_string()).unwrap_or_default(),
        recurring_days: offer.day_pattern.clone(),
        role_does: offer.tasks.clone(),
        employer_of_record: app.home().to_owned(),
        ..Default::default()
    };
    let json = serde_json::to_string(&terms).map_err(|e| Error::Internal(e.to_string()))?;
    let id = new_id();
    let now = core.clock.unix();
    store::insert(
        &mut tx,
        &store::NewAgreement {
            id: &id,
            application_id,
            offer_id: &app.offer_id,
            programme_id: &app.programme_id,
            participant_id: &app.applicant_id,
            host_organisation_id: &app.host_organisation_id,
            home_organisation_id: app.home_organisation_id.as_deref(),
            home_label: &app.home_label,
            coordinator_id: programme.coordinator_id.as_deref(),
            terms: &json,
            now,
        },
    )
    .await?;
    for (kind, text) in [
        (ItemKind::Objective, &offer.objectives),
        (ItemKind::Task, &offer.tasks),
    ] {
        for line in text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .take(30)
        {
            let line = line.trim_start_matches(['-', '*', '•']).trim();
            store::insert_item(
                &mut tx,
                &new_id(),
                &id,
                kind.code(),
                line,
                &user.id,
                user.name(),
                now,
            )
            .await?;
        }
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_DRAFTED)
            .target("agreement", &id)
            .subject(&offer.title),
    )
    .await?;
    let a = store::by_id(&mut tx, &id).await?.ok_or(Error::NotFound)?;
    signatures::notify(
        &mut tx,
        core,
        &a,
        NoticeKind::Drafted,
        user.name(),
        &user.email,
        &[Party::Participant, Party::Coordinator],
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The full terms, employment and data access included. Reading them is audited.
pub async fn read_terms(
    core: &Core,
    user: &User,
    id: &str,
    actor: &Actor,
) -> Result<(Agreement, Terms)> {
    let mut tx = core.db.begin().await?;
    let (a, _) = load(&mut tx, user, id).await?;
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::AGREEMENT_TERMS_READ)
            .target("agreement", id)
            .subject(&a.offer_title),
    )
    .await?;
    tx.commit().await?;
    let terms = a.terms();
    Ok((a, terms))
}

/// Agreements the person is party to.
pub async fn my_agreements(core: &Core, user: &User) -> Result<Vec<Agreement>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::of_user(&mut conn, &user.id).await?)
}

/// Checks typed terms against formats and the programme's rules.
fn check_terms(terms: &Terms, programme: &super::Programme) -> Result<Terms> {
    let mut e = FieldErrors::default();
    let mut out = Terms::default();
    for (field, _) in TERM_FIELDS {
        let value = validate::text(&mut e, field, terms.get(field), false, 4000);
        out.set(field, value);
    }
    for field in ["start", "end", "access_start", "access_end"] {
        let v = super::parse_date(&mut e, field, out.get(field));
        out.set(field, v);
    }
    let date = |s: &str| {
        time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
    };
    if let (Some(start), Some(end)) = (date(&out.start), date(&out.end)) {
        if end < start {
            e.add("end", "field-end-before-start");
        } else if (end - start).whole_days() + 1 > programme.max_duration_days {
            e.add("end", "offer-duration-over-programme");
        }
    }
    if let (Some(start), Some(end)) = (date(&out.access_start), date(&out.access_end))
        && end < start
    {
        e.add("access_end", "field-end-before-start");
    }
    if let Some(t) = super::parse_number(&mut e, "time_share", &out.time_share, false, (1, 100))
        && (t < programme.min_time_share || t > programme.max_time_share)
    {
        e.add("time_share", "offer-time-share-outside-programme");
    }
    if !out.tutor_email.is_empty() {
        validate::email(&mut e, "tutor_email", &out.tutor_email);
    }
    e.into_result()?;
    Ok(out)
}

/// What an agreement needs before it can be submitted for review.
pub(super) fn check_complete(
    a: &Agreement,
    terms: &Terms,
    items: &[Item],
    sensitivity: Sensitivity,
) -> Result<()> {
    let mut e = FieldErrors::default();
    for field in [
        "tutor_name",
        "role_does",
        "start",
        "end",
        "employer_of_record",
    ] {
        if terms.get(field).is_empty() {
            e.add(field, "field-required");
        }
    }
    if sensitivity.needs_reason() {
        for field in ["data_categories", "confidentiality", "access_end"] {
            if terms.get(field).is_empty() {
                e.add(field, "agreement-data-terms-required");
            }
        }
    }
    let live = |k: ItemKind| {
        items
            .iter()
            .any(|i| i.kind == k.code() && i.removed_at.is_none())
    };
    if !live(ItemKind::Objective) {
        e.add("objectives", "agreement-needs-objectives");
    }
    if !live(ItemKind::Task) {
        e.add("tasks", "agreement-needs-tasks");
    }
    let _ = a;
    e.into_result()
}

pub(super) async fn snapshot(
    conn: &mut sqlx::AnyConnection,
    id: &str,
    terms: Terms,
) -> Result<String> {
    let items = store::items(conn, id).await?;
    let live = |k: ItemKind| {
        items
            .iter()
            .filter(|i| i.kind == k.code() && i.removed_at.is_none())
            .map(|i| i.text.clone())
            .collect::<Vec<_>>()
    };
    let snap = Snapshot {
        objectives: live(ItemKind::Objective),
        tasks: live(ItemKind::Task),
        terms,
    };
    serde_json::to_string(&snap).map_err(|e| Error::Internal(e.to_string()))
}

/// Records a change of the terms or lists: in a draft, in place; once submitted, a new version
/// (frozen now) that every signatory is asked to sign. After signature the change is an
/// amendment: the status stays (the immersion goes on under the signed version) and the parties
/// are told an amendment awaits their signatures. Links to earlier versions stop working at
/// once; the new requests go out when nobody has changed the agreement for
/// `signing_quiet_minutes` (one request per signatory for a burst of edits, not one per edit).
async fn record_change(
    conn: &mut sqlx::AnyConnection,
    core: &Core,
    a: &Agreement,
    terms: &Terms,
    user: &User,
    now: i64,
) -> Result<()> {
    let json = serde_json::to_string(terms).map_err(|e| Error::Internal(e.to_string()))?;
    let status = a.status();
    let version = match status {
        AgreementStatus::Draft => a.version,
        AgreementStatus::InReview | AgreementStatus::Approved | AgreementStatus::Active => {
            a.version + 1
        }
        _ => return Err(Error::Conflict("agreement-closed")),
    };
    if !store::save(conn, &a.id, a.version, &json, status.code(), version, now).await? {
        return Err(Error::Conflict("stale-status"));
    }
    if version != a.version {
        let snap = snapshot(conn, &a.id, terms.clone()).await?;
        store::insert_version(conn, &a.id, version, &snap, &user.id, now).await?;
        super::signature_store::revoke_all_links(conn, &a.id, now).await?;
        crate::jobs::enqueue_at(
            conn,
            now,
            now + core.config.signing_quiet_minutes * 60,
            crate::jobs::JobKind::AskSignatures {
                agreement_id: a.id.clone(),
                version,
                by: user.email.clone(),
            },
        )
        .await?;
    }
    Ok(())
}

/// Saves the terms form. After signature this proposes an amendment, never a silent overwrite.
pub async fn save_terms(
    core: &Core,
    user: &User,
    id: &str,
    input: &Terms,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    ensure_editable(&a, &parties)?;
    let programme = super::store::programme_by_id(&mut tx, &a.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let terms = check_terms(input, &programme)?;
    if terms == a.terms() {
        return Ok(()); // nothing changed: no new version
    }
    let now = core.clock.unix();
    record_change(&mut tx, core, &a, &terms, user, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_CHANGED)
            .target("agreement", id)
            .subject(&a.offer_title),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Adds an objective or a task, attributed to its author.
pub async fn add_item(
    core: &Core,
    user: &User,
    id: &str,
    kind: &str,
    text: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    ensure_editable(&a, &parties)?;
    let kind = ItemKind::parse(kind).ok_or(Error::Conflict("agreement-item-kind"))?;
    let mut e = FieldErrors::default();
    let field = match kind {
        ItemKind::Objective => "objective",
        ItemKind::Task => "task",
    };
    let text = validate::text(&mut e, field, text, true, 1000);
    e.into_result()?;
    let now = core.clock.unix();
    store::insert_item(
        &mut tx,
        &new_id(),
        id,
        kind.code(),
        &text,
        &user.id,
        user.name(),
        now,
    )
    .await?;
    record_change(&mut tx, core, &a, &a.terms(), user, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_CHANGED)
            .target("agreement", id)
            .details(kind.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes an objective or a task (kept in the history with who removed it).
pub async fn remove_item(
    core: &Core,
    user: &User,
    id: &str,
    item_id: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    ensure_editable(&a, &parties)?;
    let now = core.clock.unix();
    if !store::remove_item(&mut tx, id, item_id, &user.id, user.name(), now).await? {
        return Err(Error::NotFound);
    }
    record_change(&mut tx, core, &a, &a.terms(), user, now).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::AGREEMENT_CHANGED)
            .target("agreement", id)
            .details("removed"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
