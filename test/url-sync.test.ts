import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CaseStudyFinder } from '../src/index.js';
import { chip, countText, input, mountSample, part, parts, SAMPLE, search, text, titles, openGroup } from './helpers.js';

/** The test page's own URL (it has parameters of its own, like any host page). */
const hostUrl = location.pathname + location.search;

function setUrl(params: string): void {
  const url = new URL(hostUrl, location.origin);
  for (const [key, value] of new URLSearchParams(params)) url.searchParams.append(key, value);
  realReplace(null, '', url.pathname + url.search);
}

const ownParams = (prefix = '') =>
  [...new URLSearchParams(location.search)].filter(([key]) => !key.startsWith('wtr-') && key.startsWith(prefix));

const mount = (attrs: string) => mountSample(`sync-url ${attrs}`);

/**
 * Presses a button with the keyboard, as a visitor does. A real key press gives the page user
 * activation, and Chromium skips history entries pushed without it when going Back (its
 * history manipulation intervention): a script's click() would test a history no visitor has.
 * Resolves once the change is reported (and so written to the history).
 */
async function press(el: CaseStudyFinder, button: HTMLElement): Promise<void> {
  const changed = oneEvent(el, 'csf-change');
  // A filter value is a checkbox, which Space ticks.
  const box = button.querySelector('input');
  (box ?? button).focus();
  await sendKeys({ press: box ? 'Space' : 'Enter' });
  await changed;
  await el.updateComplete;
}

let pushedSinceBack = 0;

async function back(el: CaseStudyFinder): Promise<void> {
  // Going back past the entries this test pushed would leave the test page altogether.
  if (pushedSinceBack === 0) throw new Error(`Back with no entry pushed (writes: ${JSON.stringify(writes)}, url ${location.search})`);
  pushedSinceBack--;
  const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  history.back();
  await popped;
  await el.updateComplete;
}

const pressed = (el: CaseStudyFinder) =>
  parts(el, 'chip').filter((c) => c.querySelector('input')!.checked).map((c) => text(c.querySelector('.chip-label')));

/** Counts history writes (history.length is capped by the browser, so it cannot be trusted). */
const writes = { push: 0, replace: 0 };
const realPush = history.pushState.bind(history);
const realReplace = history.replaceState.bind(history);

describe('<case-study-finder> sync-url', () => {
  beforeEach(() => {
    writes.push = 0;
    writes.replace = 0;
    pushedSinceBack = 0;
    history.pushState = (...args: Parameters<History['pushState']>) => {
      writes.push++;
      pushedSinceBack++;
      realPush(...args);
    };
    history.replaceState = (...args: Parameters<History['replaceState']>) => {
      writes.replace++;
      realReplace(...args);
    };
  });

  afterEach(() => {
    history.pushState = realPush;
    history.replaceState = realReplace;
    history.replaceState(null, '', hostUrl);
  });

  it('restores query, filters, sort and page from the URL before showing results', async () => {
    setUrl('q=libary&topics=libraries&topics=Early+years&sort=title&page=2');
    const el = await mount('page-size="2"');
    expect(input(el).value).to.equal('libary');
    expect(pressed(el)).to.have.members(['Libraries', 'Early years']);
    expect(part<HTMLSelectElement>(el, 'sort')!.value).to.equal('title');
    expect(parts(el, 'card')).to.have.length(4);
    const shown = titles(el);
    expect([...shown].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }))).to.deep.equal(shown);
  });

  it('ignores unknown and malformed values', async () => {
    setUrl('topics=Not+a+topic&sort=sideways&page=banana&supportTypes=');
    const el = await mount('');
    expect(countText(el)).to.equal('48 case studies');
    expect(pressed(el)).to.deep.equal([]);
    expect(part(el, 'active-filters')).to.equal(null);
  });

  it('pushes a history entry per chip and Back restores the previous state exactly', async () => {
    const el = await mount('');
    await press(el, chip(el, 'Filter by topics', 'Libraries'));
    const oneChip = countText(el);
    await openGroup(el, 'Filter by support type');
    await press(el, chip(el, 'Filter by support type', 'Volunteering'));
    expect(writes).to.deep.equal({ push: 2, replace: 0 });
    expect(ownParams()).to.deep.equal([
      ['topics', 'Libraries'],
      ['supportTypes', 'Volunteering'],
    ]);
    await back(el);
    expect(pressed(el)).to.deep.equal(['Libraries']);
    expect(countText(el)).to.equal(oneChip);
    await back(el);
    expect(pressed(el)).to.deep.equal([]);
    expect(countText(el)).to.equal('48 case studies');
  });

  it('replaces the entry while typing (one entry per pause, not per key)', async () => {
    const el = await mount('');
    await search(el, 's');
    await search(el, 'sw');
    await search(el, 'swim');
    await oneEvent(el, 'csf-change');
    expect(writes).to.deep.equal({ push: 0, replace: 1 });
    expect(ownParams()).to.deep.equal([['q', 'swim']]);
    const swimming = titles(el);
    // A chip after typing pushes one entry; Back returns to the typed search with its results.
    await press(el, chip(el, 'Filter by topics', 'Refugees and sanctuary'));
    await back(el);
    expect(input(el).value).to.equal('swim');
    expect(titles(el)).to.deep.equal(swimming);
  });

  it('Show more and sort push entries too', async () => {
    const el = await mount('page-size="5"');
    await press(el, part(el, 'more-button')!);
    const select = part<HTMLSelectElement>(el, 'sort')!;
    expect(select.value).to.equal('newest');
    // The next option, chosen from the keyboard.
    select.focus();
    const sorted = oneEvent(el, 'csf-change');
    await sendKeys({ press: 'ArrowDown' });
    await sorted;
    expect(writes).to.deep.equal({ push: 2, replace: 0 });
    expect(ownParams()).to.deep.equal([['sort', 'oldest']]);
    await back(el);
    expect(parts(el, 'card')).to.have.length(10);
    expect(part<HTMLSelectElement>(el, 'sort')!.value).to.equal('newest');
  });

  it('keeps two widgets with different prefixes apart, and leaves the host page’s q alone', async () => {
    setUrl('q=host-search&a-q=museum');
    const container = await fixture(html`<div>
      <case-study-finder src=${SAMPLE} sync-url url-prefix="a-"></case-study-finder>
      <case-study-finder src=${SAMPLE} sync-url url-prefix="b-"></case-study-finder>
    </div>`);
    const [a, b] = [...container.querySelectorAll('case-study-finder')] as CaseStudyFinder[];
    await Promise.all([a!, b!].map((el) => (el.shadowRoot?.querySelector('[part~="count"]') ? null : oneEvent(el, 'csf-load'))));
    await a!.updateComplete;
    await b!.updateComplete;
    expect(input(a!).value).to.equal('museum');
    expect(input(b!).value).to.equal('');
    await press(b!, chip(b!, 'Filter by topics', 'Libraries'));
    const params = new URLSearchParams(location.search);
    expect(params.get('q')).to.equal('host-search');
    expect(params.get('a-q')).to.equal('museum');
    expect(params.getAll('b-topics')).to.deep.equal(['Libraries']);
    expect(pressed(a!)).to.deep.equal([]);
    await back(b!);
    expect(pressed(b!)).to.deep.equal([]);
    expect(input(a!).value).to.equal('museum');
  });

  it('clearing the query returns the sort to its default', async () => {
    const el = await mount('');
    await search(el, 'library');
    expect(part<HTMLSelectElement>(el, 'sort')!.value).to.equal('relevance');
    const select = part<HTMLSelectElement>(el, 'sort')!;
    select.value = 'title';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await search(el, '');
    expect(part<HTMLSelectElement>(el, 'sort')!.value).to.equal('newest');
    expect([...part<HTMLSelectElement>(el, 'sort')!.options].map((o) => o.value)).to.deep.equal(['newest', 'oldest', 'title']);
  });
});
