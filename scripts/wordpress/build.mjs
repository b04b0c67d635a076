// Builds the WordPress plugin: dist/wordpress/case-study-finder.zip, with the plugin's PHP and
// editor script from wordpress/, the widget's two bundles from dist/ (so `vite build` runs
// first), package.json's version written into the plugin header and readme.txt, and the
// element's attributes from custom-elements.json (`npm run manifest` first): the PHP
// allow-list (includes/element-attributes.php) and the block's attributes in block.json.
// The same files are left unzipped in dist/wordpress/case-study-finder/, where the PHP linters
// read them. The zip is reproducible: same inputs, same bytes.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { attributesPhp, blockAttributes, elementAttributes } from './attributes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = join(root, 'wordpress');
const out = join(root, 'dist/wordpress/case-study-finder.zip');
const staged = join(root, 'dist/wordpress/case-study-finder');
const top = 'case-study-finder/';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const bundles = [
  'case-study-finder.js',
  'case-study-finder.js.map',
  'case-study-finder.iife.js',
  'case-study-finder.iife.js.map',
  // Loaded by the bundle from beside itself for a feed in another format (RSS, WordPress REST …).
  'case-study-finder-formats.js',
  'case-study-finder-formats.js.map',
];
const missing = bundles.filter((file) => !existsSync(join(root, 'dist', file)));
if (missing.length > 0) {
  console.error(`The widget is not built (no dist/${missing[0]}): run "npx vite build" first, or "npm run build".`);
  process.exit(1);
}

const attributes = elementAttributes(root);

/** block.json: the plugin's own settings, and the element's from the manifest. */
function withElementAttributes(text) {
  const block = JSON.parse(text);
  const generated = blockAttributes(attributes);
  const clash = Object.keys(generated).filter((name) => name in block.attributes);
  if (clash.length) throw new Error(`wordpress/block/block.json declares ${clash.join(', ')}, which come from the manifest: remove them there.`);
  block.attributes = { ...block.attributes, ...generated };
  return `${JSON.stringify(block, null, '\t')}\n`;
}

/** package.json's version in the places WordPress reads one; the manifest's attributes in block.json. */
const stamp = {
  'block/block.json': withElementAttributes,
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
files[`${top}includes/element-attributes.php`] = Buffer.from(attributesPhp(attributes));
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
rmSync(staged, { recursive: true, force: true });
for (const [name, bytes] of Object.entries(files)) {
  const path = join(staged, name.slice(top.length));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
console.log(
  `dist/wordpress/case-study-finder.zip: ${Object.keys(files).length} files, ${zip.length.toLocaleString('en-GB')} B; ${attributes.length} element attributes from custom-elements.json`,
);
