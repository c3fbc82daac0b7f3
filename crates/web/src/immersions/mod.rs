//! Immersion programmes: programmes, the offer catalogue and its feeds, offers, applications
//! with their threads, agreements, capitalisation and alumni, saved searches. Rules and
//! permissions live in `core::immersions`.

mod agreement_pages;
mod agreement_pdf;
mod agreements;
mod applications;
mod capitalisation;
mod capitalisation_pages;
mod dashboard;
mod logbook;
mod offers;
mod pages;
mod programmes;
mod reports;
mod reviews;
mod signing;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use agreements::*;
    use applications::*;
    use capitalisation::*;
    use dashboard::*;
    use logbook::*;
    use offers::*;
    use programmes::*;
    use reports::*;
    use reviews::*;
    Routes::new()
        .get("/programmes", get(list_programmes))
        .post("/programmes", post(create_programme))
        .get("/programmes/new", get(show_new_programme))
        .get("/programmes/{slug}", get(show_programme))
        .get("/programmes/{slug}/edit", get(show_edit_programme))
        .post("/programmes/{slug}/edit", post(update_programme))
        .get("/programmes/{slug}/feed.atom", get(programme_feed))
        .get("/programmes/{slug}/dashboard", get(show_dashboard))
        .get("/programmes/{slug}/dashboard/export", get(export_dashboard))
        .get("/programmes/{slug}/follow-ups", get(show_follow_ups))
        .get(
            "/programmes/{slug}/follow-ups/export",
            get(export_follow_ups),
        )
        .get("/programmes/{slug}/offers/new", get(show_new_offer))
        .post("/programmes/{slug}/offers", post(create_offer))
        .get("/offers", get(catalogue))
        .get("/offers/feed.atom", get(catalogue_feed))
        .get("/offers/mine", get(my_offers))
        .get("/offers/{id}", get(show_offer))
        .get("/offers/{id}/edit", get(show_edit_offer))
        .post("/offers/{id}/edit", post(update_offer))
        .post("/offers/{id}/status", post(set_offer_status))
        .post("/offers/{id}/nudge", post(nudge_offer))
        .get("/offers/{id}/apply", get(show_apply))
        .post("/offers/{id}/apply", post(apply))
        .get("/applications", get(list_applications))
        .get("/applications/{id}", get(show_application))
        .post("/applications/{id}/messages", post(post_message))
        .post("/applications/{id}/status", post(set_application_status))
        .post("/applications/{id}/agreement", post(draft_agreement))
        .get("/agreements", get(list_agreements))
        .get("/agreements/{id}", get(show_agreement))
        .get("/agreements/{id}/edit", get(show_edit_agreement))
        .post("/agreements/{id}/edit", post(update_agreement))
        .get("/agreements/{id}/terms", get(show_terms))
        .get("/agreements/{id}/access-log", get(show_access_log))
        .post("/agreements/{id}/items", post(add_item))
        .post("/agreements/{id}/items/{item}/remove", post(remove_item))
        .post("/agreements/{id}/submit", post(submit_agreement))
        .post("/agreements/{id}/approve", post(approve_agreement))
        .post("/agreements/{id}/signatories", post(name_signatory))
        .post(
            "/agreements/{id}/amendment/withdraw",
            post(withdraw_amendment),
        )
        .get("/sign/{token}", get(signing::show_signing))
        .get("/sign/{token}/agreement.pdf", get(signing::download_copy))
        .post("/sign/{token}", post(signing::sign))
        .post("/agreements/{id}/status", post(set_agreement_status))
        .get("/agreements/{id}/compare", get(compare_versions))
        .get("/agreements/{id}/calendar.ics", get(download_calendar))
        .get("/agreements/{id}/agreement.pdf", get(download_pdf))
        .get("/agreements/{id}/logbook", get(show_logbook))
        .post("/agreements/{id}/logbook", post(write_entry))
        .get("/agreements/{id}/pair", get(show_pair))
        .post("/agreements/{id}/pair", post(pair_agreement))
        .get("/agreements/{id}/review", get(show_review))
        .post("/agreements/{id}/review", post(save_review))
        .post("/agreements/{id}/review/confirm", post(confirm_review))
        .get("/agreements/{id}/coaching", get(show_coaching))
        .post("/agreements/{id}/coaching", post(add_coaching_note))
        .get("/agreements/{id}/report", get(show_report))
        .post("/agreements/{id}/report", post(submit_report))
        .get("/agreements/{id}/capitalisation", get(show_capitalisation))
        .post("/agreements/{id}/outputs", post(add_output))
        .post(
            "/agreements/{id}/outputs/{item}/remove",
            post(remove_output),
        )
        .post("/agreements/{id}/contacts", post(add_contact))
        .post(
            "/agreements/{id}/contacts/{item}/remove",
            post(remove_contact),
        )
        .post("/agreements/{id}/actions", post(add_action))
        .post(
            "/agreements/{id}/actions/{item}/done",
            post(complete_action),
        )
        .get("/attachments/{id}", get(download_attachment))
        .get("/alumni", get(alumni_directory))
        .get("/alumni/{id}", get(show_alumnus))
        .post("/alumni/{id}/ask", post(ask_alumnus))
        .get("/account/alumni", get(show_my_alumni))
        .post("/account/alumni", post(join_alumni))
        .post("/account/alumni/leave", post(leave_alumni))
        .get("/follow-ups/{id}", get(show_follow_up))
        .post("/follow-ups/{id}", post(answer_follow_up))
        .get("/account/searches", get(list_searches))
        .post("/account/searches", post(save_search))
        .post("/account/searches/{id}/delete", post(delete_search))
}

/// RFC 3339, for Atom.
fn rfc3339(unix: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| {
            t.format(&time::format_description::well_known::Rfc3339)
                .ok()
        })
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_owned())
}

/// An Atom document response.
fn atom(feed: pages::Feed) -> Result<axum::response::Response, crate::AppError> {
    use askama::Template;
    use axum::response::IntoResponse;
    let body = feed
        .render()
        .map_err(|e| crate::AppError::internal(format!("feed: {e}")))?;
    Ok((
        [(
            axum::http::header::CONTENT_TYPE,
            "application/atom+xml; charset=utf-8",
        )],
        body,
    )
        .into_response())
}
