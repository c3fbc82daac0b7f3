//! Opening a workbook: an `.xlsx` or an old `.xls`, each checked against the limits first;
//! then its survey, choices and settings sheets, with the headers pyxform reads as another
//! column renamed.

use std::io::Cursor;

use calamine::{Reader, Xls, Xlsx};

use super::limits;
use super::sheet::{Book, Sheet, read_sheet};
use super::{ImportReport, err};

/// Survey headers pyxform reads as another column (its `aliases.survey_header`), as the
/// columns read here.
const SURVEY_ALIASES: &[(&str, &str)] = &[
    ("caption", "label"),
    ("relevance", "relevant"),
    ("bind:relevant", "relevant"),
    ("bind::relevant", "relevant"),
    ("bind:required", "required"),
    ("bind::required", "required"),
    ("bind:constraint", "constraint"),
    ("bind::constraint", "constraint"),
    ("constraining_message", "constraint_message"),
    ("bind:jr:constraintmsg", "constraint_message"),
    ("bind::jr:constraintmsg", "constraint_message"),
    ("calculate", "calculation"),
    ("bind:calculate", "calculation"),
    ("bind::calculate", "calculation"),
    ("readonly", "read_only"),
    ("bind:readonly", "read_only"),
    ("control:appearance", "appearance"),
    ("control::appearance", "appearance"),
    ("count", "repeat_count"),
    ("jr:count", "repeat_count"),
    ("command", "type"),
    ("tag", "name"),
];

/// Choice headers pyxform reads as another column (its `aliases.list_header`).
const CHOICE_ALIASES: &[(&str, &str)] = &[
    ("caption", "label"),
    ("list name", "list_name"),
    ("value", "name"),
];

/// The sheets a workbook's questionnaire is read from.
pub(super) struct Opened {
    pub(super) survey: Sheet,
    pub(super) choices: Option<Sheet>,
    pub(super) settings: Option<Sheet>,
}

/// Opens a workbook and reads its sheets; `None` (the reasons in `report`) when it cannot be
/// read, is over a limit, or lacks what every form needs (a survey with `type` and `name`).
pub(super) fn open(bytes: &[u8], report: &mut ImportReport) -> Option<Opened> {
    let opened = if limits::is_compound_file(bytes) {
        limits::check_xls(bytes).and_then(|()| {
            Xls::new(Cursor::new(bytes))
                .map(Book::Xls)
                .map_err(|_| limits::not_a_workbook())
        })
    } else {
        limits::check(bytes).and_then(|()| {
            Xlsx::new(Cursor::new(bytes))
                .map(Book::Xlsx)
                .map_err(|_| limits::not_a_workbook())
        })
    };
    let mut book = match opened {
        Ok(book) => book,
        Err(item) => {
            report.errors.push(item);
            return None;
        }
    };
    let names: Vec<String> = book.sheet_names();
    let find = |want: &str| {
        names
            .iter()
            .find(|n| n.trim().to_lowercase() == want)
            .cloned()
    };
    let mut load = |want: &str| match find(want) {
        Some(name) => read_sheet(&mut book, &name),
        None => Ok(None),
    };
    // pyxform reads a workbook whose only sheet has another name as its survey.
    let only = (names.len() == 1).then(|| names[0].trim().to_lowercase());
    let survey_name = match (find("survey"), &only) {
        (None, Some(name)) => name.clone(),
        _ => "survey".to_owned(),
    };
    let mut survey = match load(&survey_name) {
        Ok(Some(sheet)) => sheet,
        Ok(None) => {
            report
                .errors
                .push(err("survey", 0, "", "the workbook has no survey sheet"));
            return None;
        }
        Err(item) => {
            report.errors.push(item);
            return None;
        }
    };
    let (mut choices, settings) = match (load("choices"), load("settings")) {
        (Ok(choices), Ok(settings)) => (choices, settings),
        (Err(item), _) | (_, Err(item)) => {
            report.errors.push(item);
            return None;
        }
    };
    let dealiased = survey
        .dealias("survey", SURVEY_ALIASES)
        .and_then(|()| match &mut choices {
            Some(c) => c.dealias("choices", CHOICE_ALIASES),
            None => Ok(()),
        });
    if let Err(item) = dealiased {
        report.errors.push(item);
        return None;
    }
    for other in &names {
        let l = other.trim().to_lowercase();
        if !["survey", "choices", "settings"].contains(&l.as_str()) && l != survey_name {
            report
                .not_imported
                .push(err(other, 0, "", "sheet not supported"));
        }
    }
    for col in ["type", "name"] {
        if survey.col(col).is_none() {
            report
                .errors
                .push(err("survey", 1, col, "required column missing"));
        }
    }
    if !report.errors.is_empty() {
        return None;
    }
    Some(Opened {
        survey,
        choices,
        settings,
    })
}
