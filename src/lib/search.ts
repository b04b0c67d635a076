import { sortByKey } from './sort.js';
import { term, words } from './text.js';

/**
 * A document to index: one text per field, in the order of the weights given to
 * {@link SearchIndex}. Lists (topics, keywords) are joined into one text.
 */
export type SearchDoc = readonly string[];

/** How a query is searched, beside its words. */
export interface SearchOptions {
  /**
   * The interface's language. With `cy` (Welsh) a word also finds its Welsh mutations and its
   * radical ("Gaerdydd", "Nghaerdydd" and "Chaerdydd" find "Caerdydd", and back) in every
   * document; in any language it does so in documents written in Welsh.
   */
  lang?: string;
}

/** The outcome of a query: plain data, so that it crosses `postMessage` from the worker as it is. */
export interface SearchResult {
  /** Document indices, best first; every document, in order, for an empty query. */
  indices: Int32Array;
  /** The folded vocabulary words that matched, for highlighting. */
  matched: string[];
  /**
   * The query as it was effectively searched, when some word of it was found through a typo
   * correction (the feed has it neither whole nor as the start of a word, and a typo serves it
   * better than another ending would: "libray" is "library", while "schooling" finding "schools"
   * is no correction): each such word replaced by the feed's word that served it best, in lower
   * case with its accents ("libary museum" → "library museum", "trmoso" → "tromsø", "libary" →
   * "libraries" in a feed that only has the plural), or by the two words it was written for
   * ("storymakers" → "story makers"). Other words stay as typed; punctuation is left out.
   * Undefined when no word was corrected.
   */
  corrected?: string;
  /**
   * Only when nothing was found: the nearest query that finds something, each word that matched
   * nothing replaced by the nearest word of the feed ("mezeum" → "museum"). Undefined when there is
   * no such query.
   */
  suggestion?: string;
}

/** Every document in order, nothing to highlight: the answer to an empty query. */
export const everyDoc = (size: number): SearchResult => ({ indices: Int32Array.from({ length: size }, (_, doc) => doc), matched: [] });

/** One query word's matching vocabulary words, each with a quality from 0 to 1. */
interface WordMatch {
  ids: number[];
  qualities: number[];
  /** Postings the word's terms hold together: what scoring it through them costs. */
  cost: number;
  /** When the word matched only through typos: the term that served it best. */
  corrected?: number;
}

// Match qualities. Each step down (the whole word, or with another ending; the start of a longer
// word; one typo; one more typo) loses more than the field weights can make up (title 3, summary 1), so
// that a better match in a summary outranks a worse one in a title: "offical" finds "official"
// in a summary before "optical" in a title, and "certain" finds "certain" before "certainty".
const STEP = 0.3;
// The same word with another ending ("libraries" for "library") counts a little less than itself.
const SAME_WORD = 0.85;
const ENDING = /^(?:i?es|ings?|ed|s|y)?$/;
/** A word within `typos` edits, whole or (a step less) as the start of a longer word. */
const typoQuality = (typos: number, whole: boolean) => STEP ** (typos + (whole ? 1 : 2));
const FUZZY_MIN_LENGTH = 4;
// Edit distances are computed only for the vocabulary words sharing most letter pairs with the
// query word: enough for every plausible typo, few enough that a keystroke stays far under a frame.
const FUZZY_CANDIDATES = 150;
const CACHE_LIMIT = 500;
// Hostile input (a pasted essay, a crafted megabyte) costs no more than a long query or item.
const MAX_QUERY = 200;
const MAX_WORDS = 10;
const MAX_FIELD = 20_000;
// A sliced build adds about this much text per step, however few the documents it comes in.
const SLICE_CHARS = 200_000;

/**
 * The word without a common English ending, when enough is left to be specific: "libraries"
 * and "library" both give "librar", "painting" gives "paint". Undefined when nothing comes off.
 */
function stemOf(word: string): string | undefined {
  const ending = /(?:ies|ing|ed|es|s|y)$/.exec(word);
  const stem = ending ? word.slice(0, ending.index) : '';
  return stem.length >= 4 ? stem : undefined;
}

/**
 * Joining words in English and in Welsh, left out of a query that has other words. A document
 * with more of the Welsh ones than of the English ones is written in Welsh, and its words are
 * matched with their mutations.
 */
const ENGLISH = 'a an and the of for to in on at by with or from'.split(' ');
const WELSH = 'y yr ac ar i o yn gyda mae'.split(' ');
const STOP_WORDS = new Set([...ENGLISH, ...WELSH]);

// A last consonant doubled for the ending ("swimm" → "swim"; not "call", "miss", "staff", "buzz").
const DOUBLED = /([^aeiouylsfz])\1$/;

/**
 * The plain forms an inflected word may come from, by English spelling, of four letters or
 * more: "libraries" → "library", "boxes" → "box", "museums" → "museum", "swimming" → "swim",
 * "recycling" → "recycl", "recycle", "studied" → "study", "makers" → "maker", "make".
 * Guesses: a wrong one ("recycl") costs a look-up that never matches.
 */
function plainForms(word: string): string[] {
  // Most words end otherwise: building the index looks at every word of the feed.
  if (!/[sdgr]$/.test(word)) return [];
  // "-s" off "-ss", "-us" or "-is" leaves no word ("class", "bus", "this"). No lookbehind:
  // Safari before 16.4 has none (the minifier makes it a RegExp that throws there).
  const single = word.replace(/ies$/, 'y').replace(/(ss|x|z|[cs]h)es$/, '$1').replace(/(^|[^siu])s$/, '$1');
  const stem = /^(.{3,}?)(?:ing|ed|er)$/.exec(single)?.[1] ?? '';
  const plain = /i$/.test(stem) ? [`${stem.slice(0, -1)}y`] : DOUBLED.test(stem) ? [stem.slice(0, -1)] : [stem, `${stem}e`];
  return [single, ...plain].filter((form) => form !== word && form.length >= FUZZY_MIN_LENGTH);
}

/**
 * Welsh initial mutations as [radical, mutated]: soft (c → g, ll → l, g dropped …), nasal
 * (c → ngh, b → m …) and aspirate (c → ch …), and h before a vowel ("ei henw").
 */
const MUTATIONS = 'c g,c ngh,c ch,p b,p mh,p ph,t d,t nh,t th,g ,g ng,b f,b m,d dd,d n,ll l,m f,rh r, h'.split(',').map((pair) => pair.split(' ') as [string, string]);

/**
 * Every form `word` takes in Welsh, mutated or radical, but itself: "gaerdydd" → "caerdydd",
 * "nghaerdydd", "chaerdydd" …; "fws" → "bws", "mws". Some are no words ("ngaerdydd"): they are
 * looked up and found in no feed.
 */
function mutations(word: string): string[] {
  const radicals = [word];
  for (const [radical, mutated] of MUTATIONS) if (word.startsWith(mutated)) radicals.push(radical + word.slice(mutated.length));
  const forms = new Set<string>();
  for (const radical of radicals) {
    forms.add(radical);
    for (const [from, mutated] of MUTATIONS) if (radical.startsWith(from)) forms.add(mutated + radical.slice(from.length));
  }
  forms.delete(word);
  return [...forms];
}

/**
 * Typos allowed in a word of `length` letters: none below four letters (too many words are one
 * letter apart), one up to six, two up to nine, three beyond. With one typo fewer for the start
 * of a longer word, a made-up word ("meretu") is seldom near enough to a real one to find it; as
 * many only when nothing else is near (a word being typed: "libar").
 */
const allowedTypos = (length: number): number => (length < FUZZY_MIN_LENGTH ? 0 : length <= 6 ? 1 : length <= 9 ? 2 : 3);

/**
 * A typo-tolerant inverted index. Each field is tokenised and folded once; a query word is
 * matched against the distinct words of the feed (exactly, by prefix while typing, by another
 * ending, by a Welsh mutation, or within a few typos counted as edits, an adjacent swap being
 * one, of the word or of its plain form: "libary" finds "libraries"); the documents are then
 * found through posting lists, every query word must match, and the score is the sum over query
 * words of match quality × field weight. Qualities fall faster than weights rise, so a title
 * match ranks above a summary match of the same quality, never above a better one. A query
 * that finds nothing as typed is tried with a word cut in two words of the feed ("storymakers":
 * story makers) or two neighbours joined into one.
 *
 * Building is incremental ({@link SearchIndex.add}) so that a caller can spread a large feed
 * over several tasks; {@link SearchIndex.search} needs the whole feed added first.
 *
 * @example
 * const index = new SearchIndex(docs, [3, 1]);   // title, summary
 * index.search('libary museum').indices;        // best first
 * index.search('libary museum').corrected;      // 'library museum'
 */
export class SearchIndex {
  size = 0;
  private readonly weights: readonly number[];
  /** Fields in descending weight, so a document's first sight of a term carries its best weight. */
  private readonly fieldOrder: number[];
  /** The vocabulary: per term id, the folded word. */
  private readonly terms: string[] = [];
  /** Per term, a word of the feed it came from, as written: what a correction shows. */
  private readonly written: string[] = [];
  /** Folded word → term id. */
  private readonly idOf = new Map<string, number>();
  /** Raw word (as written) → term id: most words repeat, and this skips folding them again. */
  private readonly rawIds = new Map<string, number>();
  private readonly lastDoc: number[] = [];
  /** Per term: 1 for a Welsh joining word, -1 for an English one (see {@link STOP_WORDS}). */
  private readonly marks: number[] = [];
  /** Terms that some document written in Welsh has. */
  private readonly welsh = new Set<number>();
  /** Per document: its distinct terms and their best weight (offsets into the flat arrays). */
  private readonly docStarts: number[] = [0];
  private readonly docTerms: number[] = [];
  private readonly docWeights: number[] = [];
  // The fields below with `!` are set by finish, which every search runs first: they start
  // unset rather than as empty stand-ins that the bundle would carry.
  /**
   * Built by {@link finish} from the per-document lists: per term, the documents holding it
   * (ascending) and the best field weight in each, as one flat array with offsets.
   */
  private termStarts!: Int32Array;
  private termDocs!: Int32Array;
  private termWeights!: Float32Array;
  /** Built by {@link finish}: term ids sorted by term, and first letter + letter pair → fuzzy ids. */
  private sorted?: Int32Array;
  private pairs!: Map<string, number[]>;
  /**
   * Built by {@link finish}: the words typos are looked for among, by fuzzy id: the vocabulary,
   * then the plain forms of its inflected words that the feed lacks ("library" beside
   * "libraries"), each with the terms it is a form of.
   */
  private fuzzy!: string[];
  private formTerms!: number[][];
  /** Built by {@link finish}: plain form → the terms it is a form of. */
  private forms!: Map<string, number[]>;
  private pairCounts!: Uint8Array;
  /** Built by {@link finish}: per fuzzy id, the number its letters make ({@link letters}). */
  private sums!: Float64Array;
  private scores!: Float64Array;
  private logSize!: number;
  private wordScores!: Float64Array;
  /** The query being answered is asked in a Welsh interface. */
  private cy = false;
  /** Recent answers: per query word, its match; per query, its result (keyed with {@link cy}). */
  private readonly matches = new Map<string, WordMatch>();
  private readonly results = new Map<string, SearchResult>();

  constructor(docs: readonly SearchDoc[] = [], weights: readonly number[] = [1]) {
    this.weights = weights;
    this.fieldOrder = weights.map((_, field) => field).sort((a, b) => weights[b]! - weights[a]!);
    this.add(docs);
    if (docs.length) this.finish();
  }

  /**
   * Adds documents after those already added. Call {@link finish} once all are in. Only the
   * first 20,000 characters of a field are indexed, so one huge field costs no more than a long one.
   */
  add(docs: readonly SearchDoc[]): void {
    // The hot loop of indexing: everything it touches is a local.
    const rawIds = this.rawIds;
    const idOf = this.idOf;
    const vocabulary = this.terms;
    const written = this.written;
    const lastDoc = this.lastDoc;
    const docTerms = this.docTerms;
    const docWeights = this.docWeights;
    const docStarts = this.docStarts;
    const weights = this.weights;
    const marks = this.marks;
    let doc = this.size;
    for (const fields of docs) {
      let language = 0;
      for (const field of this.fieldOrder) {
        const text = fields[field];
        if (!text) continue;
        const weight = weights[field]!;
        const found = words(text.length > MAX_FIELD ? text.slice(0, MAX_FIELD) : text);
        for (let at = 0; at < found.length; at++) {
          const raw = found[at]!;
          let id = rawIds.get(raw);
          if (id === undefined) {
            const folded = term(raw);
            id = idOf.get(folded);
            if (id === undefined) {
              id = vocabulary.push(folded) - 1;
              written.push(raw);
              idOf.set(folded, id);
              lastDoc.push(-1);
              marks.push(+WELSH.includes(folded) - +ENGLISH.includes(folded));
            }
            rawIds.set(raw, id);
          }
          if (lastDoc[id] === doc) continue;
          lastDoc[id] = doc;
          language += marks[id]!;
          docTerms.push(id);
          docWeights.push(weight);
        }
      }
      if (language > 0) for (let at = docStarts[doc]!; at < docTerms.length; at++) this.welsh.add(docTerms[at]!);
      docStarts.push(docTerms.length);
      doc++;
    }
    this.size = doc;
    this.sorted = undefined;
    this.results.clear();
    this.matches.clear();
  }

  /** Builds the posting lists and the look-up tables for prefixes and typos; search calls it when needed. */
  finish(): void {
    if (this.sorted) return;
    for (const _ of this.finishing());
  }

  /**
   * The whole build as steps: adds `docs` up to `slice` at a time (fewer when they are long),
   * then finishes. Each `yield` is a point where a caller may give the browser a turn, so a
   * large feed never blocks a page.
   */
  *build(count: number, docAt: (index: number) => SearchDoc, slice = 250): Generator<void> {
    let docs: SearchDoc[] = [];
    let chars = 0;
    for (let at = 0; at < count; at++) {
      const doc = docAt(at);
      docs.push(doc);
      for (const text of doc) chars += Math.min(text.length, MAX_FIELD);
      if (docs.length >= slice || chars >= SLICE_CHARS || at === count - 1) {
        this.add(docs);
        docs = [];
        chars = 0;
        yield;
      }
    }
    yield* this.finishing();
  }

  // Each step below is a few milliseconds even at 50,000 documents, so a sliced build never
  // holds the main thread for long.
  private *finishing(): Generator<void> {
    yield* this.invert();
    const vocabulary = this.terms;
    // Sorted bucket by bucket (by first letter): the same order as one sort of everything, but
    // in pieces.
    const buckets = new Map<string, number[]>();
    vocabulary.forEach((term, id) => file(buckets, term[0]!, id));
    const order: number[] = [];
    for (const first of [...buckets.keys()].sort()) {
      const bucket = buckets.get(first)!;
      bucket.sort((a, b) => (vocabulary[a]! < vocabulary[b]! ? -1 : 1));
      for (const id of bucket) order.push(id);
      yield;
    }
    // Each plain form with the words of the feed it is a form of ("care": caring, cared).
    const forms = new Map<string, number[]>();
    const plainKnown = new Uint8Array(vocabulary.length);
    for (let id = 0; id < vocabulary.length; id++) {
      for (const form of plainForms(vocabulary[id]!)) {
        file(forms, form, id);
        if (this.idOf.has(form)) plainKnown[id] = 1;
      }
      if (id % 2000 === 1999) yield;
    }
    // Typos are also looked for among the plain forms that the feed lacks, so that a typo of
    // "library" finds "libraries" as a typo of "libraries" would; not those of a word whose plain
    // form the feed has ("occurr", of "occurring" beside "occur"), found through that form.
    const fuzzy = [...vocabulary];
    const formTerms: number[][] = [];
    for (const [form, ids] of forms) {
      const unknown = ids.filter((id) => !plainKnown[id]);
      if (this.idOf.has(form) || !unknown.length) continue;
      fuzzy.push(form);
      formTerms.push(unknown);
    }
    yield;
    // Typos are looked for among words with the same first letter (people seldom mistype it), so
    // the pairs are filed under it. A flat array of numbers, unlike more lists in the map, adds
    // nothing for the garbage collector to walk on every keystroke.
    const pairs = new Map<string, number[]>();
    const sums = new Float64Array(fuzzy.length);
    for (let id = 0; id < fuzzy.length; id++) {
      const term = fuzzy[id]!;
      sums[id] = letters(term);
      if (term.length >= FUZZY_MIN_LENGTH - 1) for (const pair of letterPairs(term)) file(pairs, pair, id);
      if (id % 2000 === 1999) yield;
    }
    this.pairs = pairs;
    this.fuzzy = fuzzy;
    this.formTerms = formTerms;
    this.forms = forms;
    this.pairCounts = new Uint8Array(fuzzy.length);
    this.sums = sums;
    this.logSize = Math.log(this.size + 1);
    this.scores = new Float64Array(this.size);
    this.wordScores = new Float64Array(this.size);
    this.rawIds.clear();
    this.sorted = Int32Array.from(order);
  }

  /** Inverts the per-document term lists into posting lists, counting first so nothing grows. */
  private *invert(): Generator<void> {
    const terms = this.docTerms;
    const offsets = new Int32Array(this.terms.length + 1);
    for (let at = 0; at < terms.length; at++) offsets[terms[at]! + 1]!++;
    for (let id = 0; id < this.terms.length; id++) offsets[id + 1]! += offsets[id]!;
    const fill = offsets.slice(0, -1);
    const docs = new Int32Array(terms.length);
    const weights = new Float32Array(terms.length);
    yield;
    for (let doc = 0; doc < this.size; doc++) {
      for (let at = this.docStarts[doc]!; at < this.docStarts[doc + 1]!; at++) {
        const slot = fill[terms[at]!]!++;
        docs[slot] = doc;
        weights[slot] = this.docWeights[at]!;
      }
      if (doc % 5000 === 4999) yield;
    }
    this.termStarts = offsets;
    this.termDocs = docs;
    this.termWeights = weights;
  }

  /**
   * Finds the documents matching every word of `query`. Every word also matches as a prefix,
   * so results appear while a word is still being typed ("lib" finds "library"); a word that
   * matches nothing else matches the start of a word with a typo ("libar" finds "libraries"),
   * so results do not vanish in the middle of a word. `lang` is the interface's language (see
   * {@link SearchOptions}). Only the first 200 characters and 10 words of a query count, and
   * only the first 40 letters of a word.
   */
  search(query: string, { lang }: SearchOptions = {}): SearchResult {
    this.finish();
    // Cut first: even a cache look-up hashes the whole key.
    const cut = query.slice(0, MAX_QUERY);
    this.cy = lang === 'cy';
    // The same query may find more in a Welsh interface.
    const key = this.cy + cut;
    const cached = this.results.get(key);
    if (cached) return cached;
    const typed = words(cut);
    const typedTerms = typed.map(term);
    const all = [...new Set(typedTerms)];
    // Joining words need not appear ("support for Afghan families"), unless they are all there is.
    const content = all.filter((word) => !STOP_WORDS.has(word));
    let searched = (content.length ? content : all).slice(0, MAX_WORDS);
    let matches = searched.map((word) => this.match(word));
    let result = searched.length === 0 ? everyDoc(this.size) : this.find(matches);
    // When the query finds nothing as typed: a word that the feed writes as two ("storymakers":
    // story makers), or two neighbours that it writes as one ("story makers": storymakers).
    const replaced = new Map<string, string>();
    if (searched.length && !result.indices.length) {
      const respelt: string[] = [];
      for (const word of searched) {
        const halves = this.split(word);
        const joined = respelt.at(-1) + word;
        if (this.idOf.has(joined)) respelt[respelt.length - 1] = joined;
        else respelt.push(...(halves ?? [word]));
        if (halves && respelt.at(-1) === halves[1]) replaced.set(word, halves.join(' '));
      }
      const parts = respelt.map((word) => this.match(word));
      const found = this.find(parts);
      if (found.indices.length) [searched, matches, result] = [respelt, parts, found];
      else replaced.clear();
    }
    // The query again, with some words replaced by words of the feed.
    const spell = (replaced: Map<string, string>) => typed.map((word, at) => replaced.get(typedTerms[at]!) ?? word).join(' ');
    if (result.indices.length) {
      searched.forEach((word, at) => {
        const id = matches[at]!.corrected;
        if (id !== undefined) replaced.set(word, this.written[id]!.toLowerCase());
      });
      if (replaced.size) result.corrected = spell(replaced);
    } else if (searched.length) {
      const nearest = this.suggest(searched, matches);
      if (nearest) result.suggestion = spell(nearest);
    }
    if (this.results.size >= 20) this.results.clear();
    this.results.set(key, result);
    return result;
  }

  /**
   * A word cut in two words of the feed ("storymakers" → story, makers), each of three letters
   * or more and no joining word; undefined if there is no such cut.
   */
  private split(word: string): string[] | undefined {
    for (let at = 3; at <= word.length - 3; at++) {
      const halves = [word.slice(0, at), word.slice(at)];
      if (halves.every((half) => this.idOf.has(half) && !STOP_WORDS.has(half))) return halves;
    }
    return undefined;
  }

  private find(matches: WordMatch[]): SearchResult {
    const matched = new Set<string>();
    for (const match of matches) for (const id of match.ids) matched.add(this.terms[id]!);
    if (matches.some((match) => match.ids.length === 0)) {
      return { indices: new Int32Array(0), matched: [] };
    }

    // Start from the rarest word so that later words only check a few documents.
    const [first, ...rest] = [...matches].sort((a, b) => a.cost - b.cost);
    const scores = this.scores;
    let candidates = this.scoreInto(first!, scores);
    for (const match of rest) {
      if (candidates.length === 0) break;
      candidates = this.narrow(candidates, match);
    }

    // Best score first, then feed order. Most of the feed (a word of one or two letters) is
    // taken in feed order, a pass over the scores, so that sortByKey can count it into place.
    if (candidates.length * 8 >= this.size) {
      candidates = [];
      for (let doc = 0; doc < this.size; doc++) if (scores[doc]! > 0) candidates.push(doc);
    }
    const indices = sortByKey(candidates, (doc) => Math.round(scores[doc]! * 1e6), true);
    for (const doc of candidates) scores[doc] = 0;
    return { indices, matched: [...matched] };
  }

  /**
   * For a query that found nothing: each word that matched nothing replaced by the nearest word
   * of the feed within one more typo than a search allows (the most common of the nearest), if
   * the query then finds something. A handful of edit distances per word: cheap on a keystroke.
   */
  private suggest(searched: string[], matches: WordMatch[]): Map<string, string> | undefined {
    const replaced = new Map<string, string>();
    const fixed = matches.map((match, at) => {
      if (match.ids.length) return match;
      const word = searched[at]!;
      let best: [id: number, distance: number, postings: number] | undefined;
      for (const [fuzzyId, distance, whole] of this.near(word, allowedTypos(word.length) + 1)) {
        for (const id of this.termsOf(fuzzyId)) {
          const postings = this.postings(id);
          if (whole && (!best || distance < best[1] || (distance === best[1] && postings > best[2]))) best = [id, distance, postings];
        }
      }
      if (!best) return match;
      replaced.set(word, this.written[best[0]]!.toLowerCase());
      return this.match(this.terms[best[0]]!);
    });
    return replaced.size && this.find(fixed).indices.length ? replaced : undefined;
  }

  /** Scores into `into` every document holding one of the word's terms; returns them. */
  private scoreInto(match: WordMatch, into: Float64Array): number[] {
    const touched: number[] = [];
    const docs = this.termDocs;
    const weights = this.termWeights;
    match.ids.forEach((id, at) => {
      const quality = match.qualities[at]!;
      for (let i = this.termStarts[id]!; i < this.termStarts[id + 1]!; i++) {
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
  private narrow(candidates: number[], match: WordMatch): number[] {
    const scores = this.scores;
    const kept: number[] = [];
    const averageTerms = this.docTerms.length / Math.max(1, this.size);
    if (candidates.length * averageTerms < match.cost) {
      // Few candidates left: reading their own terms is cheaper than walking the posting lists.
      const quality = new Map<number, number>();
      match.ids.forEach((id, at) => quality.set(id, match.qualities[at]!));
      for (const doc of candidates) {
        let best = 0;
        for (let at = this.docStarts[doc]!; at < this.docStarts[doc + 1]!; at++) {
          const q = quality.get(this.docTerms[at]!);
          if (q !== undefined) best = Math.max(best, q * this.docWeights[at]!);
        }
        if (best > 0) {
          scores[doc] = scores[doc]! + best;
          kept.push(doc);
        } else scores[doc] = 0;
      }
      return kept;
    }
    const wordScores = this.wordScores;
    const touched = this.scoreInto(match, wordScores);
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

  /** How many documents hold the term. */
  private postings(id: number): number {
    return this.termStarts[id + 1]! - this.termStarts[id]!;
  }

  /** The vocabulary words a query word stands for: exact, prefix, other endings, mutations and typos. */
  private match(word: string): WordMatch {
    const key = this.cy + word;
    const cached = this.matches.get(key);
    if (cached) return cached;
    const vocabulary = this.terms;
    const found = new Map<number, number>();
    const add = (id: number, quality: number) => {
      if ((found.get(id) ?? 0) < quality) found.set(id, quality);
    };
    // The words of the feed that `term` is the plain form of ("care": caring, cared).
    const inflected = (term: string, quality: number) => {
      for (const id of this.forms.get(term) ?? []) add(id, quality * SAME_WORD);
    };

    // The word itself, with another ending ("museums"), or as the start of a longer word (still
    // being typed, or a word made from it: "certainty"), which a shorter word outranks, the more
    // so the commoner it is (a rarer word picks out fewer case studies, likelier the one wanted);
    // a Welsh word also in its other mutations ("gaerdydd" is "caerdydd"), in a Welsh interface
    // or document.
    inflected(word, 1);
    for (const form of [word, ...(word.length > 2 && (this.cy || this.welsh.size) ? mutations(word) : [])]) {
      const factor = form === word ? 1 : SAME_WORD;
      for (const id of this.prefixed(form)) {
        if (factor < 1 && !this.cy && !this.welsh.has(id)) continue;
        const term = vocabulary[id]!;
        const rarity = 1 - Math.log(this.postings(id)) / this.logSize;
        add(id, factor * (term === form ? 1 : ENDING.test(term.slice(form.length)) ? SAME_WORD : STEP * (0.6 + 0.3 * rarity + (0.1 * form.length) / term.length)));
      }
    }
    // A word the feed has (whole or as the start of a longer word) is what the visitor meant:
    // looking for typos too would let "lung" find "hunger" and outrank it.
    const known = found.size > 0;
    // Other endings of the same word: "library" finds "libraries", "painting" finds "painted". The
    // stem of a word the feed lacks is a guess, worth a typo'd start of a word ("mistery" gives
    // "mister"), and typos may serve the word better ("mystery").
    const stem = stemOf(word);
    const guess = typoQuality(1, false);
    for (const [id, same] of stem ? this.endings(stem) : []) add(id, !known ? guess : same ? SAME_WORD : STEP * 0.9);
    // Another ending of a real word is no correction ("painting" finding "painted"); a typo that
    // serves the word better than its stem does is ("libray" is "library", not "libra…").
    const stemmed = found.size ? guess : 0;
    if (!known) {
      const typos = allowedTypos(word.length);
      let near = this.near(word, typos);
      // Nothing near, in a long word: its first two letters mistyped, the rest as the feed's word
      // ends ("fonetic": phonetic, "irregardless": regardless), found by its last letter pair.
      if (!found.size && !near.length && typos > 1) {
        // Letters a to z, as base-36 digits 10 to 35.
        for (let letter = 10; letter < 36; letter++) {
          for (const id of this.pairs.get(letter.toString(36) + word.slice(-2)) ?? []) {
            const term = this.fuzzy[id]!;
            const edits = term.endsWith(word.slice(2)) ? editDistance(word, term, typos)[0] : typos + 1;
            if (edits <= typos) near.push([id, edits, true]);
          }
        }
      }
      // Nothing near: a typo of an inflected word whose plain form the feed has ("libaries" for
      // "library").
      let plain = 1;
      if (!found.size && !near.length) [near, plain] = [plainForms(word).flatMap((form) => (form.length > FUZZY_MIN_LENGTH ? this.near(form, allowedTypos(form.length)) : [])), SAME_WORD];
      // Or else a word being typed, with a typo in it ("libar" for "libraries").
      if (!found.size && !near.length) [near, plain] = [this.near(word, typos, true), 1];
      // A plain form of a feed's word ("library" for "libraries") is as good as the word, unless
      // a word of the feed is as near: "liek" is "like" before "link" (of "linked").
      const nearest = Math.min(...near.filter(([id, , all]) => all && id < vocabulary.length).map(([, edits]) => edits));
      for (const [fuzzyId, edits, all] of near) {
        const quality = typoQuality(edits, all) * (fuzzyId < vocabulary.length ? plain : edits < nearest ? 1 : STEP);
        for (const id of this.termsOf(fuzzyId)) {
          add(id, quality);
          // The word it was taken for, with its other endings: "libary" finds "libraries" too.
          const term = vocabulary[id]!;
          if (!all) continue;
          for (const [other, same] of this.endings(stemOf(term) ?? term)) if (same) add(other, quality * SAME_WORD);
          inflected(term, quality);
        }
      }
    }

    const ids = [...found.keys()];
    const qualities = [...found.values()];
    const match: WordMatch = { ids, qualities, cost: ids.reduce((sum, id) => sum + this.postings(id), 0) };
    if (!known && ids.length) {
      // The correction shown is the best match, the commonest word among equals.
      let best = 0;
      for (let at = 1; at < ids.length; at++) {
        const [q, b] = [qualities[at]!, qualities[best]!];
        if (q > b || (q === b && this.postings(ids[at]!) > this.postings(ids[best]!))) best = at;
      }
      if (qualities[best]! > stemmed) match.corrected = ids[best];
    }
    if (this.matches.size >= CACHE_LIMIT) this.matches.clear();
    this.matches.set(key, match);
    return match;
  }

  /** The terms a fuzzy id stands for: a word of the feed, or the words a plain form is a form of. */
  private termsOf(fuzzyId: number): number[] {
    return fuzzyId < this.terms.length ? [fuzzyId] : this.formTerms[fuzzyId - this.terms.length]!;
  }

  /** Words starting with `stem`, each with whether the rest is an ending ("librar" + "ies"). */
  private endings(stem: string): Array<[number, boolean]> {
    return this.prefixed(stem).map((id) => [id, ENDING.test(this.terms[id]!.slice(stem.length))]);
  }

  /** Term ids of every vocabulary word starting with `prefix`. */
  private prefixed(prefix: string): number[] {
    const sorted = this.sorted!;
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.terms[sorted[mid]!]! < prefix) low = mid + 1;
      else high = mid;
    }
    const ids: number[] = [];
    for (let at = low; at < sorted.length; at++) {
      const id = sorted[at]!;
      if (!this.terms[id]!.startsWith(prefix)) break;
      ids.push(id);
    }
    return ids;
  }

  /**
   * Fuzzy words (see {@link #fuzzy}) within `typos` edits of `word` (an adjacent swap is one
   * edit, a doubled letter written once or a single one twice half an edit; the same letters in
   * another order, within two edits, count as one), or whose start is within fewer, or as many
   * with `starts`: [fuzzy id, edits, whether the whole word is that near]. A typo'd start of a
   * word is a weaker guess than a whole one, and made-up words ("meretu") are near the starts of
   * many words. Only words starting as `word` does are looked at, and those with its letters.
   */
  private near(word: string, typos: number, starts = false): Array<readonly [number, number, boolean]> {
    const near: Array<readonly [number, number, boolean]> = [];
    if (typos === 0) return near;
    const fuzzy = this.fuzzy;
    // Swapped neighbours, which can spoil every letter pair of a short word ("tihs", "vrey"), as
    // the start of a word; whole words with the letters in another order: a letter typed too
    // early or too late ("tounge", "Ghandi", "jstu"), two swaps ("hwihc"), a swap across a letter
    // ("Lybia"), each counted as one typo: made-up words are seldom a real word's letters.
    for (let at = 0; at < word.length - 1; at++) {
      const swapped = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
      for (const id of this.prefixed(swapped)) near.push([id, 1, false]);
    }
    const sum = letters(word);
    this.sums.forEach((other, id) => other === sum && editDistance(word, fuzzy[id]!, 2)[0] <= 2 && near.push([id, 1, true]));
    // Candidates: the words sharing the most letter pairs with this one, counted in a reusable
    // array (a Map costs several times as much on a keystroke).
    const counts = this.pairCounts;
    const touched: number[] = [];
    for (const pair of new Set(letterPairs(word))) {
      for (const id of this.pairs.get(pair) ?? []) if ((counts[id] = counts[id]! + 1) === 1) touched.push(id);
    }
    // A typo spoils at most two of a word's letter pairs, a swap three (swaps alone were looked
    // up above). A longer word can only match by its start, which is allowed one typo fewer.
    const needed = word.length - 2 - 2 * typos;
    const byCount: number[][] = [];
    for (const id of touched) {
      const length = fuzzy[id]!.length;
      if (counts[id]! >= needed && length >= word.length - typos && (starts || typos > 1 || length <= word.length + typos)) {
        (byCount[counts[id]!] ??= []).push(id);
      }
      counts[id] = 0;
    }
    for (const id of byCount.reverse().flat().slice(0, FUZZY_CANDIDATES)) {
      const [whole, start] = editDistance(word, fuzzy[id]!, typos);
      near.push(whole <= typos ? [id, whole, true] : [id, start, false]);
    }
    return near.filter(([, edits, whole]) => (whole ? edits <= typos : edits < typos + +starts));
  }
}

/** Files `id` under `key`, once however often it comes ("ss" twice in "ssass"). */
function file<Key>(map: Map<Key, number[]>, key: Key, id: number): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = []));
  if (ids.at(-1) !== id) ids.push(id);
}

/**
 * A number that words with the same letters share, in whatever order ("tongue", "tounge"): the sum
 * of their codes cubed. Others seldom share it, and none within two edits of each other (no cube
 * is the sum of two, and no two pairs of letters or digits have the same sum of cubes).
 */
function letters(word: string): number {
  let sum = 0;
  for (let at = 0; at < word.length; at++) sum += word.charCodeAt(at) ** 3;
  return sum;
}

/** "library" → lli lib lbr lra lar lry: each letter pair, filed under the word's first letter. */
function letterPairs(word: string): string[] {
  const pairs: string[] = [];
  for (let at = 1; at < word.length; at++) pairs.push(word[0] + word.slice(at - 1, at + 1));
  return pairs;
}

/**
 * Edits from `word` to the whole of `term`, and to its nearest start, or Infinity beyond `limit`.
 * An edit inserts, deletes or replaces a letter, or swaps two neighbours (the optimal-string-
 * alignment distance: "anohter" and "another" are one edit apart). A letter doubled or undoubled
 * ("begining", "harrass") is half an edit: the commonest misspelling should outrank other words
 * one edit away.
 */
// The three rows of the table below, reused by every call: an edit distance allocates nothing
// (words and terms are at most 40 letters), and a keystroke makes a hundred of them.
const ROWS = [0, 1, 2].map(() => new Float64Array(64));

function editDistance(word: string, term: string, limit: number): [whole: number, start: number] {
  // Starts of `term` longer than this are over the limit anyway.
  const length = Math.min(term.length, word.length + limit);
  let [before, above, row] = ROWS as [Float64Array, Float64Array, Float64Array];
  for (let j = 0; j <= length; j++) above[j] = j;
  for (let i = 1; i <= word.length; i++) {
    const letter = word.charCodeAt(i - 1);
    const previous = word.charCodeAt(i - 2);
    const deletion = letter === previous ? 0.5 : 1;
    let least = (row[0] = i);
    for (let j = 1; j <= length; j++) {
      const other = term.charCodeAt(j - 1);
      const last = term.charCodeAt(j - 2);
      let edits = above[j]! + deletion;
      const inserted = row[j - 1]! + (other === last ? 0.5 : 1);
      if (inserted < edits) edits = inserted;
      const replaced = above[j - 1]! + (letter === other ? 0 : 1);
      if (replaced < edits) edits = replaced;
      if (letter === last && previous === other && before[j - 2]! + 1 < edits) edits = before[j - 2]! + 1;
      row[j] = edits;
      if (edits < least) least = edits;
    }
    // Every later row is at least this far: no start of the term is near enough.
    if (least > limit) return [Infinity, Infinity];
    const done = before;
    before = above;
    above = row;
    row = done;
  }
  let start = Infinity;
  for (let j = 0; j <= length; j++) start = Math.min(start, above[j]!);
  return [length === term.length ? above[length]! : Infinity, start];
}
