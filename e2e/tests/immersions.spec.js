// The immersion flow: a host publishes an offer → a candidate finds it and applies → they talk
// in the application's thread → the host accepts → the agreement is drafted, objectives and
// tasks co-edited, sent for signature and signed by each party's named signatory (the dean through the e-mailed
// link) → the participant keeps a logbook
// with a file → the immersion ends and both sides write their closing report → what it left
// is capitalised → the participant joins the alumni → the follow-up e-mail is in the outbox. axe-core checks every page visited;
// the "no-javascript" project runs the same flow with JavaScript disabled.
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');

const HOST = { email: 'org-admin@demo.passerelle.example', password: 'passerelle-demo' };
const CANDIDATE = { email: 'membre@demo.passerelle.example', password: 'passerelle-demo' };
const COORDINATOR = { email: 'coordination@demo.passerelle.example', password: 'passerelle-demo' };
const ADMIN = { email: 'admin@demo.passerelle.example', password: 'passerelle-demo' };

async function login(page, testInfo, who) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

test('a host publishes, a candidate applies, every party signs the agreement, the immersion is logged, reported on, capitalised and followed up', async ({ page, browser }, testInfo) => {
  // The whole life of an immersion, in three browsers: longer than the default minute.
  test.setTimeout(180_000);
  const title = `Immersion e2e ${testInfo.project.name} ${Date.now()}`;

  // The public catalogue and programmes, anonymously.
  for (const path of ['/offers', '/offers?country=KH', '/programmes']) {
    const r = await page.goto(path);
    expect(r.status(), path).toBe(200);
    await checkA11y(page, testInfo);
  }

  // The host writes a draft in the Maisons des Familles programme; a mistake is explained
  // next to its field and what was typed is kept.
  await login(page, testInfo, HOST);
  await page.goto('/programmes');
  await page.getByRole('link', { name: /Maisons des Familles/ }).click();
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: 'Publier une offre' }).click();
  await checkA11y(page, testInfo);
  await page.getByLabel('Organisation qui publie').selectOption({ label: 'Kogl Taaba – Maison des Familles' });
  await page.getByLabel(/^Titre/).fill(title);
  await page.getByLabel('Sens').selectOption('peer');
  await page.getByLabel('Thèmes').fill('implication des pères');
  await page.getByLabel('Durée (jours)').fill('30');
  await page.getByLabel("Taux d'activité (%)").fill('100');
  await page.getByLabel('Pays').selectOption('BF');
  await page.getByRole('checkbox', { name: 'français' }).check();
  await page.getByLabel("Données auxquelles la personne aura accès").selectOption('none');
  await page.getByLabel("Qui voit l'offre").selectOption('public');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.locator('#duration_days-error')).toContainText('Plus long que ce que permet le programme');
  await expect(page.getByLabel(/^Titre/)).toHaveValue(title);
  await checkA11y(page, testInfo);
  await page.getByLabel('Durée (jours)').fill('7');
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(page.getByRole('status')).toContainText('brouillon');
  await checkA11y(page, testInfo);
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Le statut de l');
  await expect(page.locator('.status')).toHaveText('Publiée');
  const offerUrl = page.url().split('?')[0];

  // The candidate finds it in the catalogue and applies.
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const candidate = await context.newPage();
  await login(candidate, testInfo, CANDIDATE);
  await candidate.goto('/offers');
  await candidate.getByLabel('Mots').fill(title);
  await candidate.getByLabel('Pays').selectOption('BF');
  await candidate.getByRole('button', { name: 'Filtrer' }).click();
  await expect(candidate.getByRole('link', { name: title })).toBeVisible();
  await checkA11y(candidate, testInfo);
  await candidate.getByRole('link', { name: title }).click();
  await checkA11y(candidate, testInfo);
  await candidate.getByRole('link', { name: 'Candidater' }).click();
  await checkA11y(candidate, testInfo);
  await candidate.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(candidate.locator('#motivation-error')).toBeVisible();
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel('Motivation').fill('Découvrir comment Kogl Taaba implique les pères dans les ateliers.');
  await candidate.getByRole('button', { name: 'Envoyer ma candidature' }).click();
  await expect(candidate.getByRole('status')).toContainText('Votre candidature a été envoyée');
  await checkA11y(candidate, testInfo);

  // The host answers in the thread and accepts.
  await page.goto(offerUrl);
  await page.getByRole('link', { name: 'Marc Membre' }).click();
  await checkA11y(page, testInfo);
  await page.getByLabel('Votre message').fill('Bienvenue à Ouagadougou ! Arrivée possible le lundi 2 mars.');
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Votre message a été envoyé');
  await page.getByRole('button', { name: 'Accepter', exact: true }).click();
  await expect(page.locator('.status')).toHaveText('Acceptée');
  await checkA11y(page, testInfo);

  // The candidate sees the answer and the decision.
  await candidate.goto('/applications');
  await checkA11y(candidate, testInfo);
  await candidate.getByRole('link', { name: title }).click();
  await expect(candidate.getByText('Bienvenue à Ouagadougou')).toBeVisible();
  await expect(candidate.locator('.status')).toHaveText('Acceptée');

  // The host drafts the agreement and completes its terms; a date mistake is explained.
  await page.getByRole('button', { name: 'Rédiger la convention' }).click();
  await expect(page.getByRole('status')).toContainText('La convention a été rédigée');
  await checkA11y(page, testInfo);
  const agreementUrl = page.url().split('?')[0];
  await page.getByRole('link', { name: 'Modifier les conditions' }).click();
  await checkA11y(page, testInfo);
  await page.getByLabel('Tuteur ou tutrice dans la structure d').fill('Awa Ouédraogo');
  await page.getByLabel('Ce que fait la personne en immersion').fill('Observe les ateliers parents-enfants et participe aux réunions d\'équipe.');
  // The immersion took place last March (recorded after the fact), so its 6-month follow-up
  // is due as soon as it is marked as completed.
  await page.getByLabel('Début', { exact: true }).fill('2026-03-08');
  await page.getByLabel('Fin', { exact: true }).fill('2026-03-01');
  await page.getByLabel('Employeur', { exact: true }).fill('HES Travail social Lausanne');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#end-error')).toContainText('La fin précède le début');
  await checkA11y(page, testInfo);
  await page.getByLabel('Fin', { exact: true }).fill('2026-03-14');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status')).toContainText('La convention a été enregistrée');
  await page.getByLabel('Nouvelle tâche').fill('Co-animer un atelier avec les pères');
  await page.locator('form:has(#task) button').click();
  await expect(page.getByText('Co-animer un atelier avec les pères')).toBeVisible();

  // The host names who signs for Kogl Taaba, among the people its administrators listed.
  await page.getByLabel('Signataire', { exact: true }).first().selectOption({ label: 'Awa Ouédraogo, coordinatrice' });
  await page.getByRole('button', { name: 'Désigner ce ou cette signataire' }).first().click();
  await expect(page.getByRole('status')).toContainText('a été désigné');
  await checkA11y(page, testInfo);

  // The candidate adds an objective, names the dean who signs for their school, sends the
  // agreement for signature and signs as participant — never for their employer.
  await candidate.goto(agreementUrl);
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel('Nouvel objectif').fill('Comprendre comment Kogl Taaba implique les pères');
  await candidate.locator('form:has(#objective) button').click();
  await expect(candidate.getByText('ajouté par Marc Membre')).toBeVisible();
  await candidate.getByLabel('Signataire', { exact: true }).selectOption({ label: 'Prof. Anne Dubois, doyenne' });
  await candidate.getByRole('button', { name: 'Désigner ce ou cette signataire' }).click();
  await expect(candidate.getByRole('status')).toContainText('a été désigné');
  await candidate.getByRole('button', { name: 'Envoyer à la signature' }).click();
  await expect(candidate.getByRole('status')).toContainText('La convention est prête à signer');
  await expect(candidate.locator('.status')).toHaveText('Prête à signer');
  await checkA11y(candidate, testInfo);
  await candidate.getByRole('button', { name: 'Signer en tant que participant·e' }).click();
  await expect(candidate.getByRole('status')).toContainText('Votre signature a été enregistrée');
  await expect(candidate.locator('.status')).toHaveText('Partiellement signée');
  await expect(candidate.getByRole('button', { name: /Signer en tant que organisation d'origine/ })).toHaveCount(0);

  // The host confirms employment and signs for Kogl Taaba.
  await page.goto(agreementUrl);
  await page.getByRole('button', { name: "Signer en tant que structure d'accueil" }).click();
  await expect(page.locator('#confirm_employment-error')).toBeVisible();
  await checkA11y(page, testInfo);
  await page.getByLabel(/je confirme les conditions d'emploi/).check();
  await page.getByRole('button', { name: "Signer en tant que structure d'accueil" }).click();
  await expect(page.getByRole('status')).toContainText('Votre signature a été enregistrée');

  // The dean, who has no account, signs through the link e-mailed to her (read in the outbox).
  const outbox = await (await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled })).newPage();
  await login(outbox, testInfo, ADMIN);
  await outbox.goto('/admin/outbox?to=decanat%40demo.passerelle.example');
  await outbox.locator('table tbody tr').filter({ hasText: `Convention à signer : ${title}` }).getByRole('link').click();
  const signLink = new URL(await outbox.locator('.mail-links a').first().getAttribute('href')).pathname;
  await outbox.context().close();
  const dean = await (await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled })).newPage();
  await dean.goto(signLink);
  await checkA11y(dean, testInfo);
  await dean.getByLabel(/je confirme les conditions d'emploi/).check();
  await dean.getByRole('button', { name: 'Signer en tant que Prof. Anne Dubois' }).click();
  await expect(dean.getByRole('heading', { level: 1 })).toHaveText('Convention signée');
  await dean.context().close();

  // The coordinator signs last: the agreement is signed.
  const coordination = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const coordinator = await coordination.newPage();
  await login(coordinator, testInfo, COORDINATOR);
  await coordinator.goto(agreementUrl);
  await coordinator.getByRole('button', { name: 'Signer en tant que coordination' }).click();
  await expect(coordinator.locator('.status')).toHaveText('Signée');
  await checkA11y(coordinator, testInfo);
  // The audited terms page.
  await coordinator.getByRole('link', { name: /Voir toutes les conditions/ }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Conditions complètes de la convention');
  await checkA11y(coordinator, testInfo);

  // The host starts the immersion; the participant keeps the logbook, with a file.
  await page.goto(agreementUrl);
  await page.getByRole('button', { name: "Démarrer l'immersion" }).click();
  await expect(page.locator('.status')).toHaveText('En cours');
  await candidate.goto(agreementUrl);
  await candidate.getByRole('link', { name: 'Journal de bord' }).click();
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel(/^Titre/).fill('Atelier des pères du mercredi');
  await candidate.getByLabel('Note', { exact: true }).fill('Six pères présents ; un père déjà venu a invité les autres.');
  await candidate.getByLabel('Fichiers joints').setInputFiles({
    name: 'grille-atelier.txt', mimeType: 'text/plain', buffer: Buffer.from('Accueil, tour de table, jeu parents-enfants.'),
  });
  await candidate.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(candidate.getByRole('status')).toContainText('La note a été enregistrée');
  await expect(candidate.getByRole('link', { name: 'grille-atelier.txt' })).toBeVisible();
  await checkA11y(candidate, testInfo);

  // The host closes the immersion; both sides write their closing report.
  await page.goto(agreementUrl);
  await page.getByRole('button', { name: 'Marquer comme terminée' }).click();
  await expect(page.locator('.status')).toHaveText('Terminée');
  for (const [who, text] of [[candidate, 'Inviter les pères par les pairs.'], [page, 'Un regard neuf sur nos ateliers.']]) {
    await who.goto(`${agreementUrl}/report`);
    await checkA11y(who, testInfo);
    await who.getByRole('button', { name: 'Envoyer le bilan' }).click();
    await expect(who.locator('#satisfaction-error')).toBeVisible();
    await who.locator('#reached_0').selectOption('4');
    await who.getByLabel('Attentes satisfaites').selectOption('4');
    await who.getByLabel('Satisfaction globale').selectOption('5');
    await who.locator('textarea').first().fill(text);
    await who.getByRole('button', { name: 'Envoyer le bilan' }).click();
    await expect(who.getByRole('status')).toContainText('bilan');
    await expect(who.getByText(text)).toBeVisible();
  }

  // What the immersion leaves: a public output with its file, a contact kept with consent,
  // a follow-up action.
  await candidate.goto(agreementUrl);
  await candidate.getByRole('link', { name: 'Capitalisation' }).click();
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel('Type de production').selectOption('tool');
  await candidate.getByLabel(/^Titre/).fill(`Fiche ${title}`);
  await candidate.getByLabel('Visibilité').selectOption('public');
  await candidate.getByLabel('Fichiers joints').setInputFiles({
    name: 'fiche.md', mimeType: 'text/markdown', buffer: Buffer.from('# Inviter les pères\n'),
  });
  await candidate.getByRole('button', { name: 'Ajouter la production' }).click();
  await expect(candidate.getByRole('status')).toContainText('La production a été ajoutée');
  await expect(candidate.getByRole('link', { name: 'fiche.md' })).toBeVisible();
  await candidate.getByLabel('Personne de contact').fill('Issa Sawadogo');
  await candidate.getByRole('button', { name: 'Garder le contact' }).click();
  await expect(candidate.locator('#contact_consent-error')).toBeVisible();
  await expect(candidate.getByLabel('Personne de contact')).toHaveValue('Issa Sawadogo');
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel(/La personne a accepté/).check();
  await candidate.getByRole('button', { name: 'Garder le contact' }).click();
  await expect(candidate.getByRole('status')).toContainText('Le contact a été gardé');
  await candidate.getByLabel(/^Action\b/).fill("Présenter la fiche à l'équipe");
  await candidate.getByLabel(/^Responsable/).fill('Marc Membre');
  await candidate.getByLabel(/^Échéance/).fill('2027-01-15');
  await candidate.getByRole('button', { name: "Ajouter l'action" }).click();
  await expect(candidate.getByRole('status')).toContainText("L'action de suivi a été ajoutée");
  await checkA11y(candidate, testInfo);

  // The participant joins the alumni directory, where others find them.
  await candidate.goto('/account/alumni');
  await checkA11y(candidate, testInfo);
  await candidate.getByLabel('Ce que vous pouvez partager').fill('Comment faire venir les pères aux ateliers.');
  await candidate.getByLabel('Thèmes').fill('implication des pères');
  await candidate.getByRole('button', { name: /Rejoindre l'annuaire|Enregistrer/ }).click();
  await expect(candidate.getByRole('status')).toContainText("l'annuaire");
  await coordinator.goto('/alumni?q=p%C3%A8res');
  await expect(coordinator.getByRole('link', { name: 'Marc Membre' })).toBeVisible();
  await checkA11y(coordinator, testInfo);
  await coordinator.getByRole('link', { name: 'Marc Membre' }).click();
  await checkA11y(coordinator, testInfo);

  // The programme's public page shows the output, and anyone may download its file.
  const anonymous = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const visitor = await anonymous.newPage();
  await visitor.goto('/programmes');
  await visitor.getByRole('link', { name: /Maisons des Familles/ }).click();
  await expect(visitor.getByRole('heading', { name: `Fiche ${title}` })).toBeVisible();
  await checkA11y(visitor, testInfo);
  const href = await visitor.getByRole('link', { name: `Télécharger : Fiche ${title}` }).getAttribute('href');
  const file = await visitor.request.get(href);
  expect(file.status()).toBe(200);
  expect(await file.text()).toBe('# Inviter les pères\n');
  await anonymous.close();

  // The follow-up e-mail six months after the end is in the outbox (the sweep runs as a job
  // once the immersion is completed).
  const admin = await (await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled })).newPage();
  await login(admin, testInfo, ADMIN);
  await expect(async () => {
    await admin.goto('/admin/outbox');
    await expect(admin.getByText(`6 mois après : que reste-t-il de « ${title} » ?`).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await checkA11y(admin, testInfo);
  await coordination.close();
  await context.close();
});

test('no page of an immersion scrolls sideways on a 360 px phone, whoever reads it', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const PARTICIPANT = { email: 'batoto@demo.passerelle.example', password: 'passerelle-demo' };
  const pages = ['', '/terms', '/compare?a=1&b=1', '/reports', '/logbook', '/review', '/access-log',
    '/pair', '/edit', '/follow-up', '/capitalisation', '/coaching'];
  for (const who of [PARTICIPANT, HOST, COORDINATOR]) {
    const context = await browser.newContext({
      javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
      viewport: { width: 360, height: 740 },
      locale: 'fr-FR',
    });
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('Adresse e-mail').fill(who.email);
    await page.getByLabel(/^Mot de passe/).fill(who.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.goto('/agreements');
    const links = await page.locator('main a[href^="/agreements/"]').evaluateAll(
      (as) => as.map((a) => a.getAttribute('href')).filter((h) => /^\/agreements\/[0-9a-f-]{36}$/.test(h)));
    const agreements = [...new Set(links)];
    expect(agreements.length, `${who.email} has agreements`).toBeGreaterThan(0);
    const paths = ['/applications', '/offers/mine', '/offers', '/programmes', '/alumni', '/account/searches'];
    for (const a of agreements) for (const p of pages) paths.push(a + p);
    let visited = 0;
    for (const path of paths) {
      const response = await page.goto(path);
      if (response.status() >= 400) continue; // not this reader's page
      visited += 1;
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} as ${who.email} scrolls sideways at 360 px`).toBeLessThanOrEqual(361);
    }
    expect(visited).toBeGreaterThan(agreements.length * 4);
    await context.close();
  }
});
