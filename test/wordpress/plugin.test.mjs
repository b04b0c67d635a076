// The WordPress plugin on a real WordPress (Debian's 6.1, PHP 8.2, MariaDB), installed from
// dist/wordpress/case-study-finder.zip. An Author — a role WordPress does not trust with
// unfiltered HTML — publishes case studies and three pages that show them (shortcode, the
// element in a Custom HTML block, the block), all through the REST API with an application
// password, as a publishing tool would. A visitor's headless Chromium must then see the
// category's case studies as cards, and the feed must pass the webmaster's validator.
//
// Run by `npm run test:wordpress` (scripts/wordpress/test.mjs), which skips it when PHP,
// MariaDB or WordPress are not installed. Needs `npm run build`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/browsers.mjs';
import { startSite } from '../../scripts/wordpress/site.mjs';
import { feed as feedOf, logIn, logSummary, manifestAttributes, rest as restAs } from './helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** The case studies the Author files under "Case studies", newest first. */
const CASE_STUDIES = ['Walking netball in the park', 'Tameside Story Makers', 'Libraries providing a lifeline'];
/** Posts that must never reach the feed or the cards. */
const NOT_CASE_STUDIES = ['Bin collection changes', 'A draft case study', 'A protected case study'];
const ALT = 'Children listening to a story';

// A 1×1 PNG: enough for WordPress to accept an upload and make it a featured image.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let site;
let browser;
let temp;
/** The id of the "Case studies" category. */
let caseStudiesId;
/** Published posts by name: { id, link }. */
const posts = {};

/** A REST API call as `who` (site.admin or site.author), with their application password. */
const rest = (who, method, path, body, headers) => restAs(site, who, method, path, body, headers);

/** The public feed, as the widget and a visitor's browser fetch it. */
const feed = (query) => feedOf(site, query);

/** The Author publishes a post and remembers it under `name`. */
async function publish(name, fields) {
  const post = await rest(site.author, 'POST', '/wp/v2/posts', { status: 'publish', ...fields });
  posts[name] = { id: post.id, link: post.link };
  return post;
}

/** What the database holds for a post: the HTML after WordPress's filter. */
async function savedContent(id) {
  return (await rest(site.author, 'GET', `/wp/v2/posts/${id}?context=edit`)).content.raw;
}

/**
 * Opens a page as a visitor and waits for the widget's cards. Fails on any script error or
 * console error on the page.
 */
async function visit(url, { expectCards = CASE_STUDIES.length, route } = {}) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  if (route) await page.route(url, route);
  await page.goto(url);
  // Playwright's CSS selectors look inside open shadow roots: these are the cards' titles as
  // the widget renders them.
  const titles = page.locator('case-study-finder [part~="card-title"]');
  await titles.nth(expectCards - 1).waitFor({ timeout: 20_000 });
  return { page, titles, problems };
}

before(async () => {
  temp = mkdtempSync(join(tmpdir(), 'csf-wordpress-test-'));
  site = await startSite({ log: (line) => console.log(`# ${line}`) });
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });

  // Authors may use categories but not create them: the Administrator does.
  const category = async (name, slug) => (await rest(site.admin, 'POST', '/wp/v2/categories', { name, slug })).id;
  const caseStudies = (caseStudiesId = await category('Case studies', 'case-studies'));
  const libraries = await category('Libraries', 'libraries');
  const earlyYears = await category('Early years', 'early-years');
  const tag = async (name) => (await rest(site.author, 'POST', '/wp/v2/tags', { name })).id;
  const storytelling = await tag('storytelling');
  const preSchool = await tag('pre-school');

  const image = await rest(site.author, 'POST', '/wp/v2/media', PNG, {
    'Content-Type': 'image/png',
    'Content-Disposition': 'attachment; filename="story-makers.png"',
  });
  await rest(site.author, 'POST', `/wp/v2/media/${image.id}`, { alt_text: ALT });

  await publish('Tameside Story Makers', {
    title: 'Tameside Story Makers',
    date: '2021-06-14T10:00:00',
    content: '<!-- wp:paragraph --><p>Every week, stories and songs in six libraries.</p><!-- /wp:paragraph -->',
    excerpt: 'Weekly <strong>storytelling</strong> sessions &amp; songs for children under five.',
    categories: [caseStudies, earlyYears],
    tags: [storytelling, preSchool],
    featured_media: image.id,
    meta: { case_study_organisation: 'Tameside Metropolitan Borough Council' },
  });
  await publish('Libraries providing a lifeline', {
    title: 'Libraries providing a lifeline',
    date: '2020-05-01T09:00:00',
    content:
      '<!-- wp:paragraph --><p>Libraries in <em>Kent</em> kept people "connected" during lockdown &amp; after.</p><!-- /wp:paragraph -->',
    categories: [caseStudies, libraries],
  });
  await publish('Walking netball in the park', {
    title: 'Walking netball in the park',
    date: '2023-02-01T12:00:00',
    content: '<!-- wp:paragraph --><p>A gentle game for all ages.</p><!-- /wp:paragraph -->',
    categories: [caseStudies],
  });
  await publish('Bin collection changes', {
    title: 'Bin collection changes',
    content: '<!-- wp:paragraph --><p>Not a case study.</p><!-- /wp:paragraph -->',
  });
  await rest(site.author, 'POST', '/wp/v2/posts', { title: 'A draft case study', status: 'draft', categories: [caseStudies] });
  await publish('A protected case study', { title: 'A protected case study', password: 'secret', categories: [caseStudies] });

  // The three ways to put the finder on a page.
  await publish('shortcode', {
    title: 'Our case studies (shortcode)',
    content:
      '<!-- wp:shortcode -->\n[case_study_finder category="case-studies" facets="topics" heading-level="2" sync-url]\n<!-- /wp:shortcode -->',
  });
  await publish('element', {
    title: 'Our case studies (Custom HTML block)',
    content: [
      '<!-- wp:html -->',
      '<case-study-finder src="/wp-json/case-study-finder/v1/feed?category=case-studies" facets="topics" page-size="6" onclick="alert(1)">',
      '  <a href="/category/case-studies/">Browse all case studies</a>',
      '</case-study-finder>',
      '<script>alert("from an author")</script>',
      '<!-- /wp:html -->',
    ].join('\n'),
  });
  await publish('shortcode options', {
    title: 'Shortcode with every kind of value',
    content:
      '<!-- wp:shortcode -->\n[case_study_finder src="javascript:alert(1)" page_size="3" variant="compact" sort="sideways" ' +
      'filter="topics:Early years" lang="cy" timeout="soon" url-prefix="cs-" all-href="/all/"]' +
      'See <em>every</em> case study[/case_study_finder]\n<!-- /wp:shortcode -->',
  });
  await publish('block', {
    title: 'Our case studies (block)',
    content: '<!-- wp:case-study-finder/finder {"category":"case-studies","facets":"topics","pageSize":6} /-->',
  });
});

after(async () => {
  await browser?.close();
  await site?.stop();
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('an Author publishes the finder, and a visitor sees the case studies', () => {
  for (const [name, how] of [
    ['shortcode', 'with the shortcode'],
    ['element', 'with <case-study-finder> in a Custom HTML block'],
    ['block', 'with the block'],
  ]) {
    test(`${how}: the category's case studies appear as cards, newest first`, async () => {
      const { page, titles, problems } = await visit(posts[name].link);
      try {
        assert.deepEqual(await titles.allTextContents(), CASE_STUDIES);
        const text = await page.locator('case-study-finder').evaluate((el) => el.shadowRoot.textContent);
        for (const title of NOT_CASE_STUDIES) assert.ok(!text.includes(title), `"${title}" should not be listed`);
        // The featured image, with the alt text the Author gave it.
        assert.equal(await page.locator('case-study-finder [part~="card-image"]').getAttribute('alt'), ALT);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  test("the element the Author wrote is kept, minus what WordPress's filter must still remove", async () => {
    const saved = await savedContent(posts.element.id);
    assert.match(saved, /<case-study-finder src="\/wp-json\/case-study-finder\/v1\/feed\?category=case-studies" facets="topics" page-size="6">/);
    assert.doesNotMatch(saved, /onclick/);
    assert.doesNotMatch(saved, /<script/);
  });

  test('the page loads the widget as a module, with the classic script for browsers without modules', async () => {
    const html = await (await fetch(posts.block.link)).text();
    const base = `${site.url}/wp-content/plugins/case-study-finder/dist/`;
    const scripts = [...html.matchAll(/<script\b[^>]*case-study-finder[^>]*>/g)].map((match) => match[0]);
    assert.deepEqual(scripts, [
      `<script type="module" src='${base}case-study-finder.js?ver=${version}' id='case-study-finder-js'>`,
      `<script nomodule defer src='${base}case-study-finder.iife.js?ver=${version}' id='case-study-finder-classic-js'>`,
    ]);
  });

  test('in a browser without modules, the classic script shows the same cards', async () => {
    // An old browser skips type="module" and runs nomodule scripts: the same page, rewritten
    // that way on its way to Chromium.
    const route = async (request) => {
      const response = await request.fetch();
      const body = (await response.text())
        .replace(/<script type="module"[^>]*><\/script>/, '')
        .replace('<script nomodule defer', '<script defer');
      await request.fulfill({ response, body });
    };
    const { page, titles, problems } = await visit(posts.shortcode.link, { route });
    try {
      assert.deepEqual(await titles.allTextContents(), CASE_STUDIES);
      assert.equal(await page.evaluate(() => !!document.querySelector('script[type="module"][src*="case-study-finder"]')), false);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('pages without the finder do not load its script', async () => {
    const html = await (await fetch(posts['Bin collection changes'].link)).text();
    assert.match(html, /Not a case study/);
    assert.doesNotMatch(html, /case-study-finder/);
  });

  test('without JavaScript, the shortcode shows every case study as a list, then the link', async () => {
    const html = await (await fetch(posts.shortcode.link)).text();
    const element = html.match(/<case-study-finder[^>]*>[\s\S]*?<\/case-study-finder>/)?.[0];
    assert.match(
      element,
      new RegExp(
        `^<case-study-finder src="${site.url}/wp-json/case-study-finder/v1/feed\\?category=case-studies&#038;exclude=${posts.shortcode.id}" facets="topics" heading-level="2" sync-url>` +
          '<h2>Case studies</h2><ul><li><h3><a href="[^"]+/walking-netball-in-the-park/">Walking netball in the park</a></h3>',
      ),
    );
    // Organisation and date, the summary as escaped text, and the link after the list.
    assert.ok(
      element.includes(
        '<li><h3><a href="' + posts['Tameside Story Makers'].link + '">Tameside Story Makers</a></h3>' +
          '<p>Tameside Metropolitan Borough Council · <time datetime="2021-06-14">June 14, 2021</time></p>' +
          '<p>Weekly storytelling sessions &amp; songs for children under five.</p></li>',
      ),
      element,
    );
    assert.ok(element.endsWith(`</ul><p><a href="${site.url}/category/case-studies/">Browse all case studies</a></p></case-study-finder>`), element);

    // As a visitor without JavaScript, or a crawler that runs none, sees it.
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(posts.block.link);
      assert.deepEqual(await page.locator('case-study-finder li h3 a').allTextContents(), CASE_STUDIES);
      assert.equal(await page.locator('case-study-finder h2').textContent(), 'Case studies');
      for (const title of NOT_CASE_STUDIES) assert.equal(await page.getByText(title).count(), 0, title);
    } finally {
      await context.close();
    }
  });

  test("the finder on a case study leaves that case study out (unless told to list it)", async () => {
    const hub = await publish('hub', {
      title: 'Our library case studies',
      date: '2024-01-01T09:00:00',
      content: '<!-- wp:case-study-finder/finder {"category":"case-studies"} /-->',
      categories: [(await rest(site.author, 'GET', '/wp/v2/categories?slug=case-studies'))[0].id],
    });
    const listing = await publish('listing', {
      title: 'Every case study, this one included',
      date: '2024-01-02T09:00:00',
      content: '<!-- wp:case-study-finder/finder {"category":"case-studies","includeCurrent":true} /-->',
      categories: hub.categories,
    });
    try {
      const own = await visit(hub.link, { expectCards: CASE_STUDIES.length + 1 });
      try {
        // The other case study with a finder is listed; this page is not.
        assert.deepEqual(await own.titles.allTextContents(), ['Every case study, this one included', ...CASE_STUDIES]);
        assert.deepEqual(own.problems, []);
      } finally {
        await own.page.close();
      }
      const all = await visit(listing.link, { expectCards: CASE_STUDIES.length + 2 });
      try {
        assert.deepEqual(await all.titles.allTextContents(), ['Every case study, this one included', 'Our library case studies', ...CASE_STUDIES]);
      } finally {
        await all.page.close();
      }
    } finally {
      for (const post of [hub, listing]) await rest(site.author, 'DELETE', `/wp/v2/posts/${post.id}?force=true`);
    }
  });
});

describe("the element pointed at WordPress's own feeds (no plugin feed needed)", () => {
  /** A page whose Custom HTML block holds the element, reading `src`. */
  const pageReading = (name, src) =>
    publish(name, {
      title: name,
      content: `<!-- wp:html -->\n<case-study-finder src="${src}" facets="topics"><a href="/category/case-studies/">Browse all case studies</a></case-study-finder>\n<!-- /wp:html -->`,
    });
  /** The values of the topics group, as a visitor sees them once it is open. */
  async function topics(page) {
    const toggle = page.locator('case-study-finder [part~="group-toggle"]').first();
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    return page.locator('case-study-finder [part~="chip"] .chip-label').allTextContents();
  }

  test("the category's RSS feed (/category/case-studies/feed/): cards newest first, categories as topics", async () => {
    const post = await pageReading('From the RSS feed', '/category/case-studies/feed/');
    const { page, titles, problems } = await visit(post.link, { expectCards: CASE_STUDIES.length + 1 });
    try {
      // WordPress's RSS lists a password-protected post too, as "Protected: …" with no excerpt
      // (the README says so: its REST API and the plugin's feed leave it out).
      assert.deepEqual(await titles.allTextContents(), ['Protected: A protected case study', ...CASE_STUDIES]);
      const values = await topics(page);
      for (const value of ['Early years', 'Libraries']) assert.ok(values.includes(value), `topics: ${values.join(', ')}`);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  test('REST posts two to a page (?_embed&per_page=2): both pages read, the featured image with its alt text', async () => {
    const src = `/wp-json/wp/v2/posts?categories=${caseStudiesId}&_embed&per_page=2`;
    const post = await pageReading('From the REST API', src.replaceAll('&', '&amp;'));
    const { page, titles, problems } = await visit(post.link);
    try {
      // Three case studies, two a page: the second page was read too.
      assert.deepEqual(await titles.allTextContents(), CASE_STUDIES);
      assert.equal(await page.locator('case-study-finder [part~="card-image"]').getAttribute('alt'), ALT);
      const values = await topics(page);
      for (const value of ['Early years', 'Libraries']) assert.ok(values.includes(value), `topics: ${values.join(', ')}`);
      // Tags are keywords, found by search, not topics.
      assert.ok(!values.includes('storytelling'));
      const box = page.locator('case-study-finder [part~="search-input"]');
      await box.pressSequentially('storytelling', { delay: 180 });
      await page.waitForFunction(() => document.querySelector('case-study-finder').shadowRoot.querySelectorAll('[part~="card-title"]').length === 1);
      assert.deepEqual(await titles.allTextContents(), ['Tameside Story Makers']);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe('the shortcode', () => {
  test('escapes and checks every value, takes page_size for page-size, and its text as the fallback', async () => {
    const html = await (await fetch(posts['shortcode options'].link)).text();
    const element = html.match(/<case-study-finder[^>]*>[\s\S]*?<\/case-study-finder>/)?.[0];
    // An unsafe src is dropped for this site's feed; values the element would not understand
    // (sort="sideways", timeout="soon") are left out.
    assert.equal(
      element,
      `<case-study-finder src="${site.url}/wp-json/case-study-finder/v1/feed?exclude=${posts['shortcode options'].id}" page-size="3" lang="cy" url-prefix="cs-" ` +
        'variant="compact" filter="topics:Early years" all-href="/all/">See <em>every</em> case study</case-study-finder>',
    );
  });
});

describe('the feed endpoint', () => {
  test("lists a category's published posts in the feed format, newest first", async () => {
    const { status, body } = await feed('?category=case-studies');
    assert.equal(status, 200);
    assert.equal(body.title, 'Case studies');
    assert.deepEqual(body.facets, [{ key: 'topics', label: { en: 'Topics', cy: 'Pynciau' } }]);
    assert.deepEqual(
      body.items.map((item) => item.title),
      CASE_STUDIES,
    );

    const [netball, story, libraries] = body.items;
    assert.deepEqual(
      { ...story, keywords: [...story.keywords].sort() },
      {
        title: 'Tameside Story Makers',
        url: posts['Tameside Story Makers'].link,
        summary: 'Weekly storytelling sessions & songs for children under five.',
        organisation: 'Tameside Metropolitan Borough Council',
        date: '2021-06-14',
        // "Case studies" is on every item of this feed, so it is no use as a filter.
        topics: ['Early years'],
        keywords: ['pre-school', 'storytelling'],
        image: { src: story.image.src, alt: ALT },
      },
    );
    assert.match(story.image.src, new RegExp(`^${site.url}/wp-content/uploads/.+\\.png$`));
    // No excerpt: made from the content, as plain text, with the site's name as organisation.
    assert.equal(libraries.summary, 'Libraries in Kent kept people “connected” during lockdown & after.');
    assert.equal(libraries.organisation, 'Borsetshire County Council');
    assert.deepEqual(libraries.topics, ['Libraries']);
    assert.equal(netball.date, '2023-02-01');
    assert.equal(netball.topics, undefined, 'no topics but the category asked for');
  });

  test('passes `case-study-finder validate --strict`, narrowed to a category or not', async () => {
    assert.ok(existsSync(join(root, 'dist/cli/main.js')), 'The CLI is not built: run "npm run build" first.');
    for (const query of ['?category=case-studies', '']) {
      const { body } = await feed(query);
      const file = join(temp, `feed${query ? '-category' : ''}.json`);
      writeFileSync(file, JSON.stringify(body));
      const run = spawnSync(process.execPath, [join(root, 'bin/case-study-finder.js'), 'validate', file, '--strict'], {
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, `feed${query}:\n${run.stdout}${run.stderr}`);
    }
  });

  test('leaves out drafts, password-protected posts and, for a category, the posts outside it', async () => {
    const everything = (await feed()).body.items.map((item) => item.title);
    assert.ok(everything.includes('Bin collection changes'));
    assert.ok(!everything.includes('A draft case study'));
    assert.ok(!everything.includes('A protected case study'));
    // The site's default category says nothing about a post.
    assert.ok((await feed()).body.items.every((item) => !item.topics?.includes('Uncategorized')));
  });

  test('takes per_page up to 500, and other public post types only', async () => {
    assert.deepEqual(
      (await feed('?category=case-studies&per_page=2')).body.items.map((item) => item.title),
      CASE_STUDIES.slice(0, 2),
    );
    assert.equal((await feed('?per_page=501')).status, 400);
    assert.equal((await feed('?per_page=0')).status, 400);
    assert.equal((await feed('?post_type=page')).status, 200);
    for (const hidden of ['revision', 'nav_menu_item', 'wp_block', 'attachment', 'no-such-type']) {
      assert.equal((await feed(`?post_type=${hidden}`)).status, 400, hidden);
    }
  });

  test('answers 404, in words, for a category that does not exist', async () => {
    const { status, body } = await feed('?category=no-such-category');
    assert.equal(status, 404);
    assert.equal(body.message, 'There is no category with the slug "no-such-category".');
  });
});

describe('the block', () => {
  test('is registered, with the element’s settings, and its editor script', async () => {
    const type = await rest(site.author, 'GET', '/wp/v2/block-types/case-study-finder/finder');
    assert.equal(type.title, 'Case study finder');
    // Every attribute the element's manifest lists, under its property's name, with the
    // values the manifest allows; and the plugin's own settings.
    for (const attribute of manifestAttributes()) {
      const setting = type.attributes[attribute.fieldName];
      assert.ok(setting, `no "${attribute.fieldName}" setting for ${attribute.name}`);
      const literals = attribute.type.text.match(/'[^']*'/g)?.map((literal) => literal.slice(1, -1));
      if (literals && /^('[^']*'|undefined)( \| ('[^']*'|undefined))*$/.test(attribute.type.text)) {
        assert.deepEqual(setting.enum, ['', ...literals], attribute.name);
      }
    }
    for (const name of ['category', 'tag', 'postType', 'includeCurrent', 'fallbackHref', 'fallbackText']) assert.ok(name in type.attributes, name);
    assert.deepEqual(type.editor_script, 'case-study-finder-block-editor');
  });

  test('is server-rendered by the shortcode’s function, with bad values left out', async () => {
    const query = new URLSearchParams({
      context: 'edit',
      'attributes[src]': 'javascript:alert(1)',
      'attributes[category]': 'case-studies',
      'attributes[facets]': 'topics"><script>',
      'attributes[sort]': 'newest',
      'attributes[lang]': 'cy',
      'attributes[headingLevel]': '3',
      'attributes[syncUrl]': 'true',
      'attributes[fallbackText]': '<b>All</b> our case studies',
    });
    const { rendered } = await rest(site.author, 'GET', `/wp/v2/block-renderer/case-study-finder/finder?${query}`);
    assert.ok(
      rendered.startsWith(
        '<div class="wp-block-case-study-finder-finder">' +
          `<case-study-finder src="${site.url}/wp-json/case-study-finder/v1/feed?category=case-studies" sort="newest" lang="cy" heading-level="3" sync-url>` +
          '<h3>Case studies</h3><ul><li><h4>',
      ),
      rendered,
    );
    assert.ok(rendered.endsWith(`</ul><p><a href="${site.url}/category/case-studies/">All our case studies</a></p></case-study-finder></div>`), rendered);
  });

  test('loads in the block editor without a build step, with its settings in the sidebar', async () => {
    const page = await logIn(browser, site, site.author);
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    try {
      await page.goto(`${site.url}/wp-admin/post.php?post=${posts.block.id}&action=edit`);
      await page.waitForFunction(() => window.wp?.blocks?.getBlockType('case-study-finder/finder'), null, { timeout: 30_000 });
      // Select the block, and its settings show in the sidebar.
      await page.evaluate(() => {
        const [block] = window.wp.data.select('core/block-editor').getBlocks();
        window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
        window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
      });
      const category = page.getByLabel('Category', { exact: true });
      await category.waitFor({ timeout: 15_000 });
      assert.equal(await category.inputValue(), 'case-studies');
      // The live preview: the finder itself, on the category's case studies.
      const cards = page.locator('.editor-styles-wrapper case-study-finder [part~="card-title"]');
      await cards.nth(CASE_STUDIES.length - 1).waitFor({ timeout: 30_000 });
      assert.deepEqual(await cards.allTextContents(), CASE_STUDIES);
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });
});

describe("WordPress's HTML filter, for an Author", () => {
  test('keeps the element but removes unsafe addresses and values it does not expect', async () => {
    const post = await rest(site.author, 'POST', '/wp/v2/posts', {
      status: 'draft',
      content:
        '<case-study-finder src="javascript:alert(1)" all-href="javascript:alert(2)" sort="evil" heading-level="9" ' +
        'page-size="12" lang="cy" variant="compact" filter="topics:Libraries" url-prefix="cs-" sync-url timeout="5000"></case-study-finder>',
    });
    const saved = await savedContent(post.id);
    assert.doesNotMatch(saved, /javascript/);
    assert.doesNotMatch(saved, /sort=|heading-level=/);
    assert.match(saved, /page-size="12" lang="cy" variant="compact" filter="topics:Libraries" url-prefix="cs-" sync-url timeout="5000"/);
  });

  test('allows exactly the values the element accepts, as its manifest lists them (variant="full" is not one)', async () => {
    const attributes = manifestAttributes();
    for (const attribute of attributes) {
      const literals = /^('[^']*'|undefined)( \| ('[^']*'|undefined))*$/.test(attribute.type.text)
        ? attribute.type.text.match(/'[^']*'/g).map((literal) => literal.slice(1, -1))
        : undefined;
      if (!literals) continue;
      const post = await rest(site.author, 'POST', '/wp/v2/posts', {
        status: 'draft',
        content: `<case-study-finder ${attribute.name}="${literals[0]}"></case-study-finder>`,
      });
      assert.match(await savedContent(post.id), new RegExp(`${attribute.name}="${literals[0]}"`), attribute.name);
    }
    const post = await rest(site.author, 'POST', '/wp/v2/posts', {
      status: 'draft',
      content: '<case-study-finder variant="full" lang="fr" sort="random" page-size="6"></case-study-finder>',
    });
    assert.equal(await savedContent(post.id), '<case-study-finder page-size="6"></case-study-finder>');
  });

  test('without the plugin, the same Author’s element is removed: the problem the plugin solves', async () => {
    const plugin = `/wp/v2/plugins/${site.plugin.replace(/\.php$/, '')}`;
    await rest(site.admin, 'POST', plugin, { status: 'inactive' });
    try {
      const post = await rest(site.author, 'POST', '/wp/v2/posts', {
        status: 'draft',
        content: '<case-study-finder src="/feed.json"><a href="/case-studies/">Browse</a></case-study-finder>',
      });
      assert.equal(await savedContent(post.id), '<a href="/case-studies/">Browse</a>');
    } finally {
      await rest(site.admin, 'POST', plugin, { status: 'active' });
    }
  });
});

describe('PHP', () => {
  test('the plugin raised no error, warning, notice or deprecation', (t) => {
    for (const line of logSummary(site)) t.diagnostic(line);
    const log = existsSync(site.debugLog) ? readFileSync(site.debugLog, 'utf8') : '';
    const lines = `${log}\n${site.serverLog()}`.split('\n');
    // WordPress 6.1's own code has deprecations under PHP 8.2 (its Requests library): those
    // are not ours. Anything else, and anything from the plugin, fails the test.
    const ours = (line) => line.includes('/plugins/case-study-finder/');
    const problems = lines.filter(
      (line) => /PHP (Fatal error|Parse error|Warning|Notice|Deprecated)|WordPress database error/.test(line) && (ours(line) || !/PHP Deprecated/.test(line)),
    );
    assert.deepEqual(problems, []);
  });
});
