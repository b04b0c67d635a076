import { duplicateReason, type FacetDef, type FeedProblem } from '../lib/feed.js';

/** How a command names the place of an item: "item 8" in a feed, "line 12" in a CSV file. */
export type Locate = (index: number) => string;

/** A feed problem as the CLI reports it, with the place a person would look for it. */
export interface Finding {
  /** "item 8", "line 12", "facet "topic"" or "the file". */
  where: string;
  /** The 0-based index of the item in the feed, when the finding is about one item. */
  index?: number;
  /** The line of a CSV file the finding is about, for sorting by it. */
  line?: number;
  /** The facet key, when the finding is about a facet. */
  facet?: string;
  id?: string;
  title?: string;
  reason: string;
}

/**
 * Turns a problem from `parseFeed` into a finding. `parseFeed` counts items from 0, as the
 * `csf-load` event does; people count from 1 and CSV users count lines, so the first item
 * with a repeated id is named the same way as the place of the finding.
 */
export function toFinding(problem: FeedProblem, locate: Locate): Finding {
  const { duplicateOf } = problem;
  const finding: Finding = {
    where: locate(problem.index),
    index: problem.index,
    reason: duplicateOf ? duplicateReason(duplicateOf, locate(duplicateOf.index)) : problem.reason,
  };
  if (problem.id !== undefined) finding.id = problem.id;
  if (problem.title !== undefined) finding.title = problem.title;
  return finding;
}

/**
 * One line for a finding: the place, the title (or else the id) so the webmaster can find the
 * item, then the reason.
 *
 * @example
 * formatFinding({ where: 'item 8', title: 'Tameside Story Makers', reason: 'title is missing' });
 * // 'item 8 "Tameside Story Makers": title is missing'
 */
export function formatFinding(finding: Finding): string {
  const label = finding.title ? ` "${oneLine(finding.title)}"` : finding.id ? ` (id "${oneLine(finding.id)}")` : '';
  return `${finding.where}${label}: ${finding.reason}`;
}

// A title from a CSV cell may span lines; the report keeps one problem per line.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

const englishPlurals = new Intl.PluralRules('en-GB');

/**
 * A count with its noun in the right form.
 *
 * @example
 * count(1, 'case study', 'case studies'); // '1 case study'
 */
export function count(n: number, one: string, other: string): string {
  return `${n} ${englishPlurals.select(n) === 'one' ? one : other}`;
}

/** Facets a converted feed offers when its rows use them, labelled as in the sample feed. */
export const DEFAULT_FACETS: FacetDef[] = [
  { key: 'topics', label: 'Topics' },
  { key: 'supportTypes', label: 'Support type' },
];

/** Prints the items left out and the warnings of a conversion, each under its heading. */
export function printFindings(report: (text: string) => void, leftOut: Finding[], warnings: Finding[]): void {
  if (leftOut.length > 0) {
    report(`\nLeft out:\n${leftOut.map((finding) => `  ${formatFinding(finding)}\n`).join('')}`);
  }
  if (warnings.length > 0) {
    report(`\nWarnings:\n${warnings.map((finding) => `  ${formatFinding(finding)}\n`).join('')}`);
  }
}
