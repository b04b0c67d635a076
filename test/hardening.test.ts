import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import * as finderModule from '../src/index.js';
import type { CaseStudyFinder, CsfChangeEvent, CsfErrorEvent, CsfLoadEvent } from '../src/index.js';
import type { FeedFailure } from '../src/lib/feed.js';
import {
  $,
  captureWarnings,
  chip,
  countText,
  input,
  item,
  mountItems,
  mountSrc,
  part,
  parts,
  SAMPLE,
  heldFeed,
  release,
  search,
  text,
  waitUntil,
} from './helpers.js';
import { ManualClock, withManualClock } from './fake-host.js';

/**
 * Hardening: no network fault and no host page may break the widget or the page around it.
 * Loading basics (a 404, a Retry, the partly bad feed) are in loading.test.ts and the built
 * files on hostile pages in dist.test.ts; this file adds what a host page would see: uncaught
 * errors, stray events, leaked styles and listeners, and instances that step on each other.
 */

const SAMPLE_TOTAL = 48;
const body = (raw: string) => `/test-api/body?text=${encodeURIComponent(raw)}`;
const slow = (ms: number, feed = 'data/case-studies.json') => `/test-api/slow?ms=${ms}&feed=${encodeURIComponent(feed)}`;
const topicItems = [
  item(1, { topics: ['Alpha'] }),
  item(2, { topics: ['Alpha', 'Beta'] }),
  item(3, { topics: ['Beta'] }),
  item(4, { topics: ['Gamma'], title: 'Library van' }),
];
const busy = (el: CaseStudyFinder) => $(el, '[aria-busy]')!.getAttribute('aria-busy');

/** Fails unless `node` is rendered: in the tree, not display:none or hidden, and with a size. */
function expectVisible(node: Element | null | undefined, what: string): void {
  expect(node, `${what} is missing`).to.exist;
  const style = getComputedStyle(node!);
  expect(style.display, `${what} display`).not.to.equal('none');
  expect(style.visibility, `${what} visibility`).to.equal('visible');
  const box = node!.getBoundingClientRect();
  expect(box.width > 0 && box.height > 0, `${what} is ${box.width}×${box.height}`).to.equal(true);
}

/**
 * Fails if a part is rendered. Assertions name parts, never pass live elements: a failing
 * assertion holding one makes the runner try to serialise the whole DOM and hang.
 */
function expectAbsent(el: CaseStudyFinder, name: string): void {
  expect(part(el, name) === null, `the ${name} part is shown`).to.equal(true);
}

/**
 * What would reach the host page's own error handlers: uncaught errors and promise rejections
 * nobody handled. A widget that leaks either can break analytics, error trackers and tests on
 * the council's site.
 */
function recordPageFaults() {
  const faults: string[] = [];
  const onError = (event: ErrorEvent) => faults.push(`uncaught error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) => faults.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    faults,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/**
 * `unhandledrejection` is dispatched from a task queued after the microtask checkpoint that
 * found the rejection, so no event can tell us "nothing happened": give it a few tasks.
 */
const letRejectionsSurface = () => aTimeout(50);

/** Every csf-* event an element fires, in order. */
function recordEvents(target: EventTarget) {
  const events: Event[] = [];
  const record = (event: Event) => events.push(event);
  for (const type of ['csf-load', 'csf-error', 'csf-change']) target.addEventListener(type, record);
  return {
    events,
    types: () => events.map((event) => event.type),
    stop() {
      for (const type of ['csf-load', 'csf-error', 'csf-change']) target.removeEventListener(type, record);
    },
  };
}

/** Wraps `window.fetch` to count the requests made and keep their signals. */
function recordFetches() {
  const original = window.fetch;
  const calls: Array<{ url: string; signal?: AbortSignal | null }> = [];
  window.fetch = (resource: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(resource instanceof Request ? resource.url : resource), signal: init?.signal });
    return original.call(window, resource, init);
  };
  return {
    calls,
    restore() {
      window.fetch = original;
    },
  };
}

describe('<case-study-finder> hardening', () => {
  describe('network faults', () => {
    let page: ReturnType<typeof recordPageFaults>;
    beforeEach(() => {
      page = recordPageFaults();
    });
    afterEach(() => page.stop());

    async function expectCleanPage(): Promise<void> {
      await letRejectionsSurface();
      expect(page.faults).to.deep.equal([]);
    }

    /**
     * The error state, fully: visible, announced, in plain words for its kind, with a Retry
     * button; the details (address, status, reason) only in csf-error and one console warning.
     */
    async function expectErrorState(el: CaseStudyFinder, event: Event, message: RegExp, kind: FeedFailure, warnings: string[]): Promise<void> {
      await el.updateComplete;
      expect(event.type).to.equal('csf-error');
      const { detail } = event as CsfErrorEvent;
      expect(detail.message).to.match(message);
      expect(detail.kind).to.equal(kind);
      expect(detail).to.have.property('cause');
      expect(event.bubbles && event.composed, 'bubbles and composed').to.equal(true);
      const error = part(el, 'error');
      expectVisible(error, 'the error state');
      expect(error!.getAttribute('role')).to.equal('alert');
      const shown = text(error);
      expect(shown).to.equal(
        kind === 'network'
          ? 'Sorry, the case studies could not be loaded Check your connection and try again. Try again'
          : 'The case studies are not available at the moment You can try again now, or come back later. Try again',
      );
      // No codes, markup, addresses or exception names for the public.
      expect(shown).not.to.match(/\d{3}|<|http|Error|JSON|feed/);
      expect(warnings, `one console warning: ${warnings.join(' | ')}`).to.have.length(1);
      expect(warnings[0]).to.contain(detail.message);
      expectVisible(part(el, 'retry-button'), 'Retry');
      expectAbsent(el, 'loading');
      expect(parts(el, 'card')).to.have.length(0);
      expect(busy(el)).to.equal('false');
    }

    const ERRORS: Array<[string, string, RegExp, FeedFailure]> = [
      ['404 Not Found', '/test-api/status/404', /answered 404/, 'unavailable'],
      ['500 Internal Server Error', '/test-api/status/500', /answered 500/, 'unavailable'],
      ['503 Service Unavailable', '/test-api/status/503', /answered 503/, 'unavailable'],
      // Port 1 is refused by the browser itself: the request fails with no HTTP answer at all.
      ['a server that cannot be reached', 'http://127.0.0.1:1/feed.json', /could not be reached/, 'network'],
      // The connection drops after the headers and part of the body.
      ['a body cut off part-way', '/test-api/cut?bytes=300', /stopped part-way/, 'network'],
      ['an HTML login page instead of JSON', body('<!doctype html><title>Sign in</title>'), /^This is a web page \("Sign in"\), not a feed\.$/, 'unavailable'],
      ['JSON cut off half way', body('{"items": [{"title": "A", "url": "/a"}'), /not valid JSON/, 'unavailable'],
      ['an empty body', body(''), /empty/, 'unavailable'],
      ['a body of only white space', body(' \n\t '), /empty/, 'unavailable'],
      ['204 No Content', '/test-api/status/204', /empty/, 'unavailable'],
      ['the JSON {}', body('{}'), /not a list of case studies/, 'unavailable'],
      ['the JSON "text"', body('"text"'), /not a list of case studies/, 'unavailable'],
      ['the JSON null', body('null'), /not a list of case studies/, 'unavailable'],
      ['the JSON 42', body('42'), /not a list of case studies/, 'unavailable'],
      ['an "items" that is not an array', body('{"items": {"title": "A", "url": "/a"}}'), /not a list of case studies/, 'unavailable'],
    ];

    for (const [name, src, message, kind] of ERRORS) {
      it(`${name}: plain words (${kind}), Retry, csf-error, one warning, nothing uncaught`, async () => {
        const { result, warnings } = await captureWarnings(async () => {
          const { el, settled } = await mountSrc(src);
          return { el, event: await settled };
        });
        await expectErrorState(result.el, result.event, message, kind, warnings);
        await expectCleanPage();
      });
    }

    for (const [name, raw] of [
      ['[]', '[]'],
      ['{"items": []}', '{"items": []}'],
      ['an envelope with a title and facets but no items', '{"title": "Case studies", "facets": [], "items": []}'],
    ]) {
      it(`${name}: the empty state, not an error`, async () => {
        const { el, settled } = await mountSrc(body(raw!));
        const event = await settled;
        await el.updateComplete;
        expect(event.type).to.equal('csf-load');
        expect((event as CsfLoadEvent).detail).to.deep.equal({ total: 0, skipped: [], warnings: [] });
        expectVisible(part(el, 'empty'), 'the empty state');
        expect(text(part(el, 'empty'))).to.contain('no case studies');
        expectAbsent(el, 'error');
        expect(busy(el)).to.equal('false');
        await expectCleanPage();
      });
    }

    it('a timeout after the headers, with part of the body in: the same plain words as any failure to arrive', async () => {
      const el = document.createElement('case-study-finder');
      el.setAttribute('timeout', '400');
      el.src = '/test-api/stall?bytes=500';
      const failed = oneEvent(el, 'csf-error');
      const { result, warnings } = await captureWarnings(async () => {
        await fixture(html`<div>${el}</div>`);
        return failed;
      });
      await expectErrorState(el, result, /did not arrive within 0\.4 seconds/, 'network', warnings);
      await expectCleanPage();
    });

    it('a feed saved as UTF-16: read as it is, with one warning to save it as UTF-8', async () => {
      const { result, warnings } = await captureWarnings(async () => {
        const { el, settled } = await mountSrc('/test-api/utf16');
        return { el, event: await settled };
      });
      expect(result.event.type).to.equal('csf-load');
      await result.el.updateComplete;
      expect(countText(result.el)).to.equal(`${SAMPLE_TOTAL} case studies`);
      // Letters beyond ASCII survive: the Welsh place name is shown as written.
      await search(result.el, 'ynys mon');
      expect(parts(result.el, 'card-link').map(text)).to.include('Ynys Môn online history festival for schools');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/is not saved as UTF-8 \(it is UTF-16LE\)/);
      await expectCleanPage();
    });

    it("shows the page's own fallback beneath the error, and hides it again once the feed loads", async () => {
      const key = `fallback-${Math.random()}`;
      const container = document.createElement('div');
      container.innerHTML = `<case-study-finder src="/test-api/flaky?key=${key}"><a href="/case-studies">Browse all case studies</a></case-study-finder>`;
      const el = container.firstElementChild as CaseStudyFinder;
      const link = el.querySelector('a')!;
      const failed = oneEvent(el, 'csf-error');
      await captureWarnings(async () => {
        await fixture(html`${container}`);
        await failed;
        await el.updateComplete;
      });
      expectVisible(link, 'the fallback link');
      // Beneath the message.
      expect(link.getBoundingClientRect().top).to.be.greaterThan(part(el, 'retry-button')!.getBoundingClientRect().bottom);
      const loaded = oneEvent(el, 'csf-load');
      part(el, 'retry-button')!.click();
      await loaded;
      await el.updateComplete;
      expect(link.getClientRects().length, 'the fallback is hidden once the widget runs').to.equal(0);
    });

    it('a timeout: the error names the seconds waited, and Retry tries again', async () => {
      const el = document.createElement('case-study-finder');
      el.setAttribute('timeout', '300');
      el.src = slow(1000);
      const failed = oneEvent(el, 'csf-error');
      const first = await captureWarnings(async () => {
        await fixture(html`<div>${el}</div>`);
        return failed;
      });
      expect(el.timeout).to.equal(300);
      await expectErrorState(el, first.result, /did not arrive within 0\.3 seconds/, 'network', first.warnings);

      // Retry re-arms the timer: the server is still slow, so it fails the same way again.
      const failedAgain = oneEvent(el, 'csf-error');
      const second = await captureWarnings(async () => {
        part(el, 'retry-button')!.click();
        await el.updateComplete;
        expectVisible(part(el, 'loading'), 'the loading state');
        expect(busy(el)).to.equal('true');
        return failedAgain;
      });
      await expectErrorState(el, second.result, /0\.3 seconds/, 'network', second.warnings);

      // Given longer, Retry succeeds.
      el.timeout = 5000;
      const loaded = oneEvent(el, 'csf-load');
      part(el, 'retry-button')!.click();
      expect((await loaded).detail.total).to.equal(SAMPLE_TOTAL);
      await el.updateComplete;
      expectAbsent(el, 'error');
      expect(countText(el)).to.equal(`${SAMPLE_TOTAL} case studies`);
      await expectCleanPage();
    });

    it('a slow feed: loading state and aria-busy, then the results', async () => {
      const { el, settled } = await mountSrc(slow(400));
      expectVisible(part(el, 'loading'), 'the loading state');
      expect(text(part(el, 'loading'))).to.contain('Loading case studies');
      expect(busy(el)).to.equal('true');
      expect(input(el).disabled, 'search box disabled while loading').to.equal(true);
      expect((await settled).type).to.equal('csf-load');
      await el.updateComplete;
      expectAbsent(el, 'loading');
      expect(busy(el)).to.equal('false');
      expect(parts(el, 'card')).to.have.length(12);
      await expectCleanPage();
    });

    it('src changed mid-flight: the old response is never shown, now or when it would have come', async () => {
      const { result, warnings } = await captureWarnings(async () => {
        const old = heldFeed('test/fixtures/partly-bad.json');
        const { el } = await mountSrc(old.url);
        const seen = recordEvents(el);
        el.src = slow(100);
        await oneEvent(el, 'csf-load');
        await el.updateComplete;
        const first = countText(el);
        // Now the first feed answers (or its request has already ended).
        await release(old.key);
        await letRejectionsSurface();
        await el.updateComplete;
        seen.stop();
        return { first, last: countText(el), types: seen.types(), titles: parts(el, 'card-link').map(text) };
      });
      expect(result.first).to.equal(`${SAMPLE_TOTAL} case studies`);
      expect(result.last).to.equal(result.first);
      expect(result.types).to.deep.equal(['csf-load']);
      expect(result.titles).not.to.include('Reading groups in village halls');
      // The partly bad feed warns when it is parsed: it never was.
      expect(warnings).to.deep.equal([]);
      await expectCleanPage();
    });

    it('src removed mid-flight: the request is aborted and its response never shown', async () => {
      const fetches = recordFetches();
      try {
        const feed = heldFeed();
        const { el } = await mountSrc(feed.url);
        const seen = recordEvents(el);
        const { warnings } = await captureWarnings(async () => {
          // mountSrc sets the property, so that is what goes (removing the attribute sets it too).
          el.src = undefined;
          await el.updateComplete;
          expect(fetches.calls[0]!.signal?.aborted, 'request aborted').to.equal(true);
          await release(feed.key);
          await letRejectionsSurface();
          await el.updateComplete;
        });
        seen.stop();
        expect(seen.types()).to.deep.equal([]);
        // Left with no source, it says so to the webmaster.
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.contain('has no feed');
        expect(parts(el, 'card').length).to.equal(0);
        expect(busy(el)).to.equal('false');
      } finally {
        fetches.restore();
      }
      await expectCleanPage();
    });

    it('Retry after a failure: loading, then the results', async () => {
      const { result, warnings } = await captureWarnings(async () => {
        const { el, settled } = await mountSrc(`/test-api/flaky?key=hardening-${Math.random()}&ms=300`);
        return { el, event: await settled };
      });
      const { el } = result;
      await expectErrorState(el, result.event, /answered 500/, 'unavailable', warnings);
      const loaded = oneEvent(el, 'csf-load');
      part(el, 'retry-button')!.click();
      await el.updateComplete;
      expectVisible(part(el, 'loading'), 'the loading state');
      expectAbsent(el, 'error');
      expect(busy(el)).to.equal('true');
      expect((await loaded).detail.total).to.equal(SAMPLE_TOTAL);
      await el.updateComplete;
      expectAbsent(el, 'error');
      expect(countText(el)).to.equal(`${SAMPLE_TOTAL} case studies`);
      await expectCleanPage();
    });

    it('removed while its request is in flight: the request is aborted, no event, no error', async () => {
      const fetches = recordFetches();
      try {
        const feed = heldFeed();
        const { el } = await mountSrc(feed.url);
        expect(fetches.calls).to.have.length(1);
        const seen = recordEvents(el);
        const seenByPage = recordEvents(document);
        el.remove();
        expect(fetches.calls[0]!.signal?.aborted, 'request aborted').to.equal(true);
        await release(feed.key);
        await letRejectionsSurface();
        seen.stop();
        seenByPage.stop();
        expect(seen.types()).to.deep.equal([]);
        expect(seenByPage.types()).to.deep.equal([]);
        expect(fetches.calls).to.have.length(1);
      } finally {
        fetches.restore();
      }
      await expectCleanPage();
    });

    it('removed before its first render: no request, no event', async () => {
      const fetches = recordFetches();
      try {
        const el = document.createElement('case-study-finder');
        el.src = slow(100);
        const seen = recordEvents(el);
        document.body.append(el);
        el.remove();
        // The first update runs even while detached: that is where a request would start.
        await el.updateComplete;
        await letRejectionsSurface();
        seen.stop();
        expect(fetches.calls.map((call) => call.url)).to.deep.equal([]);
        expect(seen.types()).to.deep.equal([]);
      } finally {
        fetches.restore();
      }
      await expectCleanPage();
    });
  });

  describe('host-page isolation', () => {
    /** Adds a stylesheet to the test page's head for the length of one test. */
    function hostStyle(css: string): HTMLStyleElement {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      return style;
    }

    let style: HTMLStyleElement | undefined;
    afterEach(() => {
      style?.remove();
      style = undefined;
    });

    it('a host page that unsets everything and hides buttons: search, chips and cards still show', async () => {
      style = hostStyle('* { all: unset } button { display: none }');
      const el = await mountItems(topicItems);
      el.insertAdjacentHTML('beforeend', '<a href="/all">Browse all case studies</a>');
      await el.updateComplete;

      expectVisible(input(el), 'the search box');
      expectVisible(part(el, 'count'), 'the count');
      const chips = parts(el, 'chip');
      expect(chips).to.have.length(3);
      chips.forEach((button, index) => expectVisible(button, `chip ${index}`));
      const cards = parts(el, 'card');
      expect(cards).to.have.length(4);
      cards.forEach((card, index) => expectVisible(card, `card ${index}`));
      expectVisible(parts(el, 'card-link')[0], 'a card link');
      // The widget's own grid layout survives: cards stack, they are not run together inline.
      expect(getComputedStyle(part(el, 'results')!).display).not.to.equal('inline');
      expect(cards[1]!.getBoundingClientRect().top).to.be.greaterThan(cards[0]!.getBoundingClientRect().top);
      // And the fallback stays hidden, whatever the host does to links.
      expect(el.querySelector('a')!.getClientRects().length).to.equal(0);

      // It still works: a chip filters.
      chip(el, 'Filter by topics', 'Beta').click();
      await el.updateComplete;
      expect(countText(el)).to.equal('Your search returned 2 results');
    });

    it("the widget's styles stay inside: the host's own controls next to it look as before", async () => {
      const props = ['border-radius', 'border-top-width', 'border-top-style', 'background-color', 'color',
        'font-family', 'font-size', 'font-weight', 'padding-top', 'padding-left', 'display', 'min-height',
        'cursor', 'box-sizing', 'line-height', 'list-style-type', 'margin-top'];
      const look = (root: Element) =>
        [...root.querySelectorAll('button, input, ul, li, a, mark, article, p, h3')].map((node) => {
          const computed = getComputedStyle(node);
          return `${node.localName} ${props.map((prop) => `${prop}:${computed.getPropertyValue(prop)}`).join(' ')}`;
        });
      const controls = '<button type="button">Host button</button><input type="search"><ul><li>Host list</li></ul><a href="#x">Link</a><mark>m</mark><article><h3>Heading</h3><p>Text</p></article>';

      const reference = document.createElement('div');
      reference.innerHTML = controls;
      document.body.append(reference);
      const sheetsBefore = document.adoptedStyleSheets.length;
      const stylesBefore = document.querySelectorAll('style, link[rel="stylesheet"]').length;
      try {
        const el = await mountItems(topicItems);
        const neighbours = document.createElement('div');
        neighbours.innerHTML = controls;
        el.after(neighbours);
        expect(look(neighbours)).to.deep.equal(look(reference));
        expect(getComputedStyle(neighbours.querySelector('button')!).borderRadius).to.equal(
          getComputedStyle(reference.querySelector('button')!).borderRadius,
        );
        // Nothing added to the page's own stylesheets.
        expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
        expect(document.querySelectorAll('style, link[rel="stylesheet"]').length).to.equal(stylesBefore);

        // Under the hostile sheet the host's button still obeys the host.
        style = hostStyle('* { all: unset } button { display: none }');
        expect(getComputedStyle(neighbours.querySelector('button')!).display).to.equal('none');
        expect(getComputedStyle(neighbours.querySelector('button')!).borderRadius).to.equal('0px');
      } finally {
        reference.remove();
      }
    });

    it('three instances with different feeds are independent, and their events carry their own state', async () => {
      const { result } = await captureWarnings(async () => {
        const a = document.createElement('case-study-finder');
        a.items = topicItems;
        const b = document.createElement('case-study-finder');
        b.src = SAMPLE;
        const c = document.createElement('case-study-finder');
        c.src = '/test/fixtures/partly-bad.json';
        const loads = [oneEvent(b, 'csf-load'), oneEvent(c, 'csf-load')];
        await fixture(html`<div>${a}${b}${c}</div>`);
        await Promise.all(loads);
        await Promise.all([a.updateComplete, b.updateComplete, c.updateComplete]);
        return [a, b, c] as const;
      });
      const [a, b, c] = result;
      const counts = () => [countText(a), countText(b), countText(c)].map((t) => Number(t.match(/\d+/)?.[0]));
      expect(counts()).to.deep.equal([4, SAMPLE_TOTAL, 3]);

      const seen = [a, b, c].map(recordEvents);
      const seenByPage = recordEvents(document);
      try {
        // Typing in B changes B only.
        const bChanged = oneEvent(b, 'csf-change');
        await search(b, 'libary');
        const bEvent = (await bChanged) as CsfChangeEvent;
        await b.updateComplete;
        const bTotal = counts()[1]!;
        expect(bTotal).to.be.within(1, SAMPLE_TOTAL - 1);
        expect(bEvent.detail).to.deep.include({ query: 'libary', filters: {}, total: bTotal });
        expect(counts()).to.deep.equal([4, bTotal, 3]);
        expect([input(a).value, input(b).value, input(c).value]).to.deep.equal(['', 'libary', '']);

        // A chip in A changes A only.
        const aChanged = oneEvent(a, 'csf-change');
        chip(a, 'Filter by topics', 'Alpha').click();
        const aEvent = (await aChanged) as CsfChangeEvent;
        await a.updateComplete;
        expect(aEvent.detail).to.deep.include({ query: '', filters: { topics: ['Alpha'] }, total: 2 });
        expect(counts()).to.deep.equal([2, bTotal, 3]);
        expect([a, b, c].map((el) => parts(el, 'chip-selected').length)).to.deep.equal([1, 0, 0]);
        expect(input(b).value).to.equal('libary');

        await letRejectionsSurface();
        expect(seen.map((s) => s.types())).to.deep.equal([['csf-change'], ['csf-change'], []]);
        expect(seenByPage.events.map((event) => ['a', 'b', 'c'][[a, b, c].indexOf(event.target as CaseStudyFinder)])).to.deep.equal(['b', 'a']);
      } finally {
        seen.forEach((s) => s.stop());
        seenByPage.stop();
      }
    });

    it('removed and added again: no new request, renders again, and none after removal', async () => {
      const fetches = recordFetches();
      try {
        const el = document.createElement('case-study-finder');
        el.src = SAMPLE;
        const loaded = oneEvent(el, 'csf-load');
        const container = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
        await loaded;
        expect(fetches.calls).to.have.length(1);

        for (let round = 1; round <= 3; round++) {
          el.remove();
          // A request would have been made in this update, before its first await.
          await el.updateComplete;
          expect(fetches.calls, `after removal ${round}`).to.have.length(1);
          container.append(el);
          await el.updateComplete;
          await waitUntil(
            () => busy(el) === 'false' && countText(el) === `${SAMPLE_TOTAL} case studies`,
            `round ${round} did not render`,
          );
          // The feed was shown already: coming back shows it again without fetching it again.
          expect(fetches.calls.length, `after re-adding ${round}`).to.equal(1);
        }
        expect(parts(el, 'card')).to.have.length(12);
        expect(parts(el, 'chip').length).to.be.greaterThan(0);
        expect(fetches.calls.every((call) => call.url === SAMPLE)).to.equal(true);
      } finally {
        fetches.restore();
      }
    });

    it('removed and added again after loading: no new request, no loading flash, no second csf-load', async () => {
      const fetches = recordFetches();
      try {
        const { el, settled } = await mountSrc(SAMPLE);
        await settled;
        await el.updateComplete;
        const container = el.parentElement!;
        const seen = recordEvents(el);
        el.remove();
        container.append(el);
        await el.updateComplete;
        expectAbsent(el, 'loading');
        expect(countText(el)).to.equal(`${SAMPLE_TOTAL} case studies`);
        // A reload would have started in that update; none did, so nothing can arrive.
        await letRejectionsSurface();
        seen.stop();
        expect(fetches.calls).to.have.length(1);
        expect(seen.types()).to.deep.equal([]);
      } finally {
        fetches.restore();
      }
    });

    it('removed mid-flight and added again: one new request, one csf-load, the right results', async () => {
      const fetches = recordFetches();
      try {
        const first = heldFeed();
        const { el } = await mountSrc(first.url);
        const container = el.parentElement!;
        const seen = recordEvents(el);
        el.remove();
        container.append(el);
        const loaded = oneEvent(el, 'csf-load');
        // The request made on return asks for the same address, so it is held too: let both go.
        await release(first.key);
        await loaded;
        await letRejectionsSurface();
        await el.updateComplete;
        seen.stop();
        expect(fetches.calls).to.have.length(2);
        expect(fetches.calls[0]!.signal?.aborted).to.equal(true);
        expect(seen.types()).to.deep.equal(['csf-load']);
        expect(countText(el)).to.equal(`${SAMPLE_TOTAL} case studies`);
      } finally {
        fetches.restore();
      }
    });

    it('leaves no window listener behind: popstate after removal neither throws nor updates it', async () => {
      // Which listeners the window holds, by wrapping add/removeEventListener for this test.
      type Listen = (type: string, listener: unknown, options?: unknown) => void;
      const win = window as unknown as { addEventListener: Listen; removeEventListener: Listen };
      const { addEventListener, removeEventListener } = win;
      const added = new Map<unknown, string>();
      win.addEventListener = (type, listener, options) => {
        if (listener) added.set(listener, type);
        addEventListener.call(window, type, listener, options);
      };
      win.removeEventListener = (type, listener, options) => {
        added.delete(listener);
        removeEventListener.call(window, type, listener, options);
      };
      const page = recordPageFaults();
      try {
        const el = document.createElement('case-study-finder');
        // sync-url is what makes the element act on popstate; the prefix keeps off the runner's URL.
        el.setAttribute('sync-url', '');
        el.setAttribute('url-prefix', 'hardening-');
        el.items = topicItems;
        const container = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
        await el.updateComplete;
        container.append(el);
        el.remove();
        container.append(el);
        await el.updateComplete;

        const original = el.requestUpdate.bind(el);
        let updates = 0;
        el.requestUpdate = (...args: Parameters<CaseStudyFinder['requestUpdate']>) => {
          updates++;
          original(...args);
        };
        // Connected, it listens (so the spy below can see a leak)…
        window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
        expect(updates, 'a connected element updates on popstate').to.be.greaterThan(0);
        await el.updateComplete;

        // …and once removed, it does not.
        el.remove();
        expect([...added.values()].filter((type) => type === 'popstate'), 'popstate listeners left').to.deep.equal([]);
        updates = 0;
        expect(() => window.dispatchEvent(new PopStateEvent('popstate', { state: null }))).not.to.throw();
        await letRejectionsSurface();
        expect(updates).to.equal(0);
        expect(page.faults).to.deep.equal([]);

        // Added again, it renders and listens once more.
        container.append(el);
        await el.updateComplete;
        expect(countText(el)).to.equal('4 case studies');
        expect([...added.values()].filter((type) => type === 'popstate')).to.have.length(1);
      } finally {
        win.addEventListener = addEventListener;
        win.removeEventListener = removeEventListener;
        page.stop();
      }
    });

    it('loading the module a second time does not try to define the element again', async () => {
      const defined = customElements.get('case-study-finder');
      expect(defined).to.equal(finderModule.CaseStudyFinder);
      // A query string makes the browser evaluate index.ts afresh (as a CMS that includes the
      // script twice would), while its imports resolve to the modules already loaded. A variable
      // keeps the dev server and TypeScript from resolving the specifier at build time.
      const again = new URL('../src/index.ts?again', import.meta.url).href;
      const second = (await import(/* @vite-ignore */ again)) as typeof finderModule;
      expect(second, 'a fresh evaluation of the module').not.to.equal(finderModule);
      expect(customElements.get('case-study-finder')).to.equal(defined);
      // Which is what the guard is for: the registry refuses a second definition.
      expect(() => customElements.define('case-study-finder', class extends HTMLElement {})).to.throw();
      const el = await mountItems([item(1)]);
      expect(el instanceof finderModule.CaseStudyFinder).to.equal(true);
      expect(countText(el)).to.equal('1 case study');
    });
  });

  describe('events never fire for code', () => {
    it('setting src, items, facets, lang and other properties fires no csf-change', async () => {
      const { el, settled } = await mountSrc(SAMPLE);
      await settled;
      const seen = recordEvents(el);
      const seenByPage = recordEvents(document);
      // Timers on a clock moved by hand, so "a change scheduled by code would have fired" is
      // known, not waited for.
      const clock = new ManualClock().install();
      try {
        const loaded = oneEvent(el, 'csf-load');
        el.src = body(JSON.stringify([item(1, { topics: ['Alpha'] }), item(2)]));
        await loaded;
        await el.updateComplete;
        expect(countText(el)).to.equal('2 case studies');

        el.items = topicItems;
        await el.updateComplete;
        expect(countText(el)).to.equal('4 case studies');
        el.facets = 'supportTypes topics';
        await el.updateComplete;
        el.lang = 'cy';
        await el.updateComplete;
        expect(countText(el)).to.contain('4');
        expect(countText(el)).not.to.contain('Your search');
        el.sort = 'title';
        el.pageSize = 2;
        el.headingLevel = 2;
        el.strings = { retry: 'Again' };
        el.timeout = 1000;
        await el.updateComplete;

        // A visitor's change is reported (the control for this test)…
        const changed = oneEvent(el, 'csf-change');
        chip(el, 'Hidlo yn ôl pynciau', 'Beta').click();
        await clock.tick(0);
        await changed;
        // …and code setting a feed afterwards is not, even though the results change.
        el.items = [...topicItems, item(5, { topics: ['Beta'] })];
        await el.updateComplete;
        el.lang = 'en';
        await el.updateComplete;
        expect(countText(el)).to.equal('Your search returned 3 results');
        // A visitor's typing is reported after a 500 ms pause: go far past it, so a change
        // scheduled by code would have fired.
        await clock.tick(60_000);
        expect(seen.types().filter((type) => type === 'csf-change')).to.have.length(1);
        expect(seenByPage.types().filter((type) => type === 'csf-change')).to.have.length(1);
      } finally {
        clock.uninstall();
        seen.stop();
        seenByPage.stop();
      }
    });

    it('with sync-url, restoring from the URL when code sets a feed fires no csf-change', async () => {
      const before = location.href;
      const url = new URL(location.href);
      url.searchParams.set('hz-q', 'library');
      history.replaceState(history.state, '', url);
      try {
        const el = document.createElement('case-study-finder');
        el.setAttribute('sync-url', '');
        el.setAttribute('url-prefix', 'hz-');
        el.items = topicItems;
        const seen = recordEvents(el);
        await withManualClock(async (clock) => {
          await fixture(html`<div>${el}</div>`);
          await el.updateComplete;
          expect(input(el).value).to.equal('library');
          el.items = [...topicItems, item(5, { title: 'Library bus' })];
          await el.updateComplete;
          await clock.tick(60_000);
        });
        seen.stop();
        expect(seen.types().filter((type) => type === 'csf-change')).to.deep.equal([]);
        expect(location.href).to.equal(url.href);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });
  });

  describe('crafted links and giant text: bounded work', () => {
    const url = location.pathname + location.search;
    afterEach(() => history.replaceState(null, '', url));
    const withParams = (params: string) => history.replaceState(null, '', `${url}${location.search ? '&' : '?'}${params}`);
    const many = Array.from({ length: 3000 }, (_, at) => item(at, { topics: ['Alpha'] }));

    it('?page=1000 draws no more than 200 cards', async () => {
      withParams('crafted-page=1000');
      const el = await mountItems(many, { 'sync-url': '', 'url-prefix': 'crafted-' });
      await waitUntil(() => parts(el, 'card').length > 0, 'no cards');
      expect(parts(el, 'card').length).to.be.within(12, 200);
      expect(parts(el, 'card').length % 12).to.equal(0);
    });

    it('page-size="100000" draws no more than 200 cards', async () => {
      const el = await mountItems(many, { 'page-size': '100000' });
      await waitUntil(() => countText(el) === '3,000 case studies', 'not shown');
      expect(parts(el, 'card')).to.have.length(200);
      expect(text(part(el, 'more-button'))).to.equal('Show 200 more case studies');
    });

    it('a 100,000-character ?q= is cut to 200 characters and still searched', async () => {
      withParams(`crafted-q=${'library '.repeat(12_500)}`);
      const el = await mountItems([item(1, { title: 'Library van' }), item(2)], { 'sync-url': '', 'url-prefix': 'crafted-' });
      await waitUntil(() => countText(el) !== '', 'no count');
      expect(input(el).value.length).to.equal(200);
      expect(countText(el)).to.equal('Your search returned 1 result');
    });

    it('a 5 MB summary is indexed and shown in bounded form', async () => {
      const summary = `Home library service for people who cannot get out. ${'More words about the service. '.repeat(180_000)}`;
      expect(summary.length).to.be.greaterThan(5_000_000);
      const el = await mountItems([item(1, { title: 'Home library', summary }), item(2)]);
      expect(text(part(el, 'card-summary')).length).to.be.at.most(330);
      await search(el, 'housebound library');
      await search(el, 'library');
      expect(countText(el)).to.equal('Your search returned 1 result');
      expect(text(part(el, 'card-summary')).length).to.be.at.most(190);
      expect(parts(el, 'highlight').map(text)).to.include('library');
    });
  });
});
