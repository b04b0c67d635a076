import { expect } from '@open-wc/testing';
import { en } from '../i18n/en.js';
import { renderSearchBox, type SearchBoxData } from './search-box.js';
import { searchBoxStyles } from './search-box.styles.js';
import { byPart, drawTemplate, expectAccessible, nameOf, roleOf, shown, spy, text } from '../../test/render-template.js';

function data(overrides: Partial<SearchBoxData> = {}) {
  const onKeydown = spy<[KeyboardEvent]>();
  const onSkip = spy<[Event]>();
  const box: SearchBoxData = { uid: 'sb', text: en, query: '', ready: true, results: true, onInput: () => {}, onKeydown, onSkip, ...overrides };
  return { ...box, onKeydown, onSkip };
}

const draw = (overrides: Partial<SearchBoxData> = {}) => drawTemplate(renderSearchBox(data(overrides)), [searchBoxStyles]);

describe('renderSearchBox', () => {
  it('is a search landmark with a labelled box and a hint read after its name', async () => {
    const { root, host } = await draw({ query: 'libraries' });
    const landmark = byPart(root, 'search')!;
    expect(roleOf(landmark)).to.equal('search');
    const box = byPart<HTMLInputElement>(root, 'search-input')!;
    expect(box.type).to.equal('search');
    expect(nameOf(box)).to.equal('Search case studies');
    expect(text(box.labels![0]!), 'the label is visible text').to.equal('Search case studies');
    expect(shown(box.labels![0]!)).to.equal(true);
    const hint = root.getElementById(box.getAttribute('aria-describedby')!);
    expect(text(hint)).to.equal(en.searchHint);
    expect(box.value).to.equal('libraries');
    // What its aria-controls names is the element's, beside the box.
    root.append(Object.assign(document.createElement('div'), { id: 'sb-results' }));
    await expectAccessible(host);
  });

  it('is disabled, and points at no results, until a feed is shown', async () => {
    const { root } = await draw({ ready: false, results: false });
    const box = byPart<HTMLInputElement>(root, 'search-input')!;
    expect(box.disabled).to.equal(true);
    expect(box.hasAttribute('aria-controls')).to.equal(false);
    expect(byPart(root, 'skip-link')).to.equal(null);
  });

  it('once ready, controls the results it filters', async () => {
    const { root } = await draw();
    const box = byPart<HTMLInputElement>(root, 'search-input')!;
    expect(box.disabled).to.equal(false);
    expect(box.getAttribute('aria-controls')).to.equal('sb-results');
  });

  it('offers "Skip to results" only when there are results, hidden until it has focus', async () => {
    const { root } = await draw();
    const skip = byPart<HTMLAnchorElement>(root, 'skip-link')!;
    expect(nameOf(skip)).to.equal('Skip to results');
    expect(skip.getAttribute('href')).to.equal('#sb-results');
    expect(shown(skip), 'hidden before it has focus').to.equal(false);
    skip.focus();
    expect(shown(skip), 'shown once focused').to.equal(true);

    const none = await draw({ results: false });
    expect(byPart(none.root, 'skip-link')).to.equal(null);
  });

  it('hands typing, keys and the skip link to its callbacks', async () => {
    // Read during the event: once dispatched, an event from a shadow tree has no target.
    const typed: string[] = [];
    const callbacks = data({ onInput: (event) => typed.push((event.target as HTMLInputElement).value) });
    const { root } = await drawTemplate(renderSearchBox(callbacks), [searchBoxStyles]);
    const box = byPart<HTMLInputElement>(root, 'search-input')!;
    box.value = 'museum';
    box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    byPart<HTMLAnchorElement>(root, 'skip-link')!.click();
    expect(typed).to.deep.equal(['museum']);
    expect(callbacks.onKeydown.calls.map(([event]) => event.key)).to.deep.equal(['Escape']);
    expect(callbacks.onSkip.calls).to.have.length(1);
  });
});
