import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { inheritsDefaultFont } from './browser/page-font.js';
import { headingLevelAfter, langAround } from './browser/page-context.js';
import { ChangeController, type ChangeKind } from './controllers/change-controller.js';
import { FeedController, type FeedState } from './controllers/feed-controller.js';
import { FiltersPanel } from './controllers/filters-panel.js';
import { FocusController } from './controllers/focus-controller.js';
import { HistoryController } from './controllers/history-controller.js';
import { SearchController } from './controllers/search-controller.js';
import { ViewController, type Prepared } from './controllers/view-controller.js';
import { CsfChangeEvent, CsfErrorEvent, CsfLoadEvent } from './events.js';
import type { Strings } from './i18n/en.js';
import { facetName, type FacetNaming } from './i18n/facet-names.js';
import { fill, plural, stringsFor, toLang, type Lang } from './i18n/format.js';
import { choose, fromSaved, NO_CHOICE, toDetailFilters, toSaved, type Choice, type ChoiceAction } from './lib/choice.js';
import type { CaseStudy, FacetDef, FeedChecker, ParsedFeed } from './lib/feed.js';
import type { FeedItemInput } from './lib/feed-schema.js';
import type { ItemHook } from './lib/formats/read.js';
import { DEFAULT_FACETS, facetKeysOf, indexKeysOf, maxPagesOf, pageSizeOf } from './lib/options.js';
import { newestOf, type SortOrder } from './lib/order.js';
import { readFilterAttribute, type UrlState } from './lib/url-state.js';
import { isSafeUrl } from './lib/url.js';
import { appliedSort, toCard, type ChosenFilter, type View } from './lib/view.js';
import { base } from './styles/base.js';
import { tokens } from './styles/tokens.js';
import { cardStyles } from './templates/card.styles.js';
import { filtersStyles } from './templates/filters.styles.js';
import { resultsStyles } from './templates/results.styles.js';
import { searchBoxStyles } from './templates/search-box.styles.js';
import { statesStyles } from './templates/states.styles.js';
import type { CardContext } from './templates/card.js';
import { narrowedText, renderFilters, type FiltersContext } from './templates/filters.js';
import { renderResults } from './templates/results.js';
import { renderSearchBox } from './templates/search-box.js';
import { renderCompact, renderError, renderFiltersBone, renderLoading } from './templates/states.js';

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
 * @attr {'en' | 'cy'} lang - `en` or `cy`; falls back to the nearest `lang` in the page, then `en`.
 * @attr heading-level - Level of the widget's headings (filter groups, the phone panel, "Selected
 *   filters" and the cards), 2 to 6. Without it, one below the nearest heading before the element
 *   in the page (after an `<h1>`, `<h2>`), else 2.
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
 * @fires {CsfErrorEvent} csf-error - `{ message, kind, cause }` when a feed cannot be loaded at all; `kind` is `unavailable` or
 *   `network`, as the visitor was told.
 *
 * @csspart search - The search area.
 * @csspart search-input - The search box.
 * @csspart skip-link - "Skip to results", shown when it has focus.
 * @csspart filters - All chip groups.
 * @csspart filters-toggle - The "Filters" disclosure button in narrow containers.
 * @csspart panel-close - "Close", at the top of the filters panel in narrow containers.
 * @csspart filter-group - One group of chips.
 * @csspart group-toggle - The button that folds or opens a group, and says how many of its values are chosen.
 * @csspart filter-search - The box that narrows a long group ("Filter organisations").
 * @csspart show-all - "Show all 155 organisations" / "Show fewer organisations" in a long group.
 * @csspart show-results - "Show 25 results" at the foot of the filters panel in a narrow element.
 * @csspart chip - A filter value: the label of its checkbox, with its name and count; chosen values also have `chip-selected`.
 * @csspart chip-selected - A chosen value.
 * @csspart checkbox - The checkbox of a value (an `input type="checkbox"`, drawn by the widget).
 * @csspart tick - The tick drawn over a chosen value's checkbox (its colour is the tick's).
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
 * @cssprop [--csf-card-padding=var(--csf-gap, 1rem)] - Space round a card's text; `20px 0` where cards are rows with no box.
 * @cssprop [--csf-filters-width=minmax(13rem, 17rem)] - Width of the filters column beside the results (from 600 px).
 * @cssprop [--csf-subtle=#f3f2f1] - Quiet backgrounds: chip counts, topic tags, image placeholders.
 */
export class CaseStudyFinder extends LitElement {
  // Tokens first, then the rules for the whole widget, then each template's own.
  static override styles = [tokens, base, searchBoxStyles, filtersStyles, resultsStyles, cardStyles, statesStyles];

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
    jsonapiFields: { attribute: 'jsonapi-fields' },
    mapItem: { attribute: false },
    choice: { state: true },
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

  /**
   * For a Drupal JSON:API feed, the site's field names where they are not LocalGov Drupal's, as
   * `key:field` pairs: `topics: field_service; image: field_hero; date: field_published`.
   */
  jsonapiFields?: string;

  /**
   * Called with each item of a feed in another format (RSS, Atom, JSON Feed, WordPress, JSON:API)
   * as read, with the entry it came from and the format: return the item changed, `null` to leave
   * it out, or nothing to keep it.
   */
  mapItem?: ItemHook;

  /** The visitor's search, filters, sort and pages: changed only through {@link choose}. */
  private choice: Choice = NO_CHOICE;
  private announcement = '';

  private readonly views = new ViewController(this, {
    keys: (defs) => indexKeysOf(this.facetKeysOf(defs), readFilterAttribute(this.filter)),
    sort: () => this.sort,
  });
  private readonly feed = new FeedController<Prepared>(this, {
    prepare: (feed) => {
      // A large feed's worker indexes it while the page prepares its first cards.
      this.search.ahead(feed.items);
      return this.views.prepare(feed);
    },
    settled: (state) => this.handleSettled(state),
    arrived: (checked) => this.handleArrived(checked),
  });
  private readonly search = new SearchController(this);
  private readonly panel = new FiltersPanel(this, (facet) => {
    const view = this.views.view;
    const group = view?.facets.find((counts) => counts.key === facet);
    if (group) this.announcement = narrowedText(group, this.filters(view!));
  });
  private readonly focusing = new FocusController(this);
  private readonly changes = new ChangeController<Choice>(this, (kind, choice) => this.report(kind, choice), () => this.search.settled());
  private readonly history = new HistoryController(this, {
    syncUrl: () => this.syncUrl,
    prefix: () => this.urlPrefix,
    facets: () => this.facetKeysOf(this.views.defs),
    restore: (state) => this.handleHistory(state),
  });
  private readonly uid = `csf${++instances}`;
  private inheritedLang: Lang = 'en';
  /** One below the nearest heading before the element, read when it joins the page. */
  private inheritedHeadingLevel = 2;
  /** A load is owed: the element left the page before it could finish, or before it began. */
  private needsLoad = false;
  /** The first cards of a feed still arriving are shown. */
  private previewing = false;
  /** The last preview, kept while its items and order are the same: a large feed's is a pass over it. */
  private previewed?: { items: readonly CaseStudy[]; whole: boolean; sort: string; view: View };

  override connectedCallback(): void {
    super.connectedCallback();
    this.inheritedLang = toLang(langAround(this));
    this.inheritedHeadingLevel = headingLevelAfter(this);
    // Back on the page: finish a load that leaving cut off, but never fetch a shown feed again.
    if (this.hasUpdated && this.needsLoad) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The controller has just cancelled any request in flight.
    if (this.feed.state.status === 'loading') this.needsLoad = true;
  }

  /** Loads the feed again, for example after the host page changed it on the server. */
  reload(): void {
    this.load();
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    // A keystroke over a large feed: the worker's answer brings its own update within a frame
    // or two, and drawing the old results again meanwhile would only hold that answer up.
    const before = changed.get('choice') as Choice | undefined;
    const { selection, sort, pages } = this.choice;
    const typedOnly = changed.size === 1 && before?.selection === selection && before.sort === sort && before.pages === pages;
    return !(typedOnly && this.search.status === 'pending');
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('src') || changed.has('items') || changed.has('jsonapiFields') || changed.has('mapItem')) {
      // An element added and removed in one go updates once while detached: load on return.
      if (this.isConnected) this.load();
      else this.needsLoad = true;
    }
    if (this.readyFeed && (changed.has('facets') || changed.has('filter'))) {
      const indexed = this.views.rekey();
      // A page that changes `filter` (the next article's related case studies) changes the choice.
      const preset = () => this.restore({ query: this.choice.query, filters: readFilterAttribute(this.filter), pages: 1 });
      if (changed.has('filter')) void (indexed === true ? preset() : indexed.then((done) => done && preset()));
    }
    // The interface's language decides how Welsh words are searched: the search runs again.
    if (this.readyFeed && changed.has('lang') && this.hasUpdated) this.find(this.choice.query);
    const result = this.search.result;
    if (result) this.views.compute({ hits: result.indices, choice: this.choice, pageSize: this.perPage });
  }

  protected override firstUpdated(): void {
    // A page that set no font for the widget would give it the browser's default serif; a page
    // that set any other, or --csf-font, wins. Set on the rendered root directly: as state it
    // would cost a second render at once.
    const plain = !getComputedStyle(this).getPropertyValue('--csf-font').trim() && inheritsDefaultFont(this, this.renderRoot);
    this.renderRoot.querySelector('.root')?.classList.toggle('plain-font', plain);
  }

  protected override updated(): void {
    // Set after the options have been updated: reused option elements would otherwise keep an
    // earlier choice selected (Firefox ignores `selected` once a visitor has used the select).
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[part~="sort"]');
    const view = this.views.view;
    if (select && view) select.value = view.sort === 'feed' ? '' : view.sort;
  }

  private get language(): Lang {
    return this.lang ? toLang(this.lang) : this.inheritedLang;
  }

  private get text(): Strings {
    return stringsFor(this.language, this.strings);
  }

  private get perPage(): number {
    return pageSizeOf(this.pageSize, { compact: this.compact, given: this.hasAttribute('page-size') });
  }

  private get compact(): boolean {
    return this.variant === 'compact';
  }

  private get readyFeed(): ParsedFeed | undefined {
    const state = this.feed.state;
    return state.status === 'ready' ? state.feed : undefined;
  }

  private facetKeysOf(defs: readonly FacetDef[]): string[] {
    return facetKeysOf(this.facets, { given: this.hasAttribute('facets'), defs });
  }

  private partNamed<T extends HTMLElement>(name: string): T | null {
    return this.renderRoot.querySelector<T>(`[part~="${name}"]`);
  }

  private load(): void {
    this.needsLoad = false;
    this.search.setItems(undefined);
    this.views.forget();
    if (this.items) return this.feed.use(this.items);
    const formats = { jsonapiFields: this.jsonapiFields, mapItem: this.mapItem };
    if (this.src) return void this.feed.fetch(this.src, this.timeout, formats);
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) return void this.feed.parseText(inline.textContent ?? '', formats);
    this.feed.reset(() =>
      this.hasAttribute('items')
        ? 'items was given as an attribute, which can only hold text: set it as a property (element.items = [...]). In React, import the element before rendering, so React sets it as a property.'
        : 'has no feed: give it a src attribute, an items property, or a <script type="application/json"> child.',
    );
  }

  /**
   * More of a feed has arrived: its first cards may be shown, and once they are, a large one is
   * indexed as it comes (before, the page's share of two cores goes to reading it).
   */
  private handleArrived(checked: FeedChecker): void {
    const previewing = !!this.preview();
    if (previewing !== this.previewing) this.requestUpdate();
    if (previewing) this.search.ahead(checked.items);
  }

  /**
   * While a feed whose items come newest first is arriving, its first page of cards, once it
   * has come, when they are the cards the whole feed will show: nothing chosen (by the history,
   * the address or the `filter` attribute) and the newest first. So too for a large feed in any
   * order once all of it has come, while its filters are counted. Undefined otherwise.
   */
  private preview(): View | undefined {
    const state = this.feed.state;
    if (state.status !== 'loading') return undefined;
    const { arrived, whole } = state;
    const size = this.perPage;
    const items = whole ?? (arrived?.newestFirst && arrived.items.length >= size ? arrived.items : undefined);
    if (!items?.length || readFilterAttribute(this.filter).size) return undefined;
    const saved = this.history.saved();
    if (saved ? saved.query.trim() || saved.filters.size || saved.pages > 1 : this.syncUrl && location.search) return undefined;
    const sort = appliedSort(saved?.sort ?? this.sort, false, whole ? whole.some((item) => item.time !== undefined) : items[0]!.time !== undefined);
    if (sort !== 'newest' && sort !== 'feed') return undefined;
    let previewed = this.previewed;
    if (previewed?.items !== items || previewed.whole !== !!whole || previewed.sort !== sort || previewed.view.cards.length !== Math.min(size, items.length)) {
      const results = whole && sort === 'newest' ? newestOf(whole, size) : Array.from({ length: Math.min(size, items.length) }, (_, index) => index);
      previewed = this.previewed = { items, whole: !!whole, sort, view: { results, facets: [], sort, cards: results.map((index) => toCard(items, index)) } };
    }
    return previewed.view;
  }

  private handleSettled(state: FeedState<Prepared>): void {
    this.previewed = undefined;
    if (state.status === 'error') {
      // The visitor reads plain words; the webmaster finds the address and the status here.
      console.warn(`<case-study-finder> ${state.message}`);
      this.dispatchEvent(new CsfErrorEvent({ message: state.message, kind: state.kind, cause: state.cause }));
      return;
    }
    if (state.status !== 'ready') return;
    const { feed, prepared } = state;
    this.views.show(feed, prepared);
    // A state saved in this history entry (or the URL's, with sync-url) is shown before the
    // first results are drawn, and searched for at once; else the `filter` attribute's choices.
    this.restore(this.history.saved() ?? { query: '', filters: readFilterAttribute(this.filter), pages: 1 });
    this.search.setItems(feed.items);
    if (feed.skipped.length || feed.warnings.length) {
      const lines = [...feed.skipped.map((p) => `skipped item ${p.index}: ${p.reason}`), ...feed.warnings.map((p) => `item ${p.index}: ${p.reason}`)];
      console.warn(`<case-study-finder> ${feed.skipped.length} item(s) skipped, ${feed.warnings.length} field(s) dropped:\n${lines.join('\n')}`);
    }
    this.dispatchEvent(new CsfLoadEvent({ total: feed.items.length, skipped: feed.skipped, warnings: feed.warnings }));
  }

  /** A visitor's action: the new choice is searched at once (the pause is only for reporting it). */
  private choose(action: ChoiceAction): void {
    const before = this.choice;
    const choice = (this.choice = choose(before, action));
    if (choice.query !== before.query) this.find(choice.query);
    if (action.type === 'type') this.changes.typed(choice);
    else this.changes.chose(choice);
  }

  /** Shows a saved state (from the history, the URL or `filter`); values the feed does not have are ignored. */
  private restore(state: UrlState): void {
    this.choice = fromSaved(state, (facet, value) => this.views.label(facet, value), maxPagesOf(this.perPage));
    this.find(this.choice.query);
  }

  /** Searches the feed; Welsh mutations are folded when the interface is Welsh. */
  private find(query: string): void {
    this.search.search(query, { lang: this.language });
  }

  /** Announces a change, records it in the history (and with `sync-url` the URL) and reports it. */
  private report(kind: ChangeKind, choice: Choice): void {
    this.announcement = this.announcementText();
    if (kind === 'restore') return;
    this.history.write(toSaved(choice), kind === 'typing' ? 'replace' : 'push');
    const total = this.views.view?.results.length ?? 0;
    this.dispatchEvent(new CsfChangeEvent({ query: choice.query, filters: toDetailFilters(choice), sort: this.views.sortFor(choice), total }));
  }

  /** The visitor's own Back/Forward: tell a screen reader the new count, but report no change. */
  private handleHistory(state: UrlState): void {
    if (!this.readyFeed) return;
    this.restore(state);
    this.changes.restored(this.choice);
  }

  private announcementText(): string {
    const t = this.text;
    if (this.search.status === 'indexing') return t.searching;
    const count = plural(this.language, t.announceCount, this.views.view?.results.length ?? 0);
    const chosen = this.chosenFilters().map((filter) => filter.label);
    return chosen.length ? fill(t.announceFilteredBy, { count, filters: chosen.join(', ') }) : count;
  }

  private chosenFilters(): ChosenFilter[] {
    return this.views.chosen(this.choice, (facet) => this.facetName(facet, 'facetNames'));
  }

  private facetName(facet: string, kind: FacetNaming): string {
    return facetName(facet, kind, { text: this.text, overrides: this.strings, defs: this.views.defs, lang: this.language });
  }

  // ---- handlers -------------------------------------------------------------------------

  private handleSearchKeydown(event: KeyboardEvent): void {
    const box = event.target as HTMLInputElement;
    if (event.key === 'Escape' && box.value) {
      event.preventDefault();
      box.value = '';
      this.choose({ type: 'type', query: '' });
    }
  }

  private handleRemoveFilter({ facet, value }: ChosenFilter, event: Event): void {
    const at = [...this.renderRoot.querySelectorAll('[data-remove]')].indexOf(event.currentTarget as Element);
    this.choose({ type: 'remove', facet, value });
    // The pressed button disappears: go to the filter that takes its place, or the one before,
    // or, when it was the last, to the result count so a screen reader hears the new total.
    this.focusing.next(() => {
      const remaining = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('[data-remove]')];
      return remaining[Math.min(at, remaining.length - 1)] ?? this.partNamed('count');
    });
  }

  private handleClear(): void {
    this.choose({ type: 'clear' });
    const input = this.partNamed<HTMLInputElement>('search-input');
    if (input) input.value = '';
    // The button that had focus vanishes with what it cleared: the search box is where a
    // visitor starts again.
    this.focusing.next(() => input);
  }

  private handleShowMore(): void {
    const firstNew = this.choice.pages * this.perPage;
    this.choose({ type: 'more' });
    // The new cards appear below the button; move focus to the first of them so keyboard and
    // screen reader users continue where the new content starts.
    this.focusing.next(() => this.renderRoot.querySelectorAll<HTMLAnchorElement>('[part~="card-link"]')[firstNew]);
  }

  private handleRetry(): void {
    // The Retry button disappears with the error: focus the loading message, then what
    // replaces it (the count, or Retry again).
    const status = () => this.feed.state.status;
    this.focusing.next(() => this.partNamed('loading'));
    this.focusing.when(
      () => status() === 'ready' || status() === 'error',
      () => (status() === 'ready' ? (this.partNamed('count') ?? this.partNamed('search-input')) : this.partNamed('retry-button')),
    );
    this.load();
  }

  private handlePanel(open: boolean, focus?: string): void {
    this.panel.setPanel(open);
    if (focus) this.focusing.next(() => this.partNamed(focus));
    // The open panel is at most a screen high: bring all of it, and its foot, into view.
    else if (open) void this.updateComplete.then(() => this.partNamed('filters')?.scrollIntoView({ block: 'nearest' }));
  }

  // ---- render ---------------------------------------------------------------------------

  private card(compact = false): CardContext {
    const matched = new Set(compact ? [] : this.search.result?.matched);
    return { lang: this.language, text: this.text, headingLevel: this.headingLevel || this.inheritedHeadingLevel, matched, compact };
  }

  private renderResults(view: View, loading = false): TemplateResult {
    const result = loading ? undefined : this.search.result;
    return renderResults({
      uid: this.uid,
      text: this.text,
      card: this.card(),
      view,
      indexing: this.search.status === 'indexing',
      loading,
      query: loading ? '' : this.choice.query,
      chosen: loading ? [] : this.chosenFilters(),
      hasDates: loading ? view.sort === 'newest' : this.views.orders!.hasDates,
      pageSize: this.perPage,
      corrected: result?.corrected,
      suggestion: result?.suggestion,
      onRemove: (filter, event) => this.handleRemoveFilter(filter, event),
      onClear: () => this.handleClear(),
      onSort: (event) => this.choose({ type: 'sort', sort: (event.target as HTMLSelectElement).value }),
      onMore: () => this.handleShowMore(),
      onSuggestion: (query) => {
        this.choose({ type: 'suggest', query });
        this.focusing.next(() => this.partNamed('count'));
      },
    });
  }

  private filters(view: View): FiltersContext {
    const t = this.text;
    const shown = this.facetKeysOf(this.views.defs);
    return {
      uid: this.uid,
      lang: this.language,
      text: t,
      headingLevel: this.card().headingLevel,
      groups: view.facets.filter((group) => shown.includes(group.key)),
      chosen: this.chosenFilters().length,
      total: view.results.length,
      panel: this.panel,
      label: (facet) => fill(t.filterBy, { label: this.facetName(facet, 'facetLabels') }),
      noun: (facet) => this.facetName(facet, 'facetNouns'),
      name: (facet) => this.facetName(facet, 'facetNames'),
      onChip: (facet, value) => this.choose({ type: 'toggle', facet, value }),
      onTogglePanel: () => this.handlePanel(!this.panel.panelOpen),
      onClosePanel: (to) => this.handlePanel(false, to),
    };
  }

  private renderBody(preview: View | undefined): TemplateResult | typeof nothing {
    const state = this.feed.state;
    const t = this.text;
    if (state.status === 'idle') return nothing;
    if (state.status === 'error') return renderError(state.kind, t, () => this.handleRetry());
    // The first cards of a feed still arriving are drawn as the whole feed's will be, in the
    // same places, so that nothing moves when the rest has come.
    if (state.status === 'loading' && !preview) return renderLoading(t, this.perPage);
    const view = preview ?? this.views.view;
    return html`<div class="layout">
      ${preview ? renderFiltersBone() : view ? renderFilters(this.filters(view)) : nothing}
      <div class="main" id="${this.uid}-results">
        ${state.status === 'ready' && state.feed.items.length === 0
          ? html`<div part="empty" class="state empty"><p class="state-title">${t.emptyFeed}</p></div>`
          : view
            ? this.renderResults(view, !!preview)
            : html`<p part="count" class="count" tabindex="-1">${t.searching}</p>`}
      </div>
    </div>`;
  }

  override render(): TemplateResult {
    const status = this.feed.state.status;
    const preview = this.preview();
    this.previewing = !!preview;
    const ready = status === 'ready';
    const allHref = this.allHref && isSafeUrl(this.allHref) ? this.allHref : undefined;
    return html`<div class="root ${this.compact ? 'compact' : ''}" lang=${this.language} aria-busy=${status === 'loading' ? 'true' : 'false'}>
      ${this.compact
        ? renderCompact(preview ? 'ready' : status, preview ?? this.views.view, this.card(true), this.perPage, allHref)
        : // In the error state the search box could do nothing: only the message, Retry and the
          // page's own fallback are shown.
          html`${status === 'error'
              ? nothing
              : renderSearchBox({
                  uid: this.uid,
                  text: this.text,
                  query: this.choice.query,
                  ready,
                  results: ready && (this.views.view?.results.length ?? 0) > 0,
                  onInput: (event) => this.choose({ type: 'type', query: (event.target as HTMLInputElement).value }),
                  onKeydown: (event) => this.handleSearchKeydown(event),
                  onSkip: (event) => {
                    event.preventDefault();
                    this.partNamed('count')?.focus();
                  },
                })}
            ${this.renderBody(preview)}
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'case-study-finder': CaseStudyFinder;
  }
}
