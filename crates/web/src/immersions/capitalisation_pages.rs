//! Pages of what an immersion leaves behind: its capitalisation (outputs, contacts, follow-up
//! actions) and the alumni directory.

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::immersions::{
    ActionInput, Alumnus, CapitalisationView, ContactInput, MyAlumni, OutputInput, OutputKind,
    OutputVisibility, Programme,
};

use super::pages::{Options, options};
use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

/// Which of the capitalisation page's forms the errors belong to. Fields carry the form's name
/// as a prefix (`output_title`, `contact_name`, `action_due_date`) so that ids stay unique.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CapForm {
    #[default]
    None,
    Output,
    Contact,
    Action,
}

impl CapForm {
    fn prefix(self) -> &'static str {
        match self {
            CapForm::None => "",
            CapForm::Output => "output_",
            CapForm::Contact => "contact_",
            CapForm::Action => "action_",
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/capitalisation.html")]
pub struct CapitalisationPage {
    pub ctx: Ctx,
    pub view: CapitalisationView,
    pub output: OutputInput,
    pub contact: ContactInput,
    pub action: ActionInput,
    pub form: CapForm,
    pub errors: Errors,
    pub notice: Notice,
    /// The upload limit, in megabytes, for the file input's hint.
    pub upload_mb: i64,
}

impl CapitalisationPage {
    /// The viewer is the agreement's participant (the alumni invitation is theirs only).
    pub fn is_participant(&self) -> bool {
        self.ctx
            .user
            .as_ref()
            .is_some_and(|u| u.id == self.view.agreement.participant_id)
    }

    /// The message for `field` of `form` (`"output"`, `"contact"`, `"action"`), or empty.
    pub fn err(&self, form: &str, field: &str) -> String {
        if self.form.prefix().trim_end_matches('_') == form {
            self.errors.msg(&self.ctx, field)
        } else {
            String::new()
        }
    }
    /// The error summary of `form`, linking to its prefixed fields.
    pub fn summary(&self, form: &str) -> Vec<(String, String)> {
        if self.form.prefix().trim_end_matches('_') != form {
            return Vec::new();
        }
        self.errors
            .summary(&self.ctx)
            .into_iter()
            .map(|(f, m)| (format!("{}{f}", self.form.prefix()), m))
            .collect()
    }
    pub fn kinds(&self) -> Options {
        options(
            &self.ctx,
            "output-kind-",
            OutputKind::ALL.iter().map(|k| k.code()),
        )
    }
    pub fn visibilities(&self) -> Options {
        options(
            &self.ctx,
            "output-visibility-",
            OutputVisibility::ALL.iter().map(|k| k.code()),
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/alumni.html")]
pub struct AlumniPage {
    pub ctx: Ctx,
    pub alumni: Vec<Alumnus>,
    pub programmes: Vec<Programme>,
    pub programme: String,
    pub q: String,
    pub mine: MyAlumni,
}

impl AlumniPage {
    pub fn programme_options(&self) -> Options {
        self.programmes
            .iter()
            .map(|p| (p.slug.clone(), p.name.clone()))
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/alumnus.html")]
pub struct AlumnusPage {
    pub ctx: Ctx,
    pub alumnus: Alumnus,
    /// Whether the viewer is this alumnus (no form to ask oneself).
    pub is_me: bool,
    pub question: String,
    pub errors: Errors,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/my_alumni.html")]
pub struct MyAlumniPage {
    pub ctx: Ctx,
    pub mine: MyAlumni,
    pub bio: String,
    pub topics: String,
    pub errors: Errors,
    pub notice: Notice,
}
