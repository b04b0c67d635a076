import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { CsfChangeEvent } from '../src/index.js';
import { checkboxOf, chip, chipCount, chipsOf, click, countText, item, mountItems, mountSample, part, parts, search, text, titles, openGroup } from './helpers.js';

const resultCount = (countLine: string) => Number(countLine.match(/\d+/)![0]);

describe('<case-study-finder> filtering', () => {
  it('labels the groups from the feed and shows values as checkboxes with counts', async () => {
    const el = await mountSample();
    const groups = parts(el, 'filter-group');
    expect(groups.map((g) => text(g.querySelector('.group-label')))).to.deep.equal([
      'Filter by topics',
      'Filter by support type',
    ]);
    expect(groups.every((g) => g.getAttribute('role') === 'group' && g.hasAttribute('aria-labelledby'))).to.equal(true);
    const libraries = chip(el, 'Filter by topics', 'Libraries');
    expect(checkboxOf(libraries).checked).to.equal(false);
    expect(chipCount(libraries)).to.equal(12);
  });

  it('widens within a group (OR), narrows across groups (AND), and the counts agree', async () => {
    const el = await mountSample();
    const libraries = chipCount(chip(el, 'Filter by topics', 'Libraries'));
    const earlyYears = chipCount(chip(el, 'Filter by topics', 'Early years'));

    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    expect(resultCount(countText(el))).to.equal(libraries);
    expect(checkboxOf(chip(el, 'Filter by topics', 'Libraries')).checked).to.equal(true);
    expect(chip(el, 'Filter by topics', 'Libraries').part.contains('chip-selected')).to.equal(true);

    // Counts in the same group are disjunctive: Early years still shows its own total.
    expect(chipCount(chip(el, 'Filter by topics', 'Early years'))).to.equal(earlyYears);
    await click(el, chip(el, 'Filter by topics', 'Early years'));
    const widened = resultCount(countText(el));
    expect(widened).to.be.greaterThan(libraries);
    expect(widened).to.be.lessThan(libraries + earlyYears + 1);

    await openGroup(el, 'Filter by support type');
    const culture = chip(el, 'Filter by support type', 'Culture hub');
    const cultureCount = chipCount(culture);
    await click(el, culture);
    const narrowed = resultCount(countText(el));
    expect(narrowed).to.equal(cultureCount);
    expect(narrowed).to.be.lessThan(widened);
    expect(titles(el)).to.have.length(Math.min(narrowed, 12));
    // Every shown card has one of the chosen topics and the chosen support type.
    for (const card of parts(el, 'card')) {
      const tags = text(card.querySelector('[part~="card-tags"]'));
      expect(/Libraries|Early years/.test(tags) && tags.includes('Culture hub')).to.equal(true, tags);
    }
  });

  it('counts chips against the query', async () => {
    const el = await mountSample();
    await search(el, 'museum');
    const museums = chip(el, 'Filter by topics', 'Museums and heritage');
    expect(chipCount(museums)).to.be.at.most(resultCount(countText(el)));
    const zero = chipsOf(el, 'Filter by topics').filter((c) => chipCount(c) === 0);
    expect(zero.length).to.be.greaterThan(0);
    expect(zero.every((c) => checkboxOf(c).disabled)).to.equal(true);
  });

  it('keeps a chosen chip enabled and in place even when its count is 0', async () => {
    const el = await mountSample();
    const before = chipsOf(el, 'Filter by topics').map((c) => text(c.querySelector('.chip-label')));
    await click(el, chip(el, 'Filter by topics', 'Holiday hunger'));
    await search(el, 'museum');
    const holiday = chip(el, 'Filter by topics', 'Holiday hunger');
    expect(chipCount(holiday)).to.equal(0);
    expect(checkboxOf(holiday).disabled).to.equal(false);
    expect(chipsOf(el, 'Filter by topics').map((c) => text(c.querySelector('.chip-label')))).to.deep.equal(before);
  });

  it('lists chosen filters as removable buttons and clears everything with Clear all filters', async () => {
    const el = await mountSample();
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    await openGroup(el, 'Filter by support type');
    await click(el, chip(el, 'Filter by support type', 'Volunteering'));
    await search(el, 'older');
    const active = part(el, 'active-filters')!;
    const removes = [...active.querySelectorAll('button[data-remove]')];
    // Each names its group, on screen and to a screen reader.
    expect(removes.map((b) => text(b))).to.deep.equal(['Topic: Libraries', 'Support type: Volunteering']);
    expect(removes.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Remove filter Topic: Libraries',
      'Remove filter Support type: Volunteering',
    ]);
    await click(el, removes[0] as HTMLElement);
    expect(checkboxOf(chip(el, 'Filter by topics', 'Libraries')).checked).to.equal(false);
    await click(el, part(el, 'clear-button')!);
    expect(part(el, 'active-filters')).to.equal(null);
    expect(countText(el)).to.equal('48 case studies');
  });

  it('fires csf-change with the filters when a chip is pressed', async () => {
    const el = await mountSample();
    const changed = oneEvent(el, 'csf-change');
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    const { detail } = (await changed) as CsfChangeEvent;
    expect(detail.filters).to.deep.equal({ topics: ['Libraries'] });
    expect(detail.total).to.equal(12);
    expect(detail.sort).to.equal('newest');
  });

  it('treats facet values case-insensitively and shows the first spelling', async () => {
    const el = await mountItems([
      item(1, { topics: ['Early Years'] }),
      item(2, { topics: ['early years '] }),
      item(3, { topics: 'Libraries' }),
    ]);
    const labels = chipsOf(el, 'Filter by topics').map((c) => text(c.querySelector('.chip-label')));
    expect(labels).to.deep.equal(['Early Years', 'Libraries']);
    expect(chipCount(chip(el, 'Filter by topics', 'Early Years'))).to.equal(2);
  });

  it("shows the feed's own facets when the page names none, and the page's when it does", async () => {
    const feed = JSON.stringify({
      facets: [{ key: 'region', label: 'Region' }, { key: 'topics' }],
      items: [item(1, { region: 'North', topics: 'Libraries' }), item(2, { region: 'South' })],
    });
    const mount = async (attrs: string) => {
      const host = await fixture<HTMLDivElement>(
        `<div><case-study-finder ${attrs}><script type="application/json">${feed}</script></case-study-finder></div>` as never,
      );
      const el = host.querySelector('case-study-finder')!;
      await waitUntil(() => parts(el, 'filter-group').length > 0, 'no filter groups');
      return el;
    };
    const fromFeed = await mount('');
    expect(parts(fromFeed, 'filter-group').map((g) => text(g.querySelector('.group-label')))).to.deep.equal([
      'Filter by region',
      'Filter by topics',
    ]);
    const fromPage = await mount('facets="topics"');
    expect(parts(fromPage, 'filter-group').map((g) => text(g.querySelector('.group-label')))).to.deep.equal([
      'Filter by topics',
    ]);
  });

  it('uses any text field named in the facets attribute', async () => {
    const el = await mountItems(
      [item(1, { region: 'North' }), item(2, { region: ['South', 'North'] }), item(3, { region: 'South' })],
      { facets: 'region' },
    );
    expect(chipsOf(el, 'Filter by region').map(chipCount)).to.deep.equal([2, 2]);
  });

  describe('facet keys named like Object.prototype members are plain names', () => {
    const feed = JSON.stringify({
      facets: [{ key: 'toString', label: 'Colour' }, { key: 'valueOf' }, { key: 'hasOwnProperty' }],
      items: [
        item(1, { toString: 'Red', valueOf: ['Big'] }),
        item(2, { toString: 'Blue', hasOwnProperty: 'Yes' }),
        item(3, { toString: 'Red' }),
      ],
    });

    it("from the feed's own facets: loads, counts, filters and reports them", async () => {
      const faults: string[] = [];
      const onError = (event: ErrorEvent) => faults.push(event.message);
      window.addEventListener('error', onError);
      try {
        const host = await fixture<HTMLDivElement>(
          `<div><case-study-finder><script type="application/json">${feed}</script></case-study-finder></div>` as never,
        );
        const el = host.querySelector('case-study-finder')!;
        await waitUntil(() => countText(el) !== '', 'never left the loading state');
        expect(countText(el)).to.equal('3 case studies');
        expect(parts(el, 'filter-group').map((g) => text(g.querySelector('.group-label')))).to.deep.equal([
          'Filter by colour',
          'Filter by valueOf',
          'Filter by hasOwnProperty',
        ]);
        expect(chipsOf(el, 'Filter by colour').map((c) => `${text(c.querySelector('.chip-label'))} ${chipCount(c)}`)).to.deep.equal([
          'Blue 1',
          'Red 2',
        ]);
        const changed = oneEvent(el, 'csf-change');
        await click(el, chip(el, 'Filter by colour', 'Red'));
        const { detail } = (await changed) as CsfChangeEvent;
        expect(countText(el)).to.equal('Your search returned 2 results');
        expect(Object.hasOwn(detail.filters, 'toString')).to.equal(true);
        expect(detail.filters['toString']).to.deep.equal(['Red']);
        expect(text(part(el, 'active-filters'))).to.contain('Red');
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(faults).to.deep.equal([]);
    });

    it('from the facets attribute, whether the items have them or not', async () => {
      const el = await mountSample('facets="topics hasOwnProperty constructor __proto__ valueOf toString"');
      expect(countText(el)).to.equal('48 case studies');
      expect(parts(el, 'filter-group').map((g) => text(g.querySelector('.group-label')))).to.deep.equal(['Filter by topics']);
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      expect(countText(el)).to.match(/^Your search returned \d+ results$/);
    });
  });
});
