import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { fetchFeed, readFeedText, type FormatOptions } from '../browser/fetch-feed.js';
import { FeedError, isFeedError, isLargeFeed, parseFeed, parseLargeFeed, type CaseStudy, type FeedChecker, type FeedFailure, type ParsedFeed } from '../lib/feed.js';
import { runAll, runSliced, yieldToMain } from '../lib/slices.js';

export type FeedState<P> =
  | { status: 'idle' }
  /**
   * `arrived`: the items checked so far of a feed read as it arrives; `whole`: every item of a
   * large feed, checked, while what the host derives from them is prepared.
   */
  | { status: 'loading'; arrived?: FeedChecker; whole?: readonly CaseStudy[] }
  | { status: 'ready'; feed: ParsedFeed; prepared: P }
  | { status: 'error'; message: string; kind: FeedFailure; cause: unknown };

export interface FeedOptions<P> {
  /**
   * What the host derives from a feed before showing it (for the element, its facet index and
   * first order), in steps: for a large feed they run in short tasks, as the checking does,
   * and the feed is loading until they are done.
   */
  prepare: (feed: ParsedFeed) => Generator<void, P>;
  settled: (state: FeedState<P>) => void;
  /** More of a feed fetched from an address has arrived: `state.arrived` holds it. */
  arrived?: (checked: FeedChecker) => void;
}

/**
 * Owns loading a feed: one request at a time, aborted when a newer one starts or the host
 * leaves the page, given up after `timeout` ms. A stale response never reaches the host,
 * because each load checks that it is still the newest before it reports.
 */
export class FeedController<P> implements ReactiveController {
  state: FeedState<P> = { status: 'idle' };
  private abort?: AbortController;
  private generation = 0;
  private connected = false;
  /** A missing source has been reported. */
  private warned = false;
  private readonly host: ReactiveControllerHost;
  private readonly options: FeedOptions<P>;

  constructor(host: ReactiveControllerHost, options: FeedOptions<P>) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
  }

  hostDisconnected(): void {
    this.connected = false;
    this.cancel();
  }

  /**
   * Loads from a URL, reading the feed as it arrives; `timeout` is for its first page (a feed in
   * pages shows the first while the others come).
   */
  fetch(url: string, timeout: number, formats: FormatOptions = {}): Promise<void> {
    return this.run(
      (signal, firstPage) =>
        fetchFeed(url, {
          ...formats,
          signal,
          firstPage,
          arrived: (checked) => {
            this.state = { status: 'loading', arrived: checked };
            this.options.arrived?.(checked);
          },
        }),
      timeout,
    );
  }

  /** Loads from text already on the page (an inline `<script type="application/json">`). */
  parseText(text: string, formats: FormatOptions = {}): Promise<void> {
    return this.run((signal) => readFeedText(text, signal, formats), 0);
  }

  /**
   * Uses items already in memory (the `items` property): checked at once, or for a large feed
   * in slices (it is loading meanwhile).
   */
  use(items: unknown): void {
    if (isLargeFeed(items)) {
      void this.run((signal) => parseLargeFeed(items, signal), 0);
      return;
    }
    this.cancel();
    try {
      const feed = parseFeed(items);
      this.settle({ status: 'ready', feed, prepared: runAll(this.options.prepare(feed)) });
    } catch (cause) {
      this.settle(failed(cause));
    }
  }

  /**
   * There is no source (none given yet, or `src` removed): cancels any load and forgets the
   * feed. A framework may give one just after connecting the host, so only a source still
   * missing a moment later is a mistake: then `warning` is said in the console, once per host.
   */
  reset(warning: () => string): void {
    this.cancel();
    this.state = { status: 'idle' };
    this.host.requestUpdate();
    setTimeout(() => {
      if (this.connected && this.state.status === 'idle' && !this.warned) {
        this.warned = true;
        console.warn(`<case-study-finder> ${warning()}`);
      }
    });
  }

  cancel(): void {
    this.generation++;
    this.abort?.abort();
    this.abort = undefined;
  }

  private async run(load: (signal: AbortSignal, firstPage: () => void) => Promise<ParsedFeed>, timeout: number): Promise<void> {
    this.cancel();
    const generation = this.generation;
    const abort = (this.abort = new AbortController());
    const timer =
      timeout > 0
        ? setTimeout(() => {
            const seconds = timeout / 1000;
            abort.abort(new FeedError(`The feed did not arrive within ${seconds} second${seconds === 1 ? '' : 's'}.`, { kind: 'network' }));
          }, timeout)
        : undefined;
    this.state = { status: 'loading' };
    this.host.requestUpdate();
    let next: FeedState<P>;
    try {
      const feed = await load(abort.signal, () => clearTimeout(timer));
      const large = isLargeFeed(feed.items);
      if (large && generation === this.generation) {
        // All of a large feed has come and been checked: the host may draw its first cards (in
        // this task) before the steps below, which take a few tasks more.
        this.state = { status: 'loading', whole: feed.items };
        this.host.requestUpdate();
        await yieldToMain();
      }
      const steps = this.options.prepare(feed);
      const prepared = large ? await runSliced(steps, abort.signal) : runAll(steps);
      // The first results of a large feed are drawn in a task of their own, not after a slice.
      if (large) await yieldToMain();
      next = { status: 'ready', feed, prepared };
    } catch (cause) {
      next = failed(cause);
    } finally {
      clearTimeout(timer);
    }
    if (generation !== this.generation) return;
    this.abort = undefined;
    this.settle(next);
  }

  private settle(state: FeedState<P>): void {
    this.state = state;
    this.host.requestUpdate();
    this.options.settled(state);
  }
}

function failed(cause: unknown): FeedState<never> {
  return isFeedError(cause)
    ? { status: 'error', message: cause.message, kind: cause.kind, cause }
    : { status: 'error', message: `The feed could not be loaded: ${String(cause)}`, kind: 'unavailable', cause };
}
