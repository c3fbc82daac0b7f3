//! Offers (*déclarations d'intérêt*): written by a host organisation — or by a school looking
//! for a host — inside a programme, published to the catalogue, then filled, closed or expired.

use super::store::{self, CATALOGUE_WORDS, CatalogueFilter};
use super::{
    Application, Direction, DurationBand, Offer, OfferStatus, Programme, Sensitivity, Visibility,
    parse_codes, parse_date, parse_number, policy,
};
use crate::accounts::{Actor, Role, SPOKEN_LANGUAGES, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::jobs::{self, JobKind};
use crate::organisations::COUNTRIES;
use crate::text::{fold, query_words, split_list};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// The offer form, as typed.
#[derive(Debug, Clone, Default)]
pub struct OfferInput {
    /// The publishing organisation (id); fixed once created.
    pub organisation_id: String,
    pub title: String,
    pub direction: String,
    /// Comma-separated.
    pub themes: String,
    pub context: String,
    pub host_offers: String,
    pub host_expects: String,
    pub objectives: String,
    pub tasks: String,
    pub duration_days: String,
    pub time_share: String,
    pub day_pattern: String,
    pub period_start: String,
    pub period_end: String,
    pub apply_until: String,
    pub country: String,
    pub city: String,
    pub languages: Vec<String>,
    pub profile: String,
    pub data_sensitivity: String,
    pub data_why: String,
    pub employment_notes: String,
    pub funding_notes: String,
    pub contact_name: String,
    pub contact_email: String,
    pub visibility: String,
}

struct ValidOffer {
    title: String,
    direction: Direction,
    themes: String,
    duration_days: i64,
    time_share: Option<i64>,
    languages: String,
    data_sensitivity: Sensitivity,
    visibility: Visibility,
    contact_email: String,
    period_start: String,
    period_end: String,
    apply_until: String,
    country: String,
}

impl OfferInput {
    /// Checks the form against the programme's rules.
    fn parse(&self, programme: &Programme) -> Result<ValidOffer> {
        let mut e = FieldErrors::default();
        let title = validate::text(&mut e, "title", &self.title, true, 200);
        let direction = validate::choice(
            &mut e,
            "direction",
            &self.direction,
            Direction::parse,
            Direction::Peer,
        );
        let mut themes: Vec<String> = Vec::new();
        for t in split_list(&self.themes) {
            let t = t.to_lowercase();
            if t.chars().count() > 60 {
                e.add("themes", "offer-theme-too-long");
            } else if !themes.contains(&t) {
                themes.push(t);
            }
        }
        if themes.len() > 8 {
            e.add("themes", "offer-too-many-themes");
        }
        for (field, value, max) in [
            ("context", &self.context, 8000),
            ("host_offers", &self.host_offers, 4000),
            ("host_expects", &self.host_expects, 4000),
            ("objectives", &self.objectives, 4000),
            ("tasks", &self.tasks, 4000),
            ("day_pattern", &self.day_pattern, 300),
            ("city", &self.city, 120),
            ("profile", &self.profile, 4000),
            ("data_why", &self.data_why, 2000),
            ("employment_notes", &self.employment_notes, 4000),
            ("funding_notes", &self.funding_notes, 4000),
            ("contact_name", &self.contact_name, 200),
        ] {
            validate::text(&mut e, field, value, false, max);
        }
        let duration_days = parse_number(
            &mut e,
            "duration_days",
            &self.duration_days,
            true,
            (1, super::MAX_DURATION_DAYS),
        );
        if let Some(d) = duration_days
            && d > programme.max_duration_days
        {
            e.add("duration_days", "offer-duration-over-programme");
        }
        let time_share = parse_number(&mut e, "time_share", &self.time_share, false, (1, 100));
        if let Some(t) = time_share
            && (t < programme.min_time_share || t > programme.max_time_share)
        {
            e.add("time_share", "offer-time-share-outside-programme");
        }
        if time_share.is_none()
            && self.day_pattern.trim().is_empty()
            && e.get("time_share").is_none()
        {
            e.add("time_share", "offer-time-share-or-pattern");
        }
        let period_start = parse_date(&mut e, "period_start", &self.period_start);
        let period_end = parse_date(&mut e, "period_end", &self.period_end);
        if !period_start.is_empty()
            && !period_end.is_empty()
            && period_end < period_start
            && e.get("period_end").is_none()
        {
            e.add("period_end", "field-end-before-start");
        }
        let apply_until = parse_date(&mut e, "apply_until", &self.apply_until);
        let country = validate::choice(
            &mut e,
            "country",
            &self.country,
            |c| COUNTRIES.iter().find(|x| **x == c).copied(),
            "FR",
        );
        let languages = parse_codes(&mut e, "languages", &self.languages, SPOKEN_LANGUAGES, true);
        let data_sensitivity = validate::choice(
            &mut e,
            "data_sensitivity",
            &self.data_sensitivity,
            Sensitivity::parse,
            Sensitivity::None,
        );
        if data_sensitivity.needs_reason() && self.data_why.trim().is_empty() {
            e.add("data_why", "offer-data-why-required");
        }
        let contact_email = if self.contact_email.trim().is_empty() {
            String::new()
        } else {
            validate::email(&mut e, "contact_email", &self.contact_email)
        };
        let visibility = validate::choice(
            &mut e,
            "visibility",
            &self.visibility,
            Visibility::parse,
            Visibility::Public,
        );
        e.into_result()?;
        Ok(ValidOffer {
            title,
            direction,
            themes: themes.join(","),
            duration_days: duration_days.unwrap_or(1),
            time_share,
            languages,
            data_sensitivity,
            visibility,
            contact_email,
            period_start,
            period_end,
            apply_until,
            country: country.to_owned(),
        })
    }

    fn row<'a>(&'a self, v: &'a ValidOffer, search_text: &'a str) -> store::OfferRow<'a> {
        store::OfferRow {
            id: "",
            programme_id: "",
            organisation_id: &self.organisation_id,
            created_by: None,
            title: &v.title,
            direction: v.direction.code(),
            themes: &v.themes,
            context: self.context.trim(),
            host_offers: self.host_offers.trim(),
            host_expects: self.host_expects.trim(),
            objectives: self.objectives.trim(),
            tasks: self.tasks.trim(),
            duration_days: v.duration_days,
            time_share: v.time_share,
            day_pattern: self.day_pattern.trim(),
            period_start: &v.period_start,
            period_end: &v.period_end,
            apply_until: &v.apply_until,
            country: &v.country,
            city: self.city.trim(),
            languages: &v.languages,
            profile: self.profile.trim(),
            data_sensitivity: v.data_sensitivity.code(),
            data_why: self.data_why.trim(),
            employment_notes: self.employment_notes.trim(),
            funding_notes: self.funding_notes.trim(),
            contact_name: self.contact_name.trim(),
            contact_email: &v.contact_email,
            visibility: v.visibility.code(),
            search_text,
            is_demo: false,
            now: 0,
        }
    }

    /// The text the catalogue's search matches: folded title, themes, place and descriptions.
    fn search_text(&self, v: &ValidOffer, org_name: &str) -> String {
        fold(
            &[
                v.title.as_str(),
                &v.themes,
                &self.context,
                &self.host_offers,
                &self.host_expects,
                &self.objectives,
                &self.tasks,
                &self.city,
                &self.profile,
                org_name,
            ]
            .join(" \n "),
        )
    }

    /// The form pre-filled from a stored offer.
    pub fn from_offer(o: &Offer) -> OfferInput {
        OfferInput {
            organisation_id: o.organisation_id.clone(),
            title: o.title.clone(),
            direction: o.direction.clone(),
            themes: o.theme_list().join(", "),
            context: o.context.clone(),
            host_offers: o.host_offers.clone(),
            host_expects: o.host_expects.clone(),
            objectives: o.objectives.clone(),
            tasks: o.tasks.clone(),
            duration_days: o.duration_days.to_string(),
            time_share: o.time_share.map(|t| t.to_string()).unwrap_or_default(),
            day_pattern: o.day_pattern.clone(),
            period_start: o.period_start.clone(),
            period_end: o.period_end.clone(),
            apply_until: o.apply_until.clone(),
            country: o.country.clone(),
            city: o.city.clone(),
            languages: o.language_list(),
            profile: o.profile.clone(),
            data_sensitivity: o.data_sensitivity.clone(),
            data_why: o.data_why.clone(),
            employment_notes: o.employment_notes.clone(),
            funding_notes: o.funding_notes.clone(),
            contact_name: o.contact_name.clone(),
            contact_email: o.contact_email.clone(),
            visibility: o.visibility.clone(),
        }
    }
}

/// Creates a draft offer in the programme `programme_slug`; returns its id.
pub async fn create_offer(
    core: &Core,
    user: &User,
    programme_slug: &str,
    input: &OfferInput,
    actor: &Actor,
) -> Result<String> {
    let mut tx = core.db.begin().await?;
    let programme = store::programme_by_slug(&mut tx, programme_slug)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(&mut tx, Some(user), &programme, None, None).await?;
    // Members publish for their own partner organisations; the coordinator and administrators
    // for any partner.
    let choices: Vec<(String, String)> = if s.coordinates || user.role == Role::Administrator {
        store::partners(&mut tx, &programme.id)
            .await?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect()
    } else {
        store::partner_orgs_of(&mut tx, &programme.id, &user.id).await?
    };
    let gate = policy::Standing {
        host_member: !choices.is_empty(),
        programme_member: !choices.is_empty(),
        ..s
    };
    if !policy::may_create_offer(Some(user), gate) {
        return Err(Error::Forbidden);
    }
    let Some((_, org_name)) = choices.iter().find(|(id, _)| *id == input.organisation_id) else {
        let code = if input.organisation_id.is_empty() {
            "field-required"
        } else {
            "offer-organisation-not-partner"
        };
        let mut e = FieldErrors::default();
        e.add("organisation_id", code);
        // Report the other fields' problems too, so the form is fixed in one go.
        if let Err(Error::Invalid(more)) = input.parse(&programme) {
            for (f, c) in more.iter() {
                e.add(f, c);
            }
        }
        return Err(Error::Invalid(e));
    };
    let v = input.parse(&programme)?;
    let now = core.clock.unix();
    let id = new_id();
    let search_text = input.search_text(&v, org_name);
    let mut row = input.row(&v, &search_text);
    row.id = &id;
    row.programme_id = &programme.id;
    row.created_by = Some(&user.id);
    row.now = now;
    store::insert_offer(&mut tx, &row).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::OFFER_CREATED)
            .target("offer", &id)
            .subject(&v.title),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_catalogue.clear();
    Ok(id)
}

/// An offer as one viewer sees it.
#[derive(Debug, Clone)]
pub struct OfferView {
    pub offer: Offer,
    pub programme: Programme,
    pub may_manage: bool,
    pub may_apply: bool,
    /// The viewer's pending application, if any.
    pub my_application: Option<String>,
    /// Applications, for those who manage the offer.
    pub applications: Vec<Application>,
}

/// Loads an offer with the viewer's rights; `NotFound` when they may not see it (a draft or a
/// members-only offer does not reveal its existence).
pub async fn offer_view(core: &Core, id: &str, user: Option<&User>) -> Result<OfferView> {
    let mut conn = core.db.pool.acquire().await?;
    let offer = store::offer_by_id(&mut conn, id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = store::programme_by_id(&mut conn, &offer.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(
        &mut conn,
        user,
        &programme,
        Some(&offer.organisation_id),
        None,
    )
    .await?;
    let status = offer.status();
    if !policy::may_see_offer(
        user,
        s,
        status == OfferStatus::Draft,
        offer.visibility == Visibility::Members.code(),
    ) {
        return Err(Error::NotFound);
    }
    let may_manage = policy::may_manage_offer(user, s);
    let my_application = match user {
        Some(u) => store::pending_application_of(&mut conn, id, &u.id).await?,
        None => None,
    };
    let applications = if may_manage {
        store::applications_of_offer(&mut conn, id).await?
    } else {
        vec![]
    };
    Ok(OfferView {
        may_apply: status.is_open() && (user.is_none() || policy::may_apply(user, s)),
        may_manage,
        my_application,
        applications,
        offer,
        programme,
    })
}

/// The offer, its programme and the viewer's standing, or `Forbidden` unless they manage it.
async fn managed(
    conn: &mut sqlx::AnyConnection,
    user: &User,
    id: &str,
) -> Result<(Offer, Programme)> {
    let offer = store::offer_by_id(conn, id).await?.ok_or(Error::NotFound)?;
    let programme = store::programme_by_id(conn, &offer.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(
        conn,
        Some(user),
        &programme,
        Some(&offer.organisation_id),
        None,
    )
    .await?;
    if !policy::may_manage_offer(Some(user), s) {
        return Err(Error::Forbidden);
    }
    Ok((offer, programme))
}

/// Saves the offer form.
pub async fn update_offer(
    core: &Core,
    user: &User,
    id: &str,
    input: &OfferInput,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (offer, programme) = managed(&mut tx, user, id).await?;
    let mut input = input.clone();
    input.organisation_id = offer.organisation_id.clone();
    let v = input.parse(&programme)?;
    let now = core.clock.unix();
    let search_text = input.search_text(&v, &offer.organisation_name);
    let mut row = input.row(&v, &search_text);
    row.id = id;
    row.now = now;
    store::update_offer(&mut tx, &row).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::OFFER_UPDATED)
            .target("offer", id)
            .subject(&v.title),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_catalogue.clear();
    Ok(())
}

/// Moves an offer to another status (publish, mark filled, close, reopen). Publishing checks
/// the offer against the programme's current rules and alerts matching saved searches.
pub async fn set_offer_status(
    core: &Core,
    user: &User,
    id: &str,
    to: &str,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let (offer, programme) = managed(&mut tx, user, id).await?;
    let to = OfferStatus::parse(to).ok_or(Error::Conflict("offer-transition-invalid"))?;
    let from = offer.status();
    from.transition(to)?;
    let now = core.clock.unix();
    if to == OfferStatus::Published {
        // The programme's rules may have changed since the offer was written.
        OfferInput::from_offer(&offer).parse(&programme)?;
        if !offer.apply_until.is_empty() && offer.apply_until < super::today(core) {
            return Err(Error::field("apply_until", "offer-deadline-passed"));
        }
    }
    if !store::set_offer_status(&mut tx, id, from.code(), to.code(), now).await? {
        return Err(Error::Conflict("stale-status"));
    }
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::OFFER_STATUS_CHANGED)
            .target("offer", id)
            .subject(&offer.title)
            .details(to.code()),
    )
    .await?;
    if to == OfferStatus::Published && offer.published_at.is_none() {
        jobs::enqueue(
            &mut tx,
            now,
            JobKind::OfferPublished {
                offer_id: id.to_owned(),
            },
        )
        .await?;
    }
    tx.commit().await?;
    core.caches.public_catalogue.clear();
    Ok(())
}

/// The catalogue's search, as typed in the query string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CatalogueQuery {
    pub q: String,
    pub programme: String,
    pub direction: String,
    pub theme: String,
    pub country: String,
    pub language: String,
    pub duration: String,
    pub status: String,
}

impl CatalogueQuery {
    /// Reads a query string (`q=…&country=…`); unknown keys are ignored.
    pub fn from_query_string(qs: &str) -> CatalogueQuery {
        let mut c = CatalogueQuery::default();
        for (k, v) in form_urlencoded::parse(qs.trim_start_matches('?').as_bytes()) {
            let v = v.into_owned();
            match k.as_ref() {
                "q" => c.q = v,
                "programme" => c.programme = v,
                "direction" => c.direction = v,
                "theme" => c.theme = v,
                "country" => c.country = v,
                "language" => c.language = v,
                "duration" => c.duration = v,
                "status" => c.status = v,
                _ => {}
            }
        }
        c
    }

    /// The query string of this search (empty fields left out), for links and saved searches.
    pub fn to_query_string(&self) -> String {
        let mut s = form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.pairs() {
            if !v.is_empty() {
                s.append_pair(k, v);
            }
        }
        s.finish()
    }

    fn pairs(&self) -> [(&'static str, &str); 8] {
        [
            ("q", &self.q),
            ("programme", &self.programme),
            ("direction", &self.direction),
            ("theme", &self.theme),
            ("country", &self.country),
            ("language", &self.language),
            ("duration", &self.duration),
            ("status", &self.status),
        ]
    }

    /// Whether any filter or text is set.
    pub fn is_empty(&self) -> bool {
        self.pairs().iter().all(|(_, v)| v.trim().is_empty())
    }

    /// The database filter for `viewer`, whose programmes are looked up once.
    pub async fn filter_for(
        &self,
        conn: &mut sqlx::AnyConnection,
        viewer: Option<&User>,
    ) -> Result<CatalogueFilter> {
        let mut filter = self.filter(viewer);
        if let Some(u) = viewer {
            filter.member_programmes = store::viewer_programmes(conn, &u.id).await?.join(",");
        }
        Ok(filter)
    }

    /// The database filter for `viewer`, without their programme memberships (see
    /// [`CatalogueQuery::filter_for`]). Unknown codes match nothing rather than everything.
    pub fn filter(&self, viewer: Option<&User>) -> CatalogueFilter {
        let mut words: Vec<String> = query_words(&self.q, 64)
            .into_iter()
            .map(|w| format!("%{}%", w.replace(['%', '_'], "")))
            .collect();
        if words.len() > CATALOGUE_WORDS {
            // The last slot carries the remaining words in order.
            let rest: Vec<String> = words.split_off(CATALOGUE_WORDS - 1);
            words.push(format!(
                "%{}%",
                rest.iter()
                    .map(|w| w.trim_matches('%'))
                    .collect::<Vec<_>>()
                    .join("%")
            ));
        }
        let (min_days, max_days) = match self.duration.as_str() {
            "" => (0, i64::MAX),
            d => DurationBand::parse(d).map_or((1, 0), DurationBand::bounds),
        };
        let status = match self.status.as_str() {
            "" => OfferStatus::Published.code().to_owned(),
            s => match OfferStatus::parse(s) {
                Some(OfferStatus::Draft) | None => "none".to_owned(),
                Some(st) => st.code().to_owned(),
            },
        };
        CatalogueFilter {
            programme: self.programme.trim().to_owned(),
            direction: self.direction.trim().to_owned(),
            theme: self.theme.trim().to_lowercase(),
            country: self.country.trim().to_owned(),
            language: self.language.trim().to_owned(),
            min_days,
            max_days,
            status,
            words,
            member_programmes: String::new(),
            viewer_is_admin: viewer.is_some_and(|u| u.role == Role::Administrator),
            published_after: -1,
            only_offer: String::new(),
        }
    }
}

/// A page of the catalogue and the number of offers the search matches. Anonymous searches may
/// come from the per-instance cache (see [`super::cache`]).
pub async fn catalogue(
    core: &Core,
    viewer: Option<&User>,
    query: &CatalogueQuery,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Offer>, i64)> {
    if viewer.is_none() {
        let key = format!("{}|{limit}|{offset}", query.to_query_string());
        let results = core
            .caches
            .public_catalogue
            .get_or_compute(&key, core.clock.unix(), || {
                search(core, None, query, limit, offset)
            })
            .await?;
        return Ok((results.0.clone(), results.1));
    }
    search(core, viewer, query, limit, offset).await
}

async fn search(
    core: &Core,
    viewer: Option<&User>,
    query: &CatalogueQuery,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Offer>, i64)> {
    let mut conn = core.db.pool.acquire().await?;
    let filter = query.filter_for(&mut conn, viewer).await?;
    let offers = store::catalogue(&mut conn, &filter, limit, offset).await?;
    let total = if offset == 0 && (offers.len() as i64) < limit {
        offers.len() as i64
    } else {
        store::catalogue_count(&mut conn, &filter).await?
    };
    Ok((offers, total))
}

/// The themes of published public offers, sorted, for the theme filter (kept a minute).
pub async fn catalogue_themes(core: &Core) -> Result<Vec<String>> {
    let now = core.clock.unix();
    if let Some(themes) = core.caches.public_catalogue.themes(now) {
        return Ok((*themes).clone());
    }
    let _refreshing = core.caches.public_catalogue.refresh.lock().await;
    if let Some(themes) = core.caches.public_catalogue.themes(now) {
        return Ok((*themes).clone());
    }
    let mut conn = core.db.pool.acquire().await?;
    let mut themes: Vec<String> = store::published_themes(&mut conn)
        .await?
        .iter()
        .flat_map(|t| split_list(t))
        .collect();
    themes.sort();
    themes.dedup();
    core.caches
        .public_catalogue
        .put_themes(std::sync::Arc::new(themes.clone()), now);
    Ok(themes)
}

/// The offers of the organisations `user` belongs to, in every status (their "my offers" list).
pub async fn offers_of_member(core: &Core, user: &User) -> Result<Vec<Offer>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::offers_of_member(&mut conn, &user.id).await?)
}

/// Published offers of a programme, newest first; members-only ones for its members only.
pub async fn programme_offers(
    core: &Core,
    programme: &Programme,
    viewer: Option<&User>,
) -> Result<Vec<Offer>> {
    let query = CatalogueQuery {
        programme: programme.slug.clone(),
        ..Default::default()
    };
    Ok(catalogue(core, viewer, &query, 200, 0).await?.0)
}

/// Offers of a programme published at least `core.config.offer_stale_days` days ago that
/// nobody applied to: the coordinator's list.
pub async fn stale_offers(core: &Core, user: &User, programme: &Programme) -> Result<Vec<Offer>> {
    let mut conn = core.db.pool.acquire().await?;
    let s = super::standing(&mut conn, Some(user), programme, None, None).await?;
    if !policy::may_manage_programme(Some(user), s) {
        return Err(Error::Forbidden);
    }
    let before = core.clock.unix() - core.config.offer_stale_days * 86_400;
    Ok(store::offers_without_applications(&mut conn, &programme.id, before).await?)
}

/// Sends a nudge about an offer nobody applied to: one e-mail to each member of the
/// programme's other partner organisations. Returns how many were sent.
pub async fn nudge_offer(core: &Core, user: &User, id: &str, actor: &Actor) -> Result<usize> {
    let mut tx = core.db.begin().await?;
    let offer = store::offer_by_id(&mut tx, id)
        .await?
        .ok_or(Error::NotFound)?;
    let programme = store::programme_by_id(&mut tx, &offer.programme_id)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(&mut tx, Some(user), &programme, None, None).await?;
    if !policy::may_manage_programme(Some(user), s) {
        return Err(Error::Forbidden);
    }
    if !offer.status().is_open() {
        return Err(Error::Conflict("offer-not-open"));
    }
    let now = core.clock.unix();
    let recipients =
        store::nudge_recipients(&mut tx, &programme.id, &offer.organisation_id).await?;
    let link = core.link(&format!("/offers/{id}"));
    for (email, locale) in &recipients {
        let msg = crate::mail::Message::OfferNudge {
            offer: offer.title.clone(),
            organisation: offer.organisation_name.clone(),
            programme: programme.name.clone(),
            link: link.clone(),
        };
        crate::mail::enqueue(
            &mut tx,
            now,
            email,
            crate::Locale::parse(locale).unwrap_or(crate::Locale::Fr),
            &msg,
        )
        .await?;
    }
    store::mark_nudged(&mut tx, id, now).await?;
    let n = recipients.len().to_string();
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::OFFER_NUDGED)
            .target("offer", id)
            .subject(&offer.title)
            .details(&n),
    )
    .await?;
    tx.commit().await?;
    Ok(recipients.len())
}

/// Marks published offers whose application deadline has passed as expired. Returns how many.
pub async fn expire_offers(core: &Core) -> Result<usize> {
    let today = super::today(core);
    let now = core.clock.unix();
    let mut tx = core.db.begin().await?;
    let ids = store::offers_past_deadline(&mut tx, &today).await?;
    for id in &ids {
        store::set_offer_status(&mut tx, id, "published", "expired", now).await?;
        audit::record(
            &mut tx,
            now,
            &Actor::system(),
            Entry::new(action::OFFER_STATUS_CHANGED)
                .target("offer", id)
                .details("expired"),
        )
        .await?;
    }
    tx.commit().await?;
    if !ids.is_empty() {
        core.caches.public_catalogue.clear();
    }
    Ok(ids.len())
}
