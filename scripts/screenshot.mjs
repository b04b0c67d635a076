// Screenshots of a page in headless Chromium, at a phone and a desktop width:
//   node scripts/screenshot.mjs http://localhost:5173/demo/ out-prefix [--type=libary]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './browsers.mjs';

const [url, prefix = 'screenshot', ...rest] = process.argv.slice(2);
const typed = rest.find((arg) => arg.startsWith('--type='))?.slice(7);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const width of [320, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (msg) => console.log(`[${width}] ${msg.type()}: ${msg.text()}`));
  page.on('pageerror', (err) => console.log(`[${width}] pageerror: ${err.message}`));
  await page.goto(url);
  await page.locator('case-study-finder [part~="count"], case-study-finder [part~="error"], case-study-finder [part~="empty"]').first().waitFor({ timeout: 10000 });
  if (typed) await page.locator('case-study-finder input[type=search]').first().pressSequentially(typed, { delay: 30 });
  await page.waitForTimeout(700);
  await page.screenshot({ path: `${prefix}-${width}.png`, fullPage: width === 320 ? false : true });
}
await browser.close();
