// Takes docs/screenshot.png for the README: the demo at 1280 px, "libary" typed, one chip chosen.
// Needs the demo served: npx vite --port 5180, then node scripts/readme-screenshot.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './browsers.mjs';

const url = process.argv[2] ?? 'http://localhost:5180/demo/';
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
await page.goto(url);
const widget = page.locator('case-study-finder').first();
await widget.locator('[part~="count"]').waitFor();
await widget.locator('input[type=search]').pressSequentially('libary', { delay: 20 });
await widget.locator('[part~="chip"]', { hasText: 'Volunteering' }).click();
await page.waitForTimeout(700);
const top = await page.locator('h2', { hasText: 'Find a case study' }).evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
await page.evaluate((y) => window.scrollTo(0, y - 16), top);
await page.waitForTimeout(200);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
