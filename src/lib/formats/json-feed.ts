import { isRecord } from '../feed.js';
import { feedDate } from './dates.js';
import { firstWords, htmlText, plainText, summaryText } from './html.js';
import { at, records, resolve, str, terms, tidy, type ReadItems } from './item.js';

/** The names of a JSON Feed object's authors (1.1 `authors`, 1.0 `author`), joined. */
const authorNames = (holder: unknown): string =>
  records(at(holder, 'authors') ?? at(holder, 'author'))
    .map((author) => htmlText(str(author, 'name')))
    .filter(Boolean)
    .join(', ');

/**
 * Reads JSON Feed 1.0 and 1.1. An item's link is its `url`, else `external_url`; its summary
 * `summary`, else the first words of `content_text` or `content_html`; its date
 * `date_published`, else `date_modified`; its topics its `tags`; its image `image`, else
 * `banner_image`; its organisation its authors (JSON Feed's authors are whoever published it,
 * often the council itself), else the feed's. `next_url` is the next page.
 */
export function readJsonFeed(json: Record<string, unknown>, url?: string): ReadItems {
  const base = url ?? (str(json, 'feed_url') || undefined);
  const organisation = authorNames(json);
  const entries = Array.isArray(json.items) ? json.items : [];
  const items = entries.map((entry) => {
    if (!isRecord(entry)) return entry;
    const image = str(entry, 'image') || str(entry, 'banner_image');
    return tidy({
      id: typeof entry.id === 'number' ? entry.id : str(entry, 'id'),
      title: htmlText(str(entry, 'title')),
      url: resolve(str(entry, 'url') || str(entry, 'external_url'), base),
      summary: summaryText(str(entry, 'summary')) || firstWords(plainText(str(entry, 'content_text')) || htmlText(str(entry, 'content_html'))),
      organisation: authorNames(entry) || organisation,
      date: feedDate(str(entry, 'date_published') || str(entry, 'date_modified')),
      topics: terms(Array.isArray(entry.tags) ? entry.tags.map((tag) => str(tag)) : []),
      image: image ? { src: resolve(image, base), alt: '' } : undefined,
    });
  });
  const next = str(json, 'next_url');
  return { title: htmlText(str(json, 'title')), items, entries, notes: [], ...(next && { next: resolve(next, base) }) };
}
