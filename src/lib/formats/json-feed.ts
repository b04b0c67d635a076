import { feedDate } from './dates.js';
import { firstWords, htmlText, plainText, summaryText } from './html.js';
import { at, readItems, records, resolve, str, terms, type ReadItems } from './item.js';

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
  const read = (entry: Record<string, unknown>) => {
    const image = str(entry, 'image', 'banner_image');
    return {
      id: typeof entry.id === 'number' ? entry.id : str(entry, 'id'),
      title: htmlText(str(entry, 'title')),
      url: resolve(str(entry, 'url', 'external_url'), base),
      summary: summaryText(str(entry, 'summary')) || firstWords(plainText(str(entry, 'content_text')) || htmlText(str(entry, 'content_html'))),
      organisation: authorNames(entry) || organisation,
      date: feedDate(str(entry, 'date_published', 'date_modified')),
      topics: terms(Array.isArray(entry.tags) ? entry.tags.map((tag) => str(tag)) : []),
      image: image ? { src: resolve(image, base), alt: '' } : undefined,
    };
  };
  return readItems(Array.isArray(json.items) ? json.items : [], read, htmlText(str(json, 'title')), resolve(str(json, 'next_url'), base));
}
