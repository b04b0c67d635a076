// Builds the WordPress plugin: dist/wordpress/case-study-finder.zip, with the plugin's PHP and
// editor script from wordpress/, the widget's two bundles from dist/ (so `vite build` runs
// first), and package.json's version written into the plugin header and readme.txt.
// The zip is reproducible: same inputs, same bytes.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = join(root, 'wordpress');
const out = join(root, 'dist/wordpress/case-study-finder.zip');
const top = 'case-study-finder/';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const bundles = [
  'case-study-finder.js',
  'case-study-finder.js.map',
  'case-study-finder.iife.js',
  'case-study-finder.iife.js.map',
];
const missing = bundles.filter((file) => !existsSync(join(root, 'dist', file)));
if (missing.length > 0) {
  console.error(`The widget is not built (no dist/${missing[0]}): run "npx vite build" first, or "npm run build".`);
  process.exit(1);
}

/** package.json's version in the places WordPress reads one. */
const stamp = {
  'case-study-finder.php': (text) =>
    text
      .replace(/^( \* Version:\s+).*$/m, `$1${version}`)
      .replace(/^(const VERSION\s+= ').*(';)$/m, `$1${version}$2`),
  'readme.txt': (text) => text.replace(/^(Stable tag:\s+).*$/m, `$1${version}`),
};

const files = {};
for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath ?? entry.path, entry.name);
  const name = relative(source, path).split('\\').join('/');
  const bytes = readFileSync(path);
  files[top + name] = stamp[name] ? Buffer.from(stamp[name](bytes.toString('utf8'))) : bytes;
}
for (const file of bundles) files[`${top}dist/${file}`] = readFileSync(join(root, 'dist', file));
files[`${top}LICENSE.txt`] = readFileSync(join(root, 'LICENSE'));

for (const [name, check] of [
  ['case-study-finder.php', /^ \* Version:\s+(\S+)$/m],
  ['readme.txt', /^Stable tag:\s+(\S+)$/m],
]) {
  const found = Buffer.from(files[top + name]).toString('utf8').match(check)?.[1];
  if (found !== version) {
    console.error(`wordpress/${name}: could not write the version ${version} into it (found ${found ?? 'nothing'}).`);
    process.exit(1);
  }
}

// Sorted names and one fixed time: the zip's bytes depend on the contents only.
const mtime = new Date('2024-01-01T00:00:00Z');
const sorted = Object.fromEntries(
  Object.keys(files)
    .sort()
    .map((name) => [name, [new Uint8Array(files[name]), { mtime }]]),
);
const zip = zipSync(sorted, { level: 9 });
mkdirSync(join(root, 'dist/wordpress'), { recursive: true });
writeFileSync(out, zip);
console.log(`dist/wordpress/case-study-finder.zip: ${Object.keys(files).length} files, ${zip.length.toLocaleString('en-GB')} B`);
