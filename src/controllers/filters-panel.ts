import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FacetCounts } from '../lib/facets.js';
import { PAUSE_MS } from './change-controller.js';

/**
 * How a visitor has set out the filters, apart from what they chose: which groups are folded
 * or open (the first one, and any with a choice, start open), which show all their values,
 * what is typed in each group's narrowing box, and whether the narrow panel is open. The
 * filters template reads it and calls it; focus and scrolling stay with the element.
 *
 * Typing in a group's box is told once it pauses ({@link PAUSE_MS} without a key, as in the
 * search box), so a screen reader hears how many values are left once, never mid-word.
 */
export class FiltersPanel implements ReactiveController {
  panelOpen = false;
  private readonly host: ReactiveControllerHost;
  private readonly narrowed: (facet: string) => void;
  private readonly open = new Map<string, boolean>();
  private readonly expandedFacets = new Set<string>();
  private readonly narrowText = new Map<string, string>();
  private timer?: ReturnType<typeof setTimeout>;

  /** `narrowed` is called once typing in a group's box pauses, with the group's facet. */
  constructor(host: ReactiveControllerHost, narrowed: (facet: string) => void) {
    this.host = host;
    this.narrowed = narrowed;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  isOpen(facet: string, index: number, group: FacetCounts): boolean {
    return this.open.get(facet) ?? (index === 0 || group.values.some((value) => value.selected));
  }

  expanded(facet: string): boolean {
    return this.expandedFacets.has(facet);
  }

  narrowing(facet: string): string {
    return this.narrowText.get(facet) ?? '';
  }

  fold(facet: string, open: boolean): void {
    this.open.set(facet, open);
    this.host.requestUpdate();
  }

  showAll(facet: string): void {
    if (!this.expandedFacets.delete(facet)) this.expandedFacets.add(facet);
    this.host.requestUpdate();
  }

  narrow(facet: string, text: string): void {
    this.narrowText.set(facet, text);
    this.host.requestUpdate();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.narrowed(facet), PAUSE_MS);
  }

  /** Opens or closes the narrow panel. */
  setPanel(open: boolean): void {
    this.panelOpen = open;
    this.host.requestUpdate();
  }
}
