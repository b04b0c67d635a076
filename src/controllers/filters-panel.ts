import type { ReactiveControllerHost } from 'lit';
import type { FacetCounts } from '../lib/facets.js';

/**
 * How a visitor has set out the filters, apart from what they chose: which groups are folded
 * or open (the first one, and any with a choice, start open), which show all their values,
 * what is typed in each group's narrowing box, and whether the narrow panel is open. The
 * filters template reads it and calls it; focus and scrolling stay with the element.
 */
export class FiltersPanel {
  panelOpen = false;
  readonly #host: ReactiveControllerHost;
  readonly #open = new Map<string, boolean>();
  readonly #expanded = new Set<string>();
  readonly #narrow = new Map<string, string>();

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  isOpen(facet: string, index: number, group: FacetCounts): boolean {
    return this.#open.get(facet) ?? (index === 0 || group.values.some((value) => value.selected));
  }

  expanded(facet: string): boolean {
    return this.#expanded.has(facet);
  }

  narrowing(facet: string): string {
    return this.#narrow.get(facet) ?? '';
  }

  fold(facet: string, open: boolean): void {
    this.#open.set(facet, open);
    this.#host.requestUpdate();
  }

  showAll(facet: string): void {
    if (!this.#expanded.delete(facet)) this.#expanded.add(facet);
    this.#host.requestUpdate();
  }

  narrow(facet: string, text: string): void {
    this.#narrow.set(facet, text);
    this.#host.requestUpdate();
  }

  /** Opens or closes the narrow panel. */
  setPanel(open: boolean): void {
    this.panelOpen = open;
    this.#host.requestUpdate();
  }
}
