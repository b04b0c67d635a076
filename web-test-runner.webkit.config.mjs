// Runs the same suite as web-test-runner.config.mjs in WebKit: Debian's WebKitGTK (the engine of
// Safari, in its GTK port), driven through WebKitWebDriver, which launches its MiniBrowser.
// MiniBrowser draws a real window, so this runs under an X server: `npm run test:webkit` wraps
// wtr in xvfb-run. Its screen is small (640 x 480) on purpose: with no window manager, X gives
// keyboard focus to the window under the pointer, which starts at the screen's centre; a window
// resized by a test away from that point loses focus, and WebKit then matches no :focus (a focused
// skip link stays hidden) and reports document.hasFocus() false. Windows may be larger than the
// screen, so every viewport the tests ask for still fits. One test file at a time: the webdriver launcher runs files side by side in
// iframes otherwise, where focus and window size are shared.
// Set WEBKIT_WEBDRIVER=/path/to/WebKitWebDriver to use another build.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import baseConfig from './web-test-runner.config.mjs';
import { TypingWebdriverLauncher } from './test/webdriver-harness.mjs';

const driver = process.env.WEBKIT_WEBDRIVER || '/usr/bin/WebKitWebDriver';
if (!existsSync(driver)) {
  console.error(
    'No WebKitWebDriver found. Install it (Debian/Ubuntu: sudo apt-get install -y webkit2gtk-driver xvfb) or set WEBKIT_WEBDRIVER=/path/to/WebKitWebDriver.',
  );
  process.exit(1);
}
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('WebKitGTK needs a display: run this through `npm run test:webkit` (xvfb-run), or set DISPLAY.');
  process.exit(1);
}

/** A free local port for the driver to listen on. */
const port = await new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});

const child = spawn(driver, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'inherit'] });
child.once('error', (error) => {
  console.error(`WebKitWebDriver did not start: ${error.message}`);
  process.exit(1);
});
// The driver dies with the run, however it ends.
const stopDriver = () => child.exitCode === null && child.kill();
process.once('exit', stopDriver);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stopDriver(), process.exit(130)));

// The driver takes a moment to listen; webdriverio's first request would fail before then.
for (let tries = 0; ; tries++) {
  const ready = await fetch(`http://127.0.0.1:${port}/status`)
    .then((response) => response.ok)
    .catch(() => false);
  if (ready) break;
  if (tries > 100) {
    console.error(`WebKitWebDriver did not answer on port ${port}.`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}

export default {
  ...baseConfig,
  concurrency: 1,
  // axe runs about six times slower in WebKit (plain script does not: a 3e7-step loop took 509 ms
  // here against Chromium's 845). One axe run over the national feed with 155 filter values open
  // took 16.9 s against Chromium's 2.7 s on this busy machine; tests that run it twice need more
  // than the 10 s default.
  testFramework: { ...baseConfig.testFramework, config: { ...baseConfig.testFramework.config, timeout: 60000 } },
  // One window, reused for every file: slower machines need longer than Chromium does to start.
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  browsers: [
    new TypingWebdriverLauncher({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        // webdriverio 9 asks for WebDriver BiDi by default, which WebKitWebDriver 2.50 refuses
        // ("Failed to match capabilities"): classic WebDriver does all this suite needs.
        'wdio:enforceWebDriverClassic': true,
      },
    }),
  ],
};
