// Writes schema/feed.schema.json from the built CLI (`npm run schema` builds it first), so the
// published schema is exactly what `case-study-finder schema` prints.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const json = execFileSync(process.execPath, [fileURLToPath(new URL('bin/case-study-finder.js', root)), 'schema'], {
  encoding: 'utf8',
});
JSON.parse(json); // Never write a schema that is not JSON.
mkdirSync(new URL('schema/', root), { recursive: true });
writeFileSync(new URL('schema/feed.schema.json', root), json);
console.log('Wrote schema/feed.schema.json');
