import { css } from 'lit';

/**
 * Rules for the whole widget: the host, resets, focus, hidden text, the layout of search,
 * filters and results, the two kinds of button every part uses, and reduced motion.
 */
export const base = css`
  :host {
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
    /* A theme's font still wins when its stylesheet applies after the widget first draws. */
    font-family: var(--_font-given, Arial, Helvetica, sans-serif);
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
      grid-template-columns: var(--_filters-width) 1fr;
    }
  }

  .main {
    display: grid;
    gap: var(--_gap);
    min-width: 0;
    /* The results' own width decides their toolbar's layout (results.styles.ts). */
    container: results / inline-size;
  }

  /* Nothing to filter (no group has a value): the results take the whole width. */
  .main:only-child {
    grid-column: 1 / -1;
  }

  .main:focus {
    outline: none;
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
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
