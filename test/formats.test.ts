import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder, CsfErrorEvent, CsfLoadEvent } from '../src/index.js';
import { captureWarnings, chipsOf, countText, openGroup, parts, text, titles } from './helpers.js';

/*
 * The feeds councils' CMSes publish, pointed at by `src` as a webmaster would: each fixture in
 * test/fixtures/feeds/manifest.json served at the path its CMS publishes it at, with its content
 * type and paging headers (test/server.mjs, /test-api/site), read by the widget over the
 * network. What a visitor sees must be the items of expected/NAME.json, the file the command
 * line and the readers' own tests are held to.
 */

interface FixturePage {
  file: string;
  url: string;
  type: string;
}
interface Expected {
  error?: string;
  title?: string;
  items?: Array<{ title: string; url: string; date?: string; topics?: string[] }>;
}

const fixtures = '/test/fixtures/feeds/';
const json = async <T,>(path: string): Promise<T> => (await fetch(fixtures + path)).json() as Promise<T>;
const manifest = await json<Record<string, { pages: FixturePage[] }>>('manifest.json');

/** The fixture's address on the test server (`spec`: its name, or NAME.closed and the like). */
function addressOf(spec: string, host = location.host): { src: string; restore: (url: string) => string } {
  const first = new URL(manifest[spec.split('.')[0]!]!.pages[0]!.url);
  const server = `${location.protocol}//${host}`;
  const site = `${server}/test-api/site/${spec}`;
  // A link the feed gives from its site's root ("/news/…") is read against the test server's root
  // (Drupal's JSON:API against the site's, which is one folder up from /jsonapi/).
  const roots = [site, `${server}/test-api/site`, server];
  return {
    src: site + first.pathname + first.search,
    restore: (url) => {
      const root = roots.find((prefix) => url.startsWith(`${prefix}/`));
      return root ? first.origin + url.slice(root.length) : url;
    },
  };
}

/** Mounts a finder on `src` and waits until it has loaded or failed, and drawn that. */
async function mount(src: string, setup: (el: CaseStudyFinder) => void = () => {}) {
  const el = document.createElement('case-study-finder');
  el.src = src;
  setup(el);
  const settled = Promise.race([oneEvent(el, 'csf-load'), oneEvent(el, 'csf-error')]) as Promise<CsfLoadEvent | CsfErrorEvent>;
  await fixture(html`<div style="width: 1000px">${el}</div>`);
  const event = await settled;
  await el.updateComplete;
  return { el, event };
}

/** Items as the finder lists them at first: newest first, undated last, ties in feed order. */
const newestFirst = <T extends { date?: string }>(items: T[]): T[] =>
  items
    .map((item, at) => ({ item, at, time: item.date ? Date.parse(item.date) : -Infinity }))
    .sort((a, b) => b.time - a.time || a.at - b.at)
    .map(({ item }) => item);

describe('<case-study-finder src> on the feed a CMS publishes', () => {
  for (const [name, { pages }] of Object.entries(manifest)) {
    if (name.startsWith('//')) continue;
    it(`${name} (${pages.map((page) => page.file).join(', ')})`, async () => {
      const expected = await json<Expected>(`expected/${name}.json`);
      const { src, restore } = addressOf(name);
      const { result, warnings } = await captureWarnings(() => mount(src));
      const { el, event } = result;
      const said = warnings.join('\n');
      if (expected.error) {
        expect(event.type).to.equal('csf-error');
        expect((event as CsfErrorEvent).detail.message).to.match(new RegExp(expected.error));
        expect(part(el, 'error')).to.not.equal(null);
        return;
      }
      expect(event.type, (event as CsfErrorEvent).detail?.message).to.equal('csf-load');
      const items = newestFirst(expected.items!);
      expect(countText(el), said).to.equal(`${items.length} case ${items.length === 1 ? 'study' : 'studies'}`);
      expect(titles(el)).to.deep.equal(items.slice(0, 12).map((item) => item.title));
      const links = parts<HTMLAnchorElement>(el, 'card-link').map((link) => restore(link.href));
      expect(links).to.deep.equal(items.slice(0, 12).map((item) => new URL(item.url).href));
    });
  }
});

const part = (el: CaseStudyFinder, name: string) => el.shadowRoot!.querySelector(`[part~="${name}"]`);
const groups = (el: CaseStudyFinder) => parts(el, 'filter-group').map((group) => text(group.querySelector('.group-label')));

describe('<case-study-finder src> on other formats: what the page and the visitor get', () => {
  it('offers the year each item was published when the feed has no categories (LocalGov Drupal RSS)', async () => {
    const { el } = await mount(addressOf('localgov-drupal').src);
    await openGroup(el, 'Filter by year');
    const years = chipsOf(el, 'Filter by year').map((chip) => text(chip.querySelector('.chip-label')));
    expect(years.length).to.be.above(0);
    expect(years.every((year) => /^\d{4}$/.test(year)), years.join(', ')).to.equal(true);
  });

  it('shows the topics a WordPress feed gives as filters, not years', async () => {
    const { el } = await mount(addressOf('wordpress-rest').src);
    expect(groups(el)).to.include('Filter by topics').and.not.include('Filter by year');
  });

  it('keeps the pages it read when a later page fails, and says so in the console', async () => {
    const expected = await json<Expected>('expected/wordpress-rest.json');
    const { result, warnings } = await captureWarnings(() => mount(addressOf('wordpress-rest.lose-2').src));
    expect(result.event.type).to.equal('csf-load');
    expect(countText(result.el)).to.equal('3 case studies');
    expect(titles(result.el)).to.have.members(expected.items!.slice(0, 3).map((item) => item.title));
    expect(warnings.join('\n')).to.match(/Page 2 of the feed at .* could not be read, so only the first 1 are shown\. The feed at .* answered 500/);
  });

  it('gives its time limit to the first page only: a slow second page still arrives', async () => {
    const { el, event } = await mount(addressOf('wordpress-rest.slow-2').src, (finder) => (finder.timeout = 1000));
    expect(event.type).to.equal('csf-load');
    expect(countText(el)).to.equal('6 case studies');
  });

  it('names CORS when another site does not let the page read its feed', async () => {
    // The test server as another site: the page is on localhost, the feed on 127.0.0.1.
    const other = location.host.replace(/^localhost\b/, '127.0.0.1');
    if (other === location.host) return;
    const open = await captureWarnings(() => mount(addressOf('wordpress-rss', other).src));
    expect(open.result.event.type, 'a feed that allows other sites').to.equal('csf-load');

    const { result, warnings } = await captureWarnings(() => mount(addressOf('wordpress-rss.closed', other).src));
    expect(result.event.type).to.equal('csf-error');
    const { message, kind } = (result.event as CsfErrorEvent).detail;
    expect(message).to.include(`the server at http://${other} does not allow other sites to read it (CORS)`);
    expect(message).to.include('Access-Control-Allow-Origin');
    // Not the visitor's connection: they are told the case studies are not available.
    expect(kind).to.equal('unavailable');
    expect(warnings.join('\n')).to.include('(CORS)');
  });

  it('says the server cannot be reached when it is not there at all', async () => {
    const { result } = await captureWarnings(() => mount('http://127.0.0.1:9/feed.rss'));
    const { message, kind } = (result.event as CsfErrorEvent).detail;
    expect(message).to.match(/^The feed at http:\/\/127\.0\.0\.1:9\/feed\.rss could not be reached/);
    expect(kind).to.equal('network');
  });

  it("runs the page's mapItem on each item: changed, left out, or kept", async () => {
    const expected = await json<Expected>('expected/wordpress-rss.json');
    const [first, second] = expected.items!;
    const { el } = await mount(addressOf('wordpress-rss').src, (finder) => {
      finder.mapItem = (item, entry, format) => {
        expect(format).to.equal('rss');
        expect((entry as Element).localName).to.equal('item');
        if (item.title === first!.title) return { ...item, title: `${item.title} (mapped)` };
        if (item.title === second!.title) return null;
        return undefined;
      };
    });
    expect(countText(el)).to.equal(`${expected.items!.length - 1} case studies`);
    expect(titles(el)).to.include(`${first!.title} (mapped)`);
    expect(titles(el)).to.not.include(second!.title);
  });

  it('reads the Drupal fields jsonapi-fields names instead of LocalGov Drupal’s', async () => {
    const { el } = await mount(addressOf('jsonapi').src, (finder) => finder.setAttribute('jsonapi-fields', 'topics: field_none'));
    // No field of that name: no topics, so the years are offered instead.
    expect(groups(el)).to.include('Filter by year').and.not.include('Filter by topics');
    const localgov = await mount(addressOf('jsonapi').src);
    expect(groups(localgov.el)).to.include('Filter by topics');
  });
});
