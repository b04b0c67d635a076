// Builds, then checks the gzip size of each bundle against size-budget.json. Exit 1 when over.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { stdio: 'inherit' });
}
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
let over = false;
for (const [file, limit] of Object.entries(budget)) {
  if (file.startsWith('//')) continue;
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const ok = gzip <= limit;
  over ||= !ok;
  const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
  console.log(`${ok ? '✓' : '✗'} ${file}: ${kb(gzip)} gzip (${kb(source.length)} raw), budget ${kb(limit)}, ${ok ? `${kb(limit - gzip)} to spare` : `${kb(gzip - limit)} over`}`);
}
process.exit(over ? 1 : 0);
