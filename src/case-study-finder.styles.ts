import { css } from 'lit';

/**
 * Public `--csf-*` properties are read once on :host into private `--_*` tokens, so a theme
 * sets a handful of properties and every rule below follows.
 */
export const styles = css`
  :host {
    --_font: var(--csf-font, inherit);
    --_text: var(--csf-text, #0b0c0c);
    --_muted: var(--csf-muted, #505a5f);
    --_surface: var(--csf-surface, #ffffff);
    --_subtle: var(--csf-subtle, #f3f2f1);
    --_border: var(--csf-border, #8a9196);
    --_accent: var(--csf-accent, #1d70b8);
    --_accent-text: var(--csf-accent-text, #ffffff);
    --_highlight: var(--csf-highlight, #fff2a8);
    --_focus: var(--csf-focus, #0b0c0c);
    --_radius: var(--csf-radius, 6px);
    --_gap: var(--csf-gap, 1rem);

    /* Important, so a host page's reset (say, * { all: unset }) cannot switch off the layout. */
    display: block !important;
    container: csf / inline-size !important;
    color: var(--_text);
    font-family: var(--_font);
    line-height: 1.5;
    text-align: start;
  }

  :host([hidden]) {
    display: none !important;
  }

  /* The light-DOM children are the no-JavaScript fallback; once this renders they are not slotted. */

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  button,
  input,
  select {
    font: inherit;
    color: inherit;
    letter-spacing: inherit;
  }

  p {
    margin: 0;
  }

  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden,
  .skip:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .root {
    display: grid;
    gap: calc(var(--_gap) * 1.25);
  }

  .root.plain-font {
    /* --csf-font still wins when its stylesheet applies after the widget first draws. */
    font-family: var(--csf-font, Arial, Helvetica, sans-serif);
  }

  /* Search ------------------------------------------------------------------------------ */

  .search {
    display: grid;
    gap: 0.25rem;
  }

  .search-label {
    font-weight: 700;
    font-size: 1.1875em;
  }

  .hint {
    color: var(--_muted);
  }

  .search-box {
    position: relative;
    margin-top: 0.25rem;
  }

  .search-icon {
    position: absolute;
    inset-inline-start: 0.75rem;
    top: 50%;
    translate: 0 -50%;
    color: var(--_muted);
    pointer-events: none;
  }

  input[type='search'] {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem 0.5rem 2.5rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  input[type='search']:focus-visible {
    outline-offset: 0;
    box-shadow: inset 0 0 0 1px var(--_text);
  }

  input:disabled {
    opacity: 0.6;
  }

  .skip {
    justify-self: start;
    padding: 0.25rem 0.5rem;
    color: var(--_accent);
  }

  /* Layout ------------------------------------------------------------------------------ */

  .layout {
    display: grid;
    gap: calc(var(--_gap) * 1.5);
    align-items: start;
  }

  /* Filters beside the results from about the width of a GOV.UK two-thirds column (630 px). */
  @container csf (min-width: 600px) {
    .layout {
      grid-template-columns: minmax(13rem, 17rem) 1fr;
    }
  }

  .main {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
  }

  .main:focus {
    outline: none;
  }

  /* Filters ----------------------------------------------------------------------------- */

  .filters-wrap {
    display: grid;
    gap: 0.5rem;
  }

  .filters-toggle,
  .group-toggle {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.75rem;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
  }

  .filters-toggle {
    display: none;
    justify-self: start;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .filters,
  .groups {
    display: grid;
    gap: 0.75rem;
  }

  .filter-group {
    display: grid;
    gap: 0.5rem;
    padding-top: 0.5rem;
    border-top: 1px solid var(--_border);
  }

  .group-toggle {
    width: 100%;
    padding: 0.25rem 0;
    border: 0;
    background: none;
  }

  .group-chosen {
    margin-inline-start: auto;
    color: var(--_muted);
    font-weight: 400;
    font-size: 0.875em;
    white-space: nowrap;
  }

  .chevron {
    flex: none;
  }

  [aria-expanded='false'] > .chevron {
    rotate: -90deg;
  }

  .group-body {
    display: grid;
    justify-items: start;
    gap: 0.5rem;
  }

  .group-body > * {
    width: 100%;
  }

  .group-body > .link-button {
    width: auto;
  }

  input.narrow {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Values are rows: a box that ticks, the label (wrapping), the count at the end. Several
     columns of them where the widget is wide and the filters are not in a column of their own. */
  .chips {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.25rem 0.75rem;
  }

  /* A long list scrolls inside a box; the padding keeps focus rings clear of its edge. */
  .chips.long {
    max-height: 24rem;
    overflow-y: auto;
    padding: 3px;
    margin: -3px;
  }

  .chip {
    display: grid;
    grid-template-columns: auto 1fr auto;
    align-items: start;
    gap: 0.5rem;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: none;
    line-height: 1.35;
    text-align: start;
    cursor: pointer;
  }

  .chip:hover:not(:disabled) {
    border-color: var(--_accent);
    background: var(--_subtle);
  }

  .tick {
    box-sizing: content-box;
    width: 1rem;
    height: 1rem;
    margin-top: 0.0625rem;
    border: 2px solid currentColor;
    border-radius: min(var(--_radius), 4px);
  }

  .tick path {
    stroke: transparent;
  }

  .chip[aria-pressed='true'] .tick {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }

  .chip[aria-pressed='true'] .tick path {
    stroke: currentColor;
  }

  .chip[aria-pressed='true'] .chip-label {
    font-weight: 700;
  }

  .chip-label {
    overflow-wrap: anywhere;
  }

  .chip-count {
    min-width: 1.75em;
    padding: 0 0.375rem;
    border-radius: var(--_radius);
    background: var(--_subtle);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }

  .chip:disabled {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .chip:disabled .tick {
    border-style: dashed;
  }

  .group-note {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .panel-foot {
    display: none;
  }

  @container csf (max-width: 479.98px) {
    .filters-toggle {
      display: flex;
    }

    .filters:not(.open) {
      display: none;
    }

    .filters {
      display: flex;
      flex-direction: column;
      max-height: calc(100vh - 1rem);
      max-height: calc(100dvh - 1rem);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
    }

    .groups {
      min-height: 0;
      overflow-y: auto;
      padding: var(--_gap);
    }

    .filter-group:first-child {
      padding-top: 0;
      border-top: 0;
    }

    .panel-foot {
      display: block;
      flex: none;
      padding: 0.75rem var(--_gap);
      border-top: 1px solid var(--_border);
    }

    .panel-foot .button {
      width: 100%;
    }
  }

  /* Toolbar, active filters ------------------------------------------------------------- */

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem var(--_gap);
  }

  .count {
    font-weight: 700;
    font-size: 1.1875em;
  }

  .count:focus {
    outline: none;
  }

  .count:focus-visible {
    outline: 3px solid var(--_focus);
  }

  .sort {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }

  select {
    min-height: 2.5rem;
    padding: 0.25rem 0.5rem;
    border: 2px solid var(--_text);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .active-filters {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  .active-list {
    display: contents;
  }

  .remove {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }

  .remove:hover {
    background: var(--_subtle);
  }

  .remove-group {
    font-weight: 400;
    color: var(--_text);
  }

  .link-button {
    min-height: 2rem;
    padding: 0.125rem 0.25rem;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }

  .button {
    justify-self: start;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid transparent;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
    cursor: pointer;
  }

  .button:hover {
    text-decoration: underline;
  }

  /* Cards ------------------------------------------------------------------------------- */

  .results {
    display: grid;
    gap: var(--_gap);
  }

  .card {
    display: grid;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  /* Each card is measured on its own: a picture beside the text only when the card itself is
     wide enough, above it otherwise (a narrow results column, a sidebar). */
  .card-item {
    container: card / inline-size;
  }

  @container card (min-width: 480px) {
    .card.has-image {
      grid-template-columns: 11rem 1fr;
    }
  }

  .card-image {
    display: block;
    width: 100%;
    height: 100%;
    max-height: 12rem;
    object-fit: cover;
    background: var(--_subtle);
  }

  .card-body {
    display: grid;
    gap: 0.5rem;
    padding: var(--_gap);
    min-width: 0;
  }

  .card-title {
    margin: 0;
    font-size: 1.1875em;
    line-height: 1.3;
  }

  .card-link {
    color: var(--_accent);
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
    overflow-wrap: anywhere;
  }

  .card-link:hover {
    text-decoration-thickness: 3px;
  }

  .card-meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .card-summary {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    line-clamp: 3;
    overflow: hidden;
    overflow-wrap: anywhere;
  }

  .card-summary.excerpt {
    -webkit-line-clamp: 2;
    line-clamp: 2;
  }

  .card-tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  .tag {
    padding: 0 0.5rem;
    border-radius: var(--_radius);
    background: var(--_subtle);
    font-size: 0.875em;
  }

  .collection-link {
    justify-self: start;
    color: var(--_accent);
    font-weight: 700;
  }

  mark {
    background: var(--_highlight);
    color: inherit;
    border-radius: 2px;
    box-shadow: 0 0 0 1px var(--_highlight);
  }

  .more {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  .showing {
    color: var(--_muted);
  }

  /* States ------------------------------------------------------------------------------ */

  .state {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: calc(var(--_gap) * 1.25);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .state:focus {
    outline: none;
  }

  .state-title {
    font-weight: 700;
    font-size: 1.1875em;
  }

  .error {
    border-inline-start: 6px solid #d4351c;
  }

  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  /* The compact variant: a short list of titles for a sidebar. */
  .compact .results {
    gap: 0;
  }

  .compact .card {
    border-width: 0 0 1px;
    border-radius: 0;
    background: none;
  }

  .compact .card-body {
    gap: 0.25rem;
    padding: 0.75rem 0;
  }

  .compact .card-title {
    font-size: 1em;
  }

  .compact-bone {
    min-height: 4.5rem;
    margin-bottom: 0.5rem;
  }

  .all-link {
    justify-self: start;
    color: var(--_accent);
    font-weight: 700;
  }

  /* Placeholders while loading: a card is about this tall with a title, a line of details,
     three lines of summary and its tags. */
  .bone {
    display: block;
    border-radius: var(--_radius);
    background: var(--_subtle);
  }

  .filters-bone {
    height: 2.75rem;
  }

  .card-bone {
    min-height: 13rem;
  }

  .spinner {
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid var(--_subtle);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: spin 900ms linear infinite;
  }

  @keyframes spin {
    to {
      rotate: 360deg;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }

  /* Windows High Contrast and other forced colours: keep state visible without colour. */
  @media (forced-colors: active) {
    .chip[aria-pressed='true'] .tick {
      border-color: Highlight;
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }

    .chip:disabled {
      color: GrayText;
    }

    mark {
      background: Mark;
      color: MarkText;
      forced-color-adjust: none;
    }

    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
