// The feeds councils' CMSes publish, read by the command line as a webmaster runs it:
// `case-study-finder convert ADDRESS` and `validate ADDRESS`, against a server on 127.0.0.1 that
// answers as the CMS would (content type, WordPress's paging headers). Every fixture in
// test/fixtures/feeds/manifest.json must give the items in its expected/NAME.json, the same
// file src/lib/formats/feeds.test.ts checks the widget's readers against in Chromium and
// Firefox: the command line (xmldom) and the browsers (DOMParser) give the same items.
// Needs the built CLI and library: `npm run build` (or build:cli and build:types).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(root, 'bin/case-study-finder.js');
const fixtures = join(root, 'test/fixtures/feeds');
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8'));
const expectedOf = (name) => JSON.parse(readFileSync(join(fixtures, 'expected', `${name}.json`), 'utf8'));

/** Runs the CLI without blocking this process (its server must answer meanwhile). */
function cli(args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/**
 * Serves one fixture's pages on 127.0.0.1 at the paths they are published at. The fixture's
 * own site name, in bodies and headers, becomes the server's, so that its next-page links stay
 * on the site the CLI is reading; `restore` turns the server's name back in the CLI's output.
 */
async function serve(pages) {
  const origin = new URL(pages[0].url).origin;
  const server = createServer((request, response) => {
    const page = pages.find((candidate) => {
      const url = new URL(candidate.url);
      return new URL(request.url, 'http://x').href === new URL(url.pathname + url.search, 'http://x').href;
    });
    if (!page) {
      response.writeHead(404).end();
      return;
    }
    const local = `http://127.0.0.1:${server.address().port}`;
    // As bytes read one to one, so a Latin-1 file stays Latin-1.
    const body = readFileSync(join(fixtures, page.file)).toString('latin1').replaceAll(origin, local);
    const headers = Object.fromEntries(Object.entries(page.headers ?? {}).map(([name, value]) => [name, value.replaceAll(origin, local)]));
    response.writeHead(200, { 'content-type': page.type, ...headers }).end(Buffer.from(body, 'latin1'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${server.address().port}`;
  return {
    address: pages[0].url.replace(origin, local),
    restore: (text) => text.replaceAll(local, origin),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The report lines a problem gets: `item 5 "Title": reason`, counting from 1. */
const finding = ({ index, title, id, reason }) => `  item ${index + 1}${title ? ` "${title}"` : id ? ` (id "${id}")` : ''}: ${reason}`;

/** Items as convert writes them: newest first, undated last, ties in the feed's order. */
const newestFirst = (items) =>
  items
    .map((item, at) => ({ item, at, time: item.date ? Date.parse(item.date) : -Infinity }))
    .sort((a, b) => b.time - a.time || a.at - b.at)
    .map(({ item }) => item);

describe('case-study-finder convert ADDRESS, for every feed fixture', () => {
  for (const [name, fixture] of Object.entries(manifest)) {
    if (name.startsWith('//')) continue;
    test(`${name} (${fixture.pages.map((page) => page.file).join(', ')})`, async () => {
      const expected = expectedOf(name);
      const site = await serve(fixture.pages);
      try {
        const run = await cli(['convert', site.address]);
        const stderr = site.restore(run.stderr);
        if (expected.error) {
          assert.equal(run.code, 2, stderr);
          assert.equal(run.stdout, '');
          assert.match(stderr, new RegExp(`^✗ ${escape(fixture.pages[0].url)}: ${expected.error.slice(1, -1)}\\n$`));
          return;
        }
        const written = JSON.parse(site.restore(run.stdout));
        assert.deepEqual(written.items, newestFirst(expected.items));
        assert.equal(written.order, 'newest');
        assert.equal(written.title, expected.title ?? 'Case studies');
        assert.equal(run.code, expected.skipped.length ? 1 : 0, stderr);
        const pages = fixture.pages.length > 1 ? `, ${fixture.pages.length} pages` : '';
        assert.match(stderr.split('\n')[0], new RegExp(`^[✓✗] .*${escape(fixture.pages[0].url)} \\(.+${pages}\\)`));
        for (const problem of expected.skipped) assert.ok(stderr.includes(`\n${finding(problem)}\n`), stderr);
        for (const problem of expected.warnings) assert.ok(stderr.includes(`\n${finding(problem)}\n`), stderr);
        for (const note of expected.notes) assert.ok(stderr.includes(`\n  the feed: ${note}\n`), stderr);
      } finally {
        await site.close();
      }
    });
  }
});

describe('case-study-finder with a feed file', () => {
  const file = (name) => join('test/fixtures/feeds', name);

  test('convert reads a file as it reads the address when xml:base gives the site', async () => {
    const run = await cli(['convert', file('localgov-drupal.rss')]);
    assert.equal(run.code, 0, run.stderr);
    const written = JSON.parse(run.stdout);
    assert.deepEqual(written.items, newestFirst(expectedOf('localgov-drupal').items));
    // No categories in LocalGov Drupal's RSS: the year is the filter it offers.
    assert.deepEqual(written.facets, [{ key: 'year', label: 'Year' }]);
    assert.equal(run.stderr, '✓ 3 case studies converted from test/fixtures/feeds/localgov-drupal.rss (RSS), written to standard output\n');
  });

  test('a relative link in a file with no address stays relative', async () => {
    const { items } = JSON.parse((await cli(['convert', file('media.rss')])).stdout);
    assert.deepEqual(items[2].image, { src: '/images/towpath.webp', alt: '' });
  });

  test('convert offers topics when the feed has categories', async () => {
    const { facets } = JSON.parse((await cli(['convert', file('wordpress.atom')])).stdout);
    assert.deepEqual(facets, [{ key: 'topics', label: 'Topics' }]);
  });

  test('validate checks any format, and reports what the feed left out', async () => {
    const wordpress = await cli(['validate', file('wordpress-posts-1.json')]);
    assert.equal(wordpress.code, 0, wordpress.stderr);
    assert.equal(wordpress.stdout, '✓ 3 case studies, all valid\n');
    const dates = await cli(['validate', file('date-zoo.rss')]);
    assert.equal(dates.code, 0);
    assert.match(dates.stdout, /^✓ 12 case studies, all valid, with 2 warnings\n/);
    assert.match(dates.stdout, /item 11 "A day that does not exist": date "Mon, 31 Jun 2024 10:00:00 \+0100" is not a date/);
  });

  test('an HTML page: plain words, exit 2', async () => {
    const run = await cli(['validate', file('login-page.html')]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^✗ test\/fixtures\/feeds\/login-page\.html: This is a web page \("Sign in \| Borsetshire County Council"\), not a feed: a login page, so the feed is not public\.\n$/);
  });

  test('--from reads as the format named, and says when the feed is another', async () => {
    const atom = await cli(['convert', file('wordpress.rss'), '--from', 'atom']);
    assert.equal(atom.code, 2);
    assert.equal(atom.stderr, '✗ test/fixtures/feeds/wordpress.rss: The feed is an RSS feed, not an Atom feed.\n');
    const jsonFeed = await cli(['validate', file('wordpress-posts-2.json'), '--from', 'jsonfeed']);
    assert.equal(jsonFeed.code, 2);
    assert.match(jsonFeed.stderr, /The feed is not a JSON Feed\./);
    const wordpress = await cli(['validate', file('wordpress-posts-2.json'), '--from', 'wordpress']);
    assert.equal(wordpress.code, 0, wordpress.stderr);
    const unknown = await cli(['convert', file('wordpress.rss'), '--from', 'rdf']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /--from must be one of rss, atom, jsonfeed, wordpress, jsonapi, csv \(got "rdf"\)/);
  });

  test('CSV is still CSV, by its name or because it is neither XML nor JSON', async () => {
    const run = await cli(['convert', 'test/cli/fixtures/good.csv']);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(JSON.parse(run.stdout).items.length > 0);
  });

  test('an address that does not answer: a sentence, exit 2', async () => {
    const server = createServer((request, response) => response.writeHead(404, 'Not Found').end());
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = `http://127.0.0.1:${server.address().port}/feed/`;
    try {
      const run = await cli(['convert', address]);
      assert.equal(run.code, 2);
      assert.equal(run.stderr, `✗ ${address} answered 404 Not Found.\n`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('@xmldom/xmldom, the command line\'s XML parser', () => {
  // The CLI refuses a document type with entities before parsing; this is the parser's own
  // defence, should a feed ever reach it.
  const laughs = readFileSync(join(fixtures, 'billion-laughs.rss'), 'utf8');

  test('stops at the first entity of a billion laughs, at once', () => {
    const errors = [];
    const started = performance.now();
    assert.throws(() =>
      new DOMParser({
        onError(level, message) {
          errors.push(message);
          if (level !== 'warning') throw new Error(message);
        },
      }).parseFromString(laughs, 'application/xml'),
    );
    assert.ok(performance.now() - started < 200, `took ${performance.now() - started} ms`);
    assert.match(errors[0], /entity not found:\s*&j;/);
  });

  test('even told to go on, expands no entity a document declares', () => {
    const doc = new DOMParser({ onError() {} }).parseFromString(laughs, 'application/xml');
    assert.equal(doc.getElementsByTagName('title')[0].textContent, '&j;');
  });
});

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
