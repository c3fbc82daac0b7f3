//! Static assets, embedded in the binary so it runs from any folder.

use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::get;

use crate::routes::Routes;

const STYLE: &str = include_str!("../static/style.css");
const HTMX: &str = include_str!("../static/vendor/htmx-2.0.11.min.js");
const FORMS: &str = include_str!("../static/forms.js");

pub fn routes() -> Routes {
    Routes::new()
        .get("/static/style.css", get(style))
        .get("/static/vendor/htmx-2.0.11.min.js", get(htmx))
        .get("/static/forms.js", get(forms))
}

/// The warning before unsaved typing is lost (`data-unsaved-warning` forms).
async fn forms() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        FORMS,
    )
}

async fn style() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLE,
    )
}

/// The version is in the file name, so it may be cached for good.
async fn htmx() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        HTMX,
    )
}
