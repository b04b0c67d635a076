import { css } from 'lit';

/**
 * The design tokens: each public `--csf-*` property (documented with its default by a
 * `@cssprop` tag on the element, and set by themes/govuk.css) is read once, here, into a
 * private `--_*` token. Every other rule reads only the private tokens, so a theme sets a
 * handful of properties and everything follows.
 */
export const tokens = css`
  :host {
    --_font: var(--csf-font, inherit);
    /* Unset (and so invalid) when the page gives no --csf-font: base.ts then uses its fallback. */
    --_font-given: var(--csf-font);
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
    --_card-padding: var(--csf-card-padding, var(--csf-gap, 1rem));
    --_filters-width: var(--csf-filters-width, minmax(13rem, 17rem));
  }
`;
