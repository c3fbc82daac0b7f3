//! Demo census: the HCTS template, published, with a few hundred synthetic but plausible
//! anonymous answers — mostly from departmental councils, family allowance funds, health and
//! municipal social services, as in the real census — whose descriptions are coded into the
//! four priority themes it led to.

use super::model::*;
use super::store::{self, QuestionnaireRow, ResponseRow};
use super::template::{RESPONDENT_KINDS, hcts_emerging_practices};
use crate::ids::new_id;
use crate::{Core, Error, Result};

/// Synthetic responses in the demo census.
pub const DEMO_RESPONSES: usize = 320;

/// The four priority themes and the practices written under each: `(code label, theme code,
/// practice titles, description fragments)`.
const PRIORITIES: &[(&str, &str, &[&str], &[&str])] = &[
    (
        "Conférences familiales",
        "conferences_familiales",
        &[
            "Conférence familiale",
            "Conférence de famille en protection de l'enfance",
            "Réunions familiales élargies",
        ],
        &[
            "La famille élargie et ses proches se réunissent sans les professionnels pour élaborer leur propre plan d'action",
            "Un coordinateur indépendant prépare la conférence avec la famille, qui décide ensuite du plan",
            "Le plan construit par la famille est validé par le service de l'aide sociale à l'enfance",
        ],
    ),
    (
        "Aller vers",
        "aller_vers",
        &[
            "Maraude sociale",
            "Bus itinérant des droits",
            "Permanences dans les villages",
        ],
        &[
            "L'équipe se déplace au domicile et dans les lieux de vie des personnes qui ne viennent plus au guichet",
            "Un véhicule aménagé sillonne les communes rurales pour l'accès aux droits",
            "Des travailleurs sociaux vont à la rencontre des familles isolées repérées par les mairies",
        ],
    ),
    (
        "Pair-aidance",
        "pair_aidance",
        &[
            "Pair-aidance en CHRS",
            "Médiateurs pairs",
            "Groupe d'entraide entre parents",
        ],
        &[
            "Des personnes ayant connu la rue accompagnent aux côtés des travailleurs sociaux",
            "Des pairs aidants salariés co-animent les ateliers et les entretiens d'accueil",
            "Des parents qui ont traversé les mêmes difficultés soutiennent les nouvelles familles",
        ],
    ),
    (
        "Coordination pluridisciplinaire",
        "coordination",
        &[
            "Référent de parcours",
            "Cellule de coordination territoriale",
            "Staff pluridisciplinaire",
        ],
        &[
            "Un référent unique coordonne les interventions sociales, médicales et éducatives autour de la personne",
            "Les services du département, de la CAF et du CCAS examinent ensemble les situations complexes",
            "Une réunion mensuelle rassemble santé, logement et insertion pour éviter les ruptures de parcours",
        ],
    ),
];

const PLACES: &[&str] = &[
    "Les personnes concernées participent au comité de pilotage.",
    "Les personnes sont associées à chaque étape et donnent leur avis lors de bilans réguliers.",
    "Elles co-construisent les objectifs avec les professionnels.",
    "",
];

const LEVERS: &[&str] = &[
    "Le soutien de la direction et un financement pluriannuel.",
    "La formation commune des équipes et le temps dégagé pour se coordonner.",
    "Un partenariat ancien avec les associations du territoire.",
    "",
];

const OBSTACLES: &[&str] = &[
    "Le manque de temps des professionnels et la rotation des équipes.",
    "La reconnaissance du rôle des pairs dans l'organisation.",
    "Des financements au projet, à renouveler chaque année.",
    "",
];

/// A small deterministic generator, so that every demo database holds the same census.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Loads the demo census owned by `owner_id` (the demo coordinator).
pub async fn load(core: &Core, owner_id: &str) -> Result<()> {
    let def = hcts_emerging_practices();
    let now = core.clock.unix();
    let id = new_id();
    let mut tx = core.db.begin().await?;
    store::insert(
        &mut tx,
        &QuestionnaireRow {
            id: id.clone(),
            owner_id: Some(owner_id.to_owned()),
            title: def.title.get("fr", "fr").to_owned(),
            version: 1,
            status: QuestionnaireStatus::Open.code().into(),
            opens_at: Some(now - 120 * 86_400),
            closes_at: None,
            audience: Audience::Link.code().into(),
            mode: Mode::Anonymous.code().into(),
            allow_edit: 0,
            created_at: now - 130 * 86_400,
            updated_at: now,
        },
        true,
    )
    .await?;
    store::insert_version(&mut tx, &id, 1, &def, now).await?;
    let mut codes = Vec::new();
    for (label, _, _, _) in PRIORITIES {
        let code = new_id();
        store::insert_code(&mut tx, &code, &id, label, "", now).await?;
        codes.push(code);
    }
    // Weights of respondent kinds: departmental councils, CAF, CCAS and health first.
    let kinds: Vec<&str> = RESPONDENT_KINDS
        .iter()
        .enumerate()
        .flat_map(|(i, (code, _, _))| {
            std::iter::repeat_n(
                *code,
                match i {
                    0 => 10,
                    1 => 6,
                    2 => 6,
                    3 => 4,
                    _ => 1,
                },
            )
        })
        .collect();
    let deps = super::territory::DEPARTMENTS;
    let mut rng = Rng(2021);
    for n in 0..DEMO_RESPONSES {
        let rid = new_id();
        let day = now - (120 - (n as i64 * 100 / DEMO_RESPONSES as i64)) * 86_400;
        let day = day - day.rem_euclid(86_400);
        store::insert_response(
            &mut tx,
            &ResponseRow {
                id: rid.clone(),
                questionnaire_id: id.clone(),
                version: 1,
                status: ResponseStatus::Submitted.code().into(),
                user_id: None,
                pseudonym: String::new(),
                invitation_id: None,
                language: "fr".into(),
                page: 3,
                started_at: day,
                updated_at: day,
                submitted_at: Some(day),
            },
            None,
            true,
        )
        .await?;
        let p = rng.below(PRIORITIES.len());
        let (_, theme, titles, fragments) = PRIORITIES[p];
        let mut rows: Vec<(String, String, String)> = Vec::new();
        let mut put = |q: &str, part: &str, v: &str| {
            if !v.is_empty() {
                rows.push((q.to_owned(), part.to_owned(), v.to_owned()));
            }
        };
        put("respondent_kind", "", rng.pick(&kinds));
        put(
            "respondent_role",
            "",
            rng.pick(&[
                "professionnel",
                "professionnel",
                "cadre",
                "benevole",
                "personne_concernee",
            ]),
        );
        if rng.chance(90) {
            put("department", "", rng.pick(deps));
        }
        put("practice_title", "", rng.pick(titles));
        put(
            "category",
            "",
            rng.pick(&["naissante", "naissante", "renaissante", "confidentielle"]),
        );
        put(
            "approach",
            "",
            rng.pick(&["individuelle", "collective", "les_deux"]),
        );
        put("themes", "", theme);
        for (other, _, _) in super::template::THEMES {
            if *other != theme && rng.chance(15) {
                put("themes", "", other);
            }
        }
        let description = format!(
            "{}. {}",
            rng.pick(fragments),
            rng.pick(&[
                "La pratique s'est étendue à plusieurs communes.",
                "Elle a été lancée avec deux équipes volontaires.",
                "Elle reste fragile faute de financement pérenne.",
                "Elle a changé la relation entre les familles et le service.",
            ])
        );
        put("description", "", &description);
        put("persons_place", "", rng.pick(PLACES));
        if rng.chance(70) {
            put("start_year", "", &(2010 + rng.below(12)).to_string());
        }
        let crisis = rng.chance(60);
        put("crisis_adapted", "", if crisis { "yes" } else { "no" });
        if crisis {
            put(
                "crisis_how",
                "",
                rng.pick(&[
                    "Entretiens par téléphone et visioconférence, visites sur le pas de la porte.",
                    "Distribution de colis couplée à un temps d'échange à distance.",
                    "Groupes de parole maintenus en petits effectifs en extérieur.",
                ]),
            );
            put("crisis_keep", "", if rng.chance(70) { "yes" } else { "no" });
        }
        put("levers", "", rng.pick(LEVERS));
        put("obstacles", "", rng.pick(OBSTACLES));
        put("evaluated", "", if rng.chance(35) { "yes" } else { "no" });
        put("contact_ok", "", "no");
        let names: Vec<String> = rows.iter().map(|(q, _, _)| q.clone()).collect();
        store::replace_answers(&mut tx, &rid, &id, &names, &rows, true).await?;
        let (values, answered) =
            super::answers::tallied(&def, &super::answers::Given::from_rows(rows), None);
        store::tally(&mut tx, &id, &values, &answered, 1).await?;
        store::set_answer_codes(&mut tx, &rid, "description", &[codes[p].clone()]).await?;
    }
    tx.commit().await.map_err(Error::from)
}
