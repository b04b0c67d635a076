// Every state of the widget at 390 and 1280 px, in the default look and with the GOV.UK theme on
// a page built with govuk-frontend, for looking at before a change is merged (not for the README:
// scripts/readme-screenshot.mjs takes those). Served from the sources by Vite (started here):
//   node scripts/state-screenshots.mjs [out-dir]      (default .scratch/states)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? join(root, '.scratch/states');
mkdirSync(out, { recursive: true });

const server = await createServer({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'error',
  server: { port: 0, open: false },
  plugins: [
    {
      // GOV.UK Frontend's CSS asks for its fonts at /assets/, where a service would copy them.
      name: 'govuk-assets',
      configureServer(vite) {
        vite.middlewares.use((request, _response, next) => {
          if (request.url?.startsWith('/assets/')) request.url = `/node_modules/govuk-frontend/dist/govuk${request.url}`;
          next();
        });
      },
    },
  ],
});
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });

/** A council page around one finder with `attrs`: plain (Arial, as many council sites), or GOV.UK Frontend with the theme. */
function pageHtml(theme, attrs) {
  const govuk = theme === 'govuk';
  return `<!doctype html>
<html lang="en" class="${govuk ? 'govuk-template' : ''}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Case studies</title>
${govuk ? '<link rel="stylesheet" href="/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css"><link rel="stylesheet" href="/src/themes/govuk.css">' : '<style>body { font-family: Arial, sans-serif; margin: 0; } main { max-width: 1100px; margin: 0 auto; padding: 16px; }</style>'}
<script type="module" src="/src/entries/bundle.ts"></script></head>
<body class="${govuk ? 'govuk-template__body' : ''}">
${govuk ? '<div class="govuk-width-container"><main class="govuk-main-wrapper"><h1 class="govuk-heading-xl">Case studies</h1><div class="govuk-grid-row"><div class="govuk-grid-column-full">' : '<main><h1>Case studies</h1>'}
<case-study-finder ${attrs}><a href="/case-studies">Browse all case studies</a></case-study-finder>
${govuk ? '</div></div></main></div>' : '</main>'}
</body></html>`;
}

const SAMPLE = 'src="/data/case-studies.json"';
const NATIONAL = 'src="/data/national-case-studies.json" facets="topics supportTypes organisation"';
const widget = (page) => page.locator('case-study-finder');
const settle = (page) => widget(page).locator('[part~="count"], [part~="error"], [part~="empty"]').first().waitFor();

/** Each state: the finder's attributes, and what a visitor does before the picture. */
const STATES = {
  results: { attrs: SAMPLE },
  chosen: {
    attrs: SAMPLE,
    async act(page, width) {
      if (width < 480) await widget(page).locator('[part~="filters-toggle"]').click();
      await widget(page).locator('[part~="chip"]', { hasText: 'Libraries' }).click();
      if (width < 480) await widget(page).locator('[part~="show-results"]').click();
    },
  },
  narrowed: {
    attrs: NATIONAL,
    async act(page, width) {
      if (width < 480) await widget(page).locator('[part~="filters-toggle"]').click();
      await widget(page).locator('[part~="group-toggle"]').first().click();
      const group = widget(page).locator('[part~="filter-group"]', { hasText: 'Filter by organisation' });
      await group.locator('[part~="group-toggle"]').click();
      await group.locator('[part~="filter-search"]').pressSequentially('north', { delay: 120 });
      await group.locator('[part~="checkbox"]').first().focus();
      await page.keyboard.press('Space');
      await group.locator('[part~="filter-search"]').scrollIntoViewIfNeeded();
    },
  },
  'no-results': {
    attrs: SAMPLE,
    async act(page) {
      await widget(page).locator('[part~="chip"]', { hasText: 'Libraries' }).click({ force: true }).catch(() => {});
      await widget(page).locator('[part~="search-input"]').pressSequentially('qqqzzzxx', { delay: 40 });
    },
  },
  'nothing-to-filter': { attrs: `${SAMPLE} facets="region"` },
  error: { attrs: 'src="/data/missing-feed.json"' },
  loading: { attrs: 'src="/slow/case-studies.json"', loading: true },
  'empty-feed': { attrs: 'src="/data/empty-feed.json"' },
  'phone-panel': {
    attrs: NATIONAL,
    widths: [390],
    async act(page) {
      await widget(page).locator('[part~="filters-toggle"]').click();
      await widget(page).locator('[part~="show-all"]').first().click();
      await widget(page).locator('.groups').evaluate((groups) => groups.scrollTo(0, 600));
    },
  },
  welsh: { attrs: `${SAMPLE} lang="cy"` },
};

try {
  for (const theme of ['default', 'govuk']) {
    for (const [name, state] of Object.entries(STATES)) {
      for (const width of state.widths ?? [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: width < 480 ? 844 : 900 } });
        await page.route('**/states.html', (route) => route.fulfill({ contentType: 'text/html', body: pageHtml(theme, state.attrs) }));
        await page.route('**/data/empty-feed.json', (route) => route.fulfill({ contentType: 'application/json', body: '[]' }));
        // Never answered: the loading state stays.
        await page.route('**/slow/**', () => {});
        await page.goto(`${origin}/states.html`);
        if (state.loading) await widget(page).locator('[part~="loading"]').waitFor();
        else await settle(page);
        await page.evaluate(() => document.fonts.ready);
        if (state.act) await state.act(page, width);
        await page.waitForTimeout(700);
        await page.screenshot({ path: join(out, `${theme}-${name}-${width}.png`), fullPage: width >= 480 && !state.act });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`Screenshots in ${out}`);
