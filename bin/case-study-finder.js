#!/usr/bin/env node
// The webmaster command line. The code is built from src/cli/ by `npm run build:cli`.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  console.error('case-study-finder is not built yet: run "npm run build:cli" first.');
  process.exit(2);
}
await import(main.href);
