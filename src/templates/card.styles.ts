import { css } from 'lit';

/** One case study, its picture, text and tags, and its shorter form in the compact variant. */
export const cardStyles = css`
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

    /* Beside a picture, the text keeps its distance from it even where a theme draws no box. */
    .card-image + .card-body {
      padding-inline-start: var(--_gap);
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
    padding: var(--_card-padding);
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

  /* Forced colours: matched text keeps the system's own highlight. */
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
      forced-color-adjust: none;
    }
  }
`;
