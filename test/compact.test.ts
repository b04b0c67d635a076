import 'axe-core/axe.min.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { chip, countText, expectAccessible, groupOf, item, mountItems, mountSample, part, parts, text, titles, waitUntil } from './helpers.js';

async function mountCompact(attrs: string): Promise<CaseStudyFinder> {
  const host = document.createElement('div');
  host.innerHTML = `<h3>Related case studies</h3><case-study-finder src="/data/case-studies.json" variant="compact" ${attrs}><a href="/all">All case studies</a></case-study-finder>`;
  const el = host.querySelector('case-study-finder')!;
  const loaded = oneEvent(el, 'csf-load');
  await fixture(html`${host}`);
  await loaded;
  await el.updateComplete;
  return el;
}

describe('<case-study-finder variant="compact">', () => {
  it('shows three titles with organisation and date, and nothing else', async () => {
    const el = await mountCompact('');
    expect(part(el, 'search')).to.equal(null);
    expect(part(el, 'filters')).to.equal(null);
    expect(part(el, 'count')).to.equal(null);
    expect(part(el, 'more-button')).to.equal(null);
    expect(parts(el, 'card')).to.have.length(3);
    for (const card of parts(el, 'card')) {
      expect(card.querySelector('[part~="card-link"]')).to.exist;
      expect(text(card.querySelector('[part~="card-meta"]'))).to.match(/Published \d+ \w+ \d{4}/);
      for (const hidden of ['card-summary', 'card-image', 'card-tags', 'collection-link']) {
        expect(card.querySelector(`[part~="${hidden}"]`), hidden).to.equal(null);
      }
    }
    // Its headings follow the sidebar's.
    expect(parts(el, 'card-title').every((h) => h.tagName === 'H4')).to.equal(true);
    expect(part(el, 'all-link')).to.equal(null);
    await expectAccessible(el);
  });

  it('lists related case studies from its filter, with a link to all of them', async () => {
    const el = await mountCompact('filter="topics:Libraries" all-href="/case-studies?topics=Libraries" page-size="5"');
    const link = part<HTMLAnchorElement>(el, 'all-link')!;
    expect(text(link)).to.equal('See all case studies');
    expect(link.getAttribute('href')).to.equal('/case-studies?topics=Libraries');
    expect(parts(el, 'card')).to.have.length(5);
    const full = await mountSample();
    await fullClick(full, 'Libraries');
    // The same case studies as choosing Libraries in the full finder, newest first.
    expect(titles(el)).to.deep.equal(titles(full).slice(0, 5));
  });

  it('follows a filter the page changes, as when it shows another article', async () => {
    const el = await mountCompact('filter="topics:Libraries"');
    const libraries = titles(el);
    el.filter = 'topics:Holiday hunger';
    await el.updateComplete;
    expect(titles(el)).not.to.deep.equal(libraries);
    const full = await mountSample();
    await fullClick(full, 'Holiday hunger');
    expect(titles(el)).to.deep.equal(titles(full).slice(0, 3));
  });

  it('refuses an unsafe all-href, and speaks Welsh', async () => {
    const el = await mountCompact('all-href="javascript:alert(1)" lang="cy"');
    expect(part(el, 'all-link')).to.equal(null);
    const cy = await mountCompact('all-href="/rhestr" lang="cy"');
    expect(text(part(cy, 'all-link'))).to.equal('Gweld pob astudiaeth achos');
  });

  it("shows the page's own fallback when the feed cannot be loaded", async () => {
    const host = document.createElement('div');
    host.innerHTML = '<case-study-finder src="/test-api/status/500" variant="compact"><a href="/all">All case studies</a></case-study-finder>';
    const el = host.querySelector('case-study-finder')!;
    const failed = oneEvent(el, 'csf-error');
    const warn = console.warn;
    console.warn = () => {};
    try {
      await fixture(html`${host}`);
      await failed;
    } finally {
      console.warn = warn;
    }
    await el.updateComplete;
    expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
  });
});

async function fullClick(el: CaseStudyFinder, label: string): Promise<void> {
  chip(el, 'Filter by topics', label).click();
  await el.updateComplete;
}

describe('the filter attribute in the full finder', () => {
  it('starts with its values chosen, their group open and listed as chosen filters', async () => {
    const el = await mountSample('filter="supportTypes:Culture hub"');
    expect(countText(el)).to.match(/^Your search returned \d+ results$/);
    const group = groupOf(el, 'Filter by support type');
    expect(group.querySelector('[part~="group-toggle"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect(chip(el, 'Filter by support type', 'Culture hub').querySelector('input')!.checked).to.equal(true);
    expect(parts(el, 'remove-filter').map(text)).to.deep.equal(['Support type: Culture hub']);
  });

  it('may name a field that is not a filter group, and several values', async () => {
    const el = await mountItems(
      [item(1, { region: 'North', topics: 'A' }), item(2, { region: 'South', topics: 'B' }), item(3, { region: 'East', topics: 'A' })],
      { filter: 'region:North; region:East; nonsense' },
    );
    await waitUntil(() => countText(el) !== '');
    expect(titles(el)).to.deep.equal(['Case study 1', 'Case study 3']);
    expect(parts(el, 'remove-filter').map(text)).to.deep.equal(['Region: North', 'Region: East']);
  });
});

describe('layout by the widget’s own width', () => {
  async function at(width: number): Promise<CaseStudyFinder> {
    const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"><case-study-finder src="/data/case-studies.json"></case-study-finder></div>`);
    const el = host.querySelector('case-study-finder')!;
    await waitUntil(() => parts(el, 'card').length > 0, 'no cards');
    return el;
  }

  it('puts the filters in a column beside the results from about 600 px (a GOV.UK two-thirds column)', async () => {
    const wide = await at(630);
    const filters = part(wide, 'filters')!.getBoundingClientRect();
    const results = part(wide, 'results')!.getBoundingClientRect();
    expect(results.left).to.be.greaterThan(filters.right);
    const narrow = await at(590);
    expect(part(narrow, 'results')!.getBoundingClientRect().top).to.be.greaterThan(part(narrow, 'filters')!.getBoundingClientRect().bottom);
  });

  it('puts a picture above the text when the card itself is narrower than 480 px', async () => {
    const el = await at(630);
    const card = parts(el, 'card').find((c) => c.querySelector('[part~="card-image"]'))!;
    expect(card.getBoundingClientRect().width).to.be.below(480);
    expect(card.querySelector('[part~="card-image"]')!.getBoundingClientRect().bottom).to.be.at.most(
      card.querySelector('[part~="card-title"]')!.getBoundingClientRect().top,
    );
    const wide = await at(1000);
    const wideCard = parts(wide, 'card').find((c) => c.querySelector('[part~="card-image"]'))!;
    expect(wideCard.querySelector('[part~="card-image"]')!.getBoundingClientRect().right).to.be.at.most(
      wideCard.querySelector('[part~="card-title"]')!.getBoundingClientRect().left,
    );
  });
});
