//! Who signs an agreement, and how.
//!
//! The participant signs for themself and the programme's coordinator for the programme, from
//! their accounts. Each organisation (host, home employer) signs through one **named
//! signatory**: for an organisation on Passerelle, a person its administrators listed as
//! entitled to sign (organisation_signatories); for a home employer that is not on Passerelle, a
//! person named on the agreement. Nobody else approves for an organisation: not its other
//! members, not the coordinator, and never the participant (their address is refused as a
//! signatory). A signatory signs from an account holding their (confirmed) address, or through a
//! single-use link e-mailed to them, tied to one version, expiring, and recorded with time, IP and
//! browser.
//!
//! A change to a signed agreement is an **amendment**: a new version signed the same way while
//! the immersion goes on under the version in force (`signed_version`).

mod amendments;
mod naming;
mod notices;
mod signing;

use super::{Agreement, AgreementStatus};

pub use super::signature_store::{Notice, OrgSignatory, Signatory};
pub use amendments::withdraw_amendment;
pub(in crate::immersions) use amendments::{lapse_amendment, terms_in_force};
pub(crate) use naming::own_mailboxes;
pub use naming::{
    add_org_signatory, mailbox, may_name, name_signatory, org_signatories, remove_org_signatory,
    signatory_choices,
};
pub(in crate::immersions) use naming::{check_signatories, signatories_and_notices};
pub use notices::{ask_after_change, remind_signatories};
pub(in crate::immersions) use notices::{
    ask_everyone, asking_at, fresh_link, notify, warn_access_ending,
};
pub use signing::{
    COPY_DAYS, SigningView, copy_available, sign_with_link, signed_copy, signing_view,
};
pub(in crate::immersions) use signing::{Signer, record_signature};

crate::code_enum! {
    /// The steps of an agreement the parties are told of by e-mail.
    pub enum NoticeKind {
        Drafted = "drafted",
        ReadyToSign = "ready-to-sign",
        SignatureRequest = "signature-request",
        SignatureReminder = "signature-reminder",
        Signed = "signed",
        FullySigned = "fully-signed",
        AmendmentProposed = "amendment-proposed",
        AmendmentSigned = "amendment-signed",
        AmendmentWithdrawn = "amendment-withdrawn",
        ReviewAwaiting = "review-awaiting",
        Started = "started",
        Completed = "completed",
        EndedEarly = "ended-early",
        Cancelled = "cancelled",
        AccessEnding = "access-ending",
        AccessEnded = "access-ended",
    }
}

/// Reminders sent to one signatory for one version; then the parties see who has not signed.
pub const MAX_REMINDERS: i64 = 3;

/// Days before the end of data access when the parties are told it ends.
pub const ACCESS_ENDING_DAYS: i64 = 7;

/// What a form names as signatory: one of the organisation's listed signatories (`listed`, an
/// id), or — for a home employer not on Passerelle — a person typed in.
#[derive(Debug, Clone, Default)]
pub struct SignatoryInput {
    pub listed: String,
    pub name: String,
    pub function: String,
    pub email: String,
}

/// Whether signatures are being collected: a first version, or an amendment of a signed one.
pub fn awaiting_signatures(a: &Agreement) -> bool {
    match a.status() {
        AgreementStatus::InReview => true,
        AgreementStatus::Approved | AgreementStatus::Active => a.amendment_pending(),
        _ => false,
    }
}
