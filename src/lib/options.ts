import type { FacetDef } from './feed.js';

/**
 * What the element's attributes mean once they are read: the policy, apart from the element,
 * so that it can be tested as a table and changed in one place.
 */

/** The `facets` attribute's default: the groups shown when neither the page nor the feed names any. */
export const DEFAULT_FACETS = 'topics supportTypes';

/** About the most cards drawn at once, from a saved state or a page size, whatever they ask. */
export const MAX_CARDS = 200;

/**
 * Cards per page: `page-size` (3 by default in the compact variant, else 12), kept to a whole
 * number from 1 to {@link MAX_CARDS}.
 *
 * @example
 * pageSizeOf(100000, { compact: false, given: true }); // 200
 * pageSizeOf(12, { compact: true, given: false });     // 3
 */
export function pageSizeOf(size: number, { compact, given }: { compact: boolean; given: boolean }): number {
  const asked = compact && !given ? 3 : size;
  return Math.min(MAX_CARDS, Math.max(1, Math.floor(asked) || 12));
}

/**
 * Pages of cards a saved state or an address may open at once: however many it asks for, no
 * more than about {@link MAX_CARDS} cards are drawn.
 */
export const maxPagesOf = (pageSize: number): number => Math.max(1, Math.floor(MAX_CARDS / pageSize));

/**
 * The groups shown, in order: the `facets` attribute when the page sets one, else the feed's own
 * list, else {@link DEFAULT_FACETS}.
 *
 * @example
 * facetKeysOf('topics supportTypes', { given: false, defs: [{ key: 'region' }] }); // ['region']
 * facetKeysOf('year topics', { given: true, defs: [{ key: 'region' }] });         // ['year', 'topics']
 */
export function facetKeysOf(facets: string, { given, defs }: { given: boolean; defs: readonly FacetDef[] }): string[] {
  if (!given && facets === DEFAULT_FACETS && defs.length) return defs.map((def) => def.key);
  return [...new Set(facets.split(/\s+/).filter(Boolean))];
}

/**
 * The facets the index counts: the groups shown, then any that chosen values name (the
 * `filter` attribute may choose in a group that is not shown).
 */
export const indexKeysOf = (shown: readonly string[], preset: ReadonlyMap<string, unknown>): string[] => [
  ...new Set([...shown, ...preset.keys()]),
];
