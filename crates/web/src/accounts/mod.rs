//! Registration, confirmation, login/logout, password reset, profile, deletion, first setup.

mod handlers;
mod pages;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use handlers::*;
    Routes::new()
        .get("/register", get(show_register))
        .post("/register", post(register))
        .get("/register/sent", get(show_register_sent))
        .post("/account/confirm/resend", post(resend_confirmation))
        .get("/account/confirm/{token}", get(confirm_email))
        .get("/login", get(show_login))
        .post("/login", post(login))
        .get("/login/unlock/{token}", get(show_unlock))
        .post("/login/unlock/{token}", post(unlock))
        .post("/logout", post(logout))
        .get("/password/forgot", get(show_forgot))
        .post("/password/forgot", post(forgot))
        .get("/password/reset/{token}", get(show_reset))
        .post("/password/reset/{token}", post(reset))
        .get("/account", get(show_profile))
        .post("/account", post(update_profile))
        .post("/account/password", post(change_password))
        .get("/account/delete", get(show_delete))
        .post("/account/delete", post(delete_account))
        .get("/setup/{token}", get(show_setup))
        .post("/setup/{token}", post(setup))
}
