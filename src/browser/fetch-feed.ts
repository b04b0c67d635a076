import { decodeText } from '../lib/decode.js';
import { FeedError, parseLargeFeed, readJson, type ParsedFeed } from '../lib/feed.js';

/**
 * Fetches and parses a feed. The request is cancelled when `signal` aborts (the promise then
 * rejects with the abort reason: a replaced request is ignored by its caller, a timeout is a
 * {@link FeedError} of its own). Every other failure is a {@link FeedError} saying what went
 * wrong for the webmaster (with the address and status), and whether the visitor should be
 * told the case studies are not available or to check their connection: a body cut off
 * part-way reads like a request that never arrived.
 */
export async function fetchFeed(url: string, signal?: AbortSignal): Promise<ParsedFeed> {
  let bytes: Uint8Array;
  try {
    const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new FeedError(`The feed at ${url} answered ${response.status} ${response.statusText}`.trim() + '.');
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    if (cause instanceof FeedError) throw cause;
    throw new FeedError(`The feed at ${url} could not be reached or stopped part-way (${String(cause)}).`, { cause, kind: 'network' });
  }
  const { text, encoding } = decodeText(bytes);
  if (encoding !== 'utf-8') {
    console.warn(`<case-study-finder> The feed at ${url} is not saved as UTF-8 (it is ${encoding.toUpperCase()}): it was read, but save it as UTF-8.`);
  }
  return parseLargeFeed(readJson(text), signal);
}
