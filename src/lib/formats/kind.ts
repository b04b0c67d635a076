import { isRecord, type FacetDef } from '../feed.js';

/*
 * What the page needs to know of other formats before it reads one: kept apart from the readers,
 * which the self-contained bundle loads only for a feed that is not our JSON
 * (src/lib/formats/page-reader.ts).
 */

/** The JSON formats of other publishers. */
export type JsonFormat = 'jsonfeed' | 'wordpress' | 'jsonapi';

/**
 * Which JSON format a document is in: by its shape, else its content type.
 *
 * @example
 * jsonFormat([{ title: { rendered: 'A' } }], 'application/json'); // 'wordpress'
 * jsonFormat({ items: [] }, 'application/json');                  // 'json' (ours)
 */
export function jsonFormat(json: unknown, contentType: string): JsonFormat | 'json' {
  if (Array.isArray(json)) return isRecord(json[0]) && isRecord(json[0].title) && json[0].title.rendered !== undefined ? 'wordpress' : 'json';
  if (!isRecord(json)) return 'json';
  if ((typeof json.version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(json.version)) || (contentType.includes('feed+json') && Array.isArray(json.items))) return 'jsonfeed';
  return 'data' in json && !('items' in json) && ('jsonapi' in json || 'links' in json || contentType.includes('api+json')) ? 'jsonapi' : 'json';
}

/**
 * The filters a feed read from another format offers when it names none: topics and support
 * types when its items have them, else (LocalGov Drupal's or Jadu's RSS have no categories) the
 * year each item was published, else none.
 */
export function formatFacets(items: ReadonlyArray<{ topics: string[]; supportTypes: string[]; date?: string }>): FacetDef[] {
  if (items.some((item) => item.topics.length || item.supportTypes.length)) return [];
  return items.some((item) => item.date) ? [{ key: 'year' }] : [];
}
