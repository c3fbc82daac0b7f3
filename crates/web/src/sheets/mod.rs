//! Practice sheets: the public catalogue with facets and search, the writer's desk, the sheet
//! form (generated from the sheet's type), review, history and comparison, exports. Rules live
//! in `core::sheets`.

mod catalogue;
pub(crate) mod exports;
mod files;
pub(crate) mod pages;
mod review;
mod writing;

pub(crate) use review::CompareQuery;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use catalogue::*;
    use exports::*;
    use files::*;
    use review::*;
    use writing::*;
    Routes::new()
        .get("/sheets", get(show_catalogue))
        .get("/sheets/export.csv", get(export_catalogue_csv))
        .get("/sheets/export.xlsx", get(export_catalogue_xlsx))
        .get("/sheets/desk", get(show_desk))
        .post("/sheets", post(create_sheet))
        .get("/sheets/reviewers", get(show_reviewers))
        .post("/sheets/reviewers", post(change_reviewers))
        .get("/sheets/{id}", get(show_sheet))
        .get("/sheets/{id}/edit", get(show_edit))
        .post("/sheets/{id}/edit", post(save_sheet))
        .post("/sheets/{id}/status", post(change_status))
        .post("/sheets/{id}/authors", post(add_author))
        .post("/sheets/{id}/files", post(add_files))
        .post("/sheets/{id}/files/{file}/remove", post(remove_file))
        .get("/sheets/{id}/files/{file}", get(download_file))
        .get("/sheets/{id}/review", get(show_review))
        .post("/sheets/{id}/review", post(request_changes))
        .get("/sheets/{id}/history", get(show_history))
        .get("/sheets/{id}/sheet.pdf", get(export_pdf))
        .get("/sheets/{id}/sheet.md", get(export_markdown))
        .get("/sheets/{id}/sheet.docx", get(export_docx))
        .get("/sheets/{id}/sheet.json", get(export_json))
        .post(
            "/questionnaires/{id}/responses/{response}/sheet",
            post(sheet_from_response),
        )
        .post("/agreements/{id}/sheet", post(sheet_from_immersion))
}
