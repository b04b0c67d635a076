#!/usr/bin/env node
// The webmaster command line. The code is built from src/cli/ by `npm run build:cli`, and uses
// the widget's own feed code from dist/lib/ (`npm run build:types`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main) || !existsSync(new URL('../dist/lib/lib/feed.js', import.meta.url))) {
  console.error('case-study-finder is not built yet: run "npm run build" first.');
  process.exit(2);
}
await import(main.href);
