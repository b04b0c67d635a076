import type { FacetCounts, FacetIndex, Selection } from './facets.js';
import type { CaseStudy } from './feed.js';
import type { AppliedSort, Orders, SortOrder } from './order.js';

/** Everything that decides what the element shows, once a feed is loaded. */
export interface ViewInput {
  items: readonly CaseStudy[];
  /** The search's answer: item indices best first, or every item in feed order. */
  hits: ArrayLike<number>;
  /** True when the query has words, so relevance is an order that means something. */
  searching: boolean;
  facets: FacetIndex;
  orders: Orders;
  selection: Selection;
  /** The visitor's chosen order, else the page's `sort` attribute. */
  sort: SortOrder | undefined;
  /** How many cards to show (pages × page size). */
  limit: number;
}

/** One card: the item and its day (UTC midnight of the date written), ready to format. */
export interface Card {
  index: number;
  item: CaseStudy;
  day?: number;
}

export interface View {
  /** Every matching item index, in the order in force. */
  results: readonly number[];
  facets: readonly FacetCounts[];
  sort: AppliedSort;
  /** The first `limit` results as cards. */
  cards: readonly Card[];
}

/** One chosen filter, as the list of chosen filters shows it: "Topic: Libraries". */
export interface ChosenFilter {
  facet: string;
  value: string;
  /** The facet's name: "Topic". */
  name: string;
  /** The value as the feed first wrote it. */
  label: string;
}

const SORTS: readonly SortOrder[] = ['relevance', 'newest', 'oldest', 'title'];

/** A sort order named in an attribute, a URL or a select; undefined for anything else. */
export const toSortOrder = (value: string | null | undefined): SortOrder | undefined => SORTS.find((sort) => sort === value);

/**
 * The order in force: the choice when it applies (relevance only while searching), else
 * relevance while searching, newest first when items have dates, else the feed's own order.
 *
 * @example
 * appliedSort('relevance', false, true); // 'newest': nothing to be relevant to
 */
export function appliedSort(choice: string | undefined, searching: boolean, hasDates: boolean): AppliedSort {
  const known = toSortOrder(choice);
  if (known && (known !== 'relevance' || searching)) return known;
  if (searching) return 'relevance';
  return hasDates ? 'newest' : 'feed';
}

/**
 * What the element shows: the search's hits filtered by the chosen facet values (with every
 * chip's count), put in the order in force, and the first page of cards. Pure, so the element
 * computes it once per change of its inputs and never while rendering.
 *
 * @example
 * const { results, facets, cards } = view({ items, hits, searching: true, facets: index,
 *   orders, selection: new Map([['topics', ['Libraries']]]), sort: undefined, limit: 12 });
 */
export function view(input: ViewInput): View {
  const { results: matched, facets } = input.facets.apply(input.hits, input.selection);
  const sort = appliedSort(input.sort, input.searching, input.orders.hasDates);
  // Relevance is the search's own order; feed order is what an empty search returns.
  const results = sort === 'relevance' || sort === 'feed' ? matched : input.orders.sort(matched, sort);
  const cards = results.slice(0, input.limit).map((index) => toCard(input.items, index));
  return { results, facets, sort, cards };
}

/** The card of item `index`. */
export function toCard(items: readonly CaseStudy[], index: number): Card {
  const item = items[index]!;
  return item.date ? { index, item, day: Date.parse(`${item.date.slice(0, 10)}T00:00:00Z`) } : { index, item };
}
