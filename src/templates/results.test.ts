import { expect } from '@open-wc/testing';
import { en } from '../i18n/en.js';
import { cy } from '../i18n/cy.js';
import { parseFeed } from '../lib/feed.js';
import type { AppliedSort } from '../lib/order.js';
import type { ChosenFilter, View } from '../lib/view.js';
import { cardStyles } from './card.styles.js';
import { renderResults, type ResultsContext } from './results.js';
import { resultsStyles } from './results.styles.js';
import { allByPart, byPart, drawTemplate, expectAccessible, nameOf, roleOf, spy, text } from '../../test/render-template.js';

const { items } = parseFeed(
  Array.from({ length: 30 }, (_, n) => ({ title: `Case study ${n + 1}`, url: `/case-studies/${n + 1}`, date: `2021-06-${String(n + 1).padStart(2, '0')}` })),
);

/** A view of `total` results with the first `cards` of them drawn. */
const viewOf = (total: number, cards = Math.min(total, 12), sort: AppliedSort = 'newest'): View => ({
  results: Array.from({ length: total }, (_, at) => at),
  facets: [],
  sort,
  cards: items.slice(0, cards).map((item, index) => ({ index, item })),
});

const LIBRARIES: ChosenFilter = { facet: 'topics', value: 'libraries', name: 'Topic', label: 'Libraries' };
const FUNDING: ChosenFilter = { facet: 'supportTypes', value: 'funding', name: 'Support type', label: 'Funding' };

function contextOf(overrides: Partial<ResultsContext> = {}) {
  return {
    uid: 'r',
    text: en,
    card: { lang: 'en' as const, text: en, headingLevel: 2, matched: new Set<string>() },
    view: viewOf(30),
    indexing: false,
    query: '',
    chosen: [] as ChosenFilter[],
    hasDates: true,
    pageSize: 12,
    onRemove: spy<[ChosenFilter, Event]>(),
    onClear: spy<[]>(),
    onSort: spy<[Event]>(),
    onMore: spy<[]>(),
    onSuggestion: spy<[string]>(),
    ...overrides,
  };
}

const draw = (overrides: Partial<ResultsContext> = {}) =>
  drawTemplate(renderResults(contextOf(overrides)), [resultsStyles, cardStyles]);
const countOf = async (overrides: Partial<ResultsContext>) => text(byPart((await draw(overrides)).root, 'count'));
const clearWords = (root: ParentNode) => allByPart(root, 'clear-button').map(text);

describe('renderResults', () => {
  describe('the count', () => {
    it('says how many case studies there are before any search or filter, then what the search returned', async () => {
      expect(await countOf({})).to.equal('30 case studies');
      expect(await countOf({ view: viewOf(1) })).to.equal('1 case study');
      expect(await countOf({ query: '  ' }), 'spaces are not a search').to.equal('30 case studies');
      expect(await countOf({ query: 'library', view: viewOf(3) })).to.equal('Your search returned 3 results');
      expect(await countOf({ query: 'library', view: viewOf(1) })).to.equal('Your search returned 1 result');
      expect(await countOf({ chosen: [LIBRARIES], view: viewOf(0) })).to.equal('Your search returned 0 results');
      expect(await countOf({ query: 'library', indexing: true })).to.equal('Searching…');
    });

    it('counts in Welsh', async () => {
      const card = { lang: 'cy' as const, text: cy, headingLevel: 2, matched: new Set<string>() };
      expect(await countOf({ text: cy, card })).to.equal('30 astudiaeth achos');
    });

    it('names the list of results, and can take focus when a change moves the visitor there', async () => {
      const { root, host } = await draw();
      const count = byPart(root, 'count')!;
      expect(count.tabIndex).to.equal(-1);
      const list = byPart(root, 'results')!;
      expect(roleOf(list)).to.equal('list');
      expect(nameOf(list)).to.equal('30 case studies');
      expect(list.querySelectorAll(':scope > li')).to.have.length(12);
      await expectAccessible(host);
    });
  });

  describe('the sort', () => {
    const offered = (root: ShadowRoot) => {
      const select = byPart<HTMLSelectElement>(root, 'sort');
      return select && [...select.options].map((option) => `${option.textContent}${option.selected ? ' (selected)' : ''}`);
    };

    it('offers relevance only while searching, and dates only when items have them', async () => {
      expect(offered((await draw()).root)).to.deep.equal(['Newest (selected)', 'Oldest', 'A to Z']);
      expect(offered((await draw({ query: 'library', view: viewOf(5, 5, 'relevance') })).root)).to.deep.equal([
        'Relevance (selected)',
        'Newest',
        'Oldest',
        'A to Z',
      ]);
      expect(offered((await draw({ hasDates: false, view: viewOf(5, 5, 'feed') })).root)).to.deep.equal(['Original order (selected)', 'A to Z']);
      expect(offered((await draw({ hasDates: false, view: viewOf(5, 5, 'title') })).root)).to.deep.equal(['A to Z (selected)']);
    });

    it('is labelled, hands changes to its callback, and is not offered for fewer than two results', async () => {
      const onSort = spy<[Event]>();
      const { root } = await draw({ onSort });
      const select = byPart<HTMLSelectElement>(root, 'sort')!;
      expect(nameOf(select)).to.equal('Sort by');
      select.value = 'title';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      expect(onSort.calls).to.have.length(1);
      expect(offered((await draw({ view: viewOf(1) })).root)).to.equal(null);
      expect(offered((await draw({ query: 'x', view: viewOf(0) })).root)).to.equal(null);
    });
  });

  describe('the chosen filters', () => {
    it('lists each as a button that removes it and names its group', async () => {
      const onRemove = spy<[ChosenFilter, Event]>();
      const { root, host } = await draw({ chosen: [LIBRARIES, FUNDING], view: viewOf(4), onRemove });
      const list = root.querySelector('.active-list')!;
      expect(nameOf(list)).to.equal('Selected filters');
      const buttons = allByPart<HTMLButtonElement>(root, 'remove-filter');
      expect(buttons.map(nameOf)).to.deep.equal(['Remove filter Topic: Libraries', 'Remove filter Support type: Funding']);
      expect(buttons.map(text)).to.deep.equal(['Topic: Libraries', 'Support type: Funding']);
      buttons[1]!.click();
      expect(onRemove.calls.map(([filter, event]) => [filter, event.type])).to.deep.equal([[FUNDING, 'click']]);
      await expectAccessible(host);
    });

    it('has one clear control that says what it clears, and none when there is nothing to clear', async () => {
      const cases: Array<[string, ChosenFilter[], string[]]> = [
        ['', [], []],
        ['   ', [], []],
        ['library', [], ['Clear search']],
        ['', [LIBRARIES], ['Clear filters']],
        ['library', [LIBRARIES, FUNDING], ['Clear search and filters']],
      ];
      for (const [query, chosen, words] of cases) {
        const { root } = await draw({ query, chosen, view: viewOf(3) });
        expect(clearWords(root), `query "${query}", ${chosen.length} chosen`).to.deep.equal(words);
        expect(byPart(root, 'active-filters') !== null, `the chosen filters' block for "${query}"`).to.equal(words.length > 0);
      }
      const onClear = spy<[]>();
      const { root } = await draw({ query: 'library', onClear });
      byPart<HTMLButtonElement>(root, 'clear-button')!.click();
      expect(onClear.calls).to.have.length(1);
    });
  });

  describe('with no results', () => {
    it('says so, with a hint that fits what was asked and one clear control of its own', async () => {
      const cases: Array<[string, ChosenFilter[], string, string]> = [
        ['zzz', [], en.emptyHint, 'Clear search'],
        ['', [LIBRARIES], en.emptyHintFilters, 'Clear filters'],
        ['zzz', [LIBRARIES], en.emptyHintBoth, 'Clear search and filters'],
      ];
      for (const [query, chosen, hint, clear] of cases) {
        const { root } = await draw({ query, chosen, view: viewOf(0) });
        const empty = byPart(root, 'empty')!;
        expect(text(empty.querySelector('.state-title'))).to.equal('No case studies match your search');
        expect(text(empty)).to.contain(hint);
        expect(clearWords(empty)).to.deep.equal([clear]);
        expect(byPart(root, 'results'), 'no empty list').to.equal(null);
        expect(byPart(root, 'more-button')).to.equal(null);
      }
    });

    it('offers the nearest query that has results, and hands it to its callback', async () => {
      const onSuggestion = spy<[string]>();
      const { root, host } = await draw({ query: 'libary', suggestion: 'library', view: viewOf(0), onSuggestion });
      const suggestion = byPart<HTMLButtonElement>(root, 'suggestion')!;
      expect(nameOf(suggestion)).to.equal('Did you mean library?');
      suggestion.click();
      expect(onSuggestion.calls).to.deep.equal([['library']]);
      await expectAccessible(host);
    });

    it('says nothing of a correction that found nothing', async () => {
      const { root } = await draw({ query: 'libary', corrected: 'library', view: viewOf(0) });
      expect(byPart(root, 'correction')).to.equal(null);
    });
  });

  it('says which query it searched for when it corrected a typo', async () => {
    const { root } = await draw({ query: 'libary', corrected: 'library', view: viewOf(3) });
    expect(text(byPart(root, 'correction'))).to.equal('Showing results for library');
    expect(byPart(root, 'suggestion'), 'no suggestion when there are results').to.equal(null);
  });

  describe('"Show more"', () => {
    const more = async (total: number, cards: number, view?: View) => {
      const { root } = await draw({ view: view ?? viewOf(total, cards) });
      return [text(root.querySelector('.showing')), text(byPart(root, 'more-button'))];
    };

    it('says how many are shown and how many more it shows, never more than a page', async () => {
      expect(await more(30, 12)).to.deep.equal(['Showing 12 of 30', 'Show 12 more case studies']);
      expect(await more(30, 24)).to.deep.equal(['Showing 24 of 30', 'Show 6 more case studies']);
      expect(await more(13, 12)).to.deep.equal(['Showing 12 of 13', 'Show 1 more case study']);
      expect(await more(30, 30)).to.deep.equal(['', '']);
      const large = { ...viewOf(12), results: Array.from({ length: 3000 }, (_, at) => at) };
      expect(await more(0, 0, large)).to.deep.equal(['Showing 12 of 3,000', 'Show 12 more case studies']);
    });

    it('hands the press to its callback', async () => {
      const onMore = spy<[]>();
      const { root } = await draw({ onMore });
      byPart<HTMLButtonElement>(root, 'more-button')!.click();
      expect(onMore.calls).to.have.length(1);
    });
  });
});
