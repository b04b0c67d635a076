import type { FacetDef } from '../lib/feed.js';
import type { Strings } from './en.js';
import { fill, type Lang } from './format.js';

/** How a facet is named: "Filter by topics", "Topic: Libraries", "Show all 60 topics". */
export type FacetNaming = 'facetLabels' | 'facetNames' | 'facetNouns';

/** A record's own value for a key that may come from a feed (`toString` is just a name). */
export const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record && Object.hasOwn(record, key) ? record[key] : undefined;

/**
 * A facet's name of one kind: `facetLabels` as in "Filter by topics" (lower case),
 * `facetNames` as in "Topic: Libraries", `facetNouns` as in "Show all 60 topics". The page's
 * overrides win. A label comes from the feed in the visitor's language when it has one; a name
 * and a noun from the widget's own words for the facets it knows (they are singular and
 * plural, where a feed gives one label), else from the label.
 *
 * @example
 * facetName('region', 'facetNouns', { text: en, defs: [{ key: 'region', label: 'Region' }], lang: 'en' });
 * // 'region values'
 */
export function facetName(
  facet: string,
  kind: FacetNaming,
  { text, overrides, defs, lang }: { text: Strings; overrides?: Partial<Strings>; defs: readonly FacetDef[]; lang: Lang },
): string {
  const given = own(overrides?.[kind], facet);
  if (given) return given;
  const mine = own(text[kind], facet);
  if (mine && kind !== 'facetLabels') return mine;
  const def = defs.find((d) => d.key === facet)?.label;
  const name = (typeof def === 'string' ? def : def?.[lang]) ?? mine ?? (typeof def === 'object' ? def.en : undefined) ?? facet;
  const lower = name.charAt(0).toLocaleLowerCase(lang) + name.slice(1);
  if (kind === 'facetNouns') return fill(text.valuesOf, { label: lower });
  return kind === 'facetNames' ? name.charAt(0).toLocaleUpperCase(lang) + name.slice(1) : lower;
}
