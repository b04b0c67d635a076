// What @web/test-runner's stock commands cannot do for a WebDriver browser (WebKit here), done
// the WebDriver way, so every test file runs unchanged in all three engines.
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { Key } from 'webdriverio';

/** A key name as tests give it (`Enter`, `Space`, `a`) as WebDriver's key value. */
function keyValue(name) {
  if ([...name].length === 1) return name;
  const value = Key[name];
  if (!value) throw new Error(`Unknown key for WebDriver: "${name}"`);
  return value;
}

/**
 * The stock launcher types through webdriverio's `keys()`, which presses every key of a string
 * down before releasing any: WebKit then drops a repeated key ("zzz" arrives as "z"). Here each
 * character is pressed and released before the next, as a person types.
 */
export class TypingWebdriverLauncher extends WebdriverLauncher {
  sendKeys(sessionId, keys) {
    if (!this.driverManager) throw new Error('Not initialized');
    const actions = keys.flatMap((key) => {
      const value = keyValue(key);
      return [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ];
    });
    return this.driverManager.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
  }

  /** The webdriverio browser of the (single) session: tests run one file at a time here. */
  get session() {
    if (!this.driver) throw new Error('Not initialized');
    return this.driver;
  }
}

/**
 * Server commands for any launcher:
 * - `csf-viewport` `{ width, height }` sizes the page's viewport. Puppeteer (Chromium, Firefox)
 *   sets it directly; a WebDriver browser sizes its window, measures the viewport that gives and
 *   corrects by the difference (toolbars and borders differ per browser). Answers the viewport
 *   reached, which can be wider than asked: MiniBrowser's window has a minimum width.
 */
export function webdriverCommands() {
  return {
    name: 'csf-webdriver-commands',
    async executeCommand({ command, payload, session }) {
      const { browser } = session;
      if (command === 'csf-viewport') {
        const { width, height } = payload;
        if (browser.type === 'puppeteer' || browser.type === 'playwright') {
          const page = browser.getPage(session.id);
          await (page.setViewport ? page.setViewport({ width, height }) : page.setViewportSize({ width, height }));
          return { width, height };
        }
        const driver = browser.session;
        const inner = () => driver.execute(() => ({ width: window.innerWidth, height: window.innerHeight }));
        // Twice at most: the first pass learns the window's frame, the second lands on the size
        // (or stays on the window's minimum, which a second try cannot change).
        let reached = await inner();
        for (let pass = 0; pass < 2 && (reached.width !== width || reached.height !== height); pass++) {
          const outer = await driver.getWindowRect();
          await driver.setWindowRect(null, null, outer.width + width - reached.width, outer.height + height - reached.height);
          const now = await inner();
          if (now.width === reached.width && now.height === reached.height) break;
          reached = now;
        }
        return reached;
      }
      return undefined;
    },
  };
}
