import type { CaseStudy } from './feed.js';
import { SearchIndex, type SearchDoc, type SearchResult } from './search.js';
import { terms } from './text.js';

/** Field weights: a title match outranks tags and organisation, which outrank the summary. */
export const FIELD_WEIGHTS = { title: 3, tags: 2, organisation: 2, summary: 1 } as const;

/**
 * Up to this size, a query made while the index is still being built finishes the build at
 * once (tens of ms at most); larger feeds answer when the sliced build is done.
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
  /** Stops building the index (the feed was replaced). */
  stop(): void;
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
    // A stopped build was returned, which ends the generator: nothing more to do.
    const until = performance.now() + budget;
    do {
      if (steps.next().done) return;
    } while (performance.now() < until);
  }
}

/**
 * The searcher for a feed's items. The index is built in slices of a few milliseconds from the
 * moment the feed is shown, so the page stays responsive and the first keystroke rarely waits.
 * A query that comes before it is ready is answered at once for a modest feed (the rest of the
 * build is done there and then) and once the build is done for a large one. An empty query
 * never needs the index.
 */
export function createSearcher(items: readonly CaseStudy[]): Searcher {
  const index = new SearchIndex([], Object.values(FIELD_WEIGHTS));
  const everything: SearchResult = { indices: Int32Array.from(items.keys()), matched: [] };
  const steps = index.build(items.length, (at) => toSearchDoc(items[at]!));
  let ready = false;
  const built = runSliced(steps).then(() => {
    ready = true;
  });
  return {
    search(query) {
      if (terms(query).length === 0) return everything;
      if (!ready && items.length <= SYNC_LIMIT) {
        while (!steps.next().done);
        ready = true;
      }
      return ready ? index.search(query) : built.then(() => index.search(query));
    },
    stop() {
      if (!ready) steps.return(undefined);
    },
  };
}
