//! The JSON API (`/api/v1/…`). Errors here are JSON (see `error.rs`).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use passerelle_core::organisations::{self, Organisation};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::error::AppError;
use crate::routes::Routes;

pub fn routes() -> Routes {
    Routes::new()
        .get("/api/v1/organisations", get(list_organisations))
        .get("/api/v1/organisations/{slug}", get(show_organisation))
}

#[derive(Serialize)]
struct OrgJson {
    slug: String,
    name: String,
    kind: String,
    country: String,
    city: String,
    website: String,
    description: String,
}

impl From<Organisation> for OrgJson {
    fn from(o: Organisation) -> Self {
        OrgJson {
            slug: o.slug,
            name: o.name,
            kind: o.kind,
            country: o.country,
            city: o.city,
            website: o.website,
            description: o.description,
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ListQuery {
    q: String,
    kind: String,
    country: String,
    page: Option<i64>,
}

#[derive(Serialize)]
struct Page<T> {
    items: Vec<T>,
    page: i64,
    next_page: Option<i64>,
}

const PAGE_SIZE: i64 = 100;

async fn list_organisations(
    State(state): State<AppState>,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<OrgJson>>, AppError> {
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let mut orgs = organisations::list(
        &state.core,
        &q.q,
        &q.kind,
        &q.country,
        PAGE_SIZE + 1,
        (page - 1) * PAGE_SIZE,
    )
    .await?;
    let next_page = (orgs.len() as i64 > PAGE_SIZE).then_some(page + 1);
    orgs.truncate(PAGE_SIZE as usize);
    Ok(Json(Page {
        items: orgs.into_iter().map(OrgJson::from).collect(),
        page,
        next_page,
    }))
}

async fn show_organisation(
    State(state): State<AppState>,
    Path(slug): Path<String>,
) -> Result<Json<OrgJson>, AppError> {
    let view = organisations::view(&state.core, &slug, None).await?;
    Ok(Json(view.org.into()))
}
