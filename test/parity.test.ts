import 'axe-core/axe.min.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CaseStudyFinder } from '../src/index.js';
import {
  $$,
  setViewport,
  chip,
  chipsOf,
  click,
  countText,
  expectAccessible,
  expectFocus,
  groupOf,
  input,
  item,
  mountItems,
  mountSample,
  mountSettled,
  openGroup,
  part,
  parts,
  search,
  text,
  waitUntil,
} from './helpers.js';

/**
 * What a GOV.UK Design System reviewer checks (issue 22): the semantics match what is drawn,
 * headings a screen reader can move between, a narrowing box that speaks once, layouts for feeds
 * with nothing to filter, one clear control, an error state without dead controls, and a
 * phone panel that can be closed from its top.
 */

const NATIONAL = '/data/national-case-studies.json';
const mountNational = (attrs = '') => mountSample(`facets="topics supportTypes organisation" ${attrs}`, NATIONAL);
const boxOf = (el: CaseStudyFinder, group: string) => groupOf(el, group).querySelector<HTMLInputElement>('[part~="filter-search"]');

/**
 * Types `value` a key at a time, a key every 150–250 ms, as a person does: the time the test
 * runner takes to press a key counts towards the gap, so a busy machine does not add pauses.
 */
async function typeAtPace(value: string): Promise<void> {
  let last = performance.now();
  for (const [at, key] of [...value].entries()) {
    const wait = last + 150 + ((at * 37) % 100) - performance.now();
    if (at > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    last = performance.now();
    await sendKeys({ type: key });
  }
}

/**
 * Every text the live region takes, in order, and the keys typed into `box`, each with the time
 * the page saw it: what a screen reader would hear, and when, against the typing.
 */
function watchTyping(el: CaseStudyFinder, box: HTMLInputElement) {
  const region = el.shadowRoot!.querySelector('[role="status"]')!;
  const heard: Array<{ text: string; at: number }> = [];
  const keys: number[] = [];
  const observer = new MutationObserver(() => heard.push({ text: text(region), at: performance.now() }));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  const onKey = () => keys.push(performance.now());
  box.addEventListener('keydown', onKey);
  return {
    said: () => heard.map((one) => one.text),
    /** Pauses of half a second or more between two keys. */
    pauses: () => keys.slice(1).filter((key, at) => key - keys[at]! >= 490).length,
    /**
     * Nothing was said within half a second of a key (never mid-word), and at most once between
     * two keys (once a pause). A busy test machine may pause between keys longer than a person
     * would: such a pause may be told, but only once, as any other.
     */
    expectQuietTyping() {
      const pauses = new Set<number>();
      for (const { text: said, at } of heard) {
        const typed = keys.filter((key) => key <= at);
        expect(at - typed.at(-1)!, `"${said}" said ${Math.round(at - typed.at(-1)!)} ms after a key`).to.be.at.least(490);
        expect(pauses.has(typed.length), `"${said}" said twice in one pause`).to.equal(false);
        pauses.add(typed.length);
      }
    },
    stop() {
      observer.disconnect();
      box.removeEventListener('keydown', onKey);
    },
  };
}

describe('<case-study-finder> GOV.UK parity', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  describe('with nothing to filter', () => {
    const plain = Array.from({ length: 5 }, (_, at) => item(at + 1, { summary: 'A service run by the council.' }));

    for (const width of [320, 600, 800, 1100]) {
      it(`gives the cards the full width of a ${width} px element`, async () => {
        await setViewport({ width: Math.max(width + 40, 800), height: 700 });
        for (const [items, attrs] of [
          [plain, {}],
          // A page naming fields no item has.
          [plain.map((one) => ({ ...one, topics: ['Libraries'] })), { facets: 'region' }],
        ] as const) {
          const el = await mountItems([...items], attrs);
          el.style.width = `${width}px`;
          await el.updateComplete;
          expect(parts(el, 'filter-group')).to.have.length(0);
          const card = part(el, 'card')!.getBoundingClientRect();
          const host = el.getBoundingClientRect();
          expect(Math.abs(card.width - host.width), `card ${card.width} px in ${host.width} px`).to.be.at.most(1);
          expect(Math.abs(card.left - host.left)).to.be.at.most(1);
          if (width === 1100) await expectAccessible(el);
        }
      });
    }
  });

  describe('values are checkboxes', () => {
    it('each value is a labelled checkbox, checked when chosen, with its parts as before', async () => {
      const el = await mountSample();
      const value = chip(el, 'Filter by topics', 'Libraries');
      const box = value.querySelector('input')!;
      expect(box.type).to.equal('checkbox');
      expect(box.labels![0] === value, 'the value is not the checkbox’s label').to.equal(true);
      expect(value.tagName).to.equal('LABEL');
      expect(value.hasAttribute('aria-pressed') || box.hasAttribute('aria-pressed')).to.equal(false);
      expect(box.checked).to.equal(false);
      await click(el, value);
      expect(box.checked).to.equal(true);
      expect([...value.part]).to.deep.equal(['chip', 'chip-selected']);
      expect(countText(el)).to.equal('Your search returned 12 results');
      // The group is a labelled group, as GOV.UK's option-select is a fieldset with a legend.
      const group = groupOf(el, 'Filter by topics');
      expect(group.getAttribute('role')).to.equal('group');
      expect(text(el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!))).to.equal('Filter by topics');
      await expectAccessible(el);
    });

    it('toggles with Space, as a checkbox does', async () => {
      const el = await mountSample();
      const box = chip(el, 'Filter by topics', 'Libraries').querySelector('input')!;
      box.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(box.checked).to.equal(true);
      expect(countText(el)).to.equal('Your search returned 12 results');
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(box.checked).to.equal(false);
      expect(countText(el)).to.equal('48 case studies');
    });

    it('names each value with its count, with no space before the comma', async () => {
      const el = await mountSample();
      const names = chipsOf(el, 'Filter by topics').map((value) => value.querySelector('input')!.getAttribute('aria-label')!);
      expect(names).to.include('Libraries, 12 case studies');
      for (const name of names) expect(name).to.match(/^\S.*\S, \d+ case stud(y|ies)$/);
      expect(names.some((name) => / ,/.test(name))).to.equal(false);
      const welsh = await mountSample('lang="cy"');
      expect(chip(welsh, 'Hidlo yn ôl pynciau', 'Libraries').querySelector('input')!.getAttribute('aria-label')).to.equal(
        'Libraries, 12 astudiaeth achos',
      );
    });

    it('disables a value that would give nothing, and keeps a chosen one usable', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Holiday hunger'));
      await search(el, 'museum');
      const holiday = chip(el, 'Filter by topics', 'Holiday hunger').querySelector('input')!;
      expect(holiday.disabled).to.equal(false);
      expect(holiday.checked).to.equal(true);
      const unusable = chipsOf(el, 'Filter by topics').map((value) => value.querySelector('input')!).filter((box) => box.disabled);
      expect(unusable.length).to.be.greaterThan(0);
      expect(unusable.every((box) => !box.checked)).to.equal(true);
    });
  });

  describe('headings', () => {
    const headings = (el: CaseStudyFinder) =>
      $$(el, 'h1, h2, h3, h4, h5, h6').filter((h) => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'));

    it('titles each filter group and the chosen filters one level below the page, as the cards', async () => {
      const wrapper = await fixture<HTMLElement>(html`<section><h2>Find a case study</h2></section>`);
      const el = document.createElement('case-study-finder');
      el.src = '/data/case-studies.json';
      const loaded = new Promise((resolve) => el.addEventListener('csf-load', resolve, { once: true }));
      wrapper.append(el);
      await loaded;
      await el.updateComplete;
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      const shown = headings(el).map((h) => `${h.tagName} ${text(h)}`);
      expect(shown.slice(0, 3)).to.deep.equal(['H3 Filter by topics 1 selected', 'H3 Filter by support type', 'H3 Selected filters']);
      expect(shown.slice(3).every((h) => h.startsWith('H3 '))).to.equal(true);
      expect(parts(el, 'card-title').every((h) => h.tagName === 'H3')).to.equal(true);
      // The group's button is inside its heading: a heading to move to, a button to press.
      const toggle = groupOf(el, 'Filter by topics').querySelector('[part~="group-toggle"]')!;
      expect(toggle.parentElement!.tagName).to.equal('H3');
      // "Selected filters" labels the list of chosen filters, for screen readers only.
      const selected = headings(el).find((h) => text(h) === 'Selected filters')!;
      expect(selected.getBoundingClientRect().width).to.be.at.most(1);
      expect(part(el, 'active-filters')!.contains(selected)).to.equal(true);
    });

    it('follows heading-level, in Welsh too', async () => {
      const el = await mountSample('heading-level="5" lang="cy"');
      await click(el, chip(el, 'Hidlo yn ôl pynciau', 'Libraries'));
      const levels = new Set(headings(el).map((h) => h.tagName));
      expect([...levels]).to.deep.equal(['H5']);
      expect(headings(el).map(text)).to.include('Hidlyddion a ddewiswyd');
      await expectAccessible(el);
    });
  });

  describe('the box that narrows a long group', () => {
    it('says how many values are left once typing pauses, once a pause, never in between', async () => {
      const el = await mountNational();
      await openGroup(el, 'Filter by organisation');
      const box = boxOf(el, 'Filter by organisation')!;
      const typing = watchTyping(el, box);
      try {
        box.focus();
        await typeAtPace('north');
        await waitUntil(() => typing.said().at(-1) === '8 organisations', 'nothing announced after the pause');
        // A second word, after the first pause's announcement.
        for (let key = 0; key < 5; key++) await sendKeys({ press: 'Backspace' });
        await typeAtPace('wakefield');
        await waitUntil(() => typing.said().at(-1) === '1 organisation', 'nothing announced after the second pause');
        typing.expectQuietTyping();
        // With no pause but the one between the words, that is all that was said.
        if (typing.pauses() === 1) expect(typing.said()).to.deep.equal(['8 organisations', '1 organisation']);
        // The note under a group that matches nothing is not a live region of its own.
        expect(parts(el, 'filter-group').some((group) => group.querySelector('[role="status"], [aria-live]'))).to.equal(false);
      } finally {
        typing.stop();
      }
    });

    it('says when nothing matches, and speaks Welsh', async () => {
      const el = await mountNational('lang="cy"');
      await openGroup(el, 'Hidlo yn ôl sefydliad');
      const box = boxOf(el, 'Hidlo yn ôl sefydliad')!;
      const typing = watchTyping(el, box);
      try {
        box.focus();
        await typeAtPace('wakefield');
        await waitUntil(() => typing.said().at(-1) === '1 o’r sefydliadau yn cyfateb', 'nothing announced');
        await typeAtPace('zz');
        await waitUntil(() => typing.said().at(-1) === 'Does dim sefydliadau yn cyfateb i ‘wakefieldzz’', 'nothing announced');
        typing.expectQuietTyping();
      } finally {
        typing.stop();
      }
    });
  });

  describe('no results', () => {
    it('offers one clear control, in the no-results box, named for what it clears', async () => {
      const el = await mountSample();
      await search(el, 'qqqzzzxx');
      expect(parts(el, 'clear-button').map(text)).to.deep.equal(['Clear search']);
      expect(part(el, 'empty')!.contains(part(el, 'clear-button'))).to.equal(true);
      await search(el, '');
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await search(el, 'qqqzzzxx');
      expect(parts(el, 'clear-button').map(text)).to.deep.equal(['Clear search and filters']);
      expect(part(el, 'empty')!.contains(part(el, 'clear-button'))).to.equal(true);
      // The chosen filter can still be removed on its own.
      expect(parts(el, 'remove-filter')).to.have.length(1);
      await expectAccessible(el);
      await click(el, part(el, 'clear-button')!);
      expect(countText(el)).to.equal('48 case studies');
      expectFocus(el, input(el));
    });

    it('keeps the clear control beside the chosen filters while there are results', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      expect(parts(el, 'clear-button').map(text)).to.deep.equal(['Clear filters']);
      expect(part(el, 'active-filters')!.contains(part(el, 'clear-button'))).to.equal(true);
    });
  });

  describe('the error state', () => {
    it('hides the search box that cannot work, and its words fit its button', async () => {
      const { el } = await mountSettled('/test-api/status/500');
      expect(part(el, 'error')).to.exist;
      expect(part(el, 'search') === null, 'the search area is shown').to.equal(true);
      expect(part(el, 'search-input') === null, 'the search box is shown').to.equal(true);
      expect(text(part(el, 'error'))).to.equal(
        'The case studies are not available at the moment You can try again now, or come back later. Try again',
      );
      await expectAccessible(el);
    });

    it('shows the search box again once a retry succeeds', async () => {
      const { el } = await mountSettled(`/test-api/flaky?key=${Math.random()}&ms=50`);
      expect(part(el, 'search-input') === null, 'the search box is shown').to.equal(true);
      const loaded = new Promise((resolve) => el.addEventListener('csf-load', resolve, { once: true }));
      await click(el, part(el, 'retry-button')!);
      await loaded;
      await el.updateComplete;
      expect(input(el).disabled).to.equal(false);
    });
  });

  describe('the count and the sort', () => {
    // 390 px: a phone. 800 px: the results beside the filters are about 500 px wide, where
    // "115 case studies" fits beside the sort and "Your search returned 25 results" would not.
    for (const width of [390, 800]) {
      it(`keep their places as the count changes, at ${width} px`, async () => {
        await setViewport({ width, height: 900 });
        const el = await mountSample();
        const places = () =>
          ['count', 'sort'].map((name) => {
            const { top, left } = part(el, name)!.getBoundingClientRect();
            return [name, Math.round(top), Math.round(left)];
          });
        const before = places();
        await search(el, 'library');
        expect(countText(el)).to.match(/^Your search returned \d+ results$/);
        expect(places()).to.deep.equal(before);
      });
    }
  });

  describe('the search landmark', () => {
    it('is named after the widget, in English and Welsh', async () => {
      const el = await mountSample();
      expect(part(el, 'search')!.getAttribute('role')).to.equal('search');
      expect(part(el, 'search')!.getAttribute('aria-label')).to.equal('Case studies');
      const welsh = await mountSample('lang="cy"');
      expect(part(welsh, 'search')!.getAttribute('aria-label')).to.equal('Astudiaethau achos');
    });
  });

  describe('the phone panel', () => {
    beforeEach(() => setViewport({ width: 390, height: 844 }));

    it('has a heading and a close control at its top, on screen however far its groups scroll', async () => {
      const el = await mountNational();
      const toggle = part<HTMLButtonElement>(el, 'filters-toggle')!;
      // Closed, and in a wide element, neither is shown.
      expect(part(el, 'panel-close')!.getClientRects().length).to.equal(0);
      await click(el, toggle);
      const panel = part(el, 'filters')!;
      const heading = panel.querySelector<HTMLElement>('h2, h3, h4, h5, h6')!;
      expect(text(heading)).to.equal('Filters');
      const close = part<HTMLButtonElement>(el, 'panel-close')!;
      expect(close.getAttribute('aria-label')).to.equal('Close filters');
      expect(text(close)).to.equal('Close');
      // Show all the organisations, then scroll the panel's groups to their end.
      await openGroup(el, 'Filter by organisation', true);
      const groups = panel.querySelector<HTMLElement>('.groups')!;
      groups.scrollTop = groups.scrollHeight;
      expect(groups.scrollTop).to.be.greaterThan(500);
      for (const node of [heading, close]) {
        const box = node.getBoundingClientRect();
        expect(box.top >= panel.getBoundingClientRect().top && box.bottom <= innerHeight, `${text(node)} is off screen`).to.equal(true);
        expect(node.getClientRects().length).to.be.greaterThan(0);
      }
      await expectAccessible(el);
      close.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expectFocus(el, toggle);
    });

    it('says it in Welsh', async () => {
      const el = await mountNational('lang="cy"');
      await click(el, part(el, 'filters-toggle')!);
      expect(text(part(el, 'filters')!.querySelector('h2, h3, h4, h5, h6'))).to.equal('Hidlyddion');
      expect(part(el, 'panel-close')!.getAttribute('aria-label')).to.equal('Cau’r hidlyddion');
      expect(text(part(el, 'panel-close'))).to.equal('Cau');
    });
  });
});
