// The foundation flow a newcomer goes through, checked with axe-core on every page visited:
// register → confirm through the outbox link → log in → switch to English and back →
// create an organisation → invite a member → log out. The "no-javascript" project runs the
// same flow with JavaScript disabled (axe needs JavaScript, so it runs in the other project).
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');

const ADMIN = { email: 'admin@demo.passerelle.example', password: 'passerelle-demo' };
const PASSWORD = 'une phrase de passe assez longue';

async function visit(page, testInfo, path) {
  const response = await page.goto(path);
  expect(response.status(), `${path}`).toBeLessThan(400);
  await checkA11y(page, testInfo);
}

/** Reads the newest message to `to` in the outbox as the demo administrator; returns its link. */
async function linkFromOutbox(browser, testInfo, to) {
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await visit(page, testInfo, `/admin/outbox?to=${encodeURIComponent(to)}`);
  await page.locator('table a').first().click();
  await checkA11y(page, testInfo);
  const href = await page.locator('.mail-links a').first().getAttribute('href');
  await context.close();
  return new URL(href).pathname;
}

test('a newcomer registers, confirms, switches language, creates an organisation, invites and leaves', async ({ page, browser }, testInfo) => {
  const email = `e2e-${testInfo.project.name}-${Date.now()}@example.org`;

  await visit(page, testInfo, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.getByRole('link', { name: 'Créer un compte' }).first().click();
  await checkA11y(page, testInfo);

  // A first attempt with a short password: the message sits next to the field, input kept.
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Nom affiché').fill('Awa Test');
  await page.getByLabel('Mot de passe').fill('court');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.locator('#password-error')).toContainText('10 caractères');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(email);
  await checkA11y(page, testInfo);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre messagerie');
  await checkA11y(page, testInfo);

  const confirm = await linkFromOutbox(browser, testInfo, email);
  expect(confirm).toMatch(/^\/account\/confirm\//);
  await page.goto(confirm);
  await expect(page).toHaveURL(/\/login\?notice=confirmed/);
  await checkA11y(page, testInfo);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
  await checkA11y(page, testInfo);

  // English and back.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /My account/ })).toBeVisible();
  await checkA11y(page, testInfo);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // An organisation, with a first invalid submission.
  await visit(page, testInfo, '/organisations');
  await page.getByRole('link', { name: 'Créer une organisation' }).first().click();
  await checkA11y(page, testInfo);
  await page.getByLabel('Ville').fill('Bobo-Dioulasso');
  await page.getByRole('button', { name: 'Créer une organisation' }).click();
  await expect(page.locator('#name-error')).toBeVisible();
  await expect(page.getByLabel('Ville')).toHaveValue('Bobo-Dioulasso');
  await checkA11y(page, testInfo);
  const orgName = `Maison des Familles ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Nom de l\'organisation').fill(orgName);
  await page.getByLabel('Type').selectOption('association');
  await page.getByLabel('Pays').selectOption('BF');
  await page.getByRole('button', { name: 'Créer une organisation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(orgName);
  await expect(page.getByRole('status')).toContainText('Organisation créée');
  await checkA11y(page, testInfo);

  // Invite a member.
  await page.getByRole('link', { name: 'Voir les membres' }).click();
  await checkA11y(page, testInfo);
  const invitee = `invitee-${testInfo.project.name}-${Date.now()}@example.org`;
  await page.locator('#email').fill(invitee);
  await page.getByRole('button', { name: 'Envoyer l\'invitation' }).click();
  await expect(page.getByRole('status')).toContainText('Invitation envoyée');
  await expect(page.getByRole('cell', { name: invitee })).toBeVisible();
  await checkA11y(page, testInfo);
  const invitation = await linkFromOutbox(browser, testInfo, invitee);
  expect(invitation).toMatch(/^\/invitations\//);
  await visit(page, testInfo, invitation);

  // Log out.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/login\?notice=logged-out/);
  await checkA11y(page, testInfo);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('the pages a visitor can reach are accessible at 320 px wide', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ['/', '/organisations', '/login', '/register', '/password/forgot', '/nowhere']) {
    await page.goto(path);
    await checkA11y(page, testInfo);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(overflow, `${path} scrolls sideways at 320 px`).toBe(false);
  }
  // The menu is folded into one "Menu" control; opening it (keyboard or pointer) shows the links.
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await expect(nav.getByRole('link', { name: 'Fiches pratiques' })).toBeHidden();
  await nav.getByText('Menu').focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Fiches pratiques' })).toBeVisible();
  await checkA11y(page, testInfo);
  // On a wide screen the links are shown at once and the "Menu" control is not.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/');
  await expect(nav.getByRole('link', { name: 'Fiches pratiques' })).toBeVisible();
  await expect(nav.getByText('Menu', { exact: true })).toBeHidden();
});

test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Aller au contenu' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the administrator pages and account pages pass axe in both languages', async ({ page }, testInfo) => {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
  const paths = ['/account', '/account/delete', '/admin', '/admin/outbox', '/admin/audit?action=login',
    '/admin/users', '/organisations/kogl-taaba', '/organisations/kogl-taaba/edit',
    '/organisations/kogl-taaba/members', '/organisations/new'];
  for (const path of paths) await visit(page, testInfo, path);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  for (const path of paths) await visit(page, testInfo, path);
  // Leave the demo administrator in French for the other tests.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
