//! The public catalogue: facets with counts, French full-text search, pages.

use axum::extract::{RawQuery, State};
use passerelle_core::sheets::catalogue::{self, Selection};

use super::pages::*;
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;

/// The selection a query string describes (`q`, `page`, facet values).
pub fn selection(raw: Option<String>) -> Selection {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect();
    Selection::from_pairs(&pairs)
}

pub async fn show_catalogue(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> Result<CataloguePage, AppError> {
    let selection = selection(raw);
    let result = catalogue::search(&state.core, &selection).await?;
    let facets = result
        .facets
        .iter()
        .map(|(name, values)| FacetView {
            label: ctx.tk("sheet-facet-", name),
            values: values
                .iter()
                .map(|v| {
                    (
                        v.value.clone(),
                        value_label(&ctx, name, &v.value),
                        v.count,
                        v.selected,
                    )
                })
                .collect(),
            name: name.clone(),
        })
        .filter(|f| !f.values.is_empty())
        .collect();
    Ok(CataloguePage {
        coordinates: passerelle_core::sheets::policy::may_coordinate(ctx.user.as_ref()),
        query: selection.to_query(),
        selection,
        catalogue: result,
        facets,
        ctx,
    })
}
