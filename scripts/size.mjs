// Builds, then checks the gzip size of each bundle against size-budget.json. Exit 1 when over.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

if (!process.argv.includes('--no-build')) {
  // Only the two bundles and the readers' file are rebuilt: the rest of dist/ (the CLI, the
  // bundler build, the WordPress plugin) stays, so commands that need it still work after this one.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--emptyOutDir', 'false'], { stdio: 'inherit' });
  execFileSync('npx', ['vite', 'build', '--mode', 'readers', '--logLevel', 'error'], { stdio: 'inherit' });
}
// A KB is 1,024 bytes here, as in the budget set for the widget (36 KB).
const kb = (count) => `${(count / 1024).toFixed(1)} KB`;
const bytes = (count) => `${count.toLocaleString('en-GB')} B (${kb(count)})`;
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
let over = false;
for (const [file, limit] of Object.entries(budget)) {
  if (file.startsWith('//')) continue;
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const ok = gzip <= limit;
  over ||= !ok;
  console.log(
    `${ok ? '✓' : '✗'} ${file}: ${bytes(gzip)} gzip, ${kb(source.length)} raw; budget ${bytes(limit)}, ` +
      (ok ? `${(limit - gzip).toLocaleString('en-GB')} B to spare` : `${(gzip - limit).toLocaleString('en-GB')} B over`),
  );
}
// What a page whose feed is in another format (RSS, Atom, WordPress …) downloads in all: the
// bundle, then the readers' file beside it.
const [bundle, readers] = ['dist/case-study-finder.js', 'dist/case-study-finder-formats.js'].map((file) => gzipSync(readFileSync(file), { level: 9 }).length);
console.log(`  a page reading another format loads both: ${bytes(bundle + readers)} gzip; one reading our JSON only the bundle`);
process.exit(over ? 1 : 0);
