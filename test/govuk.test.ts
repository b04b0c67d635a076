import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CaseStudyFinder } from '../src/index.js';
import { countIn, reportOf } from './host-page.js';
import { item, mountItems, setViewport } from './helpers.js';

const YELLOW = 'rgb(255, 221, 0)';
const GREEN = 'rgb(15, 122, 82)';
const SECONDARY = 'rgb(243, 243, 243)';
const SECONDARY_SHADOW = 'rgb(133, 134, 134) 0px 2px 0px 0px';

describe('<case-study-finder> with the GOV.UK Frontend theme, on a page built with govuk-frontend', () => {
  let frame: HTMLIFrameElement | undefined;
  beforeEach(() => setViewport({ width: 1280, height: 900 }));
  afterEach(async () => {
    frame?.remove();
    await setViewport({ width: 800, height: 600 });
  });

  async function open(width = 1280): Promise<{ view: Window; widget: CaseStudyFinder; root: ShadowRoot }> {
    frame = document.createElement('iframe');
    frame.style.cssText = `position: fixed; inset: 0; width: ${width}px; height: 900px; border: 0; z-index: 1`;
    frame.src = '/test/pages/govuk.html';
    document.body.append(frame);
    await new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    const widget = frame.contentDocument!.querySelector('case-study-finder') as CaseStudyFinder;
    await waitUntil(() => countIn(widget) !== '', 'no result count', { timeout: 5000 });
    return { view: frame.contentWindow!, widget, root: widget.shadowRoot! };
  }

  it("speaks GOV.UK's type: GDS Transport at 19 px, in inputs and buttons too", async () => {
    const { view, root } = await open();
    for (const selector of ['[part~="count"]', '[part~="search-input"]', '[part~="chip"]', '[part~="card-summary"]', '[part~="more-button"]']) {
      const style = view.getComputedStyle(root.querySelector(selector)!);
      expect(style.fontFamily, selector).to.match(/^"?GDS Transport"?, arial, sans-serif$/);
    }
    expect(view.getComputedStyle(root.querySelector('[part~="card-summary"]')!).fontSize).to.equal('19px');
    expect(reportOf(frame!)).to.deep.equal({ violations: [], errors: [] });
  });

  it('gives every control the yellow GOV.UK focus, skip link and remove buttons included', async () => {
    const { view, root, widget } = await open();
    const seen = new Set<string>();
    /** Tabs from the search box to the last control, checking each one's focus style. */
    const tabThrough = async () => {
      root.querySelector<HTMLInputElement>('[part~="search-input"]')!.focus();
      for (let step = 0; step < 120; step++) {
        const active = root.activeElement as HTMLElement | null;
        if (!active) break;
        const name = [...active.part][0]!;
        const style = view.getComputedStyle(active);
        // A checkbox has GOV.UK's yellow ring round its box.
        const yellow =
          style.backgroundColor === YELLOW || (style.outlineColor === YELLOW && style.outlineStyle === 'solid') || style.boxShadow.startsWith(`${YELLOW} 0px 0px 0px 3px`);
        expect(yellow, `${name} has no yellow focus (background ${style.backgroundColor}, outline ${style.outlineColor})`).to.equal(true);
        seen.add(name);
        await sendKeys({ press: 'Tab' });
      }
    };
    await tabThrough();
    // Then with a chosen filter, so there are remove buttons and a clear control to reach.
    root.querySelector<HTMLLabelElement>('[part~="chip"]')!.click();
    await widget.updateComplete;
    await tabThrough();
    for (const name of ['search-input', 'skip-link', 'group-toggle', 'checkbox', 'remove-filter', 'clear-button', 'sort', 'card-link', 'more-button']) {
      expect(seen.has(name), `never reached ${name}`).to.equal(true);
    }
  });

  it("has GOV.UK's small checkboxes: a square 24 px box, a black tick on white", async () => {
    const { view, root, widget } = await open();
    const chip = root.querySelector<HTMLLabelElement>('[part~="chip"]')!;
    const box = chip.querySelector('input')!;
    expect(view.getComputedStyle(chip).borderTopLeftRadius).to.equal('0px');
    const style = view.getComputedStyle(box);
    expect([style.width, style.height, style.borderTopWidth, style.borderTopLeftRadius]).to.deep.equal(['24px', '24px', '2px', '0px']);
    chip.click();
    await widget.updateComplete;
    expect(box.checked).to.equal(true);
    expect(view.getComputedStyle(box).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(view.getComputedStyle(chip.querySelector('.tick')!).borderLeftColor).to.equal('rgb(11, 12, 12)');
  });

  it('uses the secondary button for "Show more" and the phone\'s "Filters", the green one for the next step', async () => {
    const { view, root } = await open();
    const more = view.getComputedStyle(root.querySelector('[part~="more-button"]')!);
    expect([more.backgroundColor, more.boxShadow, more.color, more.borderTopLeftRadius]).to.deep.equal([SECONDARY, SECONDARY_SHADOW, 'rgb(11, 12, 12)', '0px']);
    frame!.remove();
    const phone = await open(390);
    const toggle = phone.root.querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
    const filters = phone.view.getComputedStyle(toggle);
    expect([filters.backgroundColor, filters.boxShadow]).to.deep.equal([SECONDARY, SECONDARY_SHADOW]);
    toggle.click();
    await phone.widget.updateComplete;
    expect(phone.view.getComputedStyle(phone.root.querySelector('[part~="show-results"]')!).backgroundColor).to.equal(GREEN);
  });

  it('starts card text at the rule, with no box drawn, and gives the filters one third', async () => {
    const { view, root, widget } = await open();
    const plain = [...root.querySelectorAll('[part~="card"]')].find((card) => !card.querySelector('img'))!;
    const title = plain.querySelector('[part~="card-title"]')!.getBoundingClientRect();
    expect(Math.abs(title.left - plain.getBoundingClientRect().left), 'card text indented').to.be.at.most(1);
    const pictured = [...root.querySelectorAll('[part~="card"]')].find((card) => card.querySelector('img'));
    if (pictured) {
      const gap = pictured.querySelector('[part~="card-title"]')!.getBoundingClientRect().left - pictured.querySelector('img')!.getBoundingClientRect().right;
      expect(gap).to.be.within(19, 21);
    }
    const width = widget.getBoundingClientRect().width;
    const filters = root.querySelector('.filters-wrap')!.getBoundingClientRect().width;
    expect(Math.abs(filters - (width - 60) / 3), `filters ${filters} px of ${width} px`).to.be.at.most(1);
    expect(view.getComputedStyle(plain).borderBottomWidth).to.equal('1px');
  });
});

describe('<case-study-finder> fonts without a theme', () => {
  const fontOf = (el: CaseStudyFinder, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!).fontFamily;

  it("uses a plain sans-serif, not the browser's serif, on a page that sets no font", async () => {
    expect(getComputedStyle(document.body).fontFamily).to.equal(getComputedStyle(document.documentElement).fontFamily);
    const el = await mountItems([item(1)]);
    expect(fontOf(el, '[part~="search-input"]')).to.match(/^Arial/);
    expect(fontOf(el, '[part~="card-title"]')).to.match(/^Arial/);
  });

  /** An element with one item, in a wrapper with the given style. */
  async function within(style: string): Promise<CaseStudyFinder> {
    const el = document.createElement('case-study-finder');
    el.items = [item(1)] as never;
    const host = document.createElement('div');
    host.setAttribute('style', style);
    host.append(el);
    await fixture(html`${host}`);
    await el.updateComplete;
    return el;
  }

  it("inherits the page's font when it sets one", async () => {
    const el = await within('font-family: Verdana, sans-serif');
    expect(fontOf(el, '[part~="search-input"]')).to.equal('Verdana, sans-serif');
  });

  it('uses --csf-font when given, even a serif', async () => {
    const el = await within('--csf-font: Georgia, serif');
    expect(fontOf(el, '[part~="card-title"]')).to.equal('Georgia, serif');
  });

  it('uses --csf-font set after it first drew (a theme whose stylesheet arrives late)', async () => {
    const el = await within('');
    expect(fontOf(el, '[part~="card-title"]')).to.match(/^Arial/);
    el.parentElement!.style.setProperty('--csf-font', 'Georgia, serif');
    expect(fontOf(el, '[part~="card-title"]')).to.equal('Georgia, serif');
  });

  it('on a GOV.UK Frontend page without the theme: GDS Transport inside .govuk-body, a sans-serif outside', async () => {
    // Real govuk-frontend CSS, which sets its font on classes, not on <body>. WebKit once computed
    // the default-font probe to the inherited font, so the widget always took its Arial fallback.
    const frame = document.createElement('iframe');
    frame.style.cssText = 'position: fixed; inset: 0; width: 800px; height: 600px; border: 0; z-index: 1';
    frame.src = '/test/pages/govuk-no-theme.html';
    document.body.append(frame);
    try {
      await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      const view = frame.contentWindow!;
      const [inBody, outside] = ['#in-body', '#outside'].map((id) => frame.contentDocument!.querySelector(id) as CaseStudyFinder);
      await waitUntil(() => countIn(inBody!) !== '' && countIn(outside!) !== '', 'no result count', { timeout: 5000 });
      const familyOf = (widget: CaseStudyFinder, selector: string) => view.getComputedStyle(widget.shadowRoot!.querySelector(selector)!).fontFamily;
      for (const selector of ['[part~="search-input"]', '[part~="card-title"]', '[part~="chip"]']) {
        expect(familyOf(inBody!, selector), selector).to.match(/^"?GDS Transport"?, arial, sans-serif$/);
        expect(familyOf(outside!, selector), selector).to.match(/^Arial/);
      }
      expect(reportOf(frame)).to.deep.equal({ violations: [], errors: [] });
    } finally {
      frame.remove();
    }
  });
});
