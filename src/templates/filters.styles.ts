import { css } from 'lit';

/** The filter groups, their values, and the narrow panel (below 480 px of the widget's width). */
export const filtersStyles = css`
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

  .group-heading,
  .panel-title {
    margin: 0;
    font: inherit;
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

  /* The row is the checkbox's label: a tap anywhere on it ticks the box. The box is the real
     checkbox, drawn by us; the tick is drawn over it, in a first row as high as the box, which
     the name and count (wrapping) span with the rest. */
  .chip {
    display: grid;
    grid-template-columns: auto 1fr auto;
    grid-template-rows: auto 1fr;
    align-items: start;
    gap: 0.5rem;
    min-height: 2.25rem;
    padding: 0.375rem 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    line-height: 1.35;
    cursor: pointer;
  }

  .chip:hover:not(.off) {
    border-color: var(--_accent);
    background: var(--_subtle);
  }

  .box,
  .tick {
    grid-area: 1 / 1;
  }

  .chip-label,
  .chip-count {
    grid-row: span 2;
  }

  .box {
    appearance: none;
    width: 1.5rem;
    height: 1.5rem;
    margin: -0.0625rem 0 0;
    border: 2px solid currentColor;
    border-radius: min(var(--_radius), 4px);
    background: var(--_surface);
    cursor: inherit;
  }

  .box:checked {
    border-color: var(--_accent);
    background: var(--_accent);
  }

  .tick {
    place-self: center;
    width: 0.75rem;
    height: 0.4rem;
    margin-top: -0.2rem;
    border: solid transparent;
    border-width: 0 0 3px 3px;
    rotate: -45deg;
    color: var(--_accent-text);
    pointer-events: none;
  }

  .box:checked + .tick {
    border-color: currentColor;
  }

  .box:checked ~ .chip-label {
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

  .off {
    color: var(--_muted);
    cursor: not-allowed;
  }

  .box:disabled {
    border-style: dashed;
  }

  .group-note {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .panel-head,
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

    .panel-head {
      display: flex;
      flex: none;
      align-items: center;
      justify-content: space-between;
      gap: var(--_gap);
      padding: 0.5rem 0.5rem 0.5rem var(--_gap);
      border-bottom: 1px solid var(--_border);
    }

    .panel-title {
      font-weight: 700;
      font-size: 1.1875em;
    }

    .panel-head .link-button {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2.75rem;
      padding-inline: 0.5rem;
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

  /* Forced colours: a chosen value keeps its filled, ticked box without colour, an unusable one
     its grey. */
  @media (forced-colors: active) {
    .box:checked {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
    }

    .tick {
      forced-color-adjust: none;
      color: HighlightText;
    }

    .off {
      color: GrayText;
    }
  }
`;
