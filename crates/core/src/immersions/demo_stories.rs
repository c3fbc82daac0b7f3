//! Demo stories that follow an immersion past its agreement: what the Kinshasa ↔ Ouagadougou
//! immersion left behind (outputs, a contact kept with consent, follow-up actions, an alumnus),
//! and the Philippines ↔ Cambodia cross-immersion under way.

use super::{ActionInput, ApplicationInput, ContactInput, EntryInput, OutputInput, Upload};
use crate::accounts::{Actor, User};
use crate::{Core, Result};

/// The date `days` from today (negative: before), `YYYY-MM-DD`.
fn day(core: &Core, days: i64) -> String {
    time::OffsetDateTime::from_unix_timestamp(core.clock.unix() + days * 86_400)
        .map(|t| t.date().to_string())
        .unwrap_or_default()
}

const FATHERS_GUIDE: &str = "# Inviter les pères aux ateliers\n\n\
1. Un père déjà venu invite un autre père, de vive voix.\n\
2. L'atelier a lieu le soir, après le travail.\n\
3. Le premier atelier porte sur une question que les pères ont choisie.\n";

/// Jean-Paul's week at Kogl Taaba, capitalised: a public guide with its file, a contact kept
/// with consent, two follow-up actions (one done), and Jean-Paul in the alumni directory.
pub(super) async fn capitalise_kinshasa_ouagadougou(
    core: &Core,
    agreement: &str,
    jean_paul: &User,
    awa: &User,
) -> Result<()> {
    super::add_output(
        core,
        jean_paul,
        agreement,
        &OutputInput {
            kind: "tool".into(),
            title: "Fiche : inviter les pères par les pairs".into(),
            description: "Ce que Kogl Taaba fait pour que les pères viennent aux ateliers, et comment Solidarité Batoto l'a adapté à Kinshasa.".into(),
            visibility: "public".into(),
            ..Default::default()
        },
        &[Upload {
            filename: "inviter-les-peres.md".into(),
            bytes: FATHERS_GUIDE.as_bytes().to_vec(),
        }],
    )
    .await?;
    super::add_output(
        core,
        awa,
        agreement,
        &OutputInput {
            kind: "document".into(),
            title: "Compte rendu de l'échange d'équipe du 12 juin".into(),
            description: "Pour les deux équipes seulement.".into(),
            visibility: "parties".into(),
            ..Default::default()
        },
        &[],
    )
    .await?;
    super::add_contact(
        core,
        jean_paul,
        agreement,
        &ContactInput {
            name: "Issa Sawadogo".into(),
            organisation: "Kogl Taaba – Maison des Familles".into(),
            role: "Père animateur de l'atelier du soir".into(),
            phone: "+226 70 00 00 00".into(),
            met_how: "Anime l'atelier des pères ; prêt à en parler avec les pères de Kinshasa par visioconférence.".into(),
            consent: true,
            consent_note: "Accord oral le 12 juin 2026, devant Awa Ouédraogo.".into(),
            ..Default::default()
        },
    )
    .await?;
    for (description, owner, due) in [
        (
            "Présenter l'atelier du soir au réseau des Maisons des Familles",
            "Jean-Paul Mbuyi",
            day(core, 30),
        ),
        (
            "Envoyer la fiche « inviter les pères » à Kogl Taaba pour relecture",
            "Jean-Paul Mbuyi",
            day(core, -20),
        ),
    ] {
        super::add_action(
            core,
            jean_paul,
            agreement,
            &ActionInput {
                description: description.into(),
                owner_name: owner.into(),
                due_date: due,
            },
        )
        .await?;
    }
    let mut conn = core.db.pool.acquire().await?;
    let sent: Option<String> = sqlx::query_scalar(
        "SELECT id FROM follow_up_actions WHERE agreement_id = $1 ORDER BY due_date LIMIT 1",
    )
    .bind(agreement)
    .fetch_optional(&mut *conn)
    .await?;
    drop(conn);
    if let Some(action) = sent {
        super::complete_action(core, awa, agreement, &action).await?;
    }
    super::join_alumni(
        core,
        jean_paul,
        "Une semaine à Kogl Taaba m'a appris à faire venir les pères : je peux raconter comment nous l'avons adapté à Kinshasa, et ce qu'il faut préparer avant de partir.",
        "implication des pères, parentalité, aller vers les familles",
    )
    .await
}

/// Maricel (Cameleon, Iloilo) spends five days at the Women's Resource Center in Phnom Penh —
/// approved and under way, with a first logbook entry — and Sokha's return trip to Iloilo is
/// drafted and paired with it.
pub(super) async fn philippines_cambodia(
    core: &Core,
    coordinator: &User,
    cameleon_offer: &str,
    wrc_offer: &str,
) -> Result<()> {
    let actor = Actor::cli();
    let maricel = super::demo::user(core, "cameleon@demo.passerelle.example").await?;
    let sokha = super::demo::user(core, "wrc@demo.passerelle.example").await?;
    let [cameleon, wrc] = super::demo::org_ids(core, &["cameleon", "womens-resource-center"])
        .await?
        .try_into()
        .unwrap_or_default();
    if cameleon.is_empty() || wrc.is_empty() {
        return Ok(());
    }
    let application = super::apply(
        core,
        &maricel,
        wrc_offer,
        &ApplicationInput {
            home_organisation_id: cameleon.clone(),
            role_title: "Social worker".into(),
            motivation: "Learn how the Women's Resource Center reaches families who never come to the centre, and share how Cameleon shares team responsibilities.".into(),
            languages: vec!["en".into(), "tl".into()],
            ..Default::default()
        },
        &actor,
    )
    .await?;
    super::set_application_status(core, &sokha, &application, "accepted", "", &actor).await?;
    let there = super::draft_agreement(core, &sokha, &application, &actor).await?;
    super::save_terms(
        core,
        &sokha,
        &there,
        &super::Terms {
            tutor_name: "Sokha Chan".into(),
            role_does: "Joins home visits with an outreach worker, the Tuesday family workshop and the weekly team meeting; presents Cameleon's shared team responsibilities.".into(),
            role_does_not: "Does not visit a family without a Women's Resource Center worker.".into(),
            start: day(core, -2),
            end: day(core, 2),
            time_share: "100".into(),
            recurring_days: "5 consecutive days".into(),
            continuity: "A debrief with the tutor every evening.".into(),
            employer_of_record: "Cameleon".into(),
            pay_continuity: "Salary kept by Cameleon.".into(),
            insurance_accident: "Travel insurance taken out by the network.".into(),
            travel_visa: "Visa on arrival; flight paid by the Maisons des Familles network.".into(),
            data_categories: "No family's name or file; situations are discussed anonymously.".into(),
            ..Default::default()
        },
        &actor,
    )
    .await?;
    for (kind, text, by) in [
        (
            "objective",
            "See how outreach workers first meet families at home",
            &maricel,
        ),
        (
            "objective",
            "Compare how both teams share responsibilities",
            &sokha,
        ),
        (
            "task",
            "Join two home visits and the Tuesday workshop",
            &sokha,
        ),
        (
            "task",
            "Present Cameleon's team organisation at the team meeting",
            &maricel,
        ),
    ] {
        super::add_item(core, by, &there, kind, text, &actor).await?;
    }
    // Maricel runs Cameleon's team but signs as participant only: Cameleon signs through its
    // executive director, by the e-mailed link.
    entitled_signatories(
        core,
        &there,
        (
            &sokha,
            "womens-resource-center",
            ("Sokha Chan", "director", &sokha.email),
        ),
        (
            &maricel,
            "cameleon",
            (
                "Rosa Villanueva",
                "executive director",
                "director.cameleon@demo.passerelle.example",
            ),
        ),
        &maricel,
    )
    .await?;
    super::submit(core, &maricel, &there, &actor).await?;
    super::approve(core, &maricel, &there, "participant", 1, false, &actor, "").await?;
    super::approve(core, &sokha, &there, "host", 1, true, &actor, "").await?;
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
    super::set_agreement_status(core, &sokha, &there, &super::demo::status("active"), &actor)
        .await?;
    super::write_entry(
        core,
        &maricel,
        &there,
        &EntryInput {
            entry_date: day(core, -1),
            kind: "observation".into(),
            title: "First home visit".into(),
            body: "The outreach worker came back three times before the mother opened the door; nothing is asked on the first visit.".into(),
            tags: "outreach, home visits".into(),
            visibility: "programme".into(),
            ..Default::default()
        },
        &[],
    )
    .await?;
    let back = super::apply(
        core,
        &sokha,
        cameleon_offer,
        &ApplicationInput {
            home_organisation_id: wrc,
            role_title: "Outreach coordinator".into(),
            motivation: "See in Iloilo how Cameleon's team shares responsibilities, in return for Maricel's visit.".into(),
            languages: vec!["en".into(), "km".into()],
            ..Default::default()
        },
        &actor,
    )
    .await?;
    super::set_application_status(core, &maricel, &back, "accepted", "", &actor).await?;
    let return_trip = super::draft_agreement(core, &maricel, &back, &actor).await?;
    super::pair_agreements(core, coordinator, &there, &return_trip).await
}

/// Kogl Taaba → Batoto in return: out for signature, Awa signed as participant; each
/// association signs through its president, who has no account, by the link e-mailed to them.
pub(super) async fn return_trip_out_for_signature(
    core: &Core,
    awa: &User,
    jean_paul: &User,
    return_trip: &str,
) -> Result<()> {
    let actor = Actor::cli();
    // The return trip is out for signature: Awa signed as participant; each association signs
    // through its president, who has no account, by the link e-mailed to them.
    let terms = super::Terms {
        tutor_name: "Jean-Paul Mbuyi".into(),
        role_does: "Accompagne les équipes de rue de Solidarité Batoto, participe à l'atelier des parents du samedi.".into(),
        role_does_not: "N'accompagne pas seule une famille.".into(),
        start: "2027-03-08".into(),
        end: "2027-03-14".into(),
        time_share: "100".into(),
        recurring_days: "7 jours consécutifs".into(),
        continuity: "Un point chaque soir avec le tuteur.".into(),
        employer_of_record: "Kogl Taaba".into(),
        pay_continuity: "Salaire maintenu par Kogl Taaba.".into(),
        travel_visa: "Visa et billet pris en charge par le réseau des Maisons des Familles.".into(),
        data_categories: "Aucune donnée nominative ; les situations sont évoquées sans nom.".into(),
        confidentiality: "Je m'engage à ne rien divulguer des situations rencontrées.".into(),
        access_end: "2027-03-14".into(),
        ..Default::default()
    };
    super::save_terms(core, jean_paul, return_trip, &terms, &actor).await?;
    super::add_item(
        core,
        awa,
        return_trip,
        "objective",
        "Voir comment les équipes de rue vont vers les familles du quartier",
        &actor,
    )
    .await?;
    super::add_item(
        core,
        jean_paul,
        return_trip,
        "task",
        "Accompagner deux sorties de l'équipe de rue",
        &actor,
    )
    .await?;
    entitled_signatories(
        core,
        return_trip,
        (
            jean_paul,
            "solidarite-batoto",
            (
                "Thérèse Kabongo",
                "présidente",
                "presidence.batoto@demo.passerelle.example",
            ),
        ),
        (
            awa,
            "kogl-taaba",
            (
                "Salif Kaboré",
                "président",
                "presidence.kogl@demo.passerelle.example",
            ),
        ),
        awa,
    )
    .await?;
    super::submit(core, awa, return_trip, &actor).await?;
    super::approve(core, awa, return_trip, "participant", 1, false, &actor, "").await?;
    Ok(())
}

/// Lists a person entitled to sign for the organisation `slug` (by `admin`); returns the id.
async fn signatory(
    core: &Core,
    admin: &User,
    slug: &str,
    who: (&str, &str, &str),
) -> Result<String> {
    let (name, function, email) = who;
    let listed = super::org_signatories(core, admin, slug).await?;
    if let Some(s) = listed.into_iter().find(|s| s.email == email) {
        return Ok(s.id);
    }
    super::add_org_signatory(
        core,
        admin,
        slug,
        &super::SignatoryInput {
            name: name.into(),
            function: function.into(),
            email: email.into(),
            ..Default::default()
        },
        &Actor::cli(),
    )
    .await?;
    let listed = super::org_signatories(core, admin, slug).await?;
    listed
        .into_iter()
        .find(|s| s.email == email)
        .map(|s| s.id)
        .ok_or(crate::Error::NotFound)
}

/// A person entitled to sign for an organisation: `(lister, organisation slug, (name,
/// function, address))`, the lister being one of its administrators.
type Entitled<'a> = (&'a User, &'a str, (&'a str, &'a str, &'a str));

/// Lists each organisation's signatory and names both on agreement `id`: the host's by its
/// lister, the home organisation's by `home_namer` (a member of it).
pub(super) async fn entitled_signatories(
    core: &Core,
    id: &str,
    host: Entitled<'_>,
    home: Entitled<'_>,
    home_namer: &User,
) -> Result<()> {
    let listed = signatory(core, host.0, host.1, host.2).await?;
    name(core, host.0, id, "host", &listed).await?;
    let listed = signatory(core, home.0, home.1, home.2).await?;
    name(core, home_namer, id, "home", &listed).await
}

/// Names the listed signatory `listed` for `party` of agreement `id`.
async fn name(core: &Core, by: &User, id: &str, party: &str, listed: &str) -> Result<()> {
    let input = super::SignatoryInput {
        listed: listed.into(),
        ..Default::default()
    };
    super::name_signatory(core, by, id, party, &input, &Actor::cli()).await
}

/// The home employer's signatory signs through the link e-mailed to them.
pub(super) async fn sign_by_link(core: &Core, id: &str) -> Result<()> {
    let token = super::signatures::fresh_link(core, id, super::Party::Home).await?;
    super::sign_with_link(core, &token, true, &Actor::cli(), "demo").await?;
    Ok(())
}

/// The C2SW story's agreement: 18 months at 40 % in child protection, with data-access terms,
/// approved by every party and active.
pub(super) async fn c2sw_agreement(
    core: &Core,
    tutor: &User,
    member: &User,
    coordinator: &User,
    application: &str,
) -> Result<()> {
    let actor = Actor::cli();
    let id = super::draft_agreement(core, tutor, application, &actor).await?;
    let terms = super::Terms {
        tutor_name: "Claire Tutrice".into(),
        tutor_email: "tutrice@demo.passerelle.example".into(),
        role_does: "Participe aux synthèses d'équipe, co-anime un atelier mensuel avec les familles, conduit des entretiens de recherche avec l'équipe.".into(),
        role_does_not: "Ne prend aucune décision de placement ni de signalement ; n'assure pas de suivi individuel.".into(),
        added_value: "Pour l'équipe : un regard de recherche sur ses synthèses et des lectures récentes sur le travail avec les pères. Pour la HES : des situations réelles (anonymisées) dans le cours de protection de l'enfance. Pour la personne : la pratique quotidienne d'une équipe éducative.".into(),
        activities: "Mois 1 à 3 : observation des synthèses et de l'atelier des parents. Mois 4 à 12 : co-animation de l'atelier mensuel, six entretiens de recherche. Mois 13 à 18 : restitution à l'équipe et intégration au cours.".into(),
        expected_outcomes: "Un module de cours renouvelé, un guide d'animation de l'atelier des parents, un article co-signé avec l'équipe.".into(),
        working_language: "Français".into(),
        start: "2026-03-03".into(),
        end: "2027-08-31".into(),
        time_share: "40".into(),
        recurring_days: "mardi et jeudi".into(),
        continuity: "Carnet de liaison partagé, point hebdomadaire avec la tutrice le mardi, présence à toutes les synthèses mensuelles.".into(),
        employer_of_record: "HES Travail social Lausanne (salaire maintenu)".into(),
        pay_continuity: "Salaire versé par la HES ; pas de rémunération par la structure d'accueil.".into(),
        insurance_accident: "Assurance accidents de la HES.".into(),
        insurance_liability: "Responsabilité civile de la HES, étendue aux activités sur site.".into(),
        working_time: "Horaires de l'équipe d'accueil les jours d'immersion.".into(),
        holidays: "Selon le calendrier de la HES, annoncées un mois à l'avance.".into(),
        expenses: "Déplacements remboursés par la HES.".into(),
        travel_visa: "Sans objet.".into(),
        data_categories: "Dossiers de suivi éducatif des familles accompagnées par l'équipe (lecture seule).".into(),
        data_systems: "Dossier informatisé du service, sur un poste du service uniquement.".into(),
        data_supervision: "Accès ouvert et contrôlé par la tutrice ; aucune copie ni export.".into(),
        confidentiality: "Je m'engage à respecter le secret de fonction et à ne rien divulguer des situations rencontrées, pendant et après l'immersion.".into(),
        access_start: "2026-03-03".into(),
        access_end: "2027-08-31".into(),
        ip_terms: "Les publications de recherche sont co-signées et relues par la structure d'accueil ; aucune donnée identifiante n'est publiée.".into(),
    };
    super::save_terms(core, tutor, &id, &terms, &actor).await?;
    for (kind, text, by) in [
        (
            "objective",
            "Comprendre comment l'équipe prend ses décisions en synthèse",
            member,
        ),
        (
            "objective",
            "Faire entrer des situations réelles (anonymisées) dans le cours de protection de l'enfance",
            member,
        ),
        (
            "objective",
            "Apporter à l'équipe une lecture des recherches récentes sur le travail avec les pères",
            tutor,
        ),
        ("task", "Co-animer l'atelier mensuel des parents", tutor),
        (
            "task",
            "Conduire six entretiens de recherche avec l'équipe",
            member,
        ),
    ] {
        super::add_item(core, by, &id, kind, text, &actor).await?;
    }
    // Each employer signs through the person entitled to: the foundation's deputy director from
    // her account, the school's dean (who has no account) through the e-mailed link.
    let admin = super::demo::user(core, "admin@demo.passerelle.example").await?;
    entitled_signatories(
        core,
        &id,
        (
            tutor,
            "fondation-entraide-fribourg",
            ("Claire Tutrice", "directrice adjointe", &tutor.email),
        ),
        (
            &admin,
            "hes-travail-social-lausanne",
            (
                "Prof. Anne Dubois",
                "doyenne",
                "decanat@demo.passerelle.example",
            ),
        ),
        member,
    )
    .await?;
    super::submit(core, member, &id, &actor).await?;
    super::approve(core, member, &id, "participant", 1, false, &actor, "").await?;
    super::approve(core, tutor, &id, "host", 1, true, &actor, "").await?;
    sign_by_link(core, &id).await?;
    super::approve(core, coordinator, &id, "coordinator", 1, false, &actor, "").await?;
    super::set_agreement_status(core, tutor, &id, &super::demo::status("active"), &actor).await
}
