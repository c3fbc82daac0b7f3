//! Organisations: directory, creation, details, members and invitations.

mod handlers;
mod pages;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use handlers::*;
    Routes::new()
        .get("/organisations", get(list_organisations))
        .post("/organisations", post(create_organisation))
        .get("/organisations/new", get(show_new_organisation))
        .get("/organisations/{slug}", get(show_organisation))
        .get("/organisations/{slug}/edit", get(show_edit_organisation))
        .post("/organisations/{slug}/edit", post(update_organisation))
        .get("/organisations/{slug}/members", get(show_members))
        .post("/organisations/{slug}/invitations", post(invite_member))
        .post(
            "/organisations/{slug}/invitations/{id}/revoke",
            post(revoke_invitation),
        )
        .post(
            "/organisations/{slug}/members/{user_id}/role",
            post(set_member_role),
        )
        .post(
            "/organisations/{slug}/members/{user_id}/remove",
            post(remove_member),
        )
        .post("/organisations/{slug}/signatories", post(add_signatory))
        .post(
            "/organisations/{slug}/signatories/{id}/remove",
            post(remove_signatory),
        )
        .get("/invitations/{token}", get(show_invitation))
        .post("/invitations/{token}/accept", post(accept_invitation))
}
