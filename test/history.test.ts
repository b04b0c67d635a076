import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CaseStudyFinder } from '../src/index.js';
import { countIn, openPage, reportOf } from './host-page.js';

/**
 * Back keeps the visitor's search, without sync-url: a real page (the built bundle, sent with
 * Cache-Control: no-store), a real navigation away and a real Back, which loads it again.
 */
describe('<case-study-finder> and the Back button', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  const widget = (id: string) => frame!.contentDocument!.getElementById(id) as CaseStudyFinder;
  const root = (id: string) => widget(id).shadowRoot!;
  const pressed = (id: string) =>
    [...root(id).querySelectorAll('[part~="chip"]:has(:checked)')].map((chip) => chip.querySelector('.chip-label')!.textContent);
  const titles = (id: string) => [...root(id).querySelectorAll('[part~="card-link"]')].map((link) => link.textContent!.trim());
  const ready = (id: string) => waitUntil(() => countIn(widget(id)) !== '', `${id} never showed a count`, { timeout: 5000 });
  const loaded = () => new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));

  it('brings back the search and filters after a visitor opens a case study and comes back', async () => {
    frame = await openPage('/test/pages/back.html');
    await ready('finder');
    await ready('second');
    // Counts the entries the widget adds (the browser caps history.length, so it cannot).
    let pushed = 0;
    const view = frame.contentWindow!;
    const push = view.history.pushState.bind(view.history);
    view.history.pushState = (...args: Parameters<History['pushState']>) => {
      pushed++;
      push(...args);
    };
    const input = root('finder').querySelector<HTMLInputElement>('[part~="search-input"]')!;
    const changed = new Promise((resolve) => widget('finder').addEventListener('csf-change', resolve, { once: true }));
    input.focus();
    await sendKeys({ type: 'library' });
    await changed;
    const chip = [...root('finder').querySelectorAll('[part~="chip"]')].find((c) => c.textContent!.includes('Early years'))!;
    const chosen = new Promise((resolve) => widget('finder').addEventListener('csf-change', resolve, { once: true }));
    chip.querySelector('input')!.focus();
    await sendKeys({ press: 'Space' });
    await chosen;
    const before = { count: countIn(widget('finder')), titles: titles('finder') };
    expect(before.count).to.match(/^Your search returned \d+ results?$/);
    // Nothing was added to the history: Back leaves the page, as a visitor expects.
    expect(pushed).to.equal(0);

    const away = loaded();
    frame.contentWindow!.location.href = '/test/pages/away.html';
    await away;
    const back = loaded();
    frame.contentWindow!.history.back();
    await back;
    expect(frame.contentWindow!.location.pathname).to.equal('/test/pages/back.html');
    await ready('finder');
    await ready('second');
    expect(root('finder').querySelector<HTMLInputElement>('[part~="search-input"]')!.value).to.equal('library');
    expect(pressed('finder')).to.deep.equal(['Early years']);
    expect({ count: countIn(widget('finder')), titles: titles('finder') }).to.deep.equal(before);
    // The other finder on the page kept its own (untouched) state.
    expect(root('second').querySelector<HTMLInputElement>('[part~="search-input"]')!.value).to.equal('');
    expect(pressed('second')).to.deep.equal([]);
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  it('starts clean after a link to the same address, and restores on reload', async () => {
    frame = await openPage('/test/pages/back.html');
    await ready('finder');
    const search = async (query: string) => {
      const input = root('finder').querySelector<HTMLInputElement>('[part~="search-input"]')!;
      const changed = new Promise((resolve) => widget('finder').addEventListener('csf-change', resolve, { once: true }));
      input.focus();
      await sendKeys({ type: query });
      await changed;
    };
    const query = () => root('finder').querySelector<HTMLInputElement>('[part~="search-input"]')!.value;
    await search('library');

    // Reloading the page (or Back to it, above) brings the search back.
    let next = loaded();
    frame.contentWindow!.location.reload();
    await next;
    await ready('finder');
    expect(query()).to.equal('library');
    expect(countIn(widget('finder'))).to.match(/^Your search returned \d+ results?$/);

    // A site menu's link to this very page is a new visit: it starts clean.
    next = loaded();
    const link = frame.contentDocument!.createElement('a');
    link.href = frame.contentWindow!.location.href;
    link.textContent = 'Case studies';
    frame.contentDocument!.body.append(link);
    link.click();
    await next;
    await ready('finder');
    expect(query()).to.equal('');
    expect(countIn(widget('finder'))).to.equal('48 case studies');

    // And what is searched after it is restored on reload as before.
    await search('museum');
    next = loaded();
    frame.contentWindow!.location.reload();
    await next;
    await ready('finder');
    expect(query()).to.equal('museum');
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  it("keeps the page's own history state beside its own", async () => {
    frame = await openPage('/test/pages/back.html');
    await ready('finder');
    const view = frame.contentWindow!;
    view.history.replaceState({ page: 'own', step: 3 }, '');
    const input = root('finder').querySelector<HTMLInputElement>('[part~="search-input"]')!;
    const changed = new Promise((resolve) => widget('finder').addEventListener('csf-change', resolve, { once: true }));
    input.focus();
    await sendKeys({ type: 'museum' });
    await changed;
    expect(view.history.state.page).to.equal('own');
    expect(view.history.state.step).to.equal(3);
    expect(view.history.state['case-study-finder finder'].query).to.equal('museum');
    // A page that keeps a string there keeps it: it is not the widget's to replace.
    view.history.replaceState('the page’s own', '');
    input.value = 'museums';
    const again = new Promise((resolve) => widget('finder').addEventListener('csf-change', resolve, { once: true }));
    input.dispatchEvent(new Event('input'));
    await again;
    expect(view.history.state).to.equal('the page’s own');
  });
});
