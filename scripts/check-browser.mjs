// Fails early with one clear line when no browser is installed, instead of a launcher stack trace.
import { requireChromium } from './browsers.mjs';

requireChromium();
