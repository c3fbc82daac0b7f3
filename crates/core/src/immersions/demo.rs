//! Demo content of immersions: a C2SW-like school ↔ practice programme and the cross-immersions
//! of the *Maisons des Familles* network (more in `demo_stories`), written through the same services as users would,
//! then flagged `is_demo`.

use super::{ApplicationInput, OfferInput, ProgrammeInput};
use crate::accounts::{self, Actor, User};
use crate::organisations::store as orgs;
use crate::{Core, Error, Result};

/// A change of status in a demo story, confirmed with a reason in case the clock is earlier
/// than the story's dates (as in tests): the reason is kept only then.
pub(super) fn status(to: &str) -> super::StatusChange {
    super::StatusChange {
        to: to.into(),
        reason: "Dates des récits de démonstration".into(),
        confirmed_early: true,
    }
}

pub(super) async fn user(core: &Core, email: &str) -> Result<User> {
    accounts::find_by_email(core, email)
        .await?
        .ok_or(Error::NotFound)
}

pub(super) async fn org_ids(core: &Core, slugs: &[&str]) -> Result<Vec<String>> {
    let mut conn = core.db.pool.acquire().await?;
    let mut ids = Vec::new();
    for slug in slugs {
        if let Some(o) = orgs::by_slug(&mut conn, slug).await? {
            ids.push(o.id);
        }
    }
    Ok(ids)
}

/// `(organisation slug, title, direction, themes, context, days, time share, day pattern,
/// country, city, languages, data sensitivity, why)`.
type DemoOffer = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    i64,
    Option<i64>,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
    &'static str,
    &'static str,
);

const C2SW_OFFERS: &[DemoOffer] = &[
    (
        "fondation-entraide-fribourg",
        "Protection de l'enfance : 18 mois au service d'action éducative",
        "school-to-practice",
        "protection de l'enfance, travail avec les familles",
        "Le service d'action éducative accompagne 300 familles. Une ou un membre du corps enseignant HES rejoint l'équipe deux jours par semaine pour croiser recherche et pratique.",
        540,
        Some(40),
        "mardi et jeudi",
        "CH",
        "Fribourg",
        &["fr", "de"],
        "sensitive",
        "Lecture des dossiers de suivi éducatif pour participer aux synthèses d'équipe.",
    ),
    (
        "service-social-regional-neuchatel",
        "Une assistante sociale en immersion à la HES",
        "practice-to-school",
        "aide sociale, formation",
        "Une professionnelle de l'aide sociale rejoint la HES pour co-construire un module sur le non-recours aux prestations.",
        180,
        Some(20),
        "",
        "CH",
        "Lausanne",
        &["fr"],
        "none",
        "",
    ),
];

const MDF_OFFERS: &[DemoOffer] = &[
    (
        "kogl-taaba",
        "Immersion à la Maison des Familles de Ouagadougou",
        "peer",
        "parentalité, implication des pères",
        "Observer les ateliers parents-enfants et les réunions d'équipe de Kogl Taaba.",
        7,
        Some(100),
        "7 jours consécutifs",
        "BF",
        "Ouagadougou",
        &["fr", "mos"],
        "anonymised",
        "",
    ),
    (
        "solidarite-batoto",
        "Immersion à la Maison des Familles de Kinshasa",
        "peer",
        "parentalité, aller vers les familles",
        "Participer aux ateliers avec les jeunes et les familles de Solidarité Batoto.",
        7,
        Some(100),
        "7 jours consécutifs",
        "CD",
        "Kinshasa",
        &["fr", "ln"],
        "anonymised",
        "",
    ),
    (
        "cameleon",
        "Cross-immersion at the Iloilo House of Families",
        "peer",
        "responsabilités d'équipe, parentalité",
        "Join Cameleon's family workshops and team meetings for a week.",
        5,
        Some(100),
        "5 consecutive days",
        "PH",
        "Iloilo",
        &["en", "tl"],
        "anonymised",
        "",
    ),
    (
        "womens-resource-center",
        "Cross-immersion at the Phnom Penh House of Families",
        "peer",
        "responsabilités d'équipe, aller vers les familles",
        "Observe how the Women's Resource Center reaches more families.",
        5,
        Some(100),
        "5 consecutive days",
        "KH",
        "Phnom Penh",
        &["en", "km"],
        "anonymised",
        "",
    ),
];

async fn offers(
    core: &Core,
    by: &User,
    programme: &str,
    list: &[DemoOffer],
) -> Result<Vec<String>> {
    let actor = Actor::cli();
    let mut ids = Vec::new();
    for (
        org,
        title,
        direction,
        themes,
        context,
        days,
        share,
        pattern,
        country,
        city,
        langs,
        data,
        why,
    ) in list
    {
        let Some(org_id) = org_ids(core, &[org]).await?.pop() else {
            continue;
        };
        let input = OfferInput {
            organisation_id: org_id,
            title: (*title).into(),
            direction: (*direction).into(),
            themes: (*themes).into(),
            context: (*context).into(),
            duration_days: days.to_string(),
            // Several places: the demo's accepted applications leave its offers open.
            places: "3".into(),
            time_share: share.map(|s| s.to_string()).unwrap_or_default(),
            day_pattern: (*pattern).into(),
            country: (*country).into(),
            city: (*city).into(),
            languages: langs.iter().map(|l| (*l).to_owned()).collect(),
            data_sensitivity: (*data).into(),
            data_why: (*why).into(),
            visibility: "public".into(),
            contact_name: by.name().to_owned(),
            contact_email: by.email.clone(),
            ..Default::default()
        };
        let id = super::create_offer(core, by, programme, &input, &actor).await?;
        super::set_offer_status(core, by, &id, "published", &actor).await?;
        ids.push(id);
    }
    Ok(ids)
}

/// The *Maisons des Familles* story: Jean-Paul (Solidarité Batoto, Kinshasa) spent a week at
/// Kogl Taaba (Ouagadougou) — logbook, both closing reports, and a 6-month follow-up answered —
/// and Awa (Kogl Taaba) is to go to Kinshasa in return: the two agreements are paired.
async fn mdf_story(
    core: &Core,
    coordinator: &User,
    kogl_offer: &str,
    batoto_offer: &str,
) -> Result<()> {
    let actor = Actor::cli();
    let awa = user(core, "org-admin@demo.passerelle.example").await?;
    let jean_paul = user(core, "batoto@demo.passerelle.example").await?;
    let (kogl, batoto) = {
        let ids = org_ids(core, &["kogl-taaba", "solidarite-batoto"]).await?;
        match ids.as_slice() {
            [k, b] => (k.clone(), b.clone()),
            _ => return Ok(()),
        }
    };
    // Batoto → Kogl Taaba, completed.
    let application = super::apply(
        core,
        &jean_paul,
        kogl_offer,
        &ApplicationInput {
            home_organisation_id: batoto.clone(),
            role_title: "Éducateur".into(),
            motivation: "Voir comment Kogl Taaba fait venir les pères aux ateliers.".into(),
            languages: vec!["fr".into(), "ln".into()],
            ..Default::default()
        },
        &actor,
    )
    .await?;
    super::set_application_status(core, &awa, &application, "accepted", "", &actor).await?;
    let there = super::draft_agreement(core, &awa, &application, &actor).await?;
    let terms = super::Terms {
        tutor_name: "Awa Ouédraogo".into(),
        role_does: "Observe les ateliers parents-enfants, participe aux réunions d'équipe, anime un échange sur l'accueil des familles à Kinshasa.".into(),
        role_does_not: "N'accompagne pas seul une famille.".into(),
        start: "2026-06-08".into(),
        end: "2026-06-14".into(),
        time_share: "100".into(),
        recurring_days: "7 jours consécutifs".into(),
        continuity: "Un point chaque soir avec la tutrice.".into(),
        employer_of_record: "Solidarité Batoto".into(),
        pay_continuity: "Salaire maintenu par Solidarité Batoto.".into(),
        insurance_accident: "Assurance voyage prise par le réseau.".into(),
        travel_visa: "Visa et billet pris en charge par le réseau des Maisons des Familles.".into(),
        data_categories: "Aucune donnée nominative ; les situations sont évoquées sans nom.".into(),
        ..Default::default()
    };
    super::save_terms(core, &awa, &there, &terms, &actor).await?;
    for (kind, text, by) in [
        (
            "objective",
            "Comprendre comment les pères sont invités et accueillis",
            &jean_paul,
        ),
        (
            "objective",
            "Comparer l'organisation des deux équipes",
            &awa,
        ),
        (
            "task",
            "Participer aux ateliers du mercredi et du samedi",
            &awa,
        ),
        (
            "task",
            "Présenter la Maison des Familles de Kinshasa à l'équipe",
            &jean_paul,
        ),
    ] {
        super::add_item(core, by, &there, kind, text, &actor).await?;
    }
    use super::demo_stories::{entitled_signatories, sign_by_link};
    // Jean-Paul runs Solidarité Batoto but signs as participant only: the association signs
    // through its president, who has no account.
    entitled_signatories(
        core,
        &there,
        (
            &awa,
            "kogl-taaba",
            ("Awa Ouédraogo", "coordinatrice", &awa.email),
        ),
        (
            &jean_paul,
            "solidarite-batoto",
            (
                "Thérèse Kabongo",
                "présidente",
                "presidence.batoto@demo.passerelle.example",
            ),
        ),
        &jean_paul,
    )
    .await?;
    super::submit(core, &jean_paul, &there, &actor).await?;
    super::approve(
        core,
        &jean_paul,
        &there,
        "participant",
        1,
        false,
        &actor,
        "",
    )
    .await?;
    super::approve(core, &awa, &there, "host", 1, true, &actor, "").await?;
    sign_by_link(core, &there).await?;
    super::approve(
        core,
        coordinator,
        &there,
        "coordinator",
        1,
        false,
        &actor,
        "",
    )
    .await?;
    super::set_agreement_status(core, &awa, &there, &super::demo::status("active"), &actor).await?;
    for (date, kind, title, body, visibility) in [
        (
            "2026-06-08",
            "meeting",
            "Réunion d'équipe du lundi",
            "Chaque éducatrice présente une famille ; la décision est prise ensemble.",
            "programme",
        ),
        (
            "2026-06-10",
            "family-workshop",
            "Atelier des pères",
            "Huit pères présents : l'atelier se tient le soir, après le travail.",
            "programme",
        ),
        (
            "2026-06-12",
            "inspiration",
            "Idée à rapporter",
            "Inviter les pères par un autre père déjà venu, pas par courrier.",
            "tutor",
        ),
    ] {
        super::write_entry(
            core,
            &jean_paul,
            &there,
            &super::EntryInput {
                entry_date: date.into(),
                kind: kind.into(),
                title: title.into(),
                body: body.into(),
                tags: "pères, ateliers".into(),
                visibility: visibility.into(),
                ..Default::default()
            },
            &[],
        )
        .await?;
    }
    super::set_agreement_status(
        core,
        &awa,
        &there,
        &super::demo::status("completed"),
        &actor,
    )
    .await?;
    super::submit_report(
        core,
        &jean_paul,
        &there,
        &super::ReportInput {
            reached: vec!["4".into(), "3".into()],
            comments: vec![
                "L'invitation par les pairs fonctionne.".into(),
                String::new(),
            ],
            expectations_met: "4".into(),
            satisfaction: "5".into(),
            learned:
                "Les pères viennent quand un autre père les invite et que l'atelier a lieu le soir."
                    .into(),
            practice_changes: "Nous testons un atelier du soir à Kinshasa.".into(),
            recommendations: "Prévoir un jour de plus pour les réunions de partenaires.".into(),
            ..Default::default()
        },
        &actor,
    )
    .await?;
    super::submit_report(
        core,
        &awa,
        &there,
        &super::ReportInput {
            reached: vec!["4".into(), "4".into()],
            expectations_met: "4".into(),
            satisfaction: "5".into(),
            host_gained:
                "Un regard extérieur sur notre accueil des familles et l'envie d'aller à Kinshasa."
                    .into(),
            ..Default::default()
        },
        &actor,
    )
    .await?;
    // The immersion ended more than six months ago: the follow-ups went out and Jean-Paul
    // answered his.
    let ended = core.clock.unix() - 200 * 86_400;
    sqlx::query("UPDATE agreements SET ended_at = $2 WHERE id = $1")
        .bind(&there)
        .bind(ended)
        .execute(&core.db.pool)
        .await?;
    super::send_report_reminders_and_follow_ups(core).await?;
    let follow_up: Option<String> = sqlx::query_scalar(
        "SELECT id FROM follow_ups WHERE agreement_id = $1 AND side = 'participant'",
    )
    .bind(&there)
    .fetch_optional(&core.db.pool)
    .await?;
    if let Some(f) = follow_up {
        super::answer_follow_up(core, &jean_paul, &f, "L'atelier du soir pour les pères existe maintenant à Kinshasa ; nous échangeons chaque mois avec Kogl Taaba.", "yes", "Nous invitons les pères par d'autres pères.").await?;
    }
    super::demo_stories::capitalise_kinshasa_ouagadougou(core, &there, &jean_paul, &awa).await?;
    // Kogl Taaba → Batoto in return, approved and paired.
    let back =
        super::apply(
            core,
            &awa,
            batoto_offer,
            &ApplicationInput {
                home_organisation_id: kogl,
                role_title: "Coordinatrice".into(),
                motivation:
                    "Voir à Kinshasa comment Solidarité Batoto va vers les familles du quartier."
                        .into(),
                ..Default::default()
            },
            &actor,
        )
        .await?;
    super::set_application_status(core, &jean_paul, &back, "accepted", "", &actor).await?;
    let return_trip = super::draft_agreement(core, &jean_paul, &back, &actor).await?;
    super::pair_agreements(core, coordinator, &there, &return_trip).await?;
    super::demo_stories::return_trip_out_for_signature(core, &awa, &jean_paul, &return_trip)
        .await?;
    Ok(())
}

/// Loads the two demo programmes, their offers and one application with a message.
pub async fn load(core: &Core) -> Result<()> {
    let coordinator = user(core, "coordination@demo.passerelle.example").await?;
    let member = user(core, "membre@demo.passerelle.example").await?;
    let actor = Actor::cli();
    let c2sw = super::create_programme(
        core,
        &coordinator,
        &ProgrammeInput {
            name: "Career2SocialWork (démo)".into(),
            description: "Immersions de personnel des hautes écoles dans les organisations de la pratique, et de praticiennes et praticiens dans les hautes écoles, jusqu'à 24 mois à temps partiel.".into(),
            kind: "school-practice".into(),
            languages: vec!["fr".into(), "de".into(), "it".into()],
            max_duration_days: "731".into(),
            min_time_share: "10".into(),
            max_time_share: "60".into(),
            rules: "Objectifs et tâches définis conjointement dans la convention ; accès aux données sensibles encadré par des conditions écrites ; conditions d'emploi confirmées par les deux employeurs.".into(),
            partners: org_ids(core, &["hes-travail-social-lausanne", "fondation-entraide-fribourg", "service-social-regional-neuchatel"]).await?,
        },
        &actor,
    )
    .await?;
    let mdf = super::create_programme(
        core,
        &coordinator,
        &ProgrammeInput {
            name: "Immersions croisées des Maisons des Familles (démo)".into(),
            description: "Des travailleuses et travailleurs sociaux d'une Maison des Familles passent quelques jours chez une autre, puis l'accueillent à leur tour, pour construire un réseau international durable.".into(),
            kind: "peer-cross".into(),
            languages: vec!["fr".into(), "en".into()],
            max_duration_days: "14".into(),
            min_time_share: "100".into(),
            max_time_share: "100".into(),
            rules: "Immersions de 5 à 10 jours ; participation aux ateliers avec les familles et aux réunions d'équipe ; aucune donnée nominative des familles.".into(),
            partners: org_ids(core, &["reseau-maisons-des-familles", "kogl-taaba", "solidarite-batoto", "cameleon", "womens-resource-center"]).await?,
        },
        &actor,
    )
    .await?;
    let c2sw_offers = offers(core, &coordinator, &c2sw, C2SW_OFFERS).await?;
    let mdf_offers = offers(core, &coordinator, &mdf, MDF_OFFERS).await?;
    if let [kogl, batoto, cameleon, wrc, ..] = mdf_offers.as_slice() {
        mdf_story(core, &coordinator, kogl, batoto).await?;
        super::demo_stories::philippines_cambodia(core, &coordinator, cameleon, wrc).await?;
    }
    if let Some(first) = c2sw_offers.first() {
        let homes = org_ids(core, &["hes-travail-social-lausanne"]).await?;
        let application = super::apply(
            core,
            &member,
            first,
            &ApplicationInput {
                home_organisation_id: homes.into_iter().next().unwrap_or_default(),
                role_title: "Maître d'enseignement".into(),
                motivation: "J'enseigne la protection de l'enfance et souhaite relier mes cours au travail quotidien d'une équipe éducative.".into(),
                availability: "Mardis et jeudis dès mars".into(),
                languages: vec!["fr".into(), "de".into()],
                ..Default::default()
            },
            &actor,
        )
        .await?;
        super::post_message(core, &coordinator, &application, "Merci pour votre candidature. La structure d'accueil vous propose un entretien la semaine prochaine.").await?;
        let tutor = user(core, "tutrice@demo.passerelle.example").await?;
        super::set_application_status(core, &tutor, &application, "accepted", "", &actor).await?;
        super::demo_stories::c2sw_agreement(core, &tutor, &member, &coordinator, &application)
            .await?;
    }
    let mut tx = core.db.begin().await?;
    sqlx::query("UPDATE programmes SET is_demo = 1 WHERE slug = $1 OR slug = $2")
        .bind(&c2sw)
        .bind(&mdf)
        .execute(&mut *tx)
        .await?;
    for sql in [
        "UPDATE offers SET is_demo = 1 WHERE programme_id IN (SELECT id FROM programmes WHERE is_demo = 1)",
        "UPDATE applications SET is_demo = 1 WHERE offer_id IN (SELECT id FROM offers WHERE is_demo = 1)",
        "UPDATE agreements SET is_demo = 1 WHERE offer_id IN (SELECT id FROM offers WHERE is_demo = 1)",
    ] {
        sqlx::query(sql).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}
