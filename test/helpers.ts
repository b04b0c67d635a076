import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import '../src/index.js';

export const SAMPLE = '/data/case-studies.json';

// Widgets keep the visitor's search in the history entry's state, and a widget put where one
// was before takes it back, as after Back on a real page: every test starts from a clean entry.
beforeEach(() => history.replaceState(null, '', location.href));

/** Shadow-DOM query helpers, by part and text, as a visitor would find things. */
export const $ = <T extends Element = HTMLElement>(el: CaseStudyFinder, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: CaseStudyFinder, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
export const part = <T extends Element = HTMLElement>(el: CaseStudyFinder, name: string): T | null =>
  $<T>(el, `[part~="${name}"]`);
export const parts = <T extends Element = HTMLElement>(el: CaseStudyFinder, name: string): T[] =>
  $$<T>(el, `[part~="${name}"]`);
export const text = (node: Element | null | undefined): string =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const input = (el: CaseStudyFinder) => part<HTMLInputElement>(el, 'search-input')!;
export const titles = (el: CaseStudyFinder) => parts(el, 'card-link').map(text);
export const countText = (el: CaseStudyFinder) => text(part(el, 'count'));

/** One facet group, found by its visible label ("Filter by topics"). */
export function groupOf(el: CaseStudyFinder, groupLabel: string): HTMLElement {
  const group = parts(el, 'filter-group').find((g) => text(g.querySelector('.group-label')) === groupLabel);
  if (!group) throw new Error(`no filter group "${groupLabel}"`);
  return group;
}

/** The values a group shows, each its checkbox's label (none while folded: see {@link openGroup}). */
export function chipsOf(el: CaseStudyFinder, groupLabel: string): HTMLLabelElement[] {
  return [...groupOf(el, groupLabel).querySelectorAll<HTMLLabelElement>('[part~="chip"]')];
}

/** The checkbox of a value. */
export const checkboxOf = (value: Element): HTMLInputElement => value.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

/**
 * Opens a group as a visitor would, with its button, if it is folded; with `all`, also
 * presses "Show all" when the group offers it.
 */
export async function openGroup(el: CaseStudyFinder, groupLabel: string, all = false): Promise<HTMLElement> {
  const toggle = groupOf(el, groupLabel).querySelector<HTMLButtonElement>('[part~="group-toggle"]')!;
  if (toggle.getAttribute('aria-expanded') === 'false') await click(el, toggle);
  const showAll = groupOf(el, groupLabel).querySelector<HTMLButtonElement>('[part~="show-all"]');
  if (all && showAll && /^Show all/.test(text(showAll))) await click(el, showAll);
  return groupOf(el, groupLabel);
}

/** The value whose label is `label` (its text before the count). */
export function chip(el: CaseStudyFinder, groupLabel: string, label: string): HTMLLabelElement {
  const found = chipsOf(el, groupLabel).find((c) => text(c.querySelector('.chip-label')) === label);
  if (!found) throw new Error(`no chip "${label}" in "${groupLabel}"`);
  return found;
}

export const chipCount = (value: Element): number => Number(text(value.querySelector('.chip-count')));

/** Mounts the element on the sample feed (or another `src`) and waits for it to load. */
export async function mountSample(attrs = '', src = SAMPLE): Promise<CaseStudyFinder> {
  const container = document.createElement('div');
  container.innerHTML = `<case-study-finder src="${src}" ${attrs}></case-study-finder>`;
  const el = container.firstElementChild as CaseStudyFinder;
  const loaded = oneEvent(el, 'csf-load');
  await fixture(html`${container}`);
  await loaded;
  await el.updateComplete;
  return el;
}

/** Mounts the element with items given as a property. */
export async function mountItems(items: unknown[], attrs: Record<string, string> = {}): Promise<CaseStudyFinder> {
  const el = document.createElement('case-study-finder');
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.items = items as never;
  await fixture(html`<div>${el}</div>`);
  await el.updateComplete;
  return el;
}

/** Sets the query as typing would (an input event), and waits for the render. */
export async function search(el: CaseStudyFinder, query: string): Promise<void> {
  const box = input(el);
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: CaseStudyFinder, button: HTMLElement): Promise<void> {
  button.click();
  await el.updateComplete;
}

export { waitUntil };
export { setViewport, WEBKIT_MIN_WIDTH } from './viewport.js';


let holds = 0;
// Taken before any test wraps fetch to count the widget's requests, so releasing is not counted.
const serverFetch = window.fetch.bind(window);

/**
 * A feed address whose answer the test server holds until {@link release} is called, so a
 * test can decide when (or whether) a response arrives instead of waiting a guessed time.
 */
export function heldFeed(feed = 'data/case-studies.json'): { url: string; key: string } {
  const key = `${Date.now()}-${++holds}`;
  return { url: `/test-api/hold?key=${key}&feed=${encodeURIComponent(feed)}`, key };
}

/**
 * Lets a held feed go and says how its request ended: `aborted` (the browser closed the
 * connection), `served` (the answer was sent: a browser that gave up on the request drops it),
 * or `never asked for`. Either way, once this resolves the answer can no longer be on its way
 * from the server; give the page a task or two to have received it.
 */
export async function release(key: string): Promise<string> {
  return (await serverFetch(`/test-api/release?key=${key}`)).text();
}

/** A minimal valid item. */
export const item = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `item-${n}`,
  title: `Case study ${n}`,
  url: `/case-studies/${n}`,
  ...extra,
});

/**
 * Mounts the element on a feed URL; `settled` resolves with the first csf-load or csf-error,
 * listened for before the element connects so that a fast answer is never missed.
 */
export async function mountSrc(src: string): Promise<{ el: CaseStudyFinder; settled: Promise<Event> }> {
  const el = document.createElement('case-study-finder');
  el.src = src;
  const settled = Promise.race([oneEvent(el, 'csf-load'), oneEvent(el, 'csf-error')]);
  await fixture(html`<div>${el}</div>`);
  return { el, settled };
}

/**
 * {@link mountSrc} for a feed expected to fail or warn: waits for csf-load or csf-error and the
 * render after it, with the console warnings kept for the test to check, not printed.
 */
export async function mountSettled(src: string): Promise<{ el: CaseStudyFinder; event: Event; warnings: string[] }> {
  const { result, warnings } = await captureWarnings(async () => {
    const { el, settled } = await mountSrc(src);
    const event = await settled;
    await el.updateComplete;
    return { el, event };
  });
  return { ...result, warnings };
}

/** Runs `body` with console.warn captured, so expected warnings are checked, not printed. */
export async function captureWarnings<T>(body: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const original = console.warn;
  const warnings: string[] = [];
  console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  try {
    return { result: await body(), warnings };
  } finally {
    console.warn = original;
  }
}

interface AxeResults {
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown; failureSummary?: string }> }>;
}
declare global {
  interface Window {
    axe?: { run(context: Element, options: object): Promise<AxeResults> };
  }
}

/** The axe rule tags a UK public-sector body is held to (WCAG 2.2 AA), plus best practice. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe on the element (shadow DOM included) with the WCAG 2.2 AA rules, and fails with
 * every violation spelled out.
 */
export async function expectAccessible(el: Element): Promise<void> {
  if (!window.axe) throw new Error("import 'axe-core/axe.min.js' in the test file first");
  const results = await window.axe!.run(el, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  if (problems.length) throw new Error(`Accessibility violations:\n${problems.join('\n')}`);
}

/** Asserts where focus is inside the widget; reports markup, never the live element. */
export function expectFocus(el: CaseStudyFinder, expected: Element | null | undefined): void {
  const now = el.shadowRoot!.activeElement;
  if (now !== expected) {
    throw new Error(`expected focus on ${expected?.outerHTML.slice(0, 80) ?? 'nothing'}, but it is on ${now?.outerHTML.slice(0, 80) ?? 'nothing in the widget'}`);
  }
}
