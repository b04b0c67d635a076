import { expect, fixture, html } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { sendKeys } from '@web/test-runner-commands';
import { click, countText, input, item, mountItems, mountSample, part, parts, search, text, titles } from './helpers.js';
import { expectFocus } from './helpers.js';

describe('<case-study-finder> cards', () => {
  it('shows title link, organisation, date, summary, tags, image and collection link', async () => {
    const el = await mountItems([
      item(1, {
        title: 'Story sessions',
        url: 'https://example.gov.uk/story',
        organisation: 'Tameside Metropolitan Borough Council',
        date: '2021-06-14',
        summary: 'Weekly sessions.',
        topics: ['Early years'],
        supportTypes: 'Culture hub',
        image: { src: '/data/images/story-makers.svg', alt: 'An open book' },
        collection: { label: 'Early Years', url: '/early-years' },
      }),
    ]);
    const link = part<HTMLAnchorElement>(el, 'card-link')!;
    expect(link.getAttribute('href')).to.equal('https://example.gov.uk/story');
    // The test page has no heading before the widget: its card titles are h2.
    expect(link.closest('h2')).to.exist;
    expect(text(part(el, 'card-meta'))).to.contain('Tameside Metropolitan Borough Council');
    expect(text(part(el, 'card-meta'))).to.contain('14 June 2021');
    expect(part(el, 'card-meta')!.querySelector('time')!.getAttribute('datetime')).to.equal('2021-06-14');
    expect(text(part(el, 'card-summary'))).to.equal('Weekly sessions.');
    expect([...part(el, 'card-tags')!.querySelectorAll('li')].map(text)).to.deep.equal(['Early years', 'Culture hub']);
    const image = part<HTMLImageElement>(el, 'card-image')!;
    expect(image.getAttribute('alt')).to.equal('An open book');
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(text(part(el, 'collection-link'))).to.equal('View all Early Years articles');
  });

  it('treats a missing image alt as decorative', async () => {
    const el = await mountItems([item(1, { image: { src: '/data/images/tree.svg' } })]);
    expect(part(el, 'card-image')!.getAttribute('alt')).to.equal('');
  });

  it('uses heading-level for card headings', async () => {
    const el = await mountItems([item(1)], { 'heading-level': '2' });
    expect(part(el, 'card-title')!.tagName).to.equal('H2');
  });

  it('sorts newest first by default with undated items last', async () => {
    const el = await mountItems([
      item(1, { date: '2020-01-01' }),
      item(2),
      item(3, { date: '2024-05-01' }),
    ]);
    expect(titles(el)).to.deep.equal(['Case study 3', 'Case study 1', 'Case study 2']);
  });

  it('shows page-size cards, then Show more reveals the next page and focuses its first card', async () => {
    const el = await mountSample('page-size="5"');
    expect(parts(el, 'card')).to.have.length(5);
    const more = part(el, 'more-button')!;
    expect(text(more)).to.equal('Show 5 more case studies');
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(parts(el, 'card')).to.have.length(10);
    expectFocus(el, parts(el, 'card-link')[5]);
  });

  it('resets to the first page when the search changes', async () => {
    const el = await mountSample('page-size="5"');
    await click(el, part(el, 'more-button')!);
    expect(parts(el, 'card')).to.have.length(10);
    await search(el, 'a');
    const total = Number(/returned (\d+) results/.exec(countText(el))?.[1]);
    expect(total).to.be.greaterThan(5);
    expect(parts(el, 'card')).to.have.length(5);
    expect(text(part(el, 'more-button'))).to.equal('Show 5 more case studies');
    expect(input(el).value).to.equal('a');
  });

  describe('headings follow the page', () => {
    const levels = (el: CaseStudyFinder) => [...new Set(parts(el, 'card-title').map((h) => h.tagName))];
    const cases: Array<[string, string, string]> = [
      ['after an h1, h2', '<h1>Case studies</h1><p>Intro</p>', 'H2'],
      ['after an h2, h3', '<h1>Council</h1><h2>Find a case study</h2>', 'H3'],
      ['after an h3 in a sidebar, h4', '<h2>Article</h2><aside><h3>Ideas</h3><div><!--widget--></div></aside>', 'H4'],
      ['after an ARIA heading of level 5, h6', '<div role="heading" aria-level="5">Related</div>', 'H6'],
      ['after an h6, still h6', '<h6>Small print</h6>', 'H6'],
      ['with no heading before it, h2 (a heading after it does not count)', '<p>No heading</p><!--widget--><h1>After</h1>', 'H2'],
    ];
    for (const [name, page, expected] of cases) {
      it(name, async () => {
        const host = document.createElement('div');
        host.innerHTML = page.includes('<!--widget-->') ? page.replace('<!--widget-->', '<span id="here"></span>') : `${page}<span id="here"></span>`;
        const el = document.createElement('case-study-finder');
        el.items = [item(1), item(2)] as never;
        host.querySelector('#here')!.replaceWith(el);
        await fixture(html`${host}`);
        await el.updateComplete;
        expect(levels(el)).to.deep.equal([expected]);
      });
    }

    it('heading-level still decides when given', async () => {
      const host = document.createElement('div');
      host.innerHTML = '<h1>Case studies</h1><case-study-finder heading-level="4"></case-study-finder>';
      const el = host.querySelector('case-study-finder')!;
      el.items = [item(1)] as never;
      await fixture(html`${host}`);
      await el.updateComplete;
      expect(levels(el)).to.deep.equal(['H4']);
    });
  });
});
