import { FeedError, isRecord, readJson, type CaseStudy } from '../feed.js';
import { readAtom } from './atom.js';
import { htmlText } from './html.js';
import { jsonFormat, type JsonFormat } from './kind.js';
import type { FeedItem, ReadItems } from './item.js';
import { readJsonApi, type JsonApiFields } from './jsonapi.js';
import { readJsonFeed } from './json-feed.js';
import { readRss } from './rss.js';
import { readWordPress } from './wordpress.js';
import { xmlRoot, type XmlParser } from './xml.js';

/** The formats a feed may be in: ours (`json`), or one a CMS publishes. */
export type FeedFormat = 'json' | 'rss' | 'atom' | JsonFormat;
export type { JsonFormat };

/**
 * A developer's own mapping, called with each item as read, the entry it came from (an XML
 * element to read, never to insert into a page; a JSON object) and the format. Return the item
 * (changed or new) to keep it, `null` to leave it out, nothing to keep it as it is.
 */
export type ItemHook = (item: FeedItem, entry: unknown, format: FeedFormat) => FeedItem | null | undefined | void;

export interface ReadOptions {
  /** The feed's own address: relative links are read against it. */
  url?: string;
  /** The response's `Content-Type`, a hint where the document alone does not tell. */
  contentType?: string | null;
  /** Parses XML: the page's `DOMParser` (see domXmlParser), xmldom on the command line. */
  xml?: XmlParser;
  /** Read JSON as this format instead of recognising it (the command line's `--from`). */
  json?: JsonFormat;
  /** Drupal JSON:API field names (LocalGov Drupal's by default). */
  jsonapi?: JsonApiFields;
  mapItem?: ItemHook;
}

export interface ReadFeed {
  format: FeedFormat;
  /** Our feed: for `parseFeed`. */
  feed: unknown;
  /** The next page's address, when the feed gives one in its body (JSON:API, JSON Feed). */
  next?: string;
  /** What the webmaster should know, for the console. */
  notes: string[];
}


/**
 * Reads feed text in any format the widget knows, recognised from the document (and the
 * content type where the document leaves it open), and maps it to our feed for `parseFeed`:
 * our own JSON passes as it is. Throws {@link FeedError} with plain words for a web page (a
 * login page served with 200), XML that is not well formed, a refused document type, or text
 * that is no feed.
 *
 * @example
 * const { feed, next } = readFeedText(text, { url, contentType, xml: domXmlParser(new DOMParser()) });
 * const parsed = parseFeed(feed);
 */
export function readFeedText(text: string, options: ReadOptions = {}): ReadFeed {
  const { url, contentType, mapItem } = options;
  const type = contentType ?? '';
  text = text.replace(/^\uFEFF/, '');
  let format: FeedFormat;
  let read: ReadItems;
  if (text.trimStart().startsWith('<')) {
    if (HTML_START.test(text.slice(0, 4096))) throw webPage(text);
    if (!options.xml) throw new FeedError('The feed is XML, which cannot be read here.');
    const root = xmlRoot(text, options.xml);
    const name = root.localName;
    format = name === 'feed' ? 'atom' : name === 'rss' || name === 'RDF' ? 'rss' : 'json';
    if (format === 'json') throw name === 'html' || type.includes('html') ? webPage(text) : new FeedError(`The feed is XML but neither RSS nor Atom (<${name}>).`);
    read = format === 'atom' ? readAtom(root, url) : readRss(root, url);
  } else {
    const json = readJson(text);
    const kind = options.json ?? jsonFormat(json, type);
    if (kind === 'json') return { format: kind, feed: json, notes: [] };
    // Shapes are checked where a format is named (the command line): a recognised one has its own.
    read = kind === 'wordpress' ? readWordPress(json as unknown[], url) : (kind === 'jsonfeed' ? readJsonFeed : readJsonApi)(json as Record<string, unknown>, url, options.jsonapi);
    format = kind;
  }
  let items = read.items;
  // A developer's own mapping: an item that is not an object is left for the feed check.
  if (mapItem) {
    items = items.flatMap((item, at) => {
      const mapped = isRecord(item) ? mapItem(item as FeedItem, read.entries[at], format) : item;
      return mapped === null ? [] : [mapped ?? item];
    });
  }
  return { format, feed: { ...(read.title && { title: read.title }), items }, notes: read.notes, ...(read.next && { next: read.next }) };
}

/** Markup that begins as a web page does, never as a feed: a document, or an element of HTML's own. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body|div|p|img|script|style|title|meta|link|a|span|h[1-6]|table|form|main|section)[\s/>]/i;

/**
 * A web page where the feed should be: a login page, an error page, the site's home page. Named
 * by its title, else quoted as it begins, so the webmaster recognises it.
 */
function webPage(text: string): FeedError {
  const title = htmlText(/<title[^>]*>([^<]{0,200})/i.exec(text)?.[1] ?? '');
  const login = /type\s*=\s*["']?password/i.test(text);
  const start = text.trim();
  const begins = title ? '' : ` It begins: ${JSON.stringify(start.length > 40 ? `${start.slice(0, 39)}…` : start)}`;
  return new FeedError(
    `This is a web page${title ? ` ("${title}")` : ''}, not a feed${login ? ': a login page, so the feed is not public' : ''}.${begins}`,
  );
}

/**
 * A checked item as our feed writes it, for `convert`: what the widget shows, with the lists it
 * has and its other fields after them.
 */
export function feedItemOf(study: CaseStudy): Record<string, unknown> {
  const { id, title, url, summary, organisation, topics, supportTypes, keywords, date, image, collection, extra } = study;
  const lists = (fields: Record<string, string[]>) => Object.fromEntries(Object.entries(fields).filter(([, values]) => values.length));
  return {
    ...(id !== url && { id }),
    title,
    url,
    ...(summary && { summary }),
    ...(organisation && { organisation }),
    ...lists({ topics, supportTypes, keywords }),
    ...(date && { date }),
    ...(image && { image }),
    ...(collection && { collection }),
    ...lists(extra),
  };
}
