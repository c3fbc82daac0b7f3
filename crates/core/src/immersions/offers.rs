//! Offers (*déclarations d'intérêt*): written by a host organisation — or by a school looking
//! for a host — inside a programme, published to the catalogue, then filled, closed or expired.
//! Searching them is in `catalogue.rs`.

use super::store;
use super::{
    Application, Direction, Offer, OfferStatus, Programme, Sensitivity, Visibility, parse_codes,
    parse_date, parse_number, policy,
};
use crate::accounts::{Actor, Role, SPOKEN_LANGUAGES, User};
use crate::audit::{self, Entry, action};
use crate::ids::new_id;
use crate::jobs::{self, JobKind};
use crate::organisations::COUNTRIES;
use crate::text::{fold, split_list};
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
    /// How many people it hosts (1 when empty).
    pub places: String,
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

/// The most people one offer hosts.
pub const MAX_PLACES: i64 = 50;

struct ValidOffer {
    title: String,
    direction: Direction,
    themes: String,
    duration_days: i64,
    places: i64,
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
        let places = parse_number(&mut e, "places", &self.places, false, (1, MAX_PLACES));
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
            places: places.unwrap_or(1),
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
            places: o.places.to_string(),
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
    store::set_places(&mut tx, row.id, v.places).await?;
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
    store::set_places(&mut tx, row.id, v.places).await?;
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
