//! Syntheses: the list, a synthesis with its common threads, the coordinator's form (editorial
//! sections and the selection of sheets), publication, and exports (PDF with a table of
//! contents, DOCX, Markdown, JSON). Rules live in `core::syntheses`.

mod handlers;
mod pages;

use axum::routing::{get, post};

use crate::routes::Routes;

pub fn routes() -> Routes {
    use handlers::*;
    Routes::new()
        .get("/syntheses", get(list_syntheses))
        .post("/syntheses", post(create_synthesis))
        .get("/syntheses/{id}", get(show_synthesis))
        .get("/syntheses/{id}/edit", get(show_edit))
        .post("/syntheses/{id}/edit", post(save_synthesis))
        .post("/syntheses/{id}/status", post(change_status))
        .get("/syntheses/{id}/history", get(show_history))
        .get("/syntheses/{id}/synthesis.pdf", get(export_pdf))
        .get("/syntheses/{id}/synthesis.docx", get(export_docx))
        .get("/syntheses/{id}/synthesis.md", get(export_markdown))
        .get("/syntheses/{id}/synthesis.json", get(export_json))
}
