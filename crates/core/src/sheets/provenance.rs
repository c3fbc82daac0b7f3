//! Sheets made from what the platform already holds: an answer to a questionnaire (the HCTS
//! census of emerging practices) or an immersion. The new sheet is pre-filled and remembers
//! where it came from; an anonymous answer stays anonymous (no name, no address is copied).

use crate::accounts::{Actor, User};
use crate::questionnaires::{self as qn, Given, Kind};
use crate::{Core, Error, Result, immersions};

use super::content::{Content, items};
use super::{NewSheet, Provenance, create};

pub const FROM_RESPONSE: &str = "questionnaire_response";
pub const FROM_IMMERSION: &str = "immersion";

/// Questionnaire answer → sheet field, by question name (the HCTS template's names and the
/// obvious ones of other questionnaires).
const FROM_QUESTIONS: &[(&str, &str)] = &[
    ("practice_title", "title"),
    ("title", "title"),
    ("category", "category"),
    ("approach", "approach"),
    ("themes", "themes"),
    ("description", "description"),
    ("persons_place", "persons_place"),
    ("crisis_how", "context"),
    ("levers", "levers"),
    ("obstacles", "vigilance"),
    ("department", "territory"),
];

/// The census's codes for the three categories and the approach, in the sheet's terms.
fn sheet_code(field: &str, value: &str) -> String {
    match (field, value) {
        ("category", "naissante") => "emerging".into(),
        ("category", "renaissante") => "re_emerging".into(),
        ("category", "confidentielle") => "little_known".into(),
        ("approach", "individuelle") => "individual".into(),
        ("approach", "les_deux") => "both".into(),
        ("territory", dep) => format!("dep-{dep}"),
        _ => value.to_owned(),
    }
}

/// What a response pre-fills on an emerging-practice sheet.
pub fn prefill_from_answers(def: &qn::Definition, given: &Given) -> Content {
    let ty = super::types::find("emerging_practice");
    let mut content = Content::default();
    let Some(ty) = ty else { return content };
    for (question, field_name) in FROM_QUESTIONS {
        let Some(q) = def.question(question) else {
            continue;
        };
        let Some(field) = ty.field(field_name) else {
            continue;
        };
        let values = given.values(question);
        if values.is_empty() || content.is_filled(field_name) {
            continue;
        }
        match field.kind {
            super::FieldKind::Multi => {
                let codes: Vec<String> = values
                    .iter()
                    .map(|v| sheet_code(field_name, v))
                    .filter(|v| field.accepts(v))
                    .collect();
                content.set_list(field_name, codes);
            }
            super::FieldKind::Choice | super::FieldKind::Territory => {
                let code = sheet_code(field_name, values[0]);
                if field.accepts(&code) {
                    content.set_text(field_name, code);
                }
            }
            super::FieldKind::Items => content.set_list(field_name, items(values[0])),
            _ if matches!(q.kind(), Kind::ShortText | Kind::LongText) => content.set_text(
                field_name,
                values[0].chars().take(field.max).collect::<String>(),
            ),
            _ => {}
        }
    }
    content
}

/// Creates an emerging-practice sheet from one submitted response, for someone who manages the
/// questionnaire. Reading the response is audited as any reading of a response is.
pub async fn from_response(
    core: &Core,
    user: &User,
    questionnaire: &str,
    response: &str,
    actor: &Actor,
) -> Result<String> {
    let detail = qn::response(core, user, questionnaire, response, actor).await?;
    if detail.response.status != "submitted" {
        // A partial response may still change: a sheet is made from what was sent.
        return Err(Error::NotFound);
    }
    let mut prefill = prefill_from_answers(&detail.def, &detail.given);
    // The respondent's language is that of the texts copied.
    if super::types::languages().contains(&detail.response.language) {
        prefill.set_text("language", detail.response.language.clone());
    }
    let lang = detail.def.languages.first().cloned().unwrap_or_default();
    let title = match prefill.text("title") {
        "" => detail.def.title.get(&lang, "fr").to_owned(),
        t => t.to_owned(),
    };
    create(
        core,
        user,
        NewSheet {
            kind: "emerging_practice".into(),
            title: title.chars().take(200).collect(),
            prefill,
            provenance: Provenance {
                kind: FROM_RESPONSE.into(),
                id: format!("{questionnaire}/{response}"),
                label: detail.def.title.get(&lang, "fr").to_owned(),
            },
        },
        actor,
    )
    .await
}

/// Where a sheet from the immersion of agreement `a` comes from.
pub(super) fn of_immersion(a: &immersions::Agreement) -> Provenance {
    Provenance {
        kind: FROM_IMMERSION.into(),
        id: a.id.clone(),
        label: format!("{} — {}", a.offer_title, a.host_organisation_name),
    }
}

/// Creates an immersion-learning sheet from an agreement its viewer is a party to.
pub async fn from_immersion(
    core: &Core,
    user: &User,
    agreement: &str,
    title: &str,
    actor: &Actor,
) -> Result<String> {
    let view = immersions::agreement_view(core, user, agreement).await?;
    if view.my_parties.is_empty() {
        return Err(Error::NotFound);
    }
    create(
        core,
        user,
        NewSheet {
            kind: "immersion_learning".into(),
            title: title.to_owned(),
            prefill: Content::default(),
            provenance: of_immersion(&view.agreement),
        },
        actor,
    )
    .await
}
