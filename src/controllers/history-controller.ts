import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readSavedState, readUrlState, withSavedState, writeUrlState, type UrlState } from '../lib/url-state.js';

/** What the controller needs to know about its element, read when it is needed. */
export interface HistoryOptions {
  /** Mirror the state into the URL too (`sync-url`). */
  syncUrl(): boolean;
  /** Prefix of the URL parameters (`url-prefix`). */
  prefix(): string;
  /** The facets whose choices the URL carries. */
  facets(): string[];
  /** Back or Forward came to an entry: the state to show there. */
  restore(state: UrlState): void;
}

/**
 * Keeps a visitor's search, filters, sort and pages in the page's history, so that Back brings
 * them back: always in the entry's state object (`history.state`, under this element's own key,
 * beside anything the page keeps there), which the browser restores with the entry even when a
 * council's page is sent with `Cache-Control: no-store` and reloads; and with `sync-url` in the
 * address too, where it can be shared. Without `sync-url` the current entry is only updated, so
 * Back still leaves the page as a visitor expects; with it, a choice adds an entry.
 */
export class HistoryController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: HistoryOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: HistoryOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /**
   * The state this entry holds for the element (saved, else in the URL with `sync-url`). A new
   * visit (a link, even one to this very address) starts clean: Chromium carries the entry's
   * saved state over to a link to the same address, so a state is only taken from a page loaded
   * by reload or Back/Forward, or one this document wrote itself. An address is taken at any
   * visit: it is a link to that search.
   */
  saved(): UrlState | undefined {
    const key = this.key;
    newVisit ??= /^(navigate|prerender)$/.test((performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)?.type ?? '');
    const saved = !newVisit || written.has(key) ? readSavedState(history.state, key) : undefined;
    if (saved || !this.options.syncUrl()) return saved;
    return readUrlState(location.search, this.options.prefix(), this.options.facets());
  }

  /** Records a reported change: typing replaces the entry's state, a choice adds an entry with `sync-url`. */
  write(state: UrlState, kind: 'push' | 'replace'): void {
    written.add(this.key);
    const saved = withSavedState(history.state, this.key, state) ?? history.state;
    let url = location.href;
    if (this.options.syncUrl()) {
      const search = writeUrlState(location.search, this.options.prefix(), this.options.facets(), state);
      url = `${location.pathname}${search}${location.hash}`;
      if (search === location.search) kind = 'replace';
    } else kind = 'replace';
    try {
      if (kind === 'push') history.pushState(saved, '', url);
      else history.replaceState(saved, '', url);
    } catch {
      // A sandboxed frame, or a browser limiting how often history may change: the search
      // itself works on; only Back will not remember it.
    }
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.handlePopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.handlePopState);
  }

  /**
   * This element's key in the entry's state: its id, else its URL prefix, else its place among
   * the page's finders, which is the same when the page is loaded again.
   */
  private get key(): string {
    const host = this.host;
    return `case-study-finder ${host.id || this.options.prefix() || placeOf(host)}`;
  }

  private readonly handlePopState = (): void => {
    // Back or Forward within this document: its entries' states are this document's own.
    newVisit = false;
    const saved = this.saved();
    if (saved) this.options.restore(saved);
  };
}

/**
 * The document was loaded by a new visit, not by reload or Back/Forward; read when first needed
 * (where a browser has no Navigation Timing, the entry's state is taken, as before).
 */
let newVisit: boolean | undefined;
/** The keys this document has saved a state under: theirs to take back (a finder drawn again). */
const written = new Set<string>();

/**
 * Where an element stands among the elements of its name in its tree, and, inside a shadow
 * root, where that root's host stands in its own: "0" for the page's first finder, "1 my-card 0"
 * for the first finder inside the second `<my-card>`. Two finders in two components' shadow
 * roots are then told apart, which a look-up in the document alone cannot do (it finds neither).
 */
function placeOf(element: Element): string {
  const root = element.getRootNode() as Document | ShadowRoot;
  const place = [...root.querySelectorAll(element.localName)].indexOf(element);
  return root instanceof ShadowRoot ? `${placeOf(root.host)} ${root.host.localName} ${place}` : String(place);
}
