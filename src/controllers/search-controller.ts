import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaseStudy } from '../lib/feed.js';
import type { SearchOptions, SearchResult } from '../lib/search.js';
import { createSearcher, indexAhead, type Searcher } from '../browser/searcher.js';

/**
 * Where the newest query stands:
 * - `idle`: there is no feed to search;
 * - `indexing`: it waits for a large feed's index to be built, long enough to say "Searching…";
 * - `pending`: it has gone to a worker whose index is ready, and its answer comes within a
 *   frame or two, so the results on screen stay as they are meanwhile;
 * - `ready`: `result` answers it.
 */
export type SearchStatus = 'idle' | 'indexing' | 'pending' | 'ready';

/**
 * Owns the search life cycle of a host: a searcher for the feed shown, made when the feed
 * arrives or the host comes back to the page, stopped when the feed is replaced or the host
 * leaves (a large feed's worker would only hold memory). Each query has a generation, so an
 * answer to anything but the newest query, or from a stopped searcher, is dropped. The host
 * is asked to update whenever the status or the result changes.
 */
export class SearchController implements ReactiveController {
  status: SearchStatus = 'idle';
  /** The answer to the newest query answered so far; undefined before the first. */
  result?: SearchResult;

  private readonly host: ReactiveControllerHost;
  private readonly create: (items: readonly CaseStudy[]) => Searcher;
  private readonly makeAhead: (items: readonly CaseStudy[]) => Searcher | undefined;
  /** The searcher of a feed still arriving, indexing it ahead. */
  private early?: { items: readonly CaseStudy[]; searcher?: Searcher };
  private items?: readonly CaseStudy[];
  private searcher?: Searcher;
  private query = '';
  private options?: SearchOptions;
  private generation = 0;
  private connected = false;
  private waiting: Array<() => void> = [];

  /** `create` makes the searcher for a feed, `ahead` one for a feed still arriving; tests give their own. */
  constructor(host: ReactiveControllerHost, create = createSearcher, ahead = indexAhead) {
    this.host = host;
    this.create = create;
    this.makeAhead = ahead;
    host.addController(this);
  }

  /**
   * A feed is arriving and these are its items so far (the same list, growing): a large one is
   * indexed as it comes, so that searching it is ready sooner once it is shown with
   * {@link setItems}. Nothing is searched meanwhile.
   */
  ahead(items: readonly CaseStudy[]): void {
    if (!this.connected) return;
    if (this.early?.items !== items) {
      this.early?.searcher?.stop();
      this.early = { items };
    }
    const early = this.early;
    if (early.searcher) early.searcher.arrived?.(false);
    else early.searcher = this.makeAhead(items);
  }

  /** Searches these items from now on (none: nothing to search), running the query again. */
  setItems(items: readonly CaseStudy[] | undefined): void {
    // The searcher that indexed these items as they arrived serves them now; any other ends.
    const early = this.early?.items === items ? this.early?.searcher : undefined;
    if (early) this.early = undefined;
    this.stop();
    if (early) {
      early.arrived?.(true);
      this.searcher = early;
    }
    this.items = items;
    this.result = undefined;
    this.status = 'idle';
    this.start();
    this.host.requestUpdate();
  }

  /** Runs `query` (with `options`: the interface language); its answer, now or later, replaces `result`. */
  search(query: string, options?: SearchOptions): void {
    this.query = query;
    this.options = options;
    this.run();
  }

  /** Resolves once the newest query has its answer (at once when nothing is waited for). */
  settled(): Promise<void> {
    if (this.status !== 'indexing' && this.status !== 'pending') return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  hostConnected(): void {
    this.connected = true;
    if (!this.searcher) this.start();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  private start(): void {
    if (!this.connected || !this.items) return;
    this.searcher ??= this.create(this.items);
    this.run();
  }

  private stop(): void {
    this.generation++;
    this.early?.searcher?.stop();
    this.early = undefined;
    this.searcher?.stop();
    this.searcher = undefined;
    // Nothing will answer the queries they wait for: they are settled with what there is.
    this.release();
  }

  private run(): void {
    const searcher = this.searcher;
    if (!searcher) return;
    const generation = ++this.generation;
    const outcome = searcher.search(this.query, this.options);
    if (!(outcome instanceof Promise)) {
      this.answer(outcome);
      return;
    }
    // Only a build still under way makes a query wait long enough to say so.
    this.status = searcher.ready ? 'pending' : 'indexing';
    this.host.requestUpdate();
    outcome.then(
      (result) => {
        if (generation === this.generation) this.answer(result);
      },
      () => {
        // A refusal for a query nobody waits for any more is expected (the searcher was
        // stopped); for the newest one, keep the last answer rather than "Searching…" for ever.
        if (generation === this.generation) this.answer(this.result);
      },
    );
  }

  private answer(result: SearchResult | undefined): void {
    this.result = result;
    this.status = 'ready';
    this.host.requestUpdate();
    this.release();
  }

  private release(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
