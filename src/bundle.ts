// First: in the search worker, this stands in for the DOM before Lit loads.
import './worker.js';
import { useWorker } from './searcher.js';

export * from './index.js';

/**
 * The entry of the self-contained files (dist/case-study-finder.js and .iife.js): the element,
 * plus a search worker for large feeds that runs this same file. The classic script knows its
 * address from document.currentScript, the module from import.meta.url. A classic script
 * pasted inline has no address and searches on the page.
 */
if (globalThis.document) {
  const script = document.currentScript as HTMLScriptElement | null;
  const url = script ? script.src : import.meta.url;
  if (url) useWorker(url, script ? 'classic' : 'module');
}
