import type { CaseStudy } from './feed.js';

/** The chosen values of each facet, by facet key; values compared case-insensitively. */
export type Selection = Readonly<Record<string, readonly string[]>>;

/** One chip: a facet value, the first spelling seen, and how many results choosing it would give. */
export interface FacetValue {
  /** Case-folded value, used to compare. */
  key: string;
  /** The first spelling in the feed, shown to visitors. */
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetCounts {
  key: string;
  values: FacetValue[];
}

/** Folds a facet value for comparing: "Early Years" and " early years" are the same chip. */
export const valueKey = (value: string): string => value.trim().toLocaleLowerCase('en-GB');

/** The values of `field` in an item, as a list: known list fields, text fields or extra fields. */
export function fieldValues(item: CaseStudy, field: string): readonly string[] {
  switch (field) {
    case 'topics':
    case 'supportTypes':
    case 'keywords':
      return item[field];
    case 'organisation':
      return item.organisation ? [item.organisation] : [];
    default:
      return item.extra[field] ?? [];
  }
}

/**
 * Per-facet value keys of every item, and each facet's chips in a fixed alphabetical order, so
 * that chips never move while a visitor searches. Built once per feed.
 */
export class FacetIndex {
  readonly keys: readonly string[];
  /** `values[facet][item]`: the item's value keys in that facet. */
  private readonly values: string[][][];
  /** `labels[facet]`: value key → first spelling, in display order. */
  private readonly labels: Map<string, string>[];

  constructor(items: readonly CaseStudy[], keys: readonly string[]) {
    this.keys = keys;
    this.labels = keys.map(() => new Map());
    this.values = keys.map((field, facet) =>
      items.map((item) =>
        fieldValues(item, field).map((value) => {
          const key = valueKey(value);
          if (!this.labels[facet]!.has(key)) this.labels[facet]!.set(key, value);
          return key;
        }),
      ),
    );
    this.labels = this.labels.map(
      (labels) => new Map([...labels].sort((a, b) => a[1].localeCompare(b[1], 'en-GB', { sensitivity: 'base' }))),
    );
  }

  /** The display label of a value key in a facet, if the feed has it. */
  label(facet: string, key: string): string | undefined {
    return this.labels[this.keys.indexOf(facet)]?.get(valueKey(key));
  }

  /**
   * Filters `matches` (item indices, in rank order) by the selection and counts every chip.
   * Within a facet chosen values widen (OR); across facets they narrow (AND). A chip's count
   * is disjunctive: the results it would give, counted against the query and the other facets'
   * choices but not its own facet's.
   */
  apply(matches: ArrayLike<number>, selection: Selection): { results: number[]; facets: FacetCounts[] } {
    const chosen = this.keys.map((field) => new Set((selection[field] ?? []).map(valueKey)));
    const counts = this.keys.map(() => new Map<string, number>());
    const results: number[] = [];

    for (let at = 0; at < matches.length; at++) {
      const item = matches[at]!;
      let failing = -1;
      let failures = 0;
      for (let facet = 0; facet < this.keys.length && failures < 2; facet++) {
        const wanted = chosen[facet]!;
        if (wanted.size > 0 && !this.values[facet]![item]!.some((key) => wanted.has(key))) {
          failing = facet;
          failures++;
        }
      }
      if (failures === 0) results.push(item);
      if (failures >= 2) continue;
      for (let facet = 0; facet < this.keys.length; facet++) {
        if (failures === 1 && facet !== failing) continue;
        const tally = counts[facet]!;
        for (const key of this.values[facet]![item]!) tally.set(key, (tally.get(key) ?? 0) + 1);
      }
    }

    const facets = this.keys.map((key, facet) => ({
      key,
      values: [...this.labels[facet]!].map(([value, label]) => ({
        key: value,
        label,
        count: counts[facet]!.get(value) ?? 0,
        selected: chosen[facet]!.has(value),
      })),
    }));
    return { results, facets };
  }
}
