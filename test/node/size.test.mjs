// `npm run size` rebuilds the bundles to weigh them; the rest of dist/ (the CLI, the bundler
// build) must survive it, or a command run after it fails. (Needs the build.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = ['dist/cli/main.js', 'dist/lib/index.js', 'dist/lib/index.d.ts'];

test('npm run size weighs the bundles and leaves the rest of dist/ in place', () => {
  assert.deepEqual(built.filter((file) => !existsSync(root + file)), [], 'run "npm run build" first');
  const run = spawnSync(process.execPath, ['scripts/size.mjs'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /✓ dist\/case-study-finder\.js: [\d,]+ B/);
  assert.deepEqual(built.filter((file) => !existsSync(root + file)), []);
});
