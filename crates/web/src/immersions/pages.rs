//! Pages of programmes, offers, applications and saved searches (agreements and what hangs on
//! them: `agreement_pages.rs`, re-exported here).

use askama::Template;
use askama_web::WebTemplate;
use passerelle_core::accounts::SPOKEN_LANGUAGES;
use passerelle_core::immersions::{
    Application, ApplicationInput, ApplicationStatus, ApplicationView, CatalogueQuery, Direction,
    DurationBand, Frequency, Offer, OfferInput, OfferStatus, OfferView, Programme, ProgrammeInput,
    ProgrammeKind, ProgrammeView, PublicOutput, SavedSearch, Sensitivity, Visibility,
    duration_in_words,
};
use passerelle_core::organisations::COUNTRIES;

use std::sync::Arc;

use crate::ctx::Ctx;
use crate::forms::{Errors, Notice};

/// `(code, label)` pairs for a select or a checkbox group.
pub type Options = Vec<(String, String)>;

pub(super) fn options<'a>(
    ctx: &Ctx,
    prefix: &str,
    codes: impl IntoIterator<Item = &'a str>,
) -> Options {
    codes
        .into_iter()
        .map(|c| (c.to_owned(), ctx.tk(prefix, c)))
        .collect()
}

/// Option lists of fixed enumerations, translated once per language: the Fluent files are
/// embedded in the binary, so the labels never change while it runs, and the catalogue's
/// filter form would otherwise format some seventy labels on every view.
fn fixed_options(
    ctx: &Ctx,
    prefix: &'static str,
    codes: impl IntoIterator<Item = &'static str>,
) -> Options {
    use std::collections::HashMap;
    use std::sync::{Arc, OnceLock, RwLock};
    type Key = (passerelle_core::Locale, &'static str);
    static CACHE: OnceLock<RwLock<HashMap<Key, Arc<Options>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    let key = (ctx.locale, prefix);
    if let Some(hit) = cache.read().ok().and_then(|c| c.get(&key).cloned()) {
        return (*hit).clone();
    }
    let fresh = options(ctx, prefix, codes);
    if let Ok(mut c) = cache.write() {
        c.insert(key, Arc::new(fresh.clone()));
    }
    fresh
}

/// Choices shared by the forms and filters of this feature.
pub trait Choices {
    fn ctx(&self) -> &Ctx;
    fn programme_kinds(&self) -> Options {
        fixed_options(
            self.ctx(),
            "programme-kind-",
            ProgrammeKind::ALL.iter().map(|k| k.code()),
        )
    }
    fn directions(&self) -> Options {
        fixed_options(
            self.ctx(),
            "direction-",
            Direction::ALL.iter().map(|k| k.code()),
        )
    }
    fn sensitivities(&self) -> Options {
        fixed_options(
            self.ctx(),
            "sensitivity-",
            Sensitivity::ALL.iter().map(|k| k.code()),
        )
    }
    fn visibilities(&self) -> Options {
        fixed_options(
            self.ctx(),
            "visibility-",
            Visibility::ALL.iter().map(|k| k.code()),
        )
    }
    fn countries(&self) -> Options {
        fixed_options(self.ctx(), "country-", COUNTRIES.iter().copied())
    }
    fn languages(&self) -> Options {
        fixed_options(self.ctx(), "language-", SPOKEN_LANGUAGES.iter().copied())
    }
    fn durations(&self) -> Options {
        fixed_options(
            self.ctx(),
            "duration-band-",
            DurationBand::ALL.iter().map(|k| k.code()),
        )
    }
    fn offer_statuses(&self) -> Options {
        fixed_options(
            self.ctx(),
            "offer-status-",
            OfferStatus::ALL
                .iter()
                .filter(|s| **s != OfferStatus::Draft)
                .map(|k| k.code()),
        )
    }
    fn frequencies(&self) -> Options {
        fixed_options(
            self.ctx(),
            "frequency-",
            Frequency::ALL.iter().map(|k| k.code()),
        )
    }
    /// "18 months", "5 days"…
    fn duration_text(&self, days: &i64) -> String {
        let (unit, n) = duration_in_words(*days);
        self.ctx().tn(&format!("duration-{unit}"), "count", n)
    }
}

macro_rules! choices {
    ($($t:ty),+) => { $(impl Choices for $t { fn ctx(&self) -> &Ctx { &self.ctx } })+ };
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/programmes.html")]
pub struct ProgrammesPage {
    pub ctx: Ctx,
    pub programmes: Vec<Programme>,
    pub may_create: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/programme_form.html")]
pub struct ProgrammeFormPage {
    pub ctx: Ctx,
    /// `None` when creating.
    pub slug: Option<String>,
    pub input: ProgrammeInput,
    pub organisations: Options,
    pub errors: Errors,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/programme.html")]
pub struct ProgrammePage {
    pub ctx: Ctx,
    pub view: ProgrammeView,
    pub offers: Vec<Offer>,
    /// What the programme's immersions published (public outputs).
    pub outputs: Vec<PublicOutput>,
    /// Offers nobody applied to, for the coordinator.
    pub stale: Vec<Offer>,
    pub stale_days: i64,
    pub notice: Notice,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/catalogue.html")]
pub struct CataloguePage {
    pub ctx: Ctx,
    pub query: CatalogueQuery,
    /// The rendered [`FiltersFragment`] and [`ResultsFragment`] (possibly from the anonymous
    /// fragment cache).
    pub filters_html: Arc<String>,
    pub results_html: Arc<String>,
    pub notice: Notice,
    pub save_errors: Errors,
}

/// The catalogue's filter form, with the search's values selected.
#[derive(Template)]
#[template(path = "immersions/_filters.html")]
pub struct FiltersFragment {
    pub ctx: Ctx,
    pub query: CatalogueQuery,
    pub programmes: Vec<Programme>,
    pub themes: Vec<String>,
}

impl CataloguePage {
    pub fn feed_link(&self) -> String {
        format!("/offers/feed.atom?{}", self.query.to_query_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/_results.html")]
pub struct ResultsFragment {
    pub ctx: Ctx,
    pub offers: Vec<Offer>,
    pub total: i64,
    pub query: CatalogueQuery,
    pub page: i64,
    pub has_next: bool,
}

impl ResultsFragment {
    pub fn page_link(&self, page: i64) -> String {
        let qs = self.query.to_query_string();
        if qs.is_empty() {
            format!("/offers?page={page}")
        } else {
            format!("/offers?{qs}&page={page}")
        }
    }
    pub fn feed_link(&self) -> String {
        format!("/offers/feed.atom?{}", self.query.to_query_string())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/offer_form.html")]
pub struct OfferFormPage {
    pub ctx: Ctx,
    pub programme: Programme,
    /// `None` when creating.
    pub offer_id: Option<String>,
    pub input: OfferInput,
    /// The organisations the person may publish for.
    pub organisations: Options,
    pub errors: Errors,
}

impl OfferFormPage {
    pub fn rules_hint(&self) -> String {
        let p = &self.programme;
        self.ctx.locale.t_args(
            "offer-rules-hint",
            &[
                ("max", self.duration_text(&p.max_duration_days).into()),
                ("min_share", p.min_time_share.into()),
                ("max_share", p.max_time_share.into()),
            ],
        )
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/offer.html")]
pub struct OfferPage {
    pub ctx: Ctx,
    pub view: OfferView,
    pub notice: Notice,
    pub errors: Errors,
}

impl OfferPage {
    /// The statuses the offer may move to from here.
    pub fn next_statuses(&self) -> Vec<&'static str> {
        let from = self.view.offer.status();
        OfferStatus::ALL
            .iter()
            .filter(|to| from.may_become(**to) && **to != OfferStatus::Expired)
            .map(|s| s.code())
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/apply.html")]
pub struct ApplyPage {
    pub ctx: Ctx,
    pub offer: Offer,
    pub input: ApplicationInput,
    pub homes: Options,
    pub errors: Errors,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/mine.html")]
pub struct MinePage {
    pub ctx: Ctx,
    pub offers: Vec<Offer>,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/applications.html")]
pub struct ApplicationsPage {
    pub ctx: Ctx,
    pub mine: Vec<Application>,
    pub to_handle: Vec<Application>,
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/application.html")]
pub struct ApplicationPage {
    pub ctx: Ctx,
    pub view: ApplicationView,
    pub body: String,
    pub reason: String,
    pub errors: Errors,
    pub notice: Notice,
}

impl ApplicationPage {
    pub fn reply_time(&self) -> Option<String> {
        self.view.application.reply_time().map(|secs| {
            let hours = (secs + 1800) / 3600;
            if hours < 48 {
                self.ctx.tn("duration-hours", "count", hours)
            } else {
                self.ctx.tn("duration-days", "count", (hours + 12) / 24)
            }
        })
    }
    pub fn decisions(&self) -> Vec<&'static str> {
        let from = self.view.application.status();
        [ApplicationStatus::Shortlisted, ApplicationStatus::Accepted]
            .iter()
            .filter(|to| from.may_become(**to))
            .map(|s| s.code())
            .collect()
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "immersions/searches.html")]
pub struct SearchesPage {
    pub ctx: Ctx,
    pub searches: Vec<SavedSearch>,
    pub notice: Notice,
}

/// The Atom feed of a search or a programme.
#[derive(Template)]
#[template(path = "immersions/feed.xml")]
pub struct Feed {
    pub title: String,
    pub id: String,
    pub self_link: String,
    pub alternate: String,
    pub updated: String,
    pub entries: Vec<FeedEntry>,
}

pub struct FeedEntry {
    pub id: String,
    pub link: String,
    pub title: String,
    pub updated: String,
    pub author: String,
    pub summary: String,
}

pub use super::agreement_pages::*;
pub use super::capitalisation_pages::*;

choices!(
    FiltersFragment,
    ProgrammesPage,
    ProgrammeFormPage,
    ProgrammePage,
    CataloguePage,
    ResultsFragment,
    OfferFormPage,
    OfferPage,
    ApplyPage,
    MinePage,
    ApplicationsPage,
    ApplicationPage,
    SearchesPage
);
