import { css } from 'lit';

/** The count, the sort, the chosen filters, and "Show more". */
export const resultsStyles = css`
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

  /* Where the results are narrow (a phone, a GOV.UK column, beside the filters on a laptop) the
     sort goes under the count whatever the count says, so that it never jumps between lines as
     the count changes ("Loading case studies…" with a large feed's first cards, "115 case
     studies", "Your search returned 13 results"). */
  @container results (max-width: 599.98px) {
    .toolbar {
      flex-direction: column;
      align-items: flex-start;
    }
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

  .more {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
  }

  /* Keeps the place of "Show more" while the rest of a feed arrives. */
  .waiting {
    visibility: hidden;
  }

  .showing {
    color: var(--_muted);
  }
`;
