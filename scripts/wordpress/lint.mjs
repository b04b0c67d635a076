// `npm run lint:php`: the WordPress plugin's PHP (as built, with its generated files, in
// dist/wordpress/case-study-finder/) and the test site's PHP (scripts/wordpress/), through
// `php -l` and PHP_CodeSniffer with scripts/wordpress/phpcs.xml (which says why those rules).
// Run by `npm run test:wordpress`. Without php or phpcs it says so and passes, unless
// CSF_WORDPRESS_TESTS=required (as in CI).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const plugin = join(root, 'dist/wordpress/case-study-finder');
const scripts = join(root, 'scripts/wordpress');
const required = process.env.CSF_WORDPRESS_TESTS === 'required';

const has = (command) => spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;
const missing = ['php', 'phpcs'].filter((command) => !has(command));
if (missing.length > 0) {
  const line = `PHP lint ${required ? 'cannot run' : 'skipped'}: ${missing.join(', ')} not installed; install with: sudo apt-get install -y php-cli php-codesniffer`;
  console[required ? 'error' : 'log'](line);
  process.exit(required ? 1 : 0);
}
if (!existsSync(plugin)) {
  console.error('The plugin is not built (no dist/wordpress/case-study-finder/): run "npm run build" first.');
  process.exit(1);
}

const files = [plugin, scripts].flatMap((dir) =>
  readdirSync(dir, { recursive: true })
    .filter((name) => String(name).endsWith('.php'))
    .map((name) => join(dir, String(name))),
);
let failed = 0;
for (const file of files) {
  const run = spawnSync('php', ['-l', file], { encoding: 'utf8' });
  if (run.status !== 0) {
    failed++;
    process.stderr.write(run.stdout + run.stderr);
  }
}
const sniff = spawnSync('phpcs', ['-s', '--report=full', `--standard=${join(scripts, 'phpcs.xml')}`, plugin, scripts], { encoding: 'utf8' });
if (sniff.status !== 0) {
  failed++;
  process.stderr.write(sniff.stdout + sniff.stderr);
}
if (failed > 0) {
  console.error(`PHP lint: problems above (php -l and phpcs on ${files.length} files).`);
  process.exit(1);
}
console.log(`PHP lint: ${files.length} files pass php -l and phpcs (scripts/wordpress/phpcs.xml).`);
