import { valueKey } from './facets.js';
import { isRecord } from './feed.js';

/** What a visitor has chosen, as it is mirrored into the page URL. */
export interface UrlState {
  query: string;
  /** Chosen values by facet key, as written in the URL (matched case-insensitively later). */
  filters: Map<string, string[]>;
  sort?: string;
  /** Pages of cards shown (1 = the first page only). */
  pages: number;
}

/** Longest query kept from a URL or a saved state: longer ones are crafted, not typed. */
export const MAX_QUERY = 200;
const MAX_PAGES = 1000;
/**
 * Most values read as chosen in one facet, and longest value, from a URL or a saved state. A
 * visitor chooses a handful; a crafted link may carry one topic thousands of times, each of
 * which would be drawn and counted.
 */
export const MAX_CHOSEN = 100;
const MAX_VALUE = 500;
/** Most facets read from a saved state (a URL carries only the element's own facets). */
const MAX_FACETS = 50;

/**
 * Chosen values as a URL or a saved state gives them: text only, trimmed, one per folded value
 * ("Libraries" and " LIBRARIES " are one choice, the first spelling kept), at most
 * {@link MAX_CHOSEN}.
 */
function chosenValues(values: readonly unknown[]): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > MAX_VALUE) continue;
    const key = valueKey(trimmed);
    if (!byKey.has(key) && byKey.set(key, trimmed).size === MAX_CHOSEN) break;
  }
  return [...byKey.values()];
}

/** Pages of cards asked for, from a URL or a saved state: a whole number from 1 to 1,000. */
const pagesOf = (value: unknown): number => {
  const pages = Number(value);
  return Number.isInteger(pages) && pages > 1 ? Math.min(pages, MAX_PAGES) : 1;
};

/**
 * Reads the widget's parameters from a query string. Parameters it does not own are ignored;
 * malformed values (a page that is not a whole number, an unknown facet) are dropped, and a
 * facet's values are read as in a saved state (see chosenValues).
 *
 * @example
 * readUrlState('?q=libary&topics=Libraries&topics=Early+years&page=2', '', ['topics']);
 * // { query: 'libary', filters: Map { topics → ['Libraries', 'Early years'] }, pages: 2 }
 */
export function readUrlState(search: string, prefix: string, facets: readonly string[]): UrlState {
  const params = new URLSearchParams(search);
  const filters = new Map<string, string[]>();
  for (const facet of facets) {
    const values = chosenValues(params.getAll(prefix + facet));
    if (values.length) filters.set(facet, values);
  }
  const state: UrlState = {
    query: (params.get(`${prefix}q`) ?? '').slice(0, MAX_QUERY),
    filters,
    pages: pagesOf(params.get(`${prefix}page`)),
  };
  const sort = params.get(`${prefix}sort`);
  if (sort) state.sort = sort;
  return state;
}

/**
 * Writes the widget's parameters into a query string, leaving every other parameter (the host
 * page's own, another widget's) as it was. Empty values and the first page are left out, so a
 * fresh visit has a clean URL.
 *
 * @example
 * writeUrlState('?id=7', '', ['topics'], { query: 'swim', filters: new Map([['topics', ['Sport']]]), pages: 1 });
 * // '?id=7&q=swim&topics=Sport'
 */
export function writeUrlState(
  search: string,
  prefix: string,
  facets: readonly string[],
  state: UrlState,
): string {
  const params = new URLSearchParams(search);
  for (const name of ['q', 'sort', 'page', ...facets]) params.delete(prefix + name);
  if (state.query.trim()) params.set(`${prefix}q`, state.query);
  for (const facet of facets) {
    for (const value of state.filters.get(facet) ?? []) params.append(prefix + facet, value);
  }
  if (state.sort) params.set(`${prefix}sort`, state.sort);
  if (state.pages > 1) params.set(`${prefix}page`, String(state.pages));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/**
 * The state a widget saved in a history entry's state object under `key`, checked as strictly
 * as a URL: anything else in the page's state is left alone, and a value of the wrong shape
 * (another script's, an old version's) is ignored rather than trusted.
 *
 * @example
 * readSavedState({ page: 1, 'case-study-finder 0': { query: 'libary', filters: [['topics', ['Libraries']]], pages: 2 } }, 'case-study-finder 0');
 * // { query: 'libary', filters: Map { topics → ['Libraries'] }, pages: 2 }
 */
export function readSavedState(state: unknown, key: string): UrlState | undefined {
  const saved = isRecord(state) && Object.hasOwn(state, key) ? state[key] : undefined;
  if (!isRecord(saved) || typeof saved.query !== 'string' || !Array.isArray(saved.filters)) return undefined;
  const filters = new Map<string, string[]>();
  for (const entry of (saved.filters as unknown[]).slice(0, MAX_FACETS)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !Array.isArray(entry[1])) continue;
    const values = chosenValues(entry[1] as unknown[]);
    if (values.length) filters.set(entry[0], values);
  }
  const read: UrlState = { query: saved.query.slice(0, MAX_QUERY), filters, pages: pagesOf(saved.pages) };
  if (typeof saved.sort === 'string') read.sort = saved.sort;
  return read;
}

/**
 * A history entry's state with a widget's own saved under `key`, the page's own kept as it
 * was; undefined when the page keeps something there that is not an object (it is not ours to
 * replace).
 */
export function withSavedState(state: unknown, key: string, ours: UrlState): Record<string, unknown> | undefined {
  if (state !== null && state !== undefined && !isRecord(state)) return undefined;
  const saved = { query: ours.query, filters: [...ours.filters], pages: ours.pages, ...(ours.sort ? { sort: ours.sort } : {}) };
  return { ...state, [key]: saved };
}

/**
 * The `filter` attribute (`facet:value` pairs separated by `;`) as values by facet, the shape a
 * saved state gives them. Pairs without a facet or a value are left out.
 *
 * @example
 * readFilterAttribute('topics:Libraries; topics:Sport;supportTypes:Funding');
 * // Map { 'topics' => ['Libraries', 'Sport'], 'supportTypes' => ['Funding'] }
 */
export function readFilterAttribute(filter: string | undefined): Map<string, string[]> {
  const filters = new Map<string, string[]>();
  for (const pair of (filter ?? '').split(';')) {
    const at = pair.indexOf(':');
    const facet = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (at > 0 && facet && value) filters.set(facet, [...(filters.get(facet) ?? []), value]);
  }
  return filters;
}
