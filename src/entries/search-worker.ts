import { serveSearches } from '../browser/searcher.js';

/**
 * `case-study-finder/worker`: the search worker for apps that build with a bundler, started by
 * the function given to `setSearchWorker`. It holds the search index only (no Lit, no element).
 * Imported anywhere but in a worker (a server-side render, say), it does nothing.
 */
if ('WorkerGlobalScope' in globalThis) serveSearches();
