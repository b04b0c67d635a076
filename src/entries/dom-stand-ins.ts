import { serveSearches, WORKER_NAME } from '../browser/searcher.js';

/**
 * Imported first by the self-contained bundle's entry, so that this runs before Lit loads.
 * Where there is no DOM (the bundle's own search worker, or Node when a server-side renderer
 * imports the package), it stands in for the few DOM names Lit touches while loading
 * (HTMLElement, document.createTreeWalker), so that the rest of the bundle loads without
 * effect; entries/bundle.ts takes them away again once it has. In a worker of our name, it answers
 * searches: the bundle is also its own search worker (no second file to host).
 */
const scope = globalThis as Record<string, unknown>;
/** The global names set here, to be removed once the bundle has loaded. */
export const standIns: string[] = [];
if (!scope.document) {
  for (const [name, value] of [
    ['HTMLElement', class {}],
    ['document', { createTreeWalker() {} }],
  ] as const) {
    if (name in scope) continue;
    scope[name] = value;
    standIns.push(name);
  }
  if (scope.name === WORKER_NAME) serveSearches();
}
