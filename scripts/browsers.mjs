import { existsSync } from 'node:fs';

/** Paths where Debian, Ubuntu and common installs put Chromium/Chrome. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium executable to use: `CHROME_PATH` if set, else the first one installed. */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  return CANDIDATES.find((path) => existsSync(path));
}

/**
 * The Chromium to use, or one clear line on how to get one and exit 1: a missing browser
 * should never surface as a launcher's stack trace.
 */
export function requireChromium() {
  const path = findChromium();
  if (path && existsSync(path)) return path;
  console.error(
    `No Chromium found${path ? ` at ${path}` : ''}. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome.`,
  );
  process.exit(1);
}

/**
 * Flags for headless Chromium here: as root it needs --no-sandbox, and the background
 * services it would start only knock on this machine's closed network.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
