import type { FacetValue } from './facets.js';
import { fold } from './text.js';

/** A folded group shows about this many values: the most useful ones. */
export const FOLDED_SIZE = 10;
/** A group with more values than this is long: folded to its most useful, with a box to narrow it. */
export const LONG_FROM = 15;
/** At most this many values of one group are drawn at once; the box finds the others. */
export const DRAWN_AT_MOST = 200;

/** How a visitor has set out one group. */
export interface ListOptions {
  /** "Show all" was chosen. */
  expanded: boolean;
  /** Text typed in the group's box (empty: none). */
  narrow: string;
}

/** The values of one filter group to draw, and what the group's controls should say. */
export interface FacetList {
  /** The values to draw, in the group's own (alphabetical) order. */
  shown: FacetValue[];
  /** The group has more values than it shows folded, so it offers "Show all". */
  foldable: boolean;
  /** The group is long enough to have a box that narrows it. */
  narrowable: boolean;
  /** Values matching the box's text (every value when it is empty). */
  matching: number;
  /** Matching values not drawn: past {@link DRAWN_AT_MOST}, for the box to find. */
  undrawn: number;
}

/**
 * Which values of a filter group to draw, in the pattern of GOV.UK's option select and
 * Algolia's refinement list: a short group (up to 15 values) shows every value; a long one,
 * folded, shows its ten values with the most case studies and every chosen value; "Show all" or typing in the box
 * shows the rest (those with no case studies last); the box keeps the values whose name holds every
 * word typed, "&" and "and" alike. Chosen values are always shown. The order
 * is always the group's own, so that choosing a value never moves the one a keyboard user is
 * on: a group's counts do not depend on its own choices, so its top ten stay as they are.
 *
 * @example
 * listValues(organisations, { expanded: false, narrow: '' }).shown.length; // 10 (+ chosen)
 * listValues(organisations, { expanded: false, narrow: 'wakefield' }).shown; // [Wakefield Council]
 * listValues(organisations, { expanded: false, narrow: 'brighton &' }).shown; // [Brighton and Hove City Council]
 */
export function listValues(values: readonly FacetValue[], { expanded, narrow }: ListOptions): FacetList {
  const foldable = values.length > LONG_FROM;
  const narrowable = foldable;
  // "&" and "and" are one word: "brighton &" leaves "Brighton and Hove City Council", and back.
  const words = narrowable ? narrow.replace(/&/g, ' and ').split(/\s+/).filter(Boolean).map(fold) : [];
  let matching = values.length;
  let wanted: (value: FacetValue) => boolean;
  if (words.length) {
    const matches = (value: FacetValue) => words.every((word) => value.folded.includes(word) || (word === 'and' && value.folded.includes('&')));
    matching = values.filter(matches).length;
    wanted = (value) => value.selected || matches(value);
  } else if (foldable && !expanded) {
    // The ten with most case studies (ties in the group's order), and whatever is chosen.
    const top = new Set(
      values
        .filter((value) => value.count > 0)
        .sort((a, b) => b.count - a.count)
        .slice(0, FOLDED_SIZE),
    );
    wanted = (value) => value.selected || top.has(value);
  } else {
    wanted = () => true;
  }
  let shown = values.filter(wanted);
  if (foldable || words.length) {
    // In a long list, values that would give nothing come after those that would.
    shown = [...shown.filter((value) => value.count > 0 || value.selected), ...shown.filter((value) => value.count === 0 && !value.selected)];
  }
  const undrawn = Math.max(0, shown.length - DRAWN_AT_MOST);
  return { shown: undrawn ? shown.slice(0, DRAWN_AT_MOST) : shown, foldable, narrowable, matching, undrawn };
}
