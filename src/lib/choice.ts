import { valueKey, type Selection } from './facets.js';
import type { SortOrder } from './order.js';
import type { UrlState } from './url-state.js';
import { toSortOrder } from './view.js';

/**
 * What a visitor has chosen: one value, changed only by {@link choose}, saved in the history
 * (and with `sync-url` the address) and reported in `csf-change`.
 */
export interface Choice {
  readonly query: string;
  /** Chosen values by facet, in the order they were chosen; compared case-insensitively. */
  readonly selection: Selection;
  /** An order the visitor chose; without one, the page's `sort` or the default applies. */
  readonly sort?: SortOrder;
  /** Pages of cards shown (1 = the first page). */
  readonly pages: number;
}

/** Nothing chosen: the state a new visit starts in. */
export const NO_CHOICE: Choice = Object.freeze({ query: '', selection: new Map(), pages: 1 });

/** Everything a visitor can do to the choice. */
export type ChoiceAction =
  /** Typed into the search box, or emptied it with Escape. */
  | { type: 'type'; query: string }
  /** Pressed a filter value: chosen if it was not, else unchosen. */
  | { type: 'toggle'; facet: string; value: string }
  /** Removed a chosen filter from the list of chosen filters. */
  | { type: 'remove'; facet: string; value: string }
  /** Pressed the clear control: the search and every filter go. */
  | { type: 'clear' }
  /** Took "Did you mean museum?". */
  | { type: 'suggest'; query: string }
  | { type: 'sort'; sort: string }
  /** "Show more": one more page. */
  | { type: 'more' };

/**
 * The choice after an action. Every action but "Show more" goes back to the first page: what
 * is shown changed, and page 4 of another list means nothing. Clearing the query (by typing it
 * away, or with clear) returns the order to its default, which is relevance only while searching.
 *
 * @example
 * choose(NO_CHOICE, { type: 'toggle', facet: 'topics', value: 'Libraries' });
 * // { query: '', selection: Map { topics → ['Libraries'] }, pages: 1 }
 */
export function choose(choice: Choice, action: ChoiceAction): Choice {
  switch (action.type) {
    case 'type':
    case 'suggest':
      return made(action.query, choice.selection, action.query.trim() ? choice.sort : undefined);
    case 'toggle':
    case 'remove': {
      const current = choice.selection.get(action.facet) ?? [];
      const key = valueKey(action.value);
      const chosen = current.some((value) => valueKey(value) === key);
      if (action.type === 'remove' && !chosen) return choice;
      const next = chosen ? current.filter((value) => valueKey(value) !== key) : [...current, action.value];
      const selection = new Map(choice.selection);
      if (next.length) selection.set(action.facet, next);
      else selection.delete(action.facet);
      return made(choice.query, selection, choice.sort);
    }
    case 'clear':
      return NO_CHOICE;
    case 'sort':
      return made(choice.query, choice.selection, toSortOrder(action.sort));
    case 'more':
      return { ...choice, pages: choice.pages + 1 };
  }
}

/** A choice, with an order only when there is one; on the first page unless `pages` says otherwise. */
const made = (query: string, selection: Selection, sort: SortOrder | undefined, pages = 1): Choice =>
  sort ? { query, selection, pages, sort } : { query, selection, pages };

/**
 * A saved state (from the history entry, the address or the `filter` attribute) as a choice:
 * only values the feed has (`known` gives the feed's own spelling, or undefined), each once
 * however it is spelt, an order only if it is one, and no more than `maxPages` pages.
 *
 * @example
 * fromSaved({ query: 'swim', filters: new Map([['topics', ['sport', 'SPORT', 'Nope']]]), pages: 9 },
 *   (facet, value) => (value.toLowerCase() === 'sport' ? 'Sport' : undefined), 4);
 * // { query: 'swim', selection: Map { topics → ['Sport'] }, pages: 4 }
 */
export function fromSaved(
  state: UrlState,
  known: (facet: string, value: string) => string | undefined,
  maxPages: number,
): Choice {
  const selection = new Map<string, string[]>();
  for (const [facet, values] of state.filters) {
    const labels = new Set<string>();
    for (const value of values) {
      const label = known(facet, value);
      if (label !== undefined) labels.add(label);
    }
    if (labels.size) selection.set(facet, [...labels]);
  }
  return made(state.query, selection, toSortOrder(state.sort), Math.max(1, Math.min(state.pages, maxPages)));
}

/** The choice as a history entry or an address keeps it. */
export function toSaved(choice: Choice): UrlState {
  const saved: UrlState = { query: choice.query, filters: new Map([...choice.selection].map(([facet, values]) => [facet, [...values]])), pages: choice.pages };
  if (choice.sort) saved.sort = choice.sort;
  return saved;
}

/**
 * The chosen values as `csf-change` gives them to listeners: a plain object without a
 * prototype (facet keys are feed text, and `toString` must be just a name), groups with no
 * value left out.
 */
export function toDetailFilters(choice: Choice): Record<string, string[]> {
  const filters: Record<string, string[]> = Object.create(null);
  for (const [facet, values] of choice.selection) if (values.length) filters[facet] = [...values];
  return filters;
}
