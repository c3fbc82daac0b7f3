// The questionnaire flow: a coordinator builds a questionnaire with a condition and publishes
// it; an anonymous respondent answers half, leaves, comes back by the private link in a new
// browser and submits; the coordinator sees the chart and downloads the XLSX, which the test
// opens and checks. axe-core checks every page visited; the "no-javascript" project runs the
// same flow with JavaScript disabled.
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');
const ExcelJS = require('exceljs');

const COORDINATOR = { email: 'coordination@demo.passerelle.example', password: 'passerelle-demo' };

async function login(page, who) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

test('a coordinator builds and publishes, an anonymous respondent answers in two sittings, the coordinator reads the results and the XLSX', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const js = testInfo.project.use.javaScriptEnabled;
  const title = `Atelier ${testInfo.project.name} ${Date.now()}`;

  // Build.
  await login(page, COORDINATOR);
  await page.getByRole('link', { name: 'Questionnaires' }).first().click();
  await checkA11y(page, testInfo);
  await page.getByLabel(/^Titre/).fill(title);
  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await checkA11y(page, testInfo);

  await page.getByLabel('Type de la nouvelle question').selectOption('single');
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  await checkA11y(page, testInfo);
  await page.getByLabel('Nom de variable').fill('role');
  await page.locator('#label-fr').fill('Votre fonction');
  await page.getByLabel('Choix', { exact: true }).fill('cadre = Cadre\nprofessionnel = Professionnel·le');
  await page.getByLabel('Proposer « Autre, précisez »').check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.notice')).toContainText('Modifications enregistrées');

  await page.getByLabel('Type de la nouvelle question').selectOption('long_text');
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  await page.getByLabel('Nom de variable').fill('encadrement');
  await page.locator('#label-fr').fill('Décrivez votre rôle d’encadrement');
  // A condition that names a later question is refused next to its field, the input kept.
  await page.getByLabel("Condition d'affichage").fill("suite = 'x'");
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#condition-error')).toContainText("qui n'existe pas");
  await expect(page.locator('#label-fr')).toHaveValue('Décrivez votre rôle d’encadrement');
  await checkA11y(page, testInfo);
  await page.getByLabel("Condition d'affichage").fill("role = 'cadre'");
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('#question-encadrement')).toContainText("role = 'cadre'");

  await page.getByRole('link', { name: 'Ajouter une partie' }).click();
  await checkA11y(page, testInfo);
  await page.locator('#title-fr').fill('Votre avis');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await page.getByLabel('Type de la nouvelle question').nth(1).selectOption('yes_no');
  await page.getByRole('button', { name: 'Ajouter une question' }).nth(1).click();
  await page.getByLabel('Nom de variable').fill('utile');
  await page.locator('#label-fr').fill('Cet atelier vous a-t-il été utile ?');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  await page.getByRole('link', { name: 'Aperçu' }).click();
  await expect(page.getByText('Aperçu : rien n\'est enregistré.')).toBeVisible();
  await checkA11y(page, testInfo);
  await page.goBack();
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.locator('.status').first()).toHaveText('Ouvert');
  const link = await page.locator('a[href*="/q/"]').first().getAttribute('href');
  const questionnairePath = new URL(link).pathname;

  // Answer half, anonymously, then leave.
  const first = await browser.newContext({ javaScriptEnabled: js });
  const respondent = await first.newPage();
  await respondent.goto(questionnairePath);
  await expect(respondent.getByText(/Environ \d+ minute/)).toBeVisible();
  await checkA11y(respondent, testInfo);
  await respondent.getByRole('button', { name: 'Commencer' }).click();
  await expect(respondent.getByText('Page 1 / 2')).toBeVisible();
  await checkA11y(respondent, testInfo);
  await respondent.getByLabel('Cadre', { exact: true }).check();
  await respondent.getByRole('button', { name: 'Page suivante' }).click();
  // The conditional question appears on the same page once its condition holds.
  await expect(respondent.getByLabel('Décrivez votre rôle d’encadrement')).toBeVisible();
  await respondent.getByLabel('Décrivez votre rôle d’encadrement').fill('J’anime une équipe de six travailleurs sociaux.');
  if (js) {
    // Autosave: the draft is saved as the respondent types, and says so quietly.
    await expect(respondent.locator('#autosave-status')).toContainText('Brouillon enregistré à');
    await respondent.reload();
    await expect(respondent.getByLabel('Décrivez votre rôle d’encadrement')).toHaveValue('J’anime une équipe de six travailleurs sociaux.');
  } else {
    await expect(respondent.locator('#autosave-status')).toBeEmpty();
  }
  await respondent.getByRole('button', { name: 'Enregistrer et continuer plus tard' }).click();
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Vos réponses sont enregistrées');
  await checkA11y(respondent, testInfo);
  const resume = new URL(await respondent.locator('#resume-link').getAttribute('href')).pathname;
  await first.close();

  // Come back in another browser by the private link, and submit.
  const second = await browser.newContext({ javaScriptEnabled: js });
  const back = await second.newPage();
  await back.goto(resume);
  await expect(back.getByLabel('Décrivez votre rôle d’encadrement')).toHaveValue('J’anime une équipe de six travailleurs sociaux.');
  await back.getByRole('button', { name: 'Page suivante' }).click();
  await expect(back.getByText('Page 2 / 2')).toBeVisible();
  await checkA11y(back, testInfo);
  await back.getByLabel('Oui').check();
  await back.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(back.getByRole('heading', { level: 1 })).toHaveText('Merci !');
  await checkA11y(back, testInfo);
  await second.close();

  // Results: the chart, then the XLSX.
  await page.getByRole('link', { name: 'Résultats' }).click();
  await expect(page.getByText('1 réponse envoyée')).toBeVisible();
  await expect(page.locator('svg.chart').first()).toBeVisible();
  await checkA11y(page, testInfo);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'XLSX' }).click(),
  ]);
  const file = await download.path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('answers');
  const headers = sheet.getRow(1).values;
  const row = sheet.getRow(2).values;
  const cell = (name) => row[headers.indexOf(name)];
  expect(cell('role')).toBe('cadre');
  expect(cell('encadrement')).toBe('J’anime une équipe de six travailleurs sociaux.');
  expect(cell('utile')).toBe('yes');
  expect(book.getWorksheet('questions')).toBeTruthy();
  expect(book.getWorksheet('codebook')).toBeTruthy();

  // The demo census: its results and codebook.
  await page.goto('/questionnaires');
  await page.getByRole('link', { name: 'Pratiques émergentes du travail social' }).first().click();
  await page.getByRole('link', { name: 'Résultats' }).click();
  await expect(page.getByText('320 réponses envoyées')).toBeVisible();
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: 'Grille de codage' }).click();
  await expect(page.getByRole('rowheader', { name: 'Pair-aidance' })).toBeVisible();
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: 'Décrivez la pratique : ce qui est fait, avec qui, pour qui.' }).click();
  await page.getByLabel('Rechercher dans les réponses').fill('domicile');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText(/^\d+ réponses?$/)).toBeVisible();
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: 'Voir la réponse entière' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Réponse');
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: 'Réponses une par une' }).click();
  await checkA11y(page, testInfo);
  // Cross-tabulation: practice category × kind of respondent.
  await page.goBack();
  await page.goBack();
  await page.getByRole('link', { name: 'Résultats' }).click();
  await page.getByLabel('En lignes').selectOption('category');
  await page.getByLabel('En colonnes').selectOption('respondent_kind');
  await page.getByRole('button', { name: 'Croiser' }).click();
  await expect(page.locator('caption')).toContainText('×');
  await checkA11y(page, testInfo);
  // The builder's other pages.
  await page.goto('/questionnaires');
  await page.getByRole('link', { name: title }).click();
  for (const name of ['Réglages et publication', 'Invitations']) {
    await page.getByRole('link', { name }).click();
    await checkA11y(page, testInfo);
    await page.goBack();
  }
  await page.goto('/questionnaires/import');
  await checkA11y(page, testInfo);
});

test('every question type renders accessibly, with and without JavaScript', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await login(page, COORDINATOR);
  await page.goto('/questionnaires');
  await page.getByLabel(/^Titre/).fill(`Tous les types ${testInfo.project.name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  const kinds = [
    ['multiple', { choices: 'a = A\nb = B\nc = C', other: true }],
    ['scale', {}],
    ['integer', {}],
    ['decimal', {}],
    ['date', {}],
    ['territory', {}],
    ['matrix', { choices: 'oui = Oui\nnon = Non', rows: 'r1 = Ligne 1\nr2 = Ligne 2' }],
    ['ranking', { choices: 'p = P\nq = Q\nr = R' }],
    ['info', {}],
    ['single', { choices: 'x = X\ny = Y', dropdown: true }],
  ];
  for (const [kind, opts] of kinds) {
    await page.getByLabel('Type de la nouvelle question').selectOption(kind);
    await page.getByRole('button', { name: 'Ajouter une question' }).click();
    await page.locator('#label-fr').fill(`Question ${kind}`);
    if (opts.choices) await page.locator('#choices').fill(opts.choices);
    if (opts.rows) await page.locator('#rows').fill(opts.rows);
    if (opts.other) await page.getByLabel('Proposer « Autre, précisez »').check();
    if (opts.dropdown) await page.getByLabel('Afficher en liste déroulante').check();
    if (kind === 'territory') await page.getByLabel(/^Liste de territoires/).selectOption('departments');
    await checkA11y(page, testInfo);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('.notice')).toContainText('Modifications enregistrées');
  }
  await page.getByRole('link', { name: 'Aperçu' }).click();
  await expect(page.getByRole('group', { name: 'Question matrix' })).toBeVisible();
  await expect(page.getByLabel('Question territory')).toBeVisible();
  await checkA11y(page, testInfo);
});
