import { compareText, fold } from './text.js';

// Room for 2^21 indices beside a key in one float64 (53 bits): keys up to 2^32 stay exact.
const INDEX_BITS = 2 ** 21;

/**
 * `indices` ordered by an integer key (0 or more), ties in ascending index order. Many indices
 * sharing few keys (a large feed's dates, a one-letter query's scores) are counted into place:
 * two passes and a sort of the distinct keys. Otherwise each index is packed with its key into
 * one number, so a single native numeric sort does the work: a comparator over tens of
 * thousands of items takes several times as long.
 *
 * @example
 * sortByKey([0, 1, 2], (i) => [5, 1, 5][i]!);        // Int32Array [1, 0, 2]
 * sortByKey([0, 1, 2], (i) => [5, 1, 5][i]!, true);  // Int32Array [0, 2, 1]
 */
export function sortByKey(indices: ArrayLike<number>, keyOf: (index: number) => number, descending = false): Int32Array {
  const count = indices.length;
  const keys = new Float64Array(count);
  let ascending = true;
  for (let at = 0; at < count; at++) {
    keys[at] = keyOf(indices[at]!);
    if (at && indices[at]! <= indices[at - 1]!) ascending = false;
  }
  return (ascending && count >= COUNTED && countedSort(indices, keys, descending)) || packedSort(indices, keys, descending);
}

/** Below this many indices a native sort is as quick as counting. */
const COUNTED = 512;

/**
 * `indices` (ascending) by `keys` (theirs, position for position), counted into place by each
 * key's rank among the distinct keys. Undefined when more than one index in four has a key of
 * its own: then sorting is quicker.
 */
function countedSort(indices: ArrayLike<number>, keys: Float64Array, descending: boolean): Int32Array | undefined {
  const count = keys.length;
  const runOf = new Map<number, number>();
  const distinct: number[] = [];
  const ranks = new Int32Array(count);
  for (let at = 0; at < count; at++) {
    let run = runOf.get(keys[at]!);
    if (run === undefined) {
      if (distinct.length * 4 >= count) return undefined;
      runOf.set(keys[at]!, (run = distinct.push(keys[at]!) - 1));
    }
    ranks[at] = run;
  }
  // Each run's rank among the distinct keys, then each position's.
  const rankOfRun = new Int32Array(distinct.length);
  packedSort(Array.from(distinct.keys()), Float64Array.from(distinct), descending).forEach((run, rank) => (rankOfRun[run] = rank));
  for (let at = 0; at < count; at++) ranks[at] = rankOfRun[ranks[at]!]!;
  return byRank(ranks, distinct.length).map((at) => indices[at]!);
}

/**
 * Positions 0 to `ranks.length - 1` ordered by their rank (0 to `count - 1`), ties in position
 * order: counted into place, each rank's run starting where the ranks before it end.
 *
 * @example
 * byRank(Int32Array.of(1, 0, 1), 2); // Int32Array [1, 0, 2]
 */
export function byRank(ranks: Int32Array, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  for (let at = 0; at < ranks.length; at++) starts[ranks[at]! + 1]!++;
  for (let rank = 0; rank < count; rank++) starts[rank + 1]! += starts[rank]!;
  const sorted = new Int32Array(ranks.length);
  for (let at = 0; at < ranks.length; at++) sorted[starts[ranks[at]!]!++] = at;
  return sorted;
}

/** `indices` by `keys` (theirs, position for position), each index packed with its key, one native sort. */
function packedSort(indices: ArrayLike<number>, keys: Float64Array, descending: boolean): Int32Array {
  // Descending keys keep ties ascending by packing the index reversed and reading back to front.
  const packed = keys.map((key, at) => key * INDEX_BITS + (descending ? INDEX_BITS - 1 - indices[at]! : indices[at]!)).sort();
  const sorted = new Int32Array(packed.length);
  for (let at = 0; at < packed.length; at++) {
    const index = packed[descending ? packed.length - 1 - at : at]! % INDEX_BITS;
    sorted[at] = descending ? INDEX_BITS - 1 - index : index;
  }
  return sorted;
}

/**
 * Indices of `texts` in {@link compareText} order (case and accents aside, numbers by value),
 * without a collator call for every comparison: each text is folded once into a key that plain
 * string comparison orders the same way, and the collator only settles ties. Ten thousand
 * facet values take a few milliseconds this way, against hundreds with the collator alone.
 * `folded` may give the texts already folded ({@link fold}), to save folding them twice.
 *
 * @example
 * orderByText(['Ward 10', 'ward 2', 'Éclairs']); // [2, 1, 0]: Éclairs, ward 2, Ward 10
 */
export function orderByText(texts: readonly string[], folded = texts.map(fold)): number[] {
  const keys = folded.map((text) => text.replace(/\d+/g, (digits) => digits.padStart(16, '0')));
  return Array.from(texts.keys()).sort(
    (a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : compareText(texts[a]!, texts[b]!) || a - b),
  );
}
