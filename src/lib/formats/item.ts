import { isRecord } from '../feed.js';
import { htmlText } from './html.js';

/** A feed item as a reader makes it from another format: our feed's fields, before the feed check. */
export interface FeedItem {
  id?: string | number;
  title: string;
  url: string;
  summary?: string;
  organisation?: string;
  topics?: string[];
  supportTypes?: string[];
  keywords?: string[];
  date?: string;
  image?: { src: string; alt: string };
  /** Other fields (a WordPress taxonomy, a Drupal relationship named in the options), usable as facets. */
  [field: string]: unknown;
}

/** What a reader makes of a feed: its title, items, the entries they came from, and any next page. */
export interface ReadItems {
  title?: string;
  /** Items, and what was not an object left as it was for the feed check to report. */
  items: unknown[];
  /** The entry each item came from (an XML element, a JSON object), for the developer's hook. */
  entries: unknown[];
  /** The next page's address, when the feed itself gives one (JSON:API, JSON Feed). */
  next?: string;
  /** What the webmaster should know about the feed as a whole, for the console. */
  notes: string[];
}

/**
 * A link read against `base`: absolute when it can be, else as written (a relative link in a
 * file with no address stays relative). Unsafe schemes stay as written, for the feed check to
 * refuse.
 *
 * @example
 * resolve('/news/a', 'https://example.gov.uk/feed.xml'); // 'https://example.gov.uk/news/a'
 */
export function resolve(href: string, base: string | undefined): string {
  href = href.trim();
  try {
    return href && base ? new URL(href, base).href : href;
  } catch {
    return href;
  }
}

/**
 * An item without its empty optional fields (no `summary: ""`, no `topics: []`), so that what
 * a feed lacks is simply absent. Title and url stay, so a missing one is reported.
 */
export function tidy(item: FeedItem): FeedItem {
  for (const [key, value] of Object.entries(item)) {
    if (key !== 'title' && key !== 'url' && (value === undefined || value === '' || (Array.isArray(value) && !value.length))) delete item[key];
  }
  return item;
}

/**
 * Category or tag names as topics: entities decoded (WordPress writes `Health &amp; wellbeing`
 * inside CDATA) and WordPress's default category, which only says nobody chose one, left out.
 *
 * @example
 * terms(['Health &amp; wellbeing', 'Uncategorized']); // ['Health & wellbeing']
 */
export function terms(names: readonly string[]): string[] {
  return names.map(htmlText).filter((name) => name && !/^uncategori[sz]ed$/i.test(name));
}

/**
 * The value at a dotted path in parsed JSON, through objects and arrays; undefined where the
 * path breaks. Only reads: a key such as `__proto__` gives nothing a reader would take as text.
 *
 * @example
 * at(post, '_embedded.wp:featuredmedia.0.alt_text'); // 'Residents sharing a meal'
 */
export const at = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node ? (node as Record<string, unknown>)[key] : undefined), value);

/**
 * The first text at these paths in parsed JSON (or the value itself, with none): strings as
 * they are, anything else empty.
 *
 * @example
 * str(entry, 'url', 'external_url'); // entry.url, else entry.external_url, else ''
 */
export const str = (value: unknown, ...paths: string[]): string =>
  (paths.length ? paths.map((path) => at(value, path)) : [value]).find((found): found is string => typeof found === 'string' && found !== '') ?? '';

/**
 * What a reader makes of its entries: each object (a JSON object, an XML element) read into an
 * item and {@link tidy}ed, anything else left as it is for the feed check to report.
 */
export const readItems = <T>(entries: unknown[], read: (entry: T) => FeedItem, title?: string, next?: string): ReadItems => ({
  title,
  items: entries.map((entry) => (isRecord(entry) ? tidy(read(entry as T)) : entry)),
  entries,
  notes: [],
  next,
});

/** The objects a JSON value holds: itself when it is one, its objects when it is a list. */
export const records = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value : [value]).filter(isRecord);
