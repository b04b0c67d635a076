import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.js';
import { fill, formatCount, plural, type Lang } from '../i18n/format.js';
import { listValues } from '../lib/facet-list.js';
import type { FacetCounts, FacetValue } from '../lib/facets.js';
import { heading } from './heading.js';

/**
 * How the visitor has set out the filters (which groups are open, and so on): read and changed
 * by the template, kept by the element (see FiltersPanel).
 */
export interface PanelState {
  readonly panelOpen: boolean;
  isOpen(facet: string, index: number, group: FacetCounts): boolean;
  expanded(facet: string): boolean;
  narrowing(facet: string): string;
  fold(facet: string, open: boolean): void;
  showAll(facet: string): void;
  narrow(facet: string, text: string): void;
}

/** What the filters need from their element: the groups, its words and its handlers. */
export interface FiltersContext {
  uid: string;
  lang: Lang;
  text: Strings;
  /** Level of the group headings: the level of the card titles. */
  headingLevel: number;
  groups: readonly FacetCounts[];
  /** Values chosen in all groups, for the "Filters" button. */
  chosen: number;
  /** Results now, for the "Show 25 results" button of the narrow panel. */
  total: number;
  panel: PanelState;
  /** "Filter by {label}" of a facet. */
  label(facet: string): string;
  /** A facet's values in the plural: "organisations". */
  noun(facet: string): string;
  /** A facet's name before a value: "Organisation". */
  name(facet: string): string;
  onChip(facet: string, value: string): void;
  /** The "Filters" button of the narrow panel. */
  onTogglePanel(): void;
  /** Closes the narrow panel: "Show N results" (to the count) or Escape (to the "Filters" button). */
  onClosePanel(to: 'count' | 'filters-toggle'): void;
}

const chevron = html`<svg class="chevron" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
  <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" />
</svg>`;

export const cross = html`<svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12">
  <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="2" />
</svg>`;

/**
 * One value of a group, as GOV.UK's option-select draws it: a checkbox with its label (the
 * whole row), and a count. Its name says what the number means, given whole rather than
 * gathered from the row, where a screen reader would hear a space before the comma.
 */
function renderValue(value: FacetValue, facet: string, context: FiltersContext): TemplateResult {
  const unusable = value.count === 0 && !value.selected;
  return html`<li>
    <label part=${value.selected ? 'chip chip-selected' : 'chip'} class="chip ${unusable ? 'off' : ''}">
      <input type="checkbox" part="checkbox" class="box" .checked=${value.selected} ?disabled=${unusable}
        aria-label="${value.label}, ${plural(context.lang, context.text.chipCount, value.count)}"
        @change=${() => context.onChip(facet, value.label)} />
      <span part="tick" class="tick"></span>
      <span class="chip-label">${value.label}</span>
      <span class="chip-count" aria-hidden="true">${value.count}</span>
    </label>
  </li>`;
}

/**
 * What a screen reader hears once typing in a group's box pauses: how many of its values are
 * left ("12 organisations"), or that none are.
 */
export function narrowedText(group: FacetCounts, context: FiltersContext): string {
  const { text, lang, panel } = context;
  const facet = group.key;
  const narrow = panel.narrowing(facet);
  const { matching } = listValues(group.values, { expanded: panel.expanded(facet), narrow });
  const noun = context.noun(facet);
  if (!matching) return fill(text.narrowNone, { noun, text: narrow.trim() });
  // "Organisation" before a value, "organisation" after a number; "NHS trust" stays as it is.
  const name = context.name(facet);
  const one = /^.\p{Ll}/u.test(name) ? name.charAt(0).toLocaleLowerCase(lang) + name.slice(1) : name;
  return plural(lang, text.narrowCount, matching, { noun, one });
}

/**
 * One filter group, as GOV.UK's option select: a heading whose button folds the group and says
 * how many of its values are chosen; a box that narrows a long list; its most useful values,
 * and "Show all".
 */
function renderGroup(group: FacetCounts, index: number, context: FiltersContext): TemplateResult {
  const { text, lang, uid } = context;
  const facet = group.key;
  const id = `${uid}-group-${index}`;
  const { panel } = context;
  const open = panel.isOpen(facet, index, group);
  const chosen = group.values.filter((value) => value.selected).length;
  const narrow = panel.narrowing(facet);
  const list = listValues(group.values, { expanded: panel.expanded(facet), narrow });
  const noun = context.noun(facet);
  // A long list scrolls in a box, which needs something in it to take focus (axe, and the
  // keyboard users it speaks for): a list of values that would all give nothing does not.
  const scrolls = list.foldable && list.shown.length > 12 && list.shown.some((value) => value.count > 0 || value.selected);
  return html`<div part="filter-group" class="filter-group" role="group" aria-labelledby="${id}-label">
    ${heading(
      context.headingLevel,
      html`<button type="button" part="group-toggle" class="group-toggle" aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? `${id}-body` : nothing} @click=${() => panel.fold(facet, !open)}>
        ${chevron}
        <span class="group-label" id="${id}-label">${context.label(facet)}</span>
        ${chosen ? html`<span class="group-chosen">${plural(lang, text.groupChosen, chosen)}</span>` : nothing}
      </button>`,
      { class: 'group-heading' },
    )}
    ${open
      ? html`<div class="group-body" id="${id}-body">
          ${list.narrowable
            ? html`<input type="search" part="filter-search" class="narrow" autocomplete="off" spellcheck="false"
                aria-label=${fill(text.narrowLabel, { noun })} placeholder=${fill(text.narrowLabel, { noun })}
                .value=${narrow} @input=${(event: InputEvent) => panel.narrow(facet, (event.target as HTMLInputElement).value)}
                @keydown=${(event: KeyboardEvent) => {
                  // Escape empties the box first; only an empty box lets it close the panel.
                  if (event.key === 'Escape' && narrow) {
                    event.stopPropagation();
                    panel.narrow(facet, '');
                  }
                }} />`
            : nothing}
          <ul class="chips ${scrolls ? 'long' : ''}">
            ${list.shown.map((value) => renderValue(value, facet, context))}
          </ul>
          ${list.matching === 0
            ? html`<p class="group-note">${fill(text.narrowNone, { noun, text: narrow.trim() })}</p>`
            : list.undrawn
              ? html`<p class="group-note">${fill(text.narrowMore, { shown: formatCount(list.shown.length), total: formatCount(list.matching) })}</p>`
              : nothing}
          ${list.foldable && !narrow.trim()
            ? html`<button type="button" part="show-all" class="link-button" @click=${() => panel.showAll(facet)}>
                ${panel.expanded(facet) ? fill(text.showFewer, { noun }) : fill(text.showAll, { count: formatCount(group.values.length), noun })}
              </button>`
            : nothing}
        </div>`
      : nothing}
  </div>`;
}

/**
 * Every filter group. In a narrow element (below 480 px of its own width: a phone, or a
 * sidebar) they fold behind a "Filters" button. The open panel is at most a screen high: its
 * groups scroll inside it, between its heading with a close button and a button that says how
 * many results the choices give, so both are on screen after every tap and nothing covers the
 * values.
 */
export function renderFilters(context: FiltersContext): TemplateResult | typeof nothing {
  const groups = context.groups.filter((group) => group.values.length > 0);
  if (groups.length === 0) return nothing;
  const { text, lang, uid, panel } = context;
  const open = panel.panelOpen;
  return html`<div class="filters-wrap">
    <button type="button" part="filters-toggle" class="filters-toggle" aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${uid}-filters" @click=${context.onTogglePanel}>
      ${chevron}${context.chosen ? plural(lang, text.filtersToggle, context.chosen) : text.filters}
    </button>
    <div id="${uid}-filters" part="filters" class="filters ${open ? 'open' : ''}"
      @keydown=${(event: KeyboardEvent) => {
        // Escape closes the narrow panel and goes back to the button that opened it.
        if (event.key !== 'Escape' || !panel.panelOpen) return;
        event.preventDefault();
        context.onClosePanel('filters-toggle');
      }}>
      <div class="panel-head">
        ${heading(context.headingLevel, text.filters, { class: 'panel-title' })}
        <button type="button" part="panel-close" class="link-button" aria-label=${text.closeFilters}
          @click=${() => context.onClosePanel('filters-toggle')}>
          ${text.close}${cross}
        </button>
      </div>
      <div class="groups">${groups.map((group, index) => renderGroup(group, index, context))}</div>
      <div class="panel-foot">
        <button type="button" part="show-results" class="button" @click=${() => context.onClosePanel('count')}>
          ${plural(lang, text.showResults, context.total)}
        </button>
      </div>
    </div>
  </div>`;
}
