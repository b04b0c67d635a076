import type { CaseStudy } from './feed.js';
import type { SearchDoc } from './search.js';

/** Field weights: a title match outranks tags and organisation, which outrank the summary. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, organisation: 2, summary: 1 } as const;

/**
 * The searchable text of a case study, one entry per {@link FIELD_WEIGHTS} field: its topics,
 * support types, keywords and collection label are searched together as tags.
 *
 * @example
 * toSearchDoc(item); // ['Tameside Story Makers', 'Early years\nLibraries', 'Tameside …', 'Weekly …']
 */
export function toSearchDoc(item: CaseStudy): SearchDoc {
  const tags = [...item.topics, ...item.supportTypes, ...item.keywords];
  if (item.collection) tags.push(item.collection.label);
  return [item.title, tags.join('\n'), item.organisation ?? '', item.summary ?? ''];
}
