// First: where there is no DOM, this stands in for it before Lit loads.
import { standIns } from './dom-stand-ins.js';
import { useWorker } from '../browser/searcher.js';
import { useReaders } from './formats-loader.js';

export * from '../index.js';

/**
 * The entry of the self-contained files (dist/case-study-finder.js and .iife.js): the element,
 * plus a search worker for large feeds that runs this same file, and the readers of other feed
 * formats in case-study-finder-formats.js beside it (see entries/formats-loader.ts). The classic script knows its
 * address from document.currentScript, the module from import.meta.url. A classic script
 * pasted inline has no address and searches on the page.
 */
for (const name of standIns) delete (globalThis as Record<string, unknown>)[name];
if (globalThis.document) {
  const script = document.currentScript as HTMLScriptElement | null;
  const url = script ? script.src : import.meta.url;
  // Only a file under the shipped name is taken to be this file alone. The same code inside
  // an app's chunk (a bundler took it in) or a CMS's combined script would start all of that
  // file in the worker; there, large feeds are searched on the page instead.
  if (/\/case-study-finder(\.iife)?\.js([?#]|$)/.test(url)) {
    useWorker(url, script ? 'classic' : 'module');
    // The readers of other formats are a module beside this file, loaded for such a feed only.
    useReaders(new URL('case-study-finder-formats.js', url).href);
  }
}
