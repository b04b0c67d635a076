import { encodingOf } from '../lib/decode.js';
import { FeedChecker, FeedError, isFeedError, parseLargeFeed, readEnvelope, readJson, type ParsedFeed } from '../lib/feed.js';
import { feedReader, type FeedReader } from '../lib/feed-stream.js';
import { formatFacets, jsonFormat } from '../lib/formats/kind.js';
import type { FeedPage } from '../lib/formats/paging.js';
import type { ItemHook, ReadFeed } from '../lib/formats/read.js';
import { runSliced } from '../lib/slices.js';
import { loadReaders, type FormatReaders } from './formats-loader.js';

/** Told each time more of a feed has arrived and been checked: its items so far, in feed order. */
export type Arrived = (checked: FeedChecker) => void;

/** How a page reads a feed in another format: Drupal's field names (the attribute's text), the developer's own mapping. */
export interface FormatOptions {
  jsonapiFields?: string;
  mapItem?: ItemHook;
}

export interface FetchOptions extends FormatOptions {
  signal?: AbortSignal;
  arrived?: Arrived;
  /** The first page has arrived whole: a time limit ends here, as later pages may take longer. */
  firstPage?: () => void;
}

/**
 * Every format the widget reads, ours first. Short enough (under 128 characters) to stay a
 * simple request, which another site's server answers without a preflight.
 */
const ACCEPT = 'application/json, application/feed+json, application/rss+xml, application/atom+xml, */*;q=0.5';

/**
 * Fetches and parses a feed, reading it as it arrives: our JSON is decoded (UTF-8, UTF-16),
 * parsed and checked a batch at a time, in tasks of a few milliseconds, so no long task holds
 * the page and `arrived` hears of the first items long before the last have come. A feed in
 * another format (RSS, Atom, JSON Feed, WordPress REST, Drupal JSON:API) is read once each page
 * has arrived: XML in the encoding it names, its pages followed as {@link readPages} does, and
 * `arrived` told after each.
 *
 * The request is cancelled when `signal` aborts (the promise then rejects with the abort reason:
 * a replaced request is ignored by its caller, a timeout is a {@link FeedError} of its own).
 * Every other failure is a {@link FeedError} saying what went wrong for the webmaster (with the
 * address and status), and whether the visitor should be told the case studies are not
 * available or to check their connection: a body cut off part-way reads like a request that
 * never arrived.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<ParsedFeed> {
  const { signal, arrived, firstPage } = options;
  // Another format's items, checked page by page into one feed: a WordPress or Drupal feed
  // newest first (their usual order) shows its first cards while the other pages come.
  const checker = new FeedChecker();
  checker.newestFirst = true;
  let pages = 0;
  let title: string | undefined;
  try {
    const response = await request(url, signal);
    const header = (name: string) => response.headers.get(name);
    // Read ahead of the checking: the network's buffer is emptied as data comes, not when the
    // page is ready for more, or the transfer would wait on the page (twice as long at 50,000).
    const body = response.body?.pipeThrough(new TransformStream(undefined, { highWaterMark: Infinity })).getReader();
    let decoder: TextDecoder | undefined;
    let reader: FeedReader | undefined;
    let xml: BlobPart[] | undefined;
    for (;;) {
      const { done, value = new Uint8Array(0) } = body ? await body.read() : { done: true };
      // The first bytes say how the text is encoded (a first part of one byte never comes). XML
      // names its own encoding (ISO-8859-1 in older CMSes): kept as bytes, read once whole.
      if (!decoder) {
        const encoding = encodingOf(value);
        // Not fatal: bytes that are not valid in the encoding become �, as they always have. A
        // call without `stream` starts afresh, so the same decoder reads the feed from its start.
        decoder = new TextDecoder(encoding);
        if (/^\s*</.test(decoder.decode(value.subarray(0, 64)))) xml = [];
        else {
          if (encoding !== 'utf-8') {
            console.warn(`<case-study-finder> The feed at ${url} is not saved as UTF-8 (it is ${encoding.toUpperCase()}): it was read, but save it as UTF-8.`);
          }
          reader = feedReader((head) => jsonFormat(head, header('content-type') ?? '') === 'json');
        }
      }
      if (xml) xml.push(value);
      else await runSliced(reader!.push(decoder.decode(value, { stream: !done })), signal);
      if (done) break;
      if (reader && !signal?.aborted) arrived?.(reader.checker);
    }
    const read = reader?.end();
    if (read && 'feed' in read) {
      firstPage?.();
      const { outOfOrder } = reader!.checker;
      if (outOfOrder !== undefined) {
        console.warn(`<case-study-finder> The feed at ${url} says "order": "newest", but item ${outOfOrder} is newer than the one before it: sort the items newest first.`);
      }
      return read.feed;
    }
    const first: FeedPage = { url: response.url || url, header, ...(xml ? { bytes: new Uint8Array(await new Blob(xml).arrayBuffer()) } : { text: read!.text }) };
    // A feed in another format, page by page from the first, each checked and `arrived` told.
    const load = async (next: string): Promise<FeedPage> => {
      if (!pages) return first;
      const response = await request(next, signal);
      return { url: response.url || next, bytes: new Uint8Array(await response.arrayBuffer()), header: (name) => response.headers.get(name) };
    };
    const readers = await loadReaders();
    for await (const read of readers.readPages(url, load, readOptions(readers, options))) {
      if (read.format === 'json') return await parseLargeFeed(read.feed, signal);
      const pageTitle = await check(read, checker, signal);
      title ??= pageTitle;
      if (!pages++) firstPage?.();
      if (!signal?.aborted) arrived?.(checker);
    }
  } catch (cause) {
    // The abort reason as it is, a FeedError as it is, else a body cut off part-way. A page
    // after the first that fails leaves the ones read, and says so in the console.
    if (signal?.aborted) throw signal.reason;
    const reason = isFeedError(cause) ? cause : new FeedError(`The feed at ${url} could not be reached or stopped part-way (${String(cause)}).`, { cause, kind: 'network' });
    if (!pages) throw reason;
    console.warn(`<case-study-finder> Page ${pages + 1} of the feed at ${url} could not be read, so only the first ${pages} are shown. ${reason.message}`);
  }
  return feedOf(checker, title);
}

/**
 * A whole feed's text (an inline script's): our JSON, checked in slices when it is large, or
 * another format's JSON (a WordPress or Drupal answer saved into the page).
 */
export async function readFeedText(text: string, signal?: AbortSignal, options: FormatOptions = {}): Promise<ParsedFeed> {
  // A script of JSON holding markup: said as JSON that is not valid, quoting how it begins.
  const json = readJson(text);
  if (jsonFormat(json, '') === 'json') return parseLargeFeed(json, signal);
  const readers = await loadReaders();
  const read = readers.readFeedText(text, { ...readOptions(readers, options), url: document.baseURI });
  const checker = new FeedChecker();
  return feedOf(checker, await check(read, checker, signal));
}

/** The readers' options on a page: the browser's DOMParser for XML, the attribute's Drupal fields. */
const readOptions = (readers: FormatReaders, { jsonapiFields, mapItem }: FormatOptions) => ({
  xml: readers.domXmlParser(new DOMParser()),
  jsonapi: readers.readJsonApiFields(jsonapiFields),
  mapItem,
});


/** The feed another format's checked items make: its title, and the filters {@link formatFacets} gives. */
const feedOf = (checker: FeedChecker, title?: string): ParsedFeed => checker.feed({ title, facets: formatFacets(checker.items) });

/** Checks one page of another format's items into `checker`, in slices; says its notes; gives its title. */
async function check(read: ReadFeed, checker: FeedChecker, signal?: AbortSignal): Promise<string | undefined> {
  for (const note of read.notes) console.info(`<case-study-finder> ${note}`);
  const { title, items } = readEnvelope(read.feed);
  await runSliced(
    (function* () {
      for (let at = 0; at < items.length; at++) {
        if (at % 250 === 249) yield;
        checker.add(items[at]);
      }
    })(),
    signal,
  );
  return title;
}

/** Fetches one page of a feed; a FeedError for an answer that is not the feed. */
async function request(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: ACCEPT } });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw await unreadable(url, cause, signal);
  }
  if (!response.ok) throw new FeedError(`The feed at ${url} answered ${response.status} ${response.statusText}`.trim() + '.');
  return response;
}

/**
 * Why a request that never answered failed. The browser words a server that is down and one
 * that does not let other sites read its feed (CORS) the same; a second request that may not
 * read the answer tells them apart: if it arrives, the server is there, and only CORS is in the
 * way, which the webmaster can fix and a visitor cannot.
 */
async function unreadable(url: string, cause: unknown, signal?: AbortSignal): Promise<FeedError> {
  try {
    const { origin } = new URL(url, location.href);
    if (origin !== location.origin && navigator.onLine !== false) {
      await fetch(url, { mode: 'no-cors', signal });
      return new FeedError(
        `The feed at ${url} cannot be read from this page: the server at ${origin} does not allow other sites to read it (CORS). It must send the header Access-Control-Allow-Origin.`,
        { cause },
      );
    }
  } catch {
    // Not there at all: a network failure, as below.
  }
  return new FeedError(`The feed at ${url} could not be reached (${String(cause)}).`, { cause, kind: 'network' });
}
