/// <reference types="node" />
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { decodeText } from '../lib/decode.js';
import { FeedError, isRecord, parseFeed, readJson, type CaseStudy, type ParsedFeed } from '../lib/feed.js';
import { isSafeUrl } from '../lib/url.js';
import { formatDate, plural, stringsFor, type Lang } from '../i18n/format.js';
import { CliError, Exit, displayName, readInput, writeFileAtomically, type Output } from './io.js';
import { count, formatFinding, toFinding } from './report.js';

export interface HtmlOptions {
  /** Where to write the HTML; standard output when absent. */
  out?: string;
  /** Also write the feed as a `<script type="application/json">` child. */
  inlineJson: boolean;
  /** Level of the list's heading (1-5); each case study's title is one level below. */
  headingLevel: number;
  /** Language of the words the command adds (the dates, the heading when the feed has no title). */
  lang: Lang;
}

/**
 * `case-study-finder html FEED`: the whole feed as the element's no-JavaScript fallback, to put
 * inside `<case-study-finder>`: a heading, then a list with each case study's linked title,
 * organisation, date and summary. Visitors without JavaScript, and crawlers that run none, get
 * every case study as a real link; the element hides the list when it runs and shows it again
 * if the feed cannot be loaded. The feed is read with the widget's own `parseFeed`, so the list
 * holds exactly the case studies the widget shows (unsafe web addresses never reach an href).
 *
 * The markup is ASCII only (other letters as character references), so it can be pasted into a
 * template saved in any encoding. With `inlineJson` the feed follows in a
 * `<script type="application/json">`, which the element reads instead of making a request.
 *
 * Exit 0 when every item is listed, 1 when some were left out (the rest is written), 2 when the
 * file cannot be read as a feed or `out` is the feed itself.
 */
export function html(path: string, options: HtmlOptions, out: Output): number {
  const file = displayName(path);
  if (options.out !== undefined && path !== '-' && sameFile(path, options.out)) {
    throw new CliError(
      `--out "${options.out}" is the feed itself: the html command never overwrites its input. Write to another file, such as case-studies.html.`,
    );
  }
  const report = (text: string): void => (options.out ? out.stdout(text) : out.stderr(text));
  const json = readFeedJson(decodeText(readInput(path)).text, file);
  let feed: ParsedFeed;
  try {
    feed = parseFeed(json);
  } catch (error) {
    if (error instanceof FeedError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }

  const items = feed.items.filter((item) => isSafeUrl(item.url));
  let text = renderList(feed, items, options);
  if (options.inlineJson) text += `${renderInlineJson(json, new Set(feed.skipped.map((problem) => problem.index)))}\n`;
  if (options.out) writeFileAtomically(options.out, text);
  else out.stdout(text);

  const leftOut = feed.skipped.map((problem) => toFinding(problem, (index) => `item ${index + 1}`));
  const destination = options.out ?? 'standard output';
  const studies = count(items.length, 'case study', 'case studies');
  report(
    leftOut.length === 0
      ? `✓ ${studies} listed, written to ${destination}\n`
      : `✗ ${leftOut.length} of ${count(items.length + leftOut.length, 'item', 'items')} in ${file} cannot be shown and ${leftOut.length === 1 ? 'was' : 'were'} left out; ${studies} written to ${destination}\n` +
          `\nLeft out:\n${leftOut.map((finding) => `  ${formatFinding(finding)}\n`).join('')}` +
          `Run "case-study-finder validate ${path}" for the whole report.\n`,
  );
  return leftOut.length === 0 ? Exit.ok : Exit.problems;
}

/** True when `out` names the file at `input`, by another path or a link included. */
function sameFile(input: string, out: string): boolean {
  if (!existsSync(out) || !existsSync(input)) return resolve(out) === resolve(input);
  if (realpathSync(out) === realpathSync(input)) return true;
  const [a, b] = [statSync(input), statSync(out)];
  return a.dev === b.dev && a.ino === b.ino;
}

function readFeedJson(text: string, file: string): unknown {
  try {
    return readJson(text);
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    throw new CliError(`${file}: ${error.message}\n  Run "case-study-finder validate ${file}" to see where.`);
  }
}

/**
 * The heading and the list. The shape is the WordPress plugin's too (a heading, then per case
 * study an `<h3>` link, organisation and date, summary), so both fallbacks read alike.
 */
function renderList(feed: ParsedFeed, items: CaseStudy[], { headingLevel, lang }: HtmlOptions): string {
  const text = stringsFor(lang);
  const heading = feed.title?.trim() || plural(lang, text.chipCount, items.length);
  const h = `h${headingLevel}`;
  const title = `h${headingLevel + 1}`;
  const entries = items.map((item) => {
    const meta = [
      item.organisation ? escapeHtml(item.organisation) : '',
      item.date && item.time !== undefined ? `<time datetime="${escapeHtml(item.date)}">${escapeHtml(formatDate(lang, item.time))}</time>` : '',
    ].filter(Boolean);
    return [
      '  <li>',
      `    <${title}><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a></${title}>`,
      ...(meta.length ? [`    <p>${meta.join(' &middot; ')}</p>`] : []),
      ...(item.summary ? [`    <p>${escapeHtml(item.summary)}</p>`] : []),
      '  </li>',
    ].join('\n');
  });
  return `<${h}>${escapeHtml(heading)}</${h}>\n<ul>\n${entries.join('\n')}${entries.length ? '\n' : ''}</ul>\n`;
}

/**
 * The feed for the element to read from the page, without the items it would skip. Every `<`
 * is written `\u003c`, so no text in the feed can close the script (`</script`) or open a
 * comment (`<!--`); other letters beyond ASCII are `\u` escapes too.
 */
function renderInlineJson(json: unknown, skipped: Set<number>): string {
  const keep = (items: unknown[]) => items.filter((_, index) => !skipped.has(index));
  const shown = Array.isArray(json) ? keep(json) : isRecord(json) && Array.isArray(json.items) ? { ...json, items: keep(json.items) } : json;
  const body = JSON.stringify(shown)
    .replace(/</g, '\\u003c')
    .replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json">${body}</script>`;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content or a quoted attribute, in ASCII. */
function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (char) => ENTITIES[char]!)
    .replace(/[^\0-\x7e]/gu, (char) => `&#x${char.codePointAt(0)!.toString(16)};`);
}
