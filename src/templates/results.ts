import { html, nothing, type TemplateResult } from 'lit';
import { renderCard, type CardContext } from './card.js';
import { cross } from './filters.js';
import { heading } from './heading.js';
import type { Strings } from '../i18n/en.js';
import { fill, formatCount, plural } from '../i18n/format.js';
import type { SortOrder } from '../lib/order.js';
import type { ChosenFilter, View } from '../lib/view.js';

/** What the results need from their element: its state, its words and its handlers. */
export interface ResultsContext {
  uid: string;
  text: Strings;
  card: CardContext;
  view: View;
  /** A large feed's index is still being built for the query. */
  indexing: boolean;
  /**
   * The feed is still arriving: the cards are its first page (its items come newest first),
   * and the count and "Show more" wait for the rest, their places kept so nothing moves.
   */
  loading?: boolean;
  query: string;
  chosen: readonly ChosenFilter[];
  hasDates: boolean;
  pageSize: number;
  /** The query as searched, when a word of it was found only through a typo. */
  corrected?: string;
  /** With no results: the nearest query that has some. */
  suggestion?: string;
  onRemove(filter: ChosenFilter, event: Event): void;
  /** Clears the search and the filters (the control's words say which are there). */
  onClear(): void;
  onSort(event: Event): void;
  onMore(): void;
  onSuggestion(query: string): void;
}

/** The words of the clear control, saying what there is to clear; undefined when nothing is. */
function clearing({ query, chosen, text }: ResultsContext): string | undefined {
  const searching = query.trim() !== '';
  if (searching && chosen.length) return text.clearAll;
  if (searching) return text.clearSearch;
  return chosen.length ? text.clearFilters : undefined;
}

function renderClear(context: ResultsContext, look: 'link-button' | 'button'): TemplateResult | typeof nothing {
  const words = clearing(context);
  return words ? html`<button type="button" part="clear-button" class=${look} @click=${context.onClear}>${words}</button>` : nothing;
}

/**
 * The chosen filters under a heading for screen readers ("Selected filters", as GOV.UK's
 * finders have), each a button that removes it and names its group, and the clear control,
 * unless the no-results box has it: one clear control on screen, besides the search box's own.
 */
function renderChosen(context: ResultsContext): TemplateResult | typeof nothing {
  const { chosen, text, uid } = context;
  const clear = context.view.results.length ? renderClear(context, 'link-button') : nothing;
  if (!chosen.length && clear === nothing) return nothing;
  return html`<div part="active-filters" class="active-filters">
    ${chosen.length
      ? html`${heading(context.card.headingLevel, html`<span id="${uid}-active">${text.activeFilters}</span>`, { class: 'visually-hidden' })}
          <ul class="active-list" aria-labelledby="${uid}-active">
            ${chosen.map(
              (filter) => html`<li>
                <button type="button" part="remove-filter" class="remove" data-remove
                  aria-label=${fill(text.removeFilter, { value: `${filter.name}: ${filter.label}` })}
                  @click=${(event: Event) => context.onRemove(filter, event)}>
                  <span class="remove-group">${filter.name}:</span> ${filter.label} ${cross}
                </button>
              </li>`,
            )}
          </ul>`
      : nothing}
    ${clear}
  </div>`;
}

function renderSort(context: ResultsContext): TemplateResult {
  const { text, view, uid } = context;
  const options: Array<[SortOrder, string, boolean]> = [
    ['relevance', text.sortRelevance, context.query.trim() !== ''],
    ['newest', text.sortNewest, context.hasDates],
    ['oldest', text.sortOldest, context.hasDates],
    ['title', text.sortTitle, true],
  ];
  return html`<div class="sort">
    <label for="${uid}-sort">${text.sortLabel}</label>
    <select id="${uid}-sort" part="sort" ?disabled=${context.loading} @change=${context.onSort}>
      ${view.sort === 'feed' ? html`<option value="" selected>${text.sortFeed}</option>` : nothing}
      ${options.map(([value, label, offered]) =>
        offered ? html`<option value=${value} ?selected=${value === view.sort}>${label}</option>` : nothing,
      )}
    </select>
  </div>`;
}

/**
 * The count, the sort, the chosen filters, then the cards (with "Showing results for …" when
 * a typo was corrected) or the no-results state (with "Did you mean …?"), and "Show more".
 * Before any search or filter the count says how many case studies there are ("48 case
 * studies"); after, what the search returned.
 */
export function renderResults(context: ResultsContext): TemplateResult {
  const { text, view, card } = context;
  const lang = card.lang;
  const total = view.results.length;
  const remaining = total - view.cards.length;
  const asked = context.query.trim() !== '' || context.chosen.length > 0;
  const count = context.loading ? text.loading : context.indexing ? text.searching : plural(lang, asked ? text.resultCount : text.chipCount, total);
  return html`
    <div class="toolbar">
      <p part="count" class="count" tabindex="-1" id="${context.uid}-count">${count}</p>
      ${total > 1 ? renderSort(context) : nothing}
    </div>
    ${renderChosen(context)}
    ${context.corrected && total > 0
      ? html`<p part="correction" class="correction">${fill(text.corrected, { query: context.corrected })}</p>`
      : nothing}
    ${total === 0
      ? html`<div part="empty" class="state empty">
          <p class="state-title">${text.emptyTitle}</p>
          ${context.suggestion
            ? html`<button type="button" part="suggestion" class="link-button" @click=${() => context.onSuggestion(context.suggestion!)}>
                ${fill(text.suggest, { query: context.suggestion })}
              </button>`
            : nothing}
          <p>${context.chosen.length ? (context.query.trim() ? text.emptyHintBoth : text.emptyHintFilters) : text.emptyHint}</p>
          ${renderClear(context, 'button')}
        </div>`
      : html`<ul part="results" class="results" aria-labelledby="${context.uid}-count">
          ${view.cards.map((item) => renderCard(item, card))}
        </ul>`}
    ${remaining > 0 || context.loading
      ? html`<div class="more ${context.loading ? 'waiting' : ''}">
          <p class="showing">${fill(text.showingOf, { shown: formatCount(view.cards.length), total: context.loading ? '…' : formatCount(total) })}</p>
          <button type="button" part="more-button" class="button" ?disabled=${context.loading} @click=${context.onMore}>
            ${plural(lang, text.showMore, context.loading ? context.pageSize : Math.min(remaining, context.pageSize))}
          </button>
        </div>`
      : nothing}
  `;
}
