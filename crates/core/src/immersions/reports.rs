//! Closing reports from the participant and from the host, reminders until both are in, and
//! the follow-ups sent 6 and 12 months after the immersion ended ("what has lasted?").

use sqlx::AnyConnection;

use super::{Agreement, AgreementStatus, ItemKind, Party};
use crate::accounts::User;
use crate::audit::{self, Entry, action};
use crate::code_enum;
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

code_enum! {
    /// Who writes a closing report.
    pub enum ReportSide {
        Participant = "participant",
        Host = "host",
    }
}

/// Days after the end of an immersion when follow-ups go out.
pub const FOLLOW_UP_MONTHS: &[(i64, i64)] = &[(6, 182), (12, 365)];
/// Days between two reminders of a missing closing report.
pub const REMINDER_DAYS: i64 = 7;

/// A submitted closing report.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ClosingReport {
    pub side: String,
    pub author_name: String,
    /// JSON list of `{ "objective": …, "reached": 1–4, "comment": … }`.
    pub objectives: String,
    pub expectations_met: i64,
    pub satisfaction: i64,
    pub learned: String,
    pub host_gained: String,
    pub practice_changes: String,
    pub difficulty_roles: String,
    pub difficulty_data: String,
    pub difficulty_employment: String,
    pub difficulty_other: String,
    pub recommendations: String,
    pub submitted_at: i64,
}

/// One objective's assessment in a report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ObjectiveAssessment {
    pub objective: String,
    pub reached: i64,
    pub comment: String,
}

impl ClosingReport {
    pub fn assessments(&self) -> Vec<ObjectiveAssessment> {
        serde_json::from_str(&self.objectives).unwrap_or_default()
    }
}

/// The report form, as typed. `reached[i]` and `comments[i]` follow the agreement's objectives.
#[derive(Debug, Clone, Default)]
pub struct ReportInput {
    pub reached: Vec<String>,
    pub comments: Vec<String>,
    pub expectations_met: String,
    pub satisfaction: String,
    pub learned: String,
    pub host_gained: String,
    pub practice_changes: String,
    pub difficulty_roles: String,
    pub difficulty_data: String,
    pub difficulty_employment: String,
    pub difficulty_other: String,
    pub recommendations: String,
}

/// The report page's data.
#[derive(Debug, Clone)]
pub struct ReportsView {
    pub agreement: Agreement,
    pub objectives: Vec<String>,
    pub reports: Vec<ClosingReport>,
    /// The side the viewer writes for, when their report is due and not yet written.
    pub may_write: Option<ReportSide>,
}

fn side_of(parties: &[Party]) -> Option<ReportSide> {
    if parties.contains(&Party::Participant) {
        Some(ReportSide::Participant)
    } else if parties.contains(&Party::Host) {
        Some(ReportSide::Host)
    } else {
        None
    }
}

fn is_ended(a: &Agreement) -> bool {
    matches!(
        a.status(),
        AgreementStatus::Completed | AgreementStatus::Terminated
    )
}

async fn reports(conn: &mut AnyConnection, id: &str) -> Result<Vec<ClosingReport>> {
    Ok(sqlx::query_as(
        "SELECT side, author_name, objectives, expectations_met, satisfaction, learned, host_gained, practice_changes,
                difficulty_roles, difficulty_data, difficulty_employment, difficulty_other, recommendations, submitted_at
         FROM closing_reports WHERE agreement_id = $1 ORDER BY side",
    )
    .bind(id)
    .fetch_all(conn)
    .await?)
}

async fn objectives(conn: &mut AnyConnection, id: &str) -> Result<Vec<String>> {
    Ok(super::agreement_store::items(conn, id)
        .await?
        .into_iter()
        .filter(|i| i.kind == ItemKind::Objective.code() && i.removed_at.is_none())
        .map(|i| i.text)
        .collect())
}

/// The closing reports of an agreement.
pub async fn reports_view(core: &Core, user: &User, id: &str) -> Result<ReportsView> {
    let mut conn = core.db.pool.acquire().await?;
    let (agreement, parties) = super::agreements::load_for(&mut conn, user, id).await?;
    let reports = reports(&mut conn, id).await?;
    let may_write = side_of(&parties)
        .filter(|s| is_ended(&agreement) && !reports.iter().any(|r| r.side == s.code()));
    Ok(ReportsView {
        objectives: objectives(&mut conn, id).await?,
        agreement,
        reports,
        may_write,
    })
}

/// Submits the viewer's closing report (participant or host side), once, after the end.
pub async fn submit_report(
    core: &Core,
    user: &User,
    id: &str,
    input: &ReportInput,
    actor: &crate::accounts::Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (a, parties) = super::agreements::load_for(&mut tx, user, id).await?;
    let side = side_of(&parties).ok_or(Error::Forbidden)?;
    if !is_ended(&a) {
        return Err(Error::Conflict("report-not-open"));
    }
    if reports(&mut tx, id)
        .await?
        .iter()
        .any(|r| r.side == side.code())
    {
        return Err(Error::Conflict("report-already-submitted"));
    }
    let objectives = objectives(&mut tx, id).await?;
    let mut e = FieldErrors::default();
    let mut assessments = Vec::new();
    for (i, objective) in objectives.iter().enumerate() {
        let field: &'static str = REACHED_FIELDS.get(i).copied().unwrap_or("reached_19");
        let reached = super::parse_number(
            &mut e,
            field,
            input.reached.get(i).map_or("", String::as_str),
            true,
            (1, 4),
        );
        let comment = input
            .comments
            .get(i)
            .map_or("", String::as_str)
            .trim()
            .to_owned();
        assessments.push(ObjectiveAssessment {
            objective: objective.clone(),
            reached: reached.unwrap_or(0),
            comment,
        });
    }
    let expectations = super::parse_number(
        &mut e,
        "expectations_met",
        &input.expectations_met,
        true,
        (1, 4),
    );
    let satisfaction =
        super::parse_number(&mut e, "satisfaction", &input.satisfaction, true, (1, 5));
    let mut texts = Vec::new();
    for (field, value) in [
        ("learned", &input.learned),
        ("host_gained", &input.host_gained),
        ("practice_changes", &input.practice_changes),
        ("difficulty_roles", &input.difficulty_roles),
        ("difficulty_data", &input.difficulty_data),
        ("difficulty_employment", &input.difficulty_employment),
        ("difficulty_other", &input.difficulty_other),
        ("recommendations", &input.recommendations),
    ] {
        texts.push(validate::text(&mut e, field, value, false, 8000));
    }
    e.into_result()?;
    let now = core.clock.unix();
    let json = serde_json::to_string(&assessments).map_err(|e| Error::Internal(e.to_string()))?;
    sqlx::query(
        "INSERT INTO closing_reports (agreement_id, side, author_id, author_name, objectives, expectations_met, satisfaction,
            learned, host_gained, practice_changes, difficulty_roles, difficulty_data, difficulty_employment,
            difficulty_other, recommendations, submitted_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)",
    )
    .bind(id)
    .bind(side.code())
    .bind(&user.id)
    .bind(user.name())
    .bind(&json)
    .bind(expectations.unwrap_or(0))
    .bind(satisfaction.unwrap_or(0))
    .bind(&texts[0])
    .bind(&texts[1])
    .bind(&texts[2])
    .bind(&texts[3])
    .bind(&texts[4])
    .bind(&texts[5])
    .bind(&texts[6])
    .bind(&texts[7])
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => Error::Conflict("report-already-submitted"),
        _ => Error::Database(e),
    })?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::REPORT_SUBMITTED)
            .target("agreement", id)
            .details(side.code()),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Form field names of the per-objective assessment (`reached_0`, `reached_1`, …).
pub const REACHED_FIELDS: &[&str] = &[
    "reached_0",
    "reached_1",
    "reached_2",
    "reached_3",
    "reached_4",
    "reached_5",
    "reached_6",
    "reached_7",
    "reached_8",
    "reached_9",
    "reached_10",
    "reached_11",
    "reached_12",
    "reached_13",
    "reached_14",
    "reached_15",
    "reached_16",
    "reached_17",
    "reached_18",
    "reached_19",
];

/// `(email, locale, id)` of the people who write each side's report: the participant, and the
/// host members who approved the agreement (or, failing that, every host member).
async fn writers(
    conn: &mut AnyConnection,
    a: &Agreement,
    side: ReportSide,
) -> Result<Vec<(String, String, String)>> {
    Ok(match side {
        ReportSide::Participant => super::store::user_contact(conn, &a.participant_id)
            .await?
            .into_iter()
            .collect(),
        ReportSide::Host => {
            let approvers: Vec<(String, String, String)> = sqlx::query_as(
                "SELECT DISTINCT u.email, u.locale, u.id FROM agreement_approvals ap JOIN users u ON u.id = ap.user_id
                 WHERE ap.agreement_id = $1 AND ap.party = 'host'",
            )
            .bind(&a.id)
            .fetch_all(&mut *conn)
            .await?;
            if approvers.is_empty() {
                super::store::org_member_contacts(conn, &a.host_organisation_id).await?
            } else {
                approvers
            }
        }
    })
}

/// When the immersion ended: its agreed end date when that came first (an agreement closed
/// late, or recorded after the fact), else the moment it was closed (an early termination).
fn immersion_end(agreed_end: &str, closed_at: i64) -> i64 {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(agreed_end, format)
        .ok()
        .map(|d| d.midnight().assume_utc().unix_timestamp())
        .map_or(closed_at, |end| end.min(closed_at))
}

/// Reminds the writers of missing closing reports, at most every [`REMINDER_DAYS`] days, and
/// sends the follow-ups that are due. Run by the hourly sweep. Returns `(reminders, follow-ups)`.
pub async fn send_report_reminders_and_follow_ups(core: &Core) -> Result<(usize, usize)> {
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let ended: Vec<(String, Option<i64>, Option<i64>)> = sqlx::query_as(
        "SELECT id, ended_at, report_reminded_at FROM agreements WHERE status IN ('completed', 'terminated')",
    )
    .fetch_all(&mut *tx)
    .await?;
    let (mut reminders, mut follow_ups) = (0, 0);
    for (id, ended_at, reminded_at) in ended {
        let Some(a) = super::agreement_store::by_id(&mut tx, &id).await? else {
            continue;
        };
        let done = reports(&mut tx, &id).await?;
        let link = core.link(&format!("/agreements/{id}/report"));
        let missing: Vec<ReportSide> = ReportSide::ALL
            .iter()
            .copied()
            .filter(|s| !done.iter().any(|r| r.side == s.code()))
            .collect();
        if !missing.is_empty() && reminded_at.is_none_or(|t| now - t >= REMINDER_DAYS * 86_400) {
            for side in &missing {
                for (email, locale, _) in writers(&mut tx, &a, *side).await? {
                    let msg = Message::ReportReminder {
                        offer: a.offer_title.clone(),
                        link: link.clone(),
                    };
                    mail::enqueue(
                        &mut tx,
                        now,
                        &email,
                        Locale::parse(&locale).unwrap_or(Locale::Fr),
                        &msg,
                    )
                    .await?;
                    reminders += 1;
                }
            }
            sqlx::query("UPDATE agreements SET report_reminded_at = $2 WHERE id = $1")
                .bind(&id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        let Some(ended_at) = ended_at else { continue };
        let ended = immersion_end(&a.terms().end, ended_at);
        for (months, days) in FOLLOW_UP_MONTHS {
            if now < ended + days * 86_400 {
                continue;
            }
            for side in ReportSide::ALL {
                let exists: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM follow_ups WHERE agreement_id = $1 AND months = $2 AND side = $3")
                    .bind(&id)
                    .bind(months)
                    .bind(side.code())
                    .fetch_one(&mut *tx)
                    .await?;
                if exists > 0 {
                    continue;
                }
                let Some((email, locale, recipient)) =
                    writers(&mut tx, &a, *side).await?.into_iter().next()
                else {
                    continue;
                };
                let fid = new_id();
                sqlx::query("INSERT INTO follow_ups (id, agreement_id, months, recipient_id, side, sent_at) VALUES ($1, $2, $3, $4, $5, $6)")
                    .bind(&fid)
                    .bind(&id)
                    .bind(months)
                    .bind(&recipient)
                    .bind(side.code())
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                let msg = Message::FollowUp {
                    offer: a.offer_title.clone(),
                    months: *months,
                    link: core.link(&format!("/follow-ups/{fid}")),
                };
                mail::enqueue(
                    &mut tx,
                    now,
                    &email,
                    Locale::parse(&locale).unwrap_or(Locale::Fr),
                    &msg,
                )
                .await?;
                follow_ups += 1;
            }
        }
    }
    tx.commit().await?;
    Ok((reminders, follow_ups))
}

/// A follow-up as its recipient sees it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUp {
    pub id: String,
    pub agreement_id: String,
    pub months: i64,
    pub recipient_id: String,
    pub side: String,
    pub sent_at: i64,
    pub answered_at: Option<i64>,
    pub lasting: String,
    pub still_in_contact: Option<i64>,
    pub changes: String,
}

/// A follow-up, for its recipient only.
pub async fn follow_up(core: &Core, user: &User, id: &str) -> Result<(FollowUp, String)> {
    let mut conn = core.db.pool.acquire().await?;
    let f: FollowUp = sqlx::query_as(
        "SELECT id, agreement_id, months, recipient_id, side, sent_at, answered_at, lasting, still_in_contact, changes
         FROM follow_ups WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .filter(|f: &FollowUp| f.recipient_id == user.id)
    .ok_or(Error::NotFound)?;
    let title: String = sqlx::query_scalar(
        "SELECT o.title FROM agreements a JOIN offers o ON o.id = a.offer_id WHERE a.id = $1",
    )
    .bind(&f.agreement_id)
    .fetch_one(&mut *conn)
    .await?;
    Ok((f, title))
}

/// Records the answer to a follow-up (once).
pub async fn answer_follow_up(
    core: &Core,
    user: &User,
    id: &str,
    lasting: &str,
    still_in_contact: &str,
    changes: &str,
) -> Result<()> {
    let (f, _) = follow_up(core, user, id).await?;
    if f.answered_at.is_some() {
        return Err(Error::Conflict("follow-up-answered"));
    }
    let mut e = FieldErrors::default();
    let lasting = validate::text(&mut e, "lasting", lasting, true, 8000);
    let contact = match still_in_contact {
        "yes" => 1,
        "no" => 0,
        _ => {
            e.add("still_in_contact", "field-required");
            0
        }
    };
    let changes = validate::text(&mut e, "changes", changes, false, 8000);
    e.into_result()?;
    let mut tx = core.db.begin().await?;
    sqlx::query("UPDATE follow_ups SET answered_at = $2, lasting = $3, still_in_contact = $4, changes = $5 WHERE id = $1 AND answered_at IS NULL")
        .bind(id)
        .bind(core.clock.unix())
        .bind(&lasting)
        .bind(contact)
        .bind(&changes)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::immersion_end;

    #[test]
    fn an_immersion_ends_at_its_agreed_end_or_when_closed_early() {
        // 2025-03-07 00:00 UTC.
        let agreed = 1_741_305_600;
        assert_eq!(immersion_end("2025-03-07", agreed + 90 * 86_400), agreed);
        assert_eq!(
            immersion_end("2025-03-07", agreed - 86_400),
            agreed - 86_400
        );
        assert_eq!(immersion_end("", 42), 42);
        assert_eq!(immersion_end("7 mars", 42), 42);
    }
}
