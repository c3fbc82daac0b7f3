//! Piping (LimeSurvey, XLSForm): a label or hint quotes an earlier answer as `${name}`, shown
//! as the respondent gave it (a choice by its label, in the respondent's language).

use super::answers::Given;
use super::model::{Definition, Kind};
use super::results::code_label;

/// `text` with every `${name}` of a question of `def` replaced by the answer given to it
/// (empty while unanswered). A name no question has is left as written, for its author to see.
pub fn pipe(text: &str, def: &Definition, given: &Given, lang: &str) -> String {
    if !text.contains("${") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.push_str(&rest[start..]);
            return out;
        };
        let name = &after[..end];
        match def.question(name) {
            Some(q) => out.push_str(&answer_text(q, given, lang)),
            None => out.push_str(&rest[start..start + 2 + end + 1]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The names a text quotes (`${name}`).
pub fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else { break };
        out.push(&after[..end]);
        rest = &after[end + 1..];
    }
    out
}

fn answer_text(q: &super::model::Question, given: &Given, lang: &str) -> String {
    let values = given.values(&q.name);
    let other = given.part(&q.name, "other");
    let mut parts: Vec<String> = values
        .iter()
        .map(|v| {
            if q.kind().is_closed() && q.kind() != Kind::Scale {
                if *v == super::model::OTHER && !other.is_empty() {
                    other.to_owned()
                } else {
                    code_label(q, v, lang)
                }
            } else {
                (*v).to_owned()
            }
        })
        .collect();
    parts.dedup();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaires::model::{Choice, Question, Section, Text};

    fn def() -> Definition {
        let mut d = Definition::new("fr", "t");
        let mut role = Question::new("role", Kind::Single, Text::one("fr", "Rôle"));
        role.choices = vec![Choice {
            code: "cadre".into(),
            label: Text::one("fr", "Cadre"),
        }];
        let name = Question::new("prenom", Kind::ShortText, Text::one("fr", "Prénom"));
        d.sections.push(Section {
            name: "s1".into(),
            title: Text::default(),
            description: Text::default(),
            condition: String::new(),
            questions: vec![name, role],
        });
        d
    }

    #[test]
    fn answers_are_quoted_as_given() {
        let given = Given::from_rows(vec![
            ("prenom".into(), String::new(), "Awa".into()),
            ("role".into(), String::new(), "cadre".into()),
        ]);
        let d = def();
        assert_eq!(
            pipe("Merci ${prenom} ; en tant que ${role} ?", &d, &given, "fr"),
            "Merci Awa ; en tant que Cadre ?"
        );
        assert_eq!(
            pipe("${inconnu} et ${prenom", &d, &given, "fr"),
            "${inconnu} et ${prenom"
        );
        assert_eq!(pipe("Rien ${prenom}", &d, &Given::default(), "fr"), "Rien ");
        assert_eq!(quoted("a ${x} b ${y}"), ["x", "y"]);
    }
}
