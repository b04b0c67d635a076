import { expect } from '@open-wc/testing';
import { FeedError, parseFeed } from '../feed.js';
import { readJsonApi, readJsonApiFields } from './jsonapi.js';
import { feedItemOf, readFeedText, type ReadOptions } from './read.js';
import { domXmlParser } from './xml.js';

const xml = domXmlParser(new DOMParser());
const read = (text: string, options: ReadOptions = {}) => readFeedText(text, { xml, ...options });
const post = { id: 1, title: { rendered: 'A' }, link: 'https://x.example/a/' };

describe('readFeedText: which format a feed is in', () => {
  const cases: Array<[string, string, string | null, string]> = [
    ['our array', '[{"title":"A","url":"/a"}]', 'application/json', 'json'],
    ['our object', '{"items":[]}', null, 'json'],
    ['an empty array', '[]', null, 'json'],
    ['WordPress posts', JSON.stringify([post]), 'application/json', 'wordpress'],
    ['JSON Feed by its version', '{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'application/json', 'jsonfeed'],
    ['JSON Feed by its content type', '{"title":"x","items":[]}', 'application/feed+json', 'jsonfeed'],
    ['JSON:API by its member', '{"jsonapi":{"version":"1.0"},"data":[]}', 'application/json', 'jsonapi'],
    ['JSON:API by its content type', '{"data":[]}', 'application/vnd.api+json', 'jsonapi'],
    ['RSS 2.0', '<rss version="2.0"><channel/></rss>', 'text/xml', 'rss'],
    ['RSS 1.0', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>', null, 'rss'],
    ['Atom', '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"/>', 'application/atom+xml', 'atom'],
    ['RSS served as text/html', '\uFEFF<?xml version="1.0"?><rss version="2.0"><channel/></rss>', 'text/html', 'rss'],
  ];
  for (const [name, text, contentType, format] of cases) it(name, () => expect(read(text, { contentType }).format).to.equal(format));
});

describe('readFeedText: what is not a feed', () => {
  const cases: Array<[string, string, string | null, RegExp]> = [
    ['a login page', '<!DOCTYPE html><html><head><title>Log in</title></head><body><input type="password"></body></html>', 'text/html', /^This is a web page \("Log in"\), not a feed: a login page, so the feed is not public\.$/],
    ['an error page, comment first', '<!-- cached --><html lang="en"><h1>Not found</h1>', 'text/html', /^This is a web page, not a feed\. It begins: "<!-- cached --><html lang=\\"en\\"><h1>Not …"$/],
    ['an HTML fragment, as a server error may give', '<img src=x onerror=alert(1)>', 'text/plain', /^This is a web page, not a feed\. It begins: "<img src=x onerror=alert\(1\)>"$/],
    ['any page served as HTML', '<div>Hello</div>', 'text/html; charset=utf-8', /^This is a web page/],
    ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Home</title></head></html>', 'application/xhtml+xml', /^This is a web page \("Home"\)/],
    ['XML of another kind', '<sitemap><url/></sitemap>', 'application/xml', /^The feed is XML but neither RSS nor Atom \(<sitemap>\)\.$/],
    ['JSON that is not JSON', '{"items": [', 'application/json', /^The feed is not valid JSON/],
  ];
  for (const [name, text, contentType, message] of cases) it(name, () => expect(() => read(text, { contentType })).to.throw(FeedError, message));

  it('XML with no parser to read it', () => {
    expect(() => readFeedText('<rss/>')).to.throw(FeedError, /cannot be read here/);
  });
});

describe('readFeedText: JSON read as a format named (the command line\'s --from)', () => {
  it('reads JSON as the format asked for', () => {
    expect(read(JSON.stringify([post]), { json: 'wordpress' }).format).to.equal('wordpress');
    expect(read('{"items":[]}', { json: 'jsonfeed' }).format).to.equal('jsonfeed');
    expect(read('{"data":[]}', { json: 'jsonapi' }).format).to.equal('jsonapi');
  });
});

describe('readFeedText: WordPress posts', () => {
  it('leaves out password-protected posts, whose content WordPress withholds, and says so', () => {
    const locked = { id: 2, title: { rendered: 'Locked' }, link: 'https://x.example/b/', content: { rendered: '', protected: true } };
    const open = { ...post, content: { rendered: '<p>Open to all</p>', protected: false } };
    const read1 = read(JSON.stringify([open, locked]));
    expect((read1.feed as { items: Array<{ title: string }> }).items.map((item) => item.title)).to.deep.equal(['A']);
    expect(read1.notes).to.deep.equal(['1 password-protected post was left out.']);
  });
});

describe('readFeedText: the developer\'s mapItem', () => {
  const feed = JSON.stringify([post, { ...post, id: 2, title: { rendered: 'B' }, link: 'https://x.example/b/', meta: { region: 'North' } }, 'not a post']);

  it('changes, keeps or leaves out each item, with the entry it came from', () => {
    const seen: unknown[] = [];
    const { feed: mapped } = read(feed, {
      mapItem(item, entry, format) {
        seen.push([(entry as { id: number }).id, format]);
        if (item.title === 'A') return null;
        const region = (entry as { meta: { region: string } }).meta.region;
        return { ...item, supportTypes: [region] };
      },
    });
    expect(seen).to.deep.equal([
      [1, 'wordpress'],
      [2, 'wordpress'],
    ]);
    const parsed = parseFeed(mapped);
    expect(parsed.items.map(feedItemOf)).to.deep.equal([{ id: '2', title: 'B', url: 'https://x.example/b/', supportTypes: ['North'] }]);
    // What is not an object is left for the feed check to report, never given to the hook.
    expect(parsed.skipped).to.deep.equal([{ index: 1, reason: 'is not an object with a title and url' }]);
  });

  it('keeps an item the hook returns nothing for', () => {
    expect((read(feed, { mapItem: () => undefined }).feed as { items: unknown[] }).items).to.have.length(3);
  });

  it('lets a failing hook\'s error through, for the developer to see', () => {
    expect(() =>
      read(feed, {
        mapItem(item) {
          if (item.title === 'B') throw new TypeError('no region');
        },
      }),
    ).to.throw(TypeError, 'no region');
  });
});

describe('Drupal JSON:API field names', () => {
  it('reads the attribute a webmaster writes, as the filter attribute is written', () => {
    expect(readJsonApiFields('topics: field_service, field_tags; supportTypes:field_support; image: field_hero ; bad pair; __proto__: x')).to.deep.equal({
      topics: ['field_service', 'field_tags'],
      supportTypes: ['field_support'],
      image: ['field_hero'],
    });
    expect(readJsonApiFields(undefined)).to.deep.equal({});
  });

  const term = (id: string, name: string, type = 'taxonomy_term--tags') => ({ type, id, attributes: { name } });
  const node = {
    type: 'node--case_study',
    id: 'n1',
    attributes: { title: 'Warm spaces', drupal_internal__nid: 7, field_when: '2024-01-10', field_intro: 'A short intro.', body: { summary: 'Body summary', processed: '<p>Body</p>' } },
    relationships: {
      field_service: { data: [{ type: 'taxonomy_term--tags', id: 't1' }] },
      field_support: { data: [{ type: 'taxonomy_term--tags', id: 't2' }] },
      field_council: { data: { type: 'taxonomy_term--tags', id: 't3' } },
      field_hero: { data: { type: 'file--file', id: 'f1', meta: { alt: 'A hall' } } },
      localgov_news_categories: { data: [{ type: 'taxonomy_term--localgov_topic', id: 'lg' }] },
    },
  };
  const included = [term('t1', 'Libraries'), term('t2', 'Grant'), term('t3', 'Ambridge'), term('lg', 'Default topic', 'taxonomy_term--localgov_topic'), { type: 'file--file', id: 'f1', attributes: { uri: { url: '/files/hall.jpg' } } }];

  it('maps a site\'s own fields, key by key over LocalGov Drupal\'s', () => {
    const { items } = readJsonApi({ data: [node], included }, 'https://www.ambridge.example/cms/jsonapi/node/case_study', {
      ...readJsonApiFields('supportTypes: field_support; image: field_hero; date: field_when; summary: field_intro; council: field_council; services: field_service'),
    });
    expect(items).to.deep.equal([
      {
        id: 'n1',
        title: 'Warm spaces',
        url: 'https://www.ambridge.example/cms/node/7',
        summary: 'A short intro.',
        date: '2024-01-10',
        image: { src: 'https://www.ambridge.example/files/hall.jpg', alt: 'A hall' },
        topics: ['Default topic'],
        supportTypes: ['Grant'],
        council: ['Ambridge'],
        services: ['Libraries'],
      },
    ]);
  });

  it('notes which include the address lacks when none of a field\'s terms are in the feed', () => {
    const { items, notes } = readJsonApi({ data: [node] }, 'https://www.ambridge.example/jsonapi/node/case_study', { topics: ['field_service'] });
    expect(items[0]).not.to.have.property('topics');
    expect(notes).to.deep.equal([
      'Add include=field_service to the feed\'s address: its items refer to terms or images it does not include.',
    ]);
  });
});
