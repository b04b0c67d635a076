import type { CaseStudy } from './feed.js';
import { byRank, orderByText } from './sort.js';

/** The orders a visitor or a page can ask for. */
export type SortOrder = 'relevance' | 'newest' | 'oldest' | 'title';

/** The order in force; `feed` is the feed's own order (no query, no dates). */
export type AppliedSort = SortOrder | 'feed';

export type Order = 'newest' | 'oldest' | 'title';

/**
 * The feed's items in each order, computed once per feed on first use, so that re-sorting a
 * keystroke's results is a pass over a ready list rather than a comparison sort (which, with
 * `localeCompare` over 50,000 titles, would block typing). Undated items go last in both date
 * orders; ties keep feed order.
 *
 * @example
 * const orders = new Orders(items);
 * orders.sort([4, 0, 9], 'newest'); // the same items, newest first
 */
export class Orders {
  private readonly ranks = new Map<Order, Int32Array>();
  private readonly lists = new Map<Order, Int32Array>();
  /** True when any item has a date: only then do the date orders mean anything. */
  readonly hasDates: boolean;

  constructor(private readonly items: readonly CaseStudy[]) {
    this.hasDates = items.some((item) => item.time !== undefined);
  }

  /** `results` (item indices) in `order`; a new array. */
  sort(results: readonly number[], order: Order): number[] {
    const list = this.list(order);
    if (results.length * 8 < list.length) {
      const rank = this.ranks.get(order)!;
      return [...results].sort((a, b) => rank[a]! - rank[b]!);
    }
    // Most of the feed: walk the ready list and keep what is in the results.
    const wanted = new Uint8Array(list.length);
    for (const item of results) wanted[item] = 1;
    const sorted: number[] = [];
    for (const item of list) if (wanted[item]) sorted.push(item);
    return sorted;
  }

  /** Computes an order before it is first needed: for a large feed, in a task of its own. */
  prepare(order: Order): void {
    this.list(order);
  }

  private list(order: Order): Int32Array {
    let list = this.lists.get(order);
    if (!list) {
      const items = this.items;
      if (order === 'title') {
        list = Int32Array.from(orderByText(items.map((item) => item.title)));
      } else {
        list = byDate(items, order === 'newest');
      }
      const rank = new Int32Array(list.length);
      list.forEach((item, at) => (rank[item] = at));
      this.lists.set(order, list);
      this.ranks.set(order, rank);
    }
    return list;
  }
}

/**
 * Item indices by date, newest or oldest first, undated last, ties in feed order: each item's
 * date ranked among the feed's distinct dates (a few thousand at most, sorted natively), then
 * counted into place, two passes over typed arrays (a comparator over 50,000 items took ~60 ms,
 * and a numeric sort of them ~20 ms, in the tasks that load a large feed).
 */
function byDate(items: readonly CaseStudy[], newest: boolean): Int32Array {
  const count = items.length;
  // Undated items sort past every date either way round.
  const undated = newest ? -Infinity : Infinity;
  const times = new Float64Array(count);
  for (let at = 0; at < count; at++) times[at] = items[at]!.time ?? undated;
  const dates = Float64Array.from(new Set(times)).sort();
  if (newest) dates.reverse();
  const rankOf = new Map<number, number>();
  dates.forEach((time, place) => rankOf.set(time, place));
  const ranks = new Int32Array(count);
  for (let at = 0; at < count; at++) ranks[at] = rankOf.get(times[at]!)!;
  return byRank(ranks, dates.length);
}

/**
 * A feed's items sorted newest first, as the widget sorts them (undated last, ties in feed
 * order), with the promise that says so: the widget can then draw the first cards of a large
 * feed from its first items, before the rest has arrived. `items` are written as given, in the
 * order of the checked `studies` they became.
 *
 * @example
 * JSON.stringify({ title, facets, ...newestFirst(rows, parseFeed(rows).items) });
 */
export function newestFirst<T>(items: readonly T[], studies: readonly CaseStudy[]): { order: 'newest'; items: T[] } {
  const order = new Orders(studies).sort([...studies.keys()], 'newest');
  return { order: 'newest', items: order.map((at) => items[at]!) };
}

/**
 * The first `count` items (indices) newest first, as {@link Orders} would give them (undated
 * last, ties in feed order), without ordering the rest: a pass over the items, for the first
 * cards of a large feed before its orders are made.
 *
 * @example
 * newestOf(items, 12); // the first page of cards
 */
export function newestOf(items: readonly CaseStudy[], count: number): number[] {
  const time = (at: number) => items[at]!.time ?? -Infinity;
  const top: number[] = [];
  for (let at = 0; at < items.length && count > 0; at++) {
    const newer = time(at);
    if (top.length === count) {
      if (newer <= time(top[count - 1]!)) continue;
      top.pop();
    }
    let place = top.length;
    top.push(at);
    for (; place > 0 && time(top[place - 1]!) < newer; place--) top[place] = top[place - 1]!;
    top[place] = at;
  }
  return top;
}
