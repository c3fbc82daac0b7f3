//! The audit log: who did what, to what, when and from where.
//!
//! Entries are written inside the transaction of the action they describe, so an action and its
//! trace commit together. Failed logins are also the rate limiter's counters (see
//! `accounts::authenticate`), which keeps that state in the database for every instance.

pub mod store;

use sqlx::AnyConnection;

use crate::accounts::Actor;
use crate::ids::new_id;

pub use store::{AuditFilter, AuditRow};

/// Stable action codes; each has a Fluent label `audit-<code>`.
pub mod action {
    pub const LOGIN: &str = "login";
    pub const LOGIN_FAILED: &str = "login-failed";
    /// Logins of an address refused for too many failures (once per window).
    pub const LOGIN_LOCKED: &str = "login-locked";
    pub const LOGIN_UNLOCKED: &str = "login-unlocked";
    pub const LOGOUT: &str = "logout";
    pub const REGISTERED: &str = "account-registered";
    pub const CONFIRMED: &str = "account-confirmed";
    pub const PASSWORD_RESET: &str = "password-reset";
    pub const PROFILE_UPDATED: &str = "profile-updated";
    pub const PASSWORD_CHANGED: &str = "password-changed";
    pub const ACCOUNT_DELETED: &str = "account-deleted";
    pub const ROLE_CHANGED: &str = "role-changed";
    pub const ADMIN_CREATED: &str = "admin-created";
    pub const ORG_CREATED: &str = "org-created";
    pub const ORG_UPDATED: &str = "org-updated";
    pub const MEMBER_INVITED: &str = "member-invited";
    pub const INVITATION_REVOKED: &str = "invitation-revoked";
    pub const MEMBER_JOINED: &str = "member-joined";
    pub const MEMBER_ROLE_CHANGED: &str = "member-role-changed";
    pub const MEMBER_REMOVED: &str = "member-removed";
    pub const PROGRAMME_CREATED: &str = "programme-created";
    pub const PROGRAMME_UPDATED: &str = "programme-updated";
    pub const OFFER_CREATED: &str = "offer-created";
    pub const OFFER_UPDATED: &str = "offer-updated";
    pub const OFFER_STATUS_CHANGED: &str = "offer-status-changed";
    pub const OFFER_NUDGED: &str = "offer-nudged";
    pub const APPLICATION_SUBMITTED: &str = "application-submitted";
    pub const APPLICATION_STATUS_CHANGED: &str = "application-status-changed";
    pub const AGREEMENT_DRAFTED: &str = "agreement-drafted";
    pub const AGREEMENT_CHANGED: &str = "agreement-changed";
    pub const AGREEMENT_SUBMITTED: &str = "agreement-submitted";
    pub const AGREEMENT_APPROVED: &str = "agreement-approved";
    pub const AGREEMENT_STATUS_CHANGED: &str = "agreement-status-changed";
    pub const AGREEMENT_TERMS_READ: &str = "agreement-terms-read";
    pub const AGREEMENT_ACCESS_ENDED: &str = "agreement-access-ended";
    pub const AGREEMENT_SIGNATORY_NAMED: &str = "agreement-signatory-named";
    pub const ORG_SIGNATORIES_CHANGED: &str = "org-signatories-changed";
    pub const REPORT_SUBMITTED: &str = "report-submitted";
    pub const QUESTIONNAIRE_CREATED: &str = "questionnaire-created";
    pub const QUESTIONNAIRE_CHANGED: &str = "questionnaire-changed";
    pub const QUESTIONNAIRE_STATUS_CHANGED: &str = "questionnaire-status-changed";
    /// An identified or pseudonymous response read one by one, or responses exported.
    pub const RESPONSES_READ: &str = "responses-read";
    /// A response deleted by a coordinator (the reason in the details).
    pub const RESPONSE_DELETED: &str = "response-deleted";
    /// A submitted identified response given back to its respondent to change.
    pub const RESPONSE_REOPENED: &str = "response-reopened";
    pub const SHEET_CREATED: &str = "sheet-created";
    pub const SHEET_STATUS_CHANGED: &str = "sheet-status-changed";
    pub const SHEET_AUTHOR_ADDED: &str = "sheet-author-added";
    pub const SHEET_REVIEWERS_CHANGED: &str = "sheet-reviewers-changed";
    pub const SYNTHESIS_CHANGED: &str = "synthesis-changed";
    pub const ALL: &[&str] = &[
        LOGIN,
        LOGIN_FAILED,
        LOGOUT,
        REGISTERED,
        CONFIRMED,
        PASSWORD_RESET,
        PROFILE_UPDATED,
        PASSWORD_CHANGED,
        ACCOUNT_DELETED,
        ROLE_CHANGED,
        ADMIN_CREATED,
        ORG_CREATED,
        ORG_UPDATED,
        MEMBER_INVITED,
        INVITATION_REVOKED,
        MEMBER_JOINED,
        MEMBER_ROLE_CHANGED,
        MEMBER_REMOVED,
        PROGRAMME_CREATED,
        PROGRAMME_UPDATED,
        OFFER_CREATED,
        OFFER_UPDATED,
        OFFER_STATUS_CHANGED,
        OFFER_NUDGED,
        APPLICATION_SUBMITTED,
        APPLICATION_STATUS_CHANGED,
        AGREEMENT_DRAFTED,
        AGREEMENT_CHANGED,
        AGREEMENT_SUBMITTED,
        AGREEMENT_APPROVED,
        AGREEMENT_STATUS_CHANGED,
        AGREEMENT_TERMS_READ,
        AGREEMENT_ACCESS_ENDED,
        AGREEMENT_SIGNATORY_NAMED,
        ORG_SIGNATORIES_CHANGED,
        REPORT_SUBMITTED,
        QUESTIONNAIRE_CREATED,
        QUESTIONNAIRE_CHANGED,
        QUESTIONNAIRE_STATUS_CHANGED,
        RESPONSES_READ,
        RESPONSE_DELETED,
        RESPONSE_REOPENED,
        SHEET_CREATED,
        SHEET_STATUS_CHANGED,
        SHEET_AUTHOR_ADDED,
        SHEET_REVIEWERS_CHANGED,
        SYNTHESIS_CHANGED,
    ];
}

/// One audit entry about to be written.
pub struct Entry<'a> {
    pub action: &'static str,
    pub target_kind: &'a str,
    pub target_id: &'a str,
    /// What the action was about when there is no row to point to (an e-mail address tried).
    pub subject: &'a str,
    pub details: &'a str,
}

impl<'a> Entry<'a> {
    pub fn new(action: &'static str) -> Self {
        Entry {
            action,
            target_kind: "",
            target_id: "",
            subject: "",
            details: "",
        }
    }

    pub fn target(mut self, kind: &'a str, id: &'a str) -> Self {
        self.target_kind = kind;
        self.target_id = id;
        self
    }

    pub fn subject(mut self, subject: &'a str) -> Self {
        self.subject = subject;
        self
    }

    pub fn details(mut self, details: &'a str) -> Self {
        self.details = details;
        self
    }
}

pub async fn record(
    conn: &mut AnyConnection,
    now: i64,
    actor: &Actor,
    entry: Entry<'_>,
) -> Result<(), sqlx::Error> {
    store::insert(conn, &new_id(), now, actor, &entry).await
}
