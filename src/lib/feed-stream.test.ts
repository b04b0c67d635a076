import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FeedError, parseFeedText, type ParsedFeed } from './feed.js';
import { feedReader } from './feed-stream.js';
import { runAll } from './slices.js';

/** What parseFeedText gives for a text: the feed, or the message of the FeedError it throws. */
function whole(text: string): ParsedFeed | string {
  try {
    return parseFeedText(text);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return (error as Error).message;
  }
}

/** The same text pushed to a FeedReader in parts cut at `cuts`; a text handed back is read whole. */
function streamed(text: string, cuts: number[], batch = 8, ours?: (head: unknown) => boolean): ParsedFeed | string {
  const reader = feedReader(ours, batch);
  try {
    let from = 0;
    for (const cut of [...cuts.filter((at) => at < text.length)].sort((a, b) => a - b)) {
      runAll(reader.push(text.slice(from, cut)));
      from = Math.max(from, cut);
    }
    runAll(reader.push(text.slice(from)));
    const read = reader.end();
    return 'feed' in read ? read.feed : whole(read.text);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return (error as Error).message;
  }
}

const cuts = fc.array(fc.nat({ max: 400 }), { maxLength: 12 });
const item = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 4 }), fc.integer()),
    title: fc.oneof(fc.constantFrom('Libraries', 'a "quoted" \\ title', ']},[{', '}, {"x": ', ''), fc.string({ maxLength: 8 })),
    url: fc.constantFrom('/a', '/b', 'https://example.gov.uk/c', 'javascript:alert(1)'),
    date: fc.constantFrom('2021-06-14', '2020-01-01', 'soon'),
    topics: fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
const items = fc.array(fc.oneof({ weight: 5, arbitrary: item }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 12 });
const envelope = fc.record(
  { title: fc.jsonValue({ maxDepth: 1 }), facets: fc.jsonValue({ maxDepth: 2 }), order: fc.constant('newest'), other: fc.jsonValue({ maxDepth: 2 }) },
  { requiredKeys: [] },
);
/** JSON text of a feed, written any of the ways a server might (indented, one line, keys in any order). */
const feedText = fc
  .tuple(items, fc.option(envelope), fc.boolean(), fc.constantFrom('', ' ', '\n', '\uFEFF', '\r\n\t'))
  .map(([list, env, itemsFirst, space]) => {
    const value = env ? (itemsFirst ? { items: list, ...env } : { ...env, items: list }) : list;
    return `${space}${JSON.stringify(value, null, space.trim() ? undefined : 2)}${space.replace('\uFEFF', '')}`;
  });

/** A text broken the ways a feed breaks: cut off, a character lost or added, keys repeated. */
const brokenText = fc.tuple(feedText, fc.nat(), fc.constantFrom('', ',', ']', '}', '[', '{', '"', ':', '\\', ' ', 'x', '0', ',]', '"items":5,')).map(
  ([text, at, insert]) => {
    const place = text.length ? at % text.length : 0;
    return text.slice(0, place) + insert + text.slice(place + (insert ? 0 : 1));
  },
);

describe('feedReader', () => {
  it('reads a feed given in any parts exactly as parseFeedText reads it whole', () => {
    fc.assert(
      fc.property(feedText, cuts, fc.integer({ min: 1, max: 64 }), (text, at, batch) => {
        expect(streamed(text, at, batch)).to.deep.equal(whole(text));
      }),
      { numRuns: 600 },
    );
  });

  it('refuses a broken feed as parseFeedText does, with the same message', () => {
    fc.assert(
      fc.property(brokenText, cuts, fc.integer({ min: 1, max: 64 }), (text, at, batch) => {
        expect(streamed(text, at, batch)).to.deep.equal(whole(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('hands back anything that is not a feed of ours, whole', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 40 }), feedText), cuts, (text, at) => {
        expect(streamed(text, at)).to.deep.equal(whole(text));
        // Declined, every text comes back as it was (less a byte order mark, as readJson drops).
        const reader = feedReader(() => false, 4);
        let from = 0;
        for (const cut of [...at].sort((a, b) => a - b)) {
          runAll(reader.push(text.slice(from, Math.max(from, cut))));
          from = Math.max(from, cut);
        }
        runAll(reader.push(text.slice(from)));
        let read: ReturnType<typeof reader.end>;
        try {
          read = reader.end();
        } catch (error) {
          // Broken before it could be told apart: refused as reading it whole would refuse it.
          expect((error as Error).message).to.equal(whole(text));
          return;
        }
        if ('text' in read) expect(read.text).to.equal(text.replace(/^\uFEFF/, ''));
      }),
      { numRuns: 400 },
    );
  });

  it('follows JSON.parse where a key is given twice or spelt with escapes', () => {
    const cases = [
      '{"items":[{"title":"A","url":"/a"}],"items":[{"title":"B","url":"/b"}]}',
      '{"items":[{"title":"A","url":"/a"}],"items":5}',
      '{"items":5,"items":[{"title":"B","url":"/b"}]}',
      '{"\\u0069tems":[{"title":"A","url":"/a"}],"title":"T","title":"U"}',
      '{"__proto__":{"items":[]},"items":[{"title":"A","url":"/a"}]}',
      '{"items":[{"title":"A","url":"/a"}],"a\\"items":[{"title":"B","url":"/b"}]}',
      '{"a\\\\":1,"items":[{"title":"A","url":"/a"}]}',
      '{"items":[{"title":"A","url":"/a"}}',
      '[{"title":"A","url":"/a"}}',
      '[{"title":"A","url":"/a"},]',
      '[,{"title":"A","url":"/a"}]',
      `[${' '.repeat(40)},{"title":"A","url":"/a"}]`,
      '[] []',
      '{"title":"only"}',
      '  ',
      '',
      '\u00a0[]',
      `[${'x'.repeat(200)}   `,

    ];
    for (const text of cases) {
      for (const batch of [1, 3, 1000]) {
        for (const at of [[], [1], [2, 7], [10, 11, 12]]) expect(streamed(text, at, batch), `${text} / ${batch} / ${at}`).to.deep.equal(whole(text));
      }
    }
  });

  it('lets each batch of items be checked as it arrives', () => {
    const list = Array.from({ length: 20 }, (_, n) => ({ title: `T${n}`, url: `/t${n}` }));
    const text = JSON.stringify({ title: 'T', items: list });
    const reader = feedReader(undefined, 50);
    const seen: number[] = [];
    for (let from = 0; from < text.length; from += 40) {
      runAll(reader.push(text.slice(from, from + 40)));
      seen.push(reader.checker.items.length);
    }
    // Items were checked before the last of the text arrived, in feed order.
    expect(seen.some((count) => count > 0 && count < 20)).to.equal(true);
    expect(seen).to.deep.equal([...seen].sort((a, b) => a - b));
    const read = reader.end();
    expect('feed' in read && read.feed.items.map((i) => i.title)).to.deep.equal(list.map((i) => i.title));
  });
});
