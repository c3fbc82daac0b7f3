//! Pages of agreements and what hangs on them: terms, comparison, logbook, mid-term review,
//! coaching notes, closing reports, follow-ups, and the programme dashboard.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::immersions::{
    Agreement, AgreementView, Approval, ClosingReport, ComparedField, EntryInput, EntryKind,
    EntryVisibility, FollowUp, LogbookView, PROMPTS, Party, REACHED_FIELDS, ReportInput,
    ReportsView, TERM_FIELDS, Terms,
};

use super::pages::{Options, options};
use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

#[derive(Template, WebTemplate)]
#[template(path = "immersions/agreements.html")]
pub struct AgreementsPage {
    pub ctx: Ctx,
    pub agreements: Vec<Agreement>,
}

/// The term fields of one section, for templates.
fn section_fields(section: &str) -> Vec<&'static str> {
    TERM_FIELDS
        .iter()
        .filter(|(_, s)| *s == section)
        .map(|(f, _)| *f)
        .collect()
}

/// Sections shown on every agreement page; employment and data access only on the audited
/// terms page.
pub const OPEN_SECTIONS: &[&str] = &["parties", "role", "plan", "schedule", "publication"];
pub const ALL_SECTIONS: &[&str] = &[
    "parties",
    "role",
    "plan",
    "schedule",
    "employment",
    "data",
    "publication",
];

/// The Fluent key of a term field's label.
pub fn term_key(field: &str) -> String {
    format!("term-{}", field.replace('_', "-"))
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/agreement.html")]
pub struct AgreementPage {
    pub ctx: Ctx,
    pub view: AgreementView,
    pub terms: Terms,
    /// The other agreement of a cross-immersion pair.
    pub pair: Option<String>,
    /// The pairing form as typed.
    pub pair_other: String,
    pub notice: Notice,
    pub errors: Errors,
    /// The add-item form as typed (kind, text).
    pub item_kind: String,
    pub item_text: String,
    pub reason: String,
    /// The status change sent, when it came back asking for a reason or a confirmation.
    pub pending_status: String,
    /// The signatory form as typed.
    pub signatory: SignatoryTyped,
}

/// A signatory form as typed, to show it again with its errors.
#[derive(Debug, Clone, Default)]
pub struct SignatoryTyped {
    pub party: String,
    pub listed: String,
    pub name: String,
    pub function: String,
    pub email: String,
}

impl AgreementPage {
    /// The organisation a party signs for (host or home).
    pub fn org_of(&self, party: &Party) -> &str {
        let a = &self.view.agreement;
        match party {
            Party::Host => &a.host_organisation_name,
            _ => a.home(),
        }
    }
    /// Whether a listed signatory may be offered: never the participant.
    pub fn may_offer(&self, s: &passerelle_core::immersions::OrgSignatory) -> bool {
        self.view
            .own_mailboxes
            .iter()
            .all(|m| *m != passerelle_core::immersions::signatures::mailbox(&s.email))
    }
    /// Whether `s` is the one shown as chosen for `party`: as typed, else the one named.
    pub fn is_chosen(
        &self,
        party: &Party,
        s: &passerelle_core::immersions::OrgSignatory,
        typed: &str,
    ) -> bool {
        if !typed.is_empty() {
            return typed == s.id;
        }
        self.view
            .signatory(party)
            .is_some_and(|n| n.email == s.email)
    }
    /// The version in force (signed by every party).
    pub fn in_force(&self) -> i64 {
        let a = &self.view.agreement;
        a.signed_version.unwrap_or(a.version)
    }
    pub fn notice_count(&self) -> i64 {
        self.view.notices.len() as i64
    }
    /// What the form of `party` shows: typed values when it was the one sent, else empty.
    pub fn typed_signatory(&self, party: &Party) -> SignatoryTyped {
        if self.signatory.party == party.code() {
            self.signatory.clone()
        } else {
            SignatoryTyped::default()
        }
    }
    /// Errors of the signatory form of `party` only.
    pub fn signatory_error(&self, party: &Party, field: &str) -> String {
        if self.signatory.party == party.code() {
            self.errors.msg(&self.ctx, field)
        } else {
            String::new()
        }
    }
    /// Who signs for `party`, as the page shows it: the participant, the coordinator's
    /// programme, or the organisation's named signatory.
    pub fn signer_label(&self, party: &Party) -> String {
        match party {
            Party::Participant => self.view.agreement.participant_name.clone(),
            Party::Coordinator => self.view.agreement.programme_name.clone(),
            _ => match self.view.signatory(party) {
                Some(s) if s.function.is_empty() => s.name.clone(),
                Some(s) => format!("{}, {}", s.name, s.function),
                None => self.ctx.t("agreement-signatory-not-named"),
            },
        }
    }
    /// Whether the viewer coordinates the programme (pairs cross-immersions).
    pub fn coordinates(&self) -> bool {
        self.view.my_parties.contains(&Party::Coordinator)
    }
    pub fn sections(&self) -> &'static [&'static str] {
        OPEN_SECTIONS
    }
    pub fn fields(&self, section: &str) -> Vec<&'static str> {
        section_fields(section)
    }
    pub fn label(&self, field: &str) -> String {
        self.ctx.t(&term_key(field))
    }
    pub fn typed(&self, kind: &str) -> &str {
        if self.item_kind == kind {
            &self.item_text
        } else {
            ""
        }
    }
    /// Status changes offered to those who manage the agreement.
    pub fn next_statuses(&self) -> Vec<&'static str> {
        use passerelle_core::immersions::AgreementStatus as S;
        let from = self.view.agreement.status();
        [S::Active, S::Completed]
            .iter()
            .filter(|to| from.may_become(**to))
            .map(|s| s.code())
            .collect()
    }
    pub fn removed_count(&self) -> i64 {
        self.view
            .items
            .iter()
            .filter(|i| i.removed_at.is_some())
            .count() as i64
    }
    /// The approval of the current version by `party`, if given.
    pub fn approval_for(&self, party: &Party) -> Option<&Approval> {
        self.view
            .approvals
            .iter()
            .find(|a| a.version == self.view.agreement.version && a.party == party.code())
    }
    pub fn may_cancel(&self) -> bool {
        use passerelle_core::immersions::AgreementStatus as S;
        self.view.agreement.status().may_become(S::Cancelled)
    }
    /// The reason typed for the status `s` (kept when its form came back with an error).
    pub fn reason_for(&self, s: &str) -> &str {
        if self.pending_status == s {
            &self.reason
        } else {
            ""
        }
    }
    /// The error of `field` for the status `s`'s form only.
    pub fn status_error(&self, s: &str, field: &str) -> String {
        if self.pending_status == s {
            self.errors.msg(&self.ctx, field)
        } else {
            String::new()
        }
    }
    pub fn may_terminate(&self) -> bool {
        use passerelle_core::immersions::AgreementStatus as S;
        self.view.agreement.status().may_become(S::Terminated)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/follow_ups.html")]
pub struct FollowUpsPage {
    pub ctx: Ctx,
    pub programme: passerelle_core::immersions::Programme,
    pub rows: Vec<passerelle_core::immersions::FollowUpAnswer>,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/access_log.html")]
pub struct AccessLogPage {
    pub ctx: Ctx,
    pub agreement: Agreement,
    pub rows: Vec<passerelle_core::audit::store::AuditRow>,
}

impl AccessLogPage {
    pub fn limit(&self) -> i64 {
        passerelle_core::immersions::ACCESS_LOG_LIMIT
    }
    pub fn is_read(&self, action: &str) -> bool {
        action == passerelle_core::audit::action::AGREEMENT_TERMS_READ
    }
    /// An entry's details in words (see [`passerelle_core::immersions::log_detail`]).
    pub fn detail(&self, action: &str, details: &str) -> String {
        use passerelle_core::immersions::LogDetail;
        use passerelle_i18n::FluentValue;
        let ctx = &self.ctx;
        let party = |p: &Party| ctx.tk("party-", p.code());
        let args = |key: &str, a: &[(&'static str, String)]| {
            let a: Vec<_> = a
                .iter()
                .map(|(k, v)| (*k, FluentValue::from(v.clone())))
                .collect();
            ctx.locale.t_args(key, &a)
        };
        match passerelle_core::immersions::log_detail(action, details) {
            LogDetail::None => String::new(),
            LogDetail::Compared { left, right } => args(
                "access-detail-compared",
                &[("left", left), ("right", right)],
            ),
            LogDetail::LinkOpened(p) => args("access-detail-link-opened", &[("party", party(&p))]),
            LogDetail::CopyRead(p) => args("access-detail-copy-read", &[("party", party(&p))]),
            LogDetail::Signed {
                party: p,
                by_link,
                version,
            } => args(
                if by_link {
                    "access-detail-signed-link"
                } else {
                    "access-detail-signed-account"
                },
                &[("party", party(&p)), ("version", version)],
            ),
            LogDetail::Status { status, reason } => {
                let label = ctx.tk("agreement-status-", status.code());
                if reason.is_empty() {
                    label
                } else {
                    args(
                        "access-detail-status",
                        &[("status", label), ("reason", reason)],
                    )
                }
            }
            LogDetail::SignatoryNamed { party: p, email } => args(
                "access-detail-signatory",
                &[("party", party(&p)), ("email", email)],
            ),
            LogDetail::ItemAdded(k) => ctx.tk("access-detail-added-", k.code()),
            LogDetail::ItemRemoved => ctx.t("access-detail-removed"),
            LogDetail::AmendmentWithdrawn => ctx.t("access-detail-amendment-withdrawn"),
            LogDetail::Text(t) => t,
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/pair.html")]
pub struct PairPage {
    pub ctx: Ctx,
    pub id: String,
    /// This direction, then the other (`None` when the viewer may not read it).
    pub sides: Vec<Option<super::logbook::PairSide>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/agreement_form.html")]
pub struct AgreementFormPage {
    pub ctx: Ctx,
    pub agreement: Agreement,
    pub terms: Terms,
    pub errors: Errors,
}

impl AgreementFormPage {
    /// The version in force (signed by every party).
    pub fn in_force(&self) -> i64 {
        self.agreement
            .signed_version
            .unwrap_or(self.agreement.version)
    }
    pub fn sections(&self) -> &'static [&'static str] {
        ALL_SECTIONS
    }
    pub fn fields(&self, section: &str) -> Vec<&'static str> {
        section_fields(section)
    }
    pub fn label(&self, field: &str) -> String {
        self.ctx.t(&term_key(field))
    }
    /// Guidance shown above the employment and data-access sections.
    pub fn section_hint(&self, section: &str) -> String {
        match section {
            "employment" | "data" | "plan" => self.ctx.t(&format!("agreement-{section}-hint")),
            _ => String::new(),
        }
    }
    pub fn is_textarea(&self, field: &str) -> bool {
        self.kind(field) == "textarea"
    }
    /// Dates get a date input, long texts a text area.
    pub fn kind(&self, field: &str) -> &'static str {
        match field {
            "start" | "end" | "access_start" | "access_end" => "date",
            "time_share" => "number",
            "tutor_email" => "email",
            "tutor_name" | "recurring_days" | "working_language" => "text",
            _ => "textarea",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/terms.html")]
pub struct TermsPage {
    pub ctx: Ctx,
    pub agreement: Agreement,
    pub terms: Terms,
}

impl TermsPage {
    pub fn sections(&self) -> &'static [&'static str] {
        ALL_SECTIONS
    }
    pub fn fields(&self, section: &str) -> Vec<&'static str> {
        section_fields(section)
    }
    pub fn label(&self, field: &str) -> String {
        self.ctx.t(&term_key(field))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/compare.html")]
pub struct ComparePage {
    pub ctx: Ctx,
    pub agreement: Agreement,
    /// The rows shown: those that changed, or every term when `all`.
    pub rows: Vec<ComparedField>,
    pub all: bool,
    /// Terms left out because they did not change.
    pub unchanged: i64,
    pub left: i64,
    pub right: i64,
}

impl ComparePage {
    pub fn label(&self, field: &str) -> String {
        match field {
            "objectives" => self.ctx.t("agreement-objectives"),
            "tasks" => self.ctx.t("agreement-tasks"),
            f => self.ctx.t(&term_key(f)),
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/logbook.html")]
pub struct LogbookPage {
    pub ctx: Ctx,
    pub view: LogbookView,
    pub input: EntryInput,
    pub errors: Errors,
    pub notice: Notice,
    /// The upload limit, in megabytes, for the file input's hint.
    pub upload_mb: i64,
}

impl LogbookPage {
    pub fn kinds(&self) -> Options {
        options(
            &self.ctx,
            "logbook-kind-",
            EntryKind::ALL.iter().map(|k| k.code()),
        )
    }
    pub fn visibilities(&self) -> Options {
        options(
            &self.ctx,
            "logbook-visibility-",
            EntryVisibility::ALL.iter().map(|k| k.code()),
        )
    }
    pub fn prompts(&self) -> Options {
        options(&self.ctx, "logbook-prompt-", PROMPTS.iter().copied())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/report.html")]
pub struct ReportPage {
    pub ctx: Ctx,
    pub view: ReportsView,
    pub input: ReportInput,
    pub errors: Errors,
    pub notice: Notice,
}

impl ReportPage {
    /// `(index, objective, reached field, comment field, typed reached, typed comment)`.
    pub fn objective_rows(&self) -> Vec<(usize, String, String, String, String, String)> {
        self.view
            .objectives
            .iter()
            .take(REACHED_FIELDS.len())
            .enumerate()
            .map(|(i, o)| {
                (
                    i,
                    o.clone(),
                    format!("reached_{i}"),
                    format!("comment_{i}"),
                    self.input.reached.get(i).cloned().unwrap_or_default(),
                    self.input.comments.get(i).cloned().unwrap_or_default(),
                )
            })
            .collect()
    }
    /// The scale of "reached" (1–4) with its labels.
    pub fn reached_scale(&self) -> Options {
        options(&self.ctx, "report-reached-", ["1", "2", "3", "4"])
    }
    pub fn satisfaction_scale(&self) -> Options {
        options(&self.ctx, "report-satisfaction-", ["1", "2", "3", "4", "5"])
    }
    pub fn texts(&self) -> Vec<(&'static str, String)> {
        let i = &self.input;
        vec![
            ("learned", i.learned.clone()),
            ("host_gained", i.host_gained.clone()),
            ("practice_changes", i.practice_changes.clone()),
            ("difficulty_roles", i.difficulty_roles.clone()),
            ("difficulty_data", i.difficulty_data.clone()),
            ("difficulty_employment", i.difficulty_employment.clone()),
            ("difficulty_other", i.difficulty_other.clone()),
            ("recommendations", i.recommendations.clone()),
        ]
    }
    pub fn report_texts(&self, r: &ClosingReport) -> Vec<(&'static str, String)> {
        vec![
            ("learned", r.learned.clone()),
            ("host_gained", r.host_gained.clone()),
            ("practice_changes", r.practice_changes.clone()),
            ("difficulty_roles", r.difficulty_roles.clone()),
            ("difficulty_data", r.difficulty_data.clone()),
            ("difficulty_employment", r.difficulty_employment.clone()),
            ("difficulty_other", r.difficulty_other.clone()),
            ("recommendations", r.recommendations.clone()),
        ]
    }
    pub fn field_label(&self, field: &str) -> String {
        self.ctx.t(&format!("report-{}", field.replace('_', "-")))
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/follow_up.html")]
pub struct FollowUpPage {
    pub ctx: Ctx,
    pub follow_up: FollowUp,
    pub offer_title: String,
    pub lasting: String,
    pub still_in_contact: String,
    pub changes: String,
    pub errors: Errors,
    pub notice: Notice,
}

impl FollowUpPage {
    pub fn intro(&self) -> String {
        self.ctx.locale.t_args(
            "follow-up-intro",
            &[
                ("months", self.follow_up.months.into()),
                ("offer", self.offer_title.clone().into()),
            ],
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/dashboard.html")]
pub struct DashboardPage {
    pub ctx: Ctx,
    pub dashboard: passerelle_core::immersions::Dashboard,
}

/// One bar of a chart: label, count, bar length in the 0–300 range of the SVG.
pub struct Bar {
    pub label: String,
    pub count: i64,
    pub width: i64,
    pub y: i64,
}

impl DashboardPage {
    pub fn indicators(&self) -> Vec<(String, String)> {
        super::dashboard::indicators(&self.ctx, &self.dashboard)
    }
    /// `(code, title, bars, height of the chart)` of every table.
    pub fn charts(&self) -> Vec<(&'static str, String, Vec<Bar>, i64)> {
        super::dashboard::tables(&self.ctx, &self.dashboard)
            .into_iter()
            .map(|(code, title, rows)| {
                let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
                let bars: Vec<Bar> = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, (label, count))| Bar {
                        label,
                        count,
                        width: count * 300 / max,
                        y: i as i64 * 28,
                    })
                    .collect();
                let height = (bars.len() as i64 * 28).max(28);
                (code, title, bars, height)
            })
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/review.html")]
pub struct ReviewPage {
    pub ctx: Ctx,
    pub view: passerelle_core::immersions::ReviewView,
    pub input: passerelle_core::immersions::ReviewInput,
    pub errors: Errors,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/coaching.html")]
pub struct CoachingPage {
    pub ctx: Ctx,
    pub agreement: Agreement,
    pub notes: Vec<passerelle_core::immersions::CoachingNote>,
    pub body: String,
    pub errors: Errors,
    pub notice: Notice,
}
