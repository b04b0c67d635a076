/// <reference types="node" />
import { formatDate, plural, stringsFor, type Lang } from '../i18n/format.js';
import type { CaseStudy, ParsedFeed } from '../lib/feed.js';
import { feedItemOf } from '../lib/formats/read.js';
import { isSafeUrl } from '../lib/url.js';
import { loadFeed, type FromFormat } from './feed-source.js';
import { Exit, checkOutput, displayName, writeFileAtomically, type Output } from './io.js';
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
  /** Read the feed as this format instead of recognising it. */
  from?: FromFormat;
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
export async function html(path: string, options: HtmlOptions, out: Output): Promise<number> {
  if (options.out !== undefined) checkOutput(path, options.out, { input: 'the feed itself', output: 'the list', example: 'case-studies.html' });
  const file = displayName(path);
  const report = (text: string): void => (options.out ? out.stdout(text) : out.stderr(text));
  const { parsed: feed } = await loadFeed(path, { from: options.from });

  const items = feed.items.filter((item) => isSafeUrl(item.url));
  let text = renderList(feed, items, options);
  if (options.inlineJson) text += `${renderInlineJson(feed, items)}\n`;
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
      // The day as the feed wrote it, as the widget's cards show it, whatever the offset.
      item.date ? `<time datetime="${escapeHtml(item.date)}">${escapeHtml(formatDate(lang, Date.parse(`${item.date.slice(0, 10)}T00:00:00Z`)))}</time>` : '',
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
 * The feed for the element to read from the page: the case studies listed, as our JSON (a
 * feed in another format, converted), with the feed's title and filter groups. Every `<` is
 * written `\u003c`, so no text in the feed can close the script (`</script`) or open a comment
 * (`<!--`); other letters beyond ASCII are `\u` escapes too.
 */
function renderInlineJson(feed: ParsedFeed, items: CaseStudy[]): string {
  const shown = { ...(feed.title && { title: feed.title }), ...(feed.facets.length && { facets: feed.facets }), items: items.map(feedItemOf) };
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
