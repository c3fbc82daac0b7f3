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
            host_signatory: "Director, Women's Resource Center".into(),
            home_signatory: "Director, Cameleon".into(),
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
    super::submit(core, &maricel, &there, &actor).await?;
    super::approve(core, &maricel, &there, "participant", 1, false, &actor).await?;
    super::approve(core, &maricel, &there, "home", 1, true, &actor).await?;
    super::approve(core, &sokha, &there, "host", 1, true, &actor).await?;
    super::approve(core, coordinator, &there, "coordinator", 1, false, &actor).await?;
    super::set_agreement_status(core, &sokha, &there, "active", "", &actor).await?;
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
