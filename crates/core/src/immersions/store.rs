//! All SQL of programmes, offers and the catalogue (applications, threads and saved searches:
//! `application_store.rs`, re-exported here).

use sqlx::AnyConnection;

use super::{Offer, Partner, Programme};

pub use super::application_store::*;

type R<T> = Result<T, sqlx::Error>;

const PROGRAMME_COLUMNS: &str = "SELECT id, slug, name, description, kind, languages, max_duration_days, min_time_share, max_time_share, rules, coordinator_id, created_at, updated_at FROM programmes";

/// The fields of a programme as written.
pub struct ProgrammeRow<'a> {
    pub id: &'a str,
    pub slug: &'a str,
    pub name: &'a str,
    pub description: &'a str,
    pub kind: &'a str,
    pub languages: &'a str,
    pub max_duration_days: i64,
    pub min_time_share: i64,
    pub max_time_share: i64,
    pub rules: &'a str,
    pub coordinator_id: Option<&'a str>,
    pub is_demo: bool,
    pub now: i64,
}

pub async fn insert_programme(conn: &mut AnyConnection, p: &ProgrammeRow<'_>) -> R<()> {
    sqlx::query(
        "INSERT INTO programmes (id, slug, name, description, kind, languages, max_duration_days, min_time_share, max_time_share, rules, coordinator_id, is_demo, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
    )
    .bind(p.id)
    .bind(p.slug)
    .bind(p.name)
    .bind(p.description)
    .bind(p.kind)
    .bind(p.languages)
    .bind(p.max_duration_days)
    .bind(p.min_time_share)
    .bind(p.max_time_share)
    .bind(p.rules)
    .bind(p.coordinator_id)
    .bind(i64::from(p.is_demo))
    .bind(p.now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Updates the editable fields (not the slug, the coordinator or the demo flag).
pub async fn update_programme(conn: &mut AnyConnection, p: &ProgrammeRow<'_>) -> R<()> {
    sqlx::query(
        "UPDATE programmes SET name = $2, description = $3, kind = $4, languages = $5, max_duration_days = $6,
                min_time_share = $7, max_time_share = $8, rules = $9, updated_at = $10 WHERE id = $1",
    )
    .bind(p.id)
    .bind(p.name)
    .bind(p.description)
    .bind(p.kind)
    .bind(p.languages)
    .bind(p.max_duration_days)
    .bind(p.min_time_share)
    .bind(p.max_time_share)
    .bind(p.rules)
    .bind(p.now)
    .execute(conn)
    .await
    .map(|_| ())
}

pub async fn programme_slug_taken(conn: &mut AnyConnection, slug: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM programmes WHERE slug = $1")
        .bind(slug)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

pub async fn programme_by_slug(conn: &mut AnyConnection, slug: &str) -> R<Option<Programme>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PROGRAMME_COLUMNS} WHERE slug = $1"
    )))
    .bind(slug)
    .fetch_optional(conn)
    .await
}

pub async fn programme_by_id(conn: &mut AnyConnection, id: &str) -> R<Option<Programme>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PROGRAMME_COLUMNS} WHERE id = $1"
    )))
    .bind(id)
    .fetch_optional(conn)
    .await
}

pub async fn list_programmes(conn: &mut AnyConnection) -> R<Vec<Programme>> {
    sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "{PROGRAMME_COLUMNS} ORDER BY name, id"
    )))
    .fetch_all(conn)
    .await
}

pub async fn set_partners(conn: &mut AnyConnection, programme_id: &str, orgs: &[String]) -> R<()> {
    sqlx::query("DELETE FROM programme_partners WHERE programme_id = $1")
        .bind(programme_id)
        .execute(&mut *conn)
        .await?;
    for org in orgs {
        sqlx::query(
            "INSERT INTO programme_partners (programme_id, organisation_id) VALUES ($1, $2)",
        )
        .bind(programme_id)
        .bind(org)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn partners(conn: &mut AnyConnection, programme_id: &str) -> R<Vec<Partner>> {
    sqlx::query_as(
        "SELECT o.id, o.slug, o.name, o.country FROM programme_partners pp
         JOIN organisations o ON o.id = pp.organisation_id
         WHERE pp.programme_id = $1 ORDER BY o.name, o.id",
    )
    .bind(programme_id)
    .fetch_all(conn)
    .await
}

/// Whether `user_id` belongs to one of the programme's partner organisations.
pub async fn is_programme_member(
    conn: &mut AnyConnection,
    programme_id: &str,
    user_id: &str,
) -> R<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM programme_partners pp
         JOIN memberships m ON m.organisation_id = pp.organisation_id
         WHERE pp.programme_id = $1 AND m.user_id = $2",
    )
    .bind(programme_id)
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// Whether `user_id` belongs to the organisation.
pub async fn is_org_member(conn: &mut AnyConnection, org_id: &str, user_id: &str) -> R<bool> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE organisation_id = $1 AND user_id = $2",
    )
    .bind(org_id)
    .bind(user_id)
    .fetch_one(conn)
    .await?;
    Ok(n > 0)
}

/// `(id, name)` of the organisations `user_id` belongs to that are partners of a programme.
pub async fn partner_orgs_of(
    conn: &mut AnyConnection,
    programme_id: &str,
    user_id: &str,
) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT o.id, o.name FROM programme_partners pp
         JOIN organisations o ON o.id = pp.organisation_id
         JOIN memberships m ON m.organisation_id = o.id
         WHERE pp.programme_id = $1 AND m.user_id = $2 ORDER BY o.name",
    )
    .bind(programme_id)
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// `(id, name)` of the organisations `user_id` belongs to.
pub async fn orgs_of(conn: &mut AnyConnection, user_id: &str) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT o.id, o.name FROM organisations o JOIN memberships m ON m.organisation_id = o.id
         WHERE m.user_id = $1 ORDER BY o.name",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// `(id, name)` of every organisation, for the partner picker.
pub async fn all_orgs(conn: &mut AnyConnection) -> R<Vec<(String, String)>> {
    sqlx::query_as("SELECT id, name FROM organisations ORDER BY name, id")
        .fetch_all(conn)
        .await
}

macro_rules! offer_select {
    () => {
        "SELECT o.id, o.programme_id, p.slug AS programme_slug, p.name AS programme_name,
                o.organisation_id, g.slug AS organisation_slug, g.name AS organisation_name,
                o.created_by, o.title, o.direction, o.themes, o.context, o.host_offers, o.host_expects,
                o.objectives, o.tasks, o.duration_days, o.time_share, o.day_pattern, o.period_start,
                o.period_end, o.apply_until, o.country, o.city, o.languages, o.profile,
                o.data_sensitivity, o.data_why, o.employment_notes, o.funding_notes, o.contact_name,
                o.contact_email, o.visibility, o.status, o.published_at, o.status_changed_at,
                o.created_at, o.updated_at, o.places
         FROM offers o JOIN programmes p ON p.id = o.programme_id
         JOIN organisations g ON g.id = o.organisation_id"
    };
}

/// The fields of an offer as written.
pub struct OfferRow<'a> {
    pub id: &'a str,
    pub programme_id: &'a str,
    pub organisation_id: &'a str,
    pub created_by: Option<&'a str>,
    pub title: &'a str,
    pub direction: &'a str,
    pub themes: &'a str,
    pub context: &'a str,
    pub host_offers: &'a str,
    pub host_expects: &'a str,
    pub objectives: &'a str,
    pub tasks: &'a str,
    pub duration_days: i64,
    pub time_share: Option<i64>,
    pub day_pattern: &'a str,
    pub period_start: &'a str,
    pub period_end: &'a str,
    pub apply_until: &'a str,
    pub country: &'a str,
    pub city: &'a str,
    pub languages: &'a str,
    pub profile: &'a str,
    pub data_sensitivity: &'a str,
    pub data_why: &'a str,
    pub employment_notes: &'a str,
    pub funding_notes: &'a str,
    pub contact_name: &'a str,
    pub contact_email: &'a str,
    pub visibility: &'a str,
    pub search_text: &'a str,
    pub is_demo: bool,
    pub now: i64,
}

pub async fn insert_offer(conn: &mut AnyConnection, o: &OfferRow<'_>) -> R<()> {
    sqlx::query(
        "INSERT INTO offers (id, programme_id, organisation_id, created_by, title, direction, themes, context,
            host_offers, host_expects, objectives, tasks, duration_days, time_share, day_pattern,
            period_start, period_end, apply_until, country, city, languages, profile, data_sensitivity,
            data_why, employment_notes, funding_notes, contact_name, contact_email, visibility,
            search_text, is_demo, status, status_changed_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
            $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, 'draft', $32, $32, $32)",
    )
    .bind(o.id)
    .bind(o.programme_id)
    .bind(o.organisation_id)
    .bind(o.created_by)
    .bind(o.title)
    .bind(o.direction)
    .bind(o.themes)
    .bind(o.context)
    .bind(o.host_offers)
    .bind(o.host_expects)
    .bind(o.objectives)
    .bind(o.tasks)
    .bind(o.duration_days)
    .bind(o.time_share)
    .bind(o.day_pattern)
    .bind(o.period_start)
    .bind(o.period_end)
    .bind(o.apply_until)
    .bind(o.country)
    .bind(o.city)
    .bind(o.languages)
    .bind(o.profile)
    .bind(o.data_sensitivity)
    .bind(o.data_why)
    .bind(o.employment_notes)
    .bind(o.funding_notes)
    .bind(o.contact_name)
    .bind(o.contact_email)
    .bind(o.visibility)
    .bind(o.search_text)
    .bind(i64::from(o.is_demo))
    .bind(o.now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Sets how many people the offer hosts.
pub async fn set_places(conn: &mut AnyConnection, id: &str, places: i64) -> R<()> {
    sqlx::query("UPDATE offers SET places = $2 WHERE id = $1")
        .bind(id)
        .bind(places)
        .execute(conn)
        .await
        .map(|_| ())
}

/// Updates what the offer form edits (not its programme, organisation or status).
pub async fn update_offer(conn: &mut AnyConnection, o: &OfferRow<'_>) -> R<()> {
    sqlx::query(
        "UPDATE offers SET title = $2, direction = $3, themes = $4, context = $5, host_offers = $6,
            host_expects = $7, objectives = $8, tasks = $9, duration_days = $10, time_share = $11,
            day_pattern = $12, period_start = $13, period_end = $14, apply_until = $15, country = $16,
            city = $17, languages = $18, profile = $19, data_sensitivity = $20, data_why = $21,
            employment_notes = $22, funding_notes = $23, contact_name = $24, contact_email = $25,
            visibility = $26, search_text = $27, updated_at = $28
         WHERE id = $1",
    )
    .bind(o.id)
    .bind(o.title)
    .bind(o.direction)
    .bind(o.themes)
    .bind(o.context)
    .bind(o.host_offers)
    .bind(o.host_expects)
    .bind(o.objectives)
    .bind(o.tasks)
    .bind(o.duration_days)
    .bind(o.time_share)
    .bind(o.day_pattern)
    .bind(o.period_start)
    .bind(o.period_end)
    .bind(o.apply_until)
    .bind(o.country)
    .bind(o.city)
    .bind(o.languages)
    .bind(o.profile)
    .bind(o.data_sensitivity)
    .bind(o.data_why)
    .bind(o.employment_notes)
    .bind(o.funding_notes)
    .bind(o.contact_name)
    .bind(o.contact_email)
    .bind(o.visibility)
    .bind(o.search_text)
    .bind(o.now)
    .execute(conn)
    .await
    .map(|_| ())
}

/// Moves an offer from `from` to `to`; `false` when its status changed meanwhile.
pub async fn set_offer_status(
    conn: &mut AnyConnection,
    id: &str,
    from: &str,
    to: &str,
    now: i64,
) -> R<bool> {
    let done = sqlx::query(
        "UPDATE offers SET status = $3, status_changed_at = $4,
            published_at = CASE WHEN $3 = 'published' AND published_at IS NULL THEN $4 ELSE published_at END
         WHERE id = $1 AND status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn offer_by_id(conn: &mut AnyConnection, id: &str) -> R<Option<Offer>> {
    sqlx::query_as(concat!(offer_select!(), " WHERE o.id = $1"))
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Published offers whose application deadline (`YYYY-MM-DD`) is before `today`.
pub async fn offers_past_deadline(conn: &mut AnyConnection, today: &str) -> R<Vec<String>> {
    sqlx::query_scalar(
        "SELECT id FROM offers WHERE status = 'published' AND apply_until <> '' AND apply_until < $1",
    )
    .bind(today)
    .fetch_all(conn)
    .await
}

/// Offers of a programme in one status, newest first (the programme page, the coordinator's
/// lists).
pub async fn offers_of_programme(
    conn: &mut AnyConnection,
    programme_id: &str,
    status: &str,
) -> R<Vec<Offer>> {
    sqlx::query_as(concat!(
        offer_select!(),
        " WHERE o.programme_id = $1 AND o.status = $2 ORDER BY o.status_changed_at DESC, o.id"
    ))
    .bind(programme_id)
    .bind(status)
    .fetch_all(conn)
    .await
}

/// Offers of the organisations `user_id` belongs to, in any status.
pub async fn offers_of_member(conn: &mut AnyConnection, user_id: &str) -> R<Vec<Offer>> {
    sqlx::query_as(concat!(
        offer_select!(),
        " WHERE o.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = $1)
          ORDER BY o.updated_at DESC, o.id"
    ))
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// Published offers of a programme that have had no application for `days` days since
/// publication (the coordinator's "nobody applied" list).
pub async fn offers_without_applications(
    conn: &mut AnyConnection,
    programme_id: &str,
    published_before: i64,
) -> R<Vec<Offer>> {
    sqlx::query_as(concat!(
        offer_select!(),
        " WHERE o.programme_id = $1 AND o.status = 'published' AND o.published_at <= $2
            AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.offer_id = o.id)
          ORDER BY o.published_at, o.id"
    ))
    .bind(programme_id)
    .bind(published_before)
    .fetch_all(conn)
    .await
}

pub async fn mark_nudged(conn: &mut AnyConnection, offer_id: &str, now: i64) -> R<()> {
    sqlx::query("UPDATE offers SET nudged_at = $2 WHERE id = $1")
        .bind(offer_id)
        .bind(now)
        .execute(conn)
        .await
        .map(|_| ())
}

/// `(email, locale)` of the members of the programme's partner organisations, other than the
/// host's own members: the people a nudge about an offer goes to.
pub async fn nudge_recipients(
    conn: &mut AnyConnection,
    programme_id: &str,
    host_org_id: &str,
) -> R<Vec<(String, String)>> {
    sqlx::query_as(
        "SELECT DISTINCT u.email, u.locale FROM programme_partners pp
         JOIN memberships m ON m.organisation_id = pp.organisation_id
         JOIN users u ON u.id = m.user_id
         WHERE pp.programme_id = $1 AND u.email_confirmed_at IS NOT NULL
           AND u.id NOT IN (SELECT user_id FROM memberships WHERE organisation_id = $2)
         ORDER BY u.email",
    )
    .bind(programme_id)
    .bind(host_org_id)
    .fetch_all(conn)
    .await
}

/// The catalogue's filters, already normalised. Empty strings mean "any".
#[derive(Debug, Clone, Default)]
pub struct CatalogueFilter {
    pub programme: String,
    pub direction: String,
    pub theme: String,
    pub country: String,
    pub language: String,
    pub min_days: i64,
    pub max_days: i64,
    /// One status; the catalogue never shows drafts.
    pub status: String,
    /// `LIKE` patterns, one per query word (up to [`CATALOGUE_WORDS`]).
    pub words: Vec<String>,
    /// Comma-separated ids of the programmes whose members-only offers the viewer may see
    /// (worked out once per search rather than per offer row).
    pub member_programmes: String,
    pub viewer_is_admin: bool,
    /// Only offers published after this instant (alerts).
    pub published_after: i64,
    /// Only this offer (does a new offer match a saved search?).
    pub only_offer: String,
}

/// How many words of a query the catalogue matches.
pub const CATALOGUE_WORDS: usize = 5;

macro_rules! catalogue_where {
    () => {
        " WHERE o.status <> 'draft'
            AND ($1 = '' OR p.slug = $1)
            AND ($2 = '' OR o.direction = $2)
            AND ($3 = '' OR (',' || o.themes || ',') LIKE ('%,' || $3 || ',%'))
            AND ($4 = '' OR o.country = $4)
            AND ($5 = '' OR (',' || o.languages || ',') LIKE ('%,' || $5 || ',%'))
            AND o.duration_days >= $6 AND o.duration_days <= $7
            AND o.status = $8
            AND ($9 = '' OR o.search_text LIKE $9) AND ($10 = '' OR o.search_text LIKE $10)
            AND ($11 = '' OR o.search_text LIKE $11) AND ($12 = '' OR o.search_text LIKE $12)
            AND ($13 = '' OR o.search_text LIKE $13)
            AND (o.visibility = 'public' OR $15 = 1
                 OR ($14 <> '' AND (',' || $14 || ',') LIKE ('%,' || o.programme_id || ',%')))
            AND COALESCE(o.published_at, 0) > $16
            AND ($17 = '' OR o.id = $17)"
    };
}

fn bind_catalogue<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    f: &'q CatalogueFilter,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    let word = |i: usize| f.words.get(i).map_or("", String::as_str);
    q.bind(&f.programme)
        .bind(&f.direction)
        .bind(&f.theme)
        .bind(&f.country)
        .bind(&f.language)
        .bind(f.min_days)
        .bind(f.max_days)
        .bind(&f.status)
        .bind(word(0))
        .bind(word(1))
        .bind(word(2))
        .bind(word(3))
        .bind(word(4))
        .bind(&f.member_programmes)
        .bind(i64::from(f.viewer_is_admin))
        .bind(f.published_after)
        .bind(&f.only_offer)
}

/// Ids of the programmes `user_id` belongs to (through a partner organisation) or coordinates.
pub async fn viewer_programmes(conn: &mut AnyConnection, user_id: &str) -> R<Vec<String>> {
    sqlx::query_scalar(
        "SELECT pp.programme_id FROM programme_partners pp
         JOIN memberships m ON m.organisation_id = pp.organisation_id WHERE m.user_id = $1
         UNION SELECT id FROM programmes WHERE coordinator_id = $1",
    )
    .bind(user_id)
    .fetch_all(conn)
    .await
}

/// A page of the catalogue, newest publication first.
pub async fn catalogue(
    conn: &mut AnyConnection,
    f: &CatalogueFilter,
    limit: i64,
    offset: i64,
) -> R<Vec<Offer>> {
    let q = sqlx::query(concat!(
        offer_select!(),
        catalogue_where!(),
        " ORDER BY o.published_at DESC, o.id LIMIT $18 OFFSET $19"
    ));
    let rows = bind_catalogue(q, f)
        .bind(limit)
        .bind(offset)
        .fetch_all(conn)
        .await?;
    rows.iter()
        .map(<Offer as sqlx::FromRow<sqlx::any::AnyRow>>::from_row)
        .collect()
}

/// How many offers the catalogue filter matches.
pub async fn catalogue_count(conn: &mut AnyConnection, f: &CatalogueFilter) -> R<i64> {
    let q = sqlx::query(concat!(
        "SELECT COUNT(*) FROM offers o JOIN programmes p ON p.id = o.programme_id",
        catalogue_where!()
    ));
    let row = bind_catalogue(q, f).fetch_one(conn).await?;
    sqlx::Row::try_get(&row, 0)
}

/// The themes used by published offers, for the catalogue's theme filter.
pub async fn published_themes(conn: &mut AnyConnection) -> R<Vec<String>> {
    sqlx::query_scalar(
        "SELECT DISTINCT themes FROM offers WHERE status = 'published' AND themes <> ''",
    )
    .fetch_all(conn)
    .await
}
