//! Programmes, offers and applications: enumerations with their transitions, and rows.

use crate::code_enum;
use crate::error::{Error, Result};

code_enum! {
    /// What a programme organises.
    pub enum ProgrammeKind {
        /// Staff of a school (HES) in practice organisations and practitioners in the school.
        SchoolPractice = "school-practice",
        /// Peers visiting each other's organisations (cross-immersions).
        PeerCross = "peer-cross",
        Other = "other",
    }
}

code_enum! {
    /// Who goes where.
    pub enum Direction {
        SchoolToPractice = "school-to-practice",
        PracticeToSchool = "practice-to-school",
        Peer = "peer",
    }
}

code_enum! {
    /// The most sensitive data the participant is expected to see.
    pub enum Sensitivity {
        None = "none",
        Anonymised = "anonymised",
        Personal = "personal",
        Sensitive = "sensitive",
    }
}

impl Sensitivity {
    /// Personal and sensitive data need an explanation, then data-access terms in the agreement.
    pub fn needs_reason(self) -> bool {
        matches!(self, Sensitivity::Personal | Sensitivity::Sensitive)
    }
}

code_enum! {
    /// Who may see a published offer.
    pub enum Visibility {
        Public = "public",
        /// Members of the programme's partner organisations, its coordinator, administrators.
        Members = "members",
    }
}

code_enum! {
    /// Duration bands of the catalogue filter.
    pub enum DurationBand {
        /// Up to two weeks.
        Days = "days",
        /// Up to three months.
        Weeks = "weeks",
        /// Up to a year.
        Months = "months",
        /// More than a year (up to 24 months).
        Long = "long",
    }
}

impl DurationBand {
    /// Inclusive bounds in days.
    pub fn bounds(self) -> (i64, i64) {
        match self {
            DurationBand::Days => (1, 14),
            DurationBand::Weeks => (15, 92),
            DurationBand::Months => (93, 366),
            DurationBand::Long => (367, MAX_DURATION_DAYS),
        }
    }
}

/// The longest immersion any programme may allow: 24 months.
pub const MAX_DURATION_DAYS: i64 = 731;

code_enum! {
    /// Where an offer stands.
    pub enum OfferStatus {
        Draft = "draft",
        Published = "published",
        /// Someone was accepted.
        Filled = "filled",
        /// Withdrawn by the host.
        Closed = "closed",
        /// The application deadline passed.
        Expired = "expired",
    }
}

impl OfferStatus {
    /// Every allowed change of status, in one place.
    pub fn may_become(self, to: OfferStatus) -> bool {
        use OfferStatus::*;
        matches!(
            (self, to),
            (Draft, Published)
                | (Draft, Closed)
                | (Published, Filled)
                | (Published, Closed)
                | (Published, Expired)
                | (Filled, Published)
                | (Closed, Published)
                | (Expired, Published)
        )
    }

    pub fn transition(self, to: OfferStatus) -> Result<OfferStatus> {
        if self.may_become(to) {
            Ok(to)
        } else {
            Err(Error::Conflict("offer-transition-invalid"))
        }
    }

    /// Whether applications are accepted.
    pub fn is_open(self) -> bool {
        self == OfferStatus::Published
    }
}

code_enum! {
    /// Where an application stands.
    pub enum ApplicationStatus {
        Submitted = "submitted",
        Shortlisted = "shortlisted",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
    }
}

impl ApplicationStatus {
    /// Every allowed change of status, in one place. Accepted, declined and withdrawn are final.
    pub fn may_become(self, to: ApplicationStatus) -> bool {
        use ApplicationStatus::*;
        matches!(
            (self, to),
            (Submitted, Shortlisted)
                | (Submitted | Shortlisted, Accepted)
                | (Submitted | Shortlisted, Declined)
                | (Submitted | Shortlisted, Withdrawn)
        )
    }

    pub fn transition(self, to: ApplicationStatus) -> Result<ApplicationStatus> {
        if self.may_become(to) {
            Ok(to)
        } else {
            Err(Error::Conflict("application-transition-invalid"))
        }
    }

    /// Whether the applicant is still waiting for a decision.
    pub fn is_pending(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Submitted | ApplicationStatus::Shortlisted
        )
    }
}

code_enum! {
    /// How often a saved search sends its alerts.
    pub enum Frequency {
        Immediate = "immediate",
        Weekly = "weekly",
    }
}

/// A programme row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Programme {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub description: String,
    pub kind: String,
    pub languages: String,
    pub max_duration_days: i64,
    pub min_time_share: i64,
    pub max_time_share: i64,
    pub rules: String,
    pub coordinator_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Programme {
    pub fn language_list(&self) -> Vec<String> {
        crate::text::split_list(&self.languages)
    }
}

/// A partner organisation of a programme, as listed on its page.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Partner {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub country: String,
}

/// An offer row with the names of its programme and organisation.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Offer {
    pub id: String,
    pub programme_id: String,
    pub programme_slug: String,
    pub programme_name: String,
    pub organisation_id: String,
    pub organisation_slug: String,
    pub organisation_name: String,
    pub created_by: Option<String>,
    pub title: String,
    pub direction: String,
    pub themes: String,
    pub context: String,
    pub host_offers: String,
    pub host_expects: String,
    pub objectives: String,
    pub tasks: String,
    pub duration_days: i64,
    pub time_share: Option<i64>,
    pub day_pattern: String,
    pub period_start: String,
    pub period_end: String,
    pub apply_until: String,
    pub country: String,
    pub city: String,
    pub languages: String,
    pub profile: String,
    pub data_sensitivity: String,
    pub data_why: String,
    pub employment_notes: String,
    pub funding_notes: String,
    pub contact_name: String,
    pub contact_email: String,
    pub visibility: String,
    pub status: String,
    pub published_at: Option<i64>,
    pub status_changed_at: i64,
    pub created_at: i64,
    pub updated_at: i64,
    /// How many people it hosts: accepting that many applications marks it filled.
    pub places: i64,
}

impl Offer {
    pub fn status(&self) -> OfferStatus {
        OfferStatus::parse(&self.status).unwrap_or(OfferStatus::Draft)
    }
    pub fn theme_list(&self) -> Vec<String> {
        crate::text::split_list(&self.themes)
    }
    pub fn language_list(&self) -> Vec<String> {
        crate::text::split_list(&self.languages)
    }
    /// The duration as people say it: days, weeks or months.
    pub fn duration(&self) -> (&'static str, i64) {
        duration_in_words(self.duration_days)
    }
}

/// `("days" | "weeks" | "months", n)` for a duration in days.
pub fn duration_in_words(days: i64) -> (&'static str, i64) {
    if days >= 60 {
        ("months", (days + 15) / 30)
    } else if days >= 14 && days % 7 == 0 {
        ("weeks", days / 7)
    } else {
        ("days", days)
    }
}

/// An application row with the names people need to read it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Application {
    pub id: String,
    pub offer_id: String,
    pub offer_title: String,
    pub offer_status: String,
    pub host_organisation_id: String,
    pub host_organisation_name: String,
    pub programme_id: String,
    pub applicant_id: String,
    pub applicant_name: String,
    pub applicant_email: String,
    pub home_organisation_id: Option<String>,
    pub home_organisation_name: Option<String>,
    pub home_label: String,
    pub role_title: String,
    pub motivation: String,
    pub availability: String,
    pub languages: String,
    pub status: String,
    pub decision_reason: String,
    pub first_reply_at: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Application {
    pub fn status(&self) -> ApplicationStatus {
        ApplicationStatus::parse(&self.status).unwrap_or(ApplicationStatus::Submitted)
    }
    /// The home organisation's name, linked or typed.
    pub fn home(&self) -> &str {
        self.home_organisation_name
            .as_deref()
            .unwrap_or(&self.home_label)
    }
    pub fn language_list(&self) -> Vec<String> {
        crate::text::split_list(&self.languages)
    }
    /// Seconds from submission to the first reply by someone other than the applicant.
    pub fn reply_time(&self) -> Option<i64> {
        self.first_reply_at.map(|t| t - self.created_at)
    }
}

/// One message of an application's thread.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ThreadMessage {
    pub id: String,
    pub author_id: Option<String>,
    pub author_name: String,
    pub body: String,
    pub created_at: i64,
}

/// A saved search of the catalogue.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SavedSearch {
    pub id: String,
    pub user_id: String,
    pub label: String,
    pub query: String,
    pub frequency: String,
    pub last_sent_at: i64,
    pub created_at: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offer_transitions_are_exactly_these() {
        use OfferStatus::*;
        let allowed = [
            (Draft, Published),
            (Draft, Closed),
            (Published, Filled),
            (Filled, Published),
            (Published, Closed),
            (Published, Expired),
            (Closed, Published),
            (Expired, Published),
        ];
        for from in OfferStatus::ALL {
            for to in OfferStatus::ALL {
                let expected = allowed.contains(&(*from, *to));
                assert_eq!(from.may_become(*to), expected, "{from:?} -> {to:?}");
                assert_eq!(from.transition(*to).is_ok(), expected);
            }
        }
    }

    #[test]
    fn application_transitions_are_exactly_these() {
        use ApplicationStatus::*;
        let allowed = [
            (Submitted, Shortlisted),
            (Submitted, Accepted),
            (Submitted, Declined),
            (Submitted, Withdrawn),
            (Shortlisted, Accepted),
            (Shortlisted, Declined),
            (Shortlisted, Withdrawn),
        ];
        for from in ApplicationStatus::ALL {
            for to in ApplicationStatus::ALL {
                let expected = allowed.contains(&(*from, *to));
                assert_eq!(from.may_become(*to), expected, "{from:?} -> {to:?}");
                assert_eq!(from.transition(*to).is_ok(), expected);
            }
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_in_words(5), ("days", 5));
        assert_eq!(duration_in_words(21), ("weeks", 3));
        assert_eq!(duration_in_words(540), ("months", 18));
        assert_eq!(duration_in_words(731), ("months", 24));
    }

    #[test]
    fn codes_round_trip() {
        for d in Direction::ALL {
            assert_eq!(Direction::parse(d.code()), Some(*d));
        }
        assert_eq!(Sensitivity::parse("secret"), None);
        assert!(Sensitivity::Sensitive.needs_reason());
        assert!(!Sensitivity::Anonymised.needs_reason());
    }
}
