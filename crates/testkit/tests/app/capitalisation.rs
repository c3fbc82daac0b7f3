//! What an immersion leaves behind: outputs with files, contacts kept with consent, follow-up
//! actions reminded when due, and the alumni directory.

use passerelle_testkit::passerelle_core::accounts::Role;
use passerelle_testkit::{TestApp, TestUser};

use super::immersions::{accepted_application, approved_agreement, setup};

/// The href of the download link of `name` in a page.
fn file_link(body: &str, name: &str) -> String {
    let end = body
        .find(&format!("\" download>{name}<"))
        .unwrap_or_else(|| panic!("no link to {name}"));
    let start = body[..end].rfind("/attachments/").expect("attachment href");
    body[start..end].to_owned()
}

/// The `action` of the form whose button names `label` (its visually hidden " : label").
fn form_for(body: &str, label: &str) -> String {
    let at = body
        .find(&format!(
            "<span class=\"visually-hidden\"> : {label}</span>"
        ))
        .unwrap_or_else(|| panic!("no button for {label}"));
    let start = body[..at].rfind("action=\"").expect("form action") + "action=\"".len();
    let end = start + body[start..].find('"').expect("end of action");
    body[start..end].to_owned()
}

async fn as_user(app: &mut TestApp, user: &TestUser) {
    app.clear_cookies();
    app.login(user).await;
}

#[tokio::test]
async fn outputs_contacts_and_actions_are_kept_for_the_right_people() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    // Before approval, nothing can be added.
    s.app.clear_cookies();
    s.app.login(&s.host).await;
    let r = s
        .app
        .post_form(&format!("/applications/{application}/agreement"), &[])
        .await;
    let draft = r
        .location()
        .split('?')
        .next()
        .unwrap_or_default()
        .to_owned();
    s.app
        .post_form(
            &format!("{draft}/actions"),
            &[
                ("action_description", "x"),
                ("action_owner_name", "y"),
                ("action_due_date", "2026-02-01"),
            ],
        )
        .await
        .assert_status(409);
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    assert_eq!(page, draft);
    let cap = format!("{page}/capitalisation");
    as_user(&mut s.app, &lecturer).await;
    let r = s.app.get(&page).await;
    assert!(r.body.contains(&format!("href=\"{cap}\"")));

    // Bad input: each message next to its field, what was typed kept, nothing written.
    let r = s
        .app
        .post_multipart(
            &format!("{page}/outputs"),
            &[
                ("output_kind", "tool"),
                ("output_title", ""),
                ("output_description", "Grille d'observation des ateliers"),
                ("output_url", "pas une adresse"),
                ("output_visibility", "public"),
            ],
            &[("output_files", "grille.exe", b"MZ\x90\x00")],
        )
        .await;
    r.assert_status(422);
    for field in ["output_title", "output_url", "output_files"] {
        assert!(r.body.contains(&format!("id=\"{field}-error\"")), "{field}");
    }
    assert!(r.body.contains("Grille d&#39;observation des ateliers"));
    assert!(r.body.contains("href=\"#output_title\""));
    let mine = s.app.get(&cap).await;
    assert!(mine.body.contains("Aucune production"));
    assert!(
        mine.body.contains("rejoignez l&#39;annuaire"),
        "the participant is invited"
    );
    as_user(&mut s.app, &s.host.clone()).await;
    let theirs = s.app.get(&cap).await;
    theirs.assert_status(200);
    assert!(
        !theirs.body.contains("rejoignez l&#39;annuaire"),
        "the host is not invited to the alumni directory"
    );
    as_user(&mut s.app, &lecturer).await;

    // Without the CSRF field, a form with files is refused like any other.
    s.app
        .post_multipart_raw(
            &format!("{page}/outputs"),
            &[("output_kind", "tool"), ("output_title", "x")],
            &[],
        )
        .await
        .assert_status(403);

    for (title, visibility, file, contents) in [
        (
            "Grille d'observation",
            "public",
            "grille.pdf",
            &b"%PDF-1.7 grille"[..],
        ),
        (
            "Compte rendu interne",
            "parties",
            "compte rendu été.docx",
            &b"PK\x03\x04 docx"[..],
        ),
    ] {
        s.app
            .post_multipart(
                &format!("{page}/outputs"),
                &[
                    ("output_kind", "document"),
                    ("output_title", title),
                    ("output_description", "Pour les prochaines immersions."),
                    ("output_visibility", visibility),
                ],
                &[("output_files", file, contents)],
            )
            .await
            .assert_status(303);
    }
    let r = s.app.get(&cap).await;
    let public_file = file_link(&r.body, "grille.pdf");
    let private_file = file_link(&r.body, "compte rendu été.docx");
    let d = s.app.get(&private_file).await;
    d.assert_status(200);
    assert_eq!(d.bytes, b"PK\x03\x04 docx");
    assert_eq!(
        d.header("content-disposition"),
        "attachment; filename=\"compte rendu _t_.docx\"; filename*=UTF-8''compte%20rendu%20%C3%A9t%C3%A9.docx"
    );

    // The programme's public page shows public outputs only; anyone downloads their files.
    s.app.clear_cookies();
    let programme = s.app.get(&format!("/programmes/{}", s.programme)).await;
    assert!(programme.body.contains("Grille d&#39;observation"));
    assert!(!programme.body.contains("Compte rendu interne"));
    assert!(programme.body.contains(&public_file));
    s.app.get(&public_file).await.assert_status(200);
    s.app.get(&private_file).await.assert_status(404);
    let stranger = s.app.with_user(Role::Member).await;
    as_user(&mut s.app, &stranger).await;
    s.app.get(&cap).await.assert_status(404);
    s.app.get(&private_file).await.assert_status(404);

    // Contacts need the person's consent and stay with the parties.
    as_user(&mut s.app, &lecturer).await;
    let r = s
        .app
        .post_form(
            &format!("{page}/contacts"),
            &[
                ("contact_name", "Mireille Dupraz"),
                ("contact_role", "Médiatrice familiale"),
                ("contact_email", "mireille chez exemple"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"contact_consent-error\""));
    assert!(r.body.contains("id=\"contact_email-error\""));
    assert!(r.body.contains("value=\"Mireille Dupraz\""));
    s.app
        .post_form(
            &format!("{page}/contacts"),
            &[
                ("contact_name", "Mireille Dupraz"),
                ("contact_role", "Médiatrice familiale"),
                ("contact_email", "mireille@exemple.ch"),
                ("contact_consent", "yes"),
                ("contact_consent_note", "Accord oral le 3 mars"),
            ],
        )
        .await
        .assert_status(303);
    for who in [s.host.clone(), s.coordinator.clone()] {
        as_user(&mut s.app, &who).await;
        assert!(s.app.get(&cap).await.body.contains("mireille@exemple.ch"));
    }
    let admin = s.app.with_user(Role::Administrator).await;
    as_user(&mut s.app, &admin).await;
    let r = s.app.get(&cap).await;
    r.assert_status(200);
    assert!(!r.body.contains("Mireille Dupraz"));
    assert!(r.body.contains("Grille d&#39;observation"));

    // Any party removes a contact on the person's request.
    as_user(&mut s.app, &s.host).await;
    let remove = form_for(&s.app.get(&cap).await.body, "Mireille Dupraz");
    assert!(remove.contains("/contacts/") && remove.ends_with("/remove"));
    s.app.post_form(&remove, &[]).await.assert_status(303);
    assert!(!s.app.get(&cap).await.body.contains("Mireille Dupraz"));

    // Follow-up actions: reminded once when due, then marked done once.
    as_user(&mut s.app, &lecturer).await;
    let r = s
        .app
        .post_form(
            &format!("{page}/actions"),
            &[
                ("action_description", "Présenter la grille à l'équipe"),
                ("action_owner_name", ""),
                ("action_due_date", "2026-02-30"),
            ],
        )
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"action_owner_name-error\""));
    assert!(r.body.contains("id=\"action_due_date-error\""));
    assert!(r.body.contains("Présenter la grille à l&#39;équipe"));
    s.app
        .post_form(
            &format!("{page}/actions"),
            &[
                ("action_description", "Présenter la grille à l'équipe"),
                ("action_owner_name", "Claire Tutrice"),
                ("action_due_date", "2026-01-20"),
            ],
        )
        .await
        .assert_status(303);
    let due_mails = |outbox: &[passerelle_testkit::passerelle_core::mail::EmailRow]| {
        outbox
            .iter()
            .filter(|m| m.subject.starts_with("Action de suivi à échéance"))
            .map(|m| m.to_address.clone())
            .collect::<Vec<_>>()
    };
    s.app.run_sweep().await;
    assert!(due_mails(&s.app.outbox().await).is_empty());
    s.app.clock().advance(16 * 86_400);
    s.app.run_sweep().await;
    let sent = due_mails(&s.app.outbox().await);
    assert_eq!(sent, vec![lecturer.email.clone()]);
    let mail = s.app.last_email_to(&lecturer.email).await;
    assert!(mail.body_text.contains("Claire Tutrice"));
    assert!(mail.body_text.contains("/capitalisation#actions"));
    s.app.clock().advance(3600);
    s.app.run_sweep().await;
    assert_eq!(due_mails(&s.app.outbox().await).len(), 1);
    let r = s.app.get(&cap).await;
    assert!(r.body.contains("En retard"));
    let done = form_for(&r.body, "Présenter la grille à l&#39;équipe");
    assert!(done.ends_with("/done"));
    s.app.post_form(&done, &[]).await.assert_status(303);
    s.app.post_form(&done, &[]).await.assert_status(409);
    assert!(s.app.get(&cap).await.body.contains("Faite par"));

    // The host (who manages the agreement) removes an output; its file goes with it.
    as_user(&mut s.app, &s.host).await;
    let remove = form_for(&s.app.get(&cap).await.body, "Compte rendu interne");
    assert!(remove.contains("/outputs/"));
    s.app.post_form(&remove, &[]).await.assert_status(303);
    s.app.get(&private_file).await.assert_status(404);
    s.app.get(&public_file).await.assert_status(200);
    assert!(!s.app.get(&cap).await.body.contains("Compte rendu interne"));
}

#[tokio::test]
async fn alumni_join_after_their_immersion_and_answer_questions_by_e_mail() {
    let mut s = setup().await;
    let (lecturer, application, _) = accepted_application(&mut s).await;
    let page = approved_agreement(&mut s, &lecturer, &application).await;
    as_user(&mut s.app, &lecturer).await;
    let mine = s.app.get("/account/alumni").await;
    assert!(
        mine.body
            .contains("Vous pourrez vous inscrire après la vôtre")
    );
    s.app
        .post_form(
            "/account/alumni",
            &[("bio", "J'ai découvert les ateliers parents-enfants.")],
        )
        .await
        .assert_status(409);
    as_user(&mut s.app, &s.host).await;
    for status in ["active", "completed"] {
        s.app
            .post_form(
                &format!("{page}/status"),
                &[
                    ("status", status),
                    ("confirm_early", "yes"),
                    ("reason", "Immersion enregistrée après coup"),
                ],
            )
            .await
            .assert_status(303);
    }
    as_user(&mut s.app, &lecturer).await;
    let r = s
        .app
        .post_form("/account/alumni", &[("bio", ""), ("topics", "Pères")])
        .await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"bio-error\""));
    assert!(r.body.contains("value=\"Pères\""));
    s.app
        .post_form(
            "/account/alumni",
            &[
                ("bio", "J'ai découvert les ateliers parents-enfants."),
                ("topics", "Pères, Aller vers"),
            ],
        )
        .await
        .assert_status(303);

    // A member finds the alumnus by words and by programme, and asks a question.
    let asker = s
        .app
        .with_user_email(Role::Member, "nadia@hes.example")
        .await;
    as_user(&mut s.app, &asker).await;
    let found = s.app.get("/alumni?q=aller%20vers").await;
    assert!(found.body.contains(&format!("/alumni/{}", lecturer.id)));
    let none = s.app.get("/alumni?q=astrophysique").await;
    assert!(!none.body.contains(&format!("/alumni/{}", lecturer.id)));
    let other = s.app.get("/alumni?programme=no-such-programme").await;
    assert!(!other.body.contains(&format!("/alumni/{}", lecturer.id)));
    let by_programme = s
        .app
        .get(&format!("/alumni?programme={}", s.programme))
        .await;
    assert!(
        by_programme
            .body
            .contains(&format!("/alumni/{}", lecturer.id))
    );
    let profile = format!("/alumni/{}", lecturer.id);
    s.app.get(&profile).await.assert_status(200);
    let ask = format!("{profile}/ask");
    let r = s.app.post_form(&ask, &[("question", "Bonjour ?")]).await;
    r.assert_status(422);
    assert!(r.body.contains("id=\"question-error\""));
    assert!(r.body.contains("Écrivez au moins 20 caractères"));
    assert!(r.body.contains("Bonjour ?"));
    let question = "Comment avez-vous invité les pères aux ateliers ?";
    s.app
        .post_form(&ask, &[("question", question)])
        .await
        .assert_status(303);
    let mail = s.app.last_email_to(&lecturer.email).await;
    assert!(mail.subject.contains("Une question sur votre immersion"));
    assert!(mail.body_text.contains(question));
    assert!(mail.body_text.contains("nadia@hes.example"));
    // At most five questions a day.
    for _ in 0..4 {
        s.app
            .post_form(&ask, &[("question", question)])
            .await
            .assert_status(303);
    }
    let r = s.app.post_form(&ask, &[("question", question)]).await;
    r.assert_status(422);
    assert!(r.body.contains("5 questions aujourd&#39;hui"));
    s.app.clock().advance(86_400 + 60);
    s.app
        .post_form(&ask, &[("question", question)])
        .await
        .assert_status(303);

    // Alumni hear of new offers in their programme when the coordinator nudges.
    let offer = s
        .app
        .with_offer(
            &s.host,
            &s.programme,
            &s.host_org,
            "Immersion en maison des familles",
        )
        .await;
    as_user(&mut s.app, &s.coordinator).await;
    s.app
        .post_form(&format!("/offers/{offer}/nudge"), &[])
        .await
        .assert_status(303);
    let mail = s.app.last_email_to(&lecturer.email).await;
    assert!(mail.subject.contains("Immersion en maison des familles"));

    // The alumnus cannot ask themself, and leaves the directory.
    as_user(&mut s.app, &lecturer).await;
    s.app
        .post_form(&ask, &[("question", question)])
        .await
        .assert_status(409);
    s.app
        .post_form("/account/alumni/leave", &[])
        .await
        .assert_status(303);
    as_user(&mut s.app, &asker).await;
    assert!(
        !s.app
            .get("/alumni")
            .await
            .body
            .contains(&format!("/alumni/{}", lecturer.id))
    );
    s.app.get(&profile).await.assert_status(404);
}
