// Signing an agreement without an account, as an association's president meets it: the demo's
// return trip Kogl Taaba → Solidarité Batoto is out for signature, each association signing
// through its president by the link e-mailed to them (read here in the administrator's outbox).
// On a 360 px phone: the link opens the agreement and the signature form; signing without
// confirming the employment conditions is refused next to the checkbox; the keyboard signs; the
// same link then answers 410 with why, and gives the signatory their copy of the agreement. Each project signs for a different association (the
// JavaScript one for the host, the other for the home organisation), so both runs find a link
// nobody used. The participant then sees who has signed. axe-core checks every page visited.
const { test, expect } = require('@playwright/test');
const { checkA11y } = require('./support/axe');

const ADMIN = { email: 'admin@demo.passerelle.example', password: 'passerelle-demo' };
const PHONE = { width: 360, height: 740 };
const SIGNER = {
  javascript: { email: 'presidence.batoto@demo.passerelle.example', name: 'Thérèse Kabongo', lang: 'fr' },
  'no-javascript': { email: 'presidence.kogl@demo.passerelle.example', name: 'Salif Kaboré', lang: 'en' },
};
const UI = {
  fr: {
    locale: 'fr-FR',
    title: "Signer la convention d'immersion",
    confirm: /je confirme les conditions d'emploi/,
    sign: (name) => `Signer en tant que ${name}`,
    refused: "Confirmez les conditions d'emploi pour signer au nom de votre organisation.",
    done: 'Convention signée',
    used: /déjà servi/,
    copy: 'Télécharger la convention (PDF)',
  },
  en: {
    locale: 'en-GB',
    title: 'Sign the immersion agreement',
    confirm: /I confirm the employment conditions/,
    sign: (name) => `Sign as ${name}`,
    refused: 'Confirm the employment conditions to sign for your organisation.',
    done: 'Agreement signed',
    used: /already been used/,
    copy: 'Download the agreement (PDF)',
  },
};

async function checkPage(page, testInfo, lang) {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${page.url()} scrolls sideways at ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width + 1);
  await checkA11y(page, testInfo);
}

async function submit(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    action(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** The signing link e-mailed to `email`, read in the administrator's outbox. */
async function signingLink(browser, testInfo, email) {
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: PHONE,
    locale: 'fr-FR',
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(ADMIN.email);
  await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`);
  const mails = page.locator('table tbody tr').filter({ hasText: /(Convention à signer|Agreement to sign) : Immersion à la Maison des Familles de Kinshasa/ });
  await expect(mails).toHaveCount(1);
  await mails.getByRole('link').click();
  const link = new URL(await page.locator('.mail-links a').first().getAttribute('href')).pathname;
  expect(link).toMatch(/^\/sign\/[^/]+$/);
  await context.close();
  return link;
}

test('an association signs the agreement through the e-mailed link, once, without an account', async ({ browser }, testInfo) => {
  const signer = SIGNER[testInfo.project.name];
  const t = UI[signer.lang];
  const link = await signingLink(browser, testInfo, signer.email);
  const context = await browser.newContext({
    javaScriptEnabled: testInfo.project.use.javaScriptEnabled,
    viewport: PHONE,
    locale: t.locale,
  });
  const page = await context.newPage();

  let r = await page.goto(link);
  expect(r.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.title);
  await expect(page.getByText('Aucune donnée nominative')).toBeVisible();
  await checkPage(page, testInfo, signer.lang);

  // Signing without confirming the employment conditions is refused next to the checkbox.
  const button = page.getByRole('button', { name: t.sign(signer.name) });
  r = await submit(page, () => button.click());
  expect(r.status()).toBe(422);
  await expect(page.locator('#confirm_employment-error')).toHaveText(t.refused);
  await checkPage(page, testInfo, signer.lang);

  // With the keyboard: tick, then sign.
  await page.getByLabel(t.confirm).focus();
  await page.keyboard.press('Space');
  await expect(page.getByLabel(t.confirm)).toBeChecked();
  await page.getByRole('button', { name: t.sign(signer.name) }).focus();
  r = await submit(page, () => page.keyboard.press('Enter'));
  expect(r.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.done);
  await checkPage(page, testInfo, signer.lang);

  // The signatory, who has no account, downloads their copy with the signatures so far.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: t.copy }).click(),
  ]);
  const pdf = require('fs').readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  // The link signs once, and still gives the copy.
  r = await page.goto(link);
  expect(r.status()).toBe(410);
  await expect(page.getByText(t.used)).toBeVisible();
  await expect(page.getByRole('link', { name: t.copy })).toBeVisible();
  await checkPage(page, testInfo, signer.lang);
  await context.close();
});

test('the participant sees who has signed for each party', async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill('org-admin@demo.passerelle.example');
  await page.getByLabel(/^Mot de passe/).fill('passerelle-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.goto('/agreements');
  await page.getByRole('link', { name: 'Immersion à la Maison des Familles de Kinshasa' }).first().click();
  const signatures = page.locator('#signatories + .table-wrap');
  await expect(signatures.getByText('Salif Kaboré, président')).toBeVisible();
  await expect(signatures.getByText('Thérèse Kabongo, présidente')).toBeVisible();
  await expect(page.locator('.status')).toHaveText(/Partiellement signée|Signée/);
  await checkPage(page, testInfo, 'fr');
});
