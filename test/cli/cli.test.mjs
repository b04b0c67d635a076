// The webmaster command line, run as a webmaster runs it: `node bin/case-study-finder.js …`.
// Needs the built CLI and library: `npm run build:cli && npm run build:types && npm run test:cli`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { constants, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/case-study-finder.js');
const fixture = (name) => join('test/cli/fixtures', name);

/** Runs the CLI from the repository root and returns its exit code and output. */
function cli(args, { input, node = [], env } = {}) {
  const result = spawnSync(process.execPath, [...node, bin, ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Stack traces are for bugs; a user's mistake gets sentences. */
function assertNoStackTrace({ stdout, stderr }) {
  assert.doesNotMatch(stdout + stderr, /^\s+at .+[(:]\d+/m);
}

let temp;
before(() => {
  assert.ok(existsSync(join(root, 'dist/cli/main.js')), 'The CLI is not built: run "npm run build:cli" first.');
  temp = mkdtempSync(join(tmpdir(), 'csf-cli-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

describe('case-study-finder validate', () => {
  test('passes the sample feed with a one-line summary', () => {
    const { items } = JSON.parse(readFileSync(join(root, 'data/case-studies.json'), 'utf8'));
    const run = cli(['validate', 'data/case-studies.json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `✓ ${items.length} case studies, all valid\n`);
    assert.equal(run.stderr, '');
  });

  test('passes a small feed, numeric ids and single-string lists included', () => {
    const run = cli(['validate', fixture('valid.json')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '✓ 2 case studies, all valid\n');
  });

  test('lists each skipped item by number from 1, with its title or id, and exits 1', () => {
    const run = cli(['validate', fixture('invalid.json')]);
    assert.equal(run.code, 1);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^✗ .*invalid\.json: 3 of 5 case studies cannot be shown, and there is 1 warning$/);
    assert.ok(
      lines.includes(
        '  item 2 "Tameside Story Makers": url "javascript:alert(1)" is not a web address (it must start with https://, http:// or /)',
      ),
      run.stdout,
    );
    assert.ok(lines.includes('  item 3 (id "no-title"): title is missing'), run.stdout);
    // The widget's reason counts from 0 ("item 0"); the CLI counts from 1 throughout.
    assert.ok(
      lines.includes('  item 4 "Duplicate of the first": id "good" is already used by item 1 (ids must be unique)'),
      run.stdout,
    );
    assert.ok(
      lines.includes(
        '  item 5 "Walking netball": date "31/02/2024" is not a date (write it as YYYY-MM-DD), so date is left out',
      ),
      run.stdout,
    );
    assert.ok(lines.indexOf('Warnings:') > lines.indexOf('Skipped (not shown on the page):'));
  });

  test('--json prints a machine-readable report', () => {
    const run = cli(['validate', fixture('invalid.json'), '--json']);
    assert.equal(run.code, 1);
    const report = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(report), ['ok', 'file', 'total', 'valid', 'skipped', 'warnings']);
    assert.equal(report.ok, false);
    assert.equal(report.total, 5);
    assert.equal(report.valid, 2);
    assert.deepEqual(
      report.skipped.map((entry) => [entry.item, entry.index, entry.id]),
      [
        [2, 1, 'unsafe'],
        [3, 2, 'no-title'],
        [4, 3, 'good'],
      ],
    );
    assert.equal(report.skipped[0].title, 'Tameside Story Makers');
    assert.match(report.skipped[0].reason, /^url "javascript:alert\(1\)" is not a web address/);
    assert.deepEqual(report.warnings, [
      {
        item: 5,
        index: 4,
        id: 'bad-date',
        title: 'Walking netball',
        reason: 'date "31/02/2024" is not a date (write it as YYYY-MM-DD), so date is left out',
      },
    ]);
  });

  test('warnings alone pass, and fail with --strict', () => {
    const lenient = cli(['validate', fixture('warnings-only.json')]);
    assert.equal(lenient.code, 0);
    assert.match(lenient.stdout, /^✓ 2 case studies, all valid, with 2 warnings\n/);
    assert.match(lenient.stdout, /item 2 "Heritage trail app": collection\.url "vbscript:msgbox" is not a web address/);

    const strict = cli(['validate', '--strict', fixture('warnings-only.json')]);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /^✗ 2 case studies/);
    assert.equal(JSON.parse(cli(['validate', '--strict', '--json', fixture('warnings-only.json')]).stdout).ok, false);
  });

  test('warns about a facet that no item has values for', () => {
    const run = cli(['validate', fixture('unused-facet.json')]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /facet "topic": no case study has a "topic" field with a value/);
  });

  test('a file that is not JSON: the line and column of the mistake, exit 2', () => {
    const run = cli(['validate', fixture('not-json.json')]);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(
      run.stderr,
      '✗ test/cli/fixtures/not-json.json is not valid JSON. Line 5, column 5: a comma is missing before this item.\n' +
        '  5 |     { "title": "Libraries providing a lifeline", "url": "/b" }\n' +
        '    |     ^\n',
    );
    assertNoStackTrace(run);
  });

  test('--json reports a JSON syntax error with its line and column', () => {
    const run = cli(['validate', '--json', fixture('not-json.json')]);
    assert.equal(run.code, 2);
    const report = JSON.parse(run.stdout);
    assert.equal(report.ok, false);
    assert.deepEqual([report.error.line, report.error.column], [5, 5]);
  });

  // Mistakes people make when editing JSON by hand, and where each is reported.
  const syntaxCases = [
    ['a trailing comma in a list', '{\n  "items": [\n    {"title": "A", "url": "/a"},\n  ]\n}\n', 3, 32, /comma after the last item/],
    ['a trailing comma in an object', '{\n  "title": "x",\n}\n', 2, 15, /comma after the last property/],
    ['single quotes', "{\n  'items': []\n}\n", 2, 3, /double quotes/],
    ['a comment', '{\n  // the feed\n  "items": []\n}\n', 2, 3, /cannot contain comments/],
    ['an unclosed list', '{\n  "items": [\n    {"title": "A", "url": "/a"}\n', 3, 32, /"\[" on line 2, column 12 is never closed/],
    ['a quote inside text', '[{"title": "The "Big" Read", "url": "/a"}]', 1, 17, /double quote inside text/],
    ['a line break inside text', '[{"title": "A\n", "url": "/a"}]', 1, 14, /not closed with a double quote before the end of the line/],
    ['curly quotes', '[{"title": \u201cA\u201d}]', 1, 12, /curly quote/],
    ['CRLF line ends', '{\r\n  "items": [\r\n    {"title": "A"}\r\n    {"title": "B"}\r\n  ]\r\n}\r\n', 4, 5, /comma is missing/],
  ];
  for (const [name, text, line, column, message] of syntaxCases) {
    test(`not JSON: ${name} is found at line ${line}, column ${column}`, () => {
      const path = join(temp, 'feed.json');
      writeFileSync(path, text);
      const run = cli(['validate', path]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, new RegExp(`Line ${line}, column ${column}: `));
      assert.match(run.stderr, message);
    });
  }

  // Text that starts with "<" is read as XML (RSS, Atom) since feeds in those formats are read too.
  test('an HTML error page saved as the feed: a web page, not a feed, exit 2', () => {
    const path = join(temp, 'feed.json');
    writeFileSync(path, '<!doctype html>\n<title>Page not found</title><h1>404</h1>');
    const run = cli(['validate', path]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /: This is a web page \("Page not found"\), not a feed\./);
  });

  test('a missing file: a clear sentence, exit 2', () => {
    const run = cli(['validate', 'no-such-feed.json']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      '✗ Cannot find the file "no-such-feed.json". Check its name, and that you are in the right folder.\n',
    );
    assertNoStackTrace(run);
  });

  test('JSON that is not a feed, and an empty file, exit 2', () => {
    const shape = cli(['validate', fixture('wrong-shape.json')]);
    assert.equal(shape.code, 2);
    assert.match(shape.stderr, /not a list of case studies/);
    const path = join(temp, 'empty.json');
    writeFileSync(path, '\n');
    const empty = cli(['validate', path]);
    assert.equal(empty.code, 2);
    assert.match(empty.stderr, /empty/);
  });

  test('reads a feed saved as UTF-16, as the widget does, and says to save it as UTF-8', () => {
    const feed = '[{"title": "Ynys Môn reading club", "url": "/a"}]';
    const file = join(temp, 'utf16.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(feed, 'utf16le')]));
    const run = cli(['validate', file]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /1 case study, all valid, with 1 warning/);
    assert.match(run.stdout + run.stderr, /not saved as UTF-8 \(it is UTF-16LE\): it was read, but save it as UTF-8/);
    assert.equal(cli(['validate', file, '--strict']).code, 1);
  });

  test('reads standard input for "-", and accepts a byte order mark as browsers do', () => {
    const run = cli(['validate', '-'], { input: '\ufeff[{"title": "A", "url": "/a"}]' });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '✓ 1 case study, all valid\n');
  });
});

describe('case-study-finder convert', () => {
  test('the fixtures really have a BOM and CRLF line ends', () => {
    const bytes = readFileSync(join(root, fixture('good.csv')));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(bytes.toString('utf8'), /\r\n/);
  });

  test('turns a spreadsheet export into a valid feed', () => {
    const run = cli(['convert', fixture('good.csv')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '✓ 3 case studies converted from test/cli/fixtures/good.csv, written to standard output\n');
    const feed = JSON.parse(run.stdout);
    assert.equal(feed.title, 'Case studies');
    assert.deepEqual(feed.facets, [
      { key: 'topics', label: 'Topics' },
      { key: 'supportTypes', label: 'Support type' },
    ]);
    const [tameside, lifeline, netball] = feed.items;
    assert.deepEqual(tameside, {
      id: 'tameside-story-makers', // "ID" after a BOM is still id
      title: 'Tameside Story Makers',
      url: 'https://example.gov.uk/tameside',
      summary: 'Stories, songs and puppets for pre-school children', // a comma inside quotes
      organisation: 'Tameside Metropolitan Borough Council',
      topics: ['Early years', 'Libraries'], // split on ";"
      supportTypes: ['Culture hub'], // from "Support types"
      keywords: ['storytelling', 'pre-school'], // split on "|"
      date: '2021-06-14',
      image: { src: '/images/story.jpg', alt: 'Children listening to a story' },
      collection: { label: 'Early years', url: 'https://example.gov.uk/early-years' },
      serviceArea: 'Libraries', // an unknown column, kept as text
    });
    assert.equal(lifeline.title, 'Libraries providing a "lifeline"'); // "" inside quotes
    assert.equal(lifeline.summary, 'Volunteers phoned every member.\nBooks were delivered by bike.');
    assert.deepEqual(lifeline.topics, ['Libraries', 'Health', 'Wellbeing']); // "|" and ";" mixed
    assert.deepEqual(lifeline.serviceArea, ['Libraries', 'Public health']);
    assert.equal('supportTypes' in lifeline, false); // empty cells are left out
    assert.deepEqual(Object.keys(netball), ['id', 'title', 'url', 'organisation', 'topics', 'supportTypes']);
  });

  test('the converted feed passes validate', () => {
    const out = join(temp, 'round-trip.json');
    assert.equal(cli(['convert', fixture('good.csv'), '--out', out]).code, 0);
    const run = cli(['validate', out]);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.stdout, '✓ 3 case studies, all valid\n');
  });

  test('leaves out bad rows, naming their line in the CSV file, and exits 1', () => {
    const run = cli(['convert', fixture('mixed.csv')]);
    assert.equal(run.code, 1);
    const feed = JSON.parse(run.stdout); // the report stays out of the feed on standard output
    assert.deepEqual(
      feed.items.map((item) => item.id),
      ['first', 'second', 'bad-date'],
    );
    assert.equal(feed.items[1].title, 'A summary-like title over\ntwo lines');
    assert.equal('date' in feed.items[2], false); // dropped by the widget, so left out of the feed
    const report = run.stderr.split('\n');
    assert.match(report[0], /^✗ 5 of 8 rows in .*mixed\.csv could not be converted and were left out; 3 case studies written/);
    // Line 5 comes after a cell that spans lines 3 and 4, so the numbers are the file's own lines.
    assert.ok(
      report.includes(
        '  line 5 "Tameside Story Makers": url "javascript:alert(1)" is not a web address (it must start with https://, http:// or /)',
      ),
      run.stderr,
    );
    assert.ok(report.includes('  line 8 "Duplicate of the first": id "first" is already used by line 2 (ids must be unique)'), run.stderr);
    assert.ok(report.includes('  line 9 (id "no-title"): title is missing'), run.stderr);
    assert.match(run.stderr, /line 10 "Heritage": has 5 cells but the heading line names 4 columns/);
    assert.match(run.stderr, /line 7 "Walking netball": date "not a date" is not a date/);
    // A row is named by the line it starts on, and its title is kept on one line of the report.
    assert.ok(
      report.includes(
        '  line 11 "A title that runs over two lines": url "javascript:void(0)" is not a web address (it must start with https://, http:// or /)',
      ),
      run.stderr,
    );
  });

  test('counts lines the same with Windows (CRLF) line ends', () => {
    const path = join(temp, 'mixed-crlf.csv');
    writeFileSync(path, readFileSync(join(root, fixture('mixed.csv')), 'utf8').replaceAll('\n', '\r\n'));
    const lf = cli(['convert', fixture('mixed.csv')]);
    const crlf = cli(['convert', path]);
    assert.equal(crlf.code, 1);
    assert.equal(crlf.stdout, lf.stdout);
    assert.equal(crlf.stderr, lf.stderr.replaceAll(fixture('mixed.csv'), path));
  });

  test('--out writes the feed to a file and the report to standard output', () => {
    const out = join(temp, 'feed.json');
    const run = cli(['convert', fixture('good.csv'), '--out', out, '--title', 'Our case studies']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `✓ 3 case studies converted from test/cli/fixtures/good.csv, written to ${out}\n`);
    assert.equal(run.stderr, '');
    const feed = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(feed.title, 'Our case studies');
    assert.equal(feed.items.length, 3);
  });

  test('writes nothing when no row can be converted', () => {
    const out = join(temp, 'never.json');
    const run = cli(['convert', fixture('all-bad.csv'), '--out', out]);
    assert.equal(run.code, 1);
    assert.equal(existsSync(out), false);
    assert.match(run.stdout, /None of the 2 rows .* could be converted, so nothing was written/);
    assert.match(run.stdout, /line 2 "One": url "javascript:alert\(1\)" is not a web address/);
  });

  test('reads Excel\'s Windows-1252 "CSV (Comma delimited)" and says so', () => {
    const run = cli(['convert', fixture('windows-1252.csv')]);
    assert.equal(run.code, 0);
    const feed = JSON.parse(run.stdout);
    assert.deepEqual(
      feed.items.map((item) => item.title),
      ['Café culture', 'Rock \u2019n\u2019 roll libraries'],
    );
    assert.match(run.stderr, /not saved as UTF-8, so it was read as Windows-1252/);
  });

  test('a CSV file that cannot be read: the line, exit 2', () => {
    const quote = cli(['convert', fixture('unclosed-quote.csv')]);
    assert.equal(quote.code, 2);
    assert.match(quote.stderr, /Line 3: a cell starts with a double quote \("\) that is never closed/);
    assert.equal(quote.stdout, '');
    assertNoStackTrace(quote);

    const noUrl = cli(['convert', fixture('no-url-column.csv')]);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /has no "url" column/);

    const semicolons = cli(['convert', fixture('semicolons.csv')]);
    assert.equal(semicolons.code, 2);
    assert.match(semicolons.stderr, /not separated by commas/);

    const missing = cli(['convert', 'no-such.csv']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /Cannot find the file "no-such\.csv"/);
  });
});

describe('case-study-finder convert --out, on files that matter', () => {
  let dir;
  const original = () => readFileSync(join(root, fixture('good.csv')));
  before(() => {
    dir = join(temp, 'out');
    mkdirSync(dir);
  });
  /** A fresh copy of a spreadsheet, to be kept safe. */
  const spreadsheet = (name) => {
    const path = join(dir, name);
    copyFileSync(fixture('good.csv'), path);
    return path;
  };

  test('refuses to write over the spreadsheet it converts, under any name, and leaves it as it was', () => {
    const input = spreadsheet('in.csv');
    linkSync(input, join(dir, 'same-file.csv'));
    for (const target of [input, join(dir, '.', 'in.csv'), join(dir, 'same-file.csv')]) {
      const run = cli(['convert', input, '--out', target]);
      assert.equal(run.code, 2, target);
      assert.equal(
        run.stderr,
        `✗ Not written: "${target}" is the file being converted, and writing the feed there would replace it. Choose another name, such as --out feed.json.\n`,
      );
      assert.equal(run.stdout, '');
      assertNoStackTrace(run);
      assert.deepEqual(readFileSync(input), original());
    }
  });

  test('--out "" is refused in words, and nothing is printed as written', () => {
    const run = cli(['convert', fixture('good.csv'), '--out', '']);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, '✗ --out needs a file name, such as --out feed.json (or --out - to print the feed).\n');
    assert.equal(run.stdout, '');
  });

  test('refuses a folder, a named pipe, a symbolic link and a device, and leaves each as it was', (t) => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const pipe = join(dir, 'a-pipe');
    assert.equal(spawnSync('mkfifo', [pipe]).status, 0, 'mkfifo');
    const elsewhere = join(dir, 'someone-elses.json');
    writeFileSync(elsewhere, '{"keep": true}\n');
    const link = join(dir, 'a-link.json');
    symlinkSync(elsewhere, link);
    const targets = [
      [folder, 'a folder', (s) => s.isDirectory()],
      [pipe, 'a named pipe', (s) => s.isFIFO()],
      [link, 'a symbolic link', (s) => s.isSymbolicLink()],
    ];
    // A device node of our own (the kernel's null device, under another name): as root, the
    // old code replaced /dev/null itself with a plain file.
    const device = join(dir, 'a-device');
    if (spawnSync('mknod', [device, 'c', '1', '3']).status === 0) targets.push([device, 'a device', (s) => s.isCharacterDevice()]);
    else t.diagnostic('mknod needs root: the device case is not tried');
    for (const [target, kind, still] of targets) {
      const run = cli(['convert', fixture('good.csv'), '--out', target]);
      assert.equal(run.code, 2, target);
      assert.equal(run.stderr, `✗ Not written: "${target}" is ${kind}, not an ordinary file. Give the name of a file to create or replace.\n`);
      assert.ok(still(lstatSync(target)), `${target} is still ${kind}`);
    }
    assert.equal(readFileSync(elsewhere, 'utf8'), '{"keep": true}\n');
  });

  test("keeps the feed's mode when it replaces it (600 stays 600, 640 stays 640)", () => {
    for (const mode of [0o600, 0o640, 0o664]) {
      const target = join(dir, `feed-${mode.toString(8)}.json`);
      writeFileSync(target, '{}');
      chmodSync(target, mode);
      const run = cli(['convert', fixture('good.csv'), '--out', target]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(statSync(target).mode & 0o777, mode);
      assert.equal(JSON.parse(readFileSync(target, 'utf8')).items.length, 3);
    }
  });

  test('writes through a temporary file beside the target: a random name, created exclusively, links not followed', () => {
    const target = join(dir, 'spied.json');
    const opened = [];
    for (const round of [1, 2]) {
      const log = join(temp, `spy-${round}.log`);
      writeFileSync(log, '');
      const run = cli(['convert', fixture('good.csv'), '--out', target], {
        node: ['--import', pathToFileURL(join(root, 'test/cli/spy-open.mjs')).href],
        env: { CSF_SPY_LOG: log },
      });
      assert.equal(run.code, 0, run.stderr);
      const writes = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
      assert.equal(writes.length, 1, JSON.stringify(writes));
      opened.push(writes[0]);
    }
    for (const { path, flags } of opened) {
      assert.equal(join(path, '..'), dir, 'beside the target');
      assert.notEqual(path, target);
      assert.equal(typeof flags, 'number', `flags ${flags}`);
      assert.ok(flags & constants.O_EXCL, 'O_EXCL');
      assert.ok(flags & constants.O_NOFOLLOW, 'O_NOFOLLOW');
    }
    assert.notEqual(opened[0].path, opened[1].path, 'a new random name each time');
    assert.doesNotMatch(opened[0].path, new RegExp(`\\.${'\\d+'}\\.tmp$`), 'not a process id');
    // Nothing is left behind.
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });
});

describe('case-study-finder schema', () => {
  test('prints the JSON Schema of the feed, with a title and description', () => {
    const run = cli(['schema']);
    assert.equal(run.code, 0, run.stderr);
    const schema = JSON.parse(run.stdout);
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.title, 'Case study feed');
    assert.equal(typeof schema.description, 'string');
    assert.ok(Array.isArray(schema.anyOf), 'an array of items or an object with items');
    const item = schema.$defs.item;
    assert.deepEqual(item.required, ['title', 'url']);
    assert.match(item.properties.url.description, /https:\/\//);
  });

  test('schema/feed.schema.json is up to date (npm run schema)', () => {
    const committed = readFileSync(join(root, 'schema/feed.schema.json'), 'utf8');
    assert.equal(committed, cli(['schema']).stdout);
  });
});

describe('case-study-finder', () => {
  test('--help and -h describe every command', () => {
    for (const flag of ['--help', '-h']) {
      const run = cli([flag]);
      assert.equal(run.code, 0);
      for (const command of ['validate', 'convert', 'schema']) assert.match(run.stdout, new RegExp(`\\b${command}\\b`));
    }
  });

  test('help COMMAND and COMMAND --help explain one command', () => {
    const help = cli(['help', 'convert']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: case-study-finder convert FILE\.csv/);
    assert.equal(cli(['convert', '--help']).stdout, help.stdout);
    assert.equal(cli(['help', 'nonsense']).code, 2);
  });

  test('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const run = cli(['--version']);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  test('an unknown command: short usage on standard error, exit 2', () => {
    const run = cli(['valdate', 'feed.json']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Unknown command "valdate"\. Did you mean "validate"\?\n\nUsage:\n/);
  });

  test('no command, an unknown option, a missing value or file: exit 2 without a stack trace', () => {
    for (const args of [[], ['validate', '--jsn', 'feed.json'], ['convert', 'a.csv', '--out'], ['validate']]) {
      const run = cli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.notEqual(run.stderr, '');
      assertNoStackTrace(run);
    }
  });
});
