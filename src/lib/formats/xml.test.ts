import { expect } from '@open-wc/testing';
import { FeedError } from '../feed.js';
import { readRss } from './rss.js';
import { baseOf, domXmlParser, elements, xmlRoot, xmlSyntaxError } from './xml.js';

const parse = domXmlParser(new DOMParser());

describe('xmlSyntaxError', () => {
  // Each engine's own report of the same mistake, and xmldom's message with its position.
  const cases: Array<[string, string, number | undefined, number | undefined, string]> = [
    ['Chromium', 'This page contains the following errors:error on line 14 at column 51: Unexpected end of stream: still inside the root elementBelow is a rendering of the page up to the first error.', undefined, undefined, 'line 14, column 51: Unexpected end of stream: still inside the root element'],
    ['Firefox', 'XML Parsing Error: no element found\nLocation: about:blank\nLine Number 14, Column 16:', undefined, undefined, 'line 14, column 16: no element found'],
    ['xmldom', 'unclosed xml tag(s): rss, channel', 14, 1, 'line 14, column 1: unclosed xml tag(s): rss, channel'],
  ];
  for (const [engine, report, line, column, expected] of cases) {
    it(`words ${engine}'s report with its line`, () => {
      const error = xmlSyntaxError(report, line, column);
      expect(error).to.be.instanceOf(FeedError);
      expect(error.message).to.equal(`The feed is not well-formed XML (${expected}): cut off, or written wrongly.`);
    });
  }
});

describe('reading XML with this browser\'s DOMParser', () => {
  it('reports a cut-off feed with the line the parser stopped at', () => {
    expect(() => xmlRoot('<rss version="2.0">\n<channel>\n<item><title>Cut', parse)).to.throw(FeedError, /^The feed is not well-formed XML \(line [34]/);
  });

  const laughs = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha">${Array.from({ length: 9 }, (_, at) => `<!ENTITY e${at + 1} "${`&${at ? `e${at}` : 'a'};`.repeat(10)}">`).join('')}]><rss><channel><title>&e9;</title></channel></rss>`;

  it('refuses a document type with entities before parsing', () => {
    expect(() => xmlRoot(laughs, parse)).to.throw(FeedError, /^The feed declares entities \(<!ENTITY>\), which are refused for safety\.$/);
  });

  it("is not left to the browser's own parser, which WebKit lets expand them", function () {
    // Chromium and Firefox stop or refuse to expand quickly, and never build a billion-character
    // text. WebKitGTK's parser expands them, holding the test for over two minutes: which is why
    // xmlRoot refuses such a feed before any parser sees it.
    if (/AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent)) this.skip();
    const started = performance.now();
    const doc = new DOMParser().parseFromString(laughs, 'application/xml');
    expect(performance.now() - started).to.be.below(1000);
    expect((doc.documentElement.textContent ?? '').length).to.be.below(100_000);
  });

  it('reads text only: nothing the feed holds is put into the page', () => {
    const feed = `<rss version="2.0"><channel><item><title>A</title><link>https://example.gov.uk/a</link>
      <description>&lt;img src=x onerror="alert(1)"&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description>
      <x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>
      <x:img xmlns:x="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/></item></channel></rss>`;
    const before = document.querySelectorAll('*').length;
    const read = readRss(xmlRoot(feed, parse));
    expect(read.items[0]).to.deep.equal({ title: 'A', url: 'https://example.gov.uk/a' });
    // The parsed document is its own, with no window: its elements are never the page's.
    const entry = read.entries[0] as Node;
    expect(entry.ownerDocument).not.to.equal(document);
    expect(document.contains(entry)).to.equal(false);
    expect(document.querySelectorAll('*').length).to.equal(before);
  });

  it('reads xml:base from the root down, each against the one above', () => {
    const root = parse('<feed xml:base="https://example.gov.uk/a/"><entry xml:base="b/"><link xml:base="../c/"/></entry></feed>').documentElement!;
    const link = elements(elements(root, 'entry')[0], 'link')[0]!;
    expect(baseOf(link, 'https://other.example/feed')).to.equal('https://example.gov.uk/a/c/');
    expect(baseOf(root, 'https://other.example/feed')).to.equal('https://example.gov.uk/a/');
    expect(baseOf(parse('<rss/>').documentElement!, 'https://other.example/feed')).to.equal('https://other.example/feed');
  });
});
