//! Account pages: one typed struct per template.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::organisations::MembershipSummary;

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

#[derive(Template, WebTemplate)]
#[template(path = "accounts/register.html")]
pub struct RegisterPage {
    pub ctx: Ctx,
    pub email: String,
    pub display_name: String,
    pub errors: Errors,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/register_sent.html")]
pub struct RegisterSentPage {
    pub ctx: Ctx,
    pub email: String,
}

/// A short page with a title, a message and a way on.
#[derive(Template, WebTemplate)]
#[template(path = "accounts/message.html")]
pub struct MessagePage {
    pub ctx: Ctx,
    pub title: String,
    pub message: String,
    pub link_href: String,
    pub link_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub ctx: Ctx,
    pub email: String,
    pub next: String,
    pub errors: Errors,
    /// A message about the whole form (rate limit, unconfirmed address).
    pub banner: String,
    pub offer_resend: bool,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/forgot.html")]
pub struct ForgotPage {
    pub ctx: Ctx,
    pub email: String,
    pub errors: Errors,
    pub sent: bool,
    /// A message about the whole form (too many requests).
    pub banner: String,
}

/// The page an unlock link opens: one button, so that a mail scanner fetching the link does
/// not use it.
#[derive(Template, WebTemplate)]
#[template(path = "accounts/unlock.html")]
pub struct UnlockPage {
    pub ctx: Ctx,
    pub token: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/reset.html")]
pub struct ResetPage {
    pub ctx: Ctx,
    pub token: String,
    pub errors: Errors,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/profile.html")]
pub struct ProfilePage {
    pub ctx: Ctx,
    pub display_name: String,
    pub organisation_label: String,
    pub languages: Vec<String>,
    pub locale: String,
    /// The time zone chosen (an IANA name), empty for the platform's.
    pub time_zone: String,
    pub errors: Errors,
    pub notice: Notice,
    pub memberships: Vec<MembershipSummary>,
    /// The platform's time zone (`time_zone` in the configuration).
    pub platform_time_zone: String,
}

impl ProfilePage {
    pub fn spoken(&self) -> &'static [&'static str] {
        passerelle_core::accounts::SPOKEN_LANGUAGES
    }
    pub fn speaks(&self, code: &&str) -> bool {
        self.languages.iter().any(|l| l == code)
    }
    /// The zones offered: the usual ones, and the one chosen when it is not among them.
    pub fn zones(&self) -> Vec<String> {
        let mut zones: Vec<String> = passerelle_core::clock::TIME_ZONES
            .iter()
            .map(|z| (*z).to_owned())
            .collect();
        if !self.time_zone.is_empty() && !zones.contains(&self.time_zone) {
            zones.insert(0, self.time_zone.clone());
        }
        zones
    }
    pub fn platform_zone(&self) -> String {
        self.platform_time_zone.replace('_', " ")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/delete.html")]
pub struct DeletePage {
    pub ctx: Ctx,
    pub errors: Errors,
    pub banner: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/setup.html")]
pub struct SetupPage {
    pub ctx: Ctx,
    pub token: String,
    pub email: String,
    pub display_name: String,
    pub errors: Errors,
}
