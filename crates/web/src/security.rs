//! Security headers on every response. The CSP allows no inline script or style: all script
//! comes from `/static/` files.

use axum::http::{HeaderName, HeaderValue};
use tower::ServiceBuilder;
use tower::layer::util::{Identity, Stack};
use tower_http::set_header::SetResponseHeaderLayer;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
    base-uri 'none'; object-src 'none'";

type H = SetResponseHeaderLayer<HeaderValue>;

#[allow(clippy::type_complexity)]
pub fn headers(
    https: bool,
) -> ServiceBuilder<Stack<H, Stack<H, Stack<H, Stack<H, Stack<H, Stack<H, Identity>>>>>>> {
    let hsts = if https {
        "max-age=31536000; includeSubDomains"
    } else {
        ""
    };
    let set = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    // An empty HSTS value would be invalid; over plain HTTP we send a harmless header instead.
    let hsts_layer = if https {
        set("strict-transport-security", hsts)
    } else {
        set("x-permitted-cross-domain-policies", "none")
    };
    ServiceBuilder::new()
        .layer(set("content-security-policy", CSP))
        .layer(set("x-content-type-options", "nosniff"))
        .layer(set("referrer-policy", "same-origin"))
        .layer(set("x-frame-options", "DENY"))
        .layer(set(
            "permissions-policy",
            "camera=(), microphone=(), geolocation=()",
        ))
        .layer(hsts_layer)
}
