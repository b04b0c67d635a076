import { css } from 'lit';

/** The loading, empty and error states, the loading placeholders, and the compact variant's own parts. */
export const statesStyles = css`
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
`;
