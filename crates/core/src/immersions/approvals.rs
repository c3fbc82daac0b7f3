//! The signing of agreements: submitting a version, signatures by every party's named
//! signatory (see `signatures`), status changes, comparing versions, the automatic end of data
//! access, and the schedule for calendars.

use super::agreement_store as store;
use super::agreements::{check_complete, load, may_manage, snapshot};
use super::signatures::{self, NoticeKind, Signer};
use super::{Agreement, AgreementStatus, Party, Sensitivity, Snapshot, TERM_FIELDS, Terms};
use crate::accounts::{Actor, User};
use crate::audit::{self, Entry, action};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// Submits a complete draft: freezes version 1, e-mails each organisation's signatory a signing
/// link and tells the participant and the coordinator it is ready to sign.
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
    signatures::check_signatories(&mut tx, &a).await?;
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
    let a = store::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
    signatures::ask_everyone(&mut tx, core, &a, NoticeKind::ReadyToSign, &user.email).await?;
    tx.commit().await?;
    Ok(())
}

/// Whether `user` is the person who signs `a` for `party`: the participant themself, the
/// programme's coordinator, or the organisation's named signatory (an account holding their
/// confirmed address, who is not the participant).
async fn signs_for(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    a: &Agreement,
    party: Party,
) -> Result<Option<signatures::Signatory>> {
    Ok(match party {
        Party::Participant => (a.participant_id == user.id).then(|| signatures::Signatory {
            party: party.code().into(),
            name: user.name().into(),
            function: String::new(),
            email: user.email.clone(),
            asked_at: None,
            reminded_at: None,
            named_at: 0,
        }),
        Party::Coordinator => {
            (a.coordinator_id.as_deref() == Some(user.id.as_str())).then(|| signatures::Signatory {
                party: party.code().into(),
                name: user.name().into(),
                function: String::new(),
                email: user.email.clone(),
                asked_at: None,
                reminded_at: None,
                named_at: 0,
            })
        }
        Party::Host | Party::Home => {
            let me = signatures::mailbox(&user.email);
            if a.participant_id == user.id
                || !user.email_confirmed
                || signatures::own_mailboxes(conn, a).await?.contains(&me)
            {
                return Ok(None);
            }
            signatures::signatories_and_notices(conn, &a.id)
                .await?
                .0
                .into_iter()
                .find(|s| {
                    s.party == party.code() && s.email.to_lowercase() == user.email.to_lowercase()
                })
        }
    })
}

/// The parties `user` signs for in `a` (see [`signs_for`]).
pub(super) async fn parties_signed_by(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    a: &Agreement,
) -> Result<Vec<Party>> {
    let mut out = Vec::new();
    for p in a.required_parties() {
        if signs_for(conn, user, a, p).await?.is_some() {
            out.push(p);
        }
    }
    Ok(out)
}

/// Signs `version` for `party` from an account. Refused when the viewer is not the person who
/// signs for that party (see [`signs_for`]), when the version is not the current one, when the
/// party signed already, and — for the two employers — without confirming the employment
/// conditions. The last signature makes the agreement signed, or the amendment in force.
#[allow(clippy::too_many_arguments)]
pub async fn approve(
    core: &Core,
    user: &User,
    id: &str,
    party: &str,
    version: i64,
    confirms_employment: bool,
    actor: &Actor,
    agent: &str,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, _) = load(&mut tx, user, id).await?;
    let party = Party::parse(party).ok_or(Error::Forbidden)?;
    if !a.required_parties().contains(&party) {
        return Err(Error::Forbidden);
    }
    let Some(signatory) = signs_for(&mut tx, user, &a, party).await? else {
        return Err(Error::Forbidden);
    };
    if !signatures::awaiting_signatures(&a) {
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
    signatures::record_signature(
        &mut tx,
        core,
        &a,
        party,
        &Signer {
            user_id: Some(&user.id),
            name: &signatory.name,
            function: &signatory.function,
            email: &user.email,
            method: "account",
            ip: &actor.ip,
            agent: &agent.chars().take(300).collect::<String>(),
        },
    )
    .await?;
    audit::record(
        &mut tx,
        core.clock.unix(),
        actor,
        Entry::new(action::AGREEMENT_APPROVED)
            .target("agreement", id)
            .subject(&a.offer_title)
            .details(&format!("{} account v{version}", party.code())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A change of status as asked: the new status, the reason typed, and whether the person
/// confirmed a start before the agreed start date or a completion long before the agreed end.
#[derive(Debug, Clone, Default)]
pub struct StatusChange {
    pub to: String,
    pub reason: String,
    pub confirmed_early: bool,
}

/// Days before the agreed end from which completing needs no confirmation.
pub const EARLY_COMPLETION_DAYS: i64 = 7;

/// Starts, completes, terminates early or cancels an agreement (a reason is required for both):
/// the host and the coordinator. Starting before the agreed start date, or completing more than
/// [`EARLY_COMPLETION_DAYS`] before the agreed end, asks for a confirmation and a reason, both
/// recorded. Ending it ends data access at once.
pub async fn set_agreement_status(
    core: &Core,
    user: &User,
    id: &str,
    change: &StatusChange,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = load(&mut tx, user, id).await?;
    if !may_manage(&parties) {
        return Err(Error::Forbidden);
    }
    let to = AgreementStatus::parse(&change.to)
        .ok_or(Error::Conflict("agreement-transition-invalid"))?;
    if matches!(to, AgreementStatus::InReview | AgreementStatus::Approved) {
        return Err(Error::Conflict("agreement-transition-invalid"));
    }
    a.status().transition(to)?;
    let mut e = FieldErrors::default();
    let reason = validate::text(&mut e, "reason", &change.reason, false, 2000);
    let terms = signatures::terms_in_force(&mut tx, &a).await?;
    let today = super::today(core);
    let soon = time::OffsetDateTime::from_unix_timestamp(
        core.clock.unix() + EARLY_COMPLETION_DAYS * 86_400,
    )
    .map(|t| t.date().to_string())
    .unwrap_or_default();
    let early = match to {
        AgreementStatus::Active => !terms.start.is_empty() && today < terms.start,
        AgreementStatus::Completed => !terms.end.is_empty() && soon < terms.end,
        _ => false,
    };
    if early && !change.confirmed_early {
        e.add("confirm_early", "agreement-early-confirm");
    }
    if reason.is_empty() {
        match to {
            AgreementStatus::Terminated => e.add("reason", "agreement-reason-required"),
            AgreementStatus::Cancelled => e.add("reason", "agreement-cancel-reason-required"),
            _ if early => e.add("reason", "agreement-early-reason-required"),
            _ => {}
        }
    }
    e.into_result()?;
    // An amendment awaiting signatures: completing waits for it (sign or withdraw it first);
    // ending early or cancelling lets it lapse, so what is closed is what every party signed.
    if a.amendment_pending() {
        if to == AgreementStatus::Completed {
            return Err(Error::Conflict("agreement-amendment-pending"));
        }
        signatures::lapse_amendment(&mut tx, core, &a, user).await?;
    }
    // The reason is kept where one is asked for; a reason typed for an ordinary start or
    // completion is not shown as if it explained an early end.
    let reason = if early || matches!(to, AgreementStatus::Terminated | AgreementStatus::Cancelled)
    {
        reason
    } else {
        String::new()
    };
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
            .details(&if reason.is_empty() {
                to.code().to_owned()
            } else {
                format!("{}: {reason}", to.code())
            }),
    )
    .await?;
    let kind = match to {
        AgreementStatus::Active => Some(NoticeKind::Started),
        AgreementStatus::Completed => Some(NoticeKind::Completed),
        AgreementStatus::Terminated => Some(NoticeKind::EndedEarly),
        AgreementStatus::Cancelled => Some(NoticeKind::Cancelled),
        _ => None,
    };
    if let Some(kind) = kind {
        let a = store::by_id(&mut tx, id).await?.ok_or(Error::NotFound)?;
        signatures::notify(&mut tx, core, &a, kind, user.name(), &user.email, &[]).await?;
    }
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
    let rows = compare_snapshots(&get(left)?, &get(right)?);
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

/// Two versions field by field: every term, then the objectives and the tasks.
pub fn compare_snapshots(l: &Snapshot, r: &Snapshot) -> Vec<ComparedField> {
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
    rows
}

/// Ends data access of active agreements whose access end date (or, failing it, end date)
/// in force has passed, telling the participant and the host; warns them
/// [`signatures::ACCESS_ENDING_DAYS`] before. Returns how many ended.
pub async fn end_expired_access(core: &Core) -> Result<usize> {
    let today = super::today(core);
    let soon = time::OffsetDateTime::from_unix_timestamp(
        core.clock.unix() + signatures::ACCESS_ENDING_DAYS * 86_400,
    )
    .map(|t| t.date().to_string())
    .unwrap_or_default();
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let mut n = 0;
    for (id, _) in store::access_to_end(&mut tx).await? {
        let Some(a) = store::by_id(&mut tx, &id).await? else {
            continue;
        };
        let terms = signatures::terms_in_force(&mut tx, &a).await?;
        let until = if terms.access_end.is_empty() {
            &terms.end
        } else {
            &terms.access_end
        };
        if until.is_empty() {
            continue;
        }
        if until.as_str() < today.as_str() {
            store::end_access(&mut tx, &id, now).await?;
            audit::record(
                &mut tx,
                now,
                &Actor::system(),
                Entry::new(action::AGREEMENT_ACCESS_ENDED).target("agreement", &id),
            )
            .await?;
            signatures::notify(
                &mut tx,
                core,
                &a,
                NoticeKind::AccessEnded,
                "",
                "",
                &[Party::Participant, Party::Host],
            )
            .await?;
            n += 1;
        } else if until.as_str() <= soon.as_str() {
            signatures::warn_access_ending(&mut tx, core, &a).await?;
        }
    }
    tx.commit().await?;
    Ok(n)
}

/// The agreement whose schedule a party downloads as iCalendar (signed, under way or
/// completed), with the terms in force.
pub async fn schedule(core: &Core, user: &User, id: &str) -> Result<(Agreement, Terms)> {
    let mut conn = core.db.pool.acquire().await?;
    let (a, _) = load(&mut conn, user, id).await?;
    match a.status() {
        AgreementStatus::Approved | AgreementStatus::Active | AgreementStatus::Completed => {
            let terms = signatures::terms_in_force(&mut conn, &a).await?;
            Ok((a, terms))
        }
        _ => Err(Error::Conflict("calendar-not-ready")),
    }
}
