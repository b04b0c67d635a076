import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { FiltersPanel } from '../controllers/filters-panel.js';
import { en } from '../i18n/en.js';
import { valueKey, type FacetCounts, type FacetValue } from '../lib/facets.js';
import { fold } from '../lib/text.js';
import { renderFilters, type FiltersContext } from './filters.js';
import { filtersStyles } from './filters.styles.js';
import { allByPart, byPart, drawTemplate, expectAccessible, nameOf, roleOf, shown, spy, text } from '../../test/render-template.js';

const value = (label: string, count: number, selected = false): FacetValue => ({ key: valueKey(label), label, folded: fold(label), count, selected });
const group = (key: string, values: FacetValue[]): FacetCounts => ({ key, values });

const LABELS: Record<string, string> = { topics: 'topics', supportTypes: 'support type', organisation: 'organisation' };
const NAMES: Record<string, string> = { topics: 'Topic', organisation: 'Organisation', supportTypes: 'Support type' };
const NOUNS: Record<string, string> = { topics: 'topics', supportTypes: 'support types', organisation: 'organisations' };

/** Twenty councils, the first with most case studies; Wakefield chosen though it has few. */
const COUNCILS = ['Barnsley', 'Bolton', 'Bradford', 'Calderdale', 'Cardiff', 'Durham', 'Gwynedd', 'Halton', 'Kirklees', 'Leeds',
  'Newport', 'Oldham', 'Powys', 'Rochdale', 'Salford', 'Sefton', 'Torfaen', 'Trafford', 'Wakefield', 'Wrexham'];
const councils = (chosen = 'Wakefield') =>
  group('organisation', COUNCILS.map((name, at) => value(`${name} Council`, 40 - at * 2, name === chosen)));

/**
 * The filters drawn with a real FiltersPanel, whose host draws them again whenever the panel
 * asks for an update, as the element does; the element's own handlers are spies.
 */
async function setup(groups: FacetCounts[], overrides: Partial<FiltersContext> = {}, width = 800) {
  const onChip = spy<[string, string]>();
  const onClosePanel = spy<['count' | 'filters-toggle']>();
  let toggles = 0;
  const host: ReactiveControllerHost = {
    addController() {},
    removeController() {},
    requestUpdate: () => drawn.draw(renderFilters(context)),
    updateComplete: Promise.resolve(true),
  };
  const panel = new FiltersPanel(host, () => {});
  const context: FiltersContext = {
    uid: 'f',
    lang: 'en',
    text: en,
    headingLevel: 3,
    groups,
    chosen: 0,
    total: 25,
    panel,
    label: (facet) => `Filter by ${LABELS[facet] ?? facet}`,
    noun: (facet) => NOUNS[facet] ?? facet,
    name: (facet) => NAMES[facet] ?? facet,
    onChip,
    onTogglePanel: () => {
      toggles++;
      panel.setPanel(!panel.panelOpen);
    },
    onClosePanel,
    ...overrides,
  };
  const drawn = await drawTemplate(renderFilters(context), [filtersStyles], { width });
  const { root } = drawn;
  const groupNamed = (name: string) => {
    const found = allByPart(root, 'filter-group').find((element) => nameOf(element) === name);
    if (!found) throw new Error(`no group named "${name}"`);
    return found;
  };
  const chipsIn = (name: string) =>
    [...groupNamed(name).querySelectorAll<HTMLButtonElement>('[part~="chip"]')].map((chip) => text(chip.querySelector('.chip-label')));
  return { ...drawn, panel, onChip, onClosePanel, toggles: () => toggles, groupNamed, chipsIn };
}

const typeIn = (box: HTMLInputElement, typed: string) => {
  box.value = typed;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
};
const press = (target: Element, key: string) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
};

const TOPICS = group('topics', [value('Early years', 5), value('Libraries', 12), value('Museums', 1)]);
const SUPPORT = group('supportTypes', [value('Funding', 3), value('Training', 0)]);

describe('renderFilters', () => {
  it('draws nothing when no group has a value to offer', async () => {
    const { root } = await setup([group('topics', []), group('supportTypes', [])]);
    expect(root.children).to.have.length(0);
    expect(text(root)).to.equal('');
  });

  it('gives each group a name, and folds all but the first and those with a choice', async () => {
    const org = group('organisation', [value('Leeds City Council', 4, true), value('Powys County Council', 2)]);
    const { root, groupNamed, chipsIn, host } = await setup([TOPICS, group('keywords', []), SUPPORT, org]);
    const groups = allByPart(root, 'filter-group');
    expect(groups.map((element) => [roleOf(element), nameOf(element)])).to.deep.equal([
      ['group', 'Filter by topics'],
      ['group', 'Filter by support type'],
      ['group', 'Filter by organisation'],
    ]);
    const toggle = (name: string) => byPart<HTMLButtonElement>(groupNamed(name), 'group-toggle')!;
    expect(groups.map((element) => byPart(element, 'group-toggle')!.getAttribute('aria-expanded'))).to.deep.equal(['true', 'false', 'true']);
    // An open group's button controls its values; a folded one has none to control.
    expect(root.getElementById(toggle('Filter by topics').getAttribute('aria-controls')!)!.contains(groupNamed('Filter by topics').querySelector('[part~="chip"]'))).to.equal(true);
    expect(toggle('Filter by support type').hasAttribute('aria-controls')).to.equal(false);
    expect(chipsIn('Filter by support type')).to.deep.equal([]);
    expect(text(toggle('Filter by organisation'))).to.equal('Filter by organisation 1 selected');
    await expectAccessible(host);

    toggle('Filter by support type').click();
    expect(toggle('Filter by support type').getAttribute('aria-expanded')).to.equal('true');
    expect(chipsIn('Filter by support type')).to.deep.equal(['Funding', 'Training']);
    toggle('Filter by topics').click();
    expect(toggle('Filter by topics').getAttribute('aria-expanded')).to.equal('false');
    expect(chipsIn('Filter by topics')).to.deep.equal([]);
  });

  it('offers values as checkboxes named with what their number means, as GOV.UK does', async () => {
    const chosen = group('topics', [value('Early years', 5, true), value('Libraries', 12), value('Museums', 1), value('Sport', 0), value('Youth', 0, true)]);
    const { root, onChip } = await setup([chosen]);
    const chips = allByPart<HTMLLabelElement>(root, 'chip');
    const boxes = chips.map((chip) => chip.querySelector<HTMLInputElement>('input')!);
    expect(boxes.map((box) => [box.type, roleOf(box)])).to.deep.equal(Array(5).fill(['checkbox', 'checkbox']));
    expect(boxes.map((box) => nameOf(box))).to.deep.equal([
      'Early years, 5 case studies',
      'Libraries, 12 case studies',
      'Museums, 1 case study',
      'Sport, 0 case studies',
      'Youth, 0 case studies',
    ]);
    expect(chips.map((chip) => text(chip.querySelector('.chip-count')))).to.deep.equal(['5', '12', '1', '0', '0']);
    expect(boxes.map((box) => box.checked)).to.deep.equal([true, false, false, false, true]);
    expect(chips.map((chip) => chip.part.contains('chip-selected'))).to.deep.equal([true, false, false, false, true]);
    // A value that would give nothing cannot be chosen, but a chosen one can always be unchosen.
    expect(boxes.map((box) => box.disabled)).to.deep.equal([false, false, false, true, false]);
    // The whole row is the label: pressing its text ticks the box.
    chips[1]!.querySelector<HTMLElement>('.chip-label')!.click();
    boxes[4]!.click();
    expect(onChip.calls).to.deep.equal([
      ['topics', 'Libraries'],
      ['topics', 'Youth'],
    ]);
  });

  it('folds a long group to its most useful values and the chosen one, with "Show all"', async () => {
    const { root, chipsIn, groupNamed } = await setup([councils()]);
    const name = 'Filter by organisation';
    const top = COUNCILS.slice(0, 10).map((council) => `${council} Council`);
    expect(chipsIn(name)).to.deep.equal([...top, 'Wakefield Council']);
    const showAll = byPart<HTMLButtonElement>(groupNamed(name), 'show-all')!;
    expect(text(showAll)).to.equal('Show all 20 organisations');
    showAll.click();
    expect(chipsIn(name)).to.deep.equal(COUNCILS.map((council) => `${council} Council`));
    expect(text(byPart(root, 'show-all'))).to.equal('Show fewer organisations');
    byPart<HTMLButtonElement>(root, 'show-all')!.click();
    expect(chipsIn(name)).to.have.length(11);
  });

  it('narrows a long group with its own box, says when nothing matches, and keeps the chosen value', async () => {
    const { root, chipsIn } = await setup([councils()]);
    const name = 'Filter by organisation';
    const box = byPart<HTMLInputElement>(root, 'filter-search')!;
    expect(box.type).to.equal('search');
    expect(nameOf(box)).to.equal('Filter organisations');
    typeIn(box, 'TRAF');
    expect(chipsIn(name)).to.deep.equal(['Trafford Council', 'Wakefield Council']);
    expect(byPart(root, 'show-all'), 'no "Show all" while narrowing').to.equal(null);
    typeIn(box, 'zzz');
    expect(chipsIn(name)).to.deep.equal(['Wakefield Council']);
    // Said once typing pauses (by the element's live region), not by a live region of its own.
    const note = root.querySelector('.group-note')!;
    expect(roleOf(note)).to.not.equal('status');
    expect(text(note)).to.equal('No organisations match ‘zzz’');
    typeIn(box, '');
    expect(chipsIn(name)).to.have.length(11);
    expect(text(byPart(root, 'show-all'))).to.equal('Show all 20 organisations');
  });

  it('draws at most 200 values of a huge group and says the box finds the rest', async () => {
    const many = group('organisation', Array.from({ length: 250 }, (_, at) => value(`Parish ${String(at).padStart(3, '0')}`, 1)));
    const { root } = await setup([many]);
    byPart<HTMLButtonElement>(root, 'show-all')!.click();
    expect(allByPart(root, 'chip')).to.have.length(200);
    expect(text(root.querySelector('.group-note'))).to.equal('Showing 200 of 250: type in the box to find the others');
  });

  it('has a "Filters" button that says how many values are chosen and controls the filters', async () => {
    // It is drawn only in a narrow element: a hidden button has no name.
    const none = await setup([TOPICS], {}, 400);
    const button = byPart<HTMLButtonElement>(none.root, 'filters-toggle')!;
    expect(nameOf(button)).to.equal('Filters');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(none.root.getElementById(button.getAttribute('aria-controls')!)).to.equal(byPart(none.root, 'filters'));
    button.click();
    expect(none.toggles()).to.equal(1);
    expect(byPart(none.root, 'filters-toggle')!.getAttribute('aria-expanded')).to.equal('true');

    const two = await setup([TOPICS], { chosen: 2 }, 400);
    expect(nameOf(byPart(two.root, 'filters-toggle')!)).to.equal('Filters (2 selected)');
  });

  describe('in a narrow element (below 480 px)', () => {
    it('folds every group behind the "Filters" button, and shows the count at the foot of the open panel', async () => {
      const { root, host } = await setup([TOPICS, SUPPORT], {}, 400);
      const button = byPart<HTMLButtonElement>(root, 'filters-toggle')!;
      expect(shown(button)).to.equal(true);
      expect(shown(byPart(root, 'filters')), 'the groups are folded away').to.equal(false);
      button.click();
      expect(shown(byPart(root, 'filters'))).to.equal(true);
      const showResults = byPart<HTMLButtonElement>(root, 'show-results')!;
      expect(shown(showResults)).to.equal(true);
      expect(nameOf(showResults)).to.equal('Show 25 results');
      await expectAccessible(host);
    });

    it('closes with "Show N results" (to the count) or Escape (to the button), but Escape first empties a box', async () => {
      const { root, panel, onClosePanel } = await setup([councils()], { total: 1 }, 400);
      panel.setPanel(true);
      const showResults = byPart<HTMLButtonElement>(root, 'show-results')!;
      expect(text(showResults)).to.equal('Show 1 result');
      showResults.click();
      const box = byPart<HTMLInputElement>(root, 'filter-search')!;
      typeIn(box, 'leeds');
      expect(press(box, 'Escape').defaultPrevented, 'Escape in a box with text only empties it').to.equal(false);
      expect(byPart<HTMLInputElement>(root, 'filter-search')!.value).to.equal('');
      expect(press(byPart(root, 'filter-search')!, 'Escape').defaultPrevented).to.equal(true);
      expect(onClosePanel.calls).to.deep.equal([['count'], ['filters-toggle']]);
    });

    it('leaves Escape alone while the panel is closed', async () => {
      const { root, onClosePanel } = await setup([TOPICS], {}, 400);
      const event = press(byPart(root, 'chip')!, 'Escape');
      expect(event.defaultPrevented).to.equal(false);
      expect(onClosePanel.calls).to.deep.equal([]);
    });
  });

  it('in a wide element shows the groups beside the results, with no "Filters" button or foot', async () => {
    const { root } = await setup([TOPICS, SUPPORT], {}, 800);
    expect(shown(byPart(root, 'filters'))).to.equal(true);
    expect(shown(byPart(root, 'filters-toggle'))).to.equal(false);
    expect(shown(byPart(root, 'show-results'))).to.equal(false);
  });
});
