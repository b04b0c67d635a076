import MiniSearch from 'minisearch';
import { parseFeed } from '../../src/lib/feed.js';
import { SearchIndex } from '../../src/lib/search.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../../src/lib/search-doc.js';
import { buildCorpus, type Misspellings, type QueryKind, type RelevanceItem } from './corpus.js';

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

const ours: Engine = {
  name: 'ours',
  build(docs) {
    const index = new SearchIndex(docs, WEIGHTS);
    return (query) => Array.from(index.search(query).indices);
  },
};

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

/** One engine's figures for one kind of query. */
export interface KindFigures {
  count: number;
  top1: number;
  top3: number;
  /** Queries with any result at all. */
  found: number;
  /** A few misses, to see what went wrong: query → first results. */
  misses: string[];
}

export interface EngineFigures {
  name: string;
  kinds: Partial<Record<QueryKind, KindFigures>>;
  /** Median of several builds of the whole corpus. */
  buildMs: number;
  /** Per misspelling query, first run (no repeat). */
  queryMeanMs: number;
  queryP95Ms: number;
  fixture: { count: number; passed: number; mrr: number; failed: string[] };
}

export interface RelevanceReport {
  items: number;
  planted: Record<string, number>;
  engines: EngineFigures[];
}

const BUILDS = 5;

/**
 * Runs every engine over the generated corpus and the sample feed's hand-judged queries.
 * `feed` is data/case-studies.json and `fixture` test/relevance/queries.json, as parsed JSON;
 * `missesKept` failures per kind of query are kept for a look at what went wrong.
 */
export function measure(
  dictionary: Misspellings,
  feed: unknown,
  fixture: unknown,
  { seed, missesKept = 12 }: { seed?: number; missesKept?: number } = {},
): RelevanceReport {
  const corpus = buildCorpus(dictionary, seed);
  const docs = corpus.items.map(toFields);
  const describe = (ranked: number[]) => ranked.slice(0, 3).map((at) => corpus.items[at]!.title).join(' | ') || '(nothing)';

  const engines = ENGINES.map((engine): EngineFigures => {
    const builds: number[] = [];
    let search = engine.build(docs);
    for (let run = 0; run < BUILDS; run++) {
      const start = performance.now();
      search = engine.build(docs);
      builds.push(performance.now() - start);
    }
    const kinds: EngineFigures['kinds'] = {};
    const times: number[] = [];
    for (const { kind, query, target } of corpus.queries) {
      const start = performance.now();
      const ranked = search(query);
      if (kind === 'misspelling') times.push(performance.now() - start);
      const figures = (kinds[kind] ??= { count: 0, top1: 0, top3: 0, found: 0, misses: [] });
      figures.count++;
      if (ranked.length) figures.found++;
      const rank = ranked.indexOf(target);
      if (rank === 0) figures.top1++;
      if (rank >= 0 && rank < 3) figures.top3++;
      const missed = target < 0 ? ranked.length > 0 : rank !== 0;
      if (missed && figures.misses.length < missesKept) {
        const wanted = target < 0 ? '' : ` (wanted: ${corpus.items[target]!.title}${rank > 0 ? `, ranked ${rank + 1}` : ', not found'})`;
        figures.misses.push(`${query} → ${describe(ranked)}${wanted}`);
      }
    }
    return {
      name: engine.name,
      kinds,
      buildMs: median(builds),
      queryMeanMs: times.reduce((sum, time) => sum + time, 0) / times.length,
      queryP95Ms: percentile(times, 0.95),
      fixture: runFixture(engine, feed, fixture),
    };
  });
  return { items: corpus.items.length, planted: corpus.planted, engines };
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

function median(values: number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}
