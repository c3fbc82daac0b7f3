//! The catalogue: searching published offers (with the anonymous cache), the theme filter,
//! programme pages' offers, the coordinator's list of offers nobody applied to and its nudges,
//! and the expiry of offers past their deadline.

use super::store::{self, CATALOGUE_WORDS, CatalogueFilter};
use super::{DurationBand, Offer, OfferStatus, Programme, policy};
use crate::accounts::{Actor, Role, User};
use crate::audit::{self, Entry, action};
use crate::text::{query_words, split_list};
use crate::{Core, Error, Result};

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
/// programme's other partner organisations and to each matching alumnus (same programme, or
/// topics meeting the offer's themes), never to the host's own members. Returns how many
/// were sent.
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
    let mut recipients =
        store::nudge_recipients(&mut tx, &programme.id, &offer.organisation_id).await?;
    let hosts =
        super::application_store::org_member_contacts(&mut tx, &offer.organisation_id).await?;
    let themes = crate::text::split_list(&offer.themes);
    for (email, locale) in super::alumni::nudge_alumni(&mut tx, &programme.id, &themes).await? {
        let known = recipients.iter().any(|(e, _)| *e == email)
            || hosts.iter().any(|(e, _, _)| *e == email);
        if !known {
            recipients.push((email, locale));
        }
    }
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
