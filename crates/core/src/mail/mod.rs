//! E-mail: messages rendered in the recipient's language, stored in the outbox table inside the
//! transaction that causes them, then delivered by a job (SMTP when configured; otherwise they
//! stay readable at `/admin/outbox`).
//!
//! Rendering happens here, at enqueue time, so what administrators read in the outbox is exactly
//! what was (or would be) sent.

pub mod store;

use askama::Template;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use passerelle_i18n::FluentValue;
use sqlx::AnyConnection;

use crate::config::SmtpConfig;
use crate::ids::new_id;
use crate::jobs::{self, JobKind};
use crate::{Error, Locale, Result};

pub use store::EmailRow;

/// Every message Passerelle sends. Each variant names its Fluent keys (`mail-<name>-…`).
#[derive(Debug, Clone)]
pub enum Message {
    ConfirmEmail {
        name: String,
        link: String,
    },
    ResetPassword {
        name: String,
        link: String,
    },
    /// Sent to the owner of an address when its logins are refused for too many failures.
    UnlockAccount {
        name: String,
        link: String,
    },
    Invitation {
        inviter: String,
        organisation: String,
        link: String,
    },
    AlreadyRegistered {
        link: String,
    },
    ApplicationReceived {
        applicant: String,
        offer: String,
        link: String,
    },
    /// `status` is an application status code; `reason` may be empty.
    ApplicationStatus {
        offer: String,
        status: String,
        reason: String,
        link: String,
    },
    /// An application the host has not answered after some days.
    ApplicationReminder {
        offer: String,
        applicant: String,
        days: i64,
        link: String,
    },
    ThreadMessage {
        author: String,
        offer: String,
        link: String,
    },
    OfferNudge {
        offer: String,
        organisation: String,
        programme: String,
        link: String,
    },
    SearchAlert {
        label: String,
        count: i64,
        link: String,
    },
    ReportReminder {
        offer: String,
        link: String,
    },
    FollowUp {
        offer: String,
        months: i64,
        link: String,
    },
    /// A follow-up action of an immersion falls due.
    ActionDue {
        offer: String,
        action: String,
        owner: String,
        due: String,
        link: String,
    },
    /// A question sent to a former participant through the alumni directory; the asker's
    /// address is in the body so that the answer goes straight to them.
    AlumniQuestion {
        asker: String,
        asker_email: String,
        question: String,
        link: String,
    },
    /// The private link to go on answering a questionnaire.
    QuestionnaireResume {
        title: String,
        link: String,
    },
    /// A submitted identified response given back to its respondent to change and send again.
    QuestionnaireReopened {
        title: String,
        link: String,
    },
    /// A practice sheet moved along review (`status`: `changes_requested` or `published`).
    SheetStatus {
        title: String,
        status: String,
        link: String,
    },
    /// Asks an organisation's named signatory to sign a version of an agreement through a
    /// single-use link valid `days` days (`amendment`: the version amends a signed one).
    SignatureRequest {
        offer: String,
        party: String,
        name: String,
        version: i64,
        amendment: bool,
        reminder: bool,
        /// The signatory's organisation and the participant, by name.
        org: String,
        participant: String,
        /// Until when the link works, as the recipient reads dates.
        until: String,
        link: String,
    },
    /// Tells a party of a step of an agreement; `kind` is a `NoticeKind` code, `who` the person
    /// who took the step (may be empty).
    AgreementNotice {
        kind: String,
        offer: String,
        who: String,
        version: i64,
        link: String,
    },
    /// An invitation to answer a questionnaire (`reminder` for the follow-up ones).
    QuestionnaireInvitation {
        title: String,
        reminder: bool,
        link: String,
    },
}

/// A rendered message: subject, plain text and HTML.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

#[derive(Template)]
#[template(path = "mail/message.html")]
struct HtmlBody<'a> {
    lang: &'a str,
    subject: &'a str,
    paragraphs: &'a [String],
    action: Option<(&'a str, &'a str)>,
    link_hint: String,
    footer: String,
}

impl Message {
    fn parts(
        &self,
    ) -> (
        &'static str,
        Vec<(&'static str, FluentValue<'static>)>,
        &str,
    ) {
        let s = |v: &String| FluentValue::from(v.clone());
        match self {
            Message::ConfirmEmail { name, link } => ("confirm", vec![("name", s(name))], link),
            Message::ResetPassword { name, link } => ("reset", vec![("name", s(name))], link),
            Message::UnlockAccount { name, link } => ("unlock", vec![("name", s(name))], link),
            Message::Invitation {
                inviter,
                organisation,
                link,
            } => (
                "invitation",
                vec![("inviter", s(inviter)), ("organisation", s(organisation))],
                link,
            ),
            Message::AlreadyRegistered { link } => ("already-registered", vec![], link),
            Message::ApplicationReceived {
                applicant,
                offer,
                link,
            } => (
                "application-received",
                vec![("applicant", s(applicant)), ("offer", s(offer))],
                link,
            ),
            Message::ApplicationStatus {
                offer,
                status,
                reason,
                link,
            } => (
                "application-status",
                vec![
                    ("offer", s(offer)),
                    ("status", s(status)),
                    ("reason", s(reason)),
                ],
                link,
            ),
            Message::ApplicationReminder {
                offer,
                applicant,
                days,
                link,
            } => (
                "application-reminder",
                vec![
                    ("offer", s(offer)),
                    ("applicant", s(applicant)),
                    ("days", FluentValue::from(*days)),
                ],
                link,
            ),
            Message::ThreadMessage {
                author,
                offer,
                link,
            } => (
                "thread-message",
                vec![("author", s(author)), ("offer", s(offer))],
                link,
            ),
            Message::OfferNudge {
                offer,
                organisation,
                programme,
                link,
            } => (
                "offer-nudge",
                vec![
                    ("offer", s(offer)),
                    ("organisation", s(organisation)),
                    ("programme", s(programme)),
                ],
                link,
            ),
            Message::SheetStatus {
                title,
                status,
                link,
            } => (
                "sheet-status",
                vec![("title", s(title)), ("status", s(status))],
                link,
            ),
            Message::ReportReminder { offer, link } => {
                ("report-reminder", vec![("offer", s(offer))], link)
            }
            Message::FollowUp {
                offer,
                months,
                link,
            } => (
                "follow-up",
                vec![("offer", s(offer)), ("months", FluentValue::from(*months))],
                link,
            ),
            Message::ActionDue {
                offer,
                action,
                owner,
                due,
                link,
            } => (
                "action-due",
                vec![
                    ("offer", s(offer)),
                    ("action", s(action)),
                    ("owner", s(owner)),
                    ("due", s(due)),
                ],
                link,
            ),
            Message::AlumniQuestion {
                asker,
                asker_email,
                question,
                link,
            } => (
                "alumni-question",
                vec![
                    ("asker", s(asker)),
                    ("email", s(asker_email)),
                    ("question", s(question)),
                ],
                link,
            ),
            Message::QuestionnaireResume { title, link } => {
                ("questionnaire-resume", vec![("title", s(title))], link)
            }
            Message::QuestionnaireReopened { title, link } => {
                ("questionnaire-reopened", vec![("title", s(title))], link)
            }
            Message::QuestionnaireInvitation {
                title,
                reminder,
                link,
            } => (
                if *reminder {
                    "questionnaire-reminder"
                } else {
                    "questionnaire-invitation"
                },
                vec![("title", s(title))],
                link,
            ),
            Message::SignatureRequest {
                offer,
                party,
                name,
                version,
                amendment,
                reminder,
                org,
                participant,
                until,
                link,
            } => (
                if *reminder {
                    "signature-reminder"
                } else {
                    "signature-request"
                },
                vec![
                    ("offer", s(offer)),
                    ("party", s(party)),
                    ("name", s(name)),
                    ("version", FluentValue::from(*version)),
                    ("amendment", s(&amendment.to_string())),
                    ("org", s(org)),
                    ("participant", s(participant)),
                    ("until", s(until)),
                ],
                link,
            ),
            Message::AgreementNotice {
                kind,
                offer,
                who,
                version,
                link,
            } => (
                "agreement-notice",
                vec![
                    ("kind", s(kind)),
                    ("offer", s(offer)),
                    ("who", s(who)),
                    ("version", FluentValue::from(*version)),
                ],
                link,
            ),
            Message::SearchAlert { label, count, link } => (
                "search-alert",
                vec![("label", s(label)), ("count", FluentValue::from(*count))],
                link,
            ),
        }
    }

    pub fn render(&self, locale: Locale) -> Result<Rendered> {
        let (name, args, link) = self.parts();
        let subject = locale.t_args(&format!("mail-{name}-subject"), &args);
        let body = locale.t_args(&format!("mail-{name}-body"), &args);
        let paragraphs: Vec<String> = body.split("\n\n").map(str::to_owned).collect();
        let action = locale.t(&format!("mail-{name}-action"));
        let footer = locale.t("mail-footer");
        let link_hint = locale.t("mail-link-hint");
        let text = format!(
            "{}\n\n{action}{}{link}\n\n-- \n{footer}\n",
            paragraphs.join("\n\n"),
            locale.t("mail-link-separator")
        );
        let html = HtmlBody {
            lang: locale.code(),
            subject: &subject,
            paragraphs: &paragraphs,
            action: Some((&action, link)),
            link_hint,
            footer,
        }
        .render()
        .map_err(|e| Error::Internal(format!("mail template: {e}")))?;
        Ok(Rendered {
            subject,
            text,
            html,
        })
    }
}

/// Renders `message` for `to` in `locale`, stores it and enqueues its delivery, on `conn`
/// (normally the transaction of the action that causes the message).
pub async fn enqueue(
    conn: &mut AnyConnection,
    now: i64,
    to: &str,
    locale: Locale,
    message: &Message,
) -> Result<String> {
    let rendered = message.render(locale)?;
    let id = new_id();
    store::insert(conn, &id, to, locale.code(), &rendered, now).await?;
    jobs::enqueue(
        conn,
        now,
        JobKind::SendEmail {
            email_id: id.clone(),
        },
    )
    .await?;
    Ok(id)
}

/// Delivers stored messages: through SMTP when configured, else keeps them in the outbox.
#[derive(Clone)]
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Mailbox,
}

impl Mailer {
    pub fn from_config(config: &SmtpConfig) -> Result<Mailer> {
        let from: Mailbox = config
            .from
            .parse()
            .map_err(|e| Error::Internal(format!("smtp.from {:?}: {e}", config.from)))?;
        if config.host.is_empty() {
            return Ok(Mailer {
                transport: None,
                from,
            });
        }
        let builder = match config.security.as_str() {
            "tls" => AsyncSmtpTransport::<Tokio1Executor>::relay(&config.host),
            "starttls" => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&config.host),
            _ => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
                &config.host,
            )),
        }
        .map_err(|e| Error::Internal(format!("smtp: {e}")))?;
        let mut builder = builder.port(config.port);
        if !config.username.is_empty() {
            builder = builder.credentials(Credentials::new(
                config.username.clone(),
                config.password.clone(),
            ));
        }
        Ok(Mailer {
            transport: Some(builder.build()),
            from,
        })
    }

    pub fn has_smtp(&self) -> bool {
        self.transport.is_some()
    }

    /// Sends one stored message. Returns the status to record: `sent` or `outbox`.
    pub async fn deliver(&self, email: &EmailRow) -> Result<&'static str> {
        let Some(transport) = &self.transport else {
            return Ok(store::STATUS_OUTBOX);
        };
        let to: Mailbox = email
            .to_address
            .parse()
            .map_err(|e| Error::Internal(format!("recipient {:?}: {e}", email.to_address)))?;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(&email.subject)
            .message_id(Some(format!("<{}@passerelle>", email.id)))
            .multipart(MultiPart::alternative_plain_html(
                email.body_text.clone(),
                email.body_html.clone(),
            ))
            .map_err(|e| Error::Internal(format!("building message: {e}")))?;
        transport
            .send(message)
            .await
            .map_err(|e| Error::Internal(format!("smtp send: {e}")))?;
        Ok(store::STATUS_SENT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_renders_in_both_languages_with_its_link() {
        let link = "http://x/confirm/abc".to_owned();
        let messages = [
            Message::ConfirmEmail {
                name: "Ana".into(),
                link: link.clone(),
            },
            Message::ResetPassword {
                name: "Ana".into(),
                link: link.clone(),
            },
            Message::Invitation {
                inviter: "Bo".into(),
                organisation: "Kogl Taaba".into(),
                link: link.clone(),
            },
            Message::AlreadyRegistered { link: link.clone() },
            Message::QuestionnaireReopened {
                title: "Recensement".into(),
                link: link.clone(),
            },
            Message::UnlockAccount {
                name: "Ana".into(),
                link: link.clone(),
            },
        ];
        for m in &messages {
            for locale in Locale::ALL {
                let r = m.render(locale).expect("render");
                assert!(
                    !r.subject.starts_with("mail-"),
                    "{m:?} {locale:?}: {}",
                    r.subject
                );
                assert!(r.text.contains(&link));
                assert!(r.html.contains(&link));
                assert!(!r.text.contains("mail-"), "untranslated key in {m:?}");
                assert!(r.html.contains(&format!("lang=\"{}\"", locale.code())));
            }
        }
        let fr = messages[2].render(Locale::Fr).expect("render");
        let en = messages[2].render(Locale::En).expect("render");
        assert_ne!(fr.subject, en.subject);
        assert!(fr.text.contains("Kogl Taaba"));
    }

    #[test]
    fn html_bodies_escape_user_text() {
        let m = Message::Invitation {
            inviter: "<script>x</script>".into(),
            organisation: "A & B".into(),
            link: "http://x".into(),
        };
        let r = m.render(Locale::En).expect("render");
        assert!(!r.html.contains("<script>"));
        assert!(r.html.contains("A &#38; B") || r.html.contains("A &amp; B"));
    }
}
