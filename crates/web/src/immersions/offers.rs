//! Offer handlers: the catalogue and its feed, saved searches, writing and publishing offers,
//! applying.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use passerelle_core::immersions::{self, ApplicationInput, CatalogueQuery, Offer, OfferInput};
use passerelle_core::{Core, Error};
use serde::Deserialize;

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;
use crate::forms::{Errors, FormData, HxFragment, Notice, Pairs, invalid, see_other};

const PAGE_SIZE: i64 = 20;
/// Entries in an Atom feed.
const FEED_SIZE: i64 = 50;

fn page_of(raw: &Option<String>) -> i64 {
    raw.as_deref()
        .and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "page")
                .and_then(|(_, v)| v.parse().ok())
        })
        .unwrap_or(1)
        .clamp(1, 10_000)
}

pub async fn catalogue(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    HxFragment(fragment): HxFragment,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = CatalogueQuery::from_query_string(raw.as_deref().unwrap_or(""));
    let page = page_of(&raw);
    let results_html = results_html(&state, &ctx, &query, page).await?;
    // htmx asks for the results only when the filters change; a full page otherwise.
    if fragment {
        return Ok(axum::response::Html((*results_html).clone()).into_response());
    }
    Ok(CataloguePage {
        filters_html: filters_html(&state, &ctx, &query).await?,
        query,
        results_html,
        notice,
        save_errors: Errors::default(),
        ctx,
    }
    .into_response())
}

/// The rendered filter form: from the anonymous fragment cache when possible.
async fn filters_html(
    state: &AppState,
    ctx: &Ctx,
    query: &CatalogueQuery,
) -> Result<std::sync::Arc<String>, AppError> {
    let core = &state.core;
    let now = core.clock.unix();
    let key = format!(
        "filters|{}|{}|{}",
        core.caches.public_catalogue.generation(),
        ctx.lang(),
        query.to_query_string()
    );
    if ctx.user.is_none()
        && let Some(hit) = state.fragments.get(&key, now)
    {
        return Ok(hit);
    }
    let fragment = FiltersFragment {
        ctx: ctx.clone(),
        query: query.clone(),
        programmes: immersions::list_programmes(core).await?,
        themes: immersions::catalogue_themes(core).await?,
    };
    let html = std::sync::Arc::new(
        askama::Template::render(&fragment)
            .map_err(|e| AppError::internal(format!("filters: {e}")))?,
    );
    if ctx.user.is_none() {
        state.fragments.put(key, html.clone(), now);
    }
    Ok(html)
}

/// The rendered results of a search: from the anonymous fragment cache when possible.
async fn results_html(
    state: &AppState,
    ctx: &Ctx,
    query: &CatalogueQuery,
    page: i64,
) -> Result<std::sync::Arc<String>, AppError> {
    let core = &state.core;
    let now = core.clock.unix();
    let key = format!(
        "catalogue|{}|{}|{}|{page}",
        core.caches.public_catalogue.generation(),
        ctx.lang(),
        query.to_query_string()
    );
    if ctx.user.is_none()
        && let Some(hit) = state.fragments.get(&key, now)
    {
        return Ok(hit);
    }
    let (mut offers, total) = immersions::catalogue(
        core,
        ctx.user.as_ref(),
        query,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let has_next = offers.len() as i64 > PAGE_SIZE;
    offers.truncate(PAGE_SIZE as usize);
    let fragment = ResultsFragment {
        ctx: ctx.clone(),
        offers,
        total,
        query: query.clone(),
        page,
        has_next,
    };
    let html = std::sync::Arc::new(
        askama::Template::render(&fragment)
            .map_err(|e| AppError::internal(format!("results: {e}")))?,
    );
    if ctx.user.is_none() {
        state.fragments.put(key, html.clone(), now);
    }
    Ok(html)
}

/// Builds an Atom feed of offers.
pub(super) fn feed(
    core: &Core,
    ctx: &Ctx,
    title: String,
    self_link: String,
    alternate: String,
    fallback_updated: i64,
    offers: &[Offer],
) -> Feed {
    let updated = offers
        .iter()
        .map(|o| o.published_at.unwrap_or(o.updated_at))
        .max()
        .unwrap_or(fallback_updated);
    Feed {
        title,
        id: self_link.clone(),
        self_link,
        alternate,
        updated: super::rfc3339(updated),
        entries: offers
            .iter()
            .map(|o| FeedEntry {
                id: core.link(&format!("/offers/{}", o.id)),
                link: core.link(&format!("/offers/{}", o.id)),
                title: o.title.clone(),
                updated: super::rfc3339(o.published_at.unwrap_or(o.updated_at)),
                author: o.organisation_name.clone(),
                summary: format!(
                    "{} · {} · {}{}",
                    ctx.tk("direction-", &o.direction),
                    ctx.tk("country-", &o.country),
                    o.programme_name,
                    if o.context.is_empty() {
                        String::new()
                    } else {
                        format!("\n\n{}", o.context)
                    }
                ),
            })
            .collect(),
    }
}

/// The catalogue search as Atom; anonymous, so only public offers.
pub async fn catalogue_feed(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> Result<Response, AppError> {
    let query = CatalogueQuery::from_query_string(raw.as_deref().unwrap_or(""));
    let (offers, _) = immersions::catalogue(&state.core, None, &query, FEED_SIZE, 0).await?;
    let qs = query.to_query_string();
    let core = &state.core;
    let title = if query.is_empty() {
        ctx.t("feed-catalogue-title")
    } else {
        ctx.t1("feed-search-title", "query", &qs)
    };
    super::atom(feed(
        core,
        &ctx,
        title,
        core.link(&format!("/offers/feed.atom?{qs}")),
        core.link(&format!("/offers?{qs}")),
        0,
        &offers,
    ))
}

pub async fn my_offers(State(state): State<AppState>, ctx: Ctx) -> Result<MinePage, AppError> {
    let user = ctx.require_user()?;
    let offers = immersions::offers_of_member(&state.core, user).await?;
    Ok(MinePage { offers, ctx })
}

fn offer_input(p: &Pairs) -> OfferInput {
    OfferInput {
        organisation_id: p.get("organisation_id"),
        title: p.get("title"),
        direction: p.get("direction"),
        themes: p.get("themes"),
        context: p.get("context"),
        host_offers: p.get("host_offers"),
        host_expects: p.get("host_expects"),
        objectives: p.get("objectives"),
        tasks: p.get("tasks"),
        duration_days: p.get("duration_days"),
        places: p.get("places"),
        time_share: p.get("time_share"),
        day_pattern: p.get("day_pattern"),
        period_start: p.get("period_start"),
        period_end: p.get("period_end"),
        apply_until: p.get("apply_until"),
        country: p.get("country"),
        city: p.get("city"),
        languages: p.all("languages"),
        profile: p.get("profile"),
        data_sensitivity: p.get("data_sensitivity"),
        data_why: p.get("data_why"),
        employment_notes: p.get("employment_notes"),
        funding_notes: p.get("funding_notes"),
        contact_name: p.get("contact_name"),
        contact_email: p.get("contact_email"),
        visibility: p.get("visibility"),
    }
}

async fn new_offer_page(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    input: OfferInput,
    errors: Errors,
) -> Result<OfferFormPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::programme_view(&state.core, slug, Some(user)).await?;
    if !view.may_publish {
        return Err(AppError::forbidden());
    }
    Ok(OfferFormPage {
        organisations: view.my_partner_orgs.clone(),
        programme: view.programme,
        offer_id: None,
        input,
        errors,
        ctx,
    })
}

pub async fn show_new_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = OfferInput {
        visibility: "public".into(),
        data_sensitivity: "none".into(),
        contact_name: user.name().to_owned(),
        contact_email: user.email.clone(),
        ..Default::default()
    };
    Ok(new_offer_page(&state, ctx, &slug, input, Errors::default())
        .await?
        .into_response())
}

pub async fn create_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = offer_input(&pairs);
    match immersions::create_offer(&state.core, &user, &slug, &input, &ctx.actor()).await {
        Ok(id) => Ok(see_other(&format!("/offers/{id}?notice=offer-created"))),
        Err(Error::Invalid(e)) => Ok(invalid(
            new_offer_page(&state, ctx, &slug, input, Errors(e)).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

pub async fn show_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
    Path(id): Path<String>,
) -> Result<OfferPage, AppError> {
    let view = immersions::offer_view(&state.core, &id, ctx.user.as_ref()).await?;
    Ok(OfferPage {
        view,
        notice,
        errors: Errors::default(),
        ctx,
    })
}

async fn edit_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    input: Option<OfferInput>,
    errors: Errors,
) -> Result<OfferFormPage, AppError> {
    let user = ctx.require_user()?;
    let view = immersions::offer_view(&state.core, id, Some(user)).await?;
    if !view.may_manage {
        return Err(AppError::forbidden());
    }
    let o = &view.offer;
    Ok(OfferFormPage {
        organisations: vec![(o.organisation_id.clone(), o.organisation_name.clone())],
        input: input.unwrap_or_else(|| OfferInput::from_offer(o)),
        offer_id: Some(o.id.clone()),
        programme: view.programme,
        errors,
        ctx,
    })
}

pub async fn show_edit_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<OfferFormPage, AppError> {
    edit_page(&state, ctx, &id, None, Errors::default()).await
}

pub async fn update_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = offer_input(&pairs);
    match immersions::update_offer(&state.core, &user, &id, &input, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!("/offers/{id}?notice=offer-saved"))),
        Err(Error::Invalid(e)) => Ok(invalid(
            edit_page(&state, ctx, &id, Some(input), Errors(e)).await?,
        )),
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StatusForm {
    status: String,
}

pub async fn set_offer_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    FormData(form): FormData<StatusForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::set_offer_status(&state.core, &user, &id, &form.status, &ctx.actor()).await {
        Ok(()) => Ok(see_other(&format!(
            "/offers/{id}?notice=offer-status-changed"
        ))),
        // Publishing an offer that no longer fits the programme's rules: show why on the page.
        Err(Error::Invalid(e)) => {
            let view = immersions::offer_view(&state.core, &id, Some(&user)).await?;
            Ok(invalid(OfferPage {
                view,
                notice: Notice::default(),
                errors: Errors(e),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn nudge_offer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::nudge_offer(&state.core, &user, &id, &ctx.actor()).await?;
    Ok(see_other(&format!("/offers/{id}?notice=offer-nudged")))
}

async fn apply_page(
    state: &AppState,
    ctx: Ctx,
    id: &str,
    mut input: ApplicationInput,
    errors: Errors,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let view = immersions::offer_view(&state.core, id, Some(&user)).await?;
    if let Some(existing) = view.my_application {
        return Ok(see_other(&format!("/applications/{existing}")));
    }
    if !view.offer.status().is_open() {
        return Err(Error::Conflict("offer-not-open").into());
    }
    if !view.may_apply {
        return Err(AppError::forbidden());
    }
    let homes = immersions::home_choices(&state.core, &user).await?;
    // Someone who belongs to one organisation most likely comes from it.
    if errors.0.is_empty() && input.home_organisation_id.is_empty() && homes.len() == 1 {
        input.home_organisation_id = homes[0].0.clone();
    }
    let page = ApplyPage {
        offer: view.offer,
        input,
        homes,
        errors,
        ctx,
    };
    Ok(page.into_response())
}

pub async fn show_apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    if let Some(existing) = immersions::pending_application(&state.core, &user, &id).await? {
        return Ok(see_other(&format!(
            "/applications/{existing}?notice=already-applied"
        )));
    }
    let input = ApplicationInput {
        languages: user.languages.clone(),
        home_label: user.organisation_label.clone(),
        ..Default::default()
    };
    apply_page(&state, ctx, &id, input, Errors::default()).await
}

pub async fn apply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    pairs: Pairs,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    let input = ApplicationInput {
        home_organisation_id: pairs.get("home_organisation_id"),
        home_label: pairs.get("home_label"),
        role_title: pairs.get("role_title"),
        motivation: pairs.get("motivation"),
        availability: pairs.get("availability"),
        languages: pairs.all("languages"),
    };
    match immersions::apply(&state.core, &user, &id, &input, &ctx.actor()).await {
        Ok(app_id) => Ok(see_other(&format!("/applications/{app_id}?notice=applied"))),
        Err(Error::Invalid(e)) => {
            let r = apply_page(&state, ctx, &id, input, Errors(e)).await?;
            Ok(invalid(r))
        }
        Err(Error::Conflict("application-already-pending")) => {
            match immersions::pending_application(&state.core, &user, &id).await? {
                Some(existing) => Ok(see_other(&format!(
                    "/applications/{existing}?notice=already-applied"
                ))),
                None => Err(Error::Conflict("application-already-pending").into()),
            }
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn list_searches(
    State(state): State<AppState>,
    ctx: Ctx,
    notice: Notice,
) -> Result<SearchesPage, AppError> {
    let user = ctx.require_user()?;
    let searches = immersions::saved_searches(&state.core, user).await?;
    Ok(SearchesPage {
        searches,
        notice,
        ctx,
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SaveSearchForm {
    label: String,
    query: String,
    frequency: String,
}

pub async fn save_search(
    State(state): State<AppState>,
    ctx: Ctx,
    FormData(form): FormData<SaveSearchForm>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    match immersions::save_search(
        &state.core,
        &user,
        &form.label,
        &form.query,
        &form.frequency,
    )
    .await
    {
        Ok(()) => Ok(see_other("/account/searches?notice=search-saved")),
        Err(Error::Invalid(e)) => {
            let query = CatalogueQuery::from_query_string(&form.query);
            let results_html = results_html(&state, &ctx, &query, 1).await?;
            Ok(invalid(CataloguePage {
                filters_html: filters_html(&state, &ctx, &query).await?,
                query,
                results_html,
                notice: Notice::default(),
                save_errors: Errors(e),
                ctx,
            }))
        }
        Err(e) => Err(e.into()),
    }
}

pub async fn delete_search(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let user = ctx.require_user()?.clone();
    immersions::delete_saved_search(&state.core, &user, &id).await?;
    Ok(see_other("/account/searches?notice=search-deleted"))
}
