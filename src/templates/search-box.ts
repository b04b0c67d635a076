import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.js';

/** What the search box needs from its element. */
export interface SearchBoxData {
  uid: string;
  text: Strings;
  query: string;
  /** A feed is shown: the box can be used and points at the results. */
  ready: boolean;
  /** There are results to skip to. */
  results: boolean;
  onInput(event: InputEvent): void;
  onKeydown(event: KeyboardEvent): void;
  onSkip(event: Event): void;
}

/**
 * The search: a visible label and hint, the box (disabled until a feed is shown, so nothing
 * typed is lost), and "Skip to results", shown when it has focus, for keyboard users who would
 * otherwise tab through every filter.
 */
export function renderSearchBox({ uid, text, query, ready, results, onInput, onKeydown, onSkip }: SearchBoxData): TemplateResult {
  return html`<div part="search" class="search" role="search" aria-label=${text.searchRegion}>
    <label class="search-label" for="${uid}-q">${text.searchLabel}</label>
    <p class="hint" id="${uid}-hint">${text.searchHint}</p>
    <div class="search-box">
      <svg class="search-icon" aria-hidden="true" viewBox="0 0 20 20" width="20" height="20">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" />
      </svg>
      <input
        id="${uid}-q"
        part="search-input"
        type="search"
        autocomplete="off"
        spellcheck="false"
        enterkeyhint="search"
        aria-describedby="${uid}-hint"
        aria-controls=${ready ? `${uid}-results` : nothing}
        .value=${query}
        ?disabled=${!ready}
        @input=${onInput}
        @keydown=${onKeydown}
      />
    </div>
    ${results ? html`<a part="skip-link" class="skip" href="#${uid}-results" @click=${onSkip}>${text.skipToResults}</a>` : nothing}
  </div>`;
}
