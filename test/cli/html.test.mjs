// `case-study-finder html FEED`: the feed as the element's no-JavaScript fallback, run as a
// webmaster runs it. Needs the built CLI: `npm run build:cli`. What a browser makes of the
// output, with JavaScript off and on, is tested in test/no-js.test.ts.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/case-study-finder.js');
const fixture = (name) => join('test/cli/fixtures', name);

function cli(args, { input } = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The links of the list: [href, text] with the character references undone. */
const links = (html) =>
  [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map(([, href, text]) => [decode(href), decode(text)]);
const decode = (text) =>
  text
    .replace(/&#x([0-9a-f]+);/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&middot;/g, '·')
    .replace(/&amp;/g, '&');
/** The inline feed, as the element reads it (JSON.parse of the script's text). */
const inlineFeed = (html) => JSON.parse(/<script type="application\/json">([\s\S]*?)<\/script>/.exec(html)[1]);

let temp;
before(() => {
  assert.ok(existsSync(join(root, 'dist/cli/main.js')), 'The CLI is not built: run "npm run build:cli" first.');
  temp = mkdtempSync(join(tmpdir(), 'csf-html-'));
});
after(() => rmSync(temp, { recursive: true, force: true }));

describe('case-study-finder html', () => {
  test('lists every case study of the sample feed: heading, linked title, organisation, date, summary', () => {
    const { title, items } = JSON.parse(readFileSync(join(root, 'data/case-studies.json'), 'utf8'));
    const run = cli(['html', 'data/case-studies.json']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, `✓ ${items.length} case studies listed, written to standard output\n`);
    assert.ok(run.stdout.startsWith(`<h2>${title}</h2>\n<ul>\n  <li>\n    <h3><a href=`), run.stdout.slice(0, 200));
    assert.deepEqual(
      links(run.stdout),
      items.map((item) => [item.url, item.title]),
    );
    assert.equal(run.stdout.match(/<li>/g).length, items.length);
    const first = items[0];
    const entry = run.stdout.split('  <li>\n')[1];
    assert.match(decode(entry), new RegExp(`<p>${first.organisation.replace(/[()]/g, '\\$&')} · <time datetime="${first.date}">`));
    assert.ok(decode(entry).includes(`<p>${first.summary}</p>`), entry);
    // Plain ASCII, so it can be pasted into a template in any encoding.
    assert.match(run.stdout, /^[\t\n\x20-\x7e]*$/);
  });

  test('lists a feed a CMS publishes (WordPress RSS) by the same readers: decoded titles, the day as written', () => {
    const run = cli(['html', 'test/fixtures/feeds/wordpress.rss', '--inline-json']);
    assert.equal(run.code, 0, run.stderr);
    // WordPress writes times in UTC: 23:30 on 11 June is 00:30 on 12 June in British Summer Time.
    assert.match(run.stdout, /<h3><a href="https:\/\/news\.borsetshire\.example\/fish-chips-supper-club-for-isolated-residents\/">Fish &amp; chips supper club for isolated residents<\/a><\/h3>\n {4}<p><time datetime="2024-06-12T00:30:00\+01:00">12 June 2024<\/time><\/p>/);
    const inline = JSON.parse(/<script type="application\/json">(.*)<\/script>/.exec(run.stdout)[1]);
    assert.ok(inline.items.length > 0);
    assert.equal(inline.items.find((item) => item.title.startsWith('Fish')).date, '2024-06-12T00:30:00+01:00');
  });

  test('escapes every text, drops unsafe addresses by the widget\'s rules, reports them and exits 1', () => {
    const run = cli(['html', fixture('hostile.json')]);
    assert.equal(run.code, 1);
    assert.deepEqual(links(run.stdout), [
      ['/case-studies/quotes?a=1&b=2', `"Quoted" <b>bold</b> & 'single' titles`],
      ['https://example.gov.uk/a" onmouseover="alert(1)', 'An address that tries to leave its attribute'],
      ['/case-studies/rhyme-time', 'Rhyme time 🎶 in Caernarfon'],
    ]);
    assert.match(run.stdout, /^<h2>Case studies from Ynys M&#xf4;n &amp; Gwynedd<\/h2>\n/);
    // No markup from the feed survives as markup: only the command's own tags are there.
    const tags = new Set([...run.stdout.matchAll(/<\/?([a-z0-9]+)/g)].map(([, tag]) => tag));
    assert.deepEqual([...tags].sort(), ['a', 'h2', 'h3', 'li', 'p', 'time', 'ul']);
    assert.doesNotMatch(run.stdout, /javascript:|data:text|onmouseover="/);
    assert.match(run.stderr, /^✗ 3 of 6 items in .*hostile\.json cannot be shown and were left out; 3 case studies written to standard output\n/);
    assert.match(run.stderr, /item 3 "A script address": url "javascript:alert\(1\)" is not a web address/);
    assert.match(run.stderr, /item 5 \(id "no-title"\): title is missing/);
  });

  test('--inline-json adds the feed for the element, without the items it would skip, unable to end its script', () => {
    const run = cli(['html', fixture('hostile.json'), '--inline-json']);
    assert.equal(run.code, 1);
    assert.equal(run.stdout.match(/<script/g).length, 1);
    assert.equal(run.stdout.match(/<\/script>/g).length, 1);
    assert.ok(run.stdout.endsWith('</script>\n'));
    assert.doesNotMatch(run.stdout, /<!--/);
    const feed = inlineFeed(run.stdout);
    const original = JSON.parse(readFileSync(join(root, fixture('hostile.json')), 'utf8'));
    assert.equal(feed.title, original.title);
    assert.deepEqual(
      feed.items,
      original.items.filter((item) => ['quotes', 'attribute', 'emoji'].includes(item.id)),
    );
    assert.match(run.stdout, /^[\t\n\x20-\x7e]*$/);
  });

  test('--heading-level sets the heading, titles one level below; out of range is refused', () => {
    const run = cli(['html', fixture('valid.json'), '--heading-level', '3']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<h3>Case studies<\/h3>\n<ul>\n {2}<li>\n {4}<h4><a href/);
    for (const level of ['0', '6', 'two', '2.5']) {
      const refused = cli(['html', fixture('valid.json'), '--heading-level', level]);
      assert.equal(refused.code, 2, level);
      assert.equal(refused.stdout, '');
      assert.match(refused.stderr, /--heading-level must be a number from 1 to 5/);
    }
  });

  test('--lang cy: Welsh dates, and a Welsh heading for a feed without a title', () => {
    const withTitle = cli(['html', fixture('valid.json'), '--lang', 'cy']);
    assert.equal(withTitle.code, 0, withTitle.stderr);
    assert.match(withTitle.stdout, /<time datetime="2021-06-14">14 Mehefin 2021<\/time>/);
    const bare = JSON.stringify(JSON.parse(readFileSync(join(root, fixture('valid.json')), 'utf8')).items);
    assert.match(cli(['html', '-', '--lang', 'cy'], { input: bare }).stdout, /^<h2>2 astudiaeth achos<\/h2>/);
    assert.match(cli(['html', '-'], { input: bare }).stdout, /^<h2>2 case studies<\/h2>/);
    assert.equal(cli(['html', fixture('valid.json'), '--lang', 'fr']).code, 2);
  });

  test('--out writes the list to a file, whole, and the report to standard output', () => {
    const target = join(temp, 'fallback.html');
    const run = cli(['html', fixture('valid.json'), '--out', target]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `✓ 2 case studies listed, written to ${target}\n`);
    assert.equal(run.stderr, '');
    assert.equal(readFileSync(target, 'utf8'), cli(['html', fixture('valid.json')]).stdout);
  });

  test('never overwrites its input, by the same name, another path or a link', () => {
    const feed = join(temp, 'feed.json');
    const text = readFileSync(join(root, fixture('valid.json')), 'utf8');
    writeFileSync(feed, text);
    symlinkSync(feed, join(temp, 'link.json'));
    for (const out of [feed, join(temp, '.', 'feed.json'), join(temp, 'link.json')]) {
      const run = cli(['html', feed, '--out', out]);
      assert.equal(run.code, 2, out);
      // A link is refused as one (it might lead anywhere), the rest as the feed itself.
      assert.match(run.stderr, out.endsWith('link.json') ? /is a symbolic link, not an ordinary file/ : /is the feed itself, and writing the list there would replace it/);
      assert.equal(readFileSync(feed, 'utf8'), text);
    }
  });

  test('a missing file, a file that is not JSON, JSON that is not a feed: a sentence, exit 2', () => {
    for (const [args, message] of [
      [['html', 'no-such-feed.json'], /Cannot find the file "no-such-feed\.json"/],
      [['html', fixture('not-json.json')], /is not valid JSON/],
      [['html', fixture('wrong-shape.json')], /wrong-shape\.json: /],
      [['html'], /Give the feed to list, as in: case-study-finder html case-studies\.json/],
      [['html', fixture('valid.json'), '--out'], /The option --out needs a value, as in: --out case-studies\.html/],
    ]) {
      const run = cli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '');
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /^\s+at .+[(:]\d+/m);
    }
  });

  test('is listed in the help', () => {
    assert.match(cli(['--help']).stdout, /\bhtml\b.*fallback without JavaScript/);
    const help = cli(['help', 'html']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: case-study-finder html FEED /);
    assert.equal(cli(['html', '--help']).stdout, help.stdout);
  });
});
