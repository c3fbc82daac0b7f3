//! The programme dashboard for coordinators: immersions by status, year, country and direction,
//! median duration, offers nobody applied to, median reply time, satisfaction from the closing
//! reports, and how many reports and follow-ups came back.

use std::collections::BTreeMap;

use super::{Programme, Terms, policy};
use crate::accounts::User;
use crate::{Core, Error, Result};

/// Counts per key, in display order.
pub type Counts = Vec<(String, i64)>;

/// One immersion the dashboard counts, as it lists it.
#[derive(Debug, Clone)]
pub struct DashboardImmersion {
    pub id: String,
    pub offer_title: String,
    pub participant_name: String,
    pub host_name: String,
    pub status: String,
    pub start: String,
    pub end: String,
    pub days: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Dashboard {
    pub programme: Programme,
    /// Immersions: agreements signed, under way, completed or ended early.
    pub immersions: i64,
    /// Agreements still in preparation (draft or awaiting signatures), counted apart.
    pub in_preparation: i64,
    /// The immersions counted, newest first.
    pub list: Vec<DashboardImmersion>,
    pub by_status: Counts,
    pub by_year: Counts,
    /// Country of the host (the offer's place).
    pub by_country: Counts,
    pub by_direction: Counts,
    pub median_duration_days: Option<i64>,
    /// Offers ever published, and those that never received an application.
    pub offers_published: i64,
    pub offers_without_applicants: i64,
    pub median_reply_hours: Option<i64>,
    /// Median hours to a first reply, per host organisation (slowest first).
    pub reply_hours_by_host: Counts,
    /// Overall satisfaction 1–5 from the closing reports.
    pub satisfaction: Counts,
    pub satisfaction_mean: Option<f64>,
    pub reports_expected: i64,
    pub reports_in: i64,
    pub follow_ups_sent: i64,
    pub follow_ups_answered: i64,
}

fn median(mut values: Vec<i64>) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2
    })
}

fn counts(map: BTreeMap<String, i64>) -> Counts {
    map.into_iter().collect()
}

fn days_between(start: &str, end: &str) -> Option<i64> {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    let (s, e) = (
        time::Date::parse(start, f).ok()?,
        time::Date::parse(end, f).ok()?,
    );
    (e >= s).then(|| (e - s).whole_days() + 1)
}

/// The dashboard of the programme `slug`, for its coordinator and administrators.
pub async fn dashboard(core: &Core, user: &User, slug: &str) -> Result<Dashboard> {
    let mut conn = core.db.pool.acquire().await?;
    let programme = super::store::programme_by_slug(&mut conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(&mut conn, Some(user), &programme, None, None).await?;
    if !policy::may_manage_programme(Some(user), s) {
        return Err(Error::Forbidden);
    }
    let st = super::agreement_store::dashboard_rows(&mut conn, &programme.id).await?;
    let (mut status, mut year, mut country, mut direction) = (
        BTreeMap::new(),
        BTreeMap::new(),
        BTreeMap::new(),
        BTreeMap::new(),
    );
    let mut durations = Vec::new();
    let (mut list, mut in_preparation) = (Vec::new(), 0);
    for a in &st.agreements {
        *status.entry(a.status.clone()).or_insert(0) += 1;
        match super::AgreementStatus::parse(&a.status) {
            Some(super::AgreementStatus::Draft | super::AgreementStatus::InReview) => {
                in_preparation += 1;
                continue;
            }
            Some(super::AgreementStatus::Cancelled) | None => continue,
            Some(_) => {}
        }
        let terms: Terms = serde_json::from_str(&a.terms).unwrap_or_default();
        let y = if terms.start.len() >= 4 {
            terms.start[..4].to_owned()
        } else {
            crate::clock::format_instant(a.created_at)[..4].to_owned()
        };
        *year.entry(y).or_insert(0) += 1;
        *country.entry(a.country.clone()).or_insert(0) += 1;
        *direction.entry(a.direction.clone()).or_insert(0) += 1;
        let days = days_between(&terms.start, &terms.end);
        durations.extend(days);
        list.push(DashboardImmersion {
            id: a.id.clone(),
            offer_title: a.offer_title.clone(),
            participant_name: a.participant_name.clone(),
            host_name: a.host_name.clone(),
            status: a.status.clone(),
            start: terms.start,
            end: terms.end,
            days,
        });
    }
    // Statuses in their life-cycle order rather than alphabetically.
    let by_status = super::AgreementStatus::ALL
        .iter()
        .filter_map(|s| status.get(s.code()).map(|n| (s.code().to_owned(), *n)))
        .collect();
    let replies = st
        .reply_seconds
        .into_iter()
        .map(|s| (s + 1800) / 3600)
        .collect();
    let mut by_host: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (host, seconds) in &st.reply_by_host {
        by_host
            .entry(host.clone())
            .or_default()
            .push((seconds + 1800) / 3600);
    }
    let mut reply_hours_by_host: Counts = by_host
        .into_iter()
        .filter_map(|(host, hours)| median(hours).map(|m| (host, m)))
        .collect();
    reply_hours_by_host.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut satisfaction = BTreeMap::new();
    for n in &st.satisfaction {
        *satisfaction.entry(n.to_string()).or_insert(0) += 1;
    }
    let satisfaction_mean = (!st.satisfaction.is_empty())
        .then(|| st.satisfaction.iter().sum::<i64>() as f64 / st.satisfaction.len() as f64);
    Ok(Dashboard {
        immersions: list.len() as i64,
        in_preparation,
        list,
        by_status,
        by_year: counts(year),
        by_country: counts(country),
        by_direction: counts(direction),
        median_duration_days: median(durations),
        offers_published: st.offers_published,
        offers_without_applicants: st.offers_without_applicants,
        median_reply_hours: median(replies),
        reply_hours_by_host,
        satisfaction: counts(satisfaction),
        satisfaction_mean,
        reports_expected: st.ended * 2,
        reports_in: st.reports_in,
        follow_ups_sent: st.follow_ups_sent,
        follow_ups_answered: st.follow_ups_answered,
        programme,
    })
}

/// One follow-up as the coordinator reads it, with its immersion.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowUpAnswer {
    pub agreement_id: String,
    pub offer_title: String,
    pub recipient_name: String,
    pub side: String,
    pub months: i64,
    pub sent_at: i64,
    pub answered_at: Option<i64>,
    pub still_in_contact: Option<i64>,
    pub lasting: String,
    pub changes: String,
}

/// The follow-ups sent 6 and 12 months after the programme's immersions, answered or not,
/// newest first: for the programme's coordinator and administrators.
pub async fn follow_up_answers(
    core: &Core,
    user: &User,
    slug: &str,
) -> Result<(Programme, Vec<FollowUpAnswer>)> {
    let mut conn = core.db.pool.acquire().await?;
    let programme = super::store::programme_by_slug(&mut conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(&mut conn, Some(user), &programme, None, None).await?;
    if !policy::may_manage_programme(Some(user), s) {
        return Err(Error::Forbidden);
    }
    let rows = sqlx::query_as(
        "SELECT f.agreement_id, o.title AS offer_title,
                CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END AS recipient_name,
                f.side, f.months, f.sent_at, f.answered_at, f.still_in_contact, f.lasting, f.changes
         FROM follow_ups f JOIN agreements a ON a.id = f.agreement_id JOIN offers o ON o.id = a.offer_id
         JOIN users u ON u.id = f.recipient_id
         WHERE a.programme_id = $1 ORDER BY f.sent_at DESC, f.id",
    )
    .bind(&programme.id)
    .fetch_all(&mut *conn)
    .await?;
    Ok((programme, rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_durations() {
        assert_eq!(median(vec![]), None);
        assert_eq!(median(vec![7, 1, 5]), Some(5));
        assert_eq!(median(vec![4, 10, 1, 7]), Some(5));
        assert_eq!(days_between("2026-03-01", "2026-03-07"), Some(7));
        assert_eq!(days_between("2026-03-07", "2026-03-01"), None);
        assert_eq!(days_between("", "2026-03-01"), None);
    }
}
