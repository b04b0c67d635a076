import type { CaseStudy } from '../lib/feed.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../lib/search-doc.js';
import { everyDoc, SearchIndex, type SearchDoc, type SearchOptions, type SearchResult } from '../lib/search.js';
import { runAll, runSliced, yieldToMain } from '../lib/slices.js';
import { terms } from '../lib/text.js';

/**
 * Up to this size, a query made while the index is still being built finishes the build at
 * once (tens of ms at most). Larger feeds are indexed and searched in a worker when the page
 * allows one, else in slices on the page, and answer once the index is ready.
 */
const SYNC_LIMIT = 2000;

/** The name the search worker runs under: the bundle checks it to know where it is. */
export const WORKER_NAME = 'case-study-finder';
/** Trusted Types policy that vouches for the worker's script URL (documented in the README). */
const POLICY_NAME = 'case-study-finder';
const DOCS_PER_MESSAGE = 1000;
/** A query sent to the worker (documents go as arrays, the end of them as null). */
interface QueryMessage {
  query: string;
  options?: SearchOptions;
}

/**
 * Answers queries over a feed: synchronously once the index is built (on the page), with a
 * promise while a large feed is still being indexed or when a worker answers.
 */
export interface Searcher {
  search(query: string, options?: SearchOptions): SearchResult | Promise<SearchResult>;
  /** True once the index is built: until then a query waits for the build. */
  readonly ready: boolean;
  /**
   * Stops building the index and ends the worker (the feed was replaced, or its element left
   * the page). Queries still waiting reject with {@link SearchStopped}; later ones too.
   */
  stop(): void;
  /** For a feed still arriving (see {@link indexAhead}): more items have come, and with `done` the last. */
  arrived?(done: boolean): void;
}

/** Why a query was not answered: its searcher was stopped first. */
export class SearchStopped extends Error {
  override name = 'SearchStopped';
}

/** How to start the search worker, when there is one: see {@link setSearchWorker}. */
let workerStart: { create: () => Worker; helloMs: number } | undefined;
/** Just enough of Trusted Types (not in TypeScript's DOM declarations) for a worker's URL. */
interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}
type PolicyFactory = { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy };
let policy: ScriptUrlPolicy | undefined;
/** The one address the Trusted Types policy vouches for: the bundle's own. */
let bundleUrl: string | undefined;

/**
 * Lets feeds of more than 2,000 items be indexed and searched in a worker, for apps that build
 * with a bundler (the self-contained bundle starts its own). `create` starts a worker that runs
 * `case-study-finder/worker`; written as below, Vite and webpack see the worker and build it:
 *
 * @example
 * setSearchWorker(() => new Worker(new URL('case-study-finder/worker', import.meta.url), { type: 'module' }));
 *
 * `create` is called once per large feed. If it throws (the page forbids workers) or the worker
 * never says hello within `helloMs`, feeds are searched on the page in slices instead.
 */
export function setSearchWorker(create: () => Worker, helloMs = 10_000): void {
  workerStart = { create, helloMs };
}

/**
 * The self-contained bundle's way to {@link setSearchWorker}: a worker that runs `url`, the
 * bundle itself, which starts {@link serveSearches} when it finds itself in a worker of that
 * name, so no second file has to be hosted. Browsers start workers only from the page's own
 * origin (some fail at once, some later), so a bundle from a CDN searches on the page.
 */
export function useWorker(url: string, type: WorkerType, helloMs?: number): void {
  bundleUrl = url;
  setSearchWorker(() => {
    if (new URL(url, location.href).origin !== location.origin) throw new Error('another origin');
    const trusted = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
    // The policy vouches for the bundle's own address and nothing else.
    policy ??= trusted?.createPolicy(POLICY_NAME, { createScriptURL: (given) => (given === bundleUrl ? given : '') });
    return new Worker(policy ? policy.createScriptURL(url) : url, { type, name: WORKER_NAME });
  }, helloMs);
}

/**
 * What the page sends its search worker, in this order: the feed's documents in slices, `null`
 * once they are all sent (build the index), then queries.
 */
export type ToWorker = SearchDoc[] | null | QueryMessage;

/**
 * What the worker answers: `0` hello (it has loaded), `1` the index is built, then one result
 * per query, in the order asked.
 */
export type FromWorker = 0 | 1 | SearchResult;

/** The worker's side: builds the index from the documents it is sent and answers queries. */
export function serveSearches(): void {
  const index = new SearchIndex([], Object.values(FIELD_WEIGHTS));
  // A worker global scope, typed loosely so the DOM declarations still type-check.
  const scope = globalThis as unknown as { onmessage: (event: MessageEvent<ToWorker>) => void; postMessage(message: FromWorker): void };
  scope.onmessage = ({ data }) => {
    if (Array.isArray(data)) index.add(data);
    else if (data) scope.postMessage(index.search(data.query, data.options));
    else {
      index.finish();
      scope.postMessage(1);
    }
  };
  scope.postMessage(0);
}

/**
 * The searcher for a feed's items. A large feed goes to a worker when {@link setSearchWorker}
 * set one up and the page lets it start; otherwise, or when the worker fails, the index is built on
 * the page in slices of a few milliseconds from the moment the feed is shown, so the page stays
 * responsive and the first keystroke rarely waits. An empty query never needs the index.
 */
export function createSearcher(items: readonly CaseStudy[]): Searcher {
  const worker = items.length > SYNC_LIMIT ? startWorker() : undefined;
  return worker ? workerSearcher(items, worker, workerStart!.helloMs) : pageSearcher(items);
}

/**
 * The searcher for a large feed still arriving (read from its address as it comes): its worker
 * starts indexing the items already checked, and each later {@link Searcher.arrived} sends it
 * those that have come since, so the index is nearly built by the time the feed is shown.
 * Undefined while the feed is not large, or when the page allows no worker: the feed is then
 * indexed once it has all arrived, by {@link createSearcher}. Queries wait for the last item.
 */
export function indexAhead(items: readonly CaseStudy[]): Searcher | undefined {
  const worker = items.length > SYNC_LIMIT ? startWorker() : undefined;
  return worker && workerSearcher(items, worker, workerStart!.helloMs, false);
}

/**
 * Starts the search worker, or gives undefined when there is none or the page does not allow
 * it: a script on another origin (a CDN), a Content-Security-Policy without `worker-src` for it,
 * or Trusted Types enforced without the `case-study-finder` policy. One refusal is enough: later
 * feeds are searched on the page without asking again.
 */
function startWorker(): Worker | undefined {
  try {
    return workerStart?.create();
  } catch {
    workerStart = undefined;
    return undefined;
  }
}

const stopped = () => Promise.reject(new SearchStopped('The search was stopped.'));

/** Indexes on the page, in slices; see {@link createSearcher}. */
function pageSearcher(items: readonly CaseStudy[]): Searcher {
  const index = new SearchIndex([], Object.values(FIELD_WEIGHTS));
  const all = everyDoc(items.length);
  const steps = index.build(items.length, (at) => toSearchDoc(items[at]!));
  let ready = false;
  let ended = false;
  // A build cut short by stop() also finishes: only `ended` tells the two apart.
  const built = runSliced(steps).then(() => {
    if (!ended) ready = true;
  });
  return {
    get ready() {
      return ready;
    },
    search(query, options) {
      if (ended) return stopped();
      if (terms(query).length === 0) return all;
      if (!ready && items.length <= SYNC_LIMIT) {
        runAll(steps);
        ready = true;
      }
      // A partial index would answer wrongly: after stop() a waiting query is refused instead.
      return ready ? index.search(query, options) : built.then(() => (ended ? stopped() : index.search(query, options)));
    },
    stop() {
      ended = true;
      if (!ready) steps.return(undefined);
    },
  };
}

/**
 * Indexes and searches in `worker`. The documents go over in slices (each a few milliseconds
 * of copying), as they arrive when the feed is not `whole` yet; queries follow them and are
 * answered in order. If the worker fails to load or never says hello within `helloMs`, the
 * feed is searched on the page instead (once it is whole), queries waiting included.
 */
function workerSearcher(items: readonly CaseStudy[], worker: Worker, helloMs: number, whole = true): Searcher {
  type Waiting = [query: string, options: SearchOptions | undefined, answer: (result: SearchResult | Promise<SearchResult>) => void];
  // Asked for once the feed is whole: queries wait for it.
  let all: SearchResult | undefined;
  const waiting: Waiting[] = [];
  let ready = false;
  let ended = false;
  let failed = false;
  let fallback: Searcher | undefined;
  /** Wakes the sender when more items arrive. */
  let more = () => {};
  const fallBack = () => {
    if (!failed || !whole || fallback || ended) return;
    fallback = pageSearcher(items);
    for (const [query, options, answer] of waiting.splice(0)) answer(fallback.search(query, options));
  };
  const end = () => {
    clearTimeout(helloTimer);
    worker.terminate();
  };
  const fail = () => {
    if (failed || ended) return;
    failed = true;
    end();
    fallBack();
  };
  const helloTimer = setTimeout(fail, helloMs);
  const send = (message: ToWorker) => worker.postMessage(message);
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    clearTimeout(helloTimer);
    if (data === 1) ready = true;
    else if (data !== 0) waiting.shift()?.[2](data);
  };
  worker.onerror = (event) => {
    // Not the host page's error: it must not reach the page's own error handlers.
    event.preventDefault();
    fail();
  };
  // Queries are sent once every document has been.
  const sent = (async () => {
    for (let from = 0; !ended && !failed; ) {
      if (items.length - from >= DOCS_PER_MESSAGE || (whole && from < items.length)) {
        send(items.slice(from, (from += DOCS_PER_MESSAGE)).map(toSearchDoc));
        await yieldToMain();
      } else if (whole) return send(null);
      else await new Promise<void>((resolve) => (more = resolve));
    }
  })();
  return {
    get ready() {
      return fallback ? fallback.ready : ready;
    },
    search(query, options) {
      if (ended) return stopped();
      if (fallback) return fallback.search(query, options);
      if (terms(query).length === 0) return (all ??= everyDoc(items.length));
      return new Promise((answer) => {
        waiting.push([query, options, answer]);
        void sent.then(() => {
          if (!ended) send({ query, options });
        });
      });
    },
    stop() {
      if (ended) return;
      ended = true;
      more();
      end();
      fallback?.stop();
      for (const [, , answer] of waiting.splice(0)) answer(stopped());
    },
    arrived(done) {
      whole ||= done;
      more();
      fallBack();
    },
  };
}
