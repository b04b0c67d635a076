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

// Letters with their combining marks: "Mo\u0302n" (decomposed, as some exports write it) is one
// word. "&" is a word too, the word "and" ("Arts & culture").
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*|&/gu;
const MARKS = /\p{M}+/gu;

// Letters that Unicode does not decompose into a base letter and a mark, so stripping marks
// leaves them whole: "Łódź" would never be found by "lodz", nor "Straße" by "strasse".
const WHOLE_LETTERS = /[łøđðħıŧæœßþ]/g;
const PLAIN_LETTERS: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ı: 'i', ŧ: 't', æ: 'ae', œ: 'oe', ß: 'ss', þ: 'th' };

/**
 * Words longer than this are cut to it for matching: no real word is longer than 40 letters
 * (Llanfairpwllgwyngyll… still matches by its first 40), and a crafted 5 MB "word" costs no more
 * than a long one.
 */
export const MAX_WORD = 40;

/**
 * Lower-cases a word and strips its accents, so that "Môn", "MON" and "mon" compare equal.
 * Letters without a decomposition become their plain spelling ("Łódź" → "lodz", "Straße" → "strasse").
 *
 * @example
 * fold('Ynys Môn'); // 'ynys mon'
 * fold('Tromsø');   // 'tromso'
 */
export function fold(word: string): string {
  return word
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(WHOLE_LETTERS, (letter) => PLAIN_LETTERS[letter]!);
}

/**
 * The form a word is indexed and searched by: folded, and cut to {@link MAX_WORD} characters;
 * "&" is "and".
 *
 * @example
 * term('Libraries'); // 'libraries'
 * term('&');         // 'and'
 */
export function term(word: string): string {
  return word === '&' ? 'and' : fold(word.length > MAX_WORD ? word.slice(0, MAX_WORD) : word);
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
    tokens.push({ start: match.index, end: match.index + match[0].length, term: term(match[0]) });
  }
  return tokens;
}

/** The words of a text as written, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The words of a text as {@link term}s, in order (no positions): cheaper than {@link tokenize}. */
export function terms(text: string): string[] {
  return words(text).map(term);
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

/**
 * Text cut to about `max` characters for a card, at a word's end, with "…" where it was cut.
 * With matched words, the cut is a window around the first of them (a little before it), so a
 * visitor sees why the case study was found; without, the text's beginning. Only the first
 * 20,000 characters are looked at, as only they are searched: a 5 MB summary costs no more.
 *
 * @example
 * excerpt('A long summary … about libraries …', 60, new Set(['libraries'])); // '… about libraries …'
 */
export function excerpt(text: string, max: number, matched: ReadonlySet<string> = new Set()): string {
  if (text.length <= max) return text;
  const scanned = text.slice(0, 20_000);
  let start = 0;
  if (matched.size) {
    const first = tokenize(scanned).find((token) => matched.has(token.term));
    // A few words of what comes before the match, so it reads as a sentence.
    if (first && first.end > max * 0.8) start = Math.max(0, scanned.lastIndexOf(' ', first.start - max / 4) + 1);
  }
  let end = Math.min(scanned.length, start + max);
  if (end < scanned.length) {
    const space = scanned.lastIndexOf(' ', end);
    if (space > start + max / 2) end = space;
  }
  return `${start > 0 ? '… ' : ''}${scanned.slice(start, end).trim()}${end < text.length ? ' …' : ''}`;
}
