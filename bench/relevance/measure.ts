import MiniSearch from 'minisearch';
import { parseFeed } from '../../src/lib/feed.js';
import { SearchIndex } from '../../src/lib/search.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../../src/lib/search-doc.js';
import { buildCorpus, type Misspellings, type QueryKind, type RelevanceCorpus, type RelevanceItem } from './corpus.js';

/**
 * The relevance benchmark proper, run by scripts/bench-relevance.mjs: our SearchIndex, weighted
 * as the element weighs its fields, next to MiniSearch (prefix, fuzzy 0.2, AND, the same field
 * boosts) on the same corpus and queries, and on the hand-judged queries of the sample feed.
 */

/** A search engine as the benchmark sees it: documents in, ranked document numbers out. */
interface Engine {
  name: string;
  build(docs: readonly string[][]): (query: string) => number[];
}

const FIELDS = ['title', 'tags', 'organisation', 'summary'] as const;
const WEIGHTS = Object.values(FIELD_WEIGHTS);

/** What the benchmark needs of a SearchIndex: this one, or an earlier version to compare with. */
export type IndexClass = new (docs: readonly string[][], weights: readonly number[]) => { search(query: string): { indices: Int32Array } };

const indexEngine = (name: string, Index: IndexClass): Engine => ({
  name,
  build(docs) {
    const index = new Index(docs, WEIGHTS);
    return (query) => Array.from(index.search(query).indices);
  },
});

const ours = indexEngine('ours', SearchIndex);

const miniSearch: Engine = {
  name: 'MiniSearch',
  build(docs) {
    const index = new MiniSearch<Record<string, string | number>>({ fields: [...FIELDS], idField: 'id' });
    index.addAll(docs.map((fields, id) => Object.fromEntries([['id', id], ...FIELDS.map((field, at) => [field, fields[at]!])])));
    const boost = Object.fromEntries(FIELDS.map((field, at) => [field, WEIGHTS[at]!]));
    return (query) =>
      index.search(query, { prefix: true, fuzzy: 0.2, combineWith: 'AND', boost }).map((hit) => hit.id as number);
  },
};

export const ENGINES = [ours, miniSearch];
export { compareSpeed } from './speed.js';

/**
 * The kinds of query figures are kept for: the corpus's own, and misspellings of two edits or
 * more, of any length and of seven letters or more (where two typos are allowed).
 */
export type FigureKind = QueryKind | 'misspelling-2' | 'misspelling-2-long';

/** One engine's figures for one kind of query. */
export interface KindFigures {
  count: number;
  top1: number;
  top3: number;
  top10: number;
  /** Queries with any result at all. */
  found: number;
  /** A few misses, to see what went wrong: query → first results. */
  misses: string[];
}

export interface EngineFigures {
  name: string;
  kinds: Partial<Record<FigureKind, KindFigures>>;
  /** Median of several builds of the whole corpus. */
  buildMs: number;
  /** Per misspelling query, first run (no repeat). */
  queryMeanMs: number;
  queryP95Ms: number;
  /** Per prefix typed (3 to 5 letters of a title word), first run. */
  typingMeanMs: number;
  typingP95Ms: number;
  /**
   * Misspellings whose whole word puts the right item first, typed letter by letter: how many
   * of them found something at every step on the way from the third letter, and from the fourth.
   */
  typed: { count: number; neverEmpty: number; neverEmptyFrom4: number; misses: string[] };
  fixture: { count: number; passed: number; mrr: number; failed: string[] };
}

export interface RelevanceReport {
  items: number;
  planted: Record<string, number>;
  engines: EngineFigures[];
}

const BUILDS = 7;

/**
 * Runs every engine over the generated corpus and the sample feed's hand-judged queries.
 * `feed` is data/case-studies.json and `fixture` test/relevance/queries.json, as parsed JSON;
 * `missesKept` failures per kind of query are kept for a look at what went wrong.
 */
export function measure(
  dictionary: Misspellings,
  feed: unknown,
  fixture: unknown,
  { seed, missesKept = 12, before }: { seed?: number; missesKept?: number; before?: IndexClass } = {},
): RelevanceReport {
  const corpus = buildCorpus(dictionary, seed);
  const inflectedCorpus = buildCorpus(dictionary, seed === undefined ? undefined : seed + 1, undefined, { inflect: true });
  const docs = corpus.items.map(toFields);
  const inflectedDocs = inflectedCorpus.items.map(toFields);
  const engines = before ? [...ENGINES, indexEngine('before', before)] : ENGINES;

  return {
    items: corpus.items.length,
    planted: corpus.planted,
    engines: engines.map((engine): EngineFigures => {
      const builds: number[] = [];
      let search = engine.build(docs);
      for (let run = 0; run < BUILDS; run++) {
        const start = performance.now();
        search = engine.build(docs);
        builds.push(performance.now() - start);
      }
      const kinds: EngineFigures['kinds'] = {};
      const times = { misspelling: [] as number[], typing: [] as number[] };
      const tally = (ranked: number[], kind: FigureKind, query: string, target: number, items: RelevanceCorpus['items']) => {
        const figures = (kinds[kind] ??= { count: 0, top1: 0, top3: 0, top10: 0, found: 0, misses: [] });
        figures.count++;
        if (ranked.length) figures.found++;
        const rank = ranked.indexOf(target);
        if (rank === 0) figures.top1++;
        if (rank >= 0 && rank < 3) figures.top3++;
        if (rank >= 0 && rank < 10) figures.top10++;
        const missed = target < 0 ? ranked.length > 0 : rank !== 0;
        if (missed && figures.misses.length < missesKept) {
          const describe = ranked.slice(0, 3).map((at) => items[at]!.title).join(' | ') || '(nothing)';
          const wanted = target < 0 ? '' : ` (wanted: ${items[target]!.title}${rank > 0 ? `, ranked ${rank + 1}` : ', not found'})`;
          figures.misses.push(`${query} → ${describe}${wanted}`);
        }
        return rank;
      };
      const typed: EngineFigures['typed'] = { count: 0, neverEmpty: 0, neverEmptyFrom4: 0, misses: [] };
      for (const { kind, query, target, edits } of corpus.queries) {
        const start = performance.now();
        const ranked = search(query);
        const took = performance.now() - start;
        if (kind === 'misspelling') times.misspelling.push(took);
        if (kind.startsWith('typing')) times.typing.push(took);
        const rank = tally(ranked, kind, query, target, corpus.items);
        if (kind === 'misspelling' && edits! >= 2) tally(ranked, 'misspelling-2', query, target, corpus.items);
        if (kind === 'misspelling' && edits! >= 2 && query.length >= 7) tally(ranked, 'misspelling-2-long', query, target, corpus.items);
        if (kind === 'misspelling' && rank === 0 && query.length > 3) {
          typed.count++;
          const starts = [...query.slice(3)].map((_, at) => query.slice(0, at + 3));
          const empty = starts.filter((start) => search(start).length === 0);
          if (empty.length === 0) typed.neverEmpty++;
          if (empty.every((start) => start.length === 3)) typed.neverEmptyFrom4++;
          if (empty.length && typed.misses.length < missesKept) typed.misses.push(`${query}: nothing at "${empty.join('", "')}"`);
        }
      }
      const inflectedSearch = engine.build(inflectedDocs);
      for (const { kind, query, target } of inflectedCorpus.queries) tally(inflectedSearch(query), kind, query, target, inflectedCorpus.items);
      return {
        name: engine.name,
        kinds,
        buildMs: median(builds),
        queryMeanMs: mean(times.misspelling),
        queryP95Ms: percentile(times.misspelling, 0.95),
        typingMeanMs: mean(times.typing),
        typingP95Ms: percentile(times.typing, 0.95),
        typed,
        fixture: runFixture(engine, feed, fixture),
      };
    }),
  };
}

interface FixtureCase {
  query: string;
  expect: string[];
  knownIssue?: string;
}

/** The sample feed's hand-judged queries: every expected item in the top 3, and their mean reciprocal rank. */
function runFixture(engine: Engine, feed: unknown, fixture: unknown): EngineFigures['fixture'] {
  const { items } = parseFeed(feed);
  const search = engine.build(items.map((item) => [...toSearchDoc(item)]));
  const cases = (fixture as FixtureCase[]).filter((entry) => !entry.knownIssue);
  let passed = 0;
  let reciprocal = 0;
  let expected = 0;
  const failed: string[] = [];
  for (const { query, expect } of cases) {
    const ranked = search(query).map((at) => items[at]!.id);
    const ranks = expect.map((id) => ranked.indexOf(id));
    if (ranks.every((rank) => rank >= 0 && rank < 3)) passed++;
    else failed.push(`${query} → ${ranked.slice(0, 3).join(', ') || '(nothing)'}`);
    for (const rank of ranks) reciprocal += rank < 0 ? 0 : 1 / (rank + 1);
    expected += ranks.length;
  }
  return { count: cases.length, passed, mrr: reciprocal / expected, failed };
}

function toFields(item: RelevanceItem): string[] {
  return FIELDS.map((field) => item[field]);
}

function mean(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
