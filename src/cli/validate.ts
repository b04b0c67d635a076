import { fieldValues } from '../lib/facets.js';
import type { ParsedFeed } from '../lib/feed.js';
import { loadFeed, type FromFormat } from './feed-source.js';
import { CliError, Exit, displayName, type Output } from './io.js';
import { count, formatFinding, toFinding, type Finding } from './report.js';

export interface ValidateOptions {
  /** Print a machine-readable report instead of sentences. */
  json: boolean;
  /** Treat warnings (fields left out, unused facets) as failures too. */
  strict: boolean;
  /** Read the feed as this format instead of recognising it. */
  from?: FromFormat;
}

/** The `--json` report. `ok` is true exactly when the exit code is 0. */
export interface ValidationReport {
  ok: boolean;
  file: string;
  /** Items in the feed. */
  total: number;
  /** Items the widget will show. */
  valid: number;
  skipped: ReportEntry[];
  warnings: ReportEntry[];
}

/** A problem in the report: `item` counts from 1, `index` from 0 (as in the `csf-load` event). */
export interface ReportEntry {
  item?: number;
  index?: number;
  facet?: string;
  id?: string;
  title?: string;
  reason: string;
}

/** What a `--json` run prints when the feed cannot be checked at all. */
export interface FailureReport {
  ok: false;
  file: string;
  error: { message: string; line?: number; column?: number };
}

const locateItem = (index: number): string => `item ${index + 1}`;

/**
 * `case-study-finder validate FEED`: checks a feed with the same readers, schema and rules as
 * the widget, and lists what a webmaster must fix.
 *
 * Exit 0 when every item can be shown; 1 when some cannot (or, with `strict`, when anything
 * was left out of an item); 2 when the file cannot be checked at all (missing, not JSON, not a
 * feed). Warnings alone do not fail by default, because the widget shows those items.
 */
export async function validate(path: string, options: ValidateOptions, out: Output): Promise<number> {
  const file = displayName(path);
  let feed: ParsedFeed;
  let fileWarnings: string[];
  try {
    // The widget's own readers: our JSON, or RSS, Atom, JSON Feed, WordPress or JSON:API, from
    // a file or an address (every page of it).
    ({ parsed: feed, notes: fileWarnings } = await loadFeed(path, { from: options.from }));
  } catch (error) {
    if (!(error instanceof CliError) || !options.json) throw error;
    const report: FailureReport = { ok: false, file, error: { message: error.message, ...error.position } };
    out.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return error.exitCode;
  }

  const skipped = feed.skipped.map((problem) => toFinding(problem, locateItem));
  const warnings = [
    ...fileWarnings.map((reason): Finding => ({ where: 'the file', reason })),
    ...feed.warnings.map((problem) => toFinding(problem, locateItem)),
    ...unusedFacets(feed),
  ];
  const total = feed.items.length + feed.skipped.length;
  const ok = skipped.length === 0 && (!options.strict || warnings.length === 0);

  if (options.json) {
    const report: ValidationReport = {
      ok,
      file,
      total,
      valid: feed.items.length,
      skipped: skipped.map(toEntry),
      warnings: warnings.map(toEntry),
    };
    out.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return ok ? Exit.ok : Exit.problems;
  }

  out.stdout(`${summarise(file, total, skipped.length, warnings.length, options.strict)}\n`);
  if (skipped.length > 0) {
    out.stdout(`\nSkipped (not shown on the page):\n${skipped.map((f) => `  ${formatFinding(f)}\n`).join('')}`);
  }
  if (warnings.length > 0) {
    out.stdout(`\nWarnings:\n${warnings.map((f) => `  ${formatFinding(f)}\n`).join('')}`);
  }
  return ok ? Exit.ok : Exit.problems;
}

/** A facet whose key no item has values for shows no chips: most often a misspelt key. */
function unusedFacets(feed: ParsedFeed): Finding[] {
  if (feed.items.length === 0) return [];
  return feed.facets
    .filter((facet) => feed.items.every((item) => fieldValues(item, facet.key).length === 0))
    .map((facet) => ({
      where: `facet "${facet.key}"`,
      facet: facet.key,
      reason: `no case study has a "${facet.key}" field with a value, so this filter will show no choices (check the spelling)`,
    }));
}

function toEntry({ index, facet, id, title, reason }: Finding): ReportEntry {
  return {
    ...(index !== undefined && { item: index + 1, index }),
    ...(facet !== undefined && { facet }),
    ...(id !== undefined && { id }),
    ...(title !== undefined && { title }),
    reason,
  };
}

function summarise(file: string, total: number, skipped: number, warnings: number, strict: boolean): string {
  const studies = count(total, 'case study', 'case studies');
  if (total === 0 && warnings === 0) return `✓ ${file} is a valid feed with no case studies in it`;
  if (skipped === 0 && warnings === 0) return `✓ ${studies}, all valid`;
  const warned = count(warnings, 'warning', 'warnings');
  if (skipped === 0) return `${strict ? '✗' : '✓'} ${studies}, all valid, with ${warned}`;
  const also = warnings === 0 ? '' : `, and there ${warnings === 1 ? 'is' : 'are'} ${warned}`;
  return `✗ ${file}: ${skipped} of ${studies} cannot be shown${also}`;
}
