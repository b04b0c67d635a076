// Fails early with one clear line when no browser is installed, instead of a launcher stack trace.
import { findChromium } from './browsers.mjs';

if (!findChromium()) {
  console.error(
    'No Chromium found. Install one (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH=/path/to/chrome.',
  );
  process.exit(1);
}
