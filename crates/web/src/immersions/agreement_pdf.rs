//! The agreement as a PDF a partner signs: the parties, every term, objectives and tasks, and
//! one signature line per party with how and when it was signed; the version and its
//! verification code in the footer. Read by the parties from their accounts, and by a
//! signatory without an account through the link they signed with (their copy).

use axum::response::{IntoResponse, Response};
use passerelle_core::immersions::{AgreementView, Party, TERM_FIELDS, Terms};
use passerelle_export::pdf::{Block, Document};

use super::agreement_pages::{ALL_SECTIONS, term_key};
use crate::AppState;
use crate::ctx::Ctx;
use crate::error::AppError;

/// Renders `view` with its `terms` as a PDF download.
pub async fn render(
    state: &AppState,
    ctx: &Ctx,
    view: &AgreementView,
    terms: &Terms,
) -> Result<Response, AppError> {
    let a = &view.agreement;
    let dash = || "—".to_owned();
    let mut blocks = vec![
        Block::Heading(ctx.t("agreement-parties")),
        Block::Facts(vec![
            (ctx.t("agreement-participant"), a.participant_name.clone()),
            (ctx.t("agreement-host"), a.host_organisation_name.clone()),
            (ctx.t("agreement-home"), a.home().to_owned()),
            (ctx.t("field-programme"), a.programme_name.clone()),
        ]),
    ];
    for section in ALL_SECTIONS {
        blocks.push(Block::Heading(ctx.tk("agreement-section-", section)));
        blocks.push(Block::Facts(
            TERM_FIELDS
                .iter()
                .filter(|(_, s)| s == section)
                .map(|(f, _)| {
                    let v = terms.get(f);
                    (
                        ctx.t(&term_key(f)),
                        if v.is_empty() { dash() } else { v.to_owned() },
                    )
                })
                .collect(),
        ));
    }
    for (kind, title) in [
        ("objective", "agreement-objectives"),
        ("task", "agreement-tasks"),
    ] {
        blocks.push(Block::Heading(ctx.t(title)));
        let items: Vec<String> = view
            .live_items(kind)
            .iter()
            .map(|i| i.text.clone())
            .collect();
        blocks.push(if items.is_empty() {
            Block::Paragraph(dash())
        } else {
            Block::List(items)
        });
    }
    blocks.push(Block::Heading(ctx.t("agreement-approvals")));
    blocks.push(Block::Facts(
        a.required_parties()
            .into_iter()
            .map(|p| {
                let signer = match p {
                    Party::Participant => a.participant_name.clone(),
                    // The coordinator signs for the programme: named once they have.
                    Party::Coordinator => view
                        .approvals
                        .iter()
                        .find(|x| x.version == a.version && x.party == p.code())
                        .map_or_else(
                            || a.programme_name.clone(),
                            |x| format!("{}, {}", x.user_name, a.programme_name),
                        ),
                    _ => view
                        .signatory(&p)
                        .map(|s| format!("{}, {}", s.name, s.function))
                        .unwrap_or_else(|| ctx.t("agreement-signatory-not-named")),
                };
                let done = view
                    .approvals
                    .iter()
                    .find(|x| x.version == a.version && x.party == p.code())
                    .map(|x| {
                        format!(
                            "{} ({})",
                            ctx.t1("agreement-signed-on", "date", &ctx.date(&x.approved_at)),
                            ctx.tk("signature-method-", &x.method)
                        )
                    })
                    .unwrap_or_else(|| ctx.t("agreement-awaiting"));
                (ctx.tk("party-", p.code()), format!("{signer} — {done}"))
            })
            .collect(),
    ));
    let today = state.core.clock.now().date();
    let doc = Document {
        title: format!("{} — {}", ctx.t("agreement-title"), a.offer_title),
        subtitle: format!(
            "{} {} · {}",
            ctx.t("agreement-version"),
            a.version,
            ctx.tk("agreement-status-", view.display_status())
        ),
        lang: ctx.lang().to_owned(),
        footer: match &view.code {
            Some(code) => format!(
                "Passerelle · {} {} · {} {code} · {}",
                ctx.t("agreement-version"),
                a.version,
                ctx.t("agreement-code"),
                ctx.date(&state.core.clock.unix())
            ),
            None => format!("Passerelle · {}", ctx.date(&state.core.clock.unix())),
        },
        blocks,
    };
    let bytes = tokio::task::spawn_blocking(move || {
        passerelle_export::pdf::render(&doc, (today.year(), u8::from(today.month()), today.day()))
    })
    .await
    .map_err(|e| AppError::internal(e.to_string()))?
    .map_err(|e| AppError::internal(e.to_string()))?;
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "application/pdf".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"agreement-{}-v{}.pdf\"",
                    a.id, a.version
                ),
            ),
        ],
        bytes,
    )
        .into_response())
}
