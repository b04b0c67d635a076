// What a hostile visitor, Author or Contributor tries against the plugin on a real WordPress:
// odd values for the public feed's arguments, post types the site keeps private, block
// attributes written so that they skip block.json's checks, and feeds from other sites. Every
// answer must be plain JSON (never a PHP "critical error" page), and the PHP log stays empty.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startSite } from '../../scripts/wordpress/site.mjs';
import { assert, logSummary, feed, logMark, logSince, makeUser, muPlugin, phpProblems, rest } from './helpers.mjs';

let site;
let contributor;
const ids = {};

before(async () => {
  site = await startSite({ log: (line) => console.log(`# ${line}`) });
  contributor = await makeUser(site, 'contributor');
  const category = await rest(site, site.admin, 'POST', '/wp/v2/categories', { name: 'Case studies', slug: 'case-studies' });
  const post = await rest(site, site.author, 'POST', '/wp/v2/posts', {
    status: 'publish',
    title: 'Tameside Story Makers',
    content: '<!-- wp:paragraph --><p>Stories.</p><!-- /wp:paragraph -->',
    categories: [category.id],
  });
  ids.story = post.id;

  // Two post types a plugin might register: one the site keeps to itself (public in name,
  // but not queryable, not in REST: core's REST and the front end both answer 404 for it),
  // and one that visitors can see.
  writeFileSync(
    join(site.docroot, 'wp-content/mu-plugins/test-types.php'),
    `<?php
add_action( 'init', function () {
	register_post_type( 'csf_internal', array( 'label' => 'Internal notes', 'public' => true, 'publicly_queryable' => false, 'show_in_rest' => false ) );
	register_post_type( 'csf_showcase', array( 'label' => 'Showcase', 'public' => true, 'show_in_rest' => false ) );
} );
`,
  );
  const insert = (type, title) =>
    site.php(`return wp_insert_post( array( 'post_type' => '${type}', 'post_status' => 'publish', 'post_title' => '${title}', 'post_excerpt' => 'Kept to ourselves.' ) );`);
  ids.internal = insert('csf_internal', 'Salary review for the library team');
  ids.showcase = insert('csf_showcase', 'Walking netball in the park');
});

after(async () => {
  await site?.stop();
});

describe('the feed endpoint, asked odd things by anyone', () => {
  // Values that sanitise to nothing, arrays, and values of the wrong type: each gets a JSON
  // answer in words (400, or 404 for a slug that names nothing), and PHP logs nothing.
  const odd = [
    '?category=%3Cscript%3E',
    '?category=%20',
    '?category=---',
    '?category=..',
    '?category=%00',
    '?category=%E2%80%8B',
    '?category[]=a',
    '?category[a]=b',
    '?tag=?',
    '?tag=%3C%3E',
    '?tag[]=x',
    '?tag=%20%20',
    `?category=${'a'.repeat(5000)}`,
    '?category=%F0%9F%98%80',
    '?post_type[]=post',
    '?per_page[]=1',
    '?per_page=ten',
    '?per_page=-1',
    '?exclude=abc',
    '?exclude[]=%3Cscript%3E',
  ];
  for (const query of odd) {
    test(`${decodeURIComponent(query).slice(0, 60)} gets a JSON 400 or 404`, async () => {
      const mark = logMark(site);
      const { status, headers, body } = await feed(site, query);
      assert.ok([400, 404].includes(status), `status ${status}: ${typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body)}`);
      assert.match(headers.get('content-type'), /application\/json/);
      assert.equal(typeof body.message, 'string');
      assert.doesNotMatch(body.message, /critical error/i);
      assert.equal(logSince(site, mark), '');
    });
  }

  test('an empty value is no narrowing at all', async () => {
    const { status, body } = await feed(site, '?category=&tag=');
    assert.equal(status, 200);
    assert.ok(body.items.some((item) => item.title === 'Tameside Story Makers'));
  });
});

describe('post types', () => {
  test('one the site keeps private (public, but not publicly queryable) is not listed', async () => {
    // Core itself does not show it: the front end gives a 404 for its post.
    const front = await fetch(`${site.url}/?p=${ids.internal}&post_type=csf_internal`);
    assert.equal(front.status, 404);
    const { status, body } = await feed(site, '?post_type=csf_internal');
    assert.equal(status, 400);
    assert.doesNotMatch(JSON.stringify(body), /Salary review/);
  });

  test('one visitors can see is listed, even when it is not in REST', async () => {
    const { status, body } = await feed(site, '?post_type=csf_showcase');
    assert.equal(status, 200);
    assert.deepEqual(
      body.items.map((item) => item.title),
      ['Walking netball in the park'],
    );
  });
});

describe('caching', () => {
  test('the feed may be kept by browsers and caches for 5 minutes', async () => {
    const { status, headers } = await feed(site);
    assert.equal(status, 200);
    assert.equal(headers.get('cache-control'), 'public, max-age=300');
  });

  test('errors are not kept', async () => {
    const { status, headers } = await feed(site, '?category=no-such-category');
    assert.equal(status, 404);
    assert.doesNotMatch(headers.get('cache-control') ?? '', /public|max-age=[1-9]/);
  });

  test('a site owner changes the lifetime with one filter', async () => {
    muPlugin(site, 'cache', "add_filter( 'case_study_finder_feed_max_age', function () { return 60; } );");
    try {
      assert.equal((await feed(site)).headers.get('cache-control'), 'public, max-age=60');
      muPlugin(site, 'cache', "add_filter( 'case_study_finder_feed_max_age', '__return_zero' );");
      assert.equal((await feed(site)).headers.get('cache-control'), 'no-cache');
    } finally {
      muPlugin(site, 'cache', null);
    }
  });
});

describe('block attributes that skip block.json', () => {
  // Written in kebab-case, as the element's own names, they are not the block's attributes:
  // WordPress does not check their types, and they must not reach the page either.
  const kebab = {
    category: 'case-studies',
    'fallback-text': ['<b>x</b>'],
    'fallback-href': { href: 'javascript:alert(1)' },
    'page-size': ['3'],
    'sync-url': { on: true },
    'post-type': ['csf_internal'],
    src: ['javascript:alert(1)'],
    facets: 'topics',
  };
  // Escaped as the block editor writes attributes, so that kses leaves the comment whole.
  const json = JSON.stringify(kebab).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const content = `<!-- wp:case-study-finder/finder ${json} /-->`;

  for (const who of ['author', 'contributor']) {
    test(`as written by ${who === 'author' ? 'an Author' : 'a Contributor'}, render without a PHP warning and without them`, async () => {
      const user = who === 'author' ? site.author : contributor;
      const mark = logMark(site);
      const post = await rest(site, user, 'POST', '/wp/v2/posts', { status: 'draft', title: `Kebab ${who}`, content });
      // The Administrator previews it, as an editor reviewing a Contributor's draft would.
      const { content: shown } = await rest(site, site.admin, 'GET', `/wp/v2/posts/${post.id}?context=edit`);
      const element = shown.rendered.match(/<case-study-finder[^>]*>/)?.[0];
      assert.equal(element, `<case-study-finder src="${site.url}/wp-json/case-study-finder/v1/feed?category=case-studies&#038;exclude=${post.id}" facets="topics">`);
      assert.equal(logSince(site, mark), '');
    });
  }
});

describe('feeds from other sites', () => {
  const elsewhere = 'https://feeds.elsewhere.example/case-studies.json';
  const kept = async (who, src) => {
    const post = await rest(site, who, 'POST', '/wp/v2/posts', { status: 'draft', content: `<case-study-finder src="${src}"></case-study-finder>` });
    return (await rest(site, who, 'GET', `/wp/v2/posts/${post.id}?context=edit`)).content.raw;
  };
  const shortcodeSrc = async (src) => {
    const post = await rest(site, site.author, 'POST', '/wp/v2/posts', { status: 'publish', content: `[case_study_finder src="${src}"]` });
    const html = await (await fetch(post.link)).text();
    return html.match(/<case-study-finder src="([^"]*)"/)?.[1];
  };

  test('by default, an Author or a Contributor may point a finder at any feed address', async () => {
    assert.equal(await kept(contributor, elsewhere), `<case-study-finder src="${elsewhere}"></case-study-finder>`);
    assert.equal(await shortcodeSrc(elsewhere), elsewhere);
  });

  test('a site owner limits finders to this site, or to the hosts they name, with one filter', async () => {
    try {
      muPlugin(site, 'feed-hosts', "add_filter( 'case_study_finder_feed_hosts', '__return_empty_array' );");
      assert.equal(await kept(contributor, elsewhere), '<case-study-finder></case-study-finder>');
      assert.equal(await kept(site.author, `//feeds.elsewhere.example/x.json`), '<case-study-finder></case-study-finder>');
      assert.equal(await kept(site.author, '/wp-json/case-study-finder/v1/feed'), '<case-study-finder src="/wp-json/case-study-finder/v1/feed"></case-study-finder>');
      assert.equal(await kept(site.author, `${site.url}/feed.json`), `<case-study-finder src="${site.url}/feed.json"></case-study-finder>`);
      // The shortcode falls back to this site's own feed.
      assert.match(await shortcodeSrc(elsewhere), new RegExp(`^${site.url}/wp-json/case-study-finder/v1/feed`));

      muPlugin(site, 'feed-hosts', "add_filter( 'case_study_finder_feed_hosts', function () { return array( 'feeds.elsewhere.example' ); } );");
      assert.equal(await kept(contributor, elsewhere), `<case-study-finder src="${elsewhere}"></case-study-finder>`);
      assert.equal(await kept(contributor, 'https://other.example/feed.json'), '<case-study-finder></case-study-finder>');
    } finally {
      muPlugin(site, 'feed-hosts', null);
    }
  });
});

describe('PHP', () => {
  test('logged nothing at all: no error, warning, notice or deprecation', (t) => {
    for (const line of logSummary(site)) t.diagnostic(line);
    assert.deepEqual(phpProblems(site, { unexpected: true }), []);
  });
});
