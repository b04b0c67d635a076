/// <reference types="node" />
import { FeedError, isRecord, parseFeed, type ParsedFeed } from '../lib/feed.js';
import { decodeFeed } from '../lib/formats/encoding.js';
import type { JsonApiFields } from '../lib/formats/jsonapi.js';
import { readPages, type FeedPage } from '../lib/formats/paging.js';
import { readFeedText, type FeedFormat, type JsonFormat, type ReadOptions } from '../lib/formats/read.js';
import { CliError, Exit, displayName, readInput } from './io.js';
import { findJsonSyntaxError, pointAt } from './json-syntax.js';
import { xmldomParser } from './xml.js';

/** The formats `--from` names; `csv` is convert's own. */
export const FROM_FORMATS = ['rss', 'atom', 'jsonfeed', 'wordpress', 'jsonapi'] as const;
export type FromFormat = (typeof FROM_FORMATS)[number];

export interface LoadOptions {
  /** Read as this format instead of recognising it. */
  from?: FromFormat;
  /** Drupal JSON:API field names, as the widget's attribute writes them. */
  jsonapi?: JsonApiFields;
}

/** A feed read from a file or an address, every page of it, checked as the widget checks it. */
export interface LoadedFeed {
  /** The path or address, as messages name it. */
  name: string;
  format: FeedFormat;
  /** Pages read (1 for a file). */
  pages: number;
  parsed: ParsedFeed;
  /** What the webmaster should know about the feed as a whole (notes of the readers, the encoding). */
  notes: string[];
}

const NAMES: Record<FeedFormat, string> = {
  json: 'a case study feed',
  rss: 'an RSS feed',
  atom: 'an Atom feed',
  jsonfeed: 'a JSON Feed',
  wordpress: 'a list of WordPress posts',
  jsonapi: 'a JSON:API collection',
};

/** Seconds an address has to answer, page by page. */
const TIMEOUT = 30;

export const isAddress = (source: string): boolean => /^https?:\/\//i.test(source);

/**
 * Reads a feed in any format the widget reads, with the widget's own readers and check: from
 * a file (`-` for standard input) or an `http(s)` address, following the feed's pages there.
 * Problems that stop it are CliErrors in plain words: a JSON mistake with its line and column,
 * XML that is not well formed with the parser's line, a web page where the feed should be.
 */
export async function loadFeed(source: string, options: LoadOptions, bytes?: Uint8Array): Promise<LoadedFeed> {
  const name = displayName(source);
  const { from } = options;
  const json = from === 'jsonfeed' || from === 'wordpress' || from === 'jsonapi' ? from : undefined;
  const read: Omit<ReadOptions, 'url'> = { jsonapi: options.jsonapi, xml: xmldomParser, json };
  const notes: string[] = [];
  // A format named with --from is checked here: the widget recognises formats, and trusts
  // each one's shape.
  const checked = (format: FeedFormat, text?: string): FeedFormat => {
    if (json && text !== undefined) checkShape(text, json);
    if (from && format !== from) throw new FeedError(`The feed is ${NAMES[format]}, not ${NAMES[from]}.`);
    return format;
  };
  try {
    if (isAddress(source)) {
      let format: FeedFormat = 'json';
      let feed: unknown;
      const items: unknown[] = [];
      let pages = 0;
      const load = async (url: string): Promise<FeedPage> => {
        const page = await fetchPage(url);
        if (json) checkShape(decodeFeed(page.bytes!, page.header('content-type')).text, json);
        return page;
      };
      for await (const page of readPages(source, load, read)) {
        pages++;
        format = checked(page.format);
        notes.push(...page.notes);
        if (format === 'json') feed = page.feed;
        else {
          const { title, items: more } = page.feed as { title?: string; items: unknown[] };
          feed ??= { title };
          items.push(...more);
        }
      }
      if (format !== 'json') (feed as { items: unknown[] }).items = items;
      return { name, format, pages, parsed: parseFeed(feed), notes };
    }
    const decoded = decodeFeed(bytes ?? readInput(source));
    try {
      const { format, feed, notes: more } = readFeedText(decoded.text, read);
      checked(format, decoded.text);
      if (format === 'json' || format === 'jsonfeed' || format === 'wordpress' || format === 'jsonapi') {
        // JSON is UTF-8; the widget reads UTF-16 too, but webmasters should save it as UTF-8.
        if (decoded.encoding !== 'utf-8') notes.push(`not saved as UTF-8 (it is ${decoded.encoding.toUpperCase()}): it was read, but save it as UTF-8`);
      }
      if (!decoded.valid) notes.push(`not saved as UTF-8, so some letters (such as é, ’ or £) will show as �: save it as UTF-8`);
      return { name, format, pages: 1, parsed: parseFeed(feed), notes: [...notes, ...more] };
    } catch (error) {
      throw jsonMistake(error, decoded.text, name);
    }
  } catch (error) {
    if (error instanceof FeedError) throw new CliError(`${name}: ${error.message}`);
    throw error;
  }
}

/** Says so when JSON read as a named format has not its shape (as "--from wordpress" on a JSON Feed). */
function checkShape(text: string, format: JsonFormat): void {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return; // The reader says where the JSON is wrong.
  }
  const fits = format === 'wordpress' ? Array.isArray(json) : isRecord(json) && (format === 'jsonfeed' ? Array.isArray(json.items) : 'data' in json);
  if (!fits) throw new FeedError(`The feed is not ${NAMES[format]}.`);
}

/**
 * A JSON syntax error shown where it is, with the line and a caret; other errors as they are.
 */
function jsonMistake(error: unknown, text: string, name: string): unknown {
  if (!(error instanceof FeedError) || !(error.cause instanceof SyntaxError)) return error;
  const found = findJsonSyntaxError(text);
  if (!found) return new CliError(`${name} is not valid JSON: ${error.cause.message}`);
  const { line, caret } = pointAt(text, found.offset);
  const gutter = ' '.repeat(String(found.line).length);
  return new CliError(
    `${name} is not valid JSON. Line ${found.line}, column ${found.column}: ${sentence(found.message)}`,
    Exit.failed,
    [`  ${found.line} | ${line}`, `  ${gutter} | ${caret}`],
    { line: found.line, column: found.column },
  );
}

/** Ends a message with a full stop unless it already ends with punctuation. */
function sentence(message: string): string {
  return /[.?!]$/.test(message) ? message : `${message}.`;
}

async function fetchPage(url: string): Promise<FeedPage> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { Accept: 'application/feed+json, application/vnd.api+json, application/json, application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8' },
      signal: AbortSignal.timeout(TIMEOUT * 1000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new CliError(
      cause === 'TimeoutError' ? `${url} did not answer within ${TIMEOUT} seconds.` : `Cannot reach ${url} (${cause}). Check the address and your connection.`,
    );
  }
  if (!response.ok) throw new CliError(`${url} answered ${response.status} ${response.statusText}`.trim() + '.');
  return { url: response.url || url, bytes: new Uint8Array(await response.arrayBuffer()), header: (name) => response.headers.get(name) };
}
