// The accessibility check every spec runs on the pages it visits: axe-core with the WCAG 2.1
// A and AA tags, in the JavaScript project (axe runs in the page), failing on any violation.
const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;

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

module.exports = { checkA11y };
