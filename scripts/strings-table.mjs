// Prints the README's table of every text the widget shows, in English and Welsh, from
// src/i18n/en.ts and cy.ts:   node scripts/strings-table.mjs
import { build } from 'esbuild';

const { outputFiles } = await build({
  stdin: { contents: "export { en } from './src/i18n/en.ts'; export { cy } from './src/i18n/cy.ts';", resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  format: 'esm',
  write: false,
});
const { en, cy } = await import(`data:text/javascript,${encodeURIComponent(outputFiles[0].text)}`);
const FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const cell = (value) => (value === undefined ? '—' : String(value).replace(/\|/g, '\\|'));
const rows = [];
for (const key of Object.keys(en)) {
  const english = en[key];
  const welsh = cy[key];
  if (typeof english === 'string') rows.push([key, english, welsh]);
  else if ('other' in english) for (const form of FORMS) rows.push([`${key}.${form}`, english[form], welsh[form]]);
  else for (const name of Object.keys(english)) rows.push([`${key}.${name}`, english[name], welsh[name]]);
}
console.log('| key | English | Cymraeg |\n| --- | --- | --- |');
for (const [key, english, welsh] of rows) {
  if (english === undefined && welsh === undefined) continue;
  console.log(`| \`${key}\` | ${cell(english)} | ${cell(welsh)} |`);
}
