//! Platform administration: dashboard, outbox, audit log, users and their roles.
//! Every handler starts with the `accounts::policy::may_administer` check.

mod handlers;
mod pages;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use handlers::*;
    Routes::new()
        .get("/admin", get(show_dashboard))
        .get("/admin/outbox", get(list_outbox))
        .get("/admin/outbox/{id}", get(show_email))
        .get("/admin/audit", get(list_audit))
        .get("/admin/users", get(list_users))
        .post("/admin/users/{id}/role", post(set_user_role))
}
