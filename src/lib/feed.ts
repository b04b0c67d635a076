import { runAll, runSliced } from './slices.js';
import { isSafeUrl } from './url.js';

/** The list-valued fields every feed may have. */
export const LIST_FIELDS = ['topics', 'supportTypes', 'keywords'] as const;

/** Feeds longer than this are checked in slices when loaded in the browser. */
const SLICED_FROM = 2000;

/** Fields without which an item cannot be shown: a problem here skips the item. */
const REQUIRED_FIELDS = new Set(['title', 'url']);

/** Keys never copied from feed data, so that no feed can reach an object's prototype. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/;

/** A validated, normalised case study. */
export interface CaseStudy {
  id: string;
  title: string;
  url: string;
  summary?: string;
  organisation?: string;
  topics: string[];
  supportTypes: string[];
  keywords: string[];
  /** ISO date as given. */
  date?: string;
  /** `date` in milliseconds since 1970, for sorting. */
  time?: number;
  image?: { src: string; alt: string };
  collection?: { label: string; url: string };
  /** Other text or text-list fields of the item, usable as facets. Has no prototype. */
  extra: Record<string, string[]>;
}

/** A facet as the feed names it; `label` may be one text or one per language. */
export interface FacetDef {
  key: string;
  label?: string | Record<string, string>;
}

/** Something wrong with one item: its 0-based index in the feed and what to do about it. */
export interface FeedProblem {
  index: number;
  reason: string;
  id?: string;
  title?: string;
  /** For an item skipped because an earlier one has its id (or its url, when it has no id). */
  duplicateOf?: Duplicate;
}

/** Which earlier item (0-based) an item repeats, by which field and value. */
export interface Duplicate {
  index: number;
  field: 'id' | 'url';
  value: string;
}

/**
 * The reason given for a repeated id, naming the first item with it as `place` ("item 3" in
 * the browser, counted from 0; the command line says "item 4" or "line 5").
 *
 * @example
 * duplicateReason({ index: 3, field: 'id', value: 'good' }, 'item 3');
 * // 'id "good" is already used by item 3 (ids must be unique)'
 */
export function duplicateReason({ field, value }: Duplicate, place: string): string {
  const rule = field === 'id' ? 'ids must be unique' : 'an item without an id needs a url of its own';
  return `${field} "${truncate(value)}" is already used by ${place} (${rule})`;
}

export interface ParsedFeed {
  title?: string;
  facets: FacetDef[];
  items: CaseStudy[];
  /** Items that could not be shown at all. */
  skipped: FeedProblem[];
  /** Items shown without a field that was wrong. */
  warnings: FeedProblem[];
}

/**
 * Why a feed cannot be used, as a visitor would be told: `unavailable` when it is not there or
 * not a feed (a 404, an HTML page, the wrong shape), `network` when it did not arrive (no
 * connection, no answer in time, cut off part-way).
 */
export type FeedFailure = 'unavailable' | 'network';

/** A feed that cannot be used at all: not JSON, the wrong shape, or not reachable. */
export class FeedError extends Error {
  override name = 'FeedError';
  readonly kind: FeedFailure;
  constructor(message: string, options?: { cause?: unknown; kind?: FeedFailure }) {
    super(message, options);
    this.kind = options?.kind ?? 'unavailable';
  }
}

/**
 * True for a FeedError, including one from the readers of other formats, which the
 * self-contained bundle loads from a file of its own with its own copy of the class: its words
 * and kind are kept as they are.
 */
export const isFeedError = (cause: unknown): cause is FeedError => cause instanceof Error && cause.name === 'FeedError';

/**
 * Validates a parsed JSON feed. Never throws for item problems: bad items are skipped and bad
 * optional fields dropped, each reported with its index and a reason a webmaster can act on.
 * Throws {@link FeedError} only when the value is neither an array nor an object with `items`.
 *
 * @example
 * const { items, skipped } = parseFeed(await response.json());
 */
export function parseFeed(json: unknown): ParsedFeed {
  return runAll(parsing(json));
}

/**
 * {@link parseFeed} for a feed that may be large: over 2,000 items it is checked in tasks of a
 * few milliseconds (about 0.02 ms an item), so the page stays responsive meanwhile. Stops with
 * the abort reason when `signal` aborts.
 */
export async function parseLargeFeed(json: unknown, signal?: AbortSignal): Promise<ParsedFeed> {
  const steps = parsing(json);
  return isLargeFeed(json) ? runSliced(steps, signal) : runAll(steps);
}

/** True for a feed with more items than are checked in one go. */
export function isLargeFeed(json: unknown): boolean {
  const items = isRecord(json) ? json.items : json;
  return Array.isArray(items) && items.length > SLICED_FROM;
}

/** parseFeed's work, with a point to pause every 250 items. */
function* parsing(json: unknown): Generator<void, ParsedFeed> {
  const envelope = readEnvelope(json);
  const checker = new FeedChecker();
  for (let index = 0; index < envelope.items.length; index++) {
    if (index % 250 === 249) yield;
    checker.add(envelope.items[index]);
  }
  return checker.feed(envelope);
}

/**
 * Checks a feed's items one at a time, in feed order, exactly as {@link parseFeed} does: for a
 * feed read as it arrives (see FeedReader), item by item. `items` grows as they are accepted.
 *
 * With `newestFirst` set (the feed says its items are newest first), it stays true only while
 * each accepted item is no newer than the one before (undated items last): then the first
 * items accepted are the first cards, before the rest has arrived. `outOfOrder` is the index
 * of the first item that broke the promise. `check` is how each item is checked: the property
 * tests give it zod's answer, to compare.
 */
export class FeedChecker {
  readonly items: CaseStudy[] = [];
  readonly skipped: FeedProblem[] = [];
  readonly warnings: FeedProblem[] = [];
  newestFirst = false;
  outOfOrder?: number;
  #index = 0;
  #last = Infinity;
  readonly #firstIndexOfId = new Map<string, number>();
  readonly #check: (raw: unknown) => ItemResult;

  constructor(check = checkItem) {
    this.#check = check;
  }

  add(raw: unknown): void {
    const index = this.#index++;
    const result = this.#check(raw);
    if (!result.ok) {
      this.skipped.push({ index, reason: result.reasons.join('; '), ...describeItem(raw) });
      return;
    }
    const { item, warnings } = result;
    const first = this.#firstIndexOfId.get(item.id);
    if (first !== undefined) {
      // Without an id the URL stands in for it, so say which one the webmaster wrote.
      const field = isRecord(raw) && raw.id !== undefined && raw.id !== '' ? 'id' : 'url';
      const duplicateOf: Duplicate = { index: first, field, value: item.id };
      this.skipped.push({ index, reason: duplicateReason(duplicateOf, `item ${first}`), ...describeItem(raw), duplicateOf });
      return;
    }
    if (warnings.length) {
      const label = describeItem(raw);
      for (const reason of warnings) this.warnings.push({ index, reason, ...label });
    }
    const time = item.time ?? -Infinity;
    if (this.newestFirst && time > this.#last) {
      this.newestFirst = false;
      this.outOfOrder = index;
    }
    this.#last = time;
    this.#firstIndexOfId.set(item.id, index);
    this.items.push(item);
  }

  /** The checked feed, with the envelope's title and facets. */
  feed({ title, facets }: { title?: string; facets: FacetDef[] }): ParsedFeed {
    return { title, facets, items: this.items, skipped: this.skipped, warnings: this.warnings };
  }
}

/**
 * Parses feed text (the body of a response or a file). Throws {@link FeedError} with a plain
 * message when it is not JSON.
 */
export function parseFeedText(source: string): ParsedFeed {
  return parseFeed(readJson(source));
}

/** The JSON in feed text; throws {@link FeedError} with a plain message when there is none. */
export function readJson(source: string): unknown {
  // A byte order mark is harmless in a file but not JSON: editors on Windows add one.
  source = source.replace(/^\uFEFF/, '');
  if (source.trim() === '') throw new FeedError('The feed is empty (no JSON in it).');
  try {
    return JSON.parse(source);
  } catch (cause) {
    throw notJson(source.trim(), cause);
  }
}

/**
 * The error for text that is not JSON, quoting how it begins (`start`, trimmed): in our own
 * words, not the engine's (they differ between browsers), and usually enough to recognise an
 * HTML error page or a login screen.
 */
export function notJson(start: string, cause?: unknown): FeedError {
  return new FeedError(`The feed is not valid JSON. It begins: ${JSON.stringify(truncate(start, 40))}`, { cause });
}

interface Envelope {
  title?: string;
  facets: FacetDef[];
  items: unknown[];
}

/**
 * The items, title and facets of a feed's JSON; throws {@link FeedError} when it is neither an
 * array nor an object with an `items` array.
 */
export function readEnvelope(json: unknown): Envelope {
  if (Array.isArray(json)) return { facets: [], items: json };
  if (isRecord(json) && Array.isArray(json.items)) {
    const facets = Array.isArray(json.facets)
      ? json.facets.flatMap((def) => {
          const facet = readFacetDef(def);
          return facet ? [facet] : [];
        })
      : [];
    const title = typeof json.title === 'string' && json.title.trim() ? json.title.trim() : undefined;
    return { title, facets, items: json.items };
  }
  throw new FeedError(
    'The feed is JSON but not a list of case studies: it must be an array of items or an object with an "items" array.',
  );
}

/** One item checked: the case study and what was dropped from it, or why it is skipped. */
export type ItemResult =
  | { ok: true; item: CaseStudy; warnings: string[] }
  | { ok: false; reasons: string[] };

const NONE: string[] = [];

/**
 * Checks one item of a feed against the schema of record (FeedItemSchema in feed-schema.ts,
 * which the page does not load: zod would be a sixth of its size budget), with the same
 * reasons in the same order; property tests hold the two to the same answers. Fields are
 * checked in the schema's order. A problem with `title` or `url` skips the item; other wrong
 * fields are left out, each with a warning, and the rest kept.
 *
 * @example
 * checkItem({ title: 'Story time', url: '/a', date: 'soon' });
 * // { ok: true, item: { … }, warnings: ['date "soon" is not a date (write it as YYYY-MM-DD), so date is left out'] }
 */
export function checkItem(raw: unknown): ItemResult {
  if (!isRecord(raw)) return { ok: false, reasons: ['is not an object with a title and url'] };
  let issues = itemIssues(raw);
  if (issues.length === 0) return { ok: true, item: toCaseStudy(raw as unknown as ItemData, raw), warnings: NONE };

  const required = issues.filter((issue) => REQUIRED_FIELDS.has(issue.path[0]!));
  if (required.length > 0) return { ok: false, reasons: uniqueReasons(required, raw) };

  // Only optional fields are wrong: drop them and check again. The copy has only the item's own
  // fields (not inherited ones), as it had when zod checked it: the answers must stay the same.
  const warnings = [...new Set(issues.map((issue) => `${describeIssue(issue, raw)}, so ${issue.path[0]} is left out`))];
  const trimmed: Record<string, unknown> = { ...raw };
  for (const issue of issues) delete trimmed[issue.path[0]!];
  issues = itemIssues(trimmed);
  if (issues.length > 0) return { ok: false, reasons: uniqueReasons(issues, raw) };
  return { ok: true, item: toCaseStudy(trimmed as unknown as ItemData, raw), warnings };
}

/** An item's fields once checked: what toCaseStudy reads (text still to be cleaned). */
export interface ItemData {
  id?: string | number;
  title: string;
  url: string;
  summary?: string;
  organisation?: string;
  topics?: string | string[];
  supportTypes?: string | string[];
  keywords?: string | string[];
  date?: string;
  image?: { src: string; alt?: string };
  collection?: { label: string; url: string };
}

/**
 * Something wrong with a field: its path (`['image', 'src']`) and what is wrong, `{value}`
 * standing for the value as given.
 */
interface Issue {
  path: string[];
  message: string;
}

const NOT_A_WEB_ADDRESS = '{value} is not a web address (it must start with https://, http:// or /)';
const NOT_A_DATE = '{value} is not a date (write it as YYYY-MM-DD)';

/**
 * What FeedItemSchema would say about an item, issue by issue. Almost every item has nothing
 * to report, so each field is first tested as it should be, and worded only when it fails.
 * Fields are read as zod reads them (inherited ones too).
 */
function itemIssues(raw: Record<string, unknown>): Issue[] {
  const issues: Issue[] = [];
  // Paths are written dotted ("image.src"): every field named here is one of ours, without a dot.
  const wrong = (path: string, message: string) => void issues.push({ path: path.split('.'), message });
  const { id, title, url, summary, organisation, date, image, collection } = raw;
  if (!(id === undefined || typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)))) wrong('id', 'must be text or a number');
  checkRequiredText(wrong, 'title', title);
  checkWebAddress(wrong, 'url', url);
  checkOptionalText(wrong, 'summary', summary);
  checkOptionalText(wrong, 'organisation', organisation);
  for (const field of LIST_FIELDS) if (!isTextList(raw[field])) wrong(field, 'must be text or a list of text');
  if (date !== undefined) {
    if (typeof date !== 'string') wrong('date', 'must be a date');
    else if (!isIsoDate(date.trim())) wrong('date', NOT_A_DATE);
  }
  if (image !== undefined) {
    if (!isRecord(image)) wrong('image', 'must be an object with "src" and "alt"');
    else {
      checkWebAddress(wrong, 'image.src', image.src);
      checkOptionalText(wrong, 'image.alt', image.alt);
    }
  }
  if (collection !== undefined) {
    if (!isRecord(collection)) wrong('collection', 'must be an object with "label" and "url"');
    else {
      checkRequiredText(wrong, 'collection.label', collection.label);
      checkWebAddress(wrong, 'collection.url', collection.url);
    }
  }
  return issues;
}

/** Reports an issue at a dotted path ("image.src"). */
type Wrong = (path: string, message: string) => void;

function checkRequiredText(wrong: Wrong, path: string, value: unknown): void {
  if (typeof value === 'string') {
    if (cleanText(value) === '') wrong(path, 'is empty');
    return;
  }
  wrong(path, value === undefined ? 'is missing' : 'must be text');
  // zod's minimum length is also checked on any other value that has a length (a list, say).
  const length = value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
  if (length !== undefined && !((length as number) >= 1)) wrong(path, 'is empty');
}

function checkWebAddress(wrong: Wrong, path: string, value: unknown): void {
  if (typeof value !== 'string') wrong(path, value === undefined ? 'is missing' : 'must be a web address');
  else if (!isWebAddress(value)) wrong(path, NOT_A_WEB_ADDRESS);
}

function checkOptionalText(wrong: Wrong, path: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string') wrong(path, 'must be text');
}

/**
 * One entry of a feed's `facets` as FacetDefSchema (feed-schema.ts) reads it, or undefined
 * when that refuses it: only `key` and `label` are kept, and in a label only `en` and `cy`.
 */
function readFacetDef(def: unknown): FacetDef | undefined {
  if (!isRecord(def)) return undefined;
  const { key, label } = def;
  if (typeof key !== 'string' || cleanText(key) === '') return undefined;
  const facet: FacetDef = { key };
  if (label === undefined || typeof label === 'string') {
    if ('label' in def) facet.label = label;
    return facet;
  }
  if (!isRecord(label)) return undefined;
  const { en, cy } = label;
  if ((en !== undefined && typeof en !== 'string') || (cy !== undefined && typeof cy !== 'string')) return undefined;
  const names: Record<string, string> = {};
  if ('en' in label) names.en = en as string;
  if ('cy' in label) names.cy = cy as string;
  facet.label = names;
  return facet;
}

const isWebAddress = (value: unknown): boolean => {
  if (typeof value !== 'string') return false;
  const url = cleanText(value);
  return PLAIN_URL.test(url) || isSafeUrl(url);
};

function isTextList(value: unknown): boolean {
  if (value === undefined || typeof value === 'string') return true;
  if (!Array.isArray(value)) return false;
  for (let at = 0; at < value.length; at++) if (typeof value[at] !== 'string') return false;
  return true;
}

/**
 * Web addresses the URL parser always reads as http(s), recognised without building a URL: a
 * path from the site's root, or http(s) with a plain host name whose last part begins with a
 * letter (a number there is read as an IP address, which may fail) and no part in punycode
 * (which may fail to decode). Tabs and newlines are out: the parser drops them, which could
 * turn "/\t/host" into "//host". Everything else goes to isSafeUrl.
 */
const PLAIN_URL = /^(?:https?:\/\/(?:(?!xn--)[a-z\d-]+\.)*(?!xn--)[a-z][a-z\d-]*(?=[/?#]|$)|\/(?![/\\]))[^\t\n]*$/i;

/**
 * The case study of a checked item: `data` its checked fields, `raw` the item (for its other
 * fields). Exported for the property tests, which build zod's answer with it.
 */
export function toCaseStudy(data: ItemData, raw: Record<string, unknown>): CaseStudy {
  const item: CaseStudy = {
    id: cleanText(String(data.id ?? '')) || cleanText(data.url),
    title: cleanText(data.title),
    url: cleanText(data.url),
    topics: toList(data.topics),
    supportTypes: toList(data.supportTypes),
    keywords: toList(data.keywords),
    extra: readExtraFields(raw),
  };
  const summary = data.summary && cleanText(data.summary);
  if (summary) item.summary = summary;
  const organisation = data.organisation && cleanText(data.organisation);
  if (organisation) item.organisation = organisation;
  const date = data.date?.trim();
  if (date) {
    item.date = date;
    item.time = timeOf(date);
  }
  if (data.image) item.image = { src: cleanText(data.image.src), alt: cleanText(data.image.alt ?? '') };
  if (data.collection) item.collection = { label: cleanText(data.collection.label), url: cleanText(data.collection.url) };
  return item;
}

/** The fields of FeedItemSchema, in its order: any other field of an item may be a facet. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'id', 'title', 'url', 'summary', 'organisation', ...LIST_FIELDS, 'date', 'image', 'collection',
]);

/** The `extra` of every item without other fields: one shared empty record, never written to. */
const NO_EXTRA: Record<string, string[]> = Object.freeze(Object.create(null));

function readExtraFields(raw: Record<string, unknown>): Record<string, string[]> {
  let extra = NO_EXTRA;
  // for…in with an own-property check reads what Object.entries would, without its arrays.
  for (const key in raw) {
    if (!Object.hasOwn(raw, key) || KNOWN_FIELDS.has(key) || UNSAFE_KEYS.has(key)) continue;
    const value = raw[key];
    const list = typeof value === 'string' ? [value] : isTextList(value) ? (value as string[]) : undefined;
    if (!list) continue;
    if (extra === NO_EXTRA) extra = Object.create(null);
    extra[key] = cleanList(list);
  }
  return extra;
}

const toList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : cleanList(typeof value === 'string' ? [value] : value);

/** Trims, drops blanks and drops case-insensitive repeats (the first spelling wins). */
function cleanList(values: string[]): string[] {
  const out: string[] = [];
  // Lists are short: a set (and a lower-cased copy of a lone value) would cost more than it saves.
  const keys: string[] | Set<string> = values.length > 16 ? new Set() : [];
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const cleaned = cleanText(value);
    if (!cleaned) continue;
    if (values.length > 1) {
      const key = cleaned.toLowerCase();
      if (Array.isArray(keys) ? keys.includes(key) : keys.has(key)) continue;
      if (Array.isArray(keys)) keys.push(key);
      else keys.add(key);
    }
    out.push(cleaned);
  }
  return out;
}

// Control characters other than tab and newline have no business in display text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f]/;

type MaybeWellFormed = string & { isWellFormed?: () => boolean; toWellFormed?: () => string };

/** Text fit to show: lone surrogates replaced, control characters removed, trimmed. */
export function cleanText(value: string): string {
  // Checks first: almost all text is clean, and checking is cheaper than rebuilding it. The
  // regular expression is compiled code from its first use, where a loop over every character
  // runs cold while a page loads its feed (by a quarter of the time spent checking items).
  const text = value as MaybeWellFormed;
  let clean: string = text.isWellFormed?.() === false ? text.toWellFormed!() : value;
  if (CONTROL_CHAR.test(clean)) clean = clean.replace(CONTROL_CHARS, '');
  return clean.trim();
}

/** True for an ISO 8601 date (YYYY-MM-DD, optionally with a time) that is a real calendar day. */
export function isIsoDate(value: string): boolean {
  if (/^\d{4}-\d\d-\d\d$/.test(value)) {
    // The usual YYYY-MM-DD, checked without a regex match or a Date. Date.UTC, which the check
    // below stands in for, reads years 0–99 as 1900–1999, so their leap years are those.
    const year = +value.slice(0, 4) + (value < '0100' ? 1900 : 0);
    const month = +value.slice(5, 7);
    const day = +value.slice(8);
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month > 0 && month < 13 && day > 0 && day <= (month === 2 ? (leap ? 29 : 28) : 30 + ((month + (month >> 3)) & 1));
  }
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1, 4).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A checked date in milliseconds since 1970. */
function timeOf(date: string): number {
  // Date-only values are days, not instants: read as UTC so no time zone moves them (Date.UTC
  // would read years 0–99 as 1900–1999).
  if (date.length !== 10) return Date.parse(date.replace(' ', 'T'));
  return date < '0100' ? Date.parse(`${date}T00:00:00Z`) : Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8));
}

function uniqueReasons(issues: readonly Issue[], raw: Record<string, unknown>): string[] {
  return [...new Set(issues.map((issue) => describeIssue(issue, raw)))];
}

function describeIssue(issue: Issue, raw: Record<string, unknown>): string {
  const field = issue.path.join('.');
  let value: unknown = raw;
  for (const key of issue.path) value = isRecord(value) ? value[key] : undefined;
  const message = issue.message.replace('{value}', () => JSON.stringify(truncate(String(value))));
  return field ? `${field} ${message}` : message;
}

function describeItem(raw: unknown): { id?: string; title?: string } {
  if (!isRecord(raw)) return {};
  const out: { id?: string; title?: string } = {};
  if (typeof raw.id === 'string' || typeof raw.id === 'number') out.id = truncate(cleanText(String(raw.id)));
  if (typeof raw.title === 'string' && raw.title.trim()) out.title = truncate(cleanText(raw.title));
  return out;
}

function truncate(value: string, max = 60): string {
  // By code points, so an emoji is never cut in half.
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

/** True for a plain object (not null, not an array): what JSON gives for `{ … }`. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
