import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.js';
import { fill, formatCount, plural, type Lang } from '../i18n/format.js';
import { listValues } from '../lib/facet-list.js';
import type { FacetCounts, FacetValue } from '../lib/facets.js';

/** What the filters need from their element: the groups, its words and the chip handler. */
export interface FiltersData {
  uid: string;
  lang: Lang;
  text: Strings;
  groups: readonly FacetCounts[];
  /** Values chosen in all groups, for the "Filters" button. */
  chosen: number;
  /** Results now, for the "Show 25 results" button of the narrow panel. */
  total: number;
  /** "Filter by {label}" of a facet. */
  label(facet: string): string;
  /** A facet's values in the plural: "organisations". */
  noun(facet: string): string;
  onChip(facet: string, value: string): void;
}

/** The data, with what the controller keeps of how the visitor has set out the filters. */
interface FiltersContext extends FiltersData {
  controller: FiltersController;
}

/**
 * Owns how a visitor has set out the filters, apart from what they chose: which groups are
 * folded or open (the first one, and any with a choice, start open), which show all their
 * values, what is typed in each group's box, and whether the narrow panel is open; and draws
 * them. Focus follows the panel: its "Show N results" button closes it onto the count, Escape
 * onto the "Filters" button that opened it.
 */
export class FiltersController {
  panelOpen = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #open = new Map<string, boolean>();
  #expanded = new Set<string>();
  #narrow = new Map<string, string>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  open(facet: string, index: number, group: FacetCounts): boolean {
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

  togglePanel(): void {
    this.panelOpen = !this.panelOpen;
    this.#host.requestUpdate();
    // The open panel is at most a screen high: bring all of it, and its foot, into view.
    if (this.panelOpen) void this.#host.updateComplete.then(() => this.#find('filters')?.scrollIntoView({ block: 'nearest' }));
  }

  /** Closes the narrow panel, then focuses a part: the count, or the "Filters" button. */
  closePanel(focus: string): void {
    this.panelOpen = false;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#find(focus)?.focus());
  }

  render(data: FiltersData): TemplateResult | typeof nothing {
    return renderFilters({ ...data, controller: this });
  }

  #find(part: string): HTMLElement | null | undefined {
    return this.#host.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`);
  }
}

const chevron = html`<svg class="chevron" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

/** One value of a group: a toggle button whose name says what its number means. */
function renderValue(value: FacetValue, facet: string, context: FiltersContext): TemplateResult {
  return html`<li>
    <button
      type="button"
      part=${value.selected ? 'chip chip-selected' : 'chip'}
      class="chip"
      aria-pressed=${value.selected ? 'true' : 'false'}
      ?disabled=${value.count === 0 && !value.selected}
      @click=${() => context.onChip(facet, value.label)}
    >
      <svg class="tick" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="2.2" />
      </svg>
      <span class="chip-label">${value.label}</span>
      <span class="chip-count" aria-hidden="true">${value.count}</span>
      <span class="visually-hidden">, ${plural(context.lang, context.text.chipCount, value.count)}</span>
    </button>
  </li>`;
}

/**
 * One filter group, as GOV.UK's option select: a button that folds it and says how many of its
 * values are chosen; a box that narrows a long list; its most useful values, and "Show all".
 */
function renderGroup(group: FacetCounts, index: number, context: FiltersContext): TemplateResult {
  const { text, lang, uid } = context;
  const facet = group.key;
  const id = `${uid}-group-${index}`;
  const { controller } = context;
  const open = controller.open(facet, index, group);
  const chosen = group.values.filter((value) => value.selected).length;
  const narrow = controller.narrowing(facet);
  const list = listValues(group.values, { expanded: controller.expanded(facet), narrow });
  const noun = context.noun(facet);
  // A long list scrolls in a box, which needs something in it to take focus (axe, and the
  // keyboard users it speaks for): a list of values that would all give nothing does not.
  const scrolls = list.foldable && list.shown.length > 12 && list.shown.some((value) => value.count > 0 || value.selected);
  return html`<div part="filter-group" class="filter-group" role="group" aria-labelledby="${id}-label">
    <button type="button" part="group-toggle" class="group-toggle" aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? `${id}-body` : nothing} @click=${() => controller.fold(facet, !open)}>
      ${chevron}
      <span class="group-label" id="${id}-label">${context.label(facet)}</span>
      ${chosen ? html`<span class="group-chosen">${plural(lang, text.groupChosen, chosen)}</span>` : nothing}
    </button>
    ${open
      ? html`<div class="group-body" id="${id}-body">
          ${list.narrowable
            ? html`<input type="search" part="filter-search" class="narrow" autocomplete="off" spellcheck="false"
                aria-label=${fill(text.narrowLabel, { noun })} placeholder=${fill(text.narrowLabel, { noun })}
                .value=${narrow} @input=${(event: InputEvent) => controller.narrow(facet, (event.target as HTMLInputElement).value)}
                @keydown=${(event: KeyboardEvent) => {
                  // Escape empties the box first; only an empty box lets it close the panel.
                  if (event.key === 'Escape' && narrow) {
                    event.stopPropagation();
                    controller.narrow(facet, '');
                  }
                }} />`
            : nothing}
          <ul class="chips ${scrolls ? 'long' : ''}">
            ${list.shown.map((value) => renderValue(value, facet, context))}
          </ul>
          ${list.matching === 0
            ? html`<p class="group-note" role="status">${fill(text.narrowNone, { noun, text: narrow.trim() })}</p>`
            : list.undrawn
              ? html`<p class="group-note">${fill(text.narrowMore, { shown: formatCount(list.shown.length), total: formatCount(list.matching) })}</p>`
              : nothing}
          ${list.foldable && !narrow.trim()
            ? html`<button type="button" part="show-all" class="link-button" @click=${() => controller.showAll(facet)}>
                ${controller.expanded(facet) ? fill(text.showFewer, { noun }) : fill(text.showAll, { count: formatCount(group.values.length), noun })}
              </button>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}

/**
 * Every filter group. In a narrow element (below 480 px of its own width: a phone, or a
 * sidebar) they fold behind a "Filters" button. The open panel is at most a screen high: its
 * groups scroll inside it, above a button that says how many results the choices give, so
 * that number is on screen after every tap and nothing covers the values.
 */
function renderFilters(context: FiltersContext): TemplateResult | typeof nothing {
  const groups = context.groups.filter((group) => group.values.length > 0);
  if (groups.length === 0) return nothing;
  const { text, lang, uid, controller } = context;
  const open = controller.panelOpen;
  return html`<div class="filters-wrap">
    <button type="button" part="filters-toggle" class="filters-toggle" aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${uid}-filters" @click=${() => controller.togglePanel()}>
      ${chevron}${context.chosen ? plural(lang, text.filtersToggle, context.chosen) : text.filters}
    </button>
    <div id="${uid}-filters" part="filters" class="filters ${open ? 'open' : ''}"
      @keydown=${(event: KeyboardEvent) => {
        // Escape closes the narrow panel and goes back to the button that opened it.
        if (event.key !== 'Escape' || !controller.panelOpen) return;
        event.preventDefault();
        controller.closePanel('filters-toggle');
      }}>
      <div class="groups">${groups.map((group, index) => renderGroup(group, index, context))}</div>
      <div class="panel-foot">
        <button type="button" part="show-results" class="button" @click=${() => controller.closePanel('count')}>
          ${plural(lang, text.showResults, context.total)}
        </button>
      </div>
    </div>
  </div>`;
}
