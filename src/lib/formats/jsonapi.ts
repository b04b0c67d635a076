import { readFilterAttribute } from '../url-state.js';
import { feedDate } from './dates.js';
import { firstWords, htmlText, summaryText } from './html.js';
import { at, readItems, records, resolve, str, terms, type FeedItem, type ReadItems } from './item.js';
import { FIELD_NAME } from './wordpress.js';

/**
 * Which Drupal fields hold what, by item field: `image` (relationships to media or files),
 * `date` and `summary` (attributes, the first with a value wins), and any other key (`topics`,
 * `supportTypes`, `keywords`, or a name of your own for a filter) relationships to taxonomy
 * terms, whose names become its values.
 */
export type JsonApiFields = Record<string, string[]>;

/**
 * LocalGov Drupal's names (news articles, and topic-classified service pages), with Drupal's
 * standard article fields after them; a site's own names replace these key by key.
 */
export const LOCALGOV_FIELDS: Readonly<JsonApiFields> = {
  topics: ['localgov_news_categories', 'localgov_topic_classified', 'field_tags'],
  image: ['localgov_news_image', 'field_media_image', 'field_image'],
  date: ['localgov_news_date', 'created'],
  summary: ['body'],
};

/**
 * The field names a webmaster writes in an attribute, as `key:field` pairs separated by `;`
 * (several fields for one key by repeating it or with commas), the syntax of the `filter`
 * attribute.
 *
 * @example
 * readJsonApiFields('topics: field_service, field_tags; supportTypes: field_support; image: field_hero');
 * // { topics: ['field_service', 'field_tags'], supportTypes: ['field_support'], image: ['field_hero'] }
 */
export function readJsonApiFields(attribute: string | undefined): JsonApiFields {
  const fields: JsonApiFields = {};
  for (const [key, values] of readFilterAttribute(attribute)) {
    if (FIELD_NAME.test(key)) fields[key] = values.flatMap((value) => value.split(/[\s,]+/)).filter(Boolean);
  }
  return fields;
}

const key = (resource: unknown): string => `${str(resource, 'type')} ${str(resource, 'id')}`;
const isFile = (resource: unknown): boolean => str(resource, 'type').startsWith('file--');
const references = (resource: unknown, name: string) => records(at(resource, `relationships.${name}.data`));

/**
 * Reads a Drupal JSON:API collection (`/jsonapi/node/TYPE?include=…`). A node's link is its
 * `path.alias`, else `/node/{nid}`, on the site the feed is on; title, date, summary, terms and
 * image come from the fields named in `names` (LocalGov Drupal's by default), with terms and
 * images looked up in `included`. An image is a file, or a media item whose file is included
 * too; its alt text is the file reference's. A reference the feed does not include is left out
 * (a deleted or unpublished term); when none of a field's are included, a note says which
 * `include` to add to the address. `links.next` is the next page.
 */
export function readJsonApi(json: Record<string, unknown>, url?: string, names: JsonApiFields = {}): ReadItems {
  const fields: JsonApiFields = { ...LOCALGOV_FIELDS, ...names };
  const included = new Map(records(json.included).map((resource) => [key(resource), resource]));
  // Include paths ("localgov_news_image.field_media_image") with references found, and not found.
  const found = new Set<string>();
  const missing = new Set<string>();
  // Aliases are paths on the site, which may live below the address's root (/council/jsonapi/…).
  const site = url?.includes('/jsonapi') ? url.slice(0, url.indexOf('/jsonapi') + 1) : url;

  /** The included resources a relationship names, each with its reference (where a file's alt is). */
  const follow = (resource: unknown, name: string, path = name): Array<[unknown, unknown]> =>
    references(resource, name).flatMap((reference): Array<[unknown, unknown]> => {
      const target = included.get(key(reference));
      (target ? found : missing).add(path);
      return target ? [[target, reference]] : [];
    });

  const image = (resource: unknown): FeedItem['image'] => {
    for (const name of fields.image!) {
      for (const [target, reference] of follow(resource, name)) {
        // A media item holds its file in a relationship of its own (field_media_image in LocalGov).
        const field = isFile(target) ? '' : Object.keys(Object(at(target, 'relationships'))).find((other) => other !== 'thumbnail' && references(target, other).some(isFile));
        const [file, fileReference] = field ? (follow(target, field, `${name}.${field}`)[0] ?? []) : [target, reference];
        const src = str(file, 'attributes.uri.url');
        if (src) return { src: resolve(src, url), alt: htmlText(str(fileReference, 'meta.alt')) };
      }
    }
    return undefined;
  };

  const next = str(json, 'links.next.href', 'links.next');
  const read = readItems(Array.isArray(json.data) ? json.data : [json.data], (resource: Record<string, unknown>) => {
    const alias = str(resource, 'attributes.path.alias');
    const nid = at(resource, 'attributes.drupal_internal__nid');
    const item: FeedItem = {
      id: str(resource, 'id'),
      title: htmlText(str(resource, 'attributes.title', 'attributes.name')),
      url: alias || nid ? resolve(alias.replace(/^\//, '') || `node/${String(nid)}`, site) : '',
      summary: fields.summary!.map((name) => summaryOf(at(resource, `attributes.${name}`))).find(Boolean),
      date: fields.date!.map((name) => feedDate(str(resource, `attributes.${name}`))).find(Boolean),
      image: image(resource),
    };
    for (const [field, relationships] of Object.entries(fields)) {
      if (field === 'image' || field === 'date' || field === 'summary' || !FIELD_NAME.test(field)) continue;
      item[field] = terms(relationships.flatMap((name) => follow(resource, name).map(([term]) => str(term, 'attributes.name'))));
    }
    return item;
  }, undefined, resolve(next, url));
  const absent = [...missing].filter((path) => !found.has(path));
  if (absent.length) read.notes.push(`Add include=${absent.join(',')} to the feed's address: its items refer to terms or images it does not include.`);
  return read;
}

/** A text field's summary: its `summary` part, else the first words of its text (or the text, when it is plain). */
function summaryOf(value: unknown): string {
  return typeof value === 'string'
    ? summaryText(value)
    : summaryText(str(value, 'summary')) || firstWords(htmlText(str(value, 'processed', 'value')));
}
