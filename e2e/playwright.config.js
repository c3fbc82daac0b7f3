// Browser tests against a Passerelle started by e2e/run (see PASSERELLE_E2E_URL).
// Debian's Chromium, never a downloaded browser; the same flows with and without JavaScript.
const { defineConfig } = require('@playwright/test');

const chromium = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
};

module.exports = defineConfig({
  testDir: './tests',
  timeout: 60_000,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.PASSERELLE_E2E_URL || 'http://127.0.0.1:8181',
    launchOptions: chromium,
    locale: 'fr-FR',
  },
  projects: [
    { name: 'javascript', use: { javaScriptEnabled: true } },
    { name: 'no-javascript', use: { javaScriptEnabled: false } },
  ],
});
