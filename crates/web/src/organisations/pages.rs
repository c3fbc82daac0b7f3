//! Organisation pages.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::immersions::OrgSignatory;
use passerelle_core::organisations::{
    COUNTRIES, Invitation, InvitationView, Member, OrgKind, OrgRole, OrgView, Organisation,
};

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

/// Choices shared by the forms and filters.
pub trait Choices {
    fn kinds(&self) -> Vec<&'static str> {
        OrgKind::ALL.iter().map(|k| k.code()).collect()
    }
    fn countries(&self) -> &'static [&'static str] {
        COUNTRIES
    }
    fn org_roles(&self) -> Vec<&'static str> {
        OrgRole::ALL.iter().map(|r| r.code()).collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    /// The search and its results; htmx requests get only this part.
    pub results: ResultsFragment,
}
impl Choices for ListPage {}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/_results.html")]
pub struct ResultsFragment {
    pub ctx: Ctx,
    pub orgs: Vec<Organisation>,
    pub q: String,
    pub kind: String,
    pub country: String,
    pub page: i64,
    pub has_next: bool,
}

impl ResultsFragment {
    /// The link to another page of the same search.
    pub fn page_link(&self, page: i64) -> String {
        let query: String = form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &self.q)
            .append_pair("kind", &self.kind)
            .append_pair("country", &self.country)
            .append_pair("page", &page.to_string())
            .finish();
        format!("/organisations?{query}")
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    /// `None` when creating.
    pub slug: Option<String>,
    pub name: String,
    pub kind: String,
    pub country: String,
    pub city: String,
    pub website: String,
    pub description: String,
    pub errors: Errors,
}
impl Choices for FormPage {}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub view: OrgView,
    pub may_manage: bool,
    pub may_see_members: bool,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/members.html")]
pub struct MembersPage {
    pub ctx: Ctx,
    pub view: OrgView,
    pub members: Vec<Member>,
    pub invitations: Vec<Invitation>,
    pub may_manage: bool,
    pub invite_email: String,
    pub invite_role: String,
    pub errors: Errors,
    pub banner: String,
    pub notice: Notice,
    /// Who may sign agreements for the organisation, and the add form as typed.
    pub signatories: Vec<OrgSignatory>,
    pub sig_name: String,
    pub sig_function: String,
    pub sig_email: String,
    pub sig_errors: Errors,
}
impl Choices for MembersPage {}

#[derive(Template, WebTemplate)]
#[template(path = "organisations/invitation.html")]
pub struct InvitationPage {
    pub ctx: Ctx,
    pub token: String,
    pub inv: InvitationView,
    pub banner: String,
}
