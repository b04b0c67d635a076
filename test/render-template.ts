import 'axe-core/axe.min.js';
import { fixture, html } from '@open-wc/testing';
import { adoptStyles, render, type CSSResult } from 'lit';
import { base } from '../src/styles/base.js';
import { tokens } from '../src/styles/tokens.js';

/**
 * For the template unit tests in src/templates/: one template drawn with Lit's `render` into a
 * shadow root styled as the element styles its own (tokens, base rules, then the template's
 * styles), in a host of a given width, so container queries, hidden text and `<slot>` behave
 * as they do in the widget. No element: the template gets plain data and spy callbacks.
 */
export interface Drawn {
  host: HTMLElement;
  root: ShadowRoot;
  /** Draws another template (the same one with new data, as the element would) in place. */
  draw(template: unknown): void;
}

export async function drawTemplate(
  template: unknown,
  styles: readonly CSSResult[] = [],
  { width = 800, light = '' }: { width?: number; light?: string } = {},
): Promise<Drawn> {
  const host = await fixture<HTMLDivElement>(html`<div style="width: ${width}px"></div>`);
  // Light-DOM children are the page's own fallback, shown by a template's <slot>.
  host.innerHTML = light;
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, [tokens, base, ...styles]);
  const draw = (next: unknown) => render(next, root);
  draw(template);
  return { host, root, draw };
}

/** Text as a sighted visitor reads it, spaces collapsed. */
export const text = (node: Node | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const byPart = <T extends Element = HTMLElement>(root: ParentNode, name: string): T | null =>
  root.querySelector<T>(`[part~="${name}"]`);
export const allByPart = <T extends Element = HTMLElement>(root: ParentNode, name: string): T[] => [
  ...root.querySelectorAll<T>(`[part~="${name}"]`),
];

interface Axe {
  setup(node: Element): unknown;
  teardown(): void;
  utils: { getNodeFromTree(node: Element): unknown };
  commons: { text: { accessibleTextVirtual(node: unknown): string }; aria: { getRole(node: Element): string | null } };
  run(context: Element, options: object): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }>;
}
const axe = (): Axe => (window as unknown as { axe: Axe }).axe;

/** The accessible name a screen reader gives `element` (axe's computation, shadow DOM included). */
export function nameOf(element: Element): string {
  const host = (element.getRootNode() as ShadowRoot).host ?? element;
  axe().setup(host);
  try {
    return axe().commons.text.accessibleTextVirtual(axe().utils.getNodeFromTree(element)).replace(/\s+/g, ' ').trim();
  } finally {
    axe().teardown();
  }
}

/** The role a screen reader gives `element`, explicit or implicit. */
export function roleOf(element: Element): string | null {
  const host = (element.getRootNode() as ShadowRoot).host ?? element;
  axe().setup(host);
  try {
    return axe().commons.aria.getRole(element);
  } finally {
    axe().teardown();
  }
}

/** Drawn on screen: it has a box and is not clipped to the 1 px of visually hidden text. */
export function shown(element: Element | null): boolean {
  if (!element || element.getClientRects().length === 0) return false;
  const { width, height } = element.getBoundingClientRect();
  return width > 1 && height > 1 && getComputedStyle(element).visibility !== 'hidden';
}

/** The WCAG 2.2 AA rules, as test/helpers.ts runs them on the whole element. */
export async function expectAccessible(host: Element): Promise<void> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  const { violations } = await axe().run(host, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
  const problems = violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  if (problems.length) throw new Error(`Accessibility violations:\n${problems.join('\n')}`);
}

/** A callback that records its calls. */
export function spy<A extends unknown[] = unknown[]>(): ((...args: A) => void) & { calls: A[] } {
  const calls: A[] = [];
  return Object.assign((...args: A) => void calls.push(args), { calls });
}
