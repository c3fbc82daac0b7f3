//! Immersion programmes: programmes with their partner organisations, offers (*déclarations
//! d'intérêt*) in both directions, the public catalogue with its feeds and saved searches, and
//! applications with their message threads, and the agreements drafted from accepted
//! applications.
//!
//! Each action is one transaction; status changes go through the transition functions of
//! [`model`], permissions through the pure functions of [`policy`].

mod agreement_model;
pub mod agreement_store;
mod agreement_view;
mod agreements;
mod alerts;
mod alumni;
pub mod application_store;
mod applications;
mod approvals;
pub mod attachments;
pub mod cache;
mod capitalisation;
pub mod capitalisation_store;
mod catalogue;
mod dashboard;
pub mod demo;
mod demo_stories;
mod logbook;
mod model;
mod offers;
pub mod policy;
mod programmes;
mod reports;
mod reviews;
pub mod signature_store;
pub mod signatures;
pub mod store;

pub use agreement_model::*;
pub use agreement_view::{
    ACCESS_LOG_LIMIT, AgreementView, LogDetail, access_log, agreement_view, log_detail,
};
pub use agreements::*;
pub use alerts::*;
pub use alumni::*;
pub use applications::*;
pub use approvals::*;
pub use attachments::{Attachment, Upload};
pub use capitalisation::*;
pub use catalogue::*;
pub use dashboard::*;
pub use logbook::*;
pub use model::*;
pub use offers::*;
pub use programmes::*;
pub use reports::*;
pub use reviews::*;
pub use signatures::{
    Notice, NoticeKind, OrgSignatory, Signatory, SignatoryInput, SigningView, add_org_signatory,
    name_signatory, org_signatories, remove_org_signatory, sign_with_link, signed_copy,
    signing_view, withdraw_amendment,
};

use sqlx::AnyConnection;

use crate::Result;
use crate::accounts::User;
use policy::Standing;

/// Works out `user`'s standing towards a programme and, optionally, a host organisation and an
/// applicant.
pub(crate) async fn standing(
    conn: &mut AnyConnection,
    user: Option<&User>,
    programme: &Programme,
    host_org_id: Option<&str>,
    applicant_id: Option<&str>,
) -> Result<Standing> {
    let Some(user) = user else {
        return Ok(Standing::default());
    };
    let host_member = match host_org_id {
        Some(org) => store::is_org_member(conn, org, &user.id).await?,
        None => false,
    };
    Ok(Standing {
        coordinates: programme.coordinator_id.as_deref() == Some(user.id.as_str()),
        programme_member: store::is_programme_member(conn, &programme.id, &user.id).await?,
        host_member,
        applicant: applicant_id == Some(user.id.as_str()),
    })
}

/// Parses an optional calendar date typed as `YYYY-MM-DD`.
pub(crate) fn parse_date(
    errors: &mut crate::validate::FieldErrors,
    field: &'static str,
    value: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        return String::new();
    }
    let format = time::macros::format_description!("[year]-[month]-[day]");
    match time::Date::parse(value, format) {
        Ok(_) => value.to_owned(),
        Err(_) => {
            errors.add(field, "field-date-invalid");
            value.to_owned()
        }
    }
}

/// Parses a whole number typed in a form, within bounds; empty is `None` unless `required`.
pub(crate) fn parse_number(
    errors: &mut crate::validate::FieldErrors,
    field: &'static str,
    value: &str,
    required: bool,
    (min, max): (i64, i64),
) -> Option<i64> {
    let value = value.trim();
    if value.is_empty() {
        if required {
            errors.add(field, "field-required");
        }
        return None;
    }
    match value.parse::<i64>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        Ok(_) => {
            errors.add(field, "field-number-out-of-range");
            None
        }
        Err(_) => {
            errors.add(field, "field-number-invalid");
            None
        }
    }
}

/// Checks a list of codes against the allowed ones; returns them comma-joined.
pub(crate) fn parse_codes(
    errors: &mut crate::validate::FieldErrors,
    field: &'static str,
    values: &[String],
    allowed: &[&str],
    required: bool,
) -> String {
    let mut codes: Vec<&str> = Vec::new();
    for v in values {
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        if !allowed.contains(&v) {
            errors.add(field, "field-choice-invalid");
        } else if !codes.contains(&v) {
            codes.push(v);
        }
    }
    if required && codes.is_empty() {
        errors.add(field, "field-required");
    }
    codes.join(",")
}

/// Today's date (UTC) as `YYYY-MM-DD`, for comparisons with stored calendar dates.
pub(crate) fn today(core: &crate::Core) -> String {
    let d = core.clock.now().date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::FieldErrors;

    #[test]
    fn dates_numbers_and_codes_are_checked() {
        let mut e = FieldErrors::default();
        assert_eq!(parse_date(&mut e, "d", " 2027-02-01 "), "2027-02-01");
        assert!(e.is_empty());
        parse_date(&mut e, "d", "2027-02-30");
        assert_eq!(e.get("d"), Some("field-date-invalid"));
        let mut e = FieldErrors::default();
        assert_eq!(parse_number(&mut e, "n", "40", true, (1, 100)), Some(40));
        assert_eq!(parse_number(&mut e, "n", "", false, (1, 100)), None);
        assert!(e.is_empty());
        parse_number(&mut e, "n", "140", true, (1, 100));
        assert_eq!(e.get("n"), Some("field-number-out-of-range"));
        parse_number(&mut e, "m", "4o", true, (1, 100));
        assert_eq!(e.get("m"), Some("field-number-invalid"));
        let mut e = FieldErrors::default();
        let codes = ["fr".to_owned(), "en".to_owned(), "fr".to_owned()];
        assert_eq!(
            parse_codes(&mut e, "l", &codes, &["fr", "en"], true),
            "fr,en"
        );
        parse_codes(&mut e, "l", &["xx".to_owned()], &["fr"], true);
        assert_eq!(e.get("l"), Some("field-choice-invalid"));
    }
}
