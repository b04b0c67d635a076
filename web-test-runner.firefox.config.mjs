// Runs the same suite as web-test-runner.config.mjs in Firefox (Debian's firefox-esr) as a second engine.
// Launcher: puppeteer-core's Firefox support over WebDriver BiDi, driven by @web/test-runner-chrome's
// ChromeLauncher (the same thing @web/test-runner-puppeteer does, minus its `puppeteer` dependency,
// whose postinstall would try to download a browser). No Playwright-patched Firefox and no geckodriver needed.
// Set FIREFOX_PATH to use another Firefox build.
import { existsSync } from 'node:fs';
// puppeteerCore is the puppeteer-core (24.x) that @web/test-runner-chrome itself depends on, so no extra package is needed.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import baseConfig from './web-test-runner.config.mjs';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const firefox = process.env.FIREFOX_PATH || CANDIDATES.find((path) => existsSync(path));

if (!firefox) {
  console.error(
    'No Firefox found. Install one (Debian/Ubuntu: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH=/path/to/firefox.',
  );
  process.exit(1);
}

/**
 * puppeteer-core's WebDriver BiDi keyboard (used for Firefox) knows fewer key names than its Chrome one:
 * `sendKeys({ press: 'Space' })` throws 'Unknown key: "Space"'. Translate the code-style names that
 * Chrome accepts into the characters they type, so tests can use the same names in both engines.
 */
const bidiKey = (key) =>
  key === 'Space' ? ' ' : /^Key[A-Z]$/.test(key) ? key.slice(3).toLowerCase() : /^Digit\d$/.test(key) ? key.slice(5) : key;

async function createPage({ context }) {
  const page = await context.newPage();
  const { keyboard } = page;
  for (const method of ['press', 'down', 'up']) {
    const original = keyboard[method].bind(keyboard);
    keyboard[method] = (key, options) => original(bidiKey(key), options);
  }
  return page;
}

export default {
  ...baseConfig,
  browsers: [
    chromeLauncher({
      // Passing a puppeteer instance makes the launcher use launchOptions.browser and name the browser "Firefox".
      puppeteer: puppeteerCore,
      createPage,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefox,
        headless: true,
      },
    }),
  ],
};
