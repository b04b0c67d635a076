import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder, CsfErrorEvent, CsfLoadEvent } from '../src/index.js';
import {
  captureWarnings,
  countText,
  heldFeed,
  item,
  mountItems,
  mountSample,
  mountSettled,
  mountSrc,
  part,
  parts,
  release,
  SAMPLE,
  text,
  titles,
  waitUntil,
} from './helpers.js';
import { drain, withManualClock } from './fake-host.js';

describe('<case-study-finder> loading', () => {
  describe('when the feed loads', () => {
    it('fetches the src, shows the count and the first page of cards', async () => {
      const el = await mountSample();
      expect(countText(el)).to.equal('48 case studies');
      expect(parts(el, 'card')).to.have.length(12);
    });

    it('fires csf-load with the total and no problems, bubbling and composed', async () => {
      const { settled } = await mountSrc(SAMPLE);
      const event = (await settled) as CsfLoadEvent;
      expect(event.type).to.equal('csf-load');
      expect(event.detail).to.deep.equal({ total: 48, skipped: [], warnings: [] });
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('shows a loading state while the feed is on its way', async () => {
      const { el, settled } = await mountSrc('/test-api/slow?ms=400');
      expect(text(part(el, 'loading'))).to.contain('Loading case studies');
      expect(el.shadowRoot!.querySelector('.root')!.getAttribute('aria-busy')).to.equal('true');
      await settled;
      await el.updateComplete;
      expect(part(el, 'loading')).to.equal(null);
      expect(countText(el)).to.equal('48 case studies');
    });

    // The element looks for a feed again a moment after it joins the page (a timer), on a
    // clock moved by hand here.
    it('warns the webmaster once when the element has no feed at all', async () => {
      const { result: el, warnings } = await captureWarnings(() =>
        withManualClock(async (clock) => {
          const el = await fixture<CaseStudyFinder>(html`<case-study-finder></case-study-finder>`);
          await clock.tick(0);
          el.lang = 'cy';
          await el.updateComplete;
          await clock.tick(60_000);
          return el;
        }),
      );
      expect(warnings).to.deep.equal([
        '<case-study-finder> has no feed: give it a src attribute, an items property, or a <script type="application/json"> child.',
      ]);
      expect(part(el, 'loading')).to.equal(null);
    });

    it('says how to fix items given as an attribute (as React does before the element is defined)', async () => {
      const { warnings } = await captureWarnings(() =>
        withManualClock(async (clock) => {
          await fixture(html`<case-study-finder items="[object Object]"></case-study-finder>`);
          await clock.tick(60_000);
        }),
      );
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('items was given as an attribute');
      expect(warnings[0]).to.contain('element.items = [...]');
    });

    it('does not warn when items are set just after the element joins the page, as frameworks do', async () => {
      const { result: el, warnings } = await captureWarnings(() =>
        withManualClock(async (clock) => {
          const el = await fixture<CaseStudyFinder>(html`<case-study-finder></case-study-finder>`);
          el.items = [item(1)];
          await el.updateComplete;
          await clock.tick(60_000);
          return el;
        }),
      );
      expect(warnings).to.deep.equal([]);
      expect(titles(el)).to.deep.equal(['Case study 1']);
    });

    it('reads inline JSON when there is no src', async () => {
      const el = await fixture<CaseStudyFinder>(html`<case-study-finder>
        <script type="application/json">
          [{ "title": "Inline case study", "url": "/inline" }]
        </script>
        <a href="/all">Browse all case studies</a>
      </case-study-finder>`);
      await waitUntil(() => titles(el).length === 1);
      expect(titles(el)).to.deep.equal(['Inline case study']);
    });

    it('takes items given as a property', async () => {
      const el = await mountItems([item(1), item(2)]);
      expect(titles(el)).to.deep.equal(['Case study 1', 'Case study 2']);
      expect(countText(el)).to.equal('2 case studies');
    });

    it('checks a large items list in slices: loading first, then every item, and csf-load once', async () => {
      const many = Array.from({ length: 4000 }, (_, n) => item(n + 1));
      const el = await fixture<CaseStudyFinder>(html`<case-study-finder></case-study-finder>`);
      const loads: CsfLoadEvent[] = [];
      el.addEventListener('csf-load', (event) => loads.push(event as CsfLoadEvent));
      el.items = many;
      await el.updateComplete;
      expect(text(part(el, 'loading'))).to.contain('Loading case studies');
      // Its first cards may come first, while its filters are counted ("Loading case studies…").
      await waitUntil(() => /^[\d,]+ case studies$/.test(countText(el)), 'the large feed never showed', { timeout: 5000 });
      expect(countText(el)).to.equal('4,000 case studies');
      expect(loads.map((event) => event.detail.total)).to.deep.equal([4000]);
    });

    it('a large items list replaced while it is being checked never shows', async () => {
      const el = await fixture<CaseStudyFinder>(html`<case-study-finder></case-study-finder>`);
      const loads: number[] = [];
      el.addEventListener('csf-load', (event) => loads.push((event as CsfLoadEvent).detail.total));
      let read = 0;
      // Counts the items of the first list as its check reads them.
      el.items = new Proxy(Array.from({ length: 6000 }, (_, n) => item(n + 1)), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) read++;
          return Reflect.get(target, key, receiver);
        },
      });
      await el.updateComplete;
      while (read === 0) await drain();
      el.items = [item(1), item(2)];
      await waitUntil(() => countText(el) !== '');
      // Each slice of the check starts with a message round trip: had the first check gone
      // on, these would have read more of it. Stopped, it can never finish, so never shows.
      const stoppedAt = read;
      for (let turn = 0; turn < 5; turn++) await drain();
      expect(read, 'items of the first list read after it was replaced').to.equal(stoppedAt);
      expect(countText(el)).to.equal('2 case studies');
      expect(loads).to.deep.equal([2]);
    });

    it('hides the light-DOM fallback once it runs', async () => {
      const el = await mountItems([item(1)]);
      el.innerHTML = '<a href="/all">Browse all case studies</a>';
      await el.updateComplete;
      expect(el.querySelector('a')!.getClientRects().length).to.equal(0);
    });

    it('loads the new feed when src changes and never shows the old one', async () => {
      const first = heldFeed();
      const requests: Array<AbortSignal | null | undefined> = [];
      const { fetch } = window;
      window.fetch = (resource, init) => (requests.push(init?.signal), fetch.call(window, resource, init));
      try {
        const { el } = await mountSrc(first.url);
        const loaded = oneEvent(el, 'csf-load');
        el.src = '/test/fixtures/empty.json';
        await loaded;
        // The first request was aborted, so its response cannot reach the page when it is let
        // go (one that did would be dropped: see feed-controller.test.ts).
        expect(requests[0]?.aborted, 'the first request aborted').to.equal(true);
        await release(first.key);
        await el.updateComplete;
        expect(text(part(el, 'empty'))).to.contain('no case studies');
        expect(parts(el, 'card')).to.have.length(0);
      } finally {
        window.fetch = fetch;
      }
    });
  });

  describe('bad input', () => {
    for (const [name, src] of [
      ['a feed that cannot be found', '/test-api/status/404'],
      ['a server error', '/test-api/status/500'],
      ['a feed that is not JSON', '/test/fixtures/not-json.txt'],
      ['JSON of the wrong shape', '/test/fixtures/wrong-shape.json'],
    ]) {
      it(`shows an error with Retry for ${name}, in plain words, the details in the console`, async () => {
        const { el, event, warnings } = await mountSettled(src!);
        expect(event.type).to.equal('csf-error');
        const { detail } = event as CsfErrorEvent;
        expect(detail.message).to.be.a('string').and.not.equal('');
        expect(text(part(el, 'error'))).to.contain('The case studies are not available at the moment');
        expect(text(part(el, 'error'))).not.to.contain(detail.message);
        expect(warnings).to.deep.equal([`<case-study-finder> ${detail.message}`]);
        expect(part(el, 'retry-button')).to.exist;
      });
    }

    it('Retry loads the feed again and shows it when it succeeds', async () => {
      const { el, event } = await mountSettled(`/test-api/flaky?key=${Math.random()}`);
      expect(event.type).to.equal('csf-error');
      const loaded = oneEvent(el, 'csf-load');
      part(el, 'retry-button')!.click();
      await loaded;
      await el.updateComplete;
      expect(part(el, 'error')).to.equal(null);
      expect(countText(el)).to.equal('48 case studies');
    });

    it('shows the empty state for a feed with no items', async () => {
      const { el, settled } = await mountSrc('/test/fixtures/empty.json');
      expect((await settled).type).to.equal('csf-load');
      await el.updateComplete;
      expect(text(part(el, 'empty'))).to.contain('no case studies');
    });

    it('shows the valid items of a partly broken feed and reports the rest once', async () => {
      const { result, warnings } = await captureWarnings(async () => {
        const { el, settled } = await mountSrc('/test/fixtures/partly-bad.json');
        const event = (await settled) as CsfLoadEvent;
        await el.updateComplete;
        return { el, detail: event.detail };
      });
      const { el, detail } = result;
      expect(detail.total).to.equal(3);
      expect(detail.skipped.map((p) => p.index)).to.deep.equal([1, 2, 4]);
      expect(detail.skipped[0]!.reason).to.contain('is not a web address');
      expect(detail.skipped[1]!.reason).to.equal('title is missing');
      expect(detail.skipped[2]!.reason).to.contain('already used by item 0');
      expect(detail.warnings.map((p) => p.index)).to.deep.equal([3, 5]);
      expect(detail.warnings[0]!.reason).to.contain('date');
      expect(detail.warnings[1]!.reason).to.contain('image');
      expect(titles(el)).to.have.members([
        'Reading groups in village halls',
        'Walking netball for older women',
        'Heritage trail app',
      ]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('3 item(s) skipped');
    });

    it('never lets an unsafe URL reach href or src', async () => {
      const { result: el } = await captureWarnings(() =>
        mountItems([
          item(1, { url: 'javascript:alert(1)' }),
          item(2, {
            image: { src: 'javascript:alert(2)', alt: 'x' },
            collection: { label: 'X', url: 'data:text/html,hi' },
          }),
        ]),
      );
      expect(titles(el)).to.deep.equal(['Case study 2']);
      expect(parts(el, 'card-image')).to.have.length(0);
      expect(parts(el, 'collection-link')).to.have.length(0);
    });

    it('shows HTML in feed text as text', async () => {
      const el = await mountItems([item(1, { title: '<img src=x onerror=alert(1)>Title', summary: '<b>bold</b>' })]);
      expect(titles(el)).to.deep.equal(['<img src=x onerror=alert(1)>Title']);
      expect(text(part(el, 'card-summary'))).to.equal('<b>bold</b>');
      expect(el.shadowRoot!.querySelector('b, [part~="card"] img')).to.equal(null);
    });
  });
});
