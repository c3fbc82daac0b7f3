//! XLSForm: reading a questionnaire from the `survey`, `choices` and `settings` sheets of an
//! `.xlsx` workbook, and writing one back. What the import cannot represent is listed row by
//! row (sheet, row, column, reason) in an [`ImportReport`]; a workbook with errors (not a
//! workbook, no `survey` sheet, an unknown choice list, duplicate names) creates nothing.
//!
//! Sheet and column names are matched without regard to case, as pyxform does; translated
//! columns are `label::Language (code)`, `label::code` or `label:Language`.
//!
//! Workbooks come from anyone who may create a questionnaire: they are checked against the
//! [`limits`] (size, inflated size, rows, columns, cells, XML depth) before they are parsed, and
//! [`import`] reads them off the async runtime, a bounded number at a time.

mod expressions;
pub mod limits;
mod opening;
mod reading;
mod sheet;
mod writing;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::accounts::{Actor, User};
use crate::questionnaires::Definition;
use crate::{Core, Error, Result};

pub use expressions::{condition_from_xpath, condition_to_xpath};
pub use reading::read;
pub use writing::sheets;

/// One row of a sheet that could not be imported, or an error in the workbook.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub sheet: String,
    /// 1-based, as spreadsheets number rows; 0 when the item is about the whole sheet.
    pub row: usize,
    pub column: String,
    pub reason: String,
    /// For a row of the survey: the question it holds, so that the report names every
    /// question it does not import (boxed: items travel in `Result`s).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub question: Option<Box<RowQuestion>>,
}

/// The question a survey row holds, as written: name, type and first label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowQuestion {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportChoice {
    pub name: String,
    pub labels: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportQuestion {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub labels: BTreeMap<String, String>,
    pub choices: Vec<ReportChoice>,
    pub other: bool,
    pub required: bool,
    /// In Passerelle's expression language; empty when always shown.
    pub condition: String,
    pub group: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportGroup {
    pub name: String,
    pub labels: BTreeMap<String, String>,
    pub condition: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportReport {
    pub title: String,
    pub languages: Vec<String>,
    pub questions: Vec<ReportQuestion>,
    pub groups: Vec<ReportGroup>,
    pub not_imported: Vec<Item>,
    pub errors: Vec<Item>,
}

/// An item of the report.
fn err(sheet: &str, row: usize, column: &str, reason: &str) -> Item {
    Item {
        sheet: sheet.to_owned(),
        row,
        column: column.to_owned(),
        reason: reason.to_owned(),
        question: None,
    }
}

/// Imports a workbook as a new draft questionnaire owned by `user`; nothing is created when the
/// report has errors (`Ok((None, report))`).
pub async fn import(
    core: &Core,
    user: &User,
    bytes: &[u8],
    default_lang: &str,
    actor: &Actor,
) -> Result<(Option<String>, ImportReport)> {
    if !super::policy::may_create(Some(user)) {
        return Err(Error::Forbidden);
    }
    let (def, report) = read_in_slot(bytes, default_lang).await?;
    match def {
        Some(def) => {
            let id = super::builder::insert_new(core, user, &def, actor, false).await?;
            Ok((Some(id), report))
        }
        None => Ok((None, report)),
    }
}

/// [`read`] on a blocking thread, in one of [`limits::READERS`] slots: [`Error::Busy`] when
/// [`limits::QUEUE`] reads already wait for one. A workbook over the size limit is refused at
/// once, without being copied.
pub async fn read_in_slot(
    bytes: &[u8],
    default_lang: &str,
) -> Result<(Option<Definition>, ImportReport)> {
    if bytes.len() > limits::MAX_COMPRESSED {
        return Ok(read(bytes, default_lang));
    }
    let bytes = bytes.to_vec();
    let lang = default_lang.to_owned();
    limits::SLOTS.run(move || read(&bytes, &lang)).await
}

#[cfg(test)]
mod tests;
