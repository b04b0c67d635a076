/**
 * Compares texts as a British reader orders them: case and accents aside, numbers by value
 * ("Ward 2" before "Ward 10"). One collator for the whole widget, since `localeCompare` with a
 * locale builds a new one on every call.
 */
export const compareText = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true }).compare;

/** A word in a text: where it stands in the original, and its folded form. */
export interface Token {
  start: number;
  end: number;
  term: string;
}

// Letters with their combining marks: "Mo\u0302n" (decomposed, as some exports write it) is one word.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const MARKS = /\p{M}+/gu;

// Folding is the hot part of indexing; a vocabulary is small next to its text, so remember it.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 200_000;

/**
 * Lower-cases a word and strips its accents, so that "Môn", "MON" and "mon" compare equal.
 *
 * @example
 * fold('Ynys Môn'); // 'ynys mon'
 */
export function fold(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = word.normalize('NFD').replace(MARKS, '').toLowerCase();
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

/**
 * Splits text into words (runs of letters and digits), keeping their positions in the original
 * text so that matches can be highlighted exactly where they are.
 *
 * @example
 * tokenize("Children's library").map((t) => t.term); // ['children', 's', 'library']
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    tokens.push({ start: match.index, end: match.index + match[0].length, term: fold(match[0]) });
  }
  return tokens;
}

/** The words of a text as written, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The folded words of a text, in order (no positions): cheaper than {@link tokenize}. */
export function terms(text: string): string[] {
  return words(text).map(fold);
}

/** A run of text, marked when it matched the search. */
export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Cuts text into plain and marked runs: each word whose folded form is one of `matched` is
 * marked. The runs join back to the original text exactly.
 *
 * @example
 * highlight('Libraries open late', new Set(['libraries']));
 * // [{ text: 'Libraries', mark: true }, { text: ' open late', mark: false }]
 */
export function highlight(text: string, matched: ReadonlySet<string>): Segment[] {
  if (matched.size === 0) return [{ text, mark: false }];
  const segments: Segment[] = [];
  let at = 0;
  for (const token of tokenize(text)) {
    if (!matched.has(token.term)) continue;
    if (token.start > at) segments.push({ text: text.slice(at, token.start), mark: false });
    segments.push({ text: text.slice(token.start, token.end), mark: true });
    at = token.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
