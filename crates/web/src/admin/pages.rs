//! Administration pages.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::accounts::{Role, User};
use passerelle_core::audit::AuditRow;
use passerelle_core::mail::EmailRow;

use crate::ctx::Ctx;
use crate::forms::Notice;

#[derive(Template, WebTemplate)]
#[template(path = "admin/dashboard.html")]
pub struct DashboardPage {
    pub ctx: Ctx,
    pub organisations: i64,
    pub jobs_pending: i64,
    pub jobs_failed: i64,
    pub smtp: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/outbox.html")]
pub struct OutboxPage {
    pub ctx: Ctx,
    pub emails: Vec<EmailRow>,
    pub to: String,
    pub page: i64,
    pub has_next: bool,
}

impl OutboxPage {
    pub fn page_link(&self, page: i64) -> String {
        let q: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("to", &self.to)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/admin/outbox?{q}")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/email.html")]
pub struct EmailPage {
    pub ctx: Ctx,
    pub email: EmailRow,
    pub links: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/audit.html")]
pub struct AuditPage {
    pub ctx: Ctx,
    pub rows: Vec<AuditRow>,
    pub action: String,
    pub who: String,
    pub ip: String,
    pub from: String,
    pub until: String,
    pub page: i64,
    pub has_next: bool,
}

impl AuditPage {
    pub fn actions(&self) -> &'static [&'static str] {
        passerelle_core::audit::action::ALL
    }
    pub fn page_link(&self, page: i64) -> String {
        let q: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("action", &self.action)
            .append_pair("who", &self.who)
            .append_pair("ip", &self.ip)
            .append_pair("from", &self.from)
            .append_pair("until", &self.until)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/admin/audit?{q}")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub ctx: Ctx,
    pub users: Vec<User>,
    pub q: String,
    pub page: i64,
    pub has_next: bool,
    pub notice: Notice,
    pub banner: String,
}

impl UsersPage {
    pub fn roles(&self) -> Vec<&'static str> {
        Role::ALL.iter().map(|r| r.code()).collect()
    }
    pub fn page_link(&self, page: i64) -> String {
        let q: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &self.q)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/admin/users?{q}")
    }
}
