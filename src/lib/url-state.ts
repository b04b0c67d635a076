/** What a visitor has chosen, as it is mirrored into the page URL. */
export interface UrlState {
  query: string;
  /** Chosen values by facet key, as written in the URL (matched case-insensitively later). */
  filters: Map<string, string[]>;
  sort?: string;
  /** Pages of cards shown (1 = the first page only). */
  pages: number;
}

const MAX_PAGES = 1000;

/**
 * Reads the widget's parameters from a query string. Parameters it does not own are ignored;
 * malformed values (a page that is not a whole number, an unknown facet) are dropped.
 *
 * @example
 * readUrlState('?q=libary&topics=Libraries&topics=Early+years&page=2', '', ['topics']);
 * // { query: 'libary', filters: Map { topics → ['Libraries', 'Early years'] }, pages: 2 }
 */
export function readUrlState(search: string, prefix: string, facets: readonly string[]): UrlState {
  const params = new URLSearchParams(search);
  const filters = new Map<string, string[]>();
  for (const facet of facets) {
    const values = params
      .getAll(prefix + facet)
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length) filters.set(facet, [...new Set(values)]);
  }
  const page = Number(params.get(`${prefix}page`));
  const state: UrlState = {
    query: params.get(`${prefix}q`) ?? '',
    filters,
    pages: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
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
