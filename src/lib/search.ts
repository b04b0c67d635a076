import Fuse from 'fuse.js/basic';
import { sortByKey } from './sort.js';
import { fold, terms, words } from './text.js';

/**
 * A document to index: one text per field, in the order of the weights given to
 * {@link SearchIndex}. Lists (topics, keywords) are joined into one text.
 */
export type SearchDoc = readonly string[];

/** The outcome of a query. */
export interface SearchResult {
  /** Document indices, best first; every document, in order, for an empty query. */
  indices: Int32Array;
  /** The folded vocabulary words that matched, for highlighting. */
  matched: string[];
}

/** Every document in order, nothing to highlight: the answer to an empty query. */
export const everyDoc = (size: number): SearchResult => ({ indices: Int32Array.from({ length: size }, (_, doc) => doc), matched: [] });

/** One query word's matching vocabulary words, each with a quality from 0 to 1. */
interface WordMatch {
  termIds: number[];
  qualities: number[];
  /** Postings the word's terms hold together: what scoring it through them costs. */
  cost: number;
}

// How much a word that only starts the way the query word does counts against an exact word.
const PREFIX_QUALITY = 0.9;
// The same word with another ending counts a little less than the word itself.
const STEM_QUALITY = 0.85;
// Fuzzy matches count less than any exact or prefix match, so typos never outrank real words.
const FUZZY_QUALITY = 0.7;
const FUZZY_MIN_LENGTH = 4;
// Fuse runs only over the vocabulary words sharing most letter pairs with the query word:
// enough for every plausible typo, few enough that a keystroke stays far under a frame.
const FUZZY_CANDIDATES = 150;
const CACHE_LIMIT = 500;

/**
 * The word without a common English ending, when enough is left to be specific: "libraries"
 * and "library" both give "librar", "painting" gives "paint". Undefined when nothing comes off.
 */
function stemOf(word: string): string | undefined {
  const ending = /(?:ies|ing|ed|es|s|y)$/.exec(word);
  const stem = ending ? word.slice(0, ending.index) : '';
  return stem.length >= 4 ? stem : undefined;
}

/** Joining words in English and Welsh, left out of a query that has other words. */
const STOP_WORDS = new Set('a an and the of for to in on at by with or from y yr ac ar i o yn'.split(' '));

/**
 * Typos allowed in a word of `length` letters: none below four letters (too many words are one
 * letter apart), one up to five, two up to eight, three beyond.
 */
const allowedTypos = (length: number): number => (length < 4 ? 0 : length <= 5 ? 1 : length <= 8 ? 2 : 3);

/**
 * A typo-tolerant inverted index. Fuse.js (the design's fuzzy matcher) runs over the
 * vocabulary, never over the documents: each field is tokenised and folded once; a query word
 * is matched against distinct words (exactly, by prefix while typing, with adjacent letters
 * swapped, or fuzzily through Fuse over the few words that share most letter pairs with it);
 * the documents are then found through posting lists, every query word must match, and the
 * score is the sum over query words of match quality × field weight, so a title match ranks
 * above a summary match.
 *
 * Building is incremental ({@link SearchIndex.add}) so that a caller can spread a large feed
 * over several tasks; {@link SearchIndex.search} needs the whole feed added first.
 *
 * @example
 * const index = new SearchIndex(docs, [3, 1]);   // title, summary
 * index.search('libary museum').indices;        // best first
 */
export class SearchIndex {
  size = 0;
  readonly #weights: readonly number[];
  /** Fields in descending weight, so a document's first sight of a term carries its best weight. */
  readonly #fieldOrder: number[];
  readonly #vocabulary: string[] = [];
  readonly #termIds = new Map<string, number>();
  /** Raw word (as written) → term id: most words repeat, and this skips folding them again. */
  readonly #rawIds = new Map<string, number>();
  readonly #lastDoc: number[] = [];
  /** Per document: its distinct terms and their best weight (offsets into the flat arrays). */
  readonly #docOffsets: number[] = [0];
  readonly #docTerms: number[] = [];
  readonly #docWeights: number[] = [];
  /**
   * Built by {@link finish} from the per-document lists: per term, the documents holding it
   * (ascending) and the best field weight in each, as one flat array with offsets.
   */
  #postingOffsets = new Int32Array(1);
  #postingDocs = new Int32Array(0);
  #postingWeights = new Float32Array(0);
  /** Built by {@link finish}: term ids sorted by term, and letter pair → term ids. */
  #sortedTerms?: Int32Array;
  #pairs?: Map<string, number[]>;
  #scores = new Float64Array(0);
  #wordScores = new Float64Array(0);
  readonly #wordCache = new Map<string, WordMatch>();
  readonly #resultCache = new Map<string, SearchResult>();

  constructor(docs: readonly SearchDoc[] = [], weights: readonly number[] = [1]) {
    this.#weights = weights;
    this.#fieldOrder = weights.map((_, field) => field).sort((a, b) => weights[b]! - weights[a]!);
    this.add(docs);
    if (docs.length) this.finish();
  }

  /** Adds documents after those already added. Call {@link finish} once all are in. */
  add(docs: readonly SearchDoc[]): void {
    // The hot loop of indexing: everything it touches is a local.
    const rawIds = this.#rawIds;
    const termIds = this.#termIds;
    const vocabulary = this.#vocabulary;
    const lastDoc = this.#lastDoc;
    const docTerms = this.#docTerms;
    const docWeights = this.#docWeights;
    const docOffsets = this.#docOffsets;
    const weights = this.#weights;
    let doc = this.size;
    for (const fields of docs) {
      for (const field of this.#fieldOrder) {
        const text = fields[field];
        if (!text) continue;
        const weight = weights[field] ?? 1;
        const found = words(text);
        for (let at = 0; at < found.length; at++) {
          const raw = found[at]!;
          let id = rawIds.get(raw);
          if (id === undefined) {
            const term = fold(raw);
            id = termIds.get(term);
            if (id === undefined) {
              id = vocabulary.push(term) - 1;
              termIds.set(term, id);
              lastDoc.push(-1);
            }
            rawIds.set(raw, id);
          }
          if (lastDoc[id] === doc) continue;
          lastDoc[id] = doc;
          docTerms.push(id);
          docWeights.push(weight);
        }
      }
      docOffsets.push(docTerms.length);
      doc++;
    }
    this.size = doc;
    this.#sortedTerms = undefined;
    this.#pairs = undefined;
    this.#resultCache.clear();
    this.#wordCache.clear();
  }

  /** Builds the posting lists and the look-up tables for prefixes and typos; search calls it when needed. */
  finish(): void {
    if (this.#sortedTerms) return;
    for (const _ of this.#finishing());
  }

  /**
   * The whole build as steps: adds `docs` a slice at a time, then finishes. Each `yield` is a
   * point where a caller may give the browser a turn, so a large feed never blocks a page.
   */
  *build(count: number, docAt: (index: number) => SearchDoc, slice = 250): Generator<void> {
    for (let from = 0; from < count; from += slice) {
      const docs: SearchDoc[] = [];
      for (let at = from; at < Math.min(count, from + slice); at++) docs.push(docAt(at));
      this.add(docs);
      yield;
    }
    yield* this.#finishing();
  }

  // Each step below is a few milliseconds even at 50,000 documents, so a sliced build never
  // holds the main thread for long.
  *#finishing(): Generator<void> {
    yield* this.#buildPostings();
    const vocabulary = this.#vocabulary;
    // Sorted bucket by bucket (by first letter): the same order as one sort of everything, but
    // in pieces.
    const buckets = new Map<string, number[]>();
    vocabulary.forEach((term, id) => {
      let bucket = buckets.get(term[0]!);
      if (!bucket) buckets.set(term[0]!, (bucket = []));
      bucket.push(id);
    });
    const order: number[] = [];
    for (const first of [...buckets.keys()].sort()) {
      const bucket = buckets.get(first)!;
      bucket.sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : 1));
      for (const id of bucket) order.push(id);
      yield;
    }
    const pairs = new Map<string, number[]>();
    for (let id = 0; id < vocabulary.length; id++) {
      const term = vocabulary[id]!;
      if (term.length >= FUZZY_MIN_LENGTH - 1) {
        for (const pair of new Set(letterPairs(term))) {
          let ids = pairs.get(pair);
          if (!ids) pairs.set(pair, (ids = []));
          ids.push(id);
        }
      }
      if (id % 2000 === 1999) yield;
    }
    this.#pairs = pairs;
    this.#scores = new Float64Array(this.size);
    this.#wordScores = new Float64Array(this.size);
    this.#rawIds.clear();
    this.#sortedTerms = Int32Array.from(order);
  }

  /** Inverts the per-document term lists into posting lists, counting first so nothing grows. */
  *#buildPostings(): Generator<void> {
    const terms = this.#docTerms;
    const offsets = new Int32Array(this.#vocabulary.length + 1);
    for (let at = 0; at < terms.length; at++) offsets[terms[at]! + 1]!++;
    for (let id = 0; id < this.#vocabulary.length; id++) offsets[id + 1]! += offsets[id]!;
    const fill = offsets.slice(0, -1);
    const docs = new Int32Array(terms.length);
    const weights = new Float32Array(terms.length);
    yield;
    for (let doc = 0; doc < this.size; doc++) {
      for (let at = this.#docOffsets[doc]!; at < this.#docOffsets[doc + 1]!; at++) {
        const slot = fill[terms[at]!]!++;
        docs[slot] = doc;
        weights[slot] = this.#docWeights[at]!;
      }
      if (doc % 5000 === 4999) yield;
    }
    this.#postingOffsets = offsets;
    this.#postingDocs = docs;
    this.#postingWeights = weights;
  }

  /**
   * Finds the documents matching every word of `query`. Every word also matches as a prefix,
   * so results appear while a word is still being typed ("lib" finds "library").
   */
  search(query: string): SearchResult {
    this.finish();
    const cached = this.#resultCache.get(query);
    if (cached) return cached;
    const all = [...new Set(terms(query))];
    // Joining words need not appear ("support for Afghan families"), unless they are all there is.
    const content = all.filter((word) => !STOP_WORDS.has(word));
    const words = content.length ? content : all;
    const result = words.length === 0 ? everyDoc(this.size) : this.#find(words);
    if (this.#resultCache.size >= 20) this.#resultCache.clear();
    this.#resultCache.set(query, result);
    return result;
  }

  #find(words: string[]): SearchResult {
    const matches = words.map((word) => this.#matchWord(word));
    const matched = new Set<string>();
    for (const match of matches) for (const id of match.termIds) matched.add(this.#vocabulary[id]!);
    if (matches.some((match) => match.termIds.length === 0)) {
      return { indices: new Int32Array(0), matched: [] };
    }

    // Start from the rarest word so that later words only check a few documents.
    matches.sort((a, b) => a.cost - b.cost);
    const scores = this.#scores;
    let candidates = this.#scoreByPostings(matches[0]!, scores);
    for (const match of matches.slice(1)) {
      if (candidates.length === 0) break;
      candidates = this.#narrow(candidates, match);
    }

    // Best score first, then feed order.
    const indices = sortByKey(candidates, (doc) => Math.round(scores[doc]! * 1000), true);
    for (const doc of candidates) scores[doc] = 0;
    return { indices, matched: [...matched] };
  }

  /** Scores into `into` every document holding one of the word's terms; returns them. */
  #scoreByPostings(match: WordMatch, into: Float64Array): number[] {
    const touched: number[] = [];
    const docs = this.#postingDocs;
    const weights = this.#postingWeights;
    match.termIds.forEach((id, at) => {
      const quality = match.qualities[at]!;
      for (let i = this.#postingOffsets[id]!; i < this.#postingOffsets[id + 1]!; i++) {
        const doc = docs[i]!;
        const score = quality * weights[i]!;
        const was = into[doc]!;
        if (was === 0) touched.push(doc);
        if (was < score) into[doc] = score;
      }
    });
    return touched;
  }

  /** Keeps the candidates that also hold one of `match`'s terms, adding its score. */
  #narrow(candidates: number[], match: WordMatch): number[] {
    const scores = this.#scores;
    const kept: number[] = [];
    const averageTerms = this.#docTerms.length / Math.max(1, this.size);
    if (candidates.length * averageTerms < match.cost) {
      // Few candidates left: reading their own terms is cheaper than walking the posting lists.
      const quality = new Map<number, number>();
      match.termIds.forEach((id, at) => quality.set(id, match.qualities[at]!));
      for (const doc of candidates) {
        let best = 0;
        for (let at = this.#docOffsets[doc]!; at < this.#docOffsets[doc + 1]!; at++) {
          const q = quality.get(this.#docTerms[at]!);
          if (q !== undefined) best = Math.max(best, q * this.#docWeights[at]!);
        }
        if (best > 0) {
          scores[doc] = scores[doc]! + best;
          kept.push(doc);
        } else scores[doc] = 0;
      }
      return kept;
    }
    const wordScores = this.#wordScores;
    const touched = this.#scoreByPostings(match, wordScores);
    for (const doc of candidates) {
      const add = wordScores[doc]!;
      if (add > 0) {
        scores[doc] = scores[doc]! + add;
        kept.push(doc);
      } else scores[doc] = 0;
    }
    for (const doc of touched) wordScores[doc] = 0;
    return kept;
  }

  /** The vocabulary words a query word stands for: exact, prefix, swapped-letter and fuzzy matches. */
  #matchWord(word: string): WordMatch {
    const cached = this.#wordCache.get(word);
    if (cached) return cached;
    const found = new Map<number, number>();
    const add = (id: number, quality: number) => {
      if ((found.get(id) ?? 0) < quality) found.set(id, quality);
    };

    for (const id of this.#prefixed(word)) {
      const term = this.#vocabulary[id]!;
      // A longer word scores a little less, so "museum" ranks "museum" above "museums".
      add(id, term === word ? 1 : PREFIX_QUALITY * (0.9 + (0.1 * word.length) / term.length));
    }
    // Other endings of the same word: "library" finds "libraries", "painting" finds "painted".
    const stem = stemOf(word);
    if (stem) for (const id of this.#prefixed(stem)) add(id, STEM_QUALITY);
    const typos = allowedTypos(word.length);
    // A word the feed has (whole, as the start of a longer word or with another ending) is what
    // the visitor meant: looking for typos too would let "lung" find "hunger" and outrank it.
    if (typos > 0 && found.size === 0) {
      // Bitap counts a swap ("yuoth") as two typos; look swaps up directly instead.
      for (let at = 0; at < word.length - 1; at++) {
        const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
        if (swapped === word) continue;
        for (const id of this.#prefixed(swapped)) add(id, FUZZY_QUALITY * 0.95);
      }
      for (const [id, quality] of this.#fuzzy(word, typos)) add(id, quality * FUZZY_QUALITY);
    }

    const termIds = [...found.keys()];
    const match: WordMatch = {
      termIds,
      qualities: [...found.values()],
      cost: termIds.reduce((sum, id) => sum + this.#postingOffsets[id + 1]! - this.#postingOffsets[id]!, 0),
    };
    if (this.#wordCache.size >= CACHE_LIMIT) this.#wordCache.clear();
    this.#wordCache.set(word, match);
    return match;
  }

  /** Term ids of every vocabulary word starting with `prefix`. */
  #prefixed(prefix: string): number[] {
    const sorted = this.#sortedTerms!;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.#vocabulary[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    const ids: number[] = [];
    for (let at = low; at < sorted.length; at++) {
      const id = sorted[at]!;
      if (!this.#vocabulary[id]!.startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  /** Fuzzy matches of `word` among the vocabulary words sharing the most letter pairs with it. */
  #fuzzy(word: string, typos: number): Array<[number, number]> {
    const shared = new Map<number, number>();
    for (const pair of letterPairs(word)) {
      for (const id of this.#pairs!.get(pair) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    // Each typo spoils at most two letter pairs. People rarely mistype a word's first letter
    // (and a swap there is looked up separately), so a candidate must start with it: "libary"
    // is "library", not "primary".
    const needed = word.length - 2 * typos;
    const candidates = [...shared]
      .filter(([id, count]) => {
        const term = this.#vocabulary[id]!;
        return count >= needed && term[0] === word[0] && term.length >= word.length - typos;
      })
      .sort((a, b) => b[1] - a[1])
      .slice(0, FUZZY_CANDIDATES)
      .map(([id]) => id);
    if (candidates.length === 0) return [];
    const fuse = new Fuse(
      candidates.map((id) => this.#vocabulary[id]!),
      {
        includeScore: true,
        isCaseSensitive: true,
        // Fuse scores a match by typos per letter; allow exactly `typos` of them.
        threshold: (typos + 0.5) / word.length,
        // Words are short; keeping the match near the start means a typo'd prefix still finds
        // the word being typed, without matching the middle of unrelated long words.
        location: 0,
        distance: 16,
      },
    );
    return fuse.search(word).map((hit) => [candidates[hit.refIndex]!, 1 - (hit.score ?? 0)]);
  }
}

/** "^library" → ^l li ib br ra ar ry: the leading pair favours words that start alike. */
function letterPairs(word: string): string[] {
  const padded = `^${word}`;
  const pairs: string[] = [];
  for (let at = 0; at < padded.length - 1; at++) pairs.push(padded.slice(at, at + 2));
  return pairs;
}
