import { serveSearches, WORKER_NAME } from './searcher.js';

/**
 * The self-contained bundle is also its own search worker (no second file to host). Imported
 * first by the bundle's entry, so that in the worker this runs before Lit loads: it answers
 * searches and stands in for the few DOM names Lit touches while loading (HTMLElement,
 * document.createTreeWalker) and for customElements, so that the rest of the bundle loads
 * without effect.
 */
const scope = globalThis as Record<string, unknown>;
if (!scope.document && scope.name === WORKER_NAME) {
  scope.HTMLElement = class {};
  scope.document = { createTreeWalker() {} };
  scope.customElements = { get: () => true };
  serveSearches();
}
