//! Pages of syntheses and the document both the PDF and the DOCX are made from.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::sheets::compare::FieldDiff;
use passerelle_core::syntheses::store::SynthesisRow;
use passerelle_core::syntheses::threads::Indicator;
use passerelle_core::syntheses::{Content, History, Source, View};
use passerelle_export::pdf::{Block, Document};

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};
use crate::sheets::pages::{RevisionChoice, value_label};

/// One group of threads as pages and documents show it.
pub struct ThreadGroup {
    pub label: String,
    /// `(text, the language it is written in, sheets)`; no language for the interface's own
    /// labels (themes).
    pub threads: Vec<(String, String, Vec<Source>)>,
}

/// Themes and list fields, labelled, in the synthesis's order.
pub fn groups(ctx: &Ctx, view: &View) -> Vec<ThreadGroup> {
    let mut out = vec![ThreadGroup {
        label: ctx.tk("sheet-field-", "themes"),
        threads: view
            .threads
            .themes
            .iter()
            .map(|(code, sheets)| {
                (
                    value_label(ctx, "themes", code),
                    String::new(),
                    sheets.clone(),
                )
            })
            .collect(),
    }];
    for (field, threads) in &view.threads.lists {
        out.push(ThreadGroup {
            label: ctx.tk("sheet-field-", field),
            threads: threads
                .iter()
                .map(|t| {
                    // The wording is that of the first sheet that said it.
                    let lang = t.sources.first().map(|s| s.lang.clone());
                    (t.text.clone(), lang.unwrap_or_default(), t.sources.clone())
                })
                .collect(),
        });
    }
    out.retain(|g| !g.threads.is_empty());
    out
}

#[derive(Template, WebTemplate)]
#[template(path = "syntheses/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub syntheses: Vec<SynthesisRow>,
    pub may_create: bool,
    pub title: String,
    pub query: String,
    pub errors: Errors,
}

#[derive(Template, WebTemplate)]
#[template(path = "syntheses/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub view: View,
    pub groups: Vec<ThreadGroup>,
    pub introduction: String,
    pub development_conditions: String,
    pub recommendations: String,
    pub notice: Notice,
}

impl ShowPage {
    /// `?revision=n` when an earlier revision is shown, so that its downloads are that one.
    pub fn revision_query(&self) -> String {
        let current = if self.view.may_edit {
            self.view.row.revision
        } else {
            self.view.row.published_revision.unwrap_or(0)
        };
        if self.view.revision == current {
            String::new()
        } else {
            format!("?revision={}", self.view.revision)
        }
    }

    /// The revisions published once, newest first: `(number, published at)`.
    pub fn published_revisions(&self) -> Vec<(i64, i64)> {
        self.view
            .revisions
            .iter()
            .filter_map(|r| r.published_at.map(|at| (r.number, at)))
            .collect()
    }

    /// The two entries of the evaluation: process, then effects and impacts.
    pub fn indicator_groups(&self) -> Vec<(String, Vec<Indicator>)> {
        vec![
            (
                self.ctx.tk("sheet-field-", "process_indicators"),
                self.view.threads.process.clone(),
            ),
            (
                self.ctx.tk("sheet-field-", "effect_indicators"),
                self.view.threads.effects.clone(),
            ),
        ]
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "syntheses/history.html")]
pub struct HistoryPage {
    pub ctx: Ctx,
    pub history: History,
    pub action: String,
    pub choices: Vec<RevisionChoice>,
    pub a: i64,
    pub b: i64,
    /// `(section label, differences)`.
    pub diffs: Vec<(String, FieldDiff)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "syntheses/edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub view: View,
    /// What the form shows (the latest revision, or what was typed).
    pub content: Content,
    pub base: i64,
    pub note: String,
    pub errors: Errors,
    pub notice: Notice,
    /// Someone saved meanwhile and changed some of the same fields; the form holds both
    /// sides merged, this writer's where both changed.
    pub conflict: Option<ConflictView>,
}

/// The fields two coordinators changed at once: `(field, label, their value)`, and who saved
/// since the writer's base.
pub struct ConflictView {
    pub fields: Vec<(String, String, String)>,
    pub by: String,
}

impl EditPage {
    pub fn latest_published(&self) -> bool {
        self.view.row.published_revision == Some(self.view.row.revision)
    }

    pub fn chosen(&self, id: &str) -> bool {
        self.content.sheets.is_empty() || self.content.sheets.iter().any(|s| s == id)
    }

    /// `(code, label)` of the languages a synthesis may be written in.
    pub fn languages(&self) -> Vec<(String, String)> {
        passerelle_core::sheets::types::languages()
            .iter()
            .map(|code| (code.clone(), value_label(&self.ctx, "language", code)))
            .collect()
    }
}

fn sources(sheets: &[Source]) -> String {
    sheets
        .iter()
        .map(|s| s.title.as_str())
        .collect::<Vec<_>>()
        .join(" ; ")
}

/// The synthesis as a document (PDF, DOCX).
pub fn document(ctx: &Ctx, view: &View, today: &str) -> Document {
    let c = &view.content;
    let mut blocks = vec![Block::Outline(ctx.t("synthesis-toc"))];
    if !c.introduction.is_empty() {
        blocks.push(Block::Heading(ctx.t("synthesis-introduction")));
        blocks.push(Block::Markdown(c.introduction.clone()));
    }
    blocks.push(Block::Heading(ctx.t("synthesis-threads")));
    for g in groups(ctx, view) {
        blocks.push(Block::Subheading(g.label));
        blocks.push(Block::List(
            g.threads
                .iter()
                .map(|(text, _, sheets)| {
                    format!(
                        "{text} — {}{}{}",
                        ctx.tn("synthesis-sheet-count", "count", sheets.len() as i64),
                        ctx.t("label-separator"),
                        sources(sheets)
                    )
                })
                .collect(),
        ));
    }
    blocks.push(Block::Heading(ctx.t("synthesis-evaluation")));
    let header = vec![
        ctx.tk("sheet-column-", "description"),
        ctx.tk("sheet-column-", "source"),
        ctx.tk("sheet-column-", "value"),
        ctx.t("synthesis-from-sheet"),
    ];
    for (label, list) in [
        (
            ctx.tk("sheet-field-", "process_indicators"),
            &view.threads.process,
        ),
        (
            ctx.tk("sheet-field-", "effect_indicators"),
            &view.threads.effects,
        ),
    ] {
        blocks.push(Block::Subheading(label));
        blocks.push(Block::Table {
            header: header.clone(),
            rows: list
                .iter()
                .map(|i| {
                    vec![
                        i.description.clone(),
                        i.source.clone(),
                        i.value.clone(),
                        i.sheet.title.clone(),
                    ]
                })
                .collect(),
        });
    }
    if !c.development_conditions.is_empty() {
        blocks.push(Block::Heading(ctx.t("synthesis-development-conditions")));
        blocks.push(Block::Markdown(c.development_conditions.clone()));
    }
    if !c.recommendations.is_empty() {
        blocks.push(Block::Heading(ctx.t("synthesis-recommendations")));
        blocks.push(Block::Markdown(c.recommendations.clone()));
    }
    blocks.push(Block::Heading(ctx.t("synthesis-sources")));
    blocks.push(Block::List(
        view.threads
            .sheets
            .iter()
            .map(|s| s.title.clone())
            .collect(),
    ));
    Document {
        title: c.title.clone(),
        subtitle: format!(
            "{} · {}",
            ctx.t("synthesis-kind"),
            ctx.tn(
                "synthesis-sheet-count",
                "count",
                view.threads.sheets.len() as i64
            )
        ),
        lang: c.language().to_owned(),
        footer: format!("Passerelle · {today}"),
        blocks,
    }
}
