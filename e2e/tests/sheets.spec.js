// The practice-sheet flow: a contributor writes and submits a sheet; a reviewer (the demo
// coordinator) requests a change on one field; the contributor fixes it and resubmits; the
// reviewer publishes; a visitor finds it with a stemmed, accent-free query and downloads the
// PDF; a visitor finds the demo's English immersion learning by its language facet. axe-core
// checks every page visited; the "no-javascript" project runs the same flow with
// JavaScript disabled.
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');

const CONTRIBUTOR = { email: 'membre@demo.passerelle.example', password: 'passerelle-demo' };
const REVIEWER = { email: 'coordination@demo.passerelle.example', password: 'passerelle-demo' };

async function login(page, who) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

test('a contributor writes, a reviewer requests a change, the contributor fixes it, the reviewer publishes, a visitor finds it and downloads the PDF', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const js = testInfo.project.use.javaScriptEnabled;
  // A word no other sheet holds, so that the search below finds this sheet alone.
  const marker = `zq${testInfo.project.name.replace(/[^a-z]/gi, '')}${Date.now()}`;
  const title = `Réseau de bibliothèques solidaires ${marker}`;

  // The contributor writes and submits.
  const author = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await login(author, CONTRIBUTOR);
  await author.getByRole('link', { name: 'Fiches pratiques' }).first().click();
  await checkA11y(author, testInfo);
  await author.getByRole('link', { name: 'Mes fiches' }).click();
  await checkA11y(author, testInfo);
  await author.getByLabel(/^Type/).selectOption('emerging_practice');
  await author.getByLabel(/^Titre/).fill(title);
  await author.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(author.locator('.notice')).toContainText('Fiche créée');
  await checkA11y(author, testInfo);

  await author.getByLabel(/^Résumé/).fill('Des bibliothèques de quartier prêtent des livres et accueillent les familles.');
  await author.getByLabel(/^Catégorie/).selectOption('emerging');
  await author.getByLabel(/^Approche/).selectOption('collective');
  await author.locator('input[name="f.themes"][value="pair_aidance"]').check();
  await author.getByLabel(/^Description de la pratique/).fill('Les habitants animent les bibliothèques avec les travailleurs sociaux du **réseau**.');
  await author.getByLabel(/^Maturité/).selectOption('trial');
  await author.locator('input[name="f.process_indicators.0.description"]').fill('Permanences tenues');
  await author.locator('input[name="f.process_indicators.0.value"]').fill('40');
  await author.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(author.locator('.notice')).toContainText('Révision enregistrée');
  await author.getByRole('button', { name: 'Soumettre à relecture' }).click();
  await expect(author.locator('.notice')).toContainText('soumise à relecture');
  const url = author.url().replace(/\?.*$/, '');
  const sheetPath = new URL(url).pathname.replace(/\/edit$/, '');

  // The reviewer requests a change on the summary.
  const reviewer = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await login(reviewer, REVIEWER);
  await reviewer.goto('/sheets/desk');
  await reviewer.getByRole('link', { name: title }).click();
  await checkA11y(reviewer, testInfo);
  await reviewer.getByRole('link', { name: 'Relire et commenter' }).click();
  await checkA11y(reviewer, testInfo);
  await reviewer.getByLabel('Remarque sur « Résumé »').fill('Dites qui anime les permanences.');
  await reviewer.getByRole('button', { name: 'Demander des modifications' }).click();
  await expect(reviewer.locator('.notice')).toContainText('Modifications demandées');

  // The contributor sees the remark next to the field, fixes it and resubmits.
  await author.goto(`${sheetPath}/edit`);
  await expect(author.locator('.comments')).toContainText('Dites qui anime les permanences.');
  await checkA11y(author, testInfo);
  await author.getByLabel(/^Résumé/).fill('Des habitants bénévoles animent des bibliothèques de quartier avec les travailleurs sociaux.');
  await author.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(author.locator('.notice')).toContainText('Révision enregistrée');
  await author.getByRole('link', { name: 'Historique' }).click();
  await expect(author.locator('ins').first()).toBeVisible();
  await checkA11y(author, testInfo);
  await author.goto(`${sheetPath}/edit`);
  if (js) {
    // Typing not yet saved asks before it is left behind (the history link leaves the form).
    let asked = '';
    author.once('dialog', (d) => { asked = d.type(); d.dismiss(); });
    await author.getByLabel(/^Résumé/).fill('Des habitants bénévoles animent des bibliothèques de quartier avec les travailleurs sociaux.');
    await author.getByRole('link', { name: 'Historique' }).click();
    await expect.poll(() => asked).toBe('beforeunload');
  }
  // "Save and submit for review": what is typed is saved first.
  await author.getByRole('button', { name: 'Enregistrer et soumettre à relecture' }).click();
  await expect(author.locator('.notice')).toContainText('soumise à relecture');

  // The reviewer publishes.
  await reviewer.goto(`${sheetPath}/edit`);
  await reviewer.getByRole('button', { name: 'Publier' }).click();
  await expect(reviewer.locator('.notice')).toContainText('Fiche publiée');

  // A visitor finds it with "bibliotheque reseau": no accent, singular; the sheet says
  // "bibliothèques", "réseau".
  const visitor = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await visitor.goto('/sheets');
  await checkA11y(visitor, testInfo);
  await visitor.getByLabel('Rechercher dans les fiches').fill(`bibliotheque reseau ${marker}`);
  await visitor.getByRole('button', { name: 'Rechercher', exact: true }).click();
  await expect(visitor.getByRole('heading', { name: /1 fiche/ })).toBeVisible();
  await expect(visitor.locator('.snippet mark').first()).toBeVisible();
  await checkA11y(visitor, testInfo);
  await visitor.getByRole('link', { name: title }).click();
  await checkA11y(visitor, testInfo);
  const [download] = await Promise.all([
    visitor.waitForEvent('download'),
    visitor.getByRole('link', { name: 'PDF' }).click(),
  ]);
  const path = await download.path();
  const bytes = require('fs').readFileSync(path);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBeGreaterThan(5000);
});

test('the demo synthesis reads with its common threads, and its coordinator form is accessible', async ({ page }, testInfo) => {
  await page.goto('/syntheses');
  await checkA11y(page, testInfo);
  await page.getByRole('link', { name: /lignes de force des quatre thèmes prioritaires/ }).click();
  await expect(page.getByRole('heading', { name: 'Lignes de force', exact: true })).toBeVisible();
  await expect(page.locator('.threads li').first()).toContainText('fiches');
  await checkA11y(page, testInfo);
  await login(page, REVIEWER);
  await page.goto('/sheets?themes=coordination');
  await page.getByRole('link', { name: 'Construire une synthèse de cette sélection' }).click();
  await page.getByLabel(/^Titre de la synthèse/).fill(`Coordination ${testInfo.project.name}`);
  await page.getByRole('button', { name: 'Créer la synthèse' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Modifier la synthèse');
  await checkA11y(page, testInfo);
  // The four demo sheets about multidisciplinary coordination, all kept.
  await expect(page.locator('input[name="sheets"]:checked')).toHaveCount(4);
  // A second revision, compared with the first side by side.
  await page.getByLabel('Introduction', { exact: true }).fill('Quatre fiches sur la coordination.');
  await page.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await page.getByRole('link', { name: 'Comparer des révisions côte à côte' }).click();
  await expect(page.locator('.side-by-side ins').first()).toContainText('Quatre');
  await checkA11y(page, testInfo);
});

test('an immersion learning written in English is found by its language and reads as English', async ({ page }, testInfo) => {
  await page.goto('/sheets');
  await page.getByRole('group', { name: 'Langue' }).getByLabel(/Anglais/).check();
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^1 fiche/ })).toBeVisible();
  const hit = page.locator('.hits h3[lang="en"]');
  await expect(hit).toHaveText(/what Iloilo is learning in Phnom Penh/);
  await checkA11y(page, testInfo);
  await hit.getByRole('link').click();
  // French interface, English sheet: the title and the texts carry their language, the labels do not.
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('h1')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 2, name: 'Ce qui a été observé' })).toBeVisible();
  await expect(page.locator('.prose[lang="en"]').first()).toContainText('volunteer mother');
  await expect(page.getByText(/Cross-immersion at the Phnom Penh House of Families —/)).toBeVisible();
  await checkA11y(page, testInfo);
});

test('two co-authors editing at once keep each other\'s changes, and choose where both changed a field', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const js = testInfo.project.use.javaScriptEnabled;
  const title = `Jardins partagés ${testInfo.project.name.replace(/[^a-z]/gi, '')}${Date.now()}`;
  const alice = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await login(alice, CONTRIBUTOR);
  await alice.goto('/sheets/desk');
  await alice.getByLabel(/^Type/).selectOption('emerging_practice');
  await alice.getByLabel(/^Titre/).fill(title);
  await alice.getByRole('button', { name: 'Créer la fiche' }).click();
  await alice.getByLabel('Ajouter un co-auteur').fill(REVIEWER.email);
  await alice.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(alice.locator('.notice')).toContainText('Co-auteur ajouté');
  const edit = new URL(alice.url()).pathname;

  // Both open the form at the same revision.
  const bruno = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
  await login(bruno, REVIEWER);
  await bruno.goto(edit);
  await alice.getByLabel(/^Résumé/).fill('Le résumé écrit par Alice.');
  await alice.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(alice.locator('.notice')).toContainText('Révision enregistrée');
  // Bruno, still on the older revision, writes the levers only: merged, nothing lost.
  await bruno.getByLabel(/^Leviers/).fill('Un terrain prêté par la commune');
  await bruno.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(bruno.locator('.notice')).toContainText('ses modifications et les vôtres');
  await expect(bruno.getByLabel(/^Résumé/)).toHaveValue('Le résumé écrit par Alice.');
  await expect(bruno.getByLabel(/^Leviers/)).toHaveValue('Un terrain prêté par la commune');
  await checkA11y(bruno, testInfo);

  // Both rewrite the description from the same revision: the second sees both and chooses.
  await alice.reload();
  await alice.getByLabel(/^Description de la pratique/).fill('La description d\'Alice.');
  await bruno.getByLabel(/^Description de la pratique/).fill('La description de Bruno.');
  await alice.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(alice.locator('.notice')).toContainText('Révision enregistrée');
  await bruno.getByRole('button', { name: 'Enregistrer une révision' }).click();
  await expect(bruno.getByRole('heading', { level: 1 })).toHaveText('Quelqu\'un a enregistré la fiche avant vous');
  const row = bruno.getByRole('row', { name: /Description de la pratique/ });
  await expect(row).toContainText('La description d\'Alice.');
  await expect(row).toContainText('La description de Bruno.');
  await checkA11y(bruno, testInfo);
  await bruno.getByLabel('Garder leur version').check();
  await bruno.getByRole('button', { name: 'Enregistrer la version fusionnée' }).click();
  await expect(bruno.getByLabel(/^Description de la pratique/)).toHaveValue('La description d\'Alice.');
  await expect(bruno.getByLabel(/^Leviers/)).toHaveValue('Un terrain prêté par la commune');
});

test('no page of sheets, syntheses and questionnaires scrolls sideways on a 360 px phone', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await login(page, REVIEWER);
  await page.setViewportSize({ width: 360, height: 740 });
  // The catalogue puts its results first, the filters folded behind "Affiner"; each result
  // says its category.
  await page.goto('/sheets');
  const naissante = page.getByRole('checkbox', { name: /Pratique naissante/ });
  await expect(naissante).toBeHidden();
  await expect(page.locator('.hits li').first()).toBeInViewport();
  await expect(page.locator('.hits .meta').first()).toContainText(/Pratique (naissante|renaissante|existante)/);
  await page.getByText('Affiner', { exact: true }).click();
  await expect(naissante).toBeVisible();
  await checkA11y(page, testInfo);
  const links = async (path, pattern) => {
    await page.goto(path);
    const hrefs = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    return [...new Set(hrefs.filter((h) => h && pattern.test(h)))].slice(0, 4);
  };
  const paths = ['/sheets', '/sheets/desk', '/sheets/reviewers', '/syntheses', '/questionnaires'];
  for (const s of await links('/sheets', /^\/sheets\/[0-9a-f-]{36}$/)) {
    paths.push(s, `${s}/edit`, `${s}/history`, `${s}/review`);
  }
  for (const s of await links('/syntheses', /^\/syntheses\/[0-9a-f-]{36}$/)) {
    paths.push(s, `${s}/edit`, `${s}/history`);
  }
  for (const q of await links('/questionnaires', /^\/questionnaires\/[0-9a-f-]{36}$/)) {
    paths.push(q, `${q}/results`, `${q}/responses`, `${q}/texts`);
  }
  let visited = 0;
  for (const path of paths) {
    const response = await page.goto(path);
    if (response.status() >= 400) continue;
    visited += 1;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(361);
  }
  expect(visited).toBeGreaterThan(12);
  await context.close();
});
