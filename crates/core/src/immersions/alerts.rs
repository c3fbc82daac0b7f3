//! Saved searches of the catalogue and their e-mail alerts: immediate (when a matching offer is
//! published) or a weekly digest.

use super::store;
use super::{CatalogueQuery, Frequency, SavedSearch};
use crate::accounts::User;
use crate::ids::new_id;
use crate::mail::{self, Message};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Locale, Result};

/// A person may keep this many saved searches.
pub const MAX_SAVED_SEARCHES: usize = 20;

/// Saves the catalogue search `query` (a query string) under `label`.
pub async fn save_search(
    core: &Core,
    user: &User,
    label: &str,
    query: &str,
    frequency: &str,
) -> Result<()> {
    let mut e = FieldErrors::default();
    let parsed = CatalogueQuery::from_query_string(query);
    let fallback = if parsed.q.trim().is_empty() {
        "—".to_owned()
    } else {
        parsed.q.clone()
    };
    let label = validate::text(
        &mut e,
        "label",
        if label.trim().is_empty() {
            &fallback
        } else {
            label
        },
        true,
        120,
    );
    let frequency = validate::choice(
        &mut e,
        "frequency",
        frequency,
        Frequency::parse,
        Frequency::Weekly,
    );
    e.into_result()?;
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    if store::saved_searches_of(&mut tx, &user.id).await?.len() >= MAX_SAVED_SEARCHES {
        return Err(Error::Conflict("saved-search-limit"));
    }
    store::insert_saved_search(
        &mut tx,
        &SavedSearch {
            id: new_id(),
            user_id: user.id.clone(),
            label,
            query: parsed.to_query_string(),
            frequency: frequency.code().to_owned(),
            last_sent_at: now,
            created_at: now,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn saved_searches(core: &Core, user: &User) -> Result<Vec<SavedSearch>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::saved_searches_of(&mut conn, &user.id).await?)
}

pub async fn delete_saved_search(core: &Core, user: &User, id: &str) -> Result<()> {
    let mut conn = core.db.pool.acquire().await?;
    if store::delete_saved_search(&mut conn, id, &user.id).await? {
        Ok(())
    } else {
        Err(Error::NotFound)
    }
}

/// The owner of a saved search as a viewer of the catalogue (so members-only offers reach
/// only those allowed to see them).
async fn owner(conn: &mut sqlx::AnyConnection, s: &SavedSearch) -> Result<Option<User>> {
    Ok(crate::accounts::store::by_id(conn, &s.user_id)
        .await?
        .map(User::from))
}

/// Sends the immediate alerts for a newly published offer (the `offer-published` job).
pub async fn alert_new_offer(core: &Core, offer_id: &str) -> Result<usize> {
    let mut conn = core.db.pool.acquire().await?;
    let now = core.clock.unix();
    let due = store::saved_searches_due(&mut conn, now).await?;
    let mut sent = 0;
    for s in due
        .iter()
        .filter(|s| s.frequency == Frequency::Immediate.code())
    {
        let Some(user) = owner(&mut conn, s).await? else {
            continue;
        };
        let mut filter = CatalogueQuery::from_query_string(&s.query)
            .filter_for(&mut conn, Some(&user))
            .await?;
        filter.only_offer = offer_id.to_owned();
        if store::catalogue_count(&mut conn, &filter).await? == 0 {
            continue;
        }
        let msg = Message::SearchAlert {
            label: s.label.clone(),
            count: 1,
            link: core.link(&format!("/offers/{offer_id}")),
        };
        mail::enqueue(&mut conn, now, &user.email, user.locale, &msg).await?;
        sent += 1;
    }
    Ok(sent)
}

/// Sends the weekly digests that are due: the offers published since the last one.
pub async fn send_digests(core: &Core) -> Result<usize> {
    let mut conn = core.db.pool.acquire().await?;
    let now = core.clock.unix();
    let due = store::saved_searches_due(&mut conn, now).await?;
    let mut sent = 0;
    for s in due
        .iter()
        .filter(|s| s.frequency == Frequency::Weekly.code())
    {
        let Some(user) = owner(&mut conn, s).await? else {
            continue;
        };
        let mut filter = CatalogueQuery::from_query_string(&s.query)
            .filter_for(&mut conn, Some(&user))
            .await?;
        filter.published_after = s.last_sent_at;
        let count = store::catalogue_count(&mut conn, &filter).await?;
        let mut tx = core.db.begin().await?;
        if count > 0 {
            let msg = Message::SearchAlert {
                label: s.label.clone(),
                count,
                link: core.link(&format!("/offers?{}", s.query)),
            };
            mail::enqueue(&mut tx, now, &user.email, user.locale, &msg).await?;
            sent += 1;
        }
        store::mark_saved_search_sent(&mut tx, &s.id, now).await?;
        tx.commit().await?;
    }
    Ok(sent)
}

/// Time-driven work of immersions, run by the `sweep` job: expire offers past their deadline,
/// end data access that has run out, remind missing closing reports, send the follow-ups that
/// are due, remind follow-up actions that fall due, and send the weekly digests. It also runs
/// right after an agreement ends, so the closing reports are asked for at once.
pub async fn sweep(core: &Core) -> Result<()> {
    super::expire_offers(core).await?;
    super::end_expired_access(core).await?;
    super::signatures::remind_signatories(core).await?;
    remind_unanswered_applications(core).await?;
    super::send_report_reminders_and_follow_ups(core).await?;
    super::remind_due_actions(core).await?;
    send_digests(core).await?;
    Ok(())
}

/// Reminds the host organisation's members of applications nobody has answered after
/// `application_reminder_days` (then once more every as many days while still unanswered).
/// Run by the hourly sweep. Returns how many applications were reminded.
pub async fn remind_unanswered_applications(core: &Core) -> Result<usize> {
    let now = core.clock.unix();
    let due = now - core.config.application_reminder_days * 86_400;
    let mut tx = core.db.begin().await?;
    let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
        "SELECT a.id, o.title, o.organisation_id,
                CASE WHEN u.display_name = '' THEN u.email ELSE u.display_name END, a.created_at
         FROM applications a JOIN offers o ON o.id = a.offer_id JOIN users u ON u.id = a.applicant_id
         WHERE a.status = 'submitted' AND a.first_reply_at IS NULL AND a.created_at <= $1
           AND COALESCE(a.reply_reminded_at, 0) <= $1
         ORDER BY a.created_at, a.id",
    )
    .bind(due)
    .fetch_all(&mut *tx)
    .await?;
    for (id, offer, org, applicant, created_at) in &rows {
        let link = core.link(&format!("/applications/{id}"));
        for (email, locale, _) in store::org_member_contacts(&mut tx, org).await? {
            let msg = Message::ApplicationReminder {
                offer: offer.clone(),
                applicant: applicant.clone(),
                days: (now - created_at) / 86_400,
                link: link.clone(),
            };
            mail::enqueue(
                &mut tx,
                now,
                &email,
                Locale::parse(&locale).unwrap_or_default(),
                &msg,
            )
            .await?;
        }
        sqlx::query("UPDATE applications SET reply_reminded_at = $2 WHERE id = $1")
            .bind(id)
            .bind(now)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(rows.len())
}
