import 'axe-core/axe.min.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { CaseStudyFinder } from '../src/index.js';
import {
  chip,
  click,
  countText,
  expectAccessible,
  expectFocus,
  input,
  mountSample,
  mountSettled,
  mountSrc,
  part,
  parts,
  search,
  SAMPLE,
  openGroup,
  setViewport,
  text,
  WEBKIT_MIN_WIDTH,
} from './helpers.js';

const active = (el: CaseStudyFinder) => el.shadowRoot!.activeElement as HTMLElement | null;

async function tab(times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await sendKeys({ press: 'Tab' });
}

describe('<case-study-finder> accessibility', () => {
  describe('axe (WCAG 2.2 AA) in every state', () => {
    it('loading', async () => {
      const { el, settled } = await mountSrc('/test-api/slow?ms=1500');
      expect(part(el, 'loading')).to.exist;
      await expectAccessible(el);
      await settled;
    });

    it('results', async () => {
      await expectAccessible(await mountSample());
    });

    it('searching, with highlights', async () => {
      const el = await mountSample();
      await search(el, 'libary');
      expect(parts(el, 'highlight').length).to.be.greaterThan(0);
      await expectAccessible(el);
    });

    it('filters chosen', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await openGroup(el, 'Filter by support type');
      await click(el, chip(el, 'Filter by support type', 'Volunteering'));
      await expectAccessible(el);
    });

    it('filters folded and open in a narrow container', async () => {
      const el = await mountSample('style="width: 320px"');
      const toggle = part<HTMLButtonElement>(el, 'filters-toggle')!;
      expect(getComputedStyle(toggle).display).not.to.equal('none');
      expect(getComputedStyle(part(el, 'filters')!).display).to.equal('none');
      await expectAccessible(el);
      await click(el, toggle);
      expect(getComputedStyle(part(el, 'filters')!).display).not.to.equal('none');
      await expectAccessible(el);
    });

    it('empty', async () => {
      const el = await mountSample();
      await search(el, 'qqqzzzxx');
      expect(part(el, 'empty')).to.exist;
      await expectAccessible(el);
    });

    it('error', async () => {
      const { el } = await mountSettled('/test-api/status/500');
      expect(part(el, 'error')).to.exist;
      await expectAccessible(el);
    });

    it('Welsh', async () => {
      const el = await mountSample('lang="cy"');
      await click(el, chip(el, 'Hidlo yn ôl pynciau', 'Libraries'));
      await expectAccessible(el);
    });
  });

  describe('screen readers', () => {
    it('has a live region from the first render whose text only changes', async () => {
      const { el, settled } = await mountSrc(SAMPLE);
      const status = el.shadowRoot!.querySelector('[role="status"]');
      expect(status).to.exist;
      await settled;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(status);
    });

    it('announces the count and chosen filters, never the list', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await oneEvent(el, 'csf-change');
      await el.updateComplete;
      expect(text(el.shadowRoot!.querySelector('[role="status"]'))).to.equal('12 results, filtered by Libraries');
    });

    it('labels the search box visibly and points it at the results', async () => {
      const el = await mountSample();
      const box = input(el);
      const label = el.shadowRoot!.querySelector(`label[for="${box.id}"]`)!;
      expect(text(label)).to.equal('Search case studies');
      expect(label.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.shadowRoot!.getElementById(box.getAttribute('aria-controls')!)).to.exist;
    });

    it('uses the heading level it is given', async () => {
      const el = await mountSample('heading-level="4"');
      expect(parts(el, 'card-title').every((h) => h.tagName === 'H4')).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('reaches the search box, skip link, filter groups and their chips, sort, cards and Show more in order, then leaves', async () => {
      const el = await mountSample();
      // A value's checkbox is named after the value it ticks.
      const name = (node: Element) => {
        const value = node.closest('[part~="chip"]');
        return `${value ? 'chip' : [...(node as HTMLElement).part][0]}: ${text((value ?? node).querySelector('.chip-label, .group-label') ?? node)}`.slice(0, 60);
      };
      const stops = (group: Element | null) => [...(group?.querySelectorAll<HTMLElement>('button, input') ?? [])].filter((b) => !(b as HTMLButtonElement).disabled);
      const [topics, support] = parts(el, 'filter-group');
      const expected = [
        part(el, 'search-input')!,
        part(el, 'skip-link')!,
        ...stops(topics!),
        // Folded: its button only.
        ...stops(support!),
        part(el, 'sort')!,
        ...parts(el, 'card').flatMap((card) => [...card.querySelectorAll('a')]),
        part(el, 'more-button')!,
      ].map(name);
      expect(expected.slice(2, 4)).to.deep.equal(['group-toggle: Filter by topics', 'chip: Arts and culture']);
      expect(expected.filter((stop) => stop.startsWith('chip')).length).to.be.greaterThan(10);
      expect(stops(support!).map(name)).to.deep.equal(['group-toggle: Filter by support type']);
      // Something to tab to after the widget, as on any page (tabbing off the end of a page
      // would take focus into the browser's own controls).
      const after = document.createElement('button');
      after.textContent = 'After the widget';
      el.after(after);
      input(el).focus();
      const reached = [name(active(el)!)];
      for (let step = 0; step < 200 && document.activeElement === el; step++) {
        await tab();
        const now = active(el);
        if (now) reached.push(name(now));
      }
      expect(reached).to.deep.equal(expected);
      expect(document.activeElement).to.equal(after);
      after.remove();
    });

    it('Skip to results moves focus past the chips to the result count', async () => {
      const el = await mountSample();
      input(el).focus();
      await tab();
      await sendKeys({ press: 'Enter' });
      expectFocus(el, part(el, 'count'));
      await tab();
      expectFocus(el, part(el, 'sort'));
    });

    it('ticks and unticks a value with Space', async () => {
      const el = await mountSample();
      const libraries = chip(el, 'Filter by topics', 'Libraries').querySelector('input')!;
      libraries.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(libraries.checked).to.equal(true);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(libraries.checked).to.equal(false);
    });

    it('opens the folded filters with the keyboard', async () => {
      const el = await mountSample('style="width: 320px"');
      const toggle = part<HTMLButtonElement>(el, 'filters-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await click(el, chip(el, 'Filter by topics', 'Early years'));
      expect(text(toggle)).to.equal('Filters (2 selected)');
    });

    it('shows a visible focus ring of at least 2px', async () => {
      const el = await mountSample();
      input(el).focus();
      await tab(2);
      const style = getComputedStyle(active(el)!);
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('focus is never lost', () => {
    it('removing the last chosen filter moves focus to the count', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      const remove = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-remove]')!;
      remove.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(el, part(el, 'count'));
    });

    it('removing one of several moves focus to the next remove button', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await click(el, chip(el, 'Filter by topics', 'Early years'));
      el.shadowRoot!.querySelector<HTMLButtonElement>('[data-remove]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(active(el)!.getAttribute('aria-label')).to.equal('Remove filter Topic: Early years');
    });

    it('Clear all filters in the empty state moves focus to the search box', async () => {
      const el = await mountSample();
      await search(el, 'qqqzzzxx');
      part(el, 'empty')!.querySelector<HTMLButtonElement>('[part~="clear-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(el, input(el));
    });

    it('Retry keeps focus inside the widget, on the loading message then the count', async () => {
      const { el } = await mountSettled(`/test-api/flaky?key=${Math.random()}&ms=400`);
      const loaded = oneEvent(el, 'csf-load');
      part(el, 'retry-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expectFocus(el, part(el, 'loading'));
      await loaded;
      await el.updateComplete;
      expectFocus(el, part(el, 'count'));
      expect(countText(el)).to.equal('48 case studies');
    });
  });

  describe('visual', () => {
    /** Emulates media features; false where the browser's driver cannot (Firefox over BiDi, WebKit over WebDriver). */
    async function emulate(features: Array<{ name: string; value: string }>): Promise<boolean> {
      try {
        return Boolean(await executeServerCommand('media-features', features));
      } catch {
        return false;
      }
    }

    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
      await emulate([
        { name: 'forced-colors', value: 'none' },
        { name: 'prefers-reduced-motion', value: 'no-preference' },
      ]);
    });

    it('keeps chosen chips, highlights and focus visible in forced colours', async function () {
      // Reduced motion too, so the chip's colour transition does not hide the end state.
      const features = [
        { name: 'forced-colors', value: 'active' },
        { name: 'prefers-reduced-motion', value: 'reduce' },
      ];
      if (!(await emulate(features))) this.skip();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const el = await mountSample();
      await search(el, 'libr');
      const chosen = chip(el, 'Filter by topics', 'Libraries');
      await click(el, chosen);
      // Selected state survives without author colours: the box is filled with the system's
      // highlight colour and ticked, so it never rests on colour alone.
      const plain = chip(el, 'Filter by topics', 'Early years');
      const box = getComputedStyle(chosen.querySelector('input')!);
      const plainBox = getComputedStyle(plain.querySelector('input')!);
      expect(box.forcedColorAdjust).to.equal('none');
      expect(box.backgroundColor).not.to.equal(plainBox.backgroundColor);
      const tick = getComputedStyle(chosen.querySelector('.tick')!);
      expect(tick.borderLeftColor).not.to.equal(box.backgroundColor);
      expect(tick.borderLeftColor).not.to.equal(getComputedStyle(plain.querySelector('.tick')!).borderLeftColor);
      expect(getComputedStyle(part(el, 'highlight')!).forcedColorAdjust).to.equal('none');
      chosen.querySelector('input')!.focus();
      await sendKeys({ press: 'Shift' });
      expect(getComputedStyle(chosen.querySelector('input')!).outlineStyle).to.equal('solid');
    });

    it('stops the loading animation when reduced motion is asked for', async function () {
      if (!(await emulate([{ name: 'prefers-reduced-motion', value: 'reduce' }]))) this.skip();
      const { el, settled } = await mountSrc('/test-api/slow?ms=400');
      const spinner = part(el, 'loading')!.querySelector('.spinner')!;
      expect(getComputedStyle(spinner).animationName).to.equal('none');
      await settled;
    });

    it('animates the loading spinner otherwise', async () => {
      const { el, settled } = await mountSrc('/test-api/slow?ms=400');
      const spinner = part(el, 'loading')!.querySelector('.spinner')!;
      expect(getComputedStyle(spinner).animationName).to.equal('spin');
      await settled;
    });

    it('fits 320px without horizontal scrolling', async function () {
      const reached = await setViewport({ width: 320, height: 640 });
      // WebKitGTK's MiniBrowser window cannot be narrower than 447 px, so WebKit cannot be
      // measured at 320 px here; the reflow rule is the same CSS in every engine.
      if (reached.width > 320) {
        expect(reached.width, 'only the MiniBrowser minimum may stop a 320 px viewport').to.be.at.most(WEBKIT_MIN_WIDTH);
        this.skip();
      }
      const el = await fixture<CaseStudyFinder>(html`<case-study-finder src=${SAMPLE}></case-study-finder>`);
      await oneEvent(el, 'csf-load');
      await el.updateComplete;
      await search(el, 'intergenerational');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
    });

    it('keeps screen-reader-only text off the screen, and the skip link until it has focus', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      await oneEvent(el, 'csf-change');
      await el.updateComplete;
      const hidden = [...el.shadowRoot!.querySelectorAll<HTMLElement>('.visually-hidden, [role="status"], .skip')];
      // The live region, the skip link and the "Selected filters" heading.
      expect(hidden.length).to.be.at.least(3);
      for (const node of hidden) {
        const box = node.getBoundingClientRect();
        expect(box.width <= 1 && box.height <= 1).to.equal(true, `${node.className} is ${box.width}×${box.height}`);
      }
      const skip = el.shadowRoot!.querySelector<HTMLElement>('.skip')!;
      skip.focus();
      expect(skip.getBoundingClientRect().width).to.be.greaterThan(24);
    });

    it('gives every control a target of at least 24px', async () => {
      const el = await mountSample();
      await click(el, chip(el, 'Filter by topics', 'Libraries'));
      const controls = [...el.shadowRoot!.querySelectorAll<HTMLElement>('button, input, select')].filter(
        (c) => c.getClientRects().length > 0,
      );
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        expect(Math.min(box.width, box.height)).to.be.at.least(24, control.outerHTML.slice(0, 80));
      }
    });
  });
});
