import Fuse from 'fuse.js/basic';
import { terms } from './text.js';

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

/** One query word's matching vocabulary words, each with a quality from 0 to 1. */
interface WordMatch {
  termIds: number[];
  qualities: number[];
}

// How much a word that only starts the way the query word does counts against an exact word.
const PREFIX_QUALITY = 0.9;
// Fuzzy matches count less than any exact or prefix match, so typos never outrank real words.
const FUZZY_QUALITY = 0.7;
// Fuse threshold over single words: 0.4 lets one typo in four letters and two in five or more
// through, transpositions included ("yuoth"), which 0.3 misses.
const FUZZY_THRESHOLD = 0.4;
const FUZZY_MIN_LENGTH = 4;
// Fuse is run only over the closest vocabulary words by shared letter pairs: enough for every
// plausible typo, few enough that a keystroke stays far under a frame.
const FUZZY_CANDIDATES = 150;
const WORD_CACHE_LIMIT = 500;

/**
 * A typo-tolerant inverted index. Fuse.js (the design's fuzzy matcher) runs over the
 * vocabulary, never over the documents: each field is tokenised and folded once; a query word
 * is matched against distinct words (exactly, by prefix while typing, or fuzzily through Fuse
 * over the few words that share most letter pairs with it); the documents are then found
 * through posting lists, every query word must match, and the score is the sum over query
 * words of match quality × field weight, so a title match ranks above a summary match.
 *
 * @example
 * const index = new SearchIndex(docs, [3, 1]);   // title, summary
 * index.search('libary museum').indices;        // best first
 */
export class SearchIndex {
  readonly size: number;
  private readonly vocabulary: string[] = [];
  private readonly termIds = new Map<string, number>();
  /** Per term: the documents holding it, ascending, and the best field weight in each. */
  private readonly postingDocs: number[][] = [];
  private readonly postingWeights: number[][] = [];
  /** Per document: its distinct terms and their best field weight (offsets into the flat arrays). */
  private readonly docOffsets: Int32Array;
  private readonly docTerms: Int32Array;
  private readonly docWeights: Float32Array;
  /** Term ids sorted by term, for prefix look-ups by binary search. */
  private readonly sortedTerms: Int32Array;
  /** Letter pair → term ids holding it, to pick fuzzy candidates. */
  private readonly pairs = new Map<string, number[]>();
  private readonly wordCache = new Map<string, WordMatch>();
  private readonly resultCache = new Map<string, SearchResult>();

  constructor(docs: readonly SearchDoc[], weights: readonly number[]) {
    this.size = docs.length;
    const lastDoc: number[] = [];
    const flatTerms: number[] = [];
    const flatWeights: number[] = [];
    this.docOffsets = new Int32Array(docs.length + 1);

    docs.forEach((fields, doc) => {
      this.docOffsets[doc] = flatTerms.length;
      fields.forEach((text, field) => {
        const weight = weights[field] ?? 1;
        for (const term of terms(text)) {
          let id = this.termIds.get(term);
          if (id === undefined) {
            id = this.vocabulary.length;
            this.vocabulary.push(term);
            this.termIds.set(term, id);
            this.postingDocs.push([]);
            this.postingWeights.push([]);
            lastDoc.push(-1);
          }
          const docsOfTerm = this.postingDocs[id]!;
          const weightsOfTerm = this.postingWeights[id]!;
          if (lastDoc[id] !== doc) {
            lastDoc[id] = doc;
            docsOfTerm.push(doc);
            weightsOfTerm.push(weight);
            flatTerms.push(id);
            flatWeights.push(weight);
          } else if (weightsOfTerm[weightsOfTerm.length - 1]! < weight) {
            weightsOfTerm[weightsOfTerm.length - 1] = weight;
            for (let at = flatTerms.length - 1; at >= this.docOffsets[doc]!; at--) {
              if (flatTerms[at] === id) {
                flatWeights[at] = weight;
                break;
              }
            }
          }
        }
      });
    });
    this.docOffsets[docs.length] = flatTerms.length;
    this.docTerms = Int32Array.from(flatTerms);
    this.docWeights = Float32Array.from(flatWeights);

    const order = Array.from(this.vocabulary.keys());
    const vocabulary = this.vocabulary;
    order.sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : 1));
    this.sortedTerms = Int32Array.from(order);
  }

  /**
   * Finds the documents matching every word of `query`. Every word also matches as a prefix,
   * so results appear while a word is still being typed ("lib" finds "library").
   */
  search(query: string): SearchResult {
    const cached = this.resultCache.get(query);
    if (cached) return cached;
    const words = [...new Set(terms(query))];
    const result = words.length === 0 ? this.everything() : this.find(words);
    if (this.resultCache.size >= 20) this.resultCache.clear();
    this.resultCache.set(query, result);
    return result;
  }

  private everything(): SearchResult {
    const indices = new Int32Array(this.size);
    for (let doc = 0; doc < this.size; doc++) indices[doc] = doc;
    return { indices, matched: [] };
  }

  private find(words: string[]): SearchResult {
    const matches = words.map((word) => this.matchWord(word));
    const matched = new Set<string>();
    for (const match of matches) for (const id of match.termIds) matched.add(this.vocabulary[id]!);
    if (matches.some((match) => match.termIds.length === 0)) {
      return { indices: new Int32Array(0), matched: [] };
    }

    // Start from the rarest word so that later words only check a few documents.
    const costs = matches.map((match) =>
      match.termIds.reduce((sum, id) => sum + this.postingDocs[id]!.length, 0),
    );
    const order = matches.map((_, at) => at).sort((a, b) => costs[a]! - costs[b]!);

    let scores = this.scoreByPostings(matches[order[0]!]!);
    for (const at of order.slice(1)) {
      if (scores.size === 0) break;
      scores = this.narrow(scores, matches[at]!, costs[at]!);
    }

    const ranked = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    return { indices: Int32Array.from(ranked, ([doc]) => doc), matched: [...matched] };
  }

  /** Every document holding one of the word's terms, with its best quality × weight. */
  private scoreByPostings(match: WordMatch): Map<number, number> {
    const scores = new Map<number, number>();
    match.termIds.forEach((id, at) => {
      const quality = match.qualities[at]!;
      const docs = this.postingDocs[id]!;
      const weights = this.postingWeights[id]!;
      for (let i = 0; i < docs.length; i++) {
        const score = quality * weights[i]!;
        const doc = docs[i]!;
        if ((scores.get(doc) ?? 0) < score) scores.set(doc, score);
      }
    });
    return scores;
  }

  /** Keeps the documents that also hold one of `match`'s terms, adding its score. */
  private narrow(scores: Map<number, number>, match: WordMatch, postingCost: number): Map<number, number> {
    const next = new Map<number, number>();
    const averageTerms = this.docTerms.length / Math.max(1, this.size);
    if (scores.size * averageTerms < postingCost) {
      // Few candidates left: reading their own terms is cheaper than walking the posting lists.
      const quality = new Map<number, number>();
      match.termIds.forEach((id, at) => quality.set(id, match.qualities[at]!));
      for (const [doc, score] of scores) {
        let best = 0;
        for (let at = this.docOffsets[doc]!; at < this.docOffsets[doc + 1]!; at++) {
          const q = quality.get(this.docTerms[at]!);
          if (q !== undefined) best = Math.max(best, q * this.docWeights[at]!);
        }
        if (best > 0) next.set(doc, score + best);
      }
      return next;
    }
    const wordScores = this.scoreByPostings(match);
    for (const [doc, score] of scores) {
      const add = wordScores.get(doc);
      if (add !== undefined) next.set(doc, score + add);
    }
    return next;
  }

  /** The vocabulary words a query word stands for: exact, prefix and fuzzy matches. */
  private matchWord(word: string): WordMatch {
    const cached = this.wordCache.get(word);
    if (cached) return cached;
    const found = new Map<number, number>();
    const add = (id: number, quality: number) => {
      if ((found.get(id) ?? 0) < quality) found.set(id, quality);
    };

    for (const id of this.prefixed(word)) {
      const term = this.vocabulary[id]!;
      // A longer word scores a little less, so "museum" ranks "museum" above "museums".
      add(id, term === word ? 1 : PREFIX_QUALITY * (0.9 + (0.1 * word.length) / term.length));
    }
    if (word.length >= FUZZY_MIN_LENGTH) {
      for (const [id, quality] of this.fuzzy(word)) add(id, quality * FUZZY_QUALITY);
    }

    const match: WordMatch = { termIds: [...found.keys()], qualities: [...found.values()] };
    if (this.wordCache.size >= WORD_CACHE_LIMIT) this.wordCache.clear();
    this.wordCache.set(word, match);
    return match;
  }

  /** Term ids of every vocabulary word starting with `prefix`. */
  private prefixed(prefix: string): number[] {
    const sorted = this.sortedTerms;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.vocabulary[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    const ids: number[] = [];
    for (let at = low; at < sorted.length; at++) {
      const id = sorted[at]!;
      if (!this.vocabulary[id]!.startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  /** Fuzzy matches of `word` among the vocabulary words sharing the most letter pairs with it. */
  private fuzzy(word: string): Array<[number, number]> {
    this.ensurePairs();
    const shared = new Map<number, number>();
    for (const pair of letterPairs(word)) {
      for (const id of this.pairs.get(pair) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const candidates = [...shared]
      .filter(([id]) => this.vocabulary[id]!.length >= word.length - 2)
      .sort((a, b) => b[1] - a[1])
      .slice(0, FUZZY_CANDIDATES)
      .map(([id]) => id);
    const fuse = new Fuse(
      candidates.map((id) => this.vocabulary[id]!),
      {
        includeScore: true,
        isCaseSensitive: true,
        threshold: FUZZY_THRESHOLD,
        // Words are short; keeping the match near the start means a typo'd prefix still finds
        // the word being typed, without matching the middle of unrelated long words.
        location: 0,
        distance: 16,
      },
    );
    return fuse.search(word).map((hit) => [candidates[hit.refIndex]!, 1 - (hit.score ?? 0)]);
  }

  /** Letter-pair index over the vocabulary, built on the first fuzzy query. */
  private ensurePairs(): void {
    if (this.pairs.size > 0 || this.vocabulary.length === 0) return;
    this.vocabulary.forEach((term, id) => {
      if (term.length < 2) return;
      for (const pair of new Set(letterPairs(term))) {
        let ids = this.pairs.get(pair);
        if (!ids) this.pairs.set(pair, (ids = []));
        ids.push(id);
      }
    });
  }
}

/** "^library" → ^l li ib br ra ar ry: the leading pair favours words that start alike. */
function letterPairs(word: string): string[] {
  const padded = `^${word}`;
  const pairs: string[] = [];
  for (let at = 0; at < padded.length - 1; at++) pairs.push(padded.slice(at, at + 2));
  return pairs;
}
