// Every download of the application, in the real browser (issue 18, item 6: streamed downloads
// broke under gzip). For each one, a user allowed to download it finds the link where it is
// offered and clicks it; Chromium asks for `gzip, deflate, br, zstd` itself, so this is the
// compressed path: the download must not fail, the response must really be compressed, and
// the saved file is read back by its type (CSV, JSON, PDF with pdftotext, XLSX/DOCX unzipped,
// Markdown, iCalendar). The same URL fetched uncompressed (`accept-encoding: identity`) must
// answer 200 without `content-encoding` and with the same bytes (or, for documents that carry a
// generation time, the same text). The Atom feeds are shown by the browser rather than saved:
// their navigation response is read instead. Files the tests upload (a sheet's, a logbook
// note's) must come back byte for byte, and an answer starting with "=" must be defused in CSV
// and kept exact in JSON.
//
// Routes covered (see the route registrations in crates/web/src/*/mod.rs):
//   /questionnaires/{id}/export.csv (codes and ?labels=1), export.xlsx, export.json, xlsform.xlsx
//   /sheets/export.csv, /sheets/export.xlsx (whole catalogue and a filtered selection)
//   /sheets/{id}/sheet.pdf, sheet.docx, sheet.md, sheet.json, /sheets/{id}/files/{file}
//   /syntheses/{id}/synthesis.pdf, synthesis.docx, synthesis.md, synthesis.json
//   /agreements/{id}/agreement.pdf, /agreements/{id}/calendar.ics
//   /attachments/{id} (an output's file, public and on the capitalisation page; a logbook file)
//   /programmes/{slug}/dashboard/export (every table, CSV and XLSX)
//   /programmes/{slug}/feed.atom, /offers/feed.atom
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const { execFileSync } = require('child_process');
const { parse: parseCsv } = require('csv-parse/sync');
const ExcelJS = require('exceljs');
const JSZip = require('jszip');

const PASSWORD = 'passerelle-demo';
const demo = (name) => `${name}@demo.passerelle.example`;

async function login(page, email) {
  await page.goto('/login');
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel(/^Mot de passe/).fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('link', { name: /Mon compte/ })).toBeVisible();
}

/** A page in a browser context of its own, signed in as `email` (anonymous when omitted). */
async function open(browser, testInfo, email) {
  const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled });
  const page = await context.newPage();
  if (email) await login(page, email);
  return page;
}

// ---- Reading files back ----

/** A ZIP archive (XLSX, DOCX), its CRC-32s checked. */
const unzip = (buf) => JSZip.loadAsync(buf, { checkCRC32: true });

/** The text of `name` in the archive `zip`, undefined when it has no such entry. */
async function entryText(zip, name) {
  const entry = zip.file(name);
  return entry ? entry.async('string') : undefined;
}

const utf8 = (bytes) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
const squash = (text) => text.replace(/\s+/g, ' ');

function pdfText(file) {
  return squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8'));
}

/**
 * Reads a saved file back by its type, checks it and returns what a test may look at further:
 * rows for CSV, the value for JSON, the text for PDF, Markdown, iCalendar and Atom, the
 * archive (a JSZip) for XLSX and DOCX. `expected`: text the document must hold.
 */
async function readBack(kind, bytes, file, expected) {
  const label = `${kind} ${file}`;
  switch (kind) {
    case 'csv':
    case 'csv-excel-fr': {
      const text = utf8(bytes);
      // RFC 4180, strictly: a quote left open or a row wider or narrower than the header throws.
      // Excel's French dialect separates with semicolons.
      const delimiter = kind === 'csv' ? ',' : ';';
      const rows = parseCsv(text, { bom: true, relax_column_count: false, delimiter });
      expect(rows.length, `${label}: a header row and more`).toBeGreaterThan(1);
      expect(rows[0].every((h) => h.trim() !== ''), `${label}: header row ${rows[0]}`).toBe(true);
      const formulas = rows.flat().filter((c) => c.startsWith('='));
      expect(formulas, `${label}: no cell may start with "="`).toEqual([]);
      if (expected) expect(text).toContain(expected);
      return rows;
    }
    case 'json': {
      const value = JSON.parse(utf8(bytes));
      if (expected) expect(JSON.stringify(value)).toContain(expected);
      return value;
    }
    case 'pdf': {
      expect(bytes.subarray(0, 5).toString('latin1'), label).toBe('%PDF-');
      const text = pdfText(file);
      if (expected) expect(text, label).toContain(expected);
      return text;
    }
    case 'xlsx':
    case 'docx': {
      expect(bytes.subarray(0, 2).toString('latin1'), label).toBe('PK');
      const zip = await unzip(bytes);
      expect(zip.file('[Content_Types].xml'), `${label}: [Content_Types].xml`).toBeTruthy();
      if (kind === 'xlsx') {
        expect(zip.file('xl/workbook.xml'), `${label}: xl/workbook.xml`).toBeTruthy();
        const sheets = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
        expect(sheets.length, `${label}: a worksheet`).toBeGreaterThan(0);
      } else {
        const doc = await entryText(zip, 'word/document.xml');
        expect(doc, `${label}: word/document.xml`).toBeTruthy();
        const text = doc.replace(/<[^>]+>/g, '');
        if (expected) expect(text, label).toContain(expected);
      }
      return zip;
    }
    case 'md': {
      const text = utf8(bytes);
      expect(text, `${label}: a heading`).toMatch(/^#{1,6} \S/m);
      if (expected) expect(squash(text)).toContain(expected);
      return text;
    }
    case 'ics': {
      const text = utf8(bytes);
      expect(text.startsWith('BEGIN:VCALENDAR'), label).toBe(true);
      expect(text).toContain('BEGIN:VEVENT');
      expect(text.trimEnd().endsWith('END:VCALENDAR'), label).toBe(true);
      // Long lines are folded (RFC 5545 §3.1): unfold before looking for text.
      if (expected) expect(text.replace(/\r?\n[ \t]/g, '')).toContain(expected);
      return text;
    }
    case 'atom': {
      const text = utf8(bytes);
      expect(text, label).toContain('<feed');
      expect(text.trimEnd().endsWith('</feed>'), label).toBe(true);
      if (expected) expect(text).toContain(expected);
      return text;
    }
    case 'file': {
      if (expected) expect(bytes.equals(expected), label).toBe(true);
      return bytes;
    }
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

/** `a` and `b` are the same text; on failure, says where they part rather than printing both. */
function expectSameText(a, b, what) {
  if (a === b) return;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  const around = (t) => JSON.stringify(t.slice(Math.max(0, i - 40), i + 40));
  expect(a === b, `${what} differ at character ${i} (of ${a.length} and ${b.length}): ${around(a)} / ${around(b)}`).toBe(true);
}

/** `a` and `b` are the same document: the same bytes or, for a document that records when it
 * was made (PDF; DOCX: the footer's time and the paragraph and bookmark numbers; XLSX: the
 * creation time; iCalendar: DTSTAMP), the same text and about the same length. */
async function expectSame(kind, a, b, fileA, fileB, url) {
  if (a.equals(b)) return;
  if (kind === 'pdf') {
    expect(Math.abs(a.length - b.length), `${url}: PDF lengths`).toBeLessThan(64);
    expectSameText(pdfText(fileA), pdfText(fileB), `${url}: PDF texts`);
  } else if (kind === 'docx') {
    const text = async (buf) => (await entryText(await unzip(buf), 'word/document.xml'))
      .replace(/<[^>]+>/g, '').replace(/_Toc[0-9a-f]+/g, '_Toc');
    expect(Math.abs(a.length - b.length), `${url}: DOCX lengths`).toBeLessThan(64);
    expectSameText(await text(a), await text(b), `${url}: DOCX texts`);
  } else if (kind === 'xlsx') {
    // Every part the same, but for the creation time in docProps/core.xml.
    const parts = async (buf) => {
      const zip = await unzip(buf);
      const all = await Promise.all(Object.values(zip.files).map(async (entry) => `${entry.name}\n${(await entry.async('string'))
        .replace(/(<dcterms:(created|modified)[^>]*>)[^<]*/g, '$1')}`));
      return all.join('\n');
    };
    expect(Math.abs(a.length - b.length), `${url}: XLSX lengths`).toBeLessThan(16);
    expectSameText(await parts(a), await parts(b), `${url}: XLSX parts`);
  } else if (kind === 'ics') {
    const undated = (buf) => utf8(buf).replace(/^DTSTAMP:.*$/m, '');
    expectSameText(undated(a), undated(b), `${url}: calendars`);
  } else {
    expect(a.length, `${url}: lengths`).toBe(b.length);
    expect(a.equals(b), `${url}: bytes`).toBe(true);
  }
}

/** Checks a compressed response: asked for with gzip, 200 and, for a body worth compressing,
 * compressed. `response`: a browser `Response` or an `APIResponse` of `page.request`. */
async function expectCompressed(response, size, url) {
  expect(response.status(), url).toBe(200);
  if (typeof response.request === 'function') {
    const asked = (await response.request().allHeaders())['accept-encoding'] || '';
    expect(asked, `${url}: compression asked for`).toMatch(/gzip/);
  }
  if (size > 1024) {
    expect(response.headers()['content-encoding'], `${url}: compressed`).toMatch(/^(gzip|br|deflate|zstd)$/);
  }
}

/** `body` saved beside the test's other output, for pdftotext. */
function save(testInfo, name, body) {
  const file = testInfo.outputPath(`${Date.now()}-${Math.random().toString(36).slice(2, 8)}-${name}`);
  fs.writeFileSync(file, body);
  return file;
}

/** The same URL without compression: 200, no content-encoding; its body is saved beside. */
async function fetchUncompressed(page, testInfo, url, name) {
  const plain = await page.request.get(url, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.status(), `${url} (identity)`).toBe(200);
  expect(plain.headers()['content-encoding'], `${url} (identity): content-encoding`).toBeUndefined();
  const body = await plain.body();
  return { body, file: save(testInfo, `identity-${name}`, body) };
}

/**
 * Clicks `link`, waits for the download, reads the saved file back as `kind`, and compares it
 * with the same URL fetched uncompressed. Returns what `readBack` returned (`read`), the saved
 * bytes and the saved file.
 *
 * Chromium reports the response of a link that turns into a download, but not of a link with
 * the `download` attribute: its download manager fetches that one itself (asking for gzip too,
 * the saved file is then the browser's decoding of it), unseen by Playwright. Whether the server
 * compresses it is then checked on a fetch that asks for `gzip, deflate, br` in the same context.
 */
async function download(page, testInfo, link, kind, expected) {
  await expect(link).toBeVisible();
  const url = new URL(await link.getAttribute('href'), page.url()).href;
  const seen = [];
  const listener = (r) => { if (r.url() === url) seen.push(r); };
  page.on('response', listener);
  const [saved] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const failure = await saved.failure();
  page.off('response', listener);
  expect(failure, `${url}: download failure`).toBeNull();
  const file = await saved.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.length, `${url}: saved file size`).toBeGreaterThan(0);
  const read = await readBack(kind, bytes, file, expected);
  if (seen.length) {
    await expectCompressed(seen[0], bytes.length, url);
  } else {
    const gzipped = await page.request.get(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    await expectCompressed(gzipped, bytes.length, url);
    const body = await gzipped.body();
    await expectSame(kind, bytes, body, file, save(testInfo, `gzip-${saved.suggestedFilename()}`, body), url);
  }
  const plain = await fetchUncompressed(page, testInfo, url, saved.suggestedFilename());
  await readBack(kind, plain.body, plain.file, expected);
  await expectSame(kind, bytes, plain.body, file, plain.file, url);
  return { read, bytes, file };
}

/** An Atom feed: the browser shows it rather than saving it, so its navigation response is read. */
async function feed(page, testInfo, link, expected) {
  await expect(link).toBeVisible();
  const url = new URL(await link.getAttribute('href'), page.url()).href;
  const [response] = await Promise.all([page.waitForResponse((r) => r.url() === url), link.click()]);
  const bytes = await response.body();
  expect(bytes.length, url).toBeGreaterThan(0);
  await expectCompressed(response, bytes.length, url);
  expect(response.headers()['content-type'], url).toMatch(/^application\/atom\+xml/);
  await readBack('atom', bytes, url, expected);
  const plain = await fetchUncompressed(page, testInfo, url, 'feed.atom');
  await readBack('atom', plain.body, url, expected);
  await expectSame('atom', bytes, plain.body, null, null, url);
  await page.goBack();
}


/** A small valid PDF of `lines` of ASCII text, for uploads that pdftotext can read back. */
function makePdf(lines) {
  const stream = `BT /F1 11 Tf 14 TL 56 780 Td ${lines.map((l) => `(${l}) Tj T*`).join(' ')} ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The body of an XLSX worksheet as rows of values (ExcelJS numbers its cells from 1). */
async function worksheet(bytes, name) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = name ? book.getWorksheet(name) : book.worksheets[0];
  expect(sheet, `worksheet ${name || '1'}`).toBeTruthy();
  const rows = [];
  sheet.eachRow((row) => rows.push(row.values.slice(1)));
  return rows;
}

test('questionnaires: the XLSForm, the census answers as CSV (codes, labels), XLSX and JSON, an answer that looks like a formula', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await open(browser, testInfo, demo('coordination'));
  await page.getByRole('link', { name: 'Questionnaires', exact: true }).click();
  await page.getByRole('link', { name: 'Pratiques émergentes du travail social' }).first().click();

  // The XLSForm export, on the questionnaire's page.
  const form = await download(page, testInfo, page.getByRole('link', { name: 'Exporter en XLSForm' }), 'xlsx');
  const survey = await worksheet(form.bytes, 'survey');
  expect(survey[0]).toEqual(expect.arrayContaining(['type', 'name']));
  expect(survey.length).toBeGreaterThan(10);
  expect(survey.map((r) => r[survey[0].indexOf('name')])).toContain('practice_title');

  // The answers, on the results page: every format holds every submitted answer.
  await page.getByRole('link', { name: 'Résultats' }).click();
  const count = page.getByText(/^\d+ réponses envoyées$/);
  await expect(count).toBeVisible();
  const submitted = Number((await count.textContent()).match(/\d+/)[0]);
  expect(submitted).toBeGreaterThanOrEqual(320);

  const { read: codes } = await download(page, testInfo, page.getByRole('link', { name: 'CSV (codes)' }), 'csv', 'Médiateurs pairs');
  expect(codes[0][0]).toBe('response_id');
  expect(codes[0]).toContain('practice_title');
  expect(codes.length - 1).toBe(submitted);
  const ids = codes.slice(1).map((r) => r[0]);

  const { read: labels } = await download(page, testInfo, page.getByRole('link', { name: 'CSV (libellés)' }), 'csv', 'Médiateurs pairs');
  expect(labels.length - 1).toBe(submitted);
  expect(labels.slice(1).map((r) => r[0])).toEqual(ids);
  expect(labels[1]).not.toEqual(codes[1]);

  const xlsx = await download(page, testInfo, page.getByRole('link', { name: 'XLSX', exact: true }), 'xlsx');
  const answers = await worksheet(xlsx.bytes, 'answers');
  expect(answers[0][0]).toBe('response_id');
  expect(answers.length - 1).toBe(submitted);
  expect(answers.slice(1).map((r) => r[0])).toEqual(ids);

  const { read: excel } = await download(page, testInfo, page.getByRole('link', { name: 'CSV pour Excel en français (points-virgules)' }), 'csv-excel-fr', 'Médiateurs pairs');
  expect(excel[0]).toEqual(codes[0]);
  expect(excel.slice(1).map((r) => r[0])).toEqual(ids);

  const { read: json } = await download(page, testInfo, page.getByRole('link', { name: 'JSON', exact: true }), 'json', 'Médiateurs pairs');
  expect(json.questionnaire.questions.map((q) => q.name)).toContain('practice_title');
  expect(Array.isArray(json.responses)).toBe(true);
  expect(json.responses.length).toBe(submitted);
  expect(json.responses.map((r) => r.id)).toEqual(ids);
  expect(json.responses.every((r) => r.status === 'complete')).toBe(true);

  // An answer a spreadsheet would take for a formula: defused in the CSV, kept exact in JSON.
  const formula = '=HYPERLINK("http://example.org/x","clic")';
  await page.getByRole('link', { name: 'Questionnaires', exact: true }).click();
  await page.getByLabel(/^Titre/).fill(`Formules ${testInfo.project.name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Créer le questionnaire' }).click();
  await page.getByLabel('Type de la nouvelle question').selectOption('long_text');
  await page.getByRole('button', { name: 'Ajouter une question' }).click();
  await page.getByLabel('Nom de variable').fill('avis');
  await page.locator('#label-fr').fill('Votre avis');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.notice')).toContainText('Modifications enregistrées');
  await page.getByRole('button', { name: 'Publier' }).click();
  await expect(page.locator('.status').first()).toHaveText('Ouvert');
  const answerAt = new URL(await page.locator('a[href*="/q/"]').first().getAttribute('href')).pathname;
  const respondent = await open(browser, testInfo);
  await respondent.goto(answerAt);
  await respondent.getByRole('button', { name: 'Commencer' }).click();
  await respondent.getByLabel('Votre avis').fill(formula);
  await respondent.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await expect(respondent.getByRole('heading', { level: 1 })).toHaveText('Merci !');
  await respondent.context().close();
  await page.getByRole('link', { name: 'Résultats' }).click();
  await expect(page.getByText('1 réponse envoyée')).toBeVisible();
  const small = (await download(page, testInfo, page.getByRole('link', { name: 'CSV (codes)' }), 'csv')).read;
  expect(small.length).toBe(2);
  expect(small[1][small[0].indexOf('avis')]).toBe(`'${formula}`);
  const exact = (await download(page, testInfo, page.getByRole('link', { name: 'JSON', exact: true }), 'json')).read;
  expect(exact.responses[0].answers.avis).toBe(formula);
  await page.context().close();
});

test('practice sheets: the catalogue and a selection as CSV and XLSX, a sheet as PDF, DOCX, Markdown and JSON, a file attached to a sheet', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const page = await open(browser, testInfo, demo('membre'));
  await page.getByRole('link', { name: 'Fiches pratiques' }).first().click();
  const total = Number((await page.locator('#hits-title').textContent()).match(/\d+/)[0]);
  expect(total).toBeGreaterThanOrEqual(12);

  // The whole catalogue.
  const csv = (await download(page, testInfo, page.getByRole('link', { name: 'Exporter la sélection (CSV)' }), 'csv',
    'Conférences familiales en protection')).read;
  expect(csv[0][0]).toBe('Identifiant');
  expect(csv.length - 1).toBe(total);
  const xlsx = await download(page, testInfo, page.getByRole('link', { name: 'Exporter la sélection (XLSX)' }), 'xlsx');
  const rows = await worksheet(xlsx.bytes);
  expect(rows.length - 1).toBe(total);
  expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(csv.slice(1).map((r) => r[0]).sort());

  // A selection: the export follows the filters.
  await page.getByRole('group', { name: 'Langue' }).getByLabel(/Anglais/).check();
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^1 fiche/ })).toBeVisible();
  const english = (await download(page, testInfo, page.getByRole('link', { name: 'Exporter la sélection (CSV)' }), 'csv', 'Iloilo')).read;
  expect(english.length).toBe(2);
  const englishXlsx = await download(page, testInfo, page.getByRole('link', { name: 'Exporter la sélection (XLSX)' }), 'xlsx');
  expect((await worksheet(englishXlsx.bytes)).length).toBe(2);

  // One sheet, in every format.
  await page.getByRole('link', { name: 'Fiches pratiques' }).first().click();
  await page.getByRole('link', { name: "Conférences familiales en protection de l'enfance", exact: true }).click();
  const sheetId = new URL(page.url()).pathname.split('/')[2];
  const pdf = await download(page, testInfo, page.getByRole('link', { name: 'PDF', exact: true }), 'pdf', 'Conférences familiales');
  expect(pdf.bytes.length).toBeGreaterThan(5000);
  await download(page, testInfo, page.getByRole('link', { name: 'DOCX', exact: true }), 'docx', 'Conférences familiales');
  const md = (await download(page, testInfo, page.getByRole('link', { name: 'Markdown', exact: true }), 'md')).read;
  expect(md).toMatch(/^# Conférences familiales en protection de l/);
  const json = (await download(page, testInfo, page.getByRole('link', { name: 'JSON', exact: true }), 'json', 'Conférences familiales')).read;
  expect(json.id).toBe(sheetId);

  // A file attached to a sheet: the contributor attaches a PDF to a new sheet and downloads it.
  await page.getByRole('link', { name: 'Fiches pratiques' }).first().click();
  await page.getByRole('link', { name: 'Mes fiches' }).click();
  await page.getByLabel(/^Type/).selectOption('emerging_practice');
  await page.getByLabel(/^Titre/).fill(`Pièces jointes ${testInfo.project.name} ${Date.now()}`);
  await page.getByRole('button', { name: 'Créer la fiche' }).click();
  await expect(page.locator('.notice')).toContainText('Fiche créée');
  const upload = makePdf(Array.from({ length: 40 }, (_, i) => `Grille entretien, ligne ${i + 1} : ce que la famille attend.`));
  // The section's heading and the file input share the id "files", so the label does not name
  // the input: found by its section instead.
  await page.getByRole('region', { name: 'Pièces jointes' }).locator('input[type="file"]').setInputFiles({ name: 'grille-entretien.pdf', mimeType: 'application/pdf', buffer: upload });
  await page.getByRole('button', { name: 'Joindre', exact: true }).click();
  await expect(page.locator('.notice')).toContainText('Fichiers joints');
  const attached = await download(page, testInfo, page.getByRole('link', { name: 'grille-entretien.pdf' }), 'pdf', 'Grille entretien, ligne 40 ');
  expect(attached.bytes.equals(upload), 'the attached file comes back as uploaded').toBe(true);
  await page.context().close();
});

test('syntheses: the demo synthesis as PDF, DOCX, Markdown and JSON', async ({ browser }, testInfo) => {
  const page = await open(browser, testInfo);
  await page.goto('/sheets');
  await page.getByRole('link', { name: 'Synthèses', exact: true }).click();
  await page.getByRole('link', { name: /lignes de force des quatre thèmes prioritaires/ }).click();
  const synthesisId = new URL(page.url()).pathname.split('/')[2];
  await download(page, testInfo, page.getByRole('link', { name: 'PDF', exact: true }), 'pdf', 'lignes de force');
  await download(page, testInfo, page.getByRole('link', { name: 'DOCX', exact: true }), 'docx', 'lignes de force');
  const md = (await download(page, testInfo, page.getByRole('link', { name: 'Markdown', exact: true }), 'md')).read;
  expect(md).toMatch(/^# Pratiques émergentes : lignes de force/);
  const json = (await download(page, testInfo, page.getByRole('link', { name: 'JSON', exact: true }), 'json', 'lignes de force')).read;
  expect(json.id).toBe(synthesisId);
  await page.context().close();
});

test('agreements: the PDF, the calendar, an output file on the capitalisation page, a logbook file', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // Jean-Paul, back from his week at Kogl Taaba.
  const page = await open(browser, testInfo, demo('batoto'));
  await page.getByRole('link', { name: 'Conventions', exact: true }).click();
  await page.getByRole('link', { name: 'Immersion à la Maison des Familles de Ouagadougou' }).click();
  await download(page, testInfo, page.getByRole('link', { name: 'Télécharger la convention (PDF)' }), 'pdf', 'Kogl Taaba');
  await download(page, testInfo, page.getByRole('link', { name: /Ajouter le calendrier à mon agenda/ }), 'ics',
    'SUMMARY:Immersion : Immersion à la Maison des Familles de Ouagadougou');
  await page.getByRole('link', { name: 'Capitalisation' }).click();
  const guide = (await download(page, testInfo, page.getByRole('link', { name: 'inviter-les-peres.md' }), 'md')).read;
  expect(guide).toMatch(/^# Inviter les pères aux ateliers\n/);
  await page.context().close();

  // Maricel, in immersion in Phnom Penh, attaches a file to a logbook note.
  const maricel = await open(browser, testInfo, demo('cameleon'));
  await maricel.getByRole('link', { name: 'Conventions', exact: true }).click();
  await maricel.getByRole('link', { name: 'Cross-immersion at the Phnom Penh House of Families' }).click();
  await maricel.getByRole('link', { name: 'Journal de bord' }).click();
  const name = `notes-${testInfo.project.name}-${Date.now()}.pdf`;
  const upload = makePdf(Array.from({ length: 40 }, (_, i) => `Home visit with the volunteer mother, note ${i + 1}.`));
  await maricel.getByLabel(/^Titre/).fill('Home visits, first week');
  await maricel.getByLabel('Note', { exact: true }).fill('Two home visits with a volunteer mother.');
  await maricel.getByRole('button', { name: 'Fichiers joints' }).setInputFiles({ name, mimeType: 'application/pdf', buffer: upload });
  await maricel.getByRole('button', { name: 'Enregistrer la note' }).click();
  await expect(maricel.getByRole('status')).toContainText('La note a été enregistrée');
  const attached = await download(maricel, testInfo, maricel.getByRole('link', { name }), 'pdf', 'volunteer mother, note 40');
  expect(attached.bytes.equals(upload), 'the logbook file comes back as uploaded').toBe(true);
  await maricel.context().close();
});

test('programmes: a public output file, the programme and catalogue feeds, every dashboard table as CSV and XLSX, all of them in one workbook', async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  // Anyone: the programme's public output and its feed, the offers' feed.
  const visitor = await open(browser, testInfo);
  await visitor.goto('/');
  await visitor.getByRole('link', { name: 'Programmes', exact: true }).first().click();
  await visitor.getByRole('link', { name: /Maisons des Familles/ }).first().click();
  const guide = (await download(visitor, testInfo, visitor.getByRole('link', { name: /Télécharger : Fiche : inviter les pères par les pairs/ }), 'md')).read;
  expect(guide).toMatch(/^# Inviter les pères aux ateliers\n/);
  await feed(visitor, testInfo, visitor.getByRole('link', { name: 'Flux Atom de cette liste' }), 'Maisons des Familles');
  await visitor.getByRole('link', { name: 'Immersions', exact: true }).first().click();
  await feed(visitor, testInfo, visitor.getByRole('link', { name: 'Flux Atom de cette liste' }), '<entry');
  await visitor.context().close();

  // The coordinator: the dashboard, every table in both formats.
  const page = await open(browser, testInfo, demo('coordination'));
  await page.getByRole('link', { name: 'Programmes', exact: true }).first().click();
  await page.getByRole('link', { name: /Maisons des Familles/ }).first().click();
  await page.getByRole('link', { name: 'Tableau de bord' }).click();
  const links = page.locator('main a[href*="/dashboard/export"]');
  const n = await links.count();
  expect(n, 'CSV and XLSX links for the indicators and every chart').toBeGreaterThanOrEqual(4);
  for (let i = 0; i < n; i += 1) {
    const link = links.nth(i);
    const text = (await link.textContent()).trim();
    const href = await link.getAttribute('href');
    if (href.includes('table=all')) {
      // Every table in one workbook, one sheet each, numbers as numbers.
      const got = await download(page, testInfo, link, 'xlsx');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(got.bytes);
      expect(book.worksheets.length, 'one sheet per table').toBeGreaterThanOrEqual(7);
      expect(typeof book.worksheets[0].getRow(2).getCell(2).value, 'the immersions counted, a number').toBe('number');
      continue;
    }
    expect(['CSV', 'XLSX']).toContain(text);
    const got = await download(page, testInfo, link, text.toLowerCase());
    const rows = text === 'CSV' ? got.read : await worksheet(got.bytes);
    expect(rows.length, `${href}: a header and rows`).toBeGreaterThan(1);
  }
  await page.context().close();
});
