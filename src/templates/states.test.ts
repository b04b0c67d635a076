import { expect } from '@open-wc/testing';
import { en } from '../i18n/en.js';
import { parseFeed } from '../lib/feed.js';
import type { View } from '../lib/view.js';
import { cardStyles } from './card.styles.js';
import type { CardContext } from './card.js';
import { renderCompact, renderError, renderLoading } from './states.js';
import { statesStyles } from './states.styles.js';
import { allByPart, byPart, drawTemplate, expectAccessible, nameOf, roleOf, shown, spy, text } from '../../test/render-template.js';

const FALLBACK = '<a href="/case-studies">Browse all case studies</a>';
const styles = [statesStyles, cardStyles];

const { items } = parseFeed([
  { title: 'Libraries open late', url: '/a', organisation: 'Leeds City Council', summary: 'Longer hours.', topics: ['Libraries'] },
  { title: 'Warm spaces', url: '/b', date: '2022-11-01' },
]);
const view: View = { results: [0, 1], facets: [], sort: 'feed', cards: items.map((item, index) => ({ index, item })) };
const card: CardContext = { lang: 'en', text: en, headingLevel: 3, matched: new Set(), compact: true };

/** The page's own content, slotted: what a visitor is shown in place of the widget. */
const slotted = (root: ShadowRoot) =>
  [...root.querySelectorAll('slot')].flatMap((slot) => slot.assignedElements().map((element) => element.outerHTML));

describe('renderLoading', () => {
  it('says it is loading, in a message that can take focus, over bones shaped like the results', async () => {
    const { root, host } = await drawTemplate(renderLoading(en, 12), styles);
    const loading = byPart(root, 'loading')!;
    expect(text(loading)).to.equal('Loading case studies…');
    expect(loading.tabIndex).to.equal(-1);
    expect(shown(loading)).to.equal(true);
    const bones = root.querySelectorAll('.card-bone');
    expect(bones).to.have.length(12);
    // The bones hold the place of what comes, each with a real height, and are hidden from screen readers.
    expect([...bones].every((bone) => bone.getBoundingClientRect().height > 0 && bone.closest('[aria-hidden="true"]'))).to.equal(true);
    expect(root.querySelector('.filters-bone')!.closest('[aria-hidden="true"]')).to.not.equal(null);
    expect(root.querySelector('.spinner')!.getAttribute('aria-hidden')).to.equal('true');
    await expectAccessible(host);
  });

  it('draws at most two dozen bones, however large a page is asked for', async () => {
    const { root } = await drawTemplate(renderLoading(en, 200), styles);
    expect(root.querySelectorAll('.card-bone')).to.have.length(24);
  });
});

describe('renderError', () => {
  it('speaks plain words for each kind of failure, with "Try again"', async () => {
    const cases = [
      ['network', 'Sorry, the case studies could not be loaded', 'Check your connection and try again.'],
      ['unavailable', 'The case studies are not available at the moment', 'You can try again now, or come back later.'],
    ] as const;
    for (const [kind, title, hint] of cases) {
      const onRetry = spy<[]>();
      const { root, host } = await drawTemplate(renderError(kind, en, onRetry), styles, { light: FALLBACK });
      const error = byPart(root, 'error')!;
      expect(roleOf(error)).to.equal('alert');
      expect(text(error.querySelector('.state-title'))).to.equal(title);
      expect(text(error)).to.contain(hint);
      expect(text(error), 'no codes or markup for the visitor').not.to.match(/\d{3}|<|http/);
      const retry = byPart<HTMLButtonElement>(root, 'retry-button')!;
      expect(nameOf(retry)).to.equal('Try again');
      retry.click();
      expect(onRetry.calls, kind).to.have.length(1);
      await expectAccessible(host);
    }
  });

  it("shows the page's own fallback beneath, so the visitor can go on", async () => {
    const { root, host } = await drawTemplate(renderError('network', en, () => {}), styles, { light: FALLBACK });
    expect(slotted(root)).to.deep.equal([FALLBACK]);
    expect(shown(host.querySelector('a'))).to.equal(true);
  });
});

describe('renderCompact', () => {
  it('lists compact cards once ready, with the link to every case study', async () => {
    const { root, host } = await drawTemplate(renderCompact('ready', view, card, 3, '/case-studies'), styles, { light: FALLBACK });
    expect(allByPart(root, 'card-link').map(text)).to.deep.equal(['Libraries open late', 'Warm spaces']);
    expect(byPart(root, 'card-summary'), 'compact cards have no summary').to.equal(null);
    const all = byPart<HTMLAnchorElement>(root, 'all-link')!;
    expect(nameOf(all)).to.equal('See all case studies');
    expect(all.getAttribute('href')).to.equal('/case-studies');
    expect(slotted(root), 'the fallback is not shown beside the cards').to.deep.equal([]);
    await expectAccessible(host);
  });

  it('holds the place of its cards while loading, hidden from screen readers', async () => {
    for (const state of ['idle', 'loading'] as const) {
      const { root } = await drawTemplate(renderCompact(state, undefined, card, 3, undefined), styles);
      const bones = root.querySelectorAll('.compact-bone');
      expect(bones, state).to.have.length(3);
      expect(bones[0]!.closest('[aria-hidden="true"]')).to.not.equal(null);
      expect(byPart(root, 'all-link'), 'no link without an address').to.equal(null);
    }
  });

  it('says when the feed has nothing to show', async () => {
    const { root } = await drawTemplate(renderCompact('ready', { ...view, results: [], cards: [] }, card, 3, undefined), styles);
    expect(text(byPart(root, 'empty'))).to.equal('There are no case studies to show yet.');
  });

  it("shows only the page's fallback when the feed fails, and the link if there is one", async () => {
    const { root } = await drawTemplate(renderCompact('error', undefined, card, 3, '/case-studies'), styles, { light: FALLBACK });
    expect(slotted(root)).to.deep.equal([FALLBACK]);
    expect(byPart(root, 'card')).to.equal(null);
    expect(root.querySelector('.compact-bone')).to.equal(null);
    expect(text(byPart(root, 'all-link'))).to.equal('See all case studies');
  });
});
