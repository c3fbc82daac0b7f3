//! Questionnaires: the builder, publication, answering (anonymous, save and resume), results
//! with cross-tabulation and coding, exports. Rules live in `core::questionnaires`.

mod answer_pages;
mod answering;
mod builder;
mod exports;
mod invitations;
mod pages;
mod result_pages;
mod results;
mod xlsform;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use answering::*;
    use builder::*;
    use exports::*;
    use invitations::*;
    use results::*;
    use xlsform::*;
    Routes::new()
        .get("/questionnaires", get(list_questionnaires))
        .post("/questionnaires", post(create_questionnaire))
        .post("/questionnaires/template", post(create_from_template))
        .get("/questionnaires/import", get(show_import))
        .post("/questionnaires/import", post(import_xlsform))
        .get("/questionnaires/{id}/xlsform.xlsx", get(export_xlsform))
        .get("/questionnaires/{id}", get(show_questionnaire))
        .get("/questionnaires/{id}/settings", get(show_settings))
        .post("/questionnaires/{id}/settings", post(update_settings))
        .get("/questionnaires/{id}/sections/new", get(show_new_section))
        .post("/questionnaires/{id}/sections", post(create_section))
        .get(
            "/questionnaires/{id}/sections/{name}/edit",
            get(show_edit_section),
        )
        .post(
            "/questionnaires/{id}/sections/{name}/edit",
            post(update_section),
        )
        .get(
            "/questionnaires/{id}/sections/{name}/questions/new",
            get(show_new_question),
        )
        .post(
            "/questionnaires/{id}/sections/{name}/questions",
            post(create_question),
        )
        .get(
            "/questionnaires/{id}/questions/{name}/edit",
            get(show_edit_question),
        )
        .post(
            "/questionnaires/{id}/questions/{name}/edit",
            post(update_question),
        )
        .post("/questionnaires/{id}/items/{name}/move", post(move_item))
        .post(
            "/questionnaires/{id}/items/{name}/remove",
            post(remove_item),
        )
        .post(
            "/questionnaires/{id}/duplicate",
            post(duplicate_questionnaire),
        )
        .post("/questionnaires/{id}/status", post(set_status))
        .get("/questionnaires/{id}/preview", get(preview))
        .get("/questionnaires/{id}/invitations", get(show_invitations))
        .post("/questionnaires/{id}/invitations", post(send_invitations))
        .post(
            "/questionnaires/{id}/invitations/remind",
            post(send_reminders),
        )
        .get("/questionnaires/{id}/results", get(show_results))
        .get("/questionnaires/{id}/results/{name}/texts", get(show_texts))
        .post(
            "/questionnaires/{id}/results/{name}/codes",
            post(code_answer),
        )
        .get("/questionnaires/{id}/codes", get(show_codes))
        .post("/questionnaires/{id}/codes", post(add_code))
        .get("/questionnaires/{id}/responses", get(list_responses))
        .get(
            "/questionnaires/{id}/responses/{response}",
            get(show_response),
        )
        .post(
            "/questionnaires/{id}/responses/{response}/delete",
            post(delete_response),
        )
        .post(
            "/questionnaires/{id}/responses/{response}/reopen",
            post(reopen_response),
        )
        .get("/questionnaires/{id}/export.csv", get(export_csv))
        .get("/questionnaires/{id}/export.xlsx", get(export_xlsx))
        .get("/questionnaires/{id}/export.json", get(export_json))
        .get("/q/{id}", get(show_welcome))
        .post("/q/{id}/start", post(start))
        .get("/q/{id}/start", get(back_to_welcome))
        .get("/q/{id}/thanks", get(show_thanks))
        .get("/r/{token}", get(resume))
        .get("/r/{token}/saved", get(show_saved))
        .post("/r/{token}/email", post(email_link))
        .get("/r/{token}/{page}", get(show_page))
        .post("/r/{token}/{page}", post(save_page))
        .post("/r/{token}/{page}/autosave", post(autosave))
}
