import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  checkItem,
  FeedChecker,
  isRecord,
  KNOWN_FIELDS,
  parseFeed,
  toCaseStudy,
  type FacetDef,
  type ItemData,
  type ItemResult,
  type ParsedFeed,
} from './feed.js';
import { FacetDefSchema, FeedItemSchema } from './feed-schema.js';

/*
 * The page checks feeds by hand (lib/feed.ts) so as not to carry zod; zod (feed-schema.ts) is
 * the schema of record. These properties hold the two to the same answers: the same items
 * accepted with the same case studies, the same reasons and warnings, worded the same, in the
 * same order, for hostile and nearly-right input alike.
 */

// ---- zod's answers: how parseFeed checked items and facets while it used zod ----------------

/** One item checked by FeedItemSchema, as parseFeed did before it had its own checker. */
function zodCheckItem(raw: unknown): ItemResult {
  if (!isRecord(raw)) return { ok: false, reasons: ['is not an object with a title and url'] };
  let result = FeedItemSchema.safeParse(raw);
  if (result.success) return { ok: true, item: toCaseStudy(result.data, raw), warnings: [] };

  const required = result.error.issues.filter((issue) => ['title', 'url'].includes(String(issue.path[0])));
  if (required.length > 0) return { ok: false, reasons: uniqueReasons(required, raw) };

  const warnings = [
    ...new Set(result.error.issues.map((issue) => `${describeIssue(issue, raw)}, so ${String(issue.path[0])} is left out`)),
  ];
  const trimmed: Record<string, unknown> = { ...raw };
  for (const issue of result.error.issues) delete trimmed[String(issue.path[0])];
  result = FeedItemSchema.safeParse(trimmed);
  if (!result.success) return { ok: false, reasons: uniqueReasons(result.error.issues, raw) };
  return { ok: true, item: toCaseStudy(result.data, raw), warnings };
}

function uniqueReasons(issues: readonly z.core.$ZodIssue[], raw: Record<string, unknown>): string[] {
  return [...new Set(issues.map((issue) => describeIssue(issue, raw)))];
}

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, unknown>): string {
  const field = issue.path.map(String).join('.');
  let value: unknown = raw;
  for (const key of issue.path) value = isRecord(value) ? value[key as string] : undefined;
  const message = issue.message.replace('{value}', () => JSON.stringify(truncate(String(value))));
  return field ? `${field} ${message}` : message;
}

function truncate(value: string, max = 60): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : value;
}

/** The facets FacetDefSchema accepts, as it gives them. */
const zodFacets = (defs: readonly unknown[]): FacetDef[] =>
  defs.flatMap((def) => {
    const parsed = FacetDefSchema.safeParse(def);
    return parsed.success ? [parsed.data] : [];
  });

/** parseFeed of an envelope, with zod checking the items and the facets. */
function zodParseFeed(envelope: { title?: string; facets: unknown[]; items: unknown[] }): ParsedFeed {
  const checker = new FeedChecker(zodCheckItem);
  for (const item of envelope.items) checker.add(item);
  return checker.feed({ title: envelope.title, facets: zodFacets(envelope.facets) });
}

// zod's output must be something toCaseStudy can read, field for field.
const outputFits: ItemData = {} as z.output<typeof FeedItemSchema>;
void outputFits;

// ---- arbitraries ------------------------------------------------------------------------------

const PADDING = ['', ' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\ufeff', '\u0001', '\u000b', '\u200b', '\u2028'];
const padded = (text: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom(...PADDING), text, fc.constantFrom(...PADDING)).map(([before, core, after]) => before + core + after);

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const blank = fc.oneof(
  fc.constantFrom('', ' ', '\t\n', '\u00a0', '\u0000', '\u0001\u001f', '\u007f', '\u000b\u000c', '\ufeff'),
  fc.string({ unit: fc.constantFrom(...PADDING), maxLength: 4 }),
);

const ODD_VALUES: unknown[] = [
  null, undefined, 0, -0, 1, 1.5, -1, NaN, Infinity, -Infinity, 2 ** 53, true, false, 10n,
  [], [''], ['a'], ['a', 1], [null], [[]], {}, { length: 0 }, { length: 1 }, { length: '0' }, { length: null },
  { src: '/a' }, { en: 'A' }, new String(''), new String('x'), new Number(1), new Date(0), new Map(), new Set(['a']),
  new Uint8Array(0), new Uint8Array(2), Object.create(null), '{value}', '$&', "$'",
];
const odd: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_VALUES) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 1, maxKeys: 3, withBoxedValues: true, withNullPrototype: true, withTypedArray: true, withDate: true }) },
);

const words = fc.constantFrom('Libraries', 'libraries', 'Ynys Môn', 'Story time', 'Café', '😀', 'e\u0301', 'a\tb', 'x'.repeat(70), '\uD800', 'a\uDC00b');
const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: padded(words) },
  { weight: 2, arbitrary: blank },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate), maxLength: 6 }) },
);
/** Text, or something that is nearly text. */
const textish = fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: odd });

const URLS = [
  '/a', '/case-studies/story-time?x=1#top', 'https://example.gov.uk/a', 'http://example.gov.uk', 'HTTPS://EXAMPLE.GOV.UK/A',
  'https://1.2.3.4/', 'https://[::1]/', 'https://xn--caf-dma.example/', 'https://xn--/', 'https://a..b/', 'https://-a.b/',
  'https:', 'https:/a', 'http://', '//example.gov.uk/a', '///a', '/\\a', '\\\\a', 'a/b', '?q=1', '#top', '.', '',
  'javascript:alert(1)', 'JavaScript:x', 'java\tscript:x', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,<b>',
  'DATA:image/png;base64,AAAA', 'vbscript:x', 'mailto:a@b.c', 'ftp://example.gov.uk', 'file:///etc/passwd', 'blob:https://a.b/x',
  'https://exa mple.gov.uk/', 'https://example.gov.uk:99999/', 'http://%41.com/', '/\t/example.gov.uk', 'https://ß.de/',
];
const urlish = fc
  .array(
    fc.constantFrom('https://', 'http://', '//', '/', '\\', 'xn--', 'a', 'Q', '0', '9', '-', '.', ':', '@', '?', '#', '%', '[', ']', ' ', '\t', '\n', 'gov', '255', '256', 'javascript:', 'ß', '\u00ad'),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));
const url: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: padded(fc.constantFrom(...URLS)) },
  { weight: 2, arbitrary: urlish },
  { weight: 1, arbitrary: odd },
);

const pad2 = (n: number) => String(n).padStart(2, '0');
const DATES = [
  '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0099-02-29', '0096-02-29', '0100-02-29', '0000-02-29', '0000-01-01',
  '2024-13-01', '2024-00-10', '2024-04-31', '2024-12-31', '2024-12-32', '2024-1-1', '24-01-01', '2024/01/01', '20240101',
  '2024-01-01T10:00', '2024-01-01T10:00:00Z', '2024-01-01 10:00:00.5', '2024-01-01T24:00', '2024-01-01T10:60',
  '2024-01-01T10:00+01:00', '2024-01-01T10:00-0530', '2024-01-01T10:00+24:00', '2024-01-01Z', 'soon', '', '10000-01-01',
];
const date: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: padded(fc.constantFrom(...DATES)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', 'Z', '+01:00', '-0800', ':30', ':30.25Z'))
      .map(([h, m, zone]) => `2021-06-14T${pad2(h)}:${pad2(m)}${zone}`),
  },
  { weight: 1, arbitrary: odd },
);

const list: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.array(text, { maxLength: 4 }) },
  { weight: 2, arbitrary: textish },
  { weight: 1, arbitrary: fc.array(textish, { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.sparseArray(text, { maxLength: 3 }) },
);

/** An object with some of `fields`, maybe with extra keys or an inherited field. */
const nestedObject = (fields: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.record(fields, { requiredKeys: [] }), fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.string({ maxLength: 4 }), textish, { maxKeys: 2 }))
        .map(([own, inherited, extra]) => Object.assign(Object.create(inherited), extra, own)),
    },
    { weight: 1, arbitrary: odd },
  );

const id = fc.oneof(text, fc.integer(), fc.double(), fc.constantFrom('', ' ', 0, -0), odd);

const FIELDS = {
  id,
  title: textish,
  url,
  summary: textish,
  organisation: textish,
  topics: list,
  supportTypes: list,
  keywords: list,
  date,
  image: nestedObject({ src: url, alt: textish }),
  collection: nestedObject({ label: textish, url }),
};

/** Own keys that a careless copy would turn into prototype writes, as JSON.parse makes them. */
const withUnsafeKeys = (item: Record<string, unknown>, keys: string[]) => {
  for (const key of keys) Object.defineProperty(item, key, { value: { polluted: 1, title: 'x' }, enumerable: true, writable: true, configurable: true });
  return item;
};

/** Usually a well-formed value, sometimes a nearly-right one. */
const mostly = (good: fc.Arbitrary<unknown>, other: fc.Arbitrary<unknown>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: other });
const goodText = padded(words);
const goodUrl = padded(fc.constantFrom('/a', '/b/c?d#e', 'https://example.gov.uk/a', 'http://a.b', 'https://1.2.3.4/', '/\u00e9'));
const goodDate = fc
  .date({ min: new Date(Date.UTC(0, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true })
  .map((day) => day.toISOString().slice(0, 10));
const WELL_FORMED = {
  id: mostly(fc.oneof(fc.uuid(), fc.integer()), id),
  title: mostly(goodText, textish),
  url: mostly(goodUrl, url),
  summary: mostly(goodText, textish),
  organisation: mostly(goodText, textish),
  topics: mostly(fc.array(goodText, { maxLength: 3 }), list),
  supportTypes: mostly(goodText, list),
  keywords: mostly(fc.array(goodText, { maxLength: 3 }), list),
  date: mostly(goodDate, date),
  image: mostly(fc.record({ src: goodUrl, alt: goodText }, { requiredKeys: ['src'] }), FIELDS.image),
  collection: mostly(fc.record({ label: goodText, url: goodUrl }), FIELDS.collection),
};

/**
 * Items that are nearly right: each field well formed, blank, padded, mistyped or missing,
 * some with extra fields or own `__proto__`-like keys, some with inherited fields.
 */
const nearMiss: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.record(WELL_FORMED, { requiredKeys: ['title', 'url'] }),
        fc.dictionary(fc.constantFrom('region', 'tags', 'audience', 'length', 'toString', 'Title', ' title'), list, { maxKeys: 2 }),
        fc.subarray(['__proto__', 'constructor', 'prototype']),
      )
      .map(([fields, extra, unsafe]) => withUnsafeKeys({ ...extra, ...fields }, unsafe)),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.record(FIELDS, { requiredKeys: [] }), fc.subarray(['__proto__'])).map(([fields, unsafe]) => withUnsafeKeys(fields, unsafe)),
  },
  {
    // Fields given from JavaScript by inheritance: read by both, but not kept by a copy.
    weight: 1,
    arbitrary: fc
      .tuple(fc.record(FIELDS, { requiredKeys: [] }), fc.record(WELL_FORMED, { requiredKeys: [] }))
      .map(([own, inherited]) => Object.assign(Object.create(inherited), own)),
  },
  { weight: 1, arbitrary: odd },
);

/** Items from anything at all: any value in any field, or any value for the item. */
const anyItem: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.record(Object.fromEntries(Object.keys(FIELDS).map((key) => [key, fc.anything()])), { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.anything({ withBoxedValues: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: true }) },
  { weight: 1, arbitrary: fc.object() },
);

const item = fc.oneof({ weight: 3, arbitrary: nearMiss }, { weight: 1, arbitrary: anyItem });

const facetDef: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        key: fc.oneof(textish, fc.constantFrom('topics', 'region', '__proto__')),
        label: fc.oneof(textish, nestedObject({ en: textish, cy: textish, fr: textish })),
        other: textish,
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: nestedObject({ key: textish, label: textish }) },
  { weight: 1, arbitrary: fc.anything({ withNullPrototype: true, withBoxedValues: true }) },
);

// ---- properties -------------------------------------------------------------------------------

describe("the page's checker agrees with the schema of record (zod)", () => {
  it('knows the fields the schema knows, in its order', () => {
    expect([...KNOWN_FIELDS]).to.deep.equal(Object.keys(FeedItemSchema.shape));
  });

  it('words the examples as zod does', () => {
    const examples: unknown[] = [
      {},
      { title: ' ', url: 'javascript:x' },
      { title: [], url: ' //example.gov.uk ' },
      { title: 'T', url: '/t', id: {}, topics: 'a', keywords: [1], date: '2024-13-01', image: { alt: 1 }, collection: [] },
      { title: 'T', url: '/t', image: 'x', collection: { label: '', url: 'data:x' } },
    ];
    for (const example of examples) expect(checkItem(example), JSON.stringify(example)).to.deep.equal(zodCheckItem(example));
    expect(checkItem(examples[3])).to.deep.include({
      ok: true,
      warnings: [
        'id must be text or a number, so id is left out',
        'keywords must be text or a list of text, so keywords is left out',
        'date "2024-13-01" is not a date (write it as YYYY-MM-DD), so date is left out',
        'image.src is missing, so image is left out',
        'image.alt must be text, so image is left out',
        'collection must be an object with "label" and "url", so collection is left out',
      ],
    });
  });

  for (const [name, arbitrary, numRuns] of [
    ['nearly-right items', nearMiss, 6000],
    ['items made of anything', anyItem, 3000],
  ] as const) {
    it(`gives ${name} the same case study, reasons and warnings`, () => {
      let accepted = 0;
      let warned = 0;
      let skipped = 0;
      fc.assert(
        fc.property(arbitrary, (raw) => {
          const expected = zodCheckItem(raw);
          expect(checkItem(raw), fc.stringify(raw)).to.deep.equal(expected);
          if (!expected.ok) skipped++;
          else if (expected.warnings.length) warned++;
          else accepted++;
        }),
        { numRuns },
      );
      // Each outcome must be common enough for the agreement to mean something.
      if (name === 'nearly-right items') for (const count of [accepted, warned, skipped]) expect(count).to.be.above(numRuns / 20);
    });
  }

  it('accepts the same facet definitions, giving the same label', () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.array(facetDef, { maxLength: 4 }), (defs) => {
        const expected = zodFacets(defs);
        kept += expected.length;
        expect(parseFeed({ facets: defs, items: [] }).facets, fc.stringify(defs)).to.deep.equal(expected);
      }),
      { numRuns: 4000 },
    );
    expect(kept).to.be.above(1000);
  });

  it('gives whole feeds the same items, skipped items and warnings, in order', () => {
    const feed = fc.record({
      title: fc.oneof(text, odd),
      facets: fc.array(facetDef, { maxLength: 2 }),
      // Repeated ids and urls, so that duplicates are found after some items were skipped or trimmed.
      items: fc.array(fc.oneof(item, fc.constantFrom({ title: 'Again', url: '/a' }, { id: 'a', title: 'A', url: '/b' }, { id: 7, title: 'Seven', url: '/a', date: 'x' })), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(feed, ({ title, facets, items }) => {
        const envelope = { title, facets, items };
        const expected = zodParseFeed({ title: typeof title === 'string' && title.trim() ? title.trim() : undefined, facets, items });
        expect(parseFeed(envelope), fc.stringify(envelope)).to.deep.equal(expected);
        expect(parseFeed(items)).to.deep.equal({ ...expected, title: undefined, facets: [] });
      }),
      { numRuns: 2000 },
    );
  });
});
