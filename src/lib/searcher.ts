import type { CaseStudy } from './feed.js';
import { SearchIndex, type SearchDoc, type SearchResult } from './search.js';

/** Field weights: a title match outranks tags and organisation, which outrank the summary. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, organisation: 2, summary: 1 } as const;

/** The searchable text of a case study, one entry per {@link FIELD_WEIGHTS} field. */
export function toSearchDoc(item: CaseStudy): SearchDoc {
  const tags = [...item.topics, ...item.supportTypes, ...item.keywords];
  if (item.collection) tags.push(item.collection.label);
  return [item.title, tags.join('\n'), item.organisation ?? '', item.summary ?? ''];
}

/**
 * Answers queries over a feed. Synchronous for the feeds councils publish; the element treats
 * a promise the same way, so the engine can move off the main thread without it changing.
 */
export interface Searcher {
  search(query: string): SearchResult | Promise<SearchResult>;
}

/** The searcher for a feed's items. */
export function createSearcher(items: readonly CaseStudy[]): Searcher {
  return new SearchIndex(items.map(toSearchDoc), Object.values(FIELD_WEIGHTS));
}
