import { expect } from '@open-wc/testing';
import { FeedError, LIST_FIELDS, parseFeed, parseFeedText, parseLargeFeed, type CaseStudy, type ParsedFeed } from './feed.js';

const WRONG_SHAPE =
  'The feed is JSON but not a list of case studies: it must be an array of items or an object with an "items" array.';
const NOT_A_WEB_ADDRESS = 'is not a web address (it must start with https://, http:// or /)';

/** A valid item with some fields replaced or added. */
const item = (fields: Record<string, unknown> = {}) => ({ title: 'Story time', url: '/story-time', ...fields });

/** Parses a feed of one item. */
const one = (raw: unknown): ParsedFeed => parseFeed([raw]);

/** The only accepted item of a one-item feed, failing if it was skipped. */
function accepted(raw: unknown): CaseStudy {
  const feed = one(raw);
  expect(feed.skipped, 'skipped').to.deep.equal([]);
  expect(feed.items).to.have.length(1);
  return feed.items[0]!;
}

/** What went wrong with the only item of a one-item feed. */
const reasons = (feed: ParsedFeed) => ({
  skipped: feed.skipped.map((p) => p.reason),
  warnings: feed.warnings.map((p) => p.reason),
});

describe('parseFeed', () => {
  describe('the envelope', () => {
    it('takes a bare array of items', () => {
      const feed = parseFeed([item({ id: 'a' }), item({ id: 'b' })]);
      expect(feed.items.map((i) => i.id)).to.deep.equal(['a', 'b']);
      expect(feed.title).to.equal(undefined);
      expect(feed.facets).to.deep.equal([]);
      expect(feed.skipped).to.deep.equal([]);
      expect(feed.warnings).to.deep.equal([]);
    });

    it('takes an object with items, a trimmed title and facet definitions', () => {
      const feed = parseFeed({
        title: '  Case studies ',
        facets: [
          { key: 'topics', label: 'Topics' },
          { key: 'region', label: { en: 'Region', cy: 'Rhanbarth' } },
          { key: 'supportTypes' },
        ],
        items: [item({ id: 'a' })],
      });
      expect(feed.title).to.equal('Case studies');
      expect(feed.facets).to.deep.equal([
        { key: 'topics', label: 'Topics' },
        { key: 'region', label: { en: 'Region', cy: 'Rhanbarth' } },
        { key: 'supportTypes' },
      ]);
      expect(feed.items.map((i) => i.id)).to.deep.equal(['a']);
    });

    it('drops facet definitions it cannot use and keeps the rest', () => {
      const feed = parseFeed({
        facets: [{ key: '' }, 5, null, { label: 'No key' }, { key: 'topics', label: 7 }, { key: 'keywords' }],
        items: [],
      });
      expect(feed.facets).to.deep.equal([{ key: 'keywords' }]);
    });

    const ignoredEnvelopeFields: Array<[string, Record<string, unknown>, string | undefined]> = [
      ['a blank title', { title: '   ' }, undefined],
      ['a title that is not text', { title: 5 }, undefined],
      ['facets that are not a list', { title: 'T', facets: 'topics' }, 'T'],
    ];
    for (const [name, fields, title] of ignoredEnvelopeFields) {
      it(`ignores ${name}`, () => {
        const feed = parseFeed({ ...fields, items: [item()] });
        expect(feed.title).to.equal(title);
        expect(feed.facets).to.deep.equal([]);
        expect(feed.items).to.have.length(1);
      });
    }

    it('accepts empty feeds in both shapes', () => {
      expect(parseFeed([]).items).to.deep.equal([]);
      expect(parseFeed({ items: [] }).items).to.deep.equal([]);
    });

    const wrongShapes: Array<[string, unknown]> = [
      ['null', null],
      ['undefined', undefined],
      ['a number', 42],
      ['a string', '[{"title":"x","url":"/x"}]'],
      ['a boolean', true],
      ['an empty object', {}],
      ['an object whose items is an object', { items: {} }],
      ['an object whose items is a string', { items: 'x' }],
      ['an object whose items is null', { items: null }],
      ['an object with "item" instead of "items"', { item: [item()] }],
      ['an object with "Items"', { Items: [item()] }],
    ];
    for (const [name, value] of wrongShapes) {
      it(`throws a FeedError with a plain message for ${name}`, () => {
        let error: unknown;
        try {
          parseFeed(value);
        } catch (caught) {
          error = caught;
        }
        expect(error).to.be.instanceOf(FeedError);
        expect(error).to.be.instanceOf(Error);
        expect((error as FeedError).name).to.equal('FeedError');
        expect((error as FeedError).message).to.equal(WRONG_SHAPE);
      });
    }
  });

  describe('title', () => {
    const skips: Array<[string, Record<string, unknown>, string]> = [
      ['missing', { url: '/a' }, 'title is missing'],
      ['empty', { title: '', url: '/a' }, 'title is empty'],
      ['blank', { title: ' \t\n ', url: '/a' }, 'title is empty'],
      ['a number', { title: 5, url: '/a' }, 'title must be text'],
      ['null', { title: null, url: '/a' }, 'title must be text'],
      ['a list', { title: ['A'], url: '/a' }, 'title must be text'],
    ];
    for (const [name, raw, reason] of skips) {
      it(`skips the item when the title is ${name}`, () => {
        const feed = one(raw);
        expect(feed.items).to.deep.equal([]);
        expect(feed.skipped).to.have.length(1);
        expect(feed.skipped[0]!.index).to.equal(0);
        expect(feed.skipped[0]!.reason).to.equal(reason);
      });
    }

    const kept: Array<[string, string, string]> = [
      ['trims spaces', '  Story time  ', 'Story time'],
      ['keeps HTML as text', '<b>Story</b> & <i>time</i>', '<b>Story</b> & <i>time</i>'],
      ['removes control characters', 'Story\u0000 \u0007time\u007f', 'Story time'],
      ['keeps accents', 'Gŵyl Ynys Môn', 'Gŵyl Ynys Môn'],
      ['replaces a lone surrogate', 'Story \uD800time', 'Story \uFFFDtime'],
    ];
    for (const [name, title, expected] of kept) {
      it(`${name}: ${JSON.stringify(title)} → ${JSON.stringify(expected)}`, () => {
        expect(accepted(item({ title })).title).to.equal(expected);
      });
    }

    it('skips a title made only of control characters', () => {
      const feed = one(item({ title: '\u0001\u0002' }));
      expect(feed.items).to.deep.equal([]);
      expect(reasons(feed).skipped).to.deep.equal(['title is empty']);
    });
  });

  describe('url', () => {
    const safe: Array<[string, string, string]> = [
      ['a relative path', '/case-studies/a', '/case-studies/a'],
      ['https', 'https://example.gov.uk/a', 'https://example.gov.uk/a'],
      ['http', 'http://example.gov.uk/a', 'http://example.gov.uk/a'],
      ['protocol-relative', '//example.gov.uk/a', '//example.gov.uk/a'],
      ['surrounding spaces, trimmed', '  /a  ', '/a'],
    ];
    for (const [name, url, expected] of safe) {
      it(`accepts ${name}`, () => {
        expect(accepted(item({ url })).url).to.equal(expected);
      });
    }

    const skips: Array<[string, unknown, string]> = [
      ['missing', undefined, 'url is missing'],
      ['a number', 5, 'url must be a web address'],
      ['empty', '', `url "" ${NOT_A_WEB_ADDRESS}`],
      ['javascript:', 'javascript:alert(1)', `url "javascript:alert(1)" ${NOT_A_WEB_ADDRESS}`],
      ['JaVaScRiPt:', 'JaVaScRiPt:alert(1)', `url "JaVaScRiPt:alert(1)" ${NOT_A_WEB_ADDRESS}`],
      ['spaced javascript:', '  javascript:alert(1)', `url "  javascript:alert(1)" ${NOT_A_WEB_ADDRESS}`],
      ['java\\tscript:', 'java\tscript:alert(1)', `url "java\\tscript:alert(1)" ${NOT_A_WEB_ADDRESS}`],
      ['NBSP before javascript:', '\u00a0javascript:alert(1)', `url "\u00a0javascript:alert(1)" ${NOT_A_WEB_ADDRESS}`],
      ['data:', 'data:text/html,hi', `url "data:text/html,hi" ${NOT_A_WEB_ADDRESS}`],
      ['vbscript:', 'vbscript:msgbox(1)', `url "vbscript:msgbox(1)" ${NOT_A_WEB_ADDRESS}`],
      ['mailto:', 'mailto:a@example.gov.uk', `url "mailto:a@example.gov.uk" ${NOT_A_WEB_ADDRESS}`],
    ];
    for (const [name, url, reason] of skips) {
      it(`skips the item when the url is ${name}`, () => {
        const raw: Record<string, unknown> = { title: 'Story time' };
        if (url !== undefined) raw.url = url;
        const feed = one(raw);
        expect(feed.items).to.deep.equal([]);
        expect(feed.skipped).to.deep.equal([{ index: 0, reason, title: 'Story time' }]);
      });
    }

    it('shortens a long bad url in the reason', () => {
      const url = `javascript:${'x'.repeat(200)}`;
      const [reason] = reasons(one(item({ url }))).skipped;
      expect(reason).to.equal(`url "${url.slice(0, 59)}…" ${NOT_A_WEB_ADDRESS}`);
    });

    it('gives every reason when both required fields are wrong', () => {
      expect(reasons(one({})).skipped).to.deep.equal(['title is missing; url is missing']);
      expect(reasons(one({ title: ' ', url: 'data:,x' })).skipped).to.deep.equal([
        `title is empty; url "data:,x" ${NOT_A_WEB_ADDRESS}`,
      ]);
    });
  });

  describe('items that are not objects', () => {
    const values: Array<[string, unknown]> = [
      ['null', null],
      ['a number', 5],
      ['a string', 'Story time'],
      ['a list', [item()]],
      ['a boolean', false],
    ];
    for (const [name, value] of values) {
      it(`skips ${name} with a plain reason`, () => {
        const feed = parseFeed([item({ id: 'first' }), value]);
        expect(feed.items.map((i) => i.id)).to.deep.equal(['first']);
        expect(feed.skipped).to.deep.equal([{ index: 1, reason: 'is not an object with a title and url' }]);
      });
    }
  });

  describe('id', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['defaults to the url', item({ url: '/a' }), '/a'],
      ['defaults to the trimmed url', item({ url: '  /a ' }), '/a'],
      ['is kept as given', item({ id: 'story-time' }), 'story-time'],
      ['is trimmed', item({ id: '  story-time ' }), 'story-time'],
      ['turns a number into text', item({ id: 42 }), '42'],
      ['falls back to the url when blank', item({ id: '   ', url: '/a' }), '/a'],
    ];
    for (const [name, raw, expected] of cases) {
      it(name, () => {
        expect(accepted(raw).id).to.equal(expected);
      });
    }

    it('drops an id that is neither text nor a number, with a warning, and uses the url', () => {
      const feed = one(item({ id: { nested: true }, url: '/a' }));
      expect(feed.items[0]!.id).to.equal('/a');
      expect(feed.warnings).to.deep.equal([
        { index: 0, reason: 'id must be text or a number, so id is left out', title: 'Story time' },
      ]);
    });

    it('drops the later item of a duplicate id and reports it', () => {
      const feed = parseFeed([
        item({ id: 'dup', title: 'First' }),
        item({ id: 'other' }),
        item({ id: 'dup', title: 'Second' }),
      ]);
      expect(feed.items.map((i) => i.title)).to.deep.equal(['First', 'Story time']);
      expect(feed.skipped).to.deep.equal([
        {
          index: 2,
          reason: 'id "dup" is already used by item 0 (ids must be unique)',
          id: 'dup',
          title: 'Second',
          duplicateOf: { index: 0, field: 'id', value: 'dup' },
        },
      ]);
    });

    it('treats a number id and the same text as duplicates', () => {
      const feed = parseFeed([item({ id: 7 }), item({ id: '7' })]);
      expect(feed.items).to.have.length(1);
      expect(reasons(feed).skipped).to.deep.equal(['id "7" is already used by item 0 (ids must be unique)']);
    });

    it('treats two items with the same url and no id as duplicates', () => {
      const feed = parseFeed([item({ url: '/a' }), item({ url: '/b' }), item({ url: '/a' })]);
      expect(feed.items.map((i) => i.url)).to.deep.equal(['/a', '/b']);
      expect(feed.skipped.map((p) => [p.index, p.reason])).to.deep.equal([
        [2, 'url "/a" is already used by item 0 (an item without an id needs a url of its own)'],
      ]);
    });

    it('reports the first index, not the last, for a third copy', () => {
      const feed = parseFeed([item({ id: 'x' }), item({ id: 'x' }), item({ id: 'x' })]);
      expect(feed.skipped.map((p) => [p.index, p.reason])).to.deep.equal([
        [1, 'id "x" is already used by item 0 (ids must be unique)'],
        [2, 'id "x" is already used by item 0 (ids must be unique)'],
      ]);
    });

    it('does not count a skipped item as using its id', () => {
      const feed = parseFeed([{ id: 'x', title: '', url: '/a' }, item({ id: 'x' })]);
      expect(feed.items.map((i) => i.id)).to.deep.equal(['x']);
      expect(feed.skipped.map((p) => p.index)).to.deep.equal([0]);
    });
  });

  describe('summary and organisation', () => {
    for (const field of ['summary', 'organisation'] as const) {
      const cases: Array<[string, unknown, string | undefined]> = [
        ['kept', 'Weekly sessions.', 'Weekly sessions.'],
        ['trimmed', '  Weekly sessions.\n', 'Weekly sessions.'],
        ['HTML kept as text', '<img src=x onerror=alert(1)> & <b>bold</b>', '<img src=x onerror=alert(1)> & <b>bold</b>'],
        ['control characters removed', 'Weekly\u0000 sessions\u001b.', 'Weekly sessions.'],
        ['newlines inside kept', 'Line one\nLine two', 'Line one\nLine two'],
        ['left out when blank', '   ', undefined],
        ['left out when empty', '', undefined],
      ];
      for (const [name, value, expected] of cases) {
        it(`${field}: ${name}`, () => {
          const out = accepted(item({ [field]: value }));
          expect(out[field]).to.equal(expected);
          if (expected === undefined) expect(field in out).to.equal(false);
        });
      }

      it(`${field}: dropped with a warning when it is not text`, () => {
        const feed = one(item({ [field]: 5 }));
        expect(feed.items).to.have.length(1);
        expect(feed.items[0]![field]).to.equal(undefined);
        expect(reasons(feed)).to.deep.equal({
          skipped: [],
          warnings: [`${field} must be text, so ${field} is left out`],
        });
      });
    }
  });

  describe('topics, supportTypes and keywords', () => {
    for (const field of LIST_FIELDS) {
      const cases: Array<[string, unknown, string[]]> = [
        ['missing → []', undefined, []],
        ['a list is kept', ['Libraries', 'Early years'], ['Libraries', 'Early years']],
        ['a single string becomes a list', 'Libraries', ['Libraries']],
        ['values are trimmed', ['  Libraries ', '\tEarly years\n'], ['Libraries', 'Early years']],
        ['blanks are dropped', ['', '  ', 'Libraries', '\n'], ['Libraries']],
        ['a blank single string gives []', '   ', []],
        ['repeats are dropped case-insensitively, first spelling kept', ['Early Years', 'early years', 'EARLY YEARS ', 'Sport', 'sport'], ['Early Years', 'Sport']],
        ['accented repeats by case are dropped', ['Môn', 'MÔN'], ['Môn']],
        ['HTML kept as text', ['<b>Libraries</b>'], ['<b>Libraries</b>']],
        ['control characters removed', ['Lib\u0000raries', '\u0007'], ['Libraries']],
        ['an empty list', [], []],
      ];
      for (const [name, value, expected] of cases) {
        it(`${field}: ${name}`, () => {
          const raw = value === undefined ? item() : item({ [field]: value });
          expect(accepted(raw)[field]).to.deep.equal(expected);
        });
      }

      const wrong: Array<[string, unknown]> = [
        ['a number', 5],
        ['an object', { a: 'b' }],
        ['a list with a number in it', ['Libraries', 5]],
        ['a list of lists', [['Libraries']]],
      ];
      for (const [name, value] of wrong) {
        it(`${field}: ${name} is dropped with a warning`, () => {
          const feed = one(item({ [field]: value }));
          expect(feed.items[0]![field]).to.deep.equal([]);
          expect(reasons(feed)).to.deep.equal({
            skipped: [],
            warnings: [`${field} must be text or a list of text, so ${field} is left out`],
          });
        });
      }
    }
  });

  describe('date', () => {
    const good: Array<[string, string, number]> = [
      ['a date', '2021-06-14', Date.UTC(2021, 5, 14)],
      ['a trimmed date', ' 2021-06-14 ', Date.UTC(2021, 5, 14)],
      ['a leap day', '2024-02-29', Date.UTC(2024, 1, 29)],
      ['a UTC date-time', '2021-06-14T10:30:00Z', Date.UTC(2021, 5, 14, 10, 30)],
      ['a date-time with an offset', '2021-06-14T10:30:00+01:00', Date.UTC(2021, 5, 14, 9, 30)],
      ['a date-time with fractions', '2021-06-14T10:30:00.250Z', Date.UTC(2021, 5, 14, 10, 30, 0, 250)],
    ];
    for (const [name, date, time] of good) {
      it(`keeps ${name}: ${date}`, () => {
        const out = accepted(item({ date }));
        expect(out.date).to.equal(date.trim());
        expect(out.time).to.equal(time);
      });
    }

    const bad: Array<[string, unknown, string]> = [
      ['words', 'not a date', 'date "not a date" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['a British date', '14/06/2021', 'date "14/06/2021" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['the 30th of February', '2021-02-30', 'date "2021-02-30" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['a leap day in a common year', '2023-02-29', 'date "2023-02-29" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['month 13', '2021-13-01', 'date "2021-13-01" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['an empty string', '', 'date "" is not a date (write it as YYYY-MM-DD), so date is left out'],
      ['a number', 20210614, 'date must be a date, so date is left out'],
    ];
    for (const [name, date, reason] of bad) {
      it(`drops ${name} with a warning and keeps the item`, () => {
        const feed = one(item({ id: 'keep-me', date }));
        expect(feed.items.map((i) => i.id)).to.deep.equal(['keep-me']);
        expect(feed.items[0]!.date).to.equal(undefined);
        expect(feed.items[0]!.time).to.equal(undefined);
        expect(feed.warnings).to.deep.equal([{ index: 0, reason, id: 'keep-me', title: 'Story time' }]);
      });
    }

    it('drops a date whose time part is impossible', () => {
      const feed = one(item({ date: '2021-06-14T99:99' }));
      expect(feed.items[0]!.date).to.equal(undefined);
      expect(feed.items[0]!.time).to.equal(undefined);
      expect(reasons(feed).warnings).to.deep.equal([
        'date "2021-06-14T99:99" is not a date (write it as YYYY-MM-DD), so date is left out',
      ]);
    });
  });

  describe('image', () => {
    it('keeps src and alt', () => {
      expect(accepted(item({ image: { src: '/img/a.jpg', alt: 'A reader' } })).image).to.deep.equal({
        src: '/img/a.jpg',
        alt: 'A reader',
      });
    });

    it('treats a missing alt as decorative (empty alt)', () => {
      expect(accepted(item({ image: { src: 'https://example.gov.uk/a.jpg' } })).image).to.deep.equal({
        src: 'https://example.gov.uk/a.jpg',
        alt: '',
      });
    });

    it('trims src and cleans alt', () => {
      expect(accepted(item({ image: { src: ' /a.jpg ', alt: ' <b>A</b>\u0000 ' } })).image).to.deep.equal({
        src: '/a.jpg',
        alt: '<b>A</b>',
      });
    });

    const dropped: Array<[string, unknown, string]> = [
      ['a javascript: src', { src: 'javascript:alert(1)', alt: 'x' }, `image.src "javascript:alert(1)" ${NOT_A_WEB_ADDRESS}, so image is left out`],
      ['a data: src', { src: 'data:image/svg+xml,<svg onload=alert(1)>' }, `image.src "data:image/svg+xml,<svg onload=alert(1)>" ${NOT_A_WEB_ADDRESS}, so image is left out`],
      ['an obfuscated src', { src: ' JaVa\tScRiPt:alert(1)' }, `image.src " JaVa\\tScRiPt:alert(1)" ${NOT_A_WEB_ADDRESS}, so image is left out`],
      ['a missing src', { alt: 'x' }, 'image.src is missing, so image is left out'],
      ['an alt that is not text', { src: '/a.jpg', alt: 5 }, 'image.alt must be text, so image is left out'],
      ['a string instead of an object', '/a.jpg', 'image must be an object with "src" and "alt", so image is left out'],
    ];
    for (const [name, image, reason] of dropped) {
      it(`drops ${name} with a warning and keeps the item`, () => {
        const feed = one(item({ image }));
        expect(feed.items).to.have.length(1);
        expect(feed.items[0]!.image).to.equal(undefined);
        expect(reasons(feed)).to.deep.equal({ skipped: [], warnings: [reason] });
      });
    }
  });

  describe('collection', () => {
    it('keeps label and url', () => {
      expect(accepted(item({ collection: { label: ' Early Years ', url: '/early-years' } })).collection).to.deep.equal({
        label: 'Early Years',
        url: '/early-years',
      });
    });

    const dropped: Array<[string, unknown, string]> = [
      ['an unsafe url', { label: 'Early Years', url: 'javascript:alert(1)' }, `collection.url "javascript:alert(1)" ${NOT_A_WEB_ADDRESS}, so collection is left out`],
      ['a vbscript: url', { label: 'Early Years', url: 'VBScript:msgbox(1)' }, `collection.url "VBScript:msgbox(1)" ${NOT_A_WEB_ADDRESS}, so collection is left out`],
      ['a missing url', { label: 'Early Years' }, 'collection.url is missing, so collection is left out'],
      ['a blank label', { label: '  ', url: '/x' }, 'collection.label is empty, so collection is left out'],
      ['a string instead of an object', '/x', 'collection must be an object with "label" and "url", so collection is left out'],
    ];
    for (const [name, collection, reason] of dropped) {
      it(`drops ${name} with a warning and keeps the item`, () => {
        const feed = one(item({ collection }));
        expect(feed.items).to.have.length(1);
        expect(feed.items[0]!.collection).to.equal(undefined);
        expect(reasons(feed)).to.deep.equal({ skipped: [], warnings: [reason] });
      });
    }

    it('drops a label made only of control characters', () => {
      const feed = one(item({ collection: { label: '\u0001', url: '/x' } }));
      expect(feed.items[0]!.collection).to.equal(undefined);
      expect(reasons(feed).warnings).to.deep.equal(['collection.label is empty, so collection is left out']);
    });
  });

  describe('unknown fields', () => {
    it('ignores them on the item and keeps text and text lists in extra', () => {
      const out = accepted(
        item({
          region: '  North West ',
          tags: ['Rural', ' rural', '', 'Coastal'],
          count: 5,
          flag: true,
          nested: { a: 'b' },
          mixed: ['a', 1],
          nothing: null,
        }),
      );
      expect(Object.keys(out).sort()).to.deep.equal(
        ['extra', 'id', 'keywords', 'supportTypes', 'title', 'topics', 'url'].sort(),
      );
      expect({ ...out.extra }).to.deep.equal({ region: ['North West'], tags: ['Rural', 'Coastal'] });
      expect(Object.getPrototypeOf(out.extra)).to.equal(null);
    });

    it('does not put known fields in extra', () => {
      const out = accepted(item({ summary: 'S', organisation: 'O', date: '2021-06-14', topics: ['T'] }));
      expect(Object.keys(out.extra)).to.deep.equal([]);
    });

    it('never copies __proto__, constructor or prototype keys', () => {
      const raw = JSON.parse(
        '{"title":"T","url":"/t","__proto__":["polluted"],"constructor":"polluted","prototype":["polluted"],"ok":"yes"}',
      );
      const out = accepted(raw);
      expect(Object.keys(out.extra)).to.deep.equal(['ok']);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.getPrototypeOf(out)).to.equal(Object.prototype);
    });

    it('gives no warning for them', () => {
      expect(one(item({ anything: { deep: [1, 2, 3] } })).warnings).to.deep.equal([]);
    });

    it('does not throw for a sparse list in an unknown field', () => {
      // eslint-disable-next-line no-sparse-arrays
      const region = ['a', , 'b'];
      expect(() => parseFeed([item({ region })])).to.not.throw();
    });
  });

  describe('problems', () => {
    it('carry the 0-based index, the id and title when known, and skip before warn', () => {
      const feed = parseFeed([
        item({ id: 'good-1' }),
        { id: 'bad-url', title: 'A link that runs script', url: 'javascript:alert(1)' },
        { id: 'no-title', url: '/c' },
        item({ id: 'good-2', date: 'not a date', topics: ['Sport', 'sport '] }),
        item({ id: 'good-1', title: 'Duplicate of the first' }),
        item({ id: 'good-3', image: { src: 'data:image/svg+xml,<svg onload=alert(1)>' } }),
      ]);
      expect(feed.items.map((i) => i.id)).to.deep.equal(['good-1', 'good-2', 'good-3']);
      expect(feed.items[1]!.topics).to.deep.equal(['Sport']);
      expect(feed.skipped).to.deep.equal([
        { index: 1, id: 'bad-url', title: 'A link that runs script', reason: `url "javascript:alert(1)" ${NOT_A_WEB_ADDRESS}` },
        { index: 2, id: 'no-title', reason: 'title is missing' },
        {
          index: 4,
          id: 'good-1',
          title: 'Duplicate of the first',
          reason: 'id "good-1" is already used by item 0 (ids must be unique)',
          duplicateOf: { index: 0, field: 'id', value: 'good-1' },
        },
      ]);
      expect(feed.warnings).to.deep.equal([
        { index: 3, id: 'good-2', title: 'Story time', reason: 'date "not a date" is not a date (write it as YYYY-MM-DD), so date is left out' },
        { index: 5, id: 'good-3', title: 'Story time', reason: `image.src "data:image/svg+xml,<svg onload=alert(1)>" ${NOT_A_WEB_ADDRESS}, so image is left out` },
      ]);
    });

    it('lists one warning per wrong optional field', () => {
      const feed = one(item({ date: 'soon', image: { src: 'javascript:x' }, collection: 'x', summary: 1 }));
      expect(feed.items).to.have.length(1);
      expect(reasons(feed).warnings).to.have.members([
        'date "soon" is not a date (write it as YYYY-MM-DD), so date is left out',
        `image.src "javascript:x" ${NOT_A_WEB_ADDRESS}, so image is left out`,
        'collection must be an object with "label" and "url", so collection is left out',
        'summary must be text, so summary is left out',
      ]);
    });

    it('does not warn about fields of an item it skips as a duplicate', () => {
      const feed = parseFeed([item({ id: 'x' }), item({ id: 'x', date: 'soon' })]);
      expect(feed.skipped.map((p) => p.index)).to.deep.equal([1]);
      expect(feed.warnings).to.deep.equal([]);
    });

    it('shortens a long title in the report', () => {
      const title = 'A'.repeat(100);
      const [problem] = one({ title, url: 'javascript:x' }).skipped;
      expect(problem!.title).to.equal(`${'A'.repeat(59)}…`);
    });

    it('never cuts a character in half when shortening', () => {
      const title = `${'A'.repeat(58)}😀 and more words after it`;
      const [problem] = one({ title, url: 'javascript:x' }).skipped;
      expect((problem!.title as unknown as { isWellFormed(): boolean }).isWellFormed()).to.equal(true);
    });

    it('are written in plain words, never in validator jargon', () => {
      const feed = parseFeed([
        {},
        { title: 5, url: 5 },
        { title: [], url: {} },
        item({ id: [], summary: {}, organisation: [], topics: [1], supportTypes: {}, keywords: 7 }),
        item({ date: 5, image: [], collection: 5 }),
        item({ image: { src: 5, alt: [] }, collection: { label: 5, url: 5 } }),
        null,
      ]);
      const all = [...feed.skipped, ...feed.warnings].map((p) => p.reason);
      expect(all.length).to.be.greaterThan(10);
      for (const reason of all) {
        expect(reason).to.not.match(/invalid|expected|received|\[object|undefined|NaN|zod|issue/i, reason);
        expect(reason).to.match(/^[a-zA-Z]/, reason);
      }
    });
  });
});

describe('parseFeedText', () => {
  it('parses a JSON array', () => {
    expect(parseFeedText('[{"title":"Story time","url":"/a"}]').items.map((i) => i.title)).to.deep.equal(['Story time']);
  });

  it('parses a JSON object with items', () => {
    expect(parseFeedText('{"title":"T","items":[]}')).to.deep.equal({
      title: 'T',
      facets: [],
      items: [],
      skipped: [],
      warnings: [],
    });
  });

  const failures: Array<[string, string, string | RegExp]> = [
    ['empty text', '', 'The feed is empty (no JSON in it).'],
    ['only whitespace', '  \n\t ', 'The feed is empty (no JSON in it).'],
    ['text that is not JSON', 'Not found', /^The feed is not valid JSON. It begins: "/],
    ['an HTML error page', '<!doctype html><title>404</title>', /^The feed is not valid JSON. It begins: "/],
    ['truncated JSON', '[{"title":"Story', /^The feed is not valid JSON. It begins: "/],
    ['JSON of the wrong shape', '{"results":[]}', WRONG_SHAPE],
    ['a JSON string', '"items"', WRONG_SHAPE],
    ['JSON null', 'null', WRONG_SHAPE],
  ];
  for (const [name, source, message] of failures) {
    it(`throws a FeedError for ${name}`, () => {
      let error: unknown;
      try {
        parseFeedText(source);
      } catch (caught) {
        error = caught;
      }
      expect(error).to.be.instanceOf(FeedError);
      if (typeof message === 'string') expect((error as Error).message).to.equal(message);
      else expect((error as Error).message).to.match(message);
    });
  }

  it('keeps the JSON error as the cause', () => {
    try {
      parseFeedText('{');
      expect.fail('should throw');
    } catch (error) {
      expect((error as FeedError).cause).to.be.instanceOf(SyntaxError);
    }
  });
});

describe('parseLargeFeed', () => {
  /** 5,000 items, every 7th broken in some way, with a duplicate and a field warning. */
  const large = () => ({
    title: 'Many',
    items: Array.from({ length: 5000 }, (_, n) =>
      n % 7 === 3
        ? { title: '', url: `/case/${n}` }
        : n % 7 === 5
          ? item({ url: `/case/${n}`, date: 'last Tuesday' })
          : item({ title: `Case ${n}`, url: `/case/${n === 4999 ? 0 : n}` }),
    ),
  });

  it('gives exactly what parseFeed gives, for a feed checked in slices', async () => {
    const sliced = await parseLargeFeed(large());
    expect(sliced).to.deep.equal(parseFeed(large()));
    expect(sliced.items.length + sliced.skipped.length).to.equal(5000);
    expect(sliced.skipped.at(-1)?.reason).to.match(/^url "\/case\/0" is already used by item 0/);
    expect(sliced.warnings.length).to.be.greaterThan(0);
  });

  it('answers small feeds too, and throws FeedError for a wrong shape', async () => {
    expect((await parseLargeFeed([item()])).items).to.have.length(1);
    let error: unknown;
    await parseLargeFeed({ entries: [] }).catch((caught: unknown) => (error = caught));
    expect(error).to.be.instanceOf(FeedError);
  });

  it('stops with the abort reason when cancelled part-way', async () => {
    const controller = new AbortController();
    const parsing = parseLargeFeed(large(), controller.signal);
    const reason = new Error('the feed was replaced');
    controller.abort(reason);
    let error: unknown;
    await parsing.catch((caught: unknown) => (error = caught));
    expect(error).to.equal(reason);
  });
});
