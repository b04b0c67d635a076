import { expect } from '@open-wc/testing';
import { MAX_PAGES, linkNext, nextPage, readPages, tenItemsHint, type FeedPage } from './paging.js';
import type { ReadFeed } from './read.js';
import { domXmlParser } from './xml.js';

const WP = 'https://news.example.gov.uk/wp-json/wp/v2/posts?_embed&per_page=3';
const headers = (values: Record<string, string>) => (name: string) => values[name.toLowerCase()] ?? null;

describe('linkNext', () => {
  const cases: Array<[string | null, string | undefined]> = [
    ['<https://a.example/?page=2>; rel="next"', 'https://a.example/?page=2'],
    ['<https://a.example/?page=1>; rel="prev", <https://a.example/?page=3>; rel="next"', 'https://a.example/?page=3'],
    ['<https://a.example/wp-json/>; rel="https://api.w.org/"', undefined],
    ['<https://a.example/?page=2>; rel=next', 'https://a.example/?page=2'],
    ['<https://a.example/?page=2>; title="x"; rel="prev next"', 'https://a.example/?page=2'],
    ['<https://a.example/?page=2>; rel="nextish"', undefined],
    [null, undefined],
  ];
  for (const [header, expected] of cases) it(String(header), () => expect(linkNext(header)).to.equal(expected));
});

describe('nextPage', () => {
  it('follows WordPress\'s Link header, which it sends on every page before the last', () => {
    expect(nextPage({ format: 'wordpress' }, WP, headers({ link: `<${WP}&page=2>; rel="next"`, 'x-wp-totalpages': '2' }))).to.equal(`${WP}&page=2`);
    expect(nextPage({ format: 'wordpress' }, `${WP}&page=2`, headers({ link: `<${WP}&page=1>; rel="prev"`, 'x-wp-totalpages': '2' }))).to.equal(undefined);
    expect(nextPage({ format: 'wordpress' }, WP, headers({}))).to.equal(undefined);
  });

  it('follows the next page a JSON:API or JSON Feed body names, read against the page', () => {
    expect(nextPage({ format: 'jsonapi', next: 'https://news.example.gov.uk/jsonapi/node/a?page%5Boffset%5D=50' }, 'https://news.example.gov.uk/jsonapi/node/a', headers({}))).to.equal(
      'https://news.example.gov.uk/jsonapi/node/a?page%5Boffset%5D=50',
    );
    expect(nextPage({ format: 'jsonfeed', next: 'feed.json?page=2' }, 'https://news.example.gov.uk/feed.json', headers({}))).to.equal('https://news.example.gov.uk/feed.json?page=2');
  });

  it('never leaves the site, follows no other scheme, and never the page it is on', () => {
    const here = 'https://news.example.gov.uk/feed.json';
    for (const next of ['https://elsewhere.example/feed.json?page=2', 'javascript:alert(1)', 'data:application/json,[]', here, 'http://news.example.gov.uk/feed.json?page=2']) {
      expect(nextPage({ format: 'jsonfeed', next }, here, headers({})), next).to.equal(undefined);
    }
  });
});

describe('readPages', () => {
  const json = (value: unknown): FeedPage['bytes'] => new TextEncoder().encode(JSON.stringify(value));
  const jsonFeed = (page: number, next?: number) =>
    json({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: `p${page}`, title: `Page ${page}`, url: `/p/${page}` }],
      ...(next !== undefined && { next_url: `?page=${next}` }),
    });
  const collect = async (pages: AsyncGenerator<ReadFeed>) => {
    const read: ReadFeed[] = [];
    for await (const page of pages) read.push(page);
    return read;
  };

  it('gives each page as it is read, and stops after MAX_PAGES with a note', async () => {
    const asked: string[] = [];
    const load = async (url: string): Promise<FeedPage> => {
      asked.push(url);
      const page = Number(new URL(url).searchParams.get('page') ?? 1);
      return { url, bytes: jsonFeed(page, page + 1), header: headers({ 'content-type': 'application/feed+json' }) };
    };
    const read = await collect(readPages('https://x.example/feed.json', load, {}));
    expect(asked).to.have.length(MAX_PAGES);
    expect((read.at(-1)!.feed as { items: Array<{ title: string }> }).items[0]!.title).to.equal(`Page ${MAX_PAGES}`);
    expect(read.at(-1)!.notes).to.deep.equal([`Only the first ${MAX_PAGES} pages of the feed were read (${MAX_PAGES} items).`]);
    expect(read.slice(0, -1).every((page) => page.notes.length === 0)).to.equal(true);
  });

  it('never reads a page twice, when pages point back', async () => {
    const asked: string[] = [];
    const load = async (url: string): Promise<FeedPage> => {
      asked.push(url);
      const page = Number(new URL(url).searchParams.get('page') ?? 1);
      return { url, bytes: jsonFeed(page, page === 2 ? 1 : 2), header: headers({}) };
    };
    await collect(readPages('https://x.example/feed.json?page=1', load, {}));
    expect(asked).to.deep.equal(['https://x.example/feed.json?page=1', 'https://x.example/feed.json?page=2']);
  });

  it('says where the setting is when an RSS feed has exactly ten items', async () => {
    const rss = (count: number) =>
      `<rss version="2.0"><channel>${Array.from({ length: count }, (_, at) => `<item><title>${at}</title><link>/n/${at}</link></item>`).join('')}</channel></rss>`;
    const notes = async (count: number) => {
      const load = async (url: string): Promise<FeedPage> => ({ url, bytes: new TextEncoder().encode(rss(count)), header: headers({ 'content-type': 'application/rss+xml' }) });
      return (await collect(readPages('https://x.example/feed/', load, { xml: domXmlParser(new DOMParser()) })))[0]!.notes;
    };
    expect(await notes(10)).to.deep.equal([tenItemsHint('rss', 10)]);
    expect(await notes(9)).to.deep.equal([]);
    expect(await notes(11)).to.deep.equal([]);
    expect(tenItemsHint('atom', 10)).to.match(/^The feed has exactly 10 items/);
    expect(tenItemsHint('jsonfeed', 10)).to.equal(undefined);
  });

  it('reads our own JSON as one page', async () => {
    const load = async (url: string): Promise<FeedPage> => ({ url, bytes: json({ items: [], next_url: '?page=2' }), header: headers({}) });
    const read = await collect(readPages('https://x.example/feed.json', load, {}));
    expect(read).to.deep.equal([{ format: 'json', feed: { items: [], next_url: '?page=2' }, notes: [] }]);
  });
});
