//! Programmes: created by coordinators, with partner organisations and the rules offers must
//! respect (maximum duration, allowed time shares).

use super::{
    MAX_DURATION_DAYS, Partner, Programme, ProgrammeKind, parse_codes, parse_number, policy, store,
};
use crate::accounts::{Actor, SPOKEN_LANGUAGES, User};
use crate::audit::{self, Entry, action};
use crate::ids::{new_id, slugify};
use crate::validate::{self, FieldErrors};
use crate::{Core, Error, Result};

/// The programme form, as typed.
#[derive(Debug, Clone, Default)]
pub struct ProgrammeInput {
    pub name: String,
    pub description: String,
    pub kind: String,
    pub languages: Vec<String>,
    pub max_duration_days: String,
    pub min_time_share: String,
    pub max_time_share: String,
    pub rules: String,
    /// Organisation ids.
    pub partners: Vec<String>,
}

struct ValidProgramme {
    name: String,
    description: String,
    kind: ProgrammeKind,
    languages: String,
    max_duration_days: i64,
    min_time_share: i64,
    max_time_share: i64,
    rules: String,
    partners: Vec<String>,
}

impl ProgrammeInput {
    fn parse(&self, known_orgs: &[(String, String)]) -> Result<ValidProgramme> {
        let mut e = FieldErrors::default();
        let name = validate::text(&mut e, "name", &self.name, true, 200);
        if e.get("name").is_none() && slugify(&name).is_empty() {
            e.add("name", "org-name-needs-letters");
        }
        let description = validate::text(&mut e, "description", &self.description, false, 8000);
        let kind = validate::choice(
            &mut e,
            "kind",
            &self.kind,
            ProgrammeKind::parse,
            ProgrammeKind::Other,
        );
        let languages = parse_codes(&mut e, "languages", &self.languages, SPOKEN_LANGUAGES, true);
        let max = parse_number(
            &mut e,
            "max_duration_days",
            &self.max_duration_days,
            true,
            (1, MAX_DURATION_DAYS),
        );
        let min_share = parse_number(
            &mut e,
            "min_time_share",
            &self.min_time_share,
            true,
            (1, 100),
        );
        let max_share = parse_number(
            &mut e,
            "max_time_share",
            &self.max_time_share,
            true,
            (1, 100),
        );
        if let (Some(a), Some(b)) = (min_share, max_share)
            && a > b
        {
            e.add("max_time_share", "field-range-inverted");
        }
        let rules = validate::text(&mut e, "rules", &self.rules, false, 8000);
        let mut partners: Vec<String> = Vec::new();
        for p in &self.partners {
            if p.is_empty() || partners.contains(p) {
                continue;
            }
            if known_orgs.iter().any(|(id, _)| id == p) {
                partners.push(p.clone());
            } else {
                e.add("partners", "field-choice-invalid");
            }
        }
        e.into_result()?;
        Ok(ValidProgramme {
            name,
            description,
            kind,
            languages,
            max_duration_days: max.unwrap_or(1),
            min_time_share: min_share.unwrap_or(1),
            max_time_share: max_share.unwrap_or(100),
            rules,
            partners,
        })
    }
}

/// A programme as one viewer sees it.
#[derive(Debug, Clone)]
pub struct ProgrammeView {
    pub programme: Programme,
    pub partners: Vec<Partner>,
    pub coordinator_name: String,
    pub may_manage: bool,
    /// The viewer's partner organisations, for which they may publish offers.
    pub my_partner_orgs: Vec<(String, String)>,
    pub may_publish: bool,
}

/// Every organisation, for the partner picker.
pub async fn organisation_choices(core: &Core) -> Result<Vec<(String, String)>> {
    let mut conn = core.db.pool.acquire().await?;
    Ok(store::all_orgs(&mut conn).await?)
}

/// Creates a programme; its creator becomes its coordinator.
pub async fn create_programme(
    core: &Core,
    user: &User,
    input: &ProgrammeInput,
    actor: &Actor,
) -> Result<String> {
    if !policy::may_create_programme(Some(user)) {
        return Err(Error::Forbidden);
    }
    let mut tx = core.db.begin().await?;
    let orgs = store::all_orgs(&mut tx).await?;
    let v = input.parse(&orgs)?;
    let now = core.clock.unix();
    let base = slugify(&v.name);
    let mut slug = base.clone();
    let mut n = 2;
    while store::programme_slug_taken(&mut tx, &slug).await? {
        slug = format!("{base}-{n}");
        n += 1;
    }
    let id = new_id();
    store::insert_programme(&mut tx, &row(&id, &slug, &v, Some(&user.id), now)).await?;
    store::set_partners(&mut tx, &id, &v.partners).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::PROGRAMME_CREATED)
            .target("programme", &id)
            .subject(&v.name),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_catalogue.clear();
    Ok(slug)
}

fn row<'a>(
    id: &'a str,
    slug: &'a str,
    v: &'a ValidProgramme,
    coordinator: Option<&'a str>,
    now: i64,
) -> store::ProgrammeRow<'a> {
    store::ProgrammeRow {
        id,
        slug,
        name: &v.name,
        description: &v.description,
        kind: v.kind.code(),
        languages: &v.languages,
        max_duration_days: v.max_duration_days,
        min_time_share: v.min_time_share,
        max_time_share: v.max_time_share,
        rules: &v.rules,
        coordinator_id: coordinator,
        is_demo: false,
        now,
    }
}

/// Saves the programme form.
pub async fn update_programme(
    core: &Core,
    user: &User,
    slug: &str,
    input: &ProgrammeInput,
    actor: &Actor,
) -> Result<()> {
    let mut tx = core.db.begin().await?;
    let p = store::programme_by_slug(&mut tx, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let s = super::standing(&mut tx, Some(user), &p, None, None).await?;
    if !policy::may_manage_programme(Some(user), s) {
        return Err(Error::Forbidden);
    }
    let orgs = store::all_orgs(&mut tx).await?;
    let v = input.parse(&orgs)?;
    let now = core.clock.unix();
    store::update_programme(&mut tx, &row(&p.id, slug, &v, None, now)).await?;
    store::set_partners(&mut tx, &p.id, &v.partners).await?;
    audit::record(
        &mut tx,
        now,
        actor,
        Entry::new(action::PROGRAMME_UPDATED)
            .target("programme", &p.id)
            .subject(&v.name),
    )
    .await?;
    tx.commit().await?;
    core.caches.public_catalogue.clear();
    Ok(())
}

/// A programme page's data. Programmes are public.
pub async fn programme_view(core: &Core, slug: &str, user: Option<&User>) -> Result<ProgrammeView> {
    let mut conn = core.db.pool.acquire().await?;
    let programme = store::programme_by_slug(&mut conn, slug)
        .await?
        .ok_or(Error::NotFound)?;
    let partners = store::partners(&mut conn, &programme.id).await?;
    let s = super::standing(&mut conn, user, &programme, None, None).await?;
    let coordinator_name = match &programme.coordinator_id {
        Some(id) => crate::accounts::store::by_id(&mut conn, id)
            .await?
            .map(|u| {
                if u.display_name.is_empty() {
                    u.email
                } else {
                    u.display_name
                }
            })
            .unwrap_or_default(),
        None => String::new(),
    };
    let my_partner_orgs = match user {
        Some(u) if s.coordinates || u.role == crate::accounts::Role::Administrator => partners
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        Some(u) => store::partner_orgs_of(&mut conn, &programme.id, &u.id).await?,
        None => vec![],
    };
    let may_publish = !my_partner_orgs.is_empty()
        && policy::may_create_offer(
            user,
            super::policy::Standing {
                host_member: true,
                ..s
            },
        );
    Ok(ProgrammeView {
        may_manage: policy::may_manage_programme(user, s),
        programme,
        partners,
        coordinator_name,
        my_partner_orgs,
        may_publish,
    })
}

/// The programme form pre-filled from a stored programme.
pub fn programme_input(view: &ProgrammeView) -> ProgrammeInput {
    let p = &view.programme;
    ProgrammeInput {
        name: p.name.clone(),
        description: p.description.clone(),
        kind: p.kind.clone(),
        languages: p.language_list(),
        max_duration_days: p.max_duration_days.to_string(),
        min_time_share: p.min_time_share.to_string(),
        max_time_share: p.max_time_share.to_string(),
        rules: p.rules.clone(),
        partners: view.partners.iter().map(|p| p.id.clone()).collect(),
    }
}

/// Every programme, by name (kept a minute per instance; changes here are seen at once).
pub async fn list_programmes(core: &Core) -> Result<Vec<Programme>> {
    let now = core.clock.unix();
    if let Some(hit) = core.caches.public_catalogue.programmes(now) {
        return Ok((*hit).clone());
    }
    let _refreshing = core.caches.public_catalogue.refresh.lock().await;
    if let Some(hit) = core.caches.public_catalogue.programmes(now) {
        return Ok((*hit).clone());
    }
    let mut conn = core.db.pool.acquire().await?;
    let programmes = store::list_programmes(&mut conn).await?;
    core.caches
        .public_catalogue
        .put_programmes(std::sync::Arc::new(programmes.clone()), now);
    Ok(programmes)
}
