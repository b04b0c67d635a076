import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROMIUM_ARGS, findChromium } from './scripts/browsers.mjs';
import { faultMiddleware } from './test/server.mjs';
import { webdriverCommands } from './test/webdriver-harness.mjs';

const chromium = findChromium();
const mediaSessions = new WeakMap();

export default {
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [faultMiddleware],
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    // Viewport, pointer and engine commands that work the same in every launcher (WebKit's too).
    webdriverCommands(),
    {
      // Any CSS media feature, forced-colors included (the stock emulateMedia command cannot
      // set it through puppeteer). Tests call executeServerCommand('media-features', [...]).
      name: 'media-features',
      async executeCommand({ command, payload, session }) {
        if (command !== 'media-features') return undefined;
        // WebDriver (WebKit) has no way to emulate media: the tests that need it skip there.
        if (session.browser.type !== 'puppeteer') return false;
        // Straight to the DevTools protocol: puppeteer's own helper rejects forced-colors. The
        // session stays open, since emulation ends when it closes.
        const page = session.browser.getPage(session.id);
        let cdp = mediaSessions.get(page);
        if (!cdp) mediaSessions.set(page, (cdp = await page.createCDPSession()));
        await cdp.send('Emulation.setEmulatedMedia', { features: payload });
        return true;
      },
    },
    esbuildPlugin({
      ts: true,
      target: 'auto',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
