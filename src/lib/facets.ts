import type { CaseStudy } from './feed.js';
import { runAll } from './slices.js';
import { orderByText } from './sort.js';
import { fold } from './text.js';

/**
 * The chosen values of each facet, by facet key; values compared case-insensitively. A map,
 * not an object: facet keys come from feeds and URLs, and a key such as `toString` or
 * `__proto__` must be nothing more than a name.
 */
export type Selection = ReadonlyMap<string, readonly string[]>;

/** One chip: a facet value, the first spelling seen, and how many results choosing it would give. */
export interface FacetValue {
  /** Case-folded value, used to compare. */
  key: string;
  /** The first spelling in the feed, shown to visitors. */
  label: string;
  /** The label folded as the search folds text (case and accents aside), for narrowing a list. */
  folded: string;
  count: number;
  selected: boolean;
}

export interface FacetCounts {
  key: string;
  values: FacetValue[];
}

/** Folds a facet value for comparing: "Early Years" and " early years" are the same chip. */
export const valueKey = (value: string): string => value.trim().toLowerCase();

/**
 * The values of `field` in an item, as a list: known list fields, text fields or extra fields.
 * `year` is the year of the item's date (the year as the feed writes the date, as the card
 * shows it), else a `year` field of the feed's own.
 */
export function fieldValues(item: CaseStudy, field: string): readonly string[] {
  switch (field) {
    case 'year':
      return item.date ? [item.date.slice(0, 4)] : (item.extra.year ?? []);
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
 * Per-facet value ids of every item, and each facet's chips in a fixed alphabetical order
 * (years newest first), so that chips never move while a visitor searches. Built once per
 * feed; values are small integers so that counting a keystroke's results over tens of
 * thousands of items stays cheap.
 */
export class FacetIndex {
  readonly keys: readonly string[];
  /**
   * Per facet, every item's value ids in one flat list: item `i` holds
   * `ids[offsets[i]]` up to `ids[offsets[i + 1]]` (ids index `labels[facet]`).
   */
  private readonly offsets: Int32Array[] = [];
  private readonly ids: Int32Array[] = [];
  /** `labels[facet][id]`: [value key, first spelling, spelling folded], in display order. */
  private readonly labels: Array<Array<[string, string, string]>> = [];
  /** Per facet, the first spelling by value key: a lookup, not a scan, for every value restored. */
  private readonly spellings: Array<Map<string, string>> = [];

  /**
   * Built at once; {@link FacetIndex.building} builds it in steps, for a feed large enough
   * that building it would be a long task.
   */
  constructor(items: readonly CaseStudy[], keys: readonly string[], parts = runAll(indexing(items, keys))) {
    this.keys = keys;
    for (const { offsets, ids, labels } of parts) {
      this.offsets.push(offsets);
      this.ids.push(ids);
      this.labels.push(labels);
      this.spellings.push(new Map(labels.map(([key, label]) => [key, label])));
    }
  }

  /** The index built in steps, a pause point every few hundred items or values (see runSliced). */
  static *building(items: readonly CaseStudy[], keys: readonly string[]): Generator<void, FacetIndex> {
    return new FacetIndex(items, keys, yield* indexing(items, keys));
  }

  /** The display label of a value in a facet, if the feed has it. */
  label(facet: string, value: string): string | undefined {
    return this.spellings[this.keys.indexOf(facet)]?.get(valueKey(value));
  }

  /**
   * Filters `matches` (item indices, in rank order) by the selection and counts every chip.
   * Within a facet chosen values widen (OR); across facets they narrow (AND). A chip's count
   * is disjunctive: the results it would give, counted against the query and the other facets'
   * choices but not its own facet's.
   */
  apply(matches: ArrayLike<number>, selection: Selection): { results: number[]; facets: FacetCounts[] } {
    const facetCount = this.keys.length;
    const wanted = this.keys.map((field) => new Set((selection.get(field) ?? []).map(valueKey)));
    const chosen = wanted.map((keys, facet) => Uint8Array.from(this.labels[facet]!, ([key]) => (keys.has(key) ? 1 : 0)));
    // A choice the feed does not have still narrows (to nothing), as any other choice would.
    const active = wanted.map((keys) => keys.size > 0);
    const counts = this.labels.map((labels) => new Int32Array(labels.length));
    const results: number[] = [];
    const offsetsOf = this.offsets;
    const idsOf = this.ids;

    for (let at = 0; at < matches.length; at++) {
      const item = matches[at]!;
      let failing = -1;
      let failures = 0;
      for (let facet = 0; facet < facetCount && failures < 2; facet++) {
        if (!active[facet]) continue;
        const flags = chosen[facet]!;
        const ids = idsOf[facet]!;
        const offsets = offsetsOf[facet]!;
        let hit = false;
        for (let i = offsets[item]!; i < offsets[item + 1]!; i++) if (flags[ids[i]!]) hit = true;
        if (!hit) {
          failing = facet;
          failures++;
        }
      }
      if (failures === 0) results.push(item);
      else if (failures >= 2) continue;
      for (let facet = 0; facet < facetCount; facet++) {
        if (failures === 1 && facet !== failing) continue;
        const tally = counts[facet]!;
        const ids = idsOf[facet]!;
        const offsets = offsetsOf[facet]!;
        for (let i = offsets[item]!; i < offsets[item + 1]!; i++) tally[ids[i]!]!++;
      }
    }

    const facets = this.keys.map((key, facet) => ({
      key,
      values: this.labels[facet]!.map(([value, label, folded], id) => ({
        key: value,
        label,
        folded,
        count: counts[facet]![id]!,
        selected: chosen[facet]![id] === 1,
      })),
    }));
    return { results, facets };
  }
}

interface FacetParts {
  offsets: Int32Array;
  ids: Int32Array;
  labels: Array<[string, string, string]>;
}

const STEP_ITEMS = 500;

/** Each facet's value ids and labels (see FacetIndex), with a point to pause every 500 items or values. */
function* indexing(items: readonly CaseStudy[], keys: readonly string[]): Generator<void, FacetParts[]> {
  const parts: FacetParts[] = [];
  for (const field of keys) {
    // Ids in order of first sight, then renumbered in display order. Each spelling is folded
    // once, however many items share it.
    const found: Array<[string, string]> = [];
    const byKey = new Map<string, number>();
    const bySpelling = new Map<string, number>();
    const offsets = new Int32Array(items.length + 1);
    const seen: number[] = [];
    for (let at = 0; at < items.length; at++) {
      for (const value of fieldValues(items[at]!, field)) {
        let id = bySpelling.get(value);
        if (id === undefined) {
          const key = valueKey(value);
          id = byKey.get(key);
          if (id === undefined) byKey.set(key, (id = found.push([key, value]) - 1));
          bySpelling.set(value, id);
        }
        seen.push(id);
      }
      offsets[at + 1] = seen.length;
      if (at % STEP_ITEMS === STEP_ITEMS - 1) yield;
    }
    const labels = found.map(([, label]) => label);
    const folded: string[] = [];
    for (const label of labels) {
      if (folded.push(fold(label)) % STEP_ITEMS === 0) yield;
    }
    const order = orderByText(labels, folded);
    // Years read newest first: the recent ones are what visitors look for.
    if (field === 'year') order.reverse();
    yield;
    const display = new Int32Array(order.length);
    order.forEach((id, place) => (display[id] = place));
    parts.push({
      offsets,
      ids: Int32Array.from(seen, (id) => display[id]!),
      labels: order.map((id) => [...found[id]!, folded[id]!]),
    });
  }
  return parts;
}
