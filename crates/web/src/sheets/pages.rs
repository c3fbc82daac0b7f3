//! Pages of practice sheets and the view-models their templates read: one [`FieldView`] per
//! field of a sheet's type, whatever the type.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::sheets::catalogue::{Catalogue, Selection};
use passerelle_core::sheets::compare::FieldDiff;
use passerelle_core::sheets::store::{CommentRow, RevisionRow, SheetRow};
use passerelle_core::sheets::{
    Content, FieldKind, Person, Published, SheetType, Status, Work, types,
};

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

/// Empty rows a table field offers after its filled ones (the form works without JavaScript).
const BLANK_ROWS: usize = 2;

/// One choice of a choice or multi field.
pub struct Choice {
    pub code: String,
    pub label: String,
    pub chosen: bool,
}

/// One field, ready to show or to edit.
pub struct FieldView {
    pub name: String,
    pub label: String,
    pub help: String,
    /// The field kind's code (`short`, `rich`, `rows`…).
    pub kind: &'static str,
    pub required: bool,
    pub max: usize,
    pub text: String,
    /// Rich text as safe HTML.
    pub html: String,
    pub items: Vec<String>,
    pub choices: Vec<Choice>,
    /// `(column name, label)`.
    pub columns: Vec<(String, String)>,
    /// Cells by row, in column order; in forms, followed by blank rows.
    pub rows: Vec<Vec<String>>,
    pub consent: bool,
    /// Whether each row's consent is given, by row.
    pub consents: Vec<bool>,
    pub error: String,
    pub comments: Vec<CommentRow>,
}

/// The language chosen in a sheet form's fields (the default one when none is).
pub fn written_language(fields: &[FieldView]) -> String {
    fields
        .iter()
        .find(|f| f.name == "language")
        .and_then(|f| f.choices.iter().find(|c| c.chosen))
        .map_or_else(|| types::DEFAULT_LANGUAGE.to_owned(), |c| c.code.clone())
}

impl FieldView {
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
            && self.items.is_empty()
            && self.rows.iter().all(|r| r.iter().all(String::is_empty))
            && !self.choices.iter().any(|c| c.chosen)
    }

    /// The code of the (first) choice made, `""` when none.
    pub fn chosen_code(&self) -> &str {
        self.choices
            .iter()
            .find(|c| c.chosen)
            .map_or("", |c| c.code.as_str())
    }

    pub fn chosen(&self) -> Vec<&str> {
        self.choices
            .iter()
            .filter(|c| c.chosen)
            .map(|c| c.label.as_str())
            .collect()
    }

    pub fn items_text(&self) -> String {
        self.items.join("\n")
    }

    pub fn consent_at(&self, i: &usize) -> bool {
        self.consents.get(*i).copied().unwrap_or(false)
    }
}

/// A field's help text; fields without one (most) have no `-help` message.
fn help(ctx: &Ctx, field: &str) -> String {
    let key = format!("sheet-field-{field}-help");
    let text = ctx.t(&key);
    if text == key { String::new() } else { text }
}

fn kind_code(k: FieldKind) -> &'static str {
    match k {
        FieldKind::Short => "short",
        FieldKind::Text => "text",
        FieldKind::Rich => "rich",
        FieldKind::Items => "items",
        FieldKind::Choice => "choice",
        FieldKind::Multi => "multi",
        FieldKind::Territory => "territory",
        FieldKind::Rows => "rows",
    }
}

/// The label of one value of a facet or a field.
pub fn value_label(ctx: &Ctx, facet: &str, value: &str) -> String {
    if facet == "type" {
        return ctx.tk("sheet-type-", value);
    }
    types::all()
        .iter()
        .find_map(|t| t.field(facet))
        .map(|f| ctx.t(&f.option_key(value)))
        .unwrap_or_else(|| value.to_owned())
}

/// The fields of `ty` holding `content`, with `errors` and open `comments`; `form` adds blank
/// table rows and every territory as a choice.
pub fn field_views(
    ctx: &Ctx,
    ty: &'static SheetType,
    content: &Content,
    errors: &Errors,
    comments: &[CommentRow],
    form: bool,
) -> Vec<FieldView> {
    ty.fields
        .iter()
        .map(|f| {
            let mut v = FieldView {
                name: f.name.clone(),
                label: ctx.tk("sheet-field-", &f.name),
                help: help(ctx, &f.name),
                kind: kind_code(f.kind),
                required: f.required,
                max: f.max,
                text: String::new(),
                html: String::new(),
                items: vec![],
                choices: vec![],
                columns: vec![],
                rows: vec![],
                consent: f.consent,
                consents: vec![],
                error: errors.msg(ctx, &f.name),
                comments: comments
                    .iter()
                    .filter(|c| c.field == f.name && c.resolved_at.is_none())
                    .cloned()
                    .collect(),
            };
            match f.kind {
                FieldKind::Short | FieldKind::Text => v.text = content.text(&f.name).to_owned(),
                FieldKind::Rich => {
                    v.text = content.text(&f.name).to_owned();
                    v.html = passerelle_core::markdown::to_html(&v.text);
                }
                FieldKind::Items => v.items = content.list(&f.name).to_vec(),
                FieldKind::Choice | FieldKind::Multi => {
                    let chosen: Vec<&str> = if f.kind == FieldKind::Multi {
                        content.list(&f.name).iter().map(String::as_str).collect()
                    } else {
                        vec![content.value_of(f)]
                    };
                    v.choices = f
                        .choices()
                        .iter()
                        .map(|c| Choice {
                            code: c.clone(),
                            label: ctx.t(&f.option_key(c)),
                            chosen: chosen.contains(&c.as_str()),
                        })
                        .collect();
                }
                FieldKind::Territory => {
                    let value = content.text(&f.name);
                    v.text = value.to_owned();
                    if form {
                        v.choices = types::territory_codes()
                            .into_iter()
                            .map(|c| Choice {
                                label: ctx.t(&f.option_key(&c)),
                                chosen: c == value,
                                code: c,
                            })
                            .collect();
                    } else if !value.is_empty() {
                        v.choices = vec![Choice {
                            code: value.to_owned(),
                            label: ctx.t(&f.option_key(value)),
                            chosen: true,
                        }];
                    }
                }
                FieldKind::Rows => {
                    v.columns = f
                        .columns
                        .iter()
                        .map(|c| (c.clone(), ctx.tk("sheet-column-", c)))
                        .collect();
                    for row in content.rows(&f.name) {
                        v.rows.push(
                            f.columns
                                .iter()
                                .map(|c| row.get(c).cloned().unwrap_or_default())
                                .collect(),
                        );
                        v.consents
                            .push(row.get("consent").is_some_and(|c| c == "yes"));
                    }
                    if form {
                        for _ in 0..BLANK_ROWS {
                            v.rows.push(vec![String::new(); f.columns.len()]);
                            v.consents.push(false);
                        }
                    }
                }
            }
            v
        })
        .collect()
}

// ---- catalogue -------------------------------------------------------------------------------

pub struct FacetView {
    pub name: String,
    pub label: String,
    /// `(value, label, count, selected)`.
    pub values: Vec<(String, String, i64, bool)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/catalogue.html")]
pub struct CataloguePage {
    pub ctx: Ctx,
    pub selection: Selection,
    pub catalogue: std::sync::Arc<Catalogue>,
    pub facets: Vec<FacetView>,
    pub query: String,
    /// The viewer may build a synthesis from this selection.
    pub coordinates: bool,
}

impl CataloguePage {
    pub fn type_label(&self, kind: &str) -> String {
        self.ctx.tk("sheet-type-", kind)
    }

    /// A hit's facet value as its label ("Pratique naissante", "Indre-et-Loire").
    pub fn trait_label(&self, facet: &str, value: &str) -> String {
        value_label(&self.ctx, facet, value)
    }

    pub fn page_link(&self, page: i64) -> String {
        if self.query.is_empty() {
            format!("/sheets?page={page}")
        } else {
            format!("/sheets?{}&page={page}", self.query)
        }
    }
}

// ---- writing ---------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "sheets/desk.html")]
pub struct DeskPage {
    pub ctx: Ctx,
    pub mine: Vec<SheetRow>,
    pub queue: Vec<SheetRow>,
    /// `(code, label)` of the sheet types.
    pub kinds: Vec<(String, String)>,
    pub kind: String,
    pub title: String,
    pub errors: Errors,
    pub notice: Notice,
    pub coordinates: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub sheet: Published,
    pub fields: Vec<FieldView>,
    pub status: Status,
    pub notice: Notice,
    /// The viewer may follow the link to the source (they manage it).
    pub source_link: String,
}

impl ShowPage {
    pub fn authors(&self) -> String {
        names(&self.sheet.authors)
    }
}

pub fn names(people: &[Person]) -> String {
    people
        .iter()
        .map(|p| p.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub work: Work,
    pub fields: Vec<FieldView>,
    pub general: Vec<CommentRow>,
    pub base: i64,
    pub note: String,
    pub errors: Errors,
    pub notice: Notice,
    pub may_edit: bool,
    pub may_submit: bool,
    pub may_publish: bool,
    pub may_archive: bool,
    pub may_restore: bool,
    pub may_review: bool,
    pub author_email: String,
    /// The `accept` attribute of the file input.
    pub accept: String,
}

impl EditPage {
    pub fn authors(&self) -> String {
        names(&self.work.authors)
    }

    /// The language the form's texts are written in.
    pub fn written(&self) -> String {
        written_language(&self.fields)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/conflict.html")]
pub struct ConflictPage {
    pub ctx: Ctx,
    /// What was saved meanwhile.
    pub work: Work,
    /// The fields both co-authors changed.
    pub differences: Vec<ConflictField>,
    /// Both versions merged (the writer's where both changed), to send on top of the latest.
    pub fields: Vec<FieldView>,
    pub note: String,
}

/// A field two co-authors changed: its name and label, both versions as text, and who changed
/// it on the other side.
pub struct ConflictField {
    pub name: String,
    pub label: String,
    pub theirs: String,
    pub yours: String,
    pub who: String,
}

impl ConflictPage {
    /// The language the writer's texts are written in.
    pub fn written(&self) -> String {
        written_language(&self.fields)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/review.html")]
pub struct ReviewPage {
    pub ctx: Ctx,
    pub work: Work,
    pub fields: Vec<FieldView>,
    pub errors: Errors,
    /// What the reviewer typed, by field.
    pub typed: Vec<(String, String)>,
}

impl ReviewPage {
    pub fn typed_for(&self, field: &str) -> String {
        self.typed
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// A revision offered for comparison, and whether it is one of the two compared.
pub struct RevisionChoice {
    pub number: i64,
    pub is_a: bool,
    pub is_b: bool,
}

impl RevisionChoice {
    pub fn all(numbers: impl Iterator<Item = i64>, a: i64, b: i64) -> Vec<RevisionChoice> {
        numbers
            .map(|number| RevisionChoice {
                number,
                is_a: number == a,
                is_b: number == b,
            })
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/history.html")]
pub struct HistoryPage {
    pub ctx: Ctx,
    pub work: Work,
    pub revisions: Vec<RevisionRow>,
    /// Where the comparison form goes, and the revisions it offers.
    pub action: String,
    pub choices: Vec<RevisionChoice>,
    pub a: i64,
    pub b: i64,
    pub diffs: Vec<(String, FieldDiff)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "sheets/reviewers.html")]
pub struct ReviewersPage {
    pub ctx: Ctx,
    pub reviewers: Vec<Person>,
    pub email: String,
    pub errors: Errors,
    pub notice: Notice,
}
