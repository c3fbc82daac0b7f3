// The immersion flow: a host publishes an offer → a candidate finds it and applies → they talk
// in the application's thread → the host accepts. axe-core checks every page visited; the
// "no-javascript" project runs the same flow with JavaScript disabled.
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

const HOST = { email: 'org-admin@demo.passerelle.example', password: 'passerelle-demo' };
const CANDIDATE = { email: 'membre@demo.passerelle.example', password: 'passerelle-demo' };

async function checkA11y(page, testInfo) {
  if (!testInfo.project.use.javaScriptEnabled) return;
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${page.url()}: ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, summary.join('\n')).toEqual([]);
  expect(results.passes.length, 'axe checked something').toBeGreaterThan(10);
}

async function login(page, testInfo, who) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(who.email);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

test('a host publishes, a candidate applies, they talk, the host accepts', async ({ page, browser }, testInfo) => {
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
  await context.close();
});
