import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { PAUSE_MS } from '../src/controllers/change-controller.js';
import { sendKeys } from '@web/test-runner-commands';
import type { CsfChangeEvent } from '../src/index.js';
import { checkboxOf, chip, chipCount, chipsOf, click, countText, groupOf, input, item, mountItems, mountSample, openGroup, part, parts, search, text, titles } from './helpers.js';
import { expectFocus } from './helpers.js';
import { withManualClock } from './fake-host.js';
import type { CaseStudyFinder } from '../src/index.js';

/** The number in "Your search returned 3 results". */
const resultsIn = (count: string): number => Number(/\d+/.exec(count)?.[0] ?? NaN);

describe('<case-study-finder> searching', () => {
  it('finds the library case studies when "libary" is typed', async () => {
    const el = await mountSample();
    input(el).focus();
    await sendKeys({ type: 'libary' });
    await el.updateComplete;
    const found = titles(el);
    expect(found.length).to.be.greaterThan(3);
    expect(found.slice(0, 4).every((title) => /librar/i.test(title))).to.equal(true, found.join(' | '));
  });

  it('is case- and accent-insensitive', async () => {
    const el = await mountSample();
    await search(el, 'YNYS MON');
    expect(titles(el)[0]).to.equal('Ynys Môn online history festival for schools');
  });

  it('needs every word of a multi-word query to match', async () => {
    const el = await mountItems([
      item(1, { title: 'Swimming lessons for children' }),
      item(2, { title: 'Museum trail for children' }),
      item(3, { title: 'Swimming and museum passes' }),
    ]);
    await search(el, 'children');
    expect(titles(el)).to.have.length(2);
    await search(el, 'swimming museum');
    expect(titles(el)).to.deep.equal(['Swimming and museum passes']);
  });

  it('puts the best match first on the sample feed', async () => {
    const el = await mountSample();
    await search(el, 'museum care homes');
    expect(titles(el)[0]).to.equal('Museum handling boxes for care homes');
  });

  it('ranks title matches above summary matches', async () => {
    const el = await mountItems([
      item(1, { title: 'Walking groups', summary: 'Volunteers run a swimming club as well.' }),
      item(2, { title: 'Swimming lessons', summary: 'Lessons at the leisure centre.' }),
    ]);
    await search(el, 'swimming');
    expect(titles(el)).to.deep.equal(['Swimming lessons', 'Walking groups']);
  });

  it('tolerates a transposition typo ("yuoth")', async () => {
    const el = await mountSample();
    await search(el, 'yuoth');
    expect(titles(el)).to.include('Youth council shaping local climate priorities');
  });

  it('highlights matched words with <mark part="highlight">, as text', async () => {
    const el = await mountItems([item(1, { title: 'Libraries <b>open</b> late', summary: 'The library is open.' })]);
    await search(el, 'librar');
    const marks = parts(el, 'highlight').map(text);
    expect(marks).to.deep.equal(['Libraries', 'library']);
    expect(text(part(el, 'card-link'))).to.equal('Libraries <b>open</b> late');
    expect(el.shadowRoot!.querySelector('b')).to.equal(null);
  });

  it('shows "1 result" in the singular', async () => {
    const el = await mountSample();
    await search(el, 'makerspaces');
    expect(countText(el)).to.equal('Your search returned 1 result');
  });

  it('shows the empty state with one clear control at 0, which clears the search', async () => {
    const el = await mountSample();
    await search(el, 'zzzzqqq');
    expect(countText(el)).to.equal('Your search returned 0 results');
    expect(text(part(el, 'empty'))).to.contain('No case studies match your search');
    const clear = part(el, 'empty')!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!;
    clear.click();
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(countText(el)).to.equal('48 case studies');
    expectFocus(el, input(el));
  });

  it('clears the search with Escape', async () => {
    const el = await mountSample();
    input(el).focus();
    await sendKeys({ type: 'museum' });
    await el.updateComplete;
    expect(countText(el)).to.match(/^Your search returned \d+ results?$/);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');
    expect(countText(el)).to.equal('48 case studies');
  });

  it('fires csf-change once typing pauses, with the state shown', async () => {
    const el = await mountSample();
    const changes: CsfChangeEvent[] = [];
    el.addEventListener('csf-change', (event) => changes.push(event));
    // The pause on a clock moved by hand: nothing before it, one report at it, none after.
    await withManualClock(async (clock) => {
      input(el).focus();
      await sendKeys({ type: 'swim' });
      await el.updateComplete;
      await clock.tick(PAUSE_MS - 1);
      expect(changes, 'before the pause ends').to.have.length(0);
      await clock.tick(1);
      await clock.tick(60_000);
    });
    const shown = resultsIn(countText(el));
    expect(shown).to.be.greaterThan(0);
    expect(changes.map((event) => event.detail)).to.deep.equal([{ query: 'swim', filters: {}, sort: 'relevance', total: shown }]);
    expect(titles(el)).to.have.length(shown);
  });

  it('does not fire csf-change when code sets properties', async () => {
    const el = await mountSample();
    let changes = 0;
    el.addEventListener('csf-change', () => changes++);
    await withManualClock(async (clock) => {
      el.pageSize = 5;
      el.facets = 'topics';
      await el.updateComplete;
      // Far past the pause: a report scheduled by code would have come.
      await clock.tick(60_000);
    });
    expect(changes).to.equal(0);
  });

  it('announces the count politely once typing pauses, not on every key', async () => {
    const el = await mountSample();
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    const announced: string[] = [];
    const observer = new MutationObserver(() => announced.push(text(status)));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    const changes: string[] = [];
    el.addEventListener('csf-change', (event) => changes.push(event.detail.query));
    input(el).focus();
    await sendKeys({ type: 'muse' });
    await el.updateComplete;
    // Each announcement goes with a reported change (the pause), never with a key alone: on a
    // busy machine the keys themselves may come slower than the pause.
    while (changes.at(-1) !== 'muse') await oneEvent(el, 'csf-change');
    const total = resultsIn(countText(el));
    await waitUntil(() => text(status) === `${total} result${total === 1 ? '' : 's'}`, `announced "${text(status)}"`);
    observer.disconnect();
    expect(announced.length).to.be.at.least(1);
    expect(announced.length).to.be.at.most(changes.length);
  });
});

describe('<case-study-finder> results a visitor can scan', () => {
  const clearText = (el: HTMLElement & { shadowRoot: ShadowRoot | null }) =>
    [...el.shadowRoot!.querySelectorAll('[part~="clear-button"]')].map((b) => text(b));

  it('counts the case studies before any search or filter, then says what the search returned', async () => {
    const el = await mountSample();
    expect(countText(el)).to.equal('48 case studies');
    await search(el, 'library');
    expect(countText(el)).to.match(/^Your search returned \d+ results$/);
    await search(el, '');
    expect(countText(el)).to.equal('48 case studies');
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    expect(countText(el)).to.match(/^Your search returned \d+ results$/);
  });

  it('counts in Welsh too', async () => {
    const el = await mountSample('lang="cy"');
    expect(countText(el)).to.equal('48 astudiaeth achos');
    await search(el, 'library');
    expect(countText(el)).to.match(/^Daeth eich chwiliad o hyd i \d+/);
  });

  it('offers one clear control that says what it clears, only when there is something to clear', async () => {
    const el = await mountSample();
    expect(clearText(el)).to.deep.equal([]);
    await search(el, 'library');
    expect(clearText(el)).to.deep.equal(['Clear search']);
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    expect(clearText(el)).to.deep.equal(['Clear search and filters']);
    await search(el, '');
    expect(clearText(el)).to.deep.equal(['Clear filters']);
    await click(el, part(el, 'clear-button')!);
    expect(checkboxOf(chip(el, 'Filter by topics', 'Libraries')).checked).to.equal(false);
    expect(clearText(el)).to.deep.equal([]);
    await search(el, 'reading');
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    await click(el, part(el, 'clear-button')!);
    expect(input(el).value).to.equal('');
    expect(checkboxOf(chip(el, 'Filter by topics', 'Libraries')).checked).to.equal(false);
    expect(countText(el)).to.equal('48 case studies');
    expect(clearText(el)).to.deep.equal([]);
  });

  it('gives the no-results state one clear control, and speaks of filters only when some are chosen', async () => {
    const el = await mountSample();
    await search(el, 'zzzzqqq');
    const empty = () => text(part(el, 'empty'));
    expect(clearText(el)).to.deep.equal(['Clear search']);
    expect(part(el, 'empty')!.querySelectorAll('[part~="clear-button"]')).to.have.length(1);
    expect(empty()).to.contain('Check the spelling, or try fewer or different words.');
    expect(empty()).not.to.contain('filter');
    await search(el, '');
    await click(el, chip(el, 'Filter by topics', 'Libraries'));
    await openGroup(el, 'Filter by support type');
    const lonely = chipsOf(el, 'Filter by support type').find((c) => chipCount(c) === 0 && !checkboxOf(c).disabled);
    if (lonely) await click(el, lonely);
    await search(el, 'zzzzqqq');
    expect(empty()).to.contain('remove some filters');
  });

  it('says which word it searched for when it corrected a typo, in English and Welsh', async () => {
    const el = await mountSample();
    await search(el, 'libary');
    expect(text(part(el, 'correction'))).to.equal('Showing results for library');
    await search(el, 'library');
    expect(part(el, 'correction')).to.equal(null);
    const cy = await mountSample('lang="cy"');
    await search(cy, 'libary');
    expect(text(part(cy, 'correction'))).to.equal('Yn dangos canlyniadau ar gyfer library');
  });

  it('offers the nearest word when nothing is found, and searches for it', async () => {
    const el = await mountSample();
    await search(el, 'mxzeum');
    expect(countText(el)).to.equal('Your search returned 0 results');
    const suggestion = part<HTMLButtonElement>(el, 'suggestion')!;
    expect(text(suggestion)).to.equal('Did you mean museum?');
    const changed = new Promise<string>((resolve) =>
      el.addEventListener('csf-change', (event) => event.detail.query === 'museum' && resolve(event.detail.query)),
    );
    suggestion.focus();
    await sendKeys({ press: 'Enter' });
    expect(await changed).to.equal('museum');
    await el.updateComplete;
    expect(input(el).value).to.equal('museum');
    expect(countText(el)).to.match(/^Your search returned [1-9]\d* results?$/);
    expectFocus(el, part(el, 'count'));
  });

  it('shows the part of a long summary around the match while searching, and its beginning otherwise', async () => {
    const summary = `${'Officers met residents in halls across the district to plan the work. '.repeat(8)}A mobile library now visits every village. ${'Volunteers helped at every stage. '.repeat(8)}`;
    const el = await mountItems([item(1, { summary })]);
    const shown = () => text(part(el, 'card-summary'));
    expect(shown().startsWith('Officers met residents')).to.equal(true);
    expect(getComputedStyle(part(el, 'card-summary')!).webkitLineClamp).to.equal('3');
    await search(el, 'mobile library');
    expect(shown().startsWith('… ')).to.equal(true);
    expect(shown()).to.contain('A mobile library now visits every village.');
    expect(parts(el, 'highlight').map(text)).to.deep.equal(['mobile', 'library']);
    expect(getComputedStyle(part(el, 'card-summary')!).webkitLineClamp).to.equal('2');
  });
});

/**
 * data/national-case-studies.json speaks of "libraries" and "museums" only, never "library" or
 * "museum", as real feeds often do: a typo of the plain word must still find them.
 */
const NATIONAL = '/data/national-case-studies.json';

/**
 * Types `typed` into `box` a key at a time at a visitor's pace (a key every 150 to 250 ms), and
 * gives every count the widget showed on the way, from every render, not only the last.
 */
async function typeAtPace(el: CaseStudyFinder, typed: string, box: HTMLInputElement = input(el)): Promise<string[]> {
  const shown: string[] = [];
  const observer = new MutationObserver(() => shown.push(countText(el)));
  observer.observe(el.shadowRoot!, { childList: true, characterData: true, subtree: true });
  box.focus();
  for (const [at, key] of [...typed].entries()) {
    await sendKeys({ type: key });
    await el.updateComplete;
    shown.push(countText(el));
    // The visitor's pace between keys, not a wait for something to happen.
    await aTimeout(150 + 50 * (at % 3));
  }
  observer.disconnect();
  return shown;
}

describe('<case-study-finder> searching a feed that only has plural forms', () => {
  const misspelt: Array<[typed: string, found: RegExp, word: string]> = [
    ['libary', /librar/i, 'libraries'],
    ['librery', /librar/i, 'libraries'],
    ['libarry', /librar/i, 'libraries'],
    ['museam', /museum/i, 'museums'],
    ['recyling', /recycling/i, 'recycling'],
  ];
  for (const [typed, found, word] of misspelt) {
    it(`finds "${word}" for "${typed}" typed at a visitor's pace, says so, and never shows 0 results on the way`, async () => {
      const el = await mountSample('', NATIONAL);
      const shown = await typeAtPace(el, typed);
      expect(shown.filter((count) => / 0 results/.test(count)), shown.join(' | ')).to.deep.equal([]);
      const first = titles(el).slice(0, 5);
      expect(first.every((title) => found.test(title)), first.join(' | ')).to.equal(true);
      expect(text(part(el, 'correction'))).to.equal(`Showing results for ${word}`);
      expect(part(el, 'suggestion')).to.equal(null);
    });
  }

  it('finds the libraries for "lbrary", a letter missing at the start', async () => {
    const el = await mountSample('', NATIONAL);
    await typeAtPace(el, 'lbrary');
    expect(titles(el).slice(0, 5).every((title) => /librar/i.test(title)), titles(el).join(' | ')).to.equal(true);
    expect(text(part(el, 'correction'))).to.equal('Showing results for libraries');
  });

  it('keeps finding while the start of a word is typed, a typo in it or not', async () => {
    const el = await mountSample('', NATIONAL);
    for (const [typed, found] of [['libr', /librar/i], ['libar', /librar/i], ['museu', /museum/i]] as const) {
      await search(el, typed);
      const first = titles(el).slice(0, 5);
      expect(first.length, typed).to.equal(5);
      expect(first.every((title) => found.test(title)), `${typed}: ${first.join(' | ')}`).to.equal(true);
    }
  });

  it('finds a compound typed as one word, and says how it read it', async () => {
    const el = await mountSample();
    await typeAtPace(el, 'tameside storymakers');
    expect(titles(el)[0]).to.equal('Tameside Story Makers: storytelling for young children');
    expect(text(part(el, 'correction'))).to.equal('Showing results for tameside story makers');
  });

  it('narrows a long filter group with "&" as with "and"', async () => {
    const el = await mountSample('facets="topics supportTypes organisation"', NATIONAL);
    await openGroup(el, 'Filter by organisation');
    const box = groupOf(el, 'Filter by organisation').querySelector<HTMLInputElement>('[part~="filter-search"]')!;
    await typeAtPace(el, 'brighton &', box);
    expect(chipsOf(el, 'Filter by organisation').map((c) => text(c.querySelector('.chip-label')))).to.deep.equal(['Brighton and Hove City Council']);
  });
});

describe('<case-study-finder> searching Welsh', () => {
  const items = [
    item(1, { title: 'Llyfrgell Caerdydd', summary: 'Mae’r llyfrgell yn agor yn hwyr bob nos Iau.' }),
    item(2, { title: 'Taith i Gaerdydd ar y bws', summary: 'Mae’r daith yn rhad ac am ddim i blant.' }),
    item(3, { title: 'Cold weather shelter', summary: 'The shelter opens at night for people in the town.' }),
  ];

  it('finds a Welsh word in its mutated forms and back, in items written in Welsh', async () => {
    const el = await mountItems(items);
    const cases: Array<[string, string[]]> = [
      ['Caerdydd', ['Llyfrgell Caerdydd', 'Taith i Gaerdydd ar y bws']],
      ['Nghaerdydd', ['Llyfrgell Caerdydd', 'Taith i Gaerdydd ar y bws']],
      ['Chaerdydd', ['Llyfrgell Caerdydd', 'Taith i Gaerdydd ar y bws']],
      ['lyfrgell', ['Llyfrgell Caerdydd']],
      ['fws', ['Taith i Gaerdydd ar y bws']],
      // "gold" would be "cold" mutated in Welsh; the shelter's text is English.
      ['gold', []],
    ];
    for (const [query, expected] of cases) {
      await search(el, query);
      expect([...titles(el)].sort(), query).to.deep.equal(expected);
    }
    expect(part(el, 'correction')).to.equal(null);
  });

  it('searches again when the page switches the interface to Welsh, and back', async () => {
    const el = await mountItems(items);
    await search(el, 'gold');
    expect(titles(el)).to.deep.equal([]);
    el.lang = 'cy';
    await el.updateComplete;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Cold weather shelter']);
    el.lang = 'en';
    await el.updateComplete;
    await el.updateComplete;
    expect(titles(el)).to.deep.equal([]);
  });

  it('finds mutated forms in any item when the interface is Welsh', async () => {
    const el = await mountItems(items, { lang: 'cy' });
    input(el).focus();
    await sendKeys({ type: 'gold' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Cold weather shelter']);
    expect(part(el, 'correction')).to.equal(null);
  });
});
