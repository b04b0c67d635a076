import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { FiltersController } from './filters.js';
import { renderResults, type ChosenFilter, type ResultsContext } from './results.js';
import { styles } from './case-study-finder.styles.js';
import { ChangeController, type ChangeKind } from './change-controller.js';
import { CsfChangeEvent, CsfErrorEvent, CsfLoadEvent } from './events.js';
import { FeedController, type FeedState } from './feed-controller.js';
import type { Strings } from './i18n/en.js';
import { facetName, type FacetNaming } from './i18n/facet-names.js';
import { fill, plural, stringsFor, toLang, type Lang } from './i18n/format.js';
import { FacetIndex, valueKey, type Selection } from './lib/facets.js';
import type { FacetDef, FeedItemInput, ParsedFeed } from './lib/feed.js';
import { Orders, type AppliedSort, type SortOrder } from './lib/order.js';
import { readFilterAttribute, type UrlState } from './lib/url-state.js';
import { isSafeUrl } from './lib/url.js';
import { renderSearchBox } from './search-box.js';
import { renderCompact, renderError, renderLoading } from './states.js';
import { appliedSort, toSortOrder, view, type View } from './lib/view.js';
import { HistoryController } from './history-controller.js';
import { headingLevelAfter, langAround } from './page-context.js';
import { SearchController } from './search-controller.js';

const DEFAULT_FACETS = 'topics supportTypes';
/** About the most cards drawn at once from a saved state or a page size, whatever they ask. */
const MAX_CARDS = 200;

let instances = 0;

interface Prepared {
  facetIndex: FacetIndex;
  orders: Orders;
}

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
 * @attr {'en' | 'cy'} lang - `en` or `cy`; falls back to the nearest `lang` in the page, then `en`.
 * @attr heading-level - Level of the card headings, 2 to 6. Without it, one below the nearest
 *   heading before the element in the page (after an `<h1>`, `<h2>`), else 2.
 * @attr timeout - Milliseconds to wait for the feed before showing the error state.
 * @attr sync-url - Mirror the query, filters, sort and page into the page URL, and restore
 *   them on load and on Back/Forward.
 * @attr url-prefix - Prefix for those URL parameters, so they never clash with the host page's.
 * @attr {'compact'} variant - `compact`: only titles with organisation and date, no search,
 *   filters or count (sidebars, related content); `page-size` defaults to 3.
 * @attr filter - Values chosen from the start, as `facet:value` pairs separated by `;`, e.g.
 *   `topics:Libraries` for a list of related case studies.
 * @attr all-href - In the compact variant, the address of a "See all case studies" link.
 *
 * @slot - Fallback content, shown when JavaScript does not run and in the error state (for example a link to all case studies).
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
 * @csspart group-toggle - The button that folds or opens a group, and says how many of its values are chosen.
 * @csspart filter-search - The box that narrows a long group ("Filter organisations").
 * @csspart show-all - "Show all 155 organisations" / "Show fewer organisations" in a long group.
 * @csspart show-results - "Show 25 results" at the foot of the filters panel in a narrow element.
 * @csspart chip - A filter chip; chosen chips also have `chip-selected`.
 * @csspart chip-selected - A chosen chip.
 * @csspart count - "48 case studies", or "Your search returned N results" after a search or filter.
 * @csspart sort - The sort control.
 * @csspart active-filters - The list of chosen filters.
 * @csspart remove-filter - A button that removes one chosen filter.
 * @csspart clear-button - "Clear search", "Clear filters" or "Clear search and filters".
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
 * @csspart correction - "Showing results for library", when a typo was corrected.
 * @csspart suggestion - "Did you mean museum?", a button in the no-results state.
 * @csspart more-button - "Show more".
 * @csspart all-link - "See all case studies" in the compact variant.
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
    variant: {},
    filter: {},
    allHref: { attribute: 'all-href' },
    strings: { attribute: false },
    query: { state: true },
    selection: { state: true },
    chosenSort: { state: true },
    pages: { state: true },
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

  /** Level of the card headings, 2 to 6; without it, one below the nearest heading before the element. */
  headingLevel?: number;

  /** Milliseconds to wait for the feed before giving up. */
  timeout = 15000;

  /** Mirror the visitor's choices into the page URL. */
  syncUrl = false;

  /** Prefix for the URL parameters. */
  urlPrefix = '';

  /** `compact`: titles with organisation and date only, for sidebars and related content. */
  variant?: 'compact';

  /** Values chosen from the start, as `facet:value` pairs: `topics:Libraries; supportTypes:Funding`. */
  filter?: string;

  /** In the compact variant, the address of a "See all case studies" link. */
  allHref?: string;

  /** Overrides for any UI text (see the README for the keys). */
  strings?: Partial<Strings>;

  private query = '';
  private selection: Selection = new Map();
  private chosenSort?: SortOrder;
  private pages = 1;
  private announcement = '';

  readonly #feed = new FeedController<Prepared>(this, {
    prepare: (feed) => this.#preparing(feed),
    settled: (state) => this.#handleSettled(state),
  });
  readonly #search = new SearchController(this);
  readonly #filters = new FiltersController(this);
  readonly #changes = new ChangeController(this, (kind) => this.#report(kind), () => this.#search.settled());
  readonly #history = new HistoryController(this, {
    syncUrl: () => this.syncUrl,
    prefix: () => this.urlPrefix,
    facets: () => this.#facetKeys,
    restore: (state) => this.#handleHistory(state),
  });
  readonly #uid = `csf${++instances}`;
  #inheritedLang: Lang = 'en';
  /** One below the nearest heading before the element, read when it joins the page. */
  #inheritedHeadingLevel = 2;
  #facetDefs: FacetDef[] = [];
  #facetIndex?: FacetIndex;
  #orders?: Orders;
  #view?: View;
  /** The inputs #view was computed from, to compute it again only when one changes. */
  #viewInputs: unknown[] = [];
  /** A missing feed has been reported in the console. */
  #warned = false;
  /** A load is owed: the element left the page before it could finish, or before it began. */
  #needsLoad = false;
  /** Set by Retry: focus follows the loading message to the results or the error. */
  #focusAfterLoad = false;
  /** Where focus goes after the next render, when the control that had it disappears. */
  #pendingFocus?: () => HTMLElement | null | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#inheritedLang = toLang(langAround(this));
    this.#inheritedHeadingLevel = headingLevelAfter(this);
    // Back on the page: finish a load that leaving cut off, but never fetch a shown feed again.
    if (this.hasUpdated && this.#needsLoad) this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The controller has just cancelled any request in flight.
    if (this.#feed.state.status === 'loading') this.#needsLoad = true;
  }

  /** Loads the feed again, for example after the host page changed it on the server. */
  reload(): void {
    this.#load();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // A keystroke over a large feed: the worker's answer brings its own update within a frame
    // or two, and drawing the old results again meanwhile would only hold that answer up.
    return !(changed.size === 1 && changed.has('query') && this.#search.status === 'pending');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('items')) {
      // An element added and removed in one go updates once while detached: load on return.
      if (this.isConnected) this.#load();
      else this.#needsLoad = true;
    }
    const feed = this.#readyFeed;
    const result = this.#search.result;
    if (!feed || !result) return;
    if (changed.has('facets') || changed.has('filter')) this.#facetIndex = new FacetIndex(feed.items, this.#indexKeysOf(this.#facetDefs));
    // A page that changes `filter` (the next article's related case studies) changes the choice.
    if (changed.has('filter')) this.#restore({ query: this.query, filters: this.#presetFilters, pages: 1 });
    const searching = this.query.trim() !== '';
    const sort = this.chosenSort ?? this.sort;
    const limit = this.pages * this.#pageSize;
    const inputs = [result, this.#facetIndex, this.selection, sort, searching, limit];
    if (inputs.some((value, at) => value !== this.#viewInputs[at])) {
      this.#viewInputs = inputs;
      this.#view = view({ items: feed.items, hits: result.indices, searching, facets: this.#facetIndex!, orders: this.#orders!, selection: this.selection, sort, limit });
    }
  }

  protected override firstUpdated(): void {
    // Pages built with GOV.UK Frontend, among others, set their font on classes, not on the
    // body: what the widget inherits is then the browser's default serif, which no page wants.
    // The probe has the browser's default font; a page that set any other, or --csf-font, wins.
    // Set on the rendered root directly: as state it would cost a second render at once.
    const probe = this.renderRoot.querySelector('.probe');
    const style = getComputedStyle(this);
    const plain = !style.getPropertyValue('--csf-font').trim() && !!probe && getComputedStyle(probe).fontFamily === style.fontFamily;
    this.renderRoot.querySelector('.root')?.classList.toggle('plain-font', plain);
  }

  protected override updated(): void {
    // Set after the options have been updated: reused option elements would otherwise keep an
    // earlier choice selected (Firefox ignores `selected` once a visitor has used the select).
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part~="sort"]');
    if (select && this.#view) select.value = this.#view.sort === 'feed' ? '' : this.#view.sort;
    const status = this.#feed.state.status;
    if (this.#focusAfterLoad && (status === 'ready' || status === 'error')) {
      // Retry had focus and went away: land on what replaced the loading message.
      this.#focusAfterLoad = false;
      this.#pendingFocus = () => (status === 'ready' ? (this.#part('count') ?? this.#input) : this.#part('retry-button'));
    }
    const target = this.#pendingFocus?.();
    this.#pendingFocus = undefined;
    target?.focus();
  }

  get #language(): Lang {
    return this.lang ? toLang(this.lang) : this.#inheritedLang;
  }

  get #text(): Strings {
    return stringsFor(this.#language, this.strings);
  }

  /** `page-size` (3 by default in the compact variant), kept to a whole number from 1 to 200. */
  get #pageSize(): number {
    const size = this.#compact && !this.hasAttribute('page-size') ? 3 : this.pageSize;
    return Math.min(MAX_CARDS, Math.max(1, Math.floor(size) || 12));
  }

  get #readyFeed(): ParsedFeed | undefined {
    const state = this.#feed.state;
    return state.status === 'ready' ? state.feed : undefined;
  }

  get #facetKeys(): string[] {
    return this.#facetKeysOf(this.#facetDefs);
  }

  /** The `facets` attribute when the page sets one, else the feed's own list, else the default. */
  #facetKeysOf(defs: readonly FacetDef[]): string[] {
    if (!this.hasAttribute('facets') && this.facets === DEFAULT_FACETS && defs.length) return defs.map((def) => def.key);
    return this.facets.split(/\s+/).filter(Boolean);
  }

  /** The `filter` attribute's values by facet, as a saved state gives them. */
  get #presetFilters(): Map<string, string[]> {
    return readFilterAttribute(this.filter);
  }

  /** Facets the index counts: the groups shown, and any the `filter` attribute names. */
  #indexKeysOf(defs: readonly FacetDef[]): string[] {
    return [...new Set([...this.#facetKeysOf(defs), ...this.#presetFilters.keys()])];
  }

  get #compact(): boolean {
    return this.variant === 'compact';
  }

  /** The order in force, also before the first results are shown. */
  get #sort(): AppliedSort {
    return this.#view?.sort ?? appliedSort(this.chosenSort ?? this.sort, this.query.trim() !== '', this.#orders?.hasDates ?? false);
  }

  get #input(): HTMLInputElement | null {
    return this.#part('search-input');
  }

  #part<T extends HTMLElement>(name: string): T | null {
    return this.renderRoot.querySelector<T>(`[part~="${name}"]`);
  }

  #load(): void {
    this.#needsLoad = false;
    this.#search.setItems(undefined);
    this.#view = undefined;
    this.#viewInputs = [];
    if (this.items) return this.#feed.use(this.items);
    if (this.src) return void this.#feed.fetch(this.src, this.timeout);
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return void this.#feed.parseText(inline.textContent ?? '');
    // No source left (src removed): drop what was loading or shown.
    this.#feed.reset();
    // A framework may set `items` just after connecting: only a source still missing a moment
    // later is a mistake worth telling the webmaster about (once).
    setTimeout(() => {
      if (this.isConnected && this.#feed.state.status === 'idle' && !this.#warned) {
        this.#warned = true;
        console.warn(
          this.hasAttribute('items')
            ? '<case-study-finder> items was given as an attribute, which can only hold text: set it as a property (element.items = [...]). In React, import the element before rendering, so React sets it as a property.'
            : '<case-study-finder> has no feed: give it a src attribute, an items property, or a <script type="application/json"> child.',
        );
      }
    });
  }

  /**
   * What a feed needs before its first results are drawn: the facet index and the first order.
   * A large feed's are built in short tasks (see FeedController), not in one long one.
   */
  *#preparing(feed: ParsedFeed): Generator<void, Prepared> {
    const facetIndex = yield* FacetIndex.building(feed.items, this.#indexKeysOf(feed.facets));
    const orders = new Orders(feed.items);
    const first = appliedSort(this.sort, false, orders.hasDates);
    if (first !== 'relevance' && first !== 'feed') {
      yield;
      orders.prepare(first);
    }
    return { facetIndex, orders };
  }

  #handleSettled(state: FeedState<Prepared>): void {
    if (state.status === 'error') {
      // The visitor reads plain words; the webmaster finds the address and the status here.
      console.warn(`<case-study-finder> ${state.message}`);
      this.dispatchEvent(new CsfErrorEvent({ message: state.message, kind: state.kind, cause: state.cause }));
      return;
    }
    if (state.status !== 'ready') return;
    const { feed, prepared } = state;
    this.#facetDefs = feed.facets;
    this.#orders = prepared.orders;
    this.#facetIndex = prepared.facetIndex;
    // A state saved in this history entry (or the URL's, with sync-url) is shown before the
    // first results are drawn, and searched for at once; else the `filter` attribute's choices.
    this.#restore(this.#history.saved() ?? { query: '', filters: this.#presetFilters, pages: 1 });
    this.#search.setItems(feed.items);
    if (feed.skipped.length || feed.warnings.length) {
      const lines = [...feed.skipped.map((p) => `skipped item ${p.index}: ${p.reason}`), ...feed.warnings.map((p) => `item ${p.index}: ${p.reason}`)];
      console.warn(`<case-study-finder> ${feed.skipped.length} item(s) skipped, ${feed.warnings.length} field(s) dropped:\n${lines.join('\n')}`);
    }
    this.dispatchEvent(new CsfLoadEvent({ total: feed.items.length, skipped: feed.skipped, warnings: feed.warnings }));
  }

  /** The visitor's query: searched at once (the pause is only for reporting it). */
  #setQuery(query: string): void {
    this.query = query;
    this.#search.search(query, { lang: this.#language });
  }

  /** Announces a change, records it in the history (and with `sync-url` the URL) and reports it. */
  #report(kind: ChangeKind): void {
    this.announcement = this.#announcementText();
    if (kind === 'restore') return;
    const chosen = { query: this.query, filters: new Map(this.selection) as Map<string, string[]>, sort: this.chosenSort, pages: this.pages };
    this.#history.write(chosen, kind === 'typing' ? 'replace' : 'push');
    // A plain object for listeners, without a prototype: facet keys are feed text.
    const filters: Record<string, string[]> = Object.create(null);
    for (const [facet, values] of this.selection) if (values.length) filters[facet] = [...values];
    this.dispatchEvent(new CsfChangeEvent({ query: this.query, filters, sort: this.#sort, total: this.#view?.results.length ?? 0 }));
  }

  /** Shows a saved state (from the history or the URL); values the feed does not have are ignored. */
  #restore(state: UrlState): void {
    const selection = new Map<string, string[]>();
    for (const [facet, values] of state.filters) {
      const known = values.flatMap((value) => this.#facetIndex?.label(facet, value) ?? []);
      if (known.length) selection.set(facet, known);
    }
    this.selection = selection;
    this.chosenSort = toSortOrder(state.sort);
    // However many pages a crafted link asks for, no more than about 200 cards are drawn.
    this.pages = Math.min(state.pages, Math.max(1, Math.floor(MAX_CARDS / this.#pageSize)));
    this.#setQuery(state.query);
  }

  /** The visitor's own Back/Forward: tell a screen reader the new count, but report no change. */
  #handleHistory(state: UrlState): void {
    if (!this.#readyFeed) return;
    this.#changes.restored();
    this.#restore(state);
  }

  #announcementText(): string {
    if (this.#search.status === 'indexing') return this.#text.searching;
    const count = plural(this.#language, this.#text.announceCount, this.#view?.results.length ?? 0);
    const chosen = this.#chosenFilters().map((filter) => filter.label);
    return chosen.length ? fill(this.#text.announceFilteredBy, { count, filters: chosen.join(', ') }) : count;
  }

  /** Every chosen filter, in facet order. */
  #chosenFilters(): ChosenFilter[] {
    return this.#indexKeysOf(this.#facetDefs).flatMap((facet) =>
      (this.selection.get(facet) ?? []).map((value) => ({
        facet,
        value,
        name: this.#facetName(facet, 'facetNames'),
        label: this.#facetIndex?.label(facet, value) ?? value,
      })),
    );
  }

  #facetName(facet: string, kind: FacetNaming): string {
    return facetName(facet, kind, { text: this.#text, overrides: this.strings, defs: this.#facetDefs, lang: this.#language });
  }

  // ---- handlers -------------------------------------------------------------------------

  #handleInput(event: InputEvent): void {
    this.#typed((event.target as HTMLInputElement).value);
  }

  #handleSearchKeydown(event: KeyboardEvent): void {
    const box = event.target as HTMLInputElement;
    if (event.key === 'Escape' && box.value) {
      event.preventDefault();
      box.value = '';
      this.#typed('');
    }
  }

  /** What is in the search box now, typed or emptied by Escape. */
  #typed(value: string): void {
    // Clearing the search returns the order to its default.
    if (!value.trim()) this.chosenSort = undefined;
    this.pages = 1;
    this.#setQuery(value);
    this.#changes.typed();
  }

  #handleChipClick(facet: string, value: string): void {
    this.#changes.chose();
    const current = this.selection.get(facet) ?? [];
    const key = valueKey(value);
    const next = current.some((v) => valueKey(v) === key) ? current.filter((v) => valueKey(v) !== key) : [...current, value];
    this.selection = new Map(this.selection).set(facet, next);
    this.pages = 1;
  }

  #handleRemoveFilter({ facet, value }: ChosenFilter, event: Event): void {
    const buttons = [...this.renderRoot.querySelectorAll('[data-remove]')];
    const at = buttons.indexOf(event.currentTarget as HTMLButtonElement);
    this.#handleChipClick(facet, value);
    // The pressed button disappears: go to the filter that takes its place, or the one before,
    // or, when it was the last, to the result count so a screen reader hears the new total.
    this.#pendingFocus = () => {
      const remaining = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove]')];
      return remaining[Math.min(at, remaining.length - 1)] ?? this.#part('count');
    };
  }

  #handleClear(): void {
    this.#changes.chose();
    this.selection = new Map();
    this.chosenSort = undefined;
    this.pages = 1;
    this.#setQuery('');
    if (this.#input) this.#input.value = '';
    // The button that had focus vanishes with what it cleared: the search box is where a
    // visitor starts again.
    this.#pendingFocus = () => this.#input;
  }

  /** "Did you mean museum?": search for that, as if typed, and land on the new count. */
  #handleSuggestion(query: string): void {
    this.#changes.chose();
    this.pages = 1;
    this.#setQuery(query);
    this.#pendingFocus = () => this.#part('count');
  }

  #handleSortChange(event: Event): void {
    this.#changes.chose();
    this.chosenSort = toSortOrder((event.target as HTMLSelectElement).value);
    this.pages = 1;
  }

  #handleShowMore(): void {
    this.#changes.chose();
    const firstNew = this.pages * this.#pageSize;
    this.pages++;
    // The new cards appear below the button; move focus to the first of them so keyboard and
    // screen reader users continue where the new content starts.
    this.#pendingFocus = () => this.renderRoot.querySelectorAll<HTMLAnchorElement>('[part~="card-link"]')[firstNew];
  }

  #handleRetry(): void {
    // The Retry button disappears with the error: focus the loading message, then the count.
    this.#pendingFocus = () => this.#part('loading');
    this.#focusAfterLoad = true;
    this.#load();
  }

  #handleSkip(event: Event): void {
    event.preventDefault();
    this.#part('count')?.focus();
  }

  // ---- render helpers -------------------------------------------------------------------

  #resultsContext(view: View): ResultsContext {
    const result = this.#search.result;
    return {
      uid: this.#uid,
      text: this.#text,
      card: { lang: this.#language, text: this.#text, headingLevel: this.headingLevel || this.#inheritedHeadingLevel, matched: new Set(result?.matched) },
      view,
      indexing: this.#search.status === 'indexing',
      query: this.query,
      chosen: this.#chosenFilters(),
      hasDates: this.#orders!.hasDates,
      pageSize: this.#pageSize,
      corrected: result?.corrected,
      suggestion: result?.suggestion,
      onRemove: (filter, event) => this.#handleRemoveFilter(filter, event),
      onClear: () => this.#handleClear(),
      onSort: (event) => this.#handleSortChange(event),
      onMore: () => this.#handleShowMore(),
      onSuggestion: (query) => this.#handleSuggestion(query),
    };
  }

  #renderBody(): TemplateResult | typeof nothing {
    const state = this.#feed.state;
    const t = this.#text;
    switch (state.status) {
      case 'idle':
        return nothing;
      case 'loading':
        return renderLoading(t, this.#pageSize);
      case 'error':
        return renderError(state.kind, t, () => this.#handleRetry());
      case 'ready': {
        const view = this.#view;
        return html`<div class="layout">
          ${view
            ? this.#filters.render({
                uid: this.#uid,
                lang: this.#language,
                text: t,
                groups: view.facets.filter((group) => this.#facetKeys.includes(group.key)),
                chosen: this.#chosenFilters().length,
                total: view.results.length,
                label: (facet) => fill(t.filterBy, { label: this.#facetName(facet, 'facetLabels') }),
                noun: (facet) => this.#facetName(facet, 'facetNouns'),
                onChip: (facet, value) => this.#handleChipClick(facet, value),
              })
            : nothing}
          <div class="main" id="${this.#uid}-results">
            ${state.feed.items.length === 0
              ? html`<div part="empty" class="state empty"><p class="state-title">${t.emptyFeed}</p></div>`
              : view
                ? renderResults(this.#resultsContext(view))
                : html`<p part="count" class="count" tabindex="-1">${t.searching}</p>`}
          </div>
        </div>`;
      }
    }
  }

  override render(): TemplateResult {
    const status = this.#feed.state.status;
    return html`<div class="root ${this.#compact ? 'compact' : ''}" lang=${this.#language} aria-busy=${status === 'loading' ? 'true' : 'false'}>
      <span class="probe" aria-hidden="true"></span>
      ${this.#compact ? this.#renderCompact() : this.#renderFull()}
    </div>`;
  }

  /** The compact variant: a short list of titles, and a link to all case studies. */
  #renderCompact(): TemplateResult {
    const card = { lang: this.#language, text: this.#text, headingLevel: this.headingLevel || this.#inheritedHeadingLevel, matched: new Set<string>(), compact: true };
    const allHref = this.allHref && isSafeUrl(this.allHref) ? this.allHref : undefined;
    return renderCompact(this.#feed.state.status, this.#view, card, this.#pageSize, allHref);
  }

  #renderFull(): TemplateResult {
    const ready = this.#feed.state.status === 'ready';
    return html`${renderSearchBox({
        uid: this.#uid,
        text: this.#text,
        query: this.query,
        ready,
        results: ready && (this.#view?.results.length ?? 0) > 0,
        onInput: (event) => this.#handleInput(event),
        onKeydown: (event) => this.#handleSearchKeydown(event),
        onSkip: (event) => this.#handleSkip(event),
      })}
      ${this.#renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-study-finder': CaseStudyFinder;
  }
}
