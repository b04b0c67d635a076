import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './case-study-finder.styles.js';
import { CsfChangeEvent, CsfErrorEvent, CsfLoadEvent, type AppliedSort, type SortOrder } from './events.js';
import { FeedController, type FeedState } from './feed-controller.js';
import type { Strings } from './i18n/en.js';
import { fill, formatDate, plural, stringsFor, toLang, type Lang } from './i18n/format.js';
import { FacetIndex, valueKey, type FacetCounts } from './lib/facets.js';
import type { CaseStudy, FacetDef, FeedItemInput, ParsedFeed } from './lib/feed.js';
import { Orders } from './lib/order.js';
import { createSearcher, type Searcher } from './lib/searcher.js';
import { highlight } from './lib/text.js';
import { readUrlState, writeUrlState } from './lib/url-state.js';

/** Reactive properties whose change re-filters and re-sorts the results. */
const VIEW_INPUTS = ['selection', 'chosenSort', 'sort'];
const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest', 'title'];
const DEFAULT_FACETS = 'topics supportTypes';
/** How long typing must pause before the count is announced and `csf-change` fires. */
const PAUSE_MS = 500;

let instances = 0;

/**
 * A searchable, filterable list of case studies from a JSON feed.
 *
 * @summary Case studies: fuzzy search, facet chips with counts, cards; English and Welsh.
 *
 * @attr src - URL of the JSON feed. Changing it aborts the request in flight.
 * @attr facets - Space-separated item fields shown as chip groups, in order. Without it, the
 *   feed's own `facets` list, else `topics supportTypes`.
 * @attr page-size - Cards shown before "Show more".
 * @attr sort - `relevance`, `newest`, `oldest` or `title`; by default relevance while searching,
 *   else newest when items have dates, else feed order.
 * @attr lang - `en` or `cy`; falls back to the nearest `lang` in the page, then `en`.
 * @attr heading-level - Level of the card headings, 2 to 6.
 * @attr timeout - Milliseconds to wait for the feed before showing the error state.
 * @attr sync-url - Mirror the query, filters, sort and page into the page URL, and restore
 *   them on load and on Back/Forward.
 * @attr url-prefix - Prefix for those URL parameters, so they never clash with the host page's.
 *
 * @slot - Fallback shown only when JavaScript does not run (for example a link to all case studies).
 *
 * @fires {CsfLoadEvent} csf-load - `{ total, skipped, warnings }` after a feed is accepted.
 * @fires {CsfChangeEvent} csf-change - `{ query, filters, sort, total }` after the visitor changes the search.
 * @fires {CsfErrorEvent} csf-error - `{ message, cause }` when a feed cannot be loaded at all.
 *
 * @csspart search - The search area.
 * @csspart search-input - The search box.
 * @csspart skip-link - "Skip to results", shown when it has focus.
 * @csspart filters - All chip groups.
 * @csspart filters-toggle - The "Filters" disclosure button in narrow containers.
 * @csspart filter-group - One group of chips.
 * @csspart chip - A filter chip; chosen chips also have `chip-selected`.
 * @csspart chip-selected - A chosen chip.
 * @csspart count - "Your search returned N results".
 * @csspart sort - The sort control.
 * @csspart active-filters - The list of chosen filters.
 * @csspart remove-filter - A button that removes one chosen filter.
 * @csspart clear-button - "Clear all filters".
 * @csspart results - The list of cards.
 * @csspart card - One case study.
 * @csspart card-title - The card heading.
 * @csspart card-link - The link in the card heading.
 * @csspart card-meta - Organisation and date.
 * @csspart card-summary - The summary.
 * @csspart card-tags - The topic tags.
 * @csspart tag - One topic tag.
 * @csspart card-image - The image.
 * @csspart collection-link - "View all … articles".
 * @csspart highlight - Matched text (`<mark>`).
 * @csspart more-button - "Show more".
 * @csspart empty - The no-results and empty-feed state.
 * @csspart error - The error state.
 * @csspart retry-button - "Try again".
 * @csspart loading - The loading state.
 *
 * @cssprop [--csf-font=inherit] - Font family.
 * @cssprop [--csf-text=#0b0c0c] - Text colour.
 * @cssprop [--csf-muted=#505a5f] - Secondary text colour.
 * @cssprop [--csf-surface=#ffffff] - Background of cards and controls.
 * @cssprop [--csf-border=#8a9196] - Borders of cards and chips.
 * @cssprop [--csf-accent=#1d70b8] - Links, chosen chips and buttons.
 * @cssprop [--csf-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--csf-highlight=#fff2a8] - Background of matched text.
 * @cssprop [--csf-focus=#0b0c0c] - Focus ring.
 * @cssprop [--csf-radius=6px] - Corner radius.
 * @cssprop [--csf-gap=1rem] - Base spacing.
 * @cssprop [--csf-subtle=#f3f2f1] - Quiet backgrounds: chip counts, topic tags, image placeholders.
 */
export class CaseStudyFinder extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the decorators' code would cost bytes in the
  // single-file bundle, and these declarations are what Lit and the manifest analyser read.
  static override properties = {
    src: {},
    items: { attribute: false },
    facets: {},
    pageSize: { type: Number, attribute: 'page-size' },
    sort: {},
    lang: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    timeout: { type: Number },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    urlPrefix: { attribute: 'url-prefix' },
    strings: { attribute: false },
    query: { state: true },
    selection: { state: true },
    chosenSort: { state: true },
    pages: { state: true },
    filtersOpen: { state: true },
    announcement: { state: true },
  };

  /** URL of the JSON feed. */
  src?: string;

  /** Items given directly; they win over `src` and inline JSON. Raw feed items are validated. */
  items?: readonly FeedItemInput[];

  /** Space-separated item fields shown as chip groups. */
  facets = DEFAULT_FACETS;

  /** Cards shown before "Show more". */
  pageSize = 12;

  /** The order when the visitor has not chosen one. */
  sort?: SortOrder;

  /** `en` or `cy`; empty means the nearest `lang` in the page. */
  override lang = '';

  /** Level of the card headings, 2 to 6. */
  headingLevel = 3;

  /** Milliseconds to wait for the feed before giving up. */
  timeout = 15000;

  /** Mirror the visitor's choices into the page URL. */
  syncUrl = false;

  /** Prefix for the URL parameters. */
  urlPrefix = '';

  /** Overrides for any UI text (see the README for the keys). */
  strings?: Partial<Strings>;

  private query = '';
  private selection: Record<string, string[]> = {};
  private chosenSort?: SortOrder;
  private pages = 1;
  private filtersOpen = false;
  private announcement = '';

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input[part~="search-input"]');
  }

  readonly #feedController = new FeedController(this, (state) => this.#handleSettled(state));
  readonly #uid = `csf${++instances}`;
  #inheritedLang: Lang = 'en';
  #searcher?: Searcher;
  #orders?: Orders;
  #facetIndex?: FacetIndex;
  #facetDefs: FacetDef[] = [];
  #hits?: ArrayLike<number>;
  #matched = new Set<string>();
  #results: number[] = [];
  #facetCounts: FacetCounts[] = [];
  #searchGeneration = 0;
  /** True while a query waits for the index of a large feed. */
  #searching = false;
  /** Set when a search is answered (or the facets change), so the next update filters again. */
  #viewStale = false;
  /** The query that #hits answers, or will answer when its pending answer comes. */
  #searchedQuery?: string;
  #pauseTimer?: ReturnType<typeof setTimeout>;
  /** How the change waiting for the pause enters the page history. */
  #pendingChange?: 'push' | 'replace';
  /** Set when a feed arrives: the URL's state is applied before its first render. */
  #urlPending = false;
  /** Set by Retry: focus follows the loading message to the results or the error. */
  #focusAfterLoad = false;
  /** A load is owed: the element left the page before it could finish, or before it began. */
  #needsLoad = false;
  /** Where focus goes after the next render, when the control that had it disappears. */
  #pendingFocus?: () => HTMLElement | null | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#inheritedLang = toLang(this.#findInheritedLang());
    window.addEventListener('popstate', this.#handlePopState);
    // Back on the page: finish a load that leaving cut off, but never fetch a shown feed again.
    if (this.hasUpdated && this.#needsLoad) this.#load();
    // A shown feed whose searcher was let go on leaving gets a new one (the query is run again).
    const feed = this.#feed;
    if (feed && !this.#searcher) {
      this.#searcher = createSearcher(feed.items);
      this.#hits = this.#searchedQuery = undefined;
      this.requestUpdate();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The controller has just cancelled any request in flight.
    if (this.#feedController.state.status === 'loading') this.#needsLoad = true;
    window.removeEventListener('popstate', this.#handlePopState);
    // Off the page, the index (and a large feed's worker) would only hold memory.
    this.#searcher?.stop();
    this.#searcher = undefined;
    clearTimeout(this.#pauseTimer);
    this.#pendingChange = undefined;
  }

  /** Loads the feed again, for example after the host page changed it on the server. */
  reload(): void {
    this.#load();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('items')) {
      // An element added and removed in one go updates once while detached: load on return.
      if (this.isConnected) this.#load();
      else this.#needsLoad = true;
    }
    const state = this.#feedController.state;
    if (state.status !== 'ready') return;

    if (changed.has('facets') || !this.#facetIndex) {
      this.#facetIndex = new FacetIndex(state.feed.items, this.#facetKeys);
      this.#viewStale = true;
    }
    if (this.#urlPending) {
      this.#urlPending = false;
      if (this.syncUrl) this.#restoreFromUrl();
    }
    // Once per query. An answer still to come (from the worker, or once the index is built)
    // brings its own update: until then the results shown stay as they are.
    if (this.#searchedQuery !== this.query) this.#runSearch();
    if (this.#viewStale || VIEW_INPUTS.some((key) => changed.has(key))) this.#applyFilters();
    this.#viewStale = false;
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // Typing over a large feed: the worker's answer brings its own update, and drawing the old
    // results again meanwhile would only hold that answer up. "Searching…" is drawn at once.
    if (changed.size === 1 && changed.has('query') && this.#searchedQuery !== undefined) {
      this.#runSearch();
      return this.#viewStale || this.#searching;
    }
    return true;
  }

  protected override updated(): void {
    // Set after the options have been updated: reused option elements would otherwise keep an
    // earlier choice selected (Firefox ignores `selected` once a visitor has used the select).
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part~="sort"]');
    if (select) select.value = this.currentSort === 'feed' ? '' : this.currentSort;
    const status = this.#feedController.state.status;
    if (this.#focusAfterLoad && (status === 'ready' || status === 'error')) {
      // Retry had focus and went away: land on what replaced the loading message.
      this.#focusAfterLoad = false;
      this.#pendingFocus = () =>
        status === 'ready'
          ? (this.#countElement() ?? this.#input)
          : this.renderRoot.querySelector<HTMLElement>('[part~="retry-button"]');
    }
    if (this.#pendingFocus) {
      const target = this.#pendingFocus();
      this.#pendingFocus = undefined;
      target?.focus();
    }
  }

  get #language(): Lang {
    return this.lang ? toLang(this.lang) : this.#inheritedLang;
  }

  get #text(): Strings {
    return stringsFor(this.#language, this.strings);
  }

  /** The `facets` attribute when the page sets one, else the feed's own list, else the default. */
  get #facetKeys(): string[] {
    if (!this.hasAttribute('facets') && this.facets === DEFAULT_FACETS && this.#facetDefs.length) {
      return this.#facetDefs.map((def) => def.key);
    }
    return this.facets.split(/\s+/).filter(Boolean);
  }

  get #feed(): ParsedFeed | undefined {
    const state = this.#feedController.state;
    return state.status === 'ready' ? state.feed : undefined;
  }

  /** The order in force: the visitor's choice, else the attribute, else the SPEC's default. */
  get currentSort(): AppliedSort {
    const choice = this.chosenSort ?? this.sort;
    if (choice && SORTS.includes(choice) && (choice !== 'relevance' || this.query.trim())) return choice;
    if (this.query.trim()) return 'relevance';
    return this.#feed?.items.some((item) => item.time !== undefined) ? 'newest' : 'feed';
  }

  #findInheritedLang(): string | null {
    let node: Element | null = this.parentElement;
    let root = this.getRootNode();
    for (;;) {
      const found = node?.closest('[lang]');
      if (found) return found.getAttribute('lang');
      if (!(root instanceof ShadowRoot)) return document.documentElement.getAttribute('lang');
      node = root.host;
      root = node.getRootNode();
    }
  }

  #load(): void {
    this.#needsLoad = false;
    this.#searcher?.stop();
    this.#searcher = undefined;
    this.#facetIndex = undefined;
    this.#hits = this.#searchedQuery = undefined;
    if (this.items) {
      this.#feedController.use(this.items);
      return;
    }
    if (this.src) {
      void this.#feedController.fetch(this.src, this.timeout);
      return;
    }
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) void this.#feedController.parseText(inline.textContent ?? '');
    // No source left (src removed): drop what was loading or shown.
    else this.#feedController.reset();
  }

  #handleSettled(state: FeedState): void {
    if (state.status === 'error') {
      this.dispatchEvent(new CsfErrorEvent({ message: state.message, cause: state.cause }));
      return;
    }
    if (state.status !== 'ready') return;
    const { feed } = state;
    this.#urlPending = true;
    this.#facetDefs = feed.facets;
    this.#searcher = createSearcher(feed.items);
    this.#orders = new Orders(feed.items);
    this.#facetIndex = undefined;
    this.#hits = this.#searchedQuery = undefined;
    if (feed.skipped.length || feed.warnings.length) {
      const lines = [...feed.skipped.map((p) => `skipped item ${p.index}: ${p.reason}`), ...feed.warnings.map((p) => `item ${p.index}: ${p.reason}`)];
      console.warn(`<case-study-finder> ${feed.skipped.length} item(s) skipped, ${feed.warnings.length} field(s) dropped:\n${lines.join('\n')}`);
    }
    this.dispatchEvent(new CsfLoadEvent({ total: feed.items.length, skipped: feed.skipped, warnings: feed.warnings }));
  }

  /** Runs the query: the results are stale at once, or when its answer comes. */
  #runSearch(): void {
    if (!this.#searcher) return;
    const generation = ++this.#searchGeneration;
    this.#searchedQuery = this.query;
    const outcome = this.#searcher.search(this.query);
    // Only an index still being built makes a query wait long enough to say "Searching…"; a
    // worker's answer to a keystroke comes within a frame or two.
    this.#searching = outcome instanceof Promise && !this.#searcher.ready;
    if (!(outcome instanceof Promise)) {
      this.#hits = outcome.indices;
      this.#matched = new Set(outcome.matched);
      this.#viewStale = true;
      return;
    }
    // A large feed answers later (from its worker, or once indexed); only the newest query's
    // answer is kept, and while the index is built the count says so rather than showing the
    // last one as current.
    void outcome.then((result) => {
      if (generation !== this.#searchGeneration) return;
      this.#hits = result.indices;
      this.#matched = new Set(result.matched);
      this.#searching = false;
      this.#viewStale = true;
      this.requestUpdate();
    });
  }

  #applyFilters(): void {
    if (!this.#facetIndex || !this.#hits) return;
    const { results, facets } = this.#facetIndex.apply(this.#hits, this.selection);
    this.#facetCounts = facets;
    const sort = this.currentSort;
    // Relevance is the search's own order; feed order is what an empty search returns.
    this.#results = sort === 'relevance' || sort === 'feed' ? results : this.#orders!.sort(results, sort);
  }

  // ---- handlers -------------------------------------------------------------------------

  #handleInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    this.#setQuery(value);
  }

  #handleSearchKeydown(event: KeyboardEvent): void {
    const box = event.target as HTMLInputElement;
    if (event.key === 'Escape' && box.value) {
      event.preventDefault();
      box.value = '';
      this.#setQuery('');
    }
  }

  #setQuery(value: string): void {
    // Clearing the search returns the order to its default.
    if (!value.trim()) this.chosenSort = undefined;
    this.query = value;
    this.pages = 1;
    this.#afterChange(PAUSE_MS, 'replace');
  }

  #handleChipClick(facet: string, value: string): void {
    const current = this.selection[facet] ?? [];
    const key = valueKey(value);
    const next = current.some((v) => valueKey(v) === key)
      ? current.filter((v) => valueKey(v) !== key)
      : [...current, value];
    this.selection = { ...this.selection, [facet]: next };
    this.pages = 1;
    this.#afterChange(0);
  }

  #handleRemoveFilter(facet: string, value: string, event: Event): void {
    const list = (event.currentTarget as HTMLElement).closest('ul');
    const buttons = [...(list?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    this.#handleChipClick(facet, value);
    // The pressed button disappears: go to the filter that takes its place, or the one before,
    // or, when it was the last, to the result count so a screen reader hears the new total.
    this.#pendingFocus = () => {
      const remaining = [...(this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove]'))];
      return remaining[Math.min(at, remaining.length - 1)] ?? this.#countElement();
    };
  }

  #handleClearAll(): void {
    this.selection = {};
    this.query = '';
    if (this.#input) this.#input.value = '';
    this.chosenSort = undefined;
    this.pages = 1;
    // The button that had focus may vanish with the filters: the search box is where a
    // visitor starts again.
    this.#pendingFocus = () => this.#input;
    this.#afterChange(0);
  }

  #handleSortChange(event: Event): void {
    this.chosenSort = SORTS.find((sort) => sort === (event.target as HTMLSelectElement).value);
    this.pages = 1;
    this.#afterChange(0);
  }

  #handleShowMore(): void {
    const firstNew = this.pages * this.pageSize;
    this.pages++;
    // The new cards appear below the button; move focus to the first of them so keyboard and
    // screen reader users continue where the new content starts.
    this.#pendingFocus = () =>
      this.renderRoot.querySelectorAll<HTMLAnchorElement>('[part~="card-link"]')[firstNew];
    this.#afterChange(0);
  }

  #handleRetry(): void {
    // The Retry button disappears with the error: focus the loading message, then the count.
    this.#pendingFocus = () => this.renderRoot.querySelector<HTMLElement>('[part~="loading"]');
    this.#focusAfterLoad = true;
    this.#load();
  }

  #handleToggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
  }

  #handleSkip(event: Event): void {
    event.preventDefault();
    this.#countElement()?.focus();
  }

  /**
   * Records a visitor's change: once it settles (typing pauses for `delay` ms; other changes at
   * once) the count is announced, `csf-change` fires and, with `sync-url`, the URL follows:
   * typing replaces the history entry, anything else pushes one. A change still waiting when
   * the next one comes is completed first, so every change is reported exactly once.
   */
  #afterChange(delay: number, history: 'push' | 'replace' = 'push'): void {
    // Keys typed before the pause are one change; anything else completes what was waiting.
    if (!(history === 'replace' && this.#pendingChange === 'replace')) this.#flushChange();
    this.#pendingChange = history;
    this.#pauseTimer = setTimeout(async () => {
      await this.updateComplete;
      this.#flushChange();
    }, delay);
  }

  #flushChange(): void {
    clearTimeout(this.#pauseTimer);
    const history = this.#pendingChange;
    if (!history) return;
    this.#pendingChange = undefined;
    this.announcement = this.#announcementText();
    if (this.syncUrl) this.#writeUrl(history);
    this.dispatchEvent(
      new CsfChangeEvent({
        query: this.query,
        filters: structuredClone(this.selection),
        sort: this.currentSort,
        total: this.#results.length,
      }),
    );
  }

  #writeUrl(history: 'push' | 'replace'): void {
    const search = writeUrlState(location.search, this.urlPrefix, this.#facetKeys, {
      query: this.query,
      filters: this.selection,
      sort: this.chosenSort,
      pages: this.pages,
    });
    if (search === location.search) return;
    const url = `${location.pathname}${search}${location.hash}`;
    if (history === 'push') window.history.pushState(window.history.state, '', url);
    else window.history.replaceState(window.history.state, '', url);
  }

  /** Applies the URL's state; values the feed does not have are ignored. */
  #restoreFromUrl(): void {
    const state = readUrlState(location.search, this.urlPrefix, this.#facetKeys);
    const selection: Record<string, string[]> = {};
    for (const [facet, values] of Object.entries(state.filters)) {
      const known = values.flatMap((value) => this.#facetIndex?.label(facet, value) ?? []);
      if (known.length) selection[facet] = known;
    }
    this.query = state.query;
    this.selection = selection;
    this.chosenSort = SORTS.find((sort) => sort === state.sort);
    this.pages = state.pages;
  }

  readonly #handlePopState = (): void => {
    if (!this.syncUrl || !this.#feed) return;
    // The visitor's own Back/Forward: restore, and tell a screen reader the new count, but do
    // not report it as a new change.
    this.#restoreFromUrl();
    this.#pendingChange = undefined;
    clearTimeout(this.#pauseTimer);
    void this.updateComplete.then(() => {
      this.announcement = this.#announcementText();
    });
  };

  #announcementText(): string {
    if (this.#searching) return this.#text.searching;
    const count = plural(this.#language, this.#text.announceCount, this.#results.length);
    const chosen = this.#chosenFilters().map(([, , label]) => label);
    return chosen.length ? fill(this.#text.announceFilteredBy, { count, filters: chosen.join(', ') }) : count;
  }

  #countElement(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="count"]');
  }

  /** [facet, value, label] of every chosen filter, in facet order. */
  #chosenFilters(): Array<[string, string, string]> {
    return this.#facetKeys.flatMap((facet) =>
      (this.selection[facet] ?? []).map((value): [string, string, string] => [
        facet,
        value,
        this.#facetIndex?.label(facet, value) ?? value,
      ]),
    );
  }

  #facetLabel(facet: string): string {
    const def = this.#facetDefs.find((d) => d.key === facet);
    if (this.strings?.facetLabels?.[facet]) return this.strings.facetLabels[facet];
    // The feed's label in the visitor's language, else ours for a known facet, else the feed's
    // English label, else the field name.
    const label = def?.label;
    const own =
      (typeof label === 'string' ? label : label?.[this.#language]) ?? this.#text.facetLabels[facet] ?? (typeof label === 'object' ? label.en : undefined);
    if (!own) return facet;
    return own.charAt(0).toLocaleLowerCase(this.#language) + own.slice(1);
  }

  // ---- render helpers -------------------------------------------------------------------

  #renderMarked(text: string): TemplateResult | string {
    if (this.#matched.size === 0) return text;
    return html`${highlight(text, this.#matched).map((segment) =>
      segment.mark ? html`<mark part="highlight">${segment.text}</mark>` : segment.text,
    )}`;
  }

  /** The card heading at `heading-level` (a real hN element, so heading navigation works). */
  #renderTitle(item: CaseStudy): TemplateResult {
    const link = html`<a part="card-link" class="card-link" href=${item.url}>${this.#renderMarked(item.title)}</a>`;
    switch (this.headingLevel) {
      case 2:
        return html`<h2 part="card-title" class="card-title">${link}</h2>`;
      case 4:
        return html`<h4 part="card-title" class="card-title">${link}</h4>`;
      case 5:
        return html`<h5 part="card-title" class="card-title">${link}</h5>`;
      case 6:
        return html`<h6 part="card-title" class="card-title">${link}</h6>`;
      default:
        return html`<h3 part="card-title" class="card-title">${link}</h3>`;
    }
  }

  #renderCard(item: CaseStudy): TemplateResult {
    const t = this.#text;
    const tags = [...item.topics, ...item.supportTypes];
    return html`<li class="card-item">
      <article part="card" class="card ${item.image ? 'has-image' : ''}">
        ${item.image
          ? html`<img part="card-image" class="card-image" src=${item.image.src} alt=${item.image.alt}
              loading="lazy" decoding="async" width="320" height="180" />`
          : nothing}
        <div class="card-body">
          ${this.#renderTitle(item)}
          ${item.organisation || item.date
            ? html`<p part="card-meta" class="card-meta">
                ${item.organisation ? html`<span class="org">${this.#renderMarked(item.organisation)}</span>` : nothing}
                ${item.time !== undefined
                  ? html`<span class="date">${t.published}
                      <time datetime=${item.date!}>${formatDate(this.#language, Date.parse(`${item.date!.slice(0, 10)}T00:00:00Z`))}</time></span>`
                  : nothing}
              </p>`
            : nothing}
          ${item.summary ? html`<p part="card-summary" class="card-summary">${this.#renderMarked(item.summary)}</p>` : nothing}
          ${tags.length
            ? html`<ul part="card-tags" class="card-tags">
                ${tags.map((tag) => html`<li part="tag" class="tag">${this.#renderMarked(tag)}</li>`)}
              </ul>`
            : nothing}
          ${item.collection
            ? html`<a part="collection-link" class="collection-link" href=${item.collection.url}
                >${fill(t.viewCollection, { label: item.collection.label })}</a
              >`
            : nothing}
        </div>
      </article>
    </li>`;
  }

  #renderFacet(group: FacetCounts, index: number): TemplateResult {
    const id = `${this.#uid}-facet-${index}`;
    return html`<div part="filter-group" class="filter-group" role="group" aria-labelledby=${id}>
      <p class="group-label" id=${id}>${fill(this.#text.filterBy, { label: this.#facetLabel(group.key) })}</p>
      <ul class="chips">
        ${group.values.map(
          (value) => html`<li>
            <button
              type="button"
              part=${value.selected ? 'chip chip-selected' : 'chip'}
              class="chip"
              aria-pressed=${value.selected ? 'true' : 'false'}
              ?disabled=${value.count === 0 && !value.selected}
              @click=${() => this.#handleChipClick(group.key, value.label)}
            >
              <svg class="tick" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
                <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2" />
              </svg>
              <span class="chip-label">${value.label}</span>
              <span class="chip-count" aria-hidden="true">${value.count}</span>
              <span class="visually-hidden">, ${plural(this.#language, this.#text.chipCount, value.count)}</span>
            </button>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderFilters(): TemplateResult | typeof nothing {
    const groups = this.#facetCounts.filter((group) => group.values.length > 0);
    if (groups.length === 0) return nothing;
    const chosen = this.#chosenFilters().length;
    const panelId = `${this.#uid}-filters`;
    return html`<div class="filters-wrap">
      <button
        type="button"
        part="filters-toggle"
        class="filters-toggle"
        aria-expanded=${this.filtersOpen ? 'true' : 'false'}
        aria-controls=${panelId}
        @click=${this.#handleToggleFilters}
      >
        <svg class="chevron" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
        ${chosen ? plural(this.#language, this.#text.filtersToggle, chosen) : this.#text.filters}
      </button>
      <div id=${panelId} part="filters" class="filters ${this.filtersOpen ? 'open' : ''}">
        ${groups.map((group, index) => this.#renderFacet(group, index))}
      </div>
    </div>`;
  }

  #renderActiveFilters(): TemplateResult | typeof nothing {
    const chosen = this.#chosenFilters();
    if (chosen.length === 0 && !this.query.trim()) return nothing;
    const t = this.#text;
    return html`<div part="active-filters" class="active-filters">
      ${chosen.length
        ? html`<p class="visually-hidden" id="${this.#uid}-active">${t.activeFilters}</p>
            <ul class="active-list" aria-labelledby="${this.#uid}-active">
              ${chosen.map(
                ([facet, value, label]) => html`<li>
                  <button type="button" part="remove-filter" class="remove" data-remove
                    aria-label=${fill(t.removeFilter, { value: label })}
                    @click=${(event: Event) => this.#handleRemoveFilter(facet, value, event)}>
                    ${label}
                    <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
                      <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" />
                    </svg>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      <button type="button" part="clear-button" class="link-button" @click=${this.#handleClearAll}>
        ${t.clearAll}
      </button>
    </div>`;
  }

  #renderSort(): TemplateResult {
    const t = this.#text;
    const hasDates = this.#feed?.items.some((item) => item.time !== undefined) ?? false;
    const current = this.currentSort;
    const options: Array<[SortOrder, string]> = [
      ...(this.query.trim() ? ([['relevance', t.sortRelevance]] as Array<[SortOrder, string]>) : []),
      ...(hasDates
        ? ([
            ['newest', t.sortNewest],
            ['oldest', t.sortOldest],
          ] as Array<[SortOrder, string]>)
        : []),
      ['title', t.sortTitle],
    ];
    const id = `${this.#uid}-sort`;
    return html`<div class="sort">
      <label for=${id}>${t.sortLabel}</label>
      <select id=${id} part="sort" @change=${this.#handleSortChange}>
        ${current === 'feed' ? html`<option value="" selected>${t.sortFeed}</option>` : nothing}
        ${options.map(([value, label]) => html`<option value=${value} ?selected=${value === current}>${label}</option>`)}
      </select>
    </div>`;
  }

  #renderResults(feed: ParsedFeed): TemplateResult {
    const t = this.#text;
    if (feed.items.length === 0) {
      return html`<div part="empty" class="state empty"><p class="state-title">${t.emptyFeed}</p></div>`;
    }
    const shown = this.#results.slice(0, this.pages * this.pageSize);
    const remaining = this.#results.length - shown.length;
    return html`
      <div class="toolbar">
        <p part="count" class="count" tabindex="-1" id="${this.#uid}-count">
          ${this.#searching ? t.searching : plural(this.#language, t.resultCount, this.#results.length)}
        </p>
        ${this.#results.length > 1 ? this.#renderSort() : nothing}
      </div>
      ${this.#renderActiveFilters()}
      ${this.#results.length === 0
        ? html`<div part="empty" class="state empty">
            <p class="state-title">${t.emptyTitle}</p>
            <p>${t.emptyHint}</p>
            <button type="button" part="clear-button" class="button" @click=${this.#handleClearAll}>${t.clearAll}</button>
          </div>`
        : html`<ul part="results" class="results" aria-labelledby="${this.#uid}-count">
            ${shown.map((index) => this.#renderCard(feed.items[index]!))}
          </ul>`}
      ${remaining > 0
        ? html`<div class="more">
            <p class="showing">${fill(t.showingOf, { shown: shown.length, total: this.#results.length })}</p>
            <button type="button" part="more-button" class="button" @click=${this.#handleShowMore}>
              ${plural(this.#language, t.showMore, Math.min(remaining, this.pageSize))}
            </button>
          </div>`
        : nothing}
    `;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const state = this.#feedController.state;
    const t = this.#text;
    switch (state.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<div part="loading" class="state loading" tabindex="-1">
          <span class="spinner" aria-hidden="true"></span>${t.loading}
        </div>`;
      case 'error':
        return html`<div part="error" class="state error" role="alert">
          <p class="state-title">${t.errorTitle}</p>
          <p>${t.errorHint}</p>
          <p class="detail">${state.message}</p>
          <button type="button" part="retry-button" class="button" @click=${this.#handleRetry}>${t.retry}</button>
        </div>`;
      case 'ready':
        return html`<div class="layout">
          ${this.#renderFilters()}
          <div class="main" id="${this.#uid}-results">${this.#renderResults(state.feed)}</div>
        </div>`;
    }
  }

  override render(): TemplateResult {
    const t = this.#text;
    const ready = this.#feedController.state.status === 'ready';
    const inputId = `${this.#uid}-q`;
    const hintId = `${this.#uid}-hint`;
    return html`<div class="root" lang=${this.#language} aria-busy=${this.#feedController.state.status === 'loading' ? 'true' : 'false'}>
      <div part="search" class="search" role="search">
        <label class="search-label" for=${inputId}>${t.searchLabel}</label>
        <p class="hint" id=${hintId}>${t.searchHint}</p>
        <div class="search-box">
          <svg class="search-icon" aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" />
          </svg>
          <input
            id=${inputId}
            part="search-input"
            type="search"
            autocomplete="off"
            spellcheck="false"
            enterkeyhint="search"
            aria-describedby=${hintId}
            aria-controls=${ready ? `${this.#uid}-results` : nothing}
            .value=${this.query}
            ?disabled=${!ready}
            @input=${this.#handleInput}
            @keydown=${this.#handleSearchKeydown}
          />
        </div>
        ${ready && this.#results.length > 0
          ? html`<a part="skip-link" class="skip" href="#${this.#uid}-results" @click=${this.#handleSkip}>${t.skipToResults}</a>`
          : nothing}
      </div>
      ${this.#renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-study-finder': CaseStudyFinder;
  }
}
