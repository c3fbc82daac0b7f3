// Account lockout and the limits on anonymous forms, walked through as their users meet them
// (docs/SECURITY.md, "Accounts"), on a 360 px wide phone, in French and in English:
// wrong passwords lock an address → even the right password is refused (429) → its owner gets
// one e-mail (read here in the administrator's outbox) → the link opens a page with one button,
// pressed with the keyboard → the login page confirms and the right password works → the link
// cannot be used twice (410). Then /password/forgot refuses the fourth request for one address.
// Each project locks its own demo account (no other spec signs in as them), so the second
// project's run does not find the first one's lock. axe-core checks every page visited (it
// needs JavaScript, so it runs in the "javascript" project, which visits every page in both
// languages).
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');

const ADMIN = { email: 'admin@demo.passerelle.example', password: 'passerelle-demo' };
const DEMO_PASSWORD = 'passerelle-demo';
// Accounts no other spec uses (grep e2e/tests before adding one).
const ACCOUNT = {
  javascript: 'wrc@demo.passerelle.example',
  'no-javascript': 'tutrice@demo.passerelle.example',
};
const PHONE = { width: 360, height: 740 };
const MAX_FAILURES = 5;
const MAX_RESETS = 3;

// What each language shows; the first language of a run is French with JavaScript and English
// without, and each page is then seen in the other language too.
const UI = {
  fr: {
    locale: 'fr-FR',
    switchTo: 'English',
    email: 'Adresse e-mail',
    password: /^Mot de passe/,
    loginButton: 'Se connecter',
    loginFailed: 'Adresse e-mail ou mot de passe incorrect.',
    locked: /^Trop de tentatives de connexion ont échoué\. .*nous vous avons envoyé par e-mail un lien qui le débloque.* réessayez dans \d+ minutes? ou réinitialisez votre mot de passe\./,
    unlockTitle: 'Débloquer votre compte',
    unlockButton: 'Débloquer mon compte',
    unlocked: 'Votre compte est débloqué : vous pouvez vous connecter.',
    deadTitle: 'Lien de déblocage inutilisable',
    deadText: /Ce lien a déjà servi ou a expiré/,
    account: /Mon compte/,
    logout: 'Se déconnecter',
    forgotButton: 'Envoyer le lien',
    forgotTitle: 'Mot de passe oublié',
    forgotSent: /Si un compte existe pour .+, un lien de réinitialisation vient d'y être envoyé/,
    forgotLimited: /^Trop de demandes de réinitialisation pour cette adresse ou depuis cette connexion\..* réessayez dans \d+ minutes?\./,
    skip: 'Aller au contenu',
  },
  en: {
    // A regional tag alone names its language too (it fell back to French before).
    locale: 'en-GB',
    switchTo: 'Français',
    email: 'E-mail address',
    password: /^Password/,
    loginButton: 'Log in',
    loginFailed: 'Wrong e-mail address or password.',
    locked: /^Too many failed login attempts\. .*we have e-mailed you a link that unlocks it.* try again in \d+ minutes? or reset your password\./,
    unlockTitle: 'Unlock your account',
    unlockButton: 'Unlock my account',
    unlocked: 'Your account is unlocked: you can log in now.',
    deadTitle: 'This unlock link cannot be used',
    deadText: /This link has already been used or has expired/,
    account: /My account/,
    logout: 'Log out',
    forgotButton: 'Send the link',
    forgotTitle: 'Forgotten password',
    forgotSent: /If an account exists for .+, we have just sent it a reset link/,
    forgotLimited: /^Too many reset requests for this address or from this connection\..* try again in \d+ minutes?\./,
    skip: 'Skip to content',
  },
};
const UNLOCK_SUBJECT = /La connexion à votre compte Passerelle est suspendue|Logging in to your Passerelle account is paused/;

test.use({ viewport: PHONE });

function languages(testInfo) {
  return testInfo.project.use.javaScriptEnabled ? ['fr', 'en'] : ['en', 'fr'];
}

/** axe, plus: nothing scrolls sideways at 360 px, and the page is in the expected language. */
async function checkPage(page, testInfo, lang) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} scrolls sideways at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width + 1);
  await checkA11y(page, testInfo);
}

/** Switches the language with the header's button; the same page comes back in `to`. */
async function switchLanguage(page, from, to) {
  await page.getByRole('button', { name: UI[from].switchTo }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** Submits a form with its button and returns the status of the POST it sent. */
async function submit(page, button) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    button.click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** The banner (role=alert) must sit right above the form it is about, within the screen. */
async function expectBannerNextToForm(page, banner, field) {
  const b = await banner.boundingBox();
  const f = await field.boundingBox();
  expect(b, 'the banner is displayed').not.toBeNull();
  expect(b.x + b.width, 'the banner fits the screen').toBeLessThanOrEqual(PHONE.width + 1);
  expect(b.y, 'the banner comes before the field').toBeLessThan(f.y);
  // Within about one screen's third: read together with the field, not at the other end.
  expect(f.y - (b.y + b.height), 'the banner is right above the field').toBeLessThan(PHONE.height / 3);
}

/** On a phone the site menu is folded: open it as a person would, by its "Menu" control. */
async function openMenu(page) {
  await page.locator('.menu > summary').click();
}

/** The demo administrator's outbox stands in for the owner's mailbox. */
async function adminPage(browser, testInfo) {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: PHONE,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel(UI.fr.email).fill(ADMIN.email);
  await page.getByLabel(UI.fr.password).fill(ADMIN.password);
  await page.getByRole('button', { name: UI.fr.loginButton }).click();
  await openMenu(page);
  await expect(page.getByRole('link', { name: /Mon compte|My account/ })).toBeVisible();
  return page;
}

test('a locked account is refused even the right password until its owner follows the one e-mailed link', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const email = ACCOUNT[testInfo.project.name];
  const [first, second] = languages(testInfo);
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: PHONE,
    locale: UI[first].locale,
  });
  const page = await context.newPage();

  // The browser's language is honoured before anyone chooses one.
  await page.goto('/login');
  await checkPage(page, testInfo, first);

  // Five wrong passwords: each is refused next to the password field, the address is kept.
  let t = UI[first];
  for (let i = 1; i <= MAX_FAILURES; i++) {
    await page.getByLabel(t.email).fill(email);
    await page.getByLabel(t.password).fill(`pas le bon mot de passe ${i}`);
    const r = await submit(page, page.getByRole('button', { name: t.loginButton }));
    expect(r.status(), `wrong password ${i}`).toBe(422);
    await expect(page.locator('#password-error')).toHaveText(t.loginFailed);
    await expect(page.getByLabel(t.email)).toHaveValue(email);
    if (i === 1) await checkPage(page, testInfo, first);
  }

  // Then even the right password is refused, with a message saying why and for how long.
  await page.getByLabel(t.password).fill(DEMO_PASSWORD);
  let r = await submit(page, page.getByRole('button', { name: t.loginButton }));
  expect(r.status(), 'the right password, locked').toBe(429);
  expect(Number(r.headers()['retry-after']), 'Retry-After').toBeGreaterThan(0);
  let banner = page.getByRole('alert');
  await expect(banner).toHaveText(t.locked);
  await expect(page.getByLabel(t.email)).toHaveValue(email);
  await expect(page.getByLabel(t.password)).toHaveValue('');
  await expectBannerNextToForm(page, banner, page.getByLabel(t.email));
  await checkPage(page, testInfo, first);

  // In the other language, the same refusal (the address is still locked).
  await switchLanguage(page, first, second);
  t = UI[second];
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(DEMO_PASSWORD);
  r = await submit(page, page.getByRole('button', { name: t.loginButton }));
  expect(r.status(), 'the right password, still locked').toBe(429);
  banner = page.getByRole('alert');
  await expect(banner).toHaveText(t.locked);
  await expect(page.getByLabel(t.email)).toHaveValue(email);
  await expectBannerNextToForm(page, banner, page.getByLabel(t.email));
  await checkPage(page, testInfo, second);

  // The owner was e-mailed once, not once per refusal; the administrator reads it.
  const admin = await adminPage(browser, testInfo);
  r = await admin.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  expect(r.status()).toBe(200);
  await checkPage(admin, testInfo, await admin.locator('html').getAttribute('lang'));
  const unlockMails = admin.locator('table tbody tr').filter({ hasText: UNLOCK_SUBJECT });
  await expect(unlockMails).toHaveCount(1);
  await unlockMails.getByRole('link').click();
  await checkPage(admin, testInfo, await admin.locator('html').getAttribute('lang'));
  const links = admin.locator('.mail-links a');
  await expect(links).toHaveCount(1);
  const link = new URL(await links.first().getAttribute('href')).pathname;
  expect(link).toMatch(/^\/login\/unlock\/[^/]+$/);
  await admin.context().close();

  // The link opens a page with one button; opening it changes nothing yet.
  r = await page.goto(link);
  expect(r.status(), 'the unlock page').toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.unlockTitle);
  await expect(page.locator('main').getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('button', { name: t.unlockButton })).toBeVisible();
  await checkPage(page, testInfo, second);
  await switchLanguage(page, second, first);
  t = UI[first];
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.unlockTitle);
  await checkPage(page, testInfo, first);

  // The keyboard: the skip link first, then the button is the next stop; Enter presses it.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: t.skip })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const button = page.getByRole('button', { name: t.unlockButton });
  await expect(button).toBeFocused();
  const outline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline, 'the focused button shows its focus').not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login\?notice=unlocked$/);
  await expect(page.getByRole('status')).toHaveText(t.unlocked);
  await checkPage(page, testInfo, first);
  await switchLanguage(page, first, second);
  await expect(page).toHaveURL(/\/login\?notice=unlocked$/);
  await expect(page.getByRole('status')).toHaveText(UI[second].unlocked);
  await checkPage(page, testInfo, second);

  // The right password works again.
  t = UI[second];
  await page.getByLabel(t.email).fill(email);
  await page.getByLabel(t.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t.loginButton }).click();
  await openMenu(page);
  await expect(page.getByRole('link', { name: /Mon compte|My account/ })).toBeVisible();
  // The demo accounts are French: once signed in, the account's language wins.
  const signedInLang = await page.locator('html').getAttribute('lang');
  if (signedInLang !== second) {
    testInfo.annotations.push({
      type: 'observation',
      description: `chose ${second} before logging in, the page after login is in ${signedInLang} (the account's language)`,
    });
  }
  await page.getByRole('button', { name: UI[signedInLang].logout }).click();
  await expect(page).toHaveURL(/\/login\?notice=logged-out/);

  // Single use: the link now says it cannot be used, in both languages.
  const lang = await page.locator('html').getAttribute('lang');
  const other = lang === 'fr' ? 'en' : 'fr';
  r = await page.goto(link);
  expect(r.status(), 'the used unlock link').toBe(410);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI[lang].deadTitle);
  await expect(page.locator('main')).toContainText(UI[lang].deadText);
  await expect(page.getByRole('button', { name: UI[lang].unlockButton })).toHaveCount(0);
  await checkPage(page, testInfo, lang);
  await switchLanguage(page, lang, other);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(UI[other].deadTitle);
  await expect(page.locator('main')).toContainText(UI[other].deadText);
  await checkPage(page, testInfo, other);
  // The way on is the password reset the text suggests.
  await page.locator('main').getByRole('link', { name: UI[other].forgotTitle }).click();
  await expect(page).toHaveURL(/\/password\/forgot$/);

  await context.close();
});

test('a fourth reset request for one address is refused with a banner above the form', async ({ browser }, testInfo) => {
  const [first, second] = languages(testInfo);
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: PHONE,
    locale: UI[first].locale,
  });
  const page = await context.newPage();
  // No account has this address: the answers are the same as for one that has.
  const email = `personne-${testInfo.project.name}-${Date.now()}@example.org`;

  let t = UI[first];
  for (let i = 1; i <= MAX_RESETS; i++) {
    await page.goto('/password/forgot');
    if (i === 1) await checkPage(page, testInfo, first);
    await page.getByLabel(t.email).fill(email);
    const r = await submit(page, page.getByRole('button', { name: t.forgotButton }));
    expect(r.status(), `reset request ${i}`).toBe(200);
    await expect(page.getByRole('status')).toHaveText(t.forgotSent);
    if (i === 1) await checkPage(page, testInfo, first);
  }

  await page.goto('/password/forgot');
  await page.getByLabel(t.email).fill(email);
  let r = await submit(page, page.getByRole('button', { name: t.forgotButton }));
  expect(r.status(), 'the fourth reset request').toBe(429);
  expect(Number(r.headers()['retry-after']), 'Retry-After').toBeGreaterThan(0);
  let banner = page.getByRole('alert');
  await expect(banner).toHaveText(t.forgotLimited);
  await expect(page.getByLabel(t.email)).toHaveValue(email);
  await expectBannerNextToForm(page, banner, page.getByLabel(t.email));
  await checkPage(page, testInfo, first);

  // The same refusal in the other language.
  await switchLanguage(page, first, second);
  t = UI[second];
  await page.getByLabel(t.email).fill(email);
  r = await submit(page, page.getByRole('button', { name: t.forgotButton }));
  expect(r.status(), 'the fifth reset request').toBe(429);
  banner = page.getByRole('alert');
  await expect(banner).toHaveText(t.forgotLimited);
  await expect(page.getByLabel(t.email)).toHaveValue(email);
  await expectBannerNextToForm(page, banner, page.getByLabel(t.email));
  await checkPage(page, testInfo, second);

  await context.close();
});
