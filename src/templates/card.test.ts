import { expect } from '@open-wc/testing';
import { html } from 'lit';
import { cy } from '../i18n/cy.js';
import { en } from '../i18n/en.js';
import type { CaseStudy } from '../lib/feed.js';
import type { Card } from '../lib/view.js';
import { renderCard, type CardContext } from './card.js';
import { cardStyles } from './card.styles.js';
import { allByPart, byPart, drawTemplate, expectAccessible, nameOf, text } from '../../test/render-template.js';

/** An item as the feed code hands it over; the card trusts none of its text. */
const study = (fields: Partial<CaseStudy> = {}): CaseStudy => ({
  id: 'a',
  title: 'Libraries open late in Leeds',
  url: '/case-studies/libraries-open-late',
  topics: [],
  supportTypes: [],
  keywords: [],
  extra: Object.create(null) as Record<string, string[]>,
  ...fields,
});

const JUNE_14 = Date.parse('2021-06-14T00:00:00Z');
const FULL = study({
  organisation: 'Leeds City Council',
  date: '2021-06-14',
  summary: 'Three branch libraries stayed open until nine on weekdays, and the reading groups doubled.',
  topics: ['Libraries', 'Culture'],
  supportTypes: ['Peer support'],
  image: { src: '/data/images/lantern.svg', alt: 'Readers at a long table' },
  collection: { label: 'Libraries', url: '/collections/libraries' },
});

const context = (fields: Partial<CardContext> = {}): CardContext => ({ lang: 'en', text: en, headingLevel: 3, matched: new Set(), ...fields });

/** One card, drawn in its list as the results draw it. */
async function drawCard(item: CaseStudy, fields: Partial<CardContext> = {}, day = item.date ? JUNE_14 : undefined) {
  const card: Card = day === undefined ? { index: 0, item } : { index: 0, item, day };
  const drawn = await drawTemplate(html`<ul>${renderCard(card, context(fields))}</ul>`, [cardStyles]);
  return { ...drawn, card: byPart(drawn.root, 'card')! };
}

describe('renderCard', () => {
  it('is an article with a real heading at the level asked for, holding the link', async () => {
    for (const [asked, tag] of [[2, 'H2'], [3, 'H3'], [4, 'H4'], [5, 'H5'], [6, 'H6'], [1, 'H3'], [7, 'H3'], [Number.NaN, 'H3']] as const) {
      const { card } = await drawCard(study(), { headingLevel: asked });
      const heading = byPart(card, 'card-title')!;
      expect(heading.tagName, `level ${asked}`).to.equal(tag);
      const link = heading.querySelector<HTMLAnchorElement>('[part~="card-link"]')!;
      expect(nameOf(link)).to.equal('Libraries open late in Leeds');
      expect(link.getAttribute('href')).to.equal('/case-studies/libraries-open-late');
    }
    const { card } = await drawCard(study());
    expect(card.tagName).to.equal('ARTICLE');
  });

  it('shows the organisation, the date in words with a machine-readable time, the summary, tags and collection', async () => {
    const { card, host } = await drawCard(FULL);
    expect(text(byPart(card, 'card-meta'))).to.equal('Leeds City Council Published 14 June 2021');
    expect(card.querySelector('time')!.getAttribute('datetime')).to.equal('2021-06-14');
    expect(text(byPart(card, 'card-summary'))).to.equal(FULL.summary);
    expect(allByPart(card, 'tag').map(text)).to.deep.equal(['Libraries', 'Culture', 'Peer support']);
    const collection = byPart<HTMLAnchorElement>(card, 'collection-link')!;
    expect(nameOf(collection)).to.equal('View all Libraries articles');
    expect(collection.getAttribute('href')).to.equal('/collections/libraries');
    const image = byPart<HTMLImageElement>(card, 'card-image')!;
    expect(image.alt).to.equal('Readers at a long table');
    // Its box is reserved before it loads, and it loads only near the screen.
    expect([image.getAttribute('width'), image.getAttribute('height'), image.loading]).to.deep.equal(['320', '180', 'lazy']);
    await expectAccessible(host);
  });

  it('dates cards in Welsh with its own month names', async () => {
    const { card } = await drawCard(FULL, { lang: 'cy', text: cy });
    expect(text(byPart(card, 'card-meta'))).to.equal('Leeds City Council Cyhoeddwyd 14 Mehefin 2021');
  });

  it('draws nothing for what an item does not have: no empty lines, no "undefined"', async () => {
    const { card } = await drawCard(study());
    for (const name of ['card-meta', 'card-summary', 'card-tags', 'collection-link', 'card-image']) {
      expect(byPart(card, name), name).to.equal(null);
    }
    expect(text(card)).to.equal('Libraries open late in Leeds');
    const dated = await drawCard(study({ date: '2021-06-14' }));
    expect(text(byPart(dated.card, 'card-meta'))).to.equal('Published 14 June 2021');
    expect(dated.card.querySelector('.org')).to.equal(null);
  });

  it('marks the words the search matched, wherever they are, without changing the text', async () => {
    const matched = new Set(['libraries', 'leeds']);
    const { card } = await drawCard(FULL, { matched });
    const marks = allByPart(card, 'highlight');
    expect(marks.every((mark) => mark.tagName === 'MARK')).to.equal(true);
    expect(marks.map(text)).to.deep.equal(['Libraries', 'Leeds', 'Leeds', 'libraries', 'Libraries']);
    expect(text(byPart(card, 'card-link'))).to.equal('Libraries open late in Leeds');
    expect(text(byPart(card, 'card-summary'))).to.equal(FULL.summary);
    const plain = await drawCard(FULL);
    expect(allByPart(plain.card, 'highlight')).to.have.length(0);
  });

  it('reads every text as text: markup in a feed makes no element and runs nothing', async () => {
    const hostile = study({
      title: '<img src=x onerror="window.__cardRan = 1">Reading <b>groups</b>',
      organisation: '<script>window.__cardRan = 2</script>',
      summary: '<a href="javascript:window.__cardRan = 3">groups</a> &amp; more',
      topics: ['<i>groups</i>'],
      image: { src: '/data/images/tree.svg', alt: '" onload="window.__cardRan = 4' },
    });
    for (const matched of [new Set<string>(), new Set(['groups'])]) {
      const { card } = await drawCard(hostile, { matched });
      expect(card.querySelectorAll('script, b, i, a:not([part]), img:not([part~="card-image"])'), `with ${matched.size} matched`).to.have.length(0);
      expect(text(byPart(card, 'card-link'))).to.equal('<img src=x onerror="window.__cardRan = 1">Reading <b>groups</b>');
      expect(text(byPart(card, 'card-summary'))).to.equal('<a href="javascript:window.__cardRan = 3">groups</a> &amp; more');
      expect(byPart<HTMLImageElement>(card, 'card-image')!.alt).to.equal('" onload="window.__cardRan = 4');
      expect(allByPart(card, 'highlight').map(text)).to.deep.equal(matched.size ? ['groups', 'groups', 'groups'] : []);
    }
    expect((window as { __cardRan?: number }).__cardRan).to.equal(undefined);
  });

  it('bounds long text: a summary is cut at a word, around the match while searching', async () => {
    const words = Array.from({ length: 120 }, (_, at) => `word${at}`);
    const summary = [...words.slice(0, 100), 'libraries', ...words.slice(100)].join(' ');
    const { card } = await drawCard(study({ summary, title: 'x'.repeat(5000), topics: Array.from({ length: 40 }, (_, at) => `Topic ${at}`) }));
    const cut = text(byPart(card, 'card-summary'));
    expect(cut.startsWith('word0 word1')).to.equal(true);
    expect(cut.endsWith(' …')).to.equal(true);
    expect(cut.length).to.be.at.most(322);
    expect(text(byPart(card, 'card-link')).length).to.be.at.most(302);
    expect(allByPart(card, 'tag')).to.have.length(12);

    const searching = await drawCard(study({ summary }), { matched: new Set(['libraries']) });
    const around = byPart(searching.card, 'card-summary')!;
    expect(around.classList.contains('excerpt')).to.equal(true);
    expect(text(around).startsWith('… ')).to.equal(true);
    expect(text(around)).to.contain('libraries');
    expect(text(around).length).to.be.at.most(184);
  });

  it('in the compact variant shows the title, organisation and date only', async () => {
    const { card } = await drawCard(FULL, { compact: true });
    expect(text(card)).to.equal('Libraries open late in Leeds Leeds City Council Published 14 June 2021');
    for (const name of ['card-image', 'card-summary', 'card-tags', 'collection-link']) {
      expect(byPart(card, name), name).to.equal(null);
    }
  });
});
