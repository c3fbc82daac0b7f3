//! The HCTS template: "Pratiques émergentes du travail social", the questionnaire with which
//! the Haut Conseil du travail social censused emerging practices (source document 003): its
//! introduction and definitions, the three categories, individual or collective approach,
//! themes, the health crisis, the many kinds of respondents, the territory and free-text
//! descriptions. No question is required, as in the original. French and English.

use super::model::*;
use crate::accounts::{Actor, User};
use crate::{Core, Result};

fn t(fr: &str, en: &str) -> Text {
    Text::fr_en(fr, en)
}

fn choices(list: &[(&str, &str, &str)]) -> Vec<Choice> {
    list.iter()
        .map(|(code, fr, en)| Choice {
            code: (*code).to_owned(),
            label: t(fr, en),
        })
        .collect()
}

fn q(name: &str, kind: Kind, fr: &str, en: &str) -> Question {
    Question::new(name, kind, t(fr, en))
}

fn section(name: &str, fr: &str, en: &str, questions: Vec<Question>) -> Section {
    Section {
        name: name.to_owned(),
        title: t(fr, en),
        description: Text::default(),
        condition: String::new(),
        questions,
    }
}

/// The kinds of respondents the seed lists, departmental councils, family allowance funds,
/// health and municipal social services first (most answers came from them).
pub const RESPONDENT_KINDS: &[(&str, &str, &str)] = &[
    (
        "conseil_departemental",
        "Conseil départemental",
        "Departmental council",
    ),
    (
        "caf",
        "Caisse d'allocations familiales ou autre organisme de sécurité sociale (CPAM, MSA…)",
        "Family allowance fund or other social security body (CPAM, MSA…)",
    ),
    (
        "ccas",
        "CCAS, CIAS ou service social municipal",
        "Municipal social service (CCAS, CIAS)",
    ),
    (
        "sante",
        "Établissement ou service de santé",
        "Health establishment or service",
    ),
    (
        "collectivite",
        "Autre collectivité territoriale",
        "Other local authority",
    ),
    (
        "protection_sociale",
        "Organisme de protection sociale",
        "Social protection body",
    ),
    (
        "association",
        "Association ou fédération associative",
        "Association or federation of associations",
    ),
    (
        "mediation",
        "Acteur de la médiation sociale",
        "Social mediation",
    ),
    (
        "formation",
        "Organisme de formation",
        "Training organisation",
    ),
    (
        "reseau_pro",
        "Réseau professionnel (ANDASS, ANAS…)",
        "Professional network (ANDASS, ANAS…)",
    ),
    ("syndicat", "Syndicat", "Trade union"),
    (
        "cdpa_crpa_cnpa",
        "Représentant·e des CDPA, CRPA ou du CNPA",
        "Representative of the CDPA, CRPA or CNPA (councils of persons supported)",
    ),
    (
        "cltsds",
        "Membre d'un CLTSDS",
        "Member of a CLTSDS (local social work committee)",
    ),
    (
        "gt13",
        "Membre des groupes de travail n°13 de la Stratégie de prévention et de lutte contre la pauvreté",
        "Member of working groups no. 13 of the poverty prevention strategy",
    ),
    (
        "personne_concernee",
        "Personne concernée ayant participé à la pratique ou en ayant bénéficié",
        "Person concerned who took part in or benefited from the practice",
    ),
];

pub const THEMES: &[(&str, &str, &str)] = &[
    (
        "travailler_ensemble",
        "Travailler ensemble",
        "Working together",
    ),
    (
        "rencontre",
        "Aller à la rencontre de l'autre",
        "Meeting the other",
    ),
    ("aller_vers", "Aller vers", "Outreach (aller vers)"),
    (
        "pouvoir_agir",
        "Développement du pouvoir d'agir",
        "Empowerment",
    ),
    ("pair_aidance", "Pair-aidance", "Peer support"),
    (
        "conferences_familiales",
        "Conférences familiales",
        "Family group conferences",
    ),
    (
        "coordination",
        "Coordination pluridisciplinaire",
        "Multidisciplinary coordination",
    ),
];

/// The definition of the template.
pub fn hcts_emerging_practices() -> Definition {
    let mut d = Definition::new("fr", "Pratiques émergentes du travail social");
    d.languages = vec!["fr".into(), "en".into()];
    d.title = t(
        "Pratiques émergentes du travail social",
        "Emerging practices in social work",
    );
    d.intro = t(
        "Le Haut Conseil du travail social souhaite vous interroger sur les pratiques émergentes du travail social et de l'intervention sociale.\n\nPar « pratiques émergentes », nous désignons l'ensemble des pratiques, manières de faire, postures et outils que les travailleurs sociaux et les intervenants sociaux adoptent et adaptent pour répondre au mieux aux besoins des personnes. Certains les nomment « pratiques innovantes » ; nous ne distinguons pas les deux et n'utilisons que l'adjectif « émergentes ».\n\nLe contexte de la crise sanitaire sera notamment pris en compte : cette crise a souvent amené les travailleurs et les intervenants sociaux à adapter leurs pratiques à une situation inédite de distanciation physique.\n\nPeuvent répondre l'ensemble des acteurs qui ont participé à l'émergence d'une pratique sur leur territoire ou en ont bénéficié, y compris les personnes concernées. Le temps de réponse est d'une trentaine de minutes au plus. Vous n'êtes pas obligé·e de répondre à l'ensemble des questions.",
        "The Haut Conseil du travail social (French High Council for Social Work) would like to hear about emerging practices in social work and social intervention.\n\nBy \"emerging practices\" we mean the practices, ways of working, stances and tools that social workers and social interveners adopt and adapt to meet people's needs as well as they can. Some call them \"innovative practices\"; we make no difference between the two and only use \"emerging\".\n\nThe context of the health crisis is taken into account in particular: it often led social workers and interveners to adapt their practices to an unprecedented situation of physical distancing.\n\nEveryone who took part in, or benefited from, the emergence of a practice in their area may answer, including the persons concerned. Answering takes thirty minutes at most. You do not have to answer every question.",
    );
    d.consent = t(
        "Vos réponses servent au recensement des pratiques émergentes par le Haut Conseil du travail social et à la rédaction de fiches et d'une synthèse. Elles sont enregistrées sans votre nom ni votre adresse, sauf si vous choisissez de laisser un contact à la fin.",
        "Your answers are used for the Haut Conseil du travail social's census of emerging practices and to write practice sheets and a synthesis. They are recorded without your name or address, unless you choose to leave a contact at the end.",
    );
    d.closing = t(
        "Merci pour votre contribution. Les réponses seront analysées par le groupe de travail « pratiques émergentes » du Haut Conseil du travail social.",
        "Thank you for your contribution. The answers will be analysed by the \"emerging practices\" working group of the Haut Conseil du travail social.",
    );

    let mut kind = q(
        "respondent_kind",
        Kind::Single,
        "Dans quel cadre répondez-vous ?",
        "In what capacity are you answering?",
    );
    kind.choices = choices(RESPONDENT_KINDS);
    kind.other = true;
    kind.dropdown = true;
    let mut role = q("respondent_role", Kind::Single, "Vous êtes…", "You are…");
    role.choices = choices(&[
        (
            "professionnel",
            "Travailleur·se social·e ou intervenant·e social·e",
            "Social worker or social intervener",
        ),
        ("cadre", "Cadre ou responsable", "Manager"),
        ("benevole", "Bénévole", "Volunteer"),
        (
            "personne_concernee",
            "Personne concernée",
            "Person concerned",
        ),
    ]);
    let mut dep = q(
        "department",
        Kind::Territory,
        "Dans quel département la pratique a-t-elle lieu ?",
        "In which département does the practice take place?",
    );
    dep.scope = Some(TerritoryScope::Departments.code().into());

    let mut definitions = q(
        "definitions",
        Kind::Info,
        "Le Haut Conseil du travail social distingue trois catégories de pratiques émergentes. Pratique naissante : une pratique professionnelle qui n'est pas encore normée, institutionnalisée et donc financée en tant que telle, même si le contexte institutionnel a favorisé son émergence. Pratique renaissante : une pratique professionnelle qui a été normée, institutionnalisée, puis a disparu et réapparaît. Pratique existante mais confidentielle : une pratique qui existe mais reste peu connue.",
        "The Haut Conseil du travail social distinguishes three categories of emerging practice. Emerging: a professional practice that is not yet standardised, institutionalised and therefore funded as such, even if the institutional context favoured its emergence. Re-emerging: a professional practice that was standardised and institutionalised, then disappeared and is reappearing. Existing but little known: a practice that exists but remains confidential.",
    );
    definitions.name = "definitions".into();
    let mut title = q(
        "practice_title",
        Kind::ShortText,
        "Comment nommez-vous cette pratique ?",
        "What do you call this practice?",
    );
    title.max = Some(200.0);
    let mut category = q(
        "category",
        Kind::Single,
        "À quelle catégorie la pratique appartient-elle selon vous ?",
        "Which category does the practice belong to, in your view?",
    );
    category.choices = choices(&[
        ("naissante", "Pratique naissante", "Emerging practice"),
        (
            "renaissante",
            "Pratique renaissante",
            "Re-emerging practice",
        ),
        (
            "confidentielle",
            "Pratique existante mais confidentielle",
            "Existing but little-known practice",
        ),
    ]);
    let mut approach = q(
        "approach",
        Kind::Single,
        "La pratique relève-t-elle d'une approche individuelle ou collective ?",
        "Is the practice an individual or a collective approach?",
    );
    approach.choices = choices(&[
        ("individuelle", "Individuelle", "Individual"),
        ("collective", "Collective", "Collective"),
        ("les_deux", "Les deux", "Both"),
    ]);
    let mut themes = q(
        "themes",
        Kind::Multiple,
        "Quels thèmes la pratique touche-t-elle ?",
        "Which themes does the practice relate to?",
    );
    themes.choices = choices(THEMES);
    themes.other = true;
    themes.hint = t("Plusieurs réponses possibles.", "Several answers possible.");
    let mut description = q(
        "description",
        Kind::LongText,
        "Décrivez la pratique : ce qui est fait, avec qui, pour qui.",
        "Describe the practice: what is done, with whom, for whom.",
    );
    description.hint = t(
        "Quelques phrases suffisent ; vous pouvez être plus long·ue.",
        "A few sentences are enough; you may write more.",
    );
    let persons = q(
        "persons_place",
        Kind::LongText,
        "Quelle place les personnes concernées y occupent-elles ?",
        "What place do the persons concerned have in it?",
    );
    let mut since = q(
        "start_year",
        Kind::Integer,
        "Depuis quelle année la pratique existe-t-elle ?",
        "Since what year has the practice existed?",
    );
    since.min = Some(1950.0);
    since.max = Some(2030.0);
    since.message = t(
        "Indiquez une année entre 1950 et 2030.",
        "Give a year between 1950 and 2030.",
    );

    let crisis = q(
        "crisis_adapted",
        Kind::YesNo,
        "La pratique est-elle née ou a-t-elle été adaptée pendant la crise sanitaire ?",
        "Did the practice start, or was it adapted, during the health crisis?",
    );
    let mut crisis_how = q(
        "crisis_how",
        Kind::LongText,
        "Comment a-t-elle été adaptée à la distanciation physique ?",
        "How was it adapted to physical distancing?",
    );
    crisis_how.condition = "crisis_adapted = 'yes'".into();
    let mut crisis_keep = q(
        "crisis_keep",
        Kind::YesNo,
        "Ces adaptations sont-elles conservées aujourd'hui ?",
        "Are these adaptations kept today?",
    );
    crisis_keep.condition = "crisis_adapted = 'yes'".into();

    let levers = q(
        "levers",
        Kind::LongText,
        "Qu'est-ce qui a favorisé la pratique (leviers, facteurs de réussite) ?",
        "What helped the practice (levers, success factors)?",
    );
    let obstacles = q(
        "obstacles",
        Kind::LongText,
        "Quels obstacles ou points de vigilance avez-vous rencontrés ?",
        "What obstacles or points of vigilance did you meet?",
    );
    let mut evaluated = q(
        "evaluated",
        Kind::YesNo,
        "La pratique a-t-elle fait l'objet d'une évaluation ?",
        "Has the practice been evaluated?",
    );
    evaluated.hint = t(
        "Évaluation du processus ou des effets, interne ou externe.",
        "Evaluation of the process or of the effects, internal or external.",
    );
    let contact_ok = q(
        "contact_ok",
        Kind::YesNo,
        "Acceptez-vous que le groupe de travail vous recontacte au sujet de cette pratique ?",
        "May the working group contact you about this practice?",
    );
    let mut contact = q(
        "contact_email",
        Kind::ShortText,
        "Adresse e-mail à laquelle vous joindre",
        "E-mail address to reach you",
    );
    contact.condition = "contact_ok = 'yes'".into();
    contact.max = Some(254.0);

    d.sections = vec![
        section(
            "about_you",
            "Vous et votre structure",
            "You and your organisation",
            vec![kind, role, dep],
        ),
        section(
            "practice",
            "La pratique",
            "The practice",
            vec![
                definitions,
                title,
                category,
                approach,
                themes,
                description,
                persons,
                since,
            ],
        ),
        section(
            "health_crisis",
            "La crise sanitaire",
            "The health crisis",
            vec![crisis, crisis_how, crisis_keep],
        ),
        section(
            "further",
            "Pour aller plus loin",
            "To go further",
            vec![levers, obstacles, evaluated, contact_ok, contact],
        ),
    ];
    d
}

/// Creates a questionnaire from the HCTS template, owned by `user`.
pub async fn create_hcts(core: &Core, user: &User, actor: &Actor) -> Result<String> {
    super::builder::insert_new(core, user, &hcts_emerging_practices(), actor, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_sound_optional_and_bilingual() {
        let d = hcts_emerging_practices();
        assert_eq!(super::super::expr::check(&d), vec![]);
        assert!(
            d.questions().all(|q| !q.required),
            "no question is mandatory"
        );
        for (place, text) in d.texts() {
            assert!(!text.exact("fr").is_empty(), "{place} in French");
            assert!(!text.exact("en").is_empty(), "{place} in English");
        }
        let minutes = d.estimated_minutes();
        assert!((8..=30).contains(&minutes), "{minutes} minutes");
    }
}
