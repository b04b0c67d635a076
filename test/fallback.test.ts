import 'axe-core/axe.min.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { captureWarnings, countText, expectAccessible, part, parts, text } from './helpers.js';

/**
 * The whole feed as the page's own fallback, as `case-study-finder html` writes it (served by
 * test/server.mjs from the built CLI): what visitors without JavaScript get. Once the element
 * runs it replaces the list; the list comes back beneath the error state.
 */
const fallbackOf = async (inline = false, feed = 'data/case-studies.json') =>
  (await fetch(`/test-api/fallback?feed=${feed}${inline ? '&inline=1' : ''}`)).text();

/** Mounts the element with `inner` as its children and waits for csf-load or csf-error. */
async function mount(attributes: string, inner: string): Promise<CaseStudyFinder> {
  const container = document.createElement('div');
  container.innerHTML = `<case-study-finder ${attributes}>${inner}</case-study-finder>`;
  const el = container.firstElementChild as CaseStudyFinder;
  const settled = Promise.race([oneEvent(el, 'csf-load'), oneEvent(el, 'csf-error')]);
  await captureWarnings(async () => {
    await fixture(html`${container}`);
    await settled;
    await el.updateComplete;
  });
  return el;
}

const shown = (node: Element) => node.getClientRects().length > 0;

describe('<case-study-finder> with the html command\'s list as its fallback', () => {
  it('replaces the list with the widget once it runs', async () => {
    const el = await mount('src="/data/case-studies.json"', await fallbackOf());
    const links = [...el.querySelectorAll('a')];
    expect(links).to.have.length(48);
    expect(links.filter(shown), 'list links still on screen').to.deep.equal([]);
    expect(shown(el.querySelector('h2')!), 'the list heading is on screen').to.equal(false);
    expect(countText(el)).to.equal('48 case studies');
    expect(parts(el, 'card-link')).to.have.length(12);
    // Cards come newest first, the list in the feed's order: the same case studies.
    expect(links.map(text)).to.include.members(parts(el, 'card-link').map(text));
  });

  it('shows the whole list again beneath the error state, every case study a link', async () => {
    const el = await mount('src="/test-api/status/500"', await fallbackOf());
    const error = part(el, 'error')!;
    expect(shown(error)).to.equal(true);
    const links = [...el.querySelectorAll('a')];
    expect(links).to.have.length(48);
    expect(links.filter((link) => !shown(link)), 'list links not on screen').to.deep.equal([]);
    expect(links[0]!.getBoundingClientRect().top).to.be.greaterThan(part(el, 'retry-button')!.getBoundingClientRect().bottom);
  });

  it('a hostile feed\'s list: text stays text, unsafe addresses are gone, and it passes axe', async () => {
    // A short feed: axe takes 3-19 s over the sample's 48 case studies on a busy machine.
    const el = await mount('src="/test-api/status/500"', await fallbackOf(false, 'test/cli/fixtures/hostile.json'));
    const links = [...el.querySelectorAll('a')];
    expect(links.map((link) => [link.getAttribute('href'), link.textContent])).to.deep.equal([
      ['/case-studies/quotes?a=1&b=2', `"Quoted" <b>bold</b> & 'single' titles`],
      ['https://example.gov.uk/a" onmouseover="alert(1)', 'An address that tries to leave its attribute'],
      ['/case-studies/rhyme-time', 'Rhyme time 🎶 in Caernarfon'],
    ]);
    expect(el.querySelectorAll('script, b, [onmouseover]')).to.have.length(0);
    expect(text(el.querySelector('h2'))).to.equal('Case studies from Ynys Môn & Gwynedd');
    await expectAccessible(el);
  });

  it('with --inline-json, reads the feed from the page: no request, the same 48 case studies', async () => {
    const inner = await fallbackOf(true);
    const requested = () => performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname.endsWith('.json')).length;
    const before = requested();
    const el = await mount('', inner);
    expect(countText(el)).to.equal('48 case studies');
    expect(requested(), 'requests for the feed').to.equal(before);
    expect(parts(el, 'card-link')).to.have.length(12);
    expect([...el.querySelectorAll('a')].map(text)).to.include.members(parts(el, 'card-link').map(text));
  });
});
