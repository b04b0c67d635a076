/// <reference types="node" />
import type { FacetDef } from '../lib/feed.js';
import { formatFacets } from '../lib/formats/kind.js';
import { feedItemOf, type FeedFormat } from '../lib/formats/read.js';
import { newestFirst } from '../lib/order.js';
import type { ConvertOptions } from './convert.js';
import { loadFeed } from './feed-source.js';
import { Exit, writeFileAtomically, type Output } from './io.js';
import { DEFAULT_FACETS, count, printFindings, toFinding, type Finding } from './report.js';

const FORMAT_NAMES: Record<FeedFormat, string> = {
  json: 'case study JSON',
  rss: 'RSS',
  atom: 'Atom',
  jsonfeed: 'JSON Feed',
  wordpress: 'WordPress REST API',
  jsonapi: 'Drupal JSON:API',
};

/**
 * `case-study-finder convert FEED`: turns a feed another CMS publishes (RSS, Atom, JSON Feed,
 * WordPress REST, Drupal JSON:API), from a file or an address (every page of it), into our
 * feed, with the widget's own readers and check, so the feed written is exactly what the widget
 * would show from the original. Items the check would skip are reported and left out.
 *
 * Exit 0 when every item was converted, 1 when some were left out (nothing is written when
 * none could be), 2 when the feed cannot be read at all.
 */
export async function convertFeed(path: string, bytes: Uint8Array | undefined, options: ConvertOptions, out: Output): Promise<number> {
  const report = (text: string): void => (options.out ? out.stdout(text) : out.stderr(text));
  const { name, format, pages, parsed, notes } = await loadFeed(path, { from: options.from === 'csv' ? undefined : options.from }, bytes);
  const locate = (index: number): string => `item ${index + 1}`;
  const leftOut = parsed.skipped.map((problem) => toFinding(problem, locate));
  const warnings: Finding[] = [...notes.map((reason) => ({ where: 'the feed', reason })), ...parsed.warnings.map((problem) => toFinding(problem, locate))];
  const source = `${name} (${FORMAT_NAMES[format]}${pages > 1 ? `, ${pages} pages` : ''})`;
  const items = parsed.items.map(feedItemOf);

  if (items.length === 0) {
    report(
      leftOut.length === 0
        ? `✗ ${source} has no items, so nothing was written.\n`
        : `✗ None of the ${count(leftOut.length, 'item', 'items')} of ${source} could be converted, so nothing was written.\n`,
    );
    printFindings(report, leftOut, warnings);
    return Exit.problems;
  }

  // Filters the items can use, as the widget chooses them (formatFacets): their topics and
  // support types, else (a feed without categories, such as LocalGov Drupal's or Jadu's RSS)
  // the year they were published; written out with their labels.
  const yearsOnly = formatFacets(parsed.items).length > 0;
  const facets: FacetDef[] = parsed.facets.length
    ? parsed.facets
    : yearsOnly
      ? [{ key: 'year', label: 'Year' }]
      : DEFAULT_FACETS.filter((facet) => items.some((item) => facet.key in item));
  const json = `${JSON.stringify({ title: options.title ?? parsed.title ?? 'Case studies', facets, ...newestFirst(items, parsed.items) }, null, 2)}\n`;
  const destination = options.out ?? 'standard output';
  if (options.out) writeFileAtomically(options.out, json);
  else out.stdout(json);

  const studies = count(items.length, 'case study', 'case studies');
  report(
    leftOut.length === 0
      ? `✓ ${studies} converted from ${source}, written to ${destination}\n`
      : `✗ ${leftOut.length} of ${count(items.length + leftOut.length, 'item', 'items')} in ${source} could not be converted and ${leftOut.length === 1 ? 'was' : 'were'} left out; ${studies} written to ${destination}\n`,
  );
  printFindings(report, leftOut, warnings);
  return leftOut.length === 0 ? Exit.ok : Exit.problems;
}
