import { html, nothing, type TemplateResult } from 'lit';
import { renderCard, type CardContext } from './card.js';
import type { Strings } from '../i18n/en.js';
import type { FeedFailure } from '../lib/feed.js';
import type { View } from '../lib/view.js';

/**
 * The loading state, shaped like what replaces it (a filters column, a page of cards), so that
 * nothing on the page moves when the case studies arrive.
 */
export function renderLoading(text: Strings, cards: number): TemplateResult {
  return html`<div class="layout">
    ${renderFiltersBone()}
    <div class="main">
      <div part="loading" class="state loading" tabindex="-1"><span class="spinner" aria-hidden="true"></span>${text.loading}</div>
      <ul class="results" aria-hidden="true">
        ${Array.from({ length: Math.min(cards, 24) }, () => html`<li class="bone card-bone"></li>`)}
      </ul>
    </div>
  </div>`;
}

/** The place of the filters while a feed loads. */
export const renderFiltersBone = (): TemplateResult =>
  html`<div class="filters-wrap" aria-hidden="true"><span class="bone filters-bone"></span></div>`;

/**
 * The error state in plain words for its kind, with Retry, and the page's own fallback (the
 * element's children) beneath, so the visitor can go on. The details are for the console.
 */
export function renderError(kind: FeedFailure, text: Strings, onRetry: () => void): TemplateResult {
  const network = kind === 'network';
  return html`<div part="error" class="state error" role="alert">
      <p class="state-title">${network ? text.errorTitle : text.unavailableTitle}</p>
      <p>${network ? text.errorHint : text.unavailableHint}</p>
      <button type="button" part="retry-button" class="button" @click=${onRetry}>${text.retry}</button>
    </div>
    <div class="fallback"><slot></slot></div>`;
}

/**
 * The compact variant's list: a few titles with their organisation and date, placeholders
 * while loading, the page's own fallback if the feed fails, and a link to all case studies.
 */
export function renderCompact(
  state: 'idle' | 'loading' | 'ready' | 'error',
  view: View | undefined,
  card: CardContext,
  cards: number,
  allHref: string | undefined,
): TemplateResult {
  return html`${state === 'error'
    ? html`<div class="fallback"><slot></slot></div>`
    : state === 'ready' && view
      ? view.cards.length
        ? html`<ul part="results" class="results">${view.cards.map((item) => renderCard(item, card))}</ul>`
        : html`<p part="empty" class="empty">${card.text.emptyFeed}</p>`
      : html`<ul class="results" aria-hidden="true">
          ${Array.from({ length: cards }, () => html`<li class="bone compact-bone"></li>`)}
        </ul>`}
  ${allHref ? html`<a part="all-link" class="all-link" href=${allHref}>${card.text.seeAll}</a>` : nothing}`;
}
