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

  it("leaves the page's own zod setting as it was (zod keeps one for every copy on a page)", async () => {
    frame = await openPage('/test/pages/zod-config.html');
    const [widget] = widgetsIn(frame);
    await waitUntil(() => countIn(widget!) !== '', 'no result count', { timeout: 5000 });
    expect(countIn(widget!)).to.equal('48 case studies');
    const config = (frame.contentWindow as unknown as { __zod_globalConfig: object }).__zod_globalConfig;
    expect(config).to.deep.equal({ jitless: false, localeError: undefined });
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
  });
});
