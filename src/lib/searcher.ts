import type { CaseStudy } from './feed.js';
import { SearchIndex, type SearchDoc, type SearchResult } from './search.js';
import { terms } from './text.js';

/** Field weights: a title match outranks tags and organisation, which outrank the summary. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, organisation: 2, summary: 1 } as const;

/**
 * Feeds up to this size are indexed at once, on the first query (a few tens of ms); larger
 * ones in slices between other work, starting as soon as the feed is shown.
 */
const SYNC_LIMIT = 2000;

/** The searchable text of a case study, one entry per {@link FIELD_WEIGHTS} field. */
export function toSearchDoc(item: CaseStudy): SearchDoc {
  const tags = [...item.topics, ...item.supportTypes, ...item.keywords];
  if (item.collection) tags.push(item.collection.label);
  return [item.title, tags.join('\n'), item.organisation ?? '', item.summary ?? ''];
}

/**
 * Answers queries over a feed: synchronously once the index is built, with a promise while a
 * large feed is still being indexed. The element treats both the same way and keeps only the
 * newest query's answer.
 */
export interface Searcher {
  search(query: string): SearchResult | Promise<SearchResult>;
}

/**
 * Gives the browser a turn (input, paint) between slices of work. A message round trip, not
 * setTimeout, which browsers clamp to 4 ms after a few nested calls.
 */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs a generator's steps in tasks of about `budget` ms, yielding to the browser between. */
async function runSliced(steps: Generator<void>, budget = 8): Promise<void> {
  for (;;) {
    await yieldToMain();
    const until = performance.now() + budget;
    do {
      if (steps.next().done) return;
    } while (performance.now() < until);
  }
}

/**
 * The searcher for a feed's items. A large feed is indexed in slices of a few milliseconds,
 * so a visitor can scroll and type while it is built; queries made meanwhile are answered once
 * it is ready, and an empty query never waits.
 */
export function createSearcher(items: readonly CaseStudy[]): Searcher {
  const index = new SearchIndex([], Object.values(FIELD_WEIGHTS));
  // An empty search needs no index: the first cards appear without waiting for one.
  const everything: SearchResult = { indices: Int32Array.from(items.keys()), matched: [] };
  if (items.length <= SYNC_LIMIT) {
    let built = false;
    return {
      search(query) {
        if (terms(query).length === 0) return everything;
        if (!built) index.add(items.map(toSearchDoc));
        built = true;
        return index.search(query);
      },
    };
  }
  let ready = false;
  const built = runSliced(index.build(items.map(toSearchDoc))).then(() => {
    ready = true;
  });
  return {
    search(query) {
      if (terms(query).length === 0) return everything;
      return ready ? index.search(query) : built.then(() => index.search(query));
    },
  };
}
