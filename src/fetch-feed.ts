import { FeedError, parseLargeFeed, readJson, type ParsedFeed } from './lib/feed.js';

/**
 * Fetches and parses a feed. The request is cancelled when `signal` aborts (the promise then
 * rejects with the abort reason, which callers should ignore).
 */
export async function fetchFeed(url: string, signal?: AbortSignal): Promise<ParsedFeed> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    throw new FeedError(`The feed at ${url} could not be reached.`, { cause });
  }
  if (!response.ok) {
    throw new FeedError(`The feed at ${url} answered ${response.status} ${response.statusText}`.trim() + '.');
  }
  return parseLargeFeed(readJson(await response.text()), signal);
}
