// `npm run lint` runs this: the files git tracks are laid out as .editorconfig says (UTF-8, LF
// line ends, a final newline, no trailing white space outside Markdown, spaces for indenting
// except in PHP, which WordPress's standard indents with tabs). Prints each file and line that
// is not, and exits 1.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TEXT = /\.(ts|mjs|js|json|css|html|md|php|yml|yaml|xml|rss|atom|rdf|txt|sh)$|^\.editorconfig$|^\.ci\/run$/;
const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' })
  .split('\n')
  // Fixtures are feeds as CMSes write them (Windows line ends, Latin-1, tabs): kept as they are.
  .filter((file) => TEXT.test(file) && !file.startsWith('test/fixtures/') && !file.startsWith('data/'))
  // A legacy page in ISO-8859-1, kept so for the test of pages in other encodings.
  .filter((file) => file !== 'test/pages/latin1-classic.html');

const problems = [];
for (const file of files) {
  const bytes = readFileSync(file);
  const text = bytes.toString('utf8');
  const say = (line, what) => problems.push(`${file}${line ? `:${line}` : ''}: ${what}`);
  if (Buffer.compare(Buffer.from(text, 'utf8'), bytes) !== 0) say(0, 'not UTF-8');
  if (text.includes('\r')) say(0, 'has CR line ends (LF only)');
  if (text.length && !text.endsWith('\n')) say(0, 'no newline at the end');
  // The plugin follows WordPress's standard (tabs), and the scripts and tests that write its PHP
  // hold tab-indented PHP in their strings.
  const tabs = /\.php$|^wordpress\/|^(scripts|test)\/wordpress\//.test(file);
  text.split('\n').forEach((line, at) => {
    if (!file.endsWith('.md') && /[ \t]+$/.test(line)) say(at + 1, 'trailing white space');
    if (!tabs && /^\t/.test(line)) say(at + 1, 'indented with a tab (spaces here)');
  });
}
for (const problem of problems.slice(0, 50)) console.error(problem);
if (problems.length > 50) console.error(`… and ${problems.length - 50} more`);
if (problems.length) {
  console.error(`${problems.length} layout problem(s): see .editorconfig`);
  process.exit(1);
}
console.log(`layout: ${files.length} files as .editorconfig says`);
