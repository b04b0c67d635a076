import { decodeFeed } from './encoding.js';
import { readFeedText, type FeedFormat, type ReadFeed, type ReadOptions } from './read.js';

/**
 * Pages read at most from one feed: 2,000 WordPress posts at `per_page=100`, 1,000 Drupal
 * nodes at JSON:API's 50 a page. A feed that needs more should be a feed of its own.
 */
export const MAX_PAGES = 20;

/**
 * The address of a feed's next page, or undefined when there is none to read: WordPress's
 * `Link: <…>; rel="next"` header (sent, and exposed to other sites, on every page before the
 * last, so `X-WP-TotalPages` adds nothing), the `next` a JSON:API or JSON Feed body gave. Only
 * an `http(s)` address on the same site as the feed is followed, and never the page it is on.
 *
 * @example
 * nextPage({ format: 'jsonapi', next: '?page%5Boffset%5D=50' }, 'https://example.gov.uk/jsonapi/node/article', () => null);
 * // 'https://example.gov.uk/jsonapi/node/article?page%5Boffset%5D=50'
 */
export function nextPage(
  read: { format: FeedFormat; next?: string },
  current: string,
  header: (name: string) => string | null,
): string | undefined {
  let next = read.next;
  if (read.format === 'wordpress') next = linkNext(header('link'));
  if (!next) return undefined;
  try {
    const here = new URL(current);
    const there = new URL(next, here);
    return there.origin === here.origin && /^https?:$/.test(there.protocol) && there.href !== here.href ? there.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The `rel="next"` target of an HTTP `Link` header.
 *
 * @example
 * linkNext('<https://a.example/?page=1>; rel="prev", <https://a.example/?page=3>; rel="next"'); // 'https://a.example/?page=3'
 */
export function linkNext(header: string | null): string | undefined {
  for (const [, target, parameters] of (header ?? '').matchAll(/<([^>]*)>([^<]*)/g)) {
    if (/;\s*rel\s*=\s*"?(?:[^";,]*\s)?next[\s";,]/i.test(`${parameters!};`)) return target;
  }
  return undefined;
}

/**
 * What to tell the webmaster when an RSS or Atom feed has exactly ten items: WordPress's and
 * Drupal's feeds stop at ten unless told otherwise, so there may be more case studies than it
 * gives. Undefined otherwise.
 */
export function tenItemsHint(format: FeedFormat, count: number): string | undefined {
  if (count !== 10 || (format !== 'rss' && format !== 'atom')) return undefined;
  return 'The feed has exactly 10 items, where WordPress and Drupal stop by default: it may leave some out (see the README).';
}

/** What to tell the webmaster when the last page read still had a next one. */
export const pageCapNote = (items: number): string => `Only the first ${MAX_PAGES} pages of the feed were read (${items} items).`;

/** One page of a feed as it arrived: where it came from (after redirects), its bytes and headers. */
export interface FeedPage {
  url: string;
  /** The page's bytes, or its text when it was decoded as it arrived. */
  bytes?: Uint8Array;
  text?: string;
  header(name: string): string | null;
}

/**
 * Reads a feed page by page: each page is fetched with `load`, decoded in the encoding it
 * names, read in its format, and given as soon as it is read, so the first can be shown while
 * the rest arrive. Follows {@link nextPage} up to {@link MAX_PAGES}, never the same address
 * twice; notes that it stopped there, and gives the ten-items hint for an RSS or Atom feed.
 * `load` owns fetching (and aborting): the widget passes `fetch`, the command line Node's.
 *
 * @example
 * for await (const { feed } of readPages(src, load, { xml })) append(parseFeed(feed).items);
 */
export async function* readPages(url: string, load: (url: string) => Promise<FeedPage>, options: Omit<ReadOptions, 'url' | 'contentType'>): AsyncGenerator<ReadFeed> {
  const seen = new Set<string>();
  let items = 0;
  for (let next: string | undefined = url, page = 1; next; page++) {
    seen.add(next);
    const arrived = await load(next);
    const contentType = arrived.header('content-type');
    const text = arrived.text ?? decodeFeed(arrived.bytes ?? new Uint8Array(0), contentType).text;
    const read = readFeedText(text, { ...options, url: arrived.url || next, contentType });
    const feed = read.feed as { items?: unknown[] } | null;
    items += feed?.items?.length ?? 0;
    const more: string | undefined = read.format === 'json' ? undefined : nextPage(read, arrived.url || next, arrived.header);
    next = more && !seen.has(more) && page < MAX_PAGES ? more : undefined;
    if (more && page >= MAX_PAGES) read.notes.push(pageCapNote(items));
    const hint = page === 1 && !next ? tenItemsHint(read.format, items) : undefined;
    if (hint) read.notes.push(hint);
    yield read;
  }
}
