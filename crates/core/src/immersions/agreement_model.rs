//! The agreement (*convention d'immersion*): statuses and their transitions, parties, terms.

use serde::{Deserialize, Serialize};

use crate::code_enum;
use crate::error::{Error, Result};

code_enum! {
    /// Where an agreement stands.
    pub enum AgreementStatus {
        Draft = "draft",
        /// Ready to sign: a version awaits the signature of every party ("partially signed"
        /// once one of them signed, see [`Agreement::display_status`]).
        InReview = "in-review",
        /// Signed by every party.
        Approved = "approved",
        /// Under way.
        Active = "active",
        Completed = "completed",
        /// Ended before its end date (a reason is recorded).
        Terminated = "terminated",
        Cancelled = "cancelled",
    }
}

impl AgreementStatus {
    /// Every allowed change of status, in one place. A change of terms after signature is an
    /// amendment: the status stays (the immersion goes on under the signed version) while the
    /// new version is signed (see `signatures`).
    pub fn may_become(self, to: AgreementStatus) -> bool {
        use AgreementStatus::*;
        matches!(
            (self, to),
            (Draft, InReview)
                | (Draft, Cancelled)
                | (InReview, Approved)
                | (InReview, Cancelled)
                | (Approved, Active)
                | (Approved, Cancelled)
                | (Active, Completed)
                | (Active, Terminated)
        )
    }

    pub fn transition(self, to: AgreementStatus) -> Result<AgreementStatus> {
        if self.may_become(to) {
            Ok(to)
        } else {
            Err(Error::Conflict("agreement-transition-invalid"))
        }
    }

    /// Whether the terms may still change (a change after signature is an amendment).
    pub fn is_editable(self) -> bool {
        matches!(
            self,
            AgreementStatus::Draft
                | AgreementStatus::InReview
                | AgreementStatus::Approved
                | AgreementStatus::Active
        )
    }
}

code_enum! {
    /// Who signs: the participant and the coordinator from their accounts; each organisation
    /// through its named signatory (see `signatures`), who need not be the tutor.
    pub enum Party {
        Participant = "participant",
        /// The host organisation.
        Host = "host",
        /// The participant's home organisation (its employer), on Passerelle or not.
        Home = "home",
        /// The programme, through its coordinator.
        Coordinator = "coordinator",
    }
}

impl Party {
    /// Host and home are employers: approving also confirms the employment conditions.
    pub fn is_employer(self) -> bool {
        matches!(self, Party::Host | Party::Home)
    }
}

code_enum! {
    /// Lists co-edited by participant and host.
    pub enum ItemKind {
        Objective = "objective",
        Task = "task",
    }
}

/// The terms of an agreement, stored as JSON; every field is text as typed (dates
/// `YYYY-MM-DD`, the time share a whole percentage) and checked on save.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Terms {
    pub tutor_name: String,
    pub tutor_email: String,
    pub role_does: String,
    pub role_does_not: String,
    /// What the immersion brings to each side (the Erasmus+ "added value").
    pub added_value: String,
    /// The programme of activities, by week or by day.
    pub activities: String,
    /// Expected outcomes and impact, for the participant and both organisations.
    pub expected_outcomes: String,
    pub working_language: String,
    pub start: String,
    pub end: String,
    pub time_share: String,
    pub recurring_days: String,
    pub continuity: String,
    pub employer_of_record: String,
    pub pay_continuity: String,
    pub insurance_accident: String,
    pub insurance_liability: String,
    pub working_time: String,
    pub holidays: String,
    pub expenses: String,
    pub travel_visa: String,
    pub data_categories: String,
    pub data_systems: String,
    pub data_supervision: String,
    pub confidentiality: String,
    pub access_start: String,
    pub access_end: String,
    pub ip_terms: String,
}

/// `(field, section)` of every term, in display order. The field name is also the form field
/// and the Fluent key suffix (`term-<field>` with `_` as `-`).
pub const TERM_FIELDS: &[(&str, &str)] = &[
    ("tutor_name", "parties"),
    ("tutor_email", "parties"),
    ("role_does", "role"),
    ("role_does_not", "role"),
    ("added_value", "plan"),
    ("activities", "plan"),
    ("expected_outcomes", "plan"),
    ("working_language", "plan"),
    ("start", "schedule"),
    ("end", "schedule"),
    ("time_share", "schedule"),
    ("recurring_days", "schedule"),
    ("continuity", "schedule"),
    ("employer_of_record", "employment"),
    ("pay_continuity", "employment"),
    ("insurance_accident", "employment"),
    ("insurance_liability", "employment"),
    ("working_time", "employment"),
    ("holidays", "employment"),
    ("expenses", "employment"),
    ("travel_visa", "employment"),
    ("data_categories", "data"),
    ("data_systems", "data"),
    ("data_supervision", "data"),
    ("confidentiality", "data"),
    ("access_start", "data"),
    ("access_end", "data"),
    ("ip_terms", "publication"),
];

/// Sections whose reading is written to the audit log.
pub const CONFIDENTIAL_SECTIONS: &[&str] = &["employment", "data"];

impl Terms {
    /// The value of a field by its name (see [`TERM_FIELDS`]).
    pub fn get(&self, field: &str) -> &str {
        match field {
            "tutor_name" => &self.tutor_name,
            "tutor_email" => &self.tutor_email,
            "role_does" => &self.role_does,
            "role_does_not" => &self.role_does_not,
            "added_value" => &self.added_value,
            "activities" => &self.activities,
            "expected_outcomes" => &self.expected_outcomes,
            "working_language" => &self.working_language,
            "start" => &self.start,
            "end" => &self.end,
            "time_share" => &self.time_share,
            "recurring_days" => &self.recurring_days,
            "continuity" => &self.continuity,
            "employer_of_record" => &self.employer_of_record,
            "pay_continuity" => &self.pay_continuity,
            "insurance_accident" => &self.insurance_accident,
            "insurance_liability" => &self.insurance_liability,
            "working_time" => &self.working_time,
            "holidays" => &self.holidays,
            "expenses" => &self.expenses,
            "travel_visa" => &self.travel_visa,
            "data_categories" => &self.data_categories,
            "data_systems" => &self.data_systems,
            "data_supervision" => &self.data_supervision,
            "confidentiality" => &self.confidentiality,
            "access_start" => &self.access_start,
            "access_end" => &self.access_end,
            "ip_terms" => &self.ip_terms,
            _ => "",
        }
    }

    /// Sets a field by its name; unknown names are ignored.
    pub fn set(&mut self, field: &str, value: String) {
        let slot = match field {
            "tutor_name" => &mut self.tutor_name,
            "tutor_email" => &mut self.tutor_email,
            "role_does" => &mut self.role_does,
            "role_does_not" => &mut self.role_does_not,
            "added_value" => &mut self.added_value,
            "activities" => &mut self.activities,
            "expected_outcomes" => &mut self.expected_outcomes,
            "working_language" => &mut self.working_language,
            "start" => &mut self.start,
            "end" => &mut self.end,
            "time_share" => &mut self.time_share,
            "recurring_days" => &mut self.recurring_days,
            "continuity" => &mut self.continuity,
            "employer_of_record" => &mut self.employer_of_record,
            "pay_continuity" => &mut self.pay_continuity,
            "insurance_accident" => &mut self.insurance_accident,
            "insurance_liability" => &mut self.insurance_liability,
            "working_time" => &mut self.working_time,
            "holidays" => &mut self.holidays,
            "expenses" => &mut self.expenses,
            "travel_visa" => &mut self.travel_visa,
            "data_categories" => &mut self.data_categories,
            "data_systems" => &mut self.data_systems,
            "data_supervision" => &mut self.data_supervision,
            "confidentiality" => &mut self.confidentiality,
            "access_start" => &mut self.access_start,
            "access_end" => &mut self.access_end,
            "ip_terms" => &mut self.ip_terms,
            _ => return,
        };
        *slot = value;
    }
}

impl Terms {
    /// The weekdays named in `recurring_days` (French or English, any case or accent), as
    /// iCalendar codes, in week order: "mardi et jeudi" → `["TU", "TH"]`.
    pub fn weekdays(&self) -> Vec<&'static str> {
        const DAYS: &[(&str, &str, &str)] = &[
            ("MO", "lundi", "monday"),
            ("TU", "mardi", "tuesday"),
            ("WE", "mercredi", "wednesday"),
            ("TH", "jeudi", "thursday"),
            ("FR", "vendredi", "friday"),
            ("SA", "samedi", "saturday"),
            ("SU", "dimanche", "sunday"),
        ];
        let words: Vec<String> = crate::text::query_words(&self.recurring_days, 64);
        DAYS.iter()
            .filter(|(_, fr, en)| {
                words
                    .iter()
                    .any(|w| w.trim_end_matches('s') == *fr || w.trim_end_matches('s') == *en)
            })
            .map(|(code, _, _)| *code)
            .collect()
    }
}

/// A version as frozen when submitted for review: the terms and the lists.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Snapshot {
    pub terms: Terms,
    pub objectives: Vec<String>,
    pub tasks: Vec<String>,
}

/// An agreement row with the names people read.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Agreement {
    pub id: String,
    pub application_id: String,
    pub offer_id: String,
    pub offer_title: String,
    pub programme_id: String,
    pub programme_name: String,
    pub participant_id: String,
    pub participant_name: String,
    pub host_organisation_id: String,
    pub host_organisation_name: String,
    pub home_organisation_id: Option<String>,
    pub home_organisation_name: Option<String>,
    pub home_label: String,
    pub coordinator_id: Option<String>,
    pub status: String,
    pub version: i64,
    /// The version in force (signed by every party); `None` until the first is signed.
    pub signed_version: Option<i64>,
    pub terms: String,
    pub end_reason: String,
    pub access_ended_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    /// How many parties signed the current version.
    pub signed_parties: i64,
}

impl Agreement {
    pub fn status(&self) -> AgreementStatus {
        AgreementStatus::parse(&self.status).unwrap_or(AgreementStatus::Draft)
    }
    pub fn terms(&self) -> Terms {
        serde_json::from_str(&self.terms).unwrap_or_default()
    }
    pub fn home(&self) -> &str {
        self.home_organisation_name
            .as_deref()
            .unwrap_or(&self.home_label)
    }
    /// Whether a later version than the one in force awaits signatures (an amendment).
    pub fn amendment_pending(&self) -> bool {
        self.signed_version.is_some_and(|v| v < self.version)
    }
    /// The status as the parties read it: "partially signed" is a version awaiting signatures
    /// that some party signed already.
    pub fn display_status(&self) -> &'static str {
        match self.status() {
            AgreementStatus::InReview if self.signed_parties > 0 => "partially-signed",
            s => s.code(),
        }
    }
    /// The parties whose signature the agreement needs: the participant, both employers (the
    /// home organisation signs through its named signatory even when it is not on Passerelle)
    /// and the programme when it has a coordinator.
    pub fn required_parties(&self) -> Vec<Party> {
        let mut parties = vec![Party::Participant, Party::Host, Party::Home];
        if self.coordinator_id.is_some() {
            parties.push(Party::Coordinator);
        }
        parties
    }
}

/// One approval of one version.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Approval {
    pub version: i64,
    pub party: String,
    pub user_name: String,
    pub approved_at: i64,
    pub signer_function: String,
    /// `account` (signed while logged in) or `link` (through an e-mailed signing link).
    pub method: String,
}

/// One objective or task, with who added (and removed) it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Item {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub created_name: String,
    pub removed_name: String,
    pub created_at: i64,
    pub removed_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_transitions_are_exactly_these() {
        use AgreementStatus::*;
        let allowed = [
            (Draft, InReview),
            (Draft, Cancelled),
            (InReview, Approved),
            (InReview, Cancelled),
            (Approved, Active),
            (Approved, Cancelled),
            (Active, Completed),
            (Active, Terminated),
        ];
        for from in AgreementStatus::ALL {
            for to in AgreementStatus::ALL {
                let expected = allowed.contains(&(*from, *to));
                assert_eq!(from.may_become(*to), expected, "{from:?} -> {to:?}");
                assert_eq!(from.transition(*to).is_ok(), expected);
            }
        }
    }

    #[test]
    fn weekdays_are_read_from_the_recurring_days() {
        let t = |s: &str| {
            Terms {
                recurring_days: s.into(),
                ..Default::default()
            }
            .weekdays()
        };
        assert_eq!(t("mardi et jeudi"), ["TU", "TH"]);
        assert_eq!(t("Thursdays, Mondays"), ["MO", "TH"]);
        assert_eq!(t("7 jours consécutifs"), Vec::<&str>::new());
    }

    #[test]
    fn every_term_field_reads_and_writes() {
        let mut t = Terms::default();
        for (i, (field, _)) in TERM_FIELDS.iter().enumerate() {
            t.set(field, format!("v{i}"));
        }
        for (i, (field, _)) in TERM_FIELDS.iter().enumerate() {
            assert_eq!(t.get(field), format!("v{i}"), "{field}");
        }
        let json = serde_json::to_string(&t).expect("json");
        assert_eq!(serde_json::from_str::<Terms>(&json).expect("parse"), t);
    }
}
