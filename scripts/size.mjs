// Builds, then checks the gzip size of each bundle against size-budget.json. Exit 1 when over.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

if (!process.argv.includes('--no-build')) {
  // Only the two bundles are rebuilt: the rest of dist/ (the CLI, the bundler build, the
  // WordPress plugin) stays, so commands that need it still work after this one.
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--emptyOutDir', 'false'], { stdio: 'inherit' });
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
process.exit(over ? 1 : 0);
