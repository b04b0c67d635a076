import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchFeed } from './fetch-feed.js';
import { FeedError, isLargeFeed, parseFeed, parseLargeFeed, readJson, type FeedFailure, type ParsedFeed } from './lib/feed.js';

export type FeedState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; feed: ParsedFeed }
  | { status: 'error'; message: string; kind: FeedFailure; cause: unknown };

/**
 * Owns loading a feed: one request at a time, aborted when a newer one starts or the host
 * leaves the page, given up after `timeout` ms. A stale response never reaches the host,
 * because each load checks that it is still the newest before it reports.
 */
export class FeedController implements ReactiveController {
  state: FeedState = { status: 'idle' };
  #abort?: AbortController;
  #generation = 0;
  readonly #host: ReactiveControllerHost;
  readonly #onSettled: (state: FeedState) => void;

  constructor(host: ReactiveControllerHost, onSettled: (state: FeedState) => void) {
    this.#host = host;
    this.#onSettled = onSettled;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** Loads from a URL. */
  fetch(url: string, timeout: number): Promise<void> {
    return this.#run(async (signal) => fetchFeed(url, signal), timeout);
  }

  /** Loads from text already on the page (an inline `<script type="application/json">`). */
  parseText(text: string): Promise<void> {
    return this.#run(async (signal) => parseLargeFeed(readJson(text), signal), 0);
  }

  /**
   * Uses items already in memory (the `items` property): checked at once, or for a large feed
   * in slices (it is loading meanwhile).
   */
  use(items: unknown): void {
    if (isLargeFeed(items)) {
      void this.#run((signal) => parseLargeFeed(items, signal), 0);
      return;
    }
    this.cancel();
    try {
      this.#settle({ status: 'ready', feed: parseFeed(items) });
    } catch (cause) {
      this.#settle(failed(cause));
    }
  }

  /** Cancels any load and forgets the feed: nothing to show. */
  reset(): void {
    this.cancel();
    this.state = { status: 'idle' };
    this.#host.requestUpdate();
  }

  cancel(): void {
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  async #run(load: (signal: AbortSignal) => Promise<ParsedFeed>, timeout: number): Promise<void> {
    this.cancel();
    const generation = this.#generation;
    const abort = (this.#abort = new AbortController());
    const timer =
      timeout > 0
        ? setTimeout(() => {
            const seconds = timeout / 1000;
            abort.abort(new FeedError(`The feed did not arrive within ${seconds} second${seconds === 1 ? '' : 's'}.`, { kind: 'network' }));
          }, timeout)
        : undefined;
    this.state = { status: 'loading' };
    this.#host.requestUpdate();
    let next: FeedState;
    try {
      next = { status: 'ready', feed: await load(abort.signal) };
    } catch (cause) {
      next = failed(cause);
    } finally {
      clearTimeout(timer);
    }
    if (generation !== this.#generation) return;
    this.#abort = undefined;
    this.#settle(next);
  }

  #settle(state: FeedState): void {
    this.state = state;
    this.#host.requestUpdate();
    this.#onSettled(state);
  }
}

function failed(cause: unknown): FeedState {
  return cause instanceof FeedError
    ? { status: 'error', message: cause.message, kind: cause.kind, cause }
    : { status: 'error', message: `The feed could not be loaded: ${String(cause)}`, kind: 'unavailable', cause };
}
