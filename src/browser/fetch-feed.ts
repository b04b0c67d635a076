import { encodingOf } from '../lib/decode.js';
import { FeedError, parseLargeFeed, readJson, type FeedChecker, type ParsedFeed } from '../lib/feed.js';
import { feedReader } from '../lib/feed-stream.js';
import { runSliced } from '../lib/slices.js';

/** Told each time more of a feed has arrived and been checked: its items so far, in feed order. */
export type Arrived = (checked: FeedChecker) => void;

/**
 * Fetches and parses a feed, reading it as it arrives: the text is decoded (UTF-8, UTF-16) and
 * our JSON parsed and checked a batch at a time, in tasks of a few milliseconds, so no long task
 * holds the page and `arrived` hears of the first items long before the last have come. Text
 * that is not our JSON is read whole once it has all arrived ({@link readFeedText}).
 *
 * The request is cancelled when `signal` aborts (the promise then rejects with the abort reason:
 * a replaced request is ignored by its caller, a timeout is a {@link FeedError} of its own).
 * Every other failure is a {@link FeedError} saying what went wrong for the webmaster (with the
 * address and status), and whether the visitor should be told the case studies are not
 * available or to check their connection: a body cut off part-way reads like a request that
 * never arrived.
 */
export async function fetchFeed(url: string, signal?: AbortSignal, arrived?: Arrived): Promise<ParsedFeed> {
  const reader = feedReader();
  let decoder: TextDecoder | undefined;
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new FeedError(`The feed at ${url} answered ${response.status} ${response.statusText}`.trim() + '.');
    }
    // Read ahead of the checking: the network's buffer is emptied as data comes, not when the
    // page is ready for more, or the transfer would wait on the page (twice as long at 50,000).
    const body = response.body?.pipeThrough(new TransformStream(undefined, { highWaterMark: Infinity })).getReader();
    for (;;) {
      const { done, value = new Uint8Array(0) } = body ? await body.read() : { done: true };
      // The first bytes say how the text is encoded (a first part of one byte never comes).
      decoder ??= decoderFor(value, url);
      await runSliced(reader.push(decoder.decode(value, { stream: !done })), signal);
      if (done) break;
      if (!signal?.aborted) arrived?.(reader.checker);
    }
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (cause instanceof FeedError) throw cause;
    throw new FeedError(`The feed at ${url} could not be reached or stopped part-way (${String(cause)}).`, { cause, kind: 'network' });
  }
  const read = reader.end();
  const { outOfOrder } = reader.checker;
  if (outOfOrder !== undefined) {
    console.warn(`<case-study-finder> The feed at ${url} says "order": "newest", but item ${outOfOrder} is newer than the one before it: sort the items newest first.`);
  }
  return 'feed' in read ? read.feed : readFeedText(read.text, signal);
}

/**
 * A feed's whole text (an inline script's, or a response that is not our JSON): checked in
 * slices when it is large. (Other formats are recognised and read here.)
 */
export function readFeedText(text: string, signal?: AbortSignal): Promise<ParsedFeed> {
  return parseLargeFeed(readJson(text), signal);
}

function decoderFor(start: Uint8Array, url: string): TextDecoder {
  const encoding = encodingOf(start);
  if (encoding !== 'utf-8') {
    console.warn(`<case-study-finder> The feed at ${url} is not saved as UTF-8 (it is ${encoding.toUpperCase()}): it was read, but save it as UTF-8.`);
  }
  // Not fatal: bytes that are not valid in the encoding become �, as they always have.
  return new TextDecoder(encoding);
}
