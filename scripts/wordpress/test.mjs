// `npm run test:wordpress`: lints the plugin's PHP (scripts/wordpress/lint.mjs), checks the plugin zip, then tests the plugin on a real WordPress
// (every test/wordpress/*.test.mjs but the zip's) when PHP, MariaDB and WordPress are installed. Without
// them it says so in one line and passes, unless CSF_WORDPRESS_TESTS=required (as in CI),
// when a missing WordPress is a failure.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INSTALL_HINT, missingPrerequisites } from './site.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const nodeTest = (...files) =>
  spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: root, stdio: 'inherit' }).status ?? 1;

const lint = spawnSync(process.execPath, ['scripts/wordpress/lint.mjs'], { cwd: root, stdio: 'inherit' }).status ?? 1;
if (lint !== 0) process.exit(lint);
const zip = nodeTest('test/wordpress/zip.test.mjs');
if (zip !== 0) process.exit(zip);

const missing = missingPrerequisites();
if (missing.length > 0) {
  const line = `WordPress tests skipped: ${missing.join(', ')} not installed; install with: ${INSTALL_HINT}`;
  if (process.env.CSF_WORDPRESS_TESTS === 'required') {
    console.error(line.replace('skipped', 'cannot run'));
    process.exit(1);
  }
  console.log(line);
  process.exit(0);
}
// Each file starts a site of its own; they run one after another.
const files = readdirSync(`${root}test/wordpress`)
  .filter((name) => name.endsWith('.test.mjs') && name !== 'zip.test.mjs')
  .sort()
  .map((name) => `test/wordpress/${name}`);
process.exit(nodeTest(...(process.argv.length > 2 ? process.argv.slice(2) : files)));
