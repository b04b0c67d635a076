// The block as a webmaster who is not a developer meets it, on a fresh WordPress where every
// post is "Uncategorized" (as WordPress files posts nobody categorised): a live preview of the
// finder in the editor, categories, tags and filters to choose rather than to type, and advice
// when there is nothing to filter by category. With CSF_WORDPRESS_SCREENSHOTS=dir it also
// saves the screenshots the README shows (npm run screenshots:wordpress).
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, requireChromium } from '../../scripts/browsers.mjs';
import { startSite } from '../../scripts/wordpress/site.mjs';
import { assert, logSummary, logIn, phpProblems, rest } from './helpers.mjs';

const shots = process.env.CSF_WORDPRESS_SCREENSHOTS;
/** The posts the Author adds, newest first, as the finder lists them. */
const POSTS = ['Walking netball in the park', 'Tameside Story Makers', 'Libraries providing a lifeline'];
/** WordPress's own first post, "Hello world!", is there too, the newest of all. */
const LISTED = ['Hello world!', ...POSTS];

let site;
let browser;
let page;
const problems = [];

/** The finder block's settings as the editor holds them. */
const blockAttributes = () =>
  page.evaluate(() => window.wp.data.select('core/block-editor').getBlocks().find((b) => b.name === 'case-study-finder/finder').attributes);

/** The block's sidebar (its settings), where the webmaster works. */
const sidebar = () => page.locator('.interface-complementary-area');

// The preview follows a change after the editor's 500 ms pause, a request for the block's HTML
// and the widget's own request for the feed, each answered by one of PHP's two test workers: on
// a busy machine that can take tens of seconds, hence the long waits for it below.

before(async () => {
  site = await startSite({ log: (line) => console.log(`# ${line}`) });
  browser = await chromium.launch({ executablePath: requireChromium(), args: CHROMIUM_ARGS });

  // A fresh site: posts without categories (so "Uncategorized"), two with tags; one category
  // made but not used yet.
  const tag = async (name) => (await rest(site, site.author, 'POST', '/wp/v2/tags', { name })).id;
  const libraries = await tag('libraries');
  const sport = await tag('sport');
  await rest(site, site.admin, 'POST', '/wp/v2/categories', { name: 'Case studies', slug: 'case-studies' });
  const dates = ['2023-02-01T12:00:00', '2021-06-14T10:00:00', '2020-05-01T09:00:00'];
  const tags = [[sport], [], [libraries]];
  for (const [i, title] of POSTS.entries()) {
    await rest(site, site.author, 'POST', '/wp/v2/posts', {
      status: 'publish',
      title,
      date: dates[i],
      excerpt: `About ${title.toLowerCase()}.`,
      tags: tags[i],
    });
  }

  page = await logIn(browser, site, site.author);
  await page.setViewportSize({ width: 1400, height: 1000 });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`${site.url}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.blocks?.getBlockType('case-study-finder/finder'), null, { timeout: 60_000 });
  // The editor's welcome guide, shown on a first visit, would cover the page.
  await page.evaluate(() => {
    const { select, dispatch } = window.wp.data;
    if (select('core/edit-post').isFeatureActive('welcomeGuide')) dispatch('core/edit-post').toggleFeature('welcomeGuide');
    // The block's toolbar in the top bar, where it covers nothing (a setting of the editor's own).
    if (!select('core/edit-post').isFeatureActive('fixedToolbar')) dispatch('core/edit-post').toggleFeature('fixedToolbar');
  });
  await page.evaluate(() => {
    const { dispatch } = window.wp.data;
    dispatch('core/editor').editPost({ title: 'Our case studies' });
    dispatch('core/block-editor').insertBlocks(window.wp.blocks.createBlock('case-study-finder/finder'));
    dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
  });
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

describe('the block in the editor, on a fresh site', () => {
  test('shows a live preview: the finder itself, with the site’s posts as cards', async () => {
    const cards = page.locator('.editor-styles-wrapper case-study-finder [part~="card-title"]');
    await cards.nth(LISTED.length - 1).waitFor({ timeout: 60_000 });
    assert.deepEqual(await cards.allTextContents(), LISTED);
    // Inert: a click on a case study must not leave the editor.
    assert.equal(await page.locator('.editor-styles-wrapper .components-disabled case-study-finder').count(), 1);
  });

  test('says every post is “Uncategorized”, and offers tags or the year to filter by instead', async () => {
    const notice = sidebar().locator('.case-study-finder-nothing-to-filter');
    await notice.waitFor({ timeout: 15_000 });
    assert.match(await notice.textContent(), /All 4 posts this finder lists are “Uncategorized”, so there is nothing to filter by category\./);
    if (shots) {
      await notice.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'wordpress-block.png') });
    }
    await notice.getByRole('button', { name: 'Filter by year' }).click();
    assert.equal((await blockAttributes()).facets, 'year');
    assert.equal(await notice.count(), 0, 'the advice is taken: it goes');
    assert.ok(await sidebar().getByRole('checkbox', { name: 'Year' }).isChecked());
    assert.equal(await sidebar().getByRole('checkbox', { name: 'Categories (topics)' }).isChecked(), false);
  });

  test('filters are checkboxes, written as the element’s field names', async () => {
    await sidebar().getByRole('checkbox', { name: 'Tags' }).check();
    assert.equal((await blockAttributes()).facets, 'keywords year');
    // The preview follows: the tags are a filter group.
    const group = page.locator('.editor-styles-wrapper case-study-finder [part~="filter-group"]');
    await group.first().waitFor({ timeout: 60_000 });
    if (shots) {
      await sidebar().getByRole('checkbox', { name: 'Tags' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(shots, 'wordpress-block-settings.png') });
    }
    await sidebar().getByLabel('Other feed fields').fill('region');
    assert.equal((await blockAttributes()).facets, 'keywords year region');
    await sidebar().getByLabel('Other feed fields').fill('');
    assert.equal((await blockAttributes()).facets, 'keywords year');
  });

  test('categories and tags are chosen from the site’s own', async () => {
    const category = sidebar().getByLabel('Category', { exact: true });
    // The site's categories and tags arrive from its REST API a moment after the sidebar.
    await category.locator('option').nth(2).waitFor({ state: 'attached' });
    await sidebar().getByLabel('Tag', { exact: true }).locator('option').nth(2).waitFor({ state: 'attached' });
    assert.deepEqual(await category.locator('option').allTextContents(), ['All categories', 'Case studies (0)', 'Uncategorized (4)']);
    const tag = sidebar().getByLabel('Tag', { exact: true });
    assert.deepEqual(await tag.locator('option').allTextContents(), ['Any tag', 'libraries (1)', 'sport (1)']);
    await tag.selectOption({ label: 'sport (1)' });
    assert.equal((await blockAttributes()).tag, 'sport');
    const cards = page.locator('.editor-styles-wrapper case-study-finder [part~="card-title"]');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.editor-styles-wrapper case-study-finder')].some((el) => el.shadowRoot?.querySelectorAll('[part~="card-title"]').length === 1),
      null,
      { timeout: 60_000 },
    );
    assert.deepEqual(await cards.allTextContents(), ['Walking netball in the park']);
    await tag.selectOption('');
    await category.selectOption({ label: 'Case studies (0)' });
    assert.equal((await blockAttributes()).category, 'case-studies');
  });

  test('the order, language and layout offer the values the element takes (from its manifest)', async () => {
    const options = async (label) => sidebar().getByLabel(label, { exact: true }).locator('option').evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(await options('Order'), ['', 'relevance', 'newest', 'oldest', 'title']);
    assert.deepEqual(await options('Language'), ['', 'en', 'cy']);
    assert.deepEqual(await options('Layout'), ['', 'compact']);
    assert.deepEqual(await options('Heading level'), ['', '2', '3', '4', '5', '6']);
    await sidebar().getByLabel('Heading level', { exact: true }).selectOption('3');
    assert.equal((await blockAttributes()).headingLevel, 3);
  });

  test('raised no script error, and PHP logged nothing', (t) => {
    for (const line of logSummary(site)) t.diagnostic(line);
    assert.deepEqual(problems, []);
    assert.deepEqual(phpProblems(site, { unexpected: true }), []);
  });
});
