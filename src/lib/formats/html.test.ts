import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { decodeEntities, firstWords, htmlText, summaryText } from './html.js';

describe('decodeEntities', () => {
  const cases: Array<[string, string]> = [
    ['Council&#8217;s', 'Council’s'],
    ['fish &#038; chips', 'fish & chips'],
    ['&#x2019;&#X2019;', '’’'],
    ['&amp;lt;b&amp;gt;', '&lt;b&gt;'],
    ['[&hellip;] &ndash; &mdash; &nbsp;', '[…] – — \u00a0'],
    ['Ynys M&ocirc;n, &Eacute;cole, &wcirc;yn, &ycirc;', 'Ynys Môn, École, ŵyn, ŷ'],
    ['this year&#146;s', 'this year’s'],
    ['&#0; &#xD800; &#1114112;', '\ufffd \ufffd \ufffd'],
    ['&madeup; &amp &', '&madeup; &amp &'],
    ['&toString; &constructor;', '&toString; &constructor;'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => expect(decodeEntities(input)).to.equal(expected));
});

describe('htmlText', () => {
  const cases: Array<[string, string, string]> = [
    ['blocks parted by a space', '<p>Libraries</p><p>open late</p>', 'Libraries open late'],
    ['inline elements joined', '<b>Lib</b>raries <a href="/x">open</a>', 'Libraries open'],
    ['line breaks and list items', 'one<br>two<ul><li>three</li><li>four</li></ul>', 'one two three four'],
    ['no script or style text', '<p>Shown</p><script>alert("x")</script><style>p{}</style><noscript>no</noscript>', 'Shown'],
    ['comments dropped', 'a<!-- hidden -->b', 'ab'],
    ['entities after tags', '<p>&lt;script&gt; is text &amp; stays</p>', '<script> is text & stays'],
    ['a lone < is text', 'a < b and c<3', 'a < b and c<3'],
    ['an unclosed tag ends the text', 'Text <a href="', 'Text'],
    ['an unclosed script hides the rest', 'Text <script>var a', 'Text'],
    ['white space collapsed', '  a\n\n\tb\u00a0 c ', 'a b c'],
    ['an escaped LocalGov description, once decoded by XML', '<p>Runs on 15&nbsp;June &amp; after.</p>', 'Runs on 15 June & after.'],
  ];
  for (const [name, input, expected] of cases) it(name, () => expect(htmlText(input)).to.equal(expected));

  it('costs no more on ten thousand unclosed tags than on a long text', () => {
    const hostile = '<a '.repeat(10_000) + '<script>'.repeat(10_000) + '<!--'.repeat(10_000);
    const started = performance.now();
    htmlText(hostile);
    htmlText('<p>x</p>'.repeat(50_000));
    expect(performance.now() - started).to.be.below(500);
  });

  it('gives text as it is, white space collapsed, when it has no markup', () => {
    fc.assert(
      fc.property(fc.string().filter((text) => !/[<&\x80-\x9f]/.test(text)), (text) => {
        expect(htmlText(text)).to.equal(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('never leaves a tag of the input in its text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<b>', 'word', ' ', '<script>', '</script>', '&amp;', '<br/>', '<img src=x>')), (parts) => {
        expect(htmlText(parts.join(''))).not.to.match(/<(?:p|b|br|img|script)\b/);
      }),
    );
  });
});

describe('summaryText and firstWords', () => {
  it('turns WordPress\'s " [&hellip;]" tail into "…"', () => {
    expect(summaryText('<p>The first words [&hellip;]</p>\n')).to.equal('The first words…');
    expect(summaryText('The first words [&#8230;]')).to.equal('The first words…');
    expect(summaryText('Ends with [...]')).to.equal('Ends with…');
    expect(summaryText('[&hellip;] in the middle stays')).to.equal('[…] in the middle stays');
  });

  it('cuts text after its first words', () => {
    expect(firstWords('one two three', 2)).to.equal('one two…');
    expect(firstWords('one two', 2)).to.equal('one two');
    expect(firstWords(Array.from({ length: 60 }, (_, at) => `w${at}`).join(' ')).split(' ')).to.have.length(55);
  });
});
