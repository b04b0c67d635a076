import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Choice } from '../lib/choice.js';
import { FacetIndex } from '../lib/facets.js';
import { isLargeFeed, type CaseStudy, type FacetDef, type ParsedFeed } from '../lib/feed.js';
import { Orders, type AppliedSort, type SortOrder } from '../lib/order.js';
import { runAll, runSliced } from '../lib/slices.js';
import { appliedSort, view, type ChosenFilter, type View } from '../lib/view.js';

/** What a feed needs before its first results are drawn. */
export interface Prepared {
  facets: FacetIndex;
  orders: Orders;
}

export interface ViewOptions {
  /** The facets to count for a feed with these definitions (groups shown, and preset ones). */
  keys(defs: readonly FacetDef[]): string[];
  /** The page's `sort` attribute. */
  sort(): SortOrder | undefined;
}

/** What decides the view besides the feed: the search's answer and the visitor's choice. */
export interface ViewRequest {
  hits: ArrayLike<number>;
  choice: Choice;
  /** Cards per page. */
  pageSize: number;
}

/**
 * Owns what the element derives from a feed: the facet index and the orders (prepared in steps
 * before a feed is shown: in short tasks for a large one), and the view (what is shown: results,
 * counts, cards), computed again only when one of its inputs changes. There is one builder of
 * the facet index: a feed's, and again when the facets to count change (the `facets` or
 * `filter` attribute), in short tasks for a large feed either way.
 */
export class ViewController implements ReactiveController {
  /** The feed's own facet definitions (labels), once a feed is shown. */
  defs: readonly FacetDef[] = [];
  index?: FacetIndex;
  orders?: Orders;
  /** The view for the last request; undefined until a feed is shown and searched. */
  view?: View;
  private readonly host: ReactiveControllerHost;
  private readonly options: ViewOptions;
  private items?: readonly CaseStudy[];
  private inputs: unknown[] = [];
  /** Bumped by every feed and rebuild: a rebuild finishing after a newer one is dropped. */
  private generation = 0;
  private rebuild?: AbortController;

  constructor(host: ReactiveControllerHost, options: ViewOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The facet index and first order of a feed, in steps (see FeedController). */
  *prepare(feed: ParsedFeed): Generator<void, Prepared> {
    const facets = yield* FacetIndex.building(feed.items, this.options.keys(feed.facets));
    const orders = new Orders(feed.items);
    const first = appliedSort(this.options.sort(), false, orders.hasDates);
    if (first !== 'relevance' && first !== 'feed') {
      yield;
      orders.prepare(first);
    }
    return { facets, orders };
  }

  /** A prepared feed is shown from now on. */
  show(feed: ParsedFeed, prepared: Prepared): void {
    this.cancel();
    this.defs = feed.facets;
    this.items = feed.items;
    this.index = prepared.facets;
    this.orders = prepared.orders;
    this.forget();
  }

  /** Drops the view (a new feed is loading); the last feed's index stays until the next is shown. */
  forget(): void {
    this.view = undefined;
    this.inputs = [];
  }

  /**
   * The facets to count may have changed: builds the index again if so. True when the index
   * counts them now; else a promise, true once the new index is in place (false if a newer
   * feed or rebuild replaced it first).
   */
  rekey(): true | Promise<boolean> {
    const items = this.items;
    const keys = this.options.keys(this.defs);
    if (!items || !this.index || keys.join('\n') === this.index.keys.join('\n')) return true;
    this.cancel();
    const generation = this.generation;
    const steps = FacetIndex.building(items, keys);
    if (!isLargeFeed(items)) {
      this.index = runAll(steps);
      return true;
    }
    const abort = (this.rebuild = new AbortController());
    return runSliced(steps, abort.signal).then(
      (index) => {
        if (generation !== this.generation) return false;
        this.index = index;
        this.host.requestUpdate();
        return true;
      },
      () => false,
    );
  }

  /** The view for `request`, computed again only when an input changed. */
  compute({ hits, choice, pageSize }: ViewRequest): View | undefined {
    const items = this.items;
    if (!items || !this.index || !this.orders) return undefined;
    const searching = choice.query.trim() !== '';
    const sort = choice.sort ?? this.options.sort();
    const limit = choice.pages * pageSize;
    const inputs = [hits, this.index, choice.selection, sort, searching, limit];
    if (inputs.some((value, at) => value !== this.inputs[at])) {
      this.inputs = inputs;
      this.view = view({ items, hits, searching, facets: this.index, orders: this.orders, selection: choice.selection, sort, limit });
    }
    return this.view;
  }

  /** The order in force, also before the first results are shown. */
  sortFor(choice: Choice): AppliedSort {
    return this.view?.sort ?? appliedSort(choice.sort ?? this.options.sort(), choice.query.trim() !== '', this.orders?.hasDates ?? false);
  }

  /** The feed's own spelling of a value, if the index counts it. */
  label(facet: string, value: string): string | undefined {
    return this.index?.label(facet, value);
  }

  /** Every chosen filter, in the index's facet order, named by `name`. */
  chosen(choice: Choice, name: (facet: string) => string): ChosenFilter[] {
    return (this.index?.keys ?? []).flatMap((facet) =>
      (choice.selection.get(facet) ?? []).map((value) => ({ facet, value, name: name(facet), label: this.label(facet, value) ?? value })),
    );
  }

  /** Back on the page: a rebuild that leaving cut off (or keys changed meanwhile) is made now. */
  hostConnected(): void {
    void this.rekey();
  }

  /** A detached element spends nothing on a rebuild nobody sees. */
  hostDisconnected(): void {
    this.cancel();
  }

  private cancel(): void {
    this.generation++;
    this.rebuild?.abort();
    this.rebuild = undefined;
  }
}
