// The README's screenshots, taken in headless Chromium from the demo and a GOV.UK Frontend page,
// served by Vite (started here):   npm run build && node scripts/readme-screenshot.mjs
//   docs/screenshot.png   the demo at 1280 px: "libary" typed, one topic chosen
//   docs/narrowed.png     the national feed: a group of 155 organisations narrowed by its box
//   docs/phone.png        the national feed at 390 px with the filters panel open, after a tap
//   docs/govuk.png        the widget with dist/themes/govuk.css on a page built with govuk-frontend,
//                         in a full-width row (filters in one third), a value focused
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './browsers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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

async function open(path, width, height) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${origin}${path}`);
  return page;
}

/** Scrolls so that `locator` starts `offset` px from the top of the window. */
async function scrollTo(page, locator, offset = 16) {
  const top = await locator.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y), top - offset);
  await page.waitForTimeout(200);
}

try {
  {
    const page = await open('/demo/', 1280, 860);
    const widget = page.locator('case-study-finder').first();
    await widget.locator('[part~="count"]').waitFor();
    await widget.locator('input[type=search]').pressSequentially('libary', { delay: 120 });
    await widget.locator('[part~="chip"]', { hasText: 'Libraries' }).click();
    await page.waitForTimeout(700);
    await scrollTo(page, page.locator('h2', { hasText: 'Find a case study' }));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshot.png' });
  }
  {
    const page = await open('/demo/', 1280, 860);
    const widget = page.locator('case-study-finder[src*="national"]');
    await widget.locator('[part~="count"]').waitFor();
    // Topics folded, so that the organisations come first.
    await widget.locator('[part~="group-toggle"]').first().click();
    const group = widget.locator('[part~="filter-group"]', { hasText: 'Filter by organisation' });
    await group.locator('[part~="group-toggle"]').click();
    await group.locator('[part~="filter-search"]').pressSequentially('north', { delay: 120 });
    await group.locator('[part~="chip"]').first().click();
    await page.waitForTimeout(700);
    await scrollTo(page, page.locator('h2', { hasText: 'At national scale' }));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/narrowed.png' });
  }
  {
    const page = await open('/demo/', 390, 844);
    const widget = page.locator('case-study-finder[src*="national"]');
    await widget.locator('[part~="count"]').waitFor();
    await widget.locator('[part~="filters-toggle"]').click();
    await widget.locator('[part~="chip"]').nth(1).click();
    await page.waitForTimeout(700);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/phone.png' });
  }
  {
    const page = await open('/test/pages/govuk.html', 1280, 860);
    const widget = page.locator('case-study-finder');
    await widget.locator('[part~="count"]').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await widget.locator('[part~="chip"]', { hasText: 'Early years' }).click();
    await widget.locator('[part~="chip"]', { hasText: 'Libraries' }).locator('input').focus();
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/govuk.png' });
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('docs/screenshot.png, docs/narrowed.png, docs/phone.png and docs/govuk.png written.');
