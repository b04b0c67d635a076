import { FeedChecker, isRecord, notJson, readEnvelope, type ParsedFeed } from './feed.js';

/**
 * What reading gave: our feed, checked as it arrived, or the whole text of anything else (not
 * JSON, or JSON that `ours` declined: another format), to be read another way.
 */
export type ReadFeed = { feed: ParsedFeed } | { text: string };

/** Reads a feed's text as it arrives: see {@link feedReader}. */
export interface FeedReader {
  /** The items checked so far (a new checker if the feed gives `items` twice, as the last wins). */
  readonly checker: FeedChecker;
  /** Reads the next part of the text, with a point to pause after each batch and every 250 items (see runSliced). */
  push(text: string): Generator<void>;
  /** The feed, once all of its text has been pushed; throws FeedError as readJson and parseFeed would. */
  end(): ReadFeed;
}

/** Characters of items handed to JSON.parse at a time: about a hundred items, well under a millisecond. */
const BATCH = 65_536;
/**
 * An object's text just before its `items` array. A key that only ends with an escaped `"items`
 * has a backslash before the quote; a real one never has.
 */
const ITEMS = /[^\\]"items"\s*:\s*$/;
/** How much of the text's beginning is kept to quote in an error, as readJson does. */
const HEAD = 100;
// What the reader is reading: the start, a bare array of items, an object, nothing (the text is
// kept whole for another reader), or nothing more (it is not JSON).
const START = 0;
const ARRAY = 1;
const OBJECT = 2;
const WHOLE = 3;
const FAILED = 4;

/**
 * Reads a feed in our JSON from its text as the text arrives: the items are parsed in batches
 * and checked (with {@link FeedChecker}, so exactly as parseFeed would) while the rest is still
 * on its way, and the text of items already checked is let go. A bare array of items is read
 * this way, or an object's `items` array; the rest of the object (title, facets, and the
 * promise that items come newest first, given before them) is parsed once whole, with the
 * items replaced by 0, so that JSON.parse decides what it would have for the whole text: the
 * same key wins, the same mistakes are refused, with the same message.
 *
 * `ours` sees the feed's beginning before any item is checked (an object without its items, or
 * an array holding the first item): false hands the whole text back, for a format read another way.
 *
 * @example
 * const reader = feedReader();
 * for await (const text of parts) runAll(reader.push(text));
 * const read = reader.end(); // { feed } or { text }
 */
export function feedReader(ours: (head: unknown) => boolean = () => true, size = BATCH): FeedReader {
  let checker = new FeedChecker();
  // The reader's own: its place must survive pauses in which other readers use theirs.
  const structure = /[[\]{}",]/g;
  /** Text not used yet, the scan's place in it, and the depth there. */
  let text = '';
  let at = 0;
  let depth = 0;
  let mode = START;
  /** The depth of the items array being read (0: none), where its batch starts, batches read. */
  let array = 0;
  let batch = 0;
  let batches = 0;
  /** The last comma between two items. */
  let comma = -1;
  /** The text outside the items arrays, each replaced by 0; and, until its first batch, the array's part of it. */
  let skeleton = '';
  let before = '';
  /** Where the text still to go into the skeleton starts. */
  let rest = 0;
  let decided = false;
  let newest = false;
  let head = '';
  let cause: unknown;
  /** Whole items are still parsed without a scan (see skip). */
  let quick = true;

  const fail = () => notJson(head.trim(), cause);

  /** Whether this is our feed, from its beginning: asked once. */
  const decide = (value: unknown): boolean => {
    decided = true;
    // Our JSON may promise, before its items, that they come newest first (the CLI writes it).
    checker.newestFirst = newest = isRecord(value) && value.order === 'newest';
    if (!ours(value)) mode = WHOLE;
    return mode !== WHOLE;
  };

  /** An items array opens at `at`: a second replaces the first, as a repeated key does in JSON.parse. */
  const open = (depthOfItems: number, kind: number): void => {
    mode = kind;
    depth = array = depthOfItems;
    batch = at + 1;
    before = `${text.slice(rest, at)}0`;
    if (batches) (checker = new FeedChecker()).newestFirst = newest;
    batches = 0;
  };

  /** Parses and checks one batch: the text between two commas of the items array. */
  function* parse(part: string, last: boolean): Generator<void> {
    let items: unknown[] = [];
    try {
      items = JSON.parse(`[${part}]`) as unknown[];
    } catch (error) {
      cause = error;
    }
    // "[,", ", ,": nothing between two commas, which JSON.parse("[]") would not notice.
    if (cause || (!items.length && (!last || batches))) mode = FAILED;
    else yield* take(items);
  }

  /** Checks a batch of items, once the feed's beginning says it is ours. */
  function* take(items: unknown[]): Generator<void> {
    if (mode === OBJECT || decided || decide(items.slice(0, 1))) {
      if (!batches++) skeleton += before;
      for (let item = 0; item < items.length; item++) {
        if (item % 250 === 249) yield;
        checker.add(items[item]);
      }
      yield;
    }
  }

  /**
   * Between two items of the items array: the whole items ahead (up to the last "}," before a
   * "{", within a few batches) parsed at once, without scanning them. JSON.parse is the judge:
   * the text parses only if it ends between two items (not in a string or a nested object), and
   * then it is exactly the items the scan would have found. When it does not parse, the scan
   * reads on as usual, and is not skipped again.
   */
  function* skip(): Generator<void> {
    while (quick && array && depth === array && mode < WHOLE) {
      const end = itemsEnd(text, at, Math.min(text.length, at + 4 * size));
      if (end < 0) return;
      let items: unknown[];
      try {
        items = JSON.parse(`[${text.slice(batch, end)}]`) as unknown[];
      } catch {
        quick = false;
        return;
      }
      yield* take(items);
      comma = end;
      at = batch = end + 1;
    }
  }

  return {
    get checker() {
      return checker;
    },

    *push(part) {
      if (!text && mode === START) part = part.replace(/^\uFEFF/, '');
      // The beginning, quoted if it is not JSON.
      if (head.length < HEAD) head = (head + part).trimStart().slice(0, HEAD);
      if (mode === FAILED) return;
      text += part;
      if (mode === START) {
        // JSON's own blank space only: anything else first is not a feed of ours.
        const first = /[^ \t\n\r]/.exec(text);
        if (!first) return;
        at = first.index;
        if (text[at] === '[') open(1, ARRAY);
        else if (text[at] === '{') {
          mode = OBJECT;
          depth = 1;
        } else mode = WHOLE;
        at++;
      }
      yield* skip();
      // From one bracket, brace, quote or comma to the next, found by the regular expression
      // engine (compiled, so fast from the first run, where a loop over every character runs
      // cold): what lies between is left to JSON.parse.
      for (structure.lastIndex = at; mode < WHOLE; ) {
        if (!structure.test(text)) {
          at = text.length;
          break;
        }
        at = structure.lastIndex - 1;
        const code = text.charCodeAt(at);
        if (code === 0x22) {
          const end = stringEnd(text, at);
          // The rest of the string has not arrived: it is read again with it.
          if (end < 0) break;
          structure.lastIndex = end + 1;
        } else if (code === 0x5b || code === 0x7b) {
          // An object's items array, if it is our feed. (A key spelt with escapes is not seen,
          // and the feed is then read whole, which is slower but no different.)
          if (++depth === 2 && code === 0x5b && mode === OBJECT && ITEMS.test(text.slice(Math.max(0, at - 64), at)) && (decided || decide(readHead(text.slice(0, at)))))
            open(2, OBJECT);
        } else if (code === 0x5d || code === 0x7d) {
          if (depth-- === array) {
            // Each batch is parsed without the array's brackets, so their match is checked here.
            if (code === 0x7d) mode = FAILED;
            else yield* parse(text.slice(batch, at), true);
            array = 0;
            rest = at + 1;
          }
        } else if (depth === array) {
          comma = at;
          if (at - batch >= size) {
            yield* parse(text.slice(batch, at), false);
            batch = at + 1;
          }
          if (quick) {
            at++;
            yield* skip();
            structure.lastIndex = at;
          }
        }
      }
      // The items complete so far are checked now, however few: the first cards may be among them.
      if (array && comma > batch) {
        yield* parse(text.slice(batch, comma), false);
        batch = comma + 1;
      }
      // Let go of the text already used, once it is sure to be our feed: all but the batch being
      // gathered, or the object's own text still to go into the skeleton.
      const used = mode === FAILED ? text.length : mode === WHOLE || !decided ? 0 : array ? batch : rest;
      text = text.slice(used);
      at -= used;
      batch -= used;
      comma -= used;
      rest = Math.max(0, rest - used);
    },

    end() {
      if (mode === WHOLE || (!decided && mode !== FAILED)) return { text };
      if (mode === FAILED || array) throw fail();
      let json: unknown;
      try {
        json = JSON.parse(skeleton + text.slice(rest));
      } catch (error) {
        cause = error;
        throw fail();
      }
      if (mode === ARRAY) return { feed: checker.feed({ facets: [] }) };
      // The last `items` given wins, as in JSON.parse: if it was not the array read (0 in the
      // skeleton), the object is refused as it would have been.
      return { feed: checker.feed(readEnvelope((json as { items: unknown }).items === 0 ? { ...(json as object), items: [] } : json)) };
    },
  };
}

/** An object's beginning up to its items, read with no items, for `ours`; an empty object if it is not JSON. */
function readHead(start: string): unknown {
  try {
    return JSON.parse(`${start}[]}`);
  } catch {
    return {};
  }
}

/** Where the string opening at `from` closes, or -1 when its end has not arrived. */
function stringEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    at = text.indexOf('"', at + 1);
    if (at < 0) return -1;
    let slashes = 0;
    while (text.charCodeAt(at - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return at;
  }
}

/**
 * Where the last whole item between `from` and `to` ends: the comma of the last "}," followed
 * by "{" (blank space allowed between), or -1. Only a guess, until JSON.parse agrees.
 */
function itemsEnd(text: string, from: number, to: number): number {
  for (let close = text.lastIndexOf('}', to - 1); close >= from; close = text.lastIndexOf('}', close - 1)) {
    let next = close + 1;
    while (isBlank(text.charCodeAt(next))) next++;
    if (text.charCodeAt(next) !== 0x2c) continue;
    let open = next + 1;
    while (isBlank(text.charCodeAt(open))) open++;
    if (text.charCodeAt(open) === 0x7b) return next;
  }
  return -1;
}

/** JSON's blank space: space, tab, line feed, carriage return. */
const isBlank = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
