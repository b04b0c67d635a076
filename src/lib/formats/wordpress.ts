import { isRecord } from '../feed.js';
import { feedDate } from './dates.js';
import { firstWords, htmlText, summaryText } from './html.js';
import { at, readItems, resolve, str, terms, type FeedItem, type ReadItems } from './item.js';

/** A field name a feed may add: a WordPress taxonomy or a Drupal relationship ("__proto__" is not one). */
export const FIELD_NAME = /^[a-z][\w-]*$/i;

/**
 * Reads WordPress REST posts (`/wp-json/wp/v2/posts?_embed`, or any post type). A post's title,
 * excerpt and term names are HTML-escaped in the JSON and are decoded; its summary is the
 * excerpt (a " […]" tail made "…"), else the first words of the content; its date
 * `date_gmt` on the UK's clock (as its RSS feed's); categories are topics (not
 * "Uncategorized"), tags keywords, and other taxonomies fields of their own name; the image is
 * the featured media with its alt text (the 768-pixel size when there is one). The author is a
 * WordPress user and is left out; the organisation comes from the case study plugin's
 * `case_study_organisation` field when the site has it. Password-protected posts are left out.
 */
export function readWordPress(all: unknown[], url?: string): ReadItems {
  // A password-protected post is listed with its content withheld: not a case study to show.
  const posts = all.filter((post) => at(post, 'content.protected') !== true);
  const hidden = all.length - posts.length;
  const read = readItems(posts, (post: Record<string, unknown>) => {
    // Absent without a featured image; an error object instead of the media when it is private.
    const media = at(post, '_embedded.wp:featuredmedia.0');
    const src = str(media, 'media_details.sizes.medium_large.source_url', 'media_details.sizes.large.source_url', 'source_url');
    const gmt = str(post, 'date_gmt');
    const item: FeedItem = {
      id: post.id as number,
      title: htmlText(str(post, 'title.rendered')),
      url: resolve(str(post, 'link'), url),
      summary: summaryText(str(post, 'excerpt.rendered')) || firstWords(htmlText(str(post, 'content.rendered'))),
      organisation: htmlText(str(post, 'meta.case_study_organisation')),
      // date_gmt, read as every feed's UTC times are (the UK's clock): WordPress's own RSS gives
      // the same, and `date` has no offset to read it by.
      date: feedDate(gmt ? `${gmt}Z` : str(post, 'date')),
      image: src && str(media, 'media_type') !== 'file' ? { src: resolve(src, url), alt: htmlText(str(media, 'alt_text')) } : undefined,
    };
    const groups = at(post, '_embedded.wp:term');
    for (const term of (Array.isArray(groups) ? groups.flat() : []).filter(isRecord)) {
      const taxonomy = str(term, 'taxonomy');
      const field = taxonomy === 'category' ? 'topics' : taxonomy === 'post_tag' ? 'keywords' : taxonomy;
      if (!FIELD_NAME.test(field) || (field in item && !Array.isArray(item[field]))) continue;
      item[field] = [...((item[field] as string[] | undefined) ?? []), str(term, 'name')];
    }
    for (const [field, value] of Object.entries(item)) if (Array.isArray(value)) item[field] = terms(value as string[]);
    return item;
  });
  if (hidden) read.notes.push(`${hidden} password-protected post${hidden > 1 ? 's were' : ' was'} left out.`);
  return read;
}
