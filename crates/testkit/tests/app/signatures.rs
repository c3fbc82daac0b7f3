//! Agreements signed by the people entitled to sign: named signatories, single-use signing
//! links, amendments while the immersion goes on, reminders, and every party told.

use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::{TestApp, TestUser};

use super::immersions::{
    DEAN, Setup, accepted_application, approved_agreement, id_from, name_signatories, setup, terms,
};

/// A drafted, complete agreement (terms, one objective, one task), as the host; returns its
/// page path and the participant.
async fn complete_draft(s: &mut Setup) -> (String, TestUser) {
    let (lecturer, application, _) = accepted_application(s).await;
    let r = s
        .app
        .post_form(&format!("/applications/{application}/agreement"), &[])
        .await;
    let page = format!("/agreements/{}", id_from(r.location(), "/agreements/"));
    s.app
        .post_form(
            &format!("{page}/edit"),
            &[
                ("tutor_name", "Claire Tutrice"),
                ("role_does", "Participe aux synthèses."),
                ("start", "2026-03-01"),
                ("end", "2027-08-31"),
                ("time_share", "40"),
                ("recurring_days", "mardi"),
                ("employer_of_record", "HES-SO"),
                ("data_categories", "Dossiers de suivi"),
                ("confidentiality", "Secret de fonction."),
                ("access_end", "2026-06-30"),
            ],
        )
        .await
        .assert_status(303);
    for (kind, text) in [("objective", "Observer"), ("task", "Co-animer")] {
        s.app
            .post_form(&format!("{page}/items"), &[("kind", kind), (kind, text)])
            .await
            .assert_status(303);
    }
    (page, lecturer)
}

/// How many messages the outbox holds for `to`.
async fn mails_to(app: &TestApp, to: &str) -> usize {
    app.outbox()
        .await
        .into_iter()
        .filter(|e| e.to_address == to)
        .count()
}

async fn as_user(app: &mut TestApp, user: &TestUser) {
    app.clear_cookies();
    app.login(user).await;
}

/// `(method, signer name, signer function)` of the signature of `party` on `version`.
async fn signature(
    app: &TestApp,
    page: &str,
    party: &str,
    version: i64,
) -> (String, String, String) {
    let id = page.trim_start_matches("/agreements/");
    let mut conn = app.core.db.pool.acquire().await.expect("conn");
    sqlx::query_as(
        "SELECT method, user_name, signer_function FROM agreement_approvals
         WHERE agreement_id = $1 AND party = $2 AND version = $3",
    )
    .bind(id)
    .bind(party)
    .bind(version)
    .fetch_one(&mut *conn)
    .await
    .expect("signature")
}

#[tokio::test]
async fn each_organisation_signs_only_through_its_named_signatory_and_links_sign_once() {
    let mut s = setup().await;
    let (page, lecturer) = complete_draft(&mut s).await;
    // A plain member of the host organisation cannot list who signs for it.
    let colleague = s.app.with_user(Role::Member).await;
    s.app
        .with_membership(&s.host_org, &colleague, "member")
        .await;
    as_user(&mut s.app, &colleague).await;
    s.app
        .post_form(
            &format!("/organisations/{}/signatories", s.host_org),
            &[
                ("signatory_name", "Moi"),
                ("signatory_function", "membre"),
                ("signatory_email", &colleague.email),
            ],
        )
        .await
        .assert_status(403);
    // The participant cannot name who signs for their employer (not on Passerelle), nor for
    // the host: they could name an address they control.
    as_user(&mut s.app, &lecturer).await;
    for party in ["home", "host"] {
        s.app
            .post_form(
                &format!("{page}/signatories"),
                &[
                    ("party", party),
                    ("signatory_name", "Moi-même"),
                    ("signatory_function", "enseignant"),
                    ("signatory_email", "quelquun@hes.example"),
                ],
            )
            .await
            .assert_status(403);
    }
    // Nor can the coordinator name the participant, under another spelling of their address.
    as_user(&mut s.app, &s.coordinator).await;
    let (local, domain) = lecturer.email.split_once('@').expect("address");
    let alias = format!("{}+rh@{domain}", local.to_uppercase());
    let r = s
        .app
        .post_form(
            &format!("{page}/signatories"),
            &[
                ("party", "home"),
                ("signatory_name", "Moi-même"),
                ("signatory_function", "enseignant"),
                ("signatory_email", &alias),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("ne peut pas signer pour une organisation"));
    assert!(r.body.contains("value=\"Moi-même\""), "typed input kept");
    // The host's admin lists and names the signatories, then the agreement goes out.
    as_user(&mut s.app, &s.host).await;
    name_signatories(&mut s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    let request = s.app.last_email_to(DEAN).await;
    assert!(
        request.subject.contains("Convention à signer"),
        "{}",
        request.subject
    );
    assert!(request.body_text.contains("Bonjour Prof. Anne Dubois"));
    // Nobody but the named person signs for an organisation: not the participant, not another
    // member of the host, not the coordinator.
    for (who, party) in [
        (lecturer.clone(), "home"),
        (lecturer.clone(), "host"),
        (colleague.clone(), "host"),
        (s.coordinator.clone(), "host"),
        (s.coordinator.clone(), "home"),
    ] {
        as_user(&mut s.app, &who).await;
        let r = s
            .app
            .post_form(
                &format!("{page}/approve"),
                &[
                    ("party", party),
                    ("version", "1"),
                    ("confirm_employment", "yes"),
                ],
            )
            .await;
        assert_eq!(r.status.as_u16(), 403, "{} signing for {party}", who.email);
    }
    // The page offers the participant only their own signature.
    let view = s.app.get(&page).await;
    assert!(
        !view
            .body
            .contains("value=\"home\"><input type=\"hidden\" name=\"version\"")
    );
    // The dean signs without an account: the employment conditions must be confirmed first.
    let link = s.app.link_in(&request);
    s.app.clear_cookies();
    let sign = s.app.get(&link).await;
    sign.assert_status(200);
    assert!(
        sign.body.contains("Secret de fonction."),
        "the full terms are shown"
    );
    let r = s.app.post_form(&link, &[]).await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"confirm_employment-error\""));
    s.app
        .post_form(&link, &[("confirm_employment", "yes")])
        .await
        .assert_status(200);
    assert_eq!(
        signature(&s.app, &page, "home", 1).await,
        ("link".into(), "Prof. Anne Dubois".into(), "doyenne".into())
    );
    // A link signs once.
    let again = s.app.get(&link).await;
    again.assert_status(410);
    assert!(again.body.contains("déjà servi"));
    s.app
        .post_form(&link, &[("confirm_employment", "yes")])
        .await
        .assert_status(410);
    // It gives the dean, who has no account, her copy of the agreement with its signatures.
    let copy = format!("{link}/agreement.pdf");
    assert!(
        again.body.contains(&format!("href=\"{copy}\"")),
        "{}",
        again.body
    );
    let pdf = s.app.get(&copy).await;
    pdf.assert_status(200);
    let text = passerelle_testkit::pdf_text(&pdf.bytes);
    assert!(text.contains("Prof. Anne Dubois, doyenne"), "{text}");
    assert!(text.contains("Secret de fonction."), "the full terms");
    assert!(text.contains("par le lien reçu par courriel"), "{text}");
    // An unused link gives no copy: it signs first.
    let to_host = s
        .app
        .outbox()
        .await
        .into_iter()
        .find(|e| e.to_address == s.host.email && e.body_text.contains("/sign/"))
        .expect("the host's signing link");
    let unused = s.app.link_in(&to_host);
    s.app
        .get(&format!("{unused}/agreement.pdf"))
        .await
        .assert_status(404);
    // Every party sees who has signed and who has not; the participant was told.
    as_user(&mut s.app, &lecturer).await;
    let view = s.app.get(&page).await;
    assert!(view.body.contains("Partiellement signée"));
    assert!(view.body.contains("Prof. Anne Dubois, doyenne"));
    assert!(
        s.app
            .get("/agreements")
            .await
            .body
            .contains("Partiellement signée"),
        "the list says so too"
    );
    assert!(view.body.contains("par le lien reçu par courriel"));
    let told = s.app.last_email_to(&lecturer.email).await;
    assert!(
        told.subject.contains("Nouvelle signature"),
        "{}",
        told.subject
    );
    // The others sign from their accounts; the last signature makes it signed, and says so.
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "1")],
        )
        .await
        .assert_status(303);
    as_user(&mut s.app, &s.host).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "1"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(303);
    assert_eq!(
        signature(&s.app, &page, "host", 1).await,
        ("account".into(), "Hélène Hôte".into(), "directrice".into())
    );
    as_user(&mut s.app, &s.coordinator).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "coordinator"), ("version", "1")],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("status-approved"));
    assert!(
        view.body.contains("Signée par toutes les parties"),
        "notice history"
    );
    let done = s.app.last_email_to(DEAN).await;
    assert!(
        done.subject.contains("signée par toutes les parties"),
        "{}",
        done.subject
    );
    assert!(
        s.app
            .audit_actions()
            .await
            .contains(&"agreement-signatory-named".to_owned())
    );
    // The fully signed agreement is the dean's copy too; reading it is in the access log.
    s.app.clear_cookies();
    let text = passerelle_testkit::pdf_text(&s.app.get(&copy).await.bytes);
    assert!(text.contains("Hélène Hôte, directrice"), "{text}");
    assert!(
        done.body_text
            .contains("ce même lien vous donne la convention signée")
    );
    as_user(&mut s.app, &s.host).await;
    let log = s.app.get(&format!("{page}/access-log")).await;
    assert!(
        log.body.contains("copie signée téléchargée"),
        "{}",
        log.body
    );
    // Ninety days after signing, the link gives nothing more.
    s.app.clock().advance(91 * 86_400);
    s.app.clear_cookies();
    let r = s.app.get(&copy).await;
    r.assert_status(410);
    assert!(r.body.contains("plus de 90 jours"));
}

#[tokio::test]
async fn signatories_are_reminded_and_expired_or_replaced_links_are_refused() {
    let mut s = setup().await;
    let (page, lecturer) = complete_draft(&mut s).await;
    name_signatories(&mut s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    let first = s.app.last_email_to(DEAN).await;
    // Not yet due: no reminder.
    s.app.clock().advance(86_400);
    s.app.run_sweep().await;
    assert_eq!(s.app.last_email_to(DEAN).await.id, first.id);
    // After the reminder delay (5 days), a reminder with a new link.
    s.app.clock().advance(5 * 86_400);
    s.app.run_sweep().await;
    let reminder = s.app.last_email_to(DEAN).await;
    assert!(
        reminder.subject.starts_with("Relance"),
        "{}",
        reminder.subject
    );
    assert_ne!(s.app.link_in(&reminder), s.app.link_in(&first));
    // The participant and the coordinator, who sign from their accounts, are reminded too, in
    // their language, with the agreement's page.
    let mut account_reminders = Vec::new();
    for who in [&lecturer.email, &s.coordinator.email] {
        let m = s.app.last_email_to(who).await;
        assert!(
            m.subject.starts_with("Rappel : convention à signer"),
            "{who}: {}",
            m.subject
        );
        assert_eq!(s.app.link_in(&m), page);
        account_reminders.push(m.id);
    }
    // Reminded once per delay, not at every sweep.
    s.app.run_sweep().await;
    assert_eq!(s.app.last_email_to(DEAN).await.id, reminder.id);
    for (who, id) in [&lecturer.email, &s.coordinator.email]
        .into_iter()
        .zip(&account_reminders)
    {
        assert_eq!(&s.app.last_email_to(who).await.id, id, "{who}");
    }
    // The reminder's link replaces the first one.
    s.app.clear_cookies();
    let r = s.app.get(&s.app.link_in(&first)).await;
    r.assert_status(410);
    assert!(r.body.contains("a été remplacé"));
    // A link expires after 14 days.
    s.app.clock().advance(15 * 86_400);
    let r = s.app.get(&s.app.link_in(&reminder)).await;
    r.assert_status(410);
    assert!(r.body.contains("expiré"));
    // The next reminder carries a working link; naming someone else (the coordinator names who
    // signs for an employer not on Passerelle) makes it stop working.
    s.app.run_sweep().await;
    let second = s.app.last_email_to(DEAN).await;
    assert_ne!(second.id, reminder.id);
    s.app.get(&s.app.link_in(&second)).await.assert_status(200);
    s.app.login(&s.coordinator).await;
    s.app
        .post_form(
            &format!("{page}/signatories"),
            &[
                ("party", "home"),
                ("signatory_name", "Service RH"),
                ("signatory_function", "ressources humaines"),
                ("signatory_email", "rh@hes.example"),
            ],
        )
        .await
        .assert_status(303);
    s.app.clear_cookies();
    let r = s.app.get(&s.app.link_in(&second)).await;
    r.assert_status(410);
    assert!(r.body.contains("a été remplacé"));
    // The new signatory was asked at once.
    let mail = s.app.last_email_to("rh@hes.example").await;
    assert!(mail.subject.contains("Convention à signer"));
    // Once the participant has signed, the coordinator is still reminded, the participant no
    // longer.
    as_user(&mut s.app, &lecturer).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "1")],
        )
        .await
        .assert_status(303);
    let participant_last = s.app.last_email_to(&lecturer.email).await.id;
    let coordinator_last = s.app.last_email_to(&s.coordinator.email).await.id;
    s.app.clock().advance(5 * 86_400);
    s.app.run_sweep().await;
    let coordinator = s.app.last_email_to(&s.coordinator.email).await;
    assert_ne!(coordinator.id, coordinator_last);
    assert!(
        coordinator.subject.starts_with("Rappel"),
        "{}",
        coordinator.subject
    );
    assert_eq!(
        s.app.last_email_to(&lecturer.email).await.id,
        participant_last,
        "the participant has signed"
    );
}

#[tokio::test]
async fn a_burst_of_edits_while_signatures_are_collected_asks_each_signatory_once() {
    let mut s = setup().await;
    let (page, lecturer) = complete_draft(&mut s).await;
    name_signatories(&mut s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    let first = s.app.last_email_to(DEAN).await;
    assert_eq!(mails_to(&s.app, DEAN).await, 1);
    // The host changes three things in a row: versions 2, 3 and 4.
    for text in ["Comparer les pratiques", "Restituer à l'équipe"] {
        s.app
            .post_form(
                &format!("{page}/items"),
                &[("kind", "objective"), ("objective", text)],
            )
            .await
            .assert_status(303);
    }
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[("end", "2027-09-30")]))
        .await
        .assert_status(303);
    // The link to version 1 stops working at once; nobody is asked yet, and the page says when.
    let view = s.app.get(&page).await;
    assert!(view.body.contains("id=\"asking\""), "{}", view.body);
    assert!(view.body.contains("recevront la nouvelle version à signer"));
    s.app.clear_cookies();
    s.app.get(&s.app.link_in(&first)).await.assert_status(410);
    s.app.clock().advance(9 * 60);
    s.app.run_jobs().await;
    assert_eq!(
        mails_to(&s.app, DEAN).await,
        1,
        "still within the quiet time"
    );
    // Ten quiet minutes after the last change: one request per signatory, for version 4.
    s.app.clock().advance(60);
    s.app.run_jobs().await;
    assert_eq!(
        mails_to(&s.app, DEAN).await,
        2,
        "one request for the three changes"
    );
    let request = s.app.last_email_to(DEAN).await;
    assert!(
        request.subject.contains("Convention à signer"),
        "{}",
        request.subject
    );
    let sign = s.app.get(&s.app.link_in(&request)).await;
    sign.assert_status(200);
    assert!(
        sign.body.contains("2027-09-30"),
        "the last version is signed"
    );
    let ready: Vec<_> = s
        .app
        .outbox()
        .await
        .into_iter()
        .filter(|e| e.to_address == lecturer.email && e.subject.contains("prête à signer"))
        .collect();
    assert_eq!(ready.len(), 2, "versions 1 and 4 announced, not 2 and 3");
    assert!(
        ready[0].body_text.contains("version 4"),
        "{}",
        ready[0].body_text
    );
    // The page no longer announces a request to come; later jobs change nothing.
    as_user(&mut s.app, &s.host).await;
    assert!(!s.app.get(&page).await.body.contains("id=\"asking\""));
    s.app.clock().advance(3600);
    s.app.run_jobs().await;
    assert_eq!(mails_to(&s.app, DEAN).await, 2);
}

#[tokio::test]
async fn an_amendment_is_signed_while_the_immersion_goes_on_then_applies() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    as_user(&mut s.app, &s.host).await;
    s.app
        .post_form(
            &format!("{page}/status"),
            &[
                ("status", "active"),
                ("confirm_early", "yes"),
                ("reason", "Immersion enregistrée après coup"),
            ],
        )
        .await
        .assert_status(303);
    // The edit form says what saving will do.
    let form = s.app.get(&format!("{page}/edit")).await;
    assert!(form.body.contains("propose un avenant"));
    // The host proposes to end later: an amendment, the immersion stays under way.
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[("end", "2027-12-31")]))
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("status-active"), "still under way");
    assert!(
        view.body
            .contains("Avenant en attente de signatures : version 2")
    );
    // The calendar still follows the signed version.
    let ics = s.app.get(&format!("{page}/calendar.ics")).await;
    assert!(ics.body.contains("UNTIL=20270831"), "{}", ics.body);
    // The dean is shown what the amendment changes, once nobody has changed it for ten minutes.
    s.app.clock().advance(10 * 60);
    s.app.run_jobs().await;
    let mail = s.app.last_email_to(DEAN).await;
    assert!(
        mail.subject.contains("Avenant à signer"),
        "{}",
        mail.subject
    );
    let link = s.app.link_in(&mail);
    s.app.clear_cookies();
    let sign = s.app.get(&link).await;
    assert!(sign.body.contains("Ce que cet avenant modifie"));
    assert!(sign.body.contains("2027-12-31"));
    s.app
        .post_form(&link, &[("confirm_employment", "yes")])
        .await
        .assert_status(200);
    // The logbook stays open meanwhile.
    as_user(&mut s.app, &lecturer).await;
    s.app
        .post_multipart(
            &format!("{page}/logbook"),
            &[
                ("entry_date", "2026-04-02"),
                ("kind", "observation"),
                ("title", "Pendant l'avenant"),
                ("body", "La synthèse continue."),
                ("visibility", "private"),
            ],
            &[("files", "", b"")],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "participant"), ("version", "2")],
        )
        .await
        .assert_status(303);
    as_user(&mut s.app, &s.host).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "2"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(303);
    // Until the last signature, the signed version applies.
    let ics = s.app.get(&format!("{page}/calendar.ics")).await;
    assert!(ics.body.contains("UNTIL=20270831"));
    as_user(&mut s.app, &s.coordinator).await;
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[("party", "coordinator"), ("version", "2")],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("status-active"));
    assert!(!view.body.contains("Avenant en attente"));
    assert!(view.body.contains("Avenant signé"), "notice history");
    let ics = s.app.get(&format!("{page}/calendar.ics")).await;
    assert!(ics.body.contains("UNTIL=20271231"), "{}", ics.body);
    let told = s.app.last_email_to(&lecturer.email).await;
    assert!(told.subject.contains("Avenant signé"), "{}", told.subject);
    // A second amendment, then withdrawn: the signed version 2 comes back, task list included.
    as_user(&mut s.app, &s.host).await;
    s.app
        .post_form(
            &format!("{page}/items"),
            &[("kind", "task"), ("task", "Tâche de l'avenant retiré")],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(
        view.body
            .contains("Avenant en attente de signatures : version 3")
    );
    s.app.clock().advance(10 * 60);
    s.app.run_jobs().await;
    let link = s.app.link_in(&s.app.last_email_to(DEAN).await);
    s.app
        .post_form(&format!("{page}/amendment/withdraw"), &[])
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(
        view.body.contains("<s>Tâche de l&#39;avenant retiré</s>"),
        "the task is struck out among the removed items"
    );
    assert!(view.body.contains("Version 2"));
    assert!(view.body.contains("Avenant retiré"), "notice history");
    s.app.clear_cookies();
    s.app.get(&link).await.assert_status(410);
    // Completing waits for a pending amendment; ending early lets it lapse.
    s.app.login(&s.host).await;
    s.app
        .post_form(
            &format!("{page}/items"),
            &[("kind", "task"), ("task", "Encore une tâche")],
        )
        .await
        .assert_status(303);
    // This new amendment takes the withdrawn one's number (3): it is asked all the same.
    let before = mails_to(&s.app, DEAN).await;
    s.app.clock().advance(10 * 60);
    s.app.run_jobs().await;
    assert_eq!(
        mails_to(&s.app, DEAN).await,
        before + 1,
        "the new amendment is asked"
    );
    let asked = s.app.last_email_to(DEAN).await;
    assert!(
        asked.subject.contains("Avenant à signer"),
        "{}",
        asked.subject
    );
    s.app
        .post_form(
            &format!("{page}/status"),
            &[
                ("status", "completed"),
                ("confirm_early", "yes"),
                ("reason", "Immersion enregistrée après coup"),
            ],
        )
        .await
        .assert_status(409);
    s.app
        .post_form(
            &format!("{page}/status"),
            &[
                ("status", "terminated"),
                ("reason", "Réorganisation du service"),
            ],
        )
        .await
        .assert_status(303);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("status-terminated"));
    assert!(view.body.contains("Version 2"));
    assert!(view.body.contains("<s>Encore une tâche</s>"));
}

#[tokio::test]
async fn a_signatory_the_organisation_no_longer_lists_can_no_longer_sign() {
    let mut s = setup().await;
    let (page, _) = complete_draft(&mut s).await;
    name_signatories(&mut s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    // The host's admin is asked by e-mail too (the link works for account holders as well).
    let link = s.app.link_in(&s.app.last_email_to(&s.host.email).await);
    let listed = super::immersions::listed_signatory(&s.app, &s.host_org, &s.host.email).await;
    s.app
        .post_form(
            &format!("/organisations/{}/signatories/{listed}/remove", s.host_org),
            &[],
        )
        .await
        .assert_status(303);
    s.app
        .post_form(
            &format!("{page}/approve"),
            &[
                ("party", "host"),
                ("version", "1"),
                ("confirm_employment", "yes"),
            ],
        )
        .await
        .assert_status(403);
    let view = s.app.get(&page).await;
    assert!(view.body.contains("pas encore désigné"));
    s.app.clear_cookies();
    s.app.get(&link).await.assert_status(410);
}

#[tokio::test]
async fn a_version_whose_request_job_was_lost_is_asked_by_the_hourly_sweep() {
    let mut s = setup().await;
    let (page, _) = complete_draft(&mut s).await;
    name_signatories(&mut s, &page).await;
    s.app
        .post_form(&format!("{page}/submit"), &[])
        .await
        .assert_status(303);
    s.app
        .post_form(&format!("{page}/edit"), &terms(&[("end", "2027-09-30")]))
        .await
        .assert_status(303);
    // The job that would ask for version 2 failed for good (it is gone).
    let mut conn = s.app.core.db.pool.acquire().await.expect("conn");
    sqlx::query("DELETE FROM jobs WHERE kind = 'ask-signatures'")
        .execute(&mut *conn)
        .await
        .expect("delete");
    drop(conn);
    assert_eq!(mails_to(&s.app, DEAN).await, 1);
    s.app.clock().advance(11 * 60);
    s.app.run_sweep().await;
    assert_eq!(mails_to(&s.app, DEAN).await, 2, "asked by the sweep");
    let request = s.app.last_email_to(DEAN).await;
    s.app.clear_cookies();
    let sign = s.app.get(&s.app.link_in(&request)).await;
    sign.assert_status(200);
    assert!(sign.body.contains("2027-09-30"));
}
