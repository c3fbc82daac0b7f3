//! Questionnaire fixtures.

use passerelle_core::accounts::Actor;

use crate::{TestApp, TestUser};

impl TestApp {
    /// A published questionnaire owned by `owner` (a coordinator), anonymous, open to anyone
    /// with the link: a single choice `role` (with "other") and a long text `detail` shown when
    /// `role = 'cadre'`.
    pub async fn with_questionnaire(&self, owner: &TestUser) -> String {
        use passerelle_core::questionnaires::{self as qn, QuestionInput};
        let user = self.user(owner).await;
        let actor = Actor::cli();
        let id = qn::create(&self.core, &user, "Enquête test", "fr", &actor)
            .await
            .expect("questionnaire");
        let fr = |t: &str| [("fr".to_owned(), t.to_owned())].into_iter().collect();
        let role = QuestionInput {
            name: "role".into(),
            kind: "single".into(),
            label: fr("Votre fonction"),
            choices: "cadre = Cadre\nprofessionnel = Professionnel·le".into(),
            other: true,
            ..Default::default()
        };
        qn::save_question(&self.core, &user, &id, "s1", None, &role, &actor)
            .await
            .expect("role");
        let detail = QuestionInput {
            name: "detail".into(),
            kind: "long_text".into(),
            label: fr("Décrivez votre rôle d'encadrement"),
            condition: "role = 'cadre'".into(),
            ..Default::default()
        };
        qn::save_question(&self.core, &user, &id, "s1", None, &detail, &actor)
            .await
            .expect("detail");
        qn::set_status(&self.core, &user, &id, "open", &actor)
            .await
            .expect("publish");
        id
    }
}
