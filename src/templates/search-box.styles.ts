import { css } from 'lit';

/** The search box, its label and hint, and the skip link. */
export const searchBoxStyles = css`
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
`;
