import { expect, waitUntil } from '@open-wc/testing';
import { countIn, openPage, reportOf } from './host-page.js';

/**
 * The built files, as a webmaster uses them: plain pages that include only dist/, with no
 * bundler and no test helpers. `npm test` builds dist/ first.
 */
const widgetsIn = (frame: HTMLIFrameElement) => [...frame.contentDocument!.querySelectorAll('case-study-finder')];

describe('dist/ on a plain page', () => {
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('the classic script alone renders the widget from the feed', async () => {
    frame = await openPage('/test/pages/classic.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    expect(countIn(widget!)).to.equal('48 case studies');
    expect(widget!.shadowRoot!.querySelectorAll('[part~="card"]').length).to.equal(12);
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  it('the module and the classic script on one page define the element once, without errors', async () => {
    frame = await openPage('/test/pages/module-twice.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    // The page is Welsh, so the widget is too.
    expect(countIn(widget!)).to.equal('48 astudiaeth achos');
    expect(reportOf(frame).errors).to.deep.equal([]);
  });

  it('the classic script reads an RSS feed with the readers file beside it, loaded only then', async () => {
    frame = await openPage('/test/pages/formats-classic.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    const expected = (await (await fetch('/test/fixtures/feeds/expected/wordpress-rss.json')).json()) as { items: unknown[] };
    expect(countIn(widget!)).to.equal(`${expected.items.length} case studies`);
    const scripts = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(scripts).to.include('/dist/case-study-finder-formats.js');
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  it('a page reading our JSON never loads the readers file', async () => {
    frame = await openPage('/test/pages/classic.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    const loaded = frame.contentWindow!.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded).to.include('/dist/case-study-finder.iife.js').and.not.include('/dist/case-study-finder-formats.js');
  });

  it('the module reads a Drupal JSON:API feed under a strict CSP and Trusted Types, with no violation', async () => {
    frame = await openPage('/test/pages/strict-formats.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    expect(countIn(widget!)).to.equal('3 case studies');
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  it('all three built files are ASCII only, so pages in any encoding read them as written', async () => {
    for (const file of ['/dist/case-study-finder.js', '/dist/case-study-finder.iife.js', '/dist/case-study-finder-formats.js']) {
      const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
      const at = bytes.findIndex((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09));
      const context = at < 0 ? '' : new TextDecoder().decode(bytes.subarray(Math.max(0, at - 40), at + 40));
      expect(at, `${file}: byte ${at} is not ASCII, in ${JSON.stringify(context)}`).to.equal(-1);
    }
  });

  it('the classic script, served without a charset, runs on a page in ISO-8859-1', async () => {
    frame = await openPage('/test/pages/latin1-classic.html');
    expect(frame.contentDocument!.characterSet).to.equal('windows-1252');
    expect(frame.contentDocument!.querySelector('p')!.textContent).to.include('Caf\u00e9');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    expect(countIn(widget!)).to.equal('48 case studies');
    // Text the bundle writes itself (not from the feed) comes through unchanged.
    const widgetText = widget!.shadowRoot!.textContent!;
    expect(widgetText).not.to.match(/\u00e2\u20ac|\u00c3/);
    expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
  });

  describe('a strict host page', () => {
    it('runs under CSP and Trusted Types with no violation, and the host CSS does not reach in', async () => {
      frame = await openPage('/test/pages/strict-csp.html');
      const [widget] = widgetsIn(frame);
      await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
      const root = widget!.shadowRoot!;
      const view = frame.contentWindow!;
      // Search, filter and page: the paths that build templates and touch the URL.
      const input = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
      input.value = 'libary';
      input.dispatchEvent(new Event('input'));
      const chip = [...root.querySelectorAll<HTMLLabelElement>('[part~="chip"]')].find((c) =>
        c.textContent!.includes('Libraries'),
      )!;
      chip.click();
      await waitUntil(() => root.querySelectorAll('mark').length > 0, 'no highlight', { timeout: 5000 });
      expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
      // The policy is really in force: the page itself may not eval or write raw HTML.
      expect(() => (view as unknown as { eval: (code: string) => unknown }).eval('1')).to.throw();
      expect(() => {
        frame!.contentDocument!.body.innerHTML = '<b>raw</b>';
      }).to.throw();

      // The host's `button { display: none }` and `input { visibility: hidden }` stay outside.
      expect(view.getComputedStyle(chip).display).not.to.equal('none');
      expect(view.getComputedStyle(input).visibility).to.equal('visible');
      // And the widget's styles stay inside: the host's own button keeps the host's look.
      expect(view.getComputedStyle(frame.contentDocument!.querySelector('#host-button')!).borderRadius).to.equal('0px');
    });

    // Lit makes a Trusted Types policy named `lit-html` when it loads. A page may have it twice:
    // another Lit library's, or the widget's own script included from two addresses (two
    // templates, a CDN and a local copy). The README's policy says 'allow-duplicates' for that.
    describe('with other Lit code (the lit-html policy made twice)', () => {
      beforeEach(function () {
        if (!('trustedTypes' in window)) this.skip(); // an engine without Trusted Types
      });

      it('works beside another Lit library that made the lit-html policy first', async () => {
        frame = await openPage('/test/pages/strict-other-lit.html');
        const [widget] = widgetsIn(frame);
        await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
        expect(countIn(widget!)).to.equal('48 case studies');
        expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
      });

      it('works when its script is loaded from two addresses, defining the element once', async () => {
        frame = await openPage('/test/pages/strict-twice.html');
        const [widget] = widgetsIn(frame);
        await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
        expect(countIn(widget!)).to.equal('48 case studies');
        expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
      });

      it("without 'allow-duplicates', the second lit-html policy is refused and the widget never appears", async () => {
        frame = await openPage('/test/pages/strict-other-lit.html?csp=strict-without-duplicates');
        await waitUntil(() => reportOf(frame!).errors.length > 0, 'no error reported', { timeout: 5000 });
        expect(reportOf(frame).errors.join('\n')).to.match(/lit-html/);
        expect(frame.contentWindow!.customElements.get('case-study-finder')).to.equal(undefined);
      });
    });
  });
});
