import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/en.js';
import { fill, formatDate, type Lang } from '../i18n/format.js';
import { excerpt, highlight } from '../lib/text.js';
import type { Card } from '../lib/view.js';
import { heading } from './heading.js';

/** What a card needs from its element besides the item. */
export interface CardContext {
  lang: Lang;
  text: Strings;
  /** Level of the card's heading, 2 to 6. */
  headingLevel: number;
  /** Folded words to mark as matches of the search. */
  matched: ReadonlySet<string>;
  /** The compact variant: the title, organisation and date only. */
  compact?: boolean;
}

/** Text with the words the search matched in `<mark part="highlight">`, never as HTML. */
export function marked(text: string, matched: ReadonlySet<string>): TemplateResult | string {
  if (matched.size === 0) return text;
  return html`${highlight(text, matched).map((segment) =>
    segment.mark ? html`<mark part="highlight">${segment.text}</mark>` : segment.text,
  )}`;
}

/** One case study in the list of results. */
export function renderCard({ item, day }: Card, { lang, text, headingLevel, matched, compact }: CardContext): TemplateResult {
  // Every text is bounded before it is drawn and highlighted: a feed may hold a 5 MB summary,
  // or an item with ten thousand topics.
  const tags = [...item.topics, ...item.supportTypes].slice(0, 12).map((tag) => excerpt(tag, 200));
  const searching = matched.size > 0;
  return html`<li class="card-item">
    <article part="card" class="card ${item.image ? 'has-image' : ''}">
      ${item.image && !compact
        ? html`<img part="card-image" class="card-image" src=${item.image.src} alt=${item.image.alt}
            loading="lazy" decoding="async" width="320" height="180" />`
        : nothing}
      <div class="card-body">
        ${heading(headingLevel, html`<a part="card-link" class="card-link" href=${item.url}>${marked(excerpt(item.title, 300), matched)}</a>`, { class: 'card-title', part: 'card-title' })}
        ${item.organisation || day !== undefined
          ? html`<p part="card-meta" class="card-meta">
              ${item.organisation ? html`<span class="org">${marked(excerpt(item.organisation, 200), matched)}</span>` : nothing}
              ${day !== undefined
                ? html`<span class="date">${text.published} <time datetime=${item.date!}>${formatDate(lang, day)}</time></span>`
                : nothing}
            </p>`
          : nothing}
        ${item.summary && !compact
          ? // While searching, the part of the summary around the match (about two lines); else
            // its beginning (about three lines, clamped by the styles).
            html`<p part="card-summary" class="card-summary ${searching ? 'excerpt' : ''}">${marked(excerpt(item.summary, searching ? 180 : 320, matched), matched)}</p>`
          : nothing}
        ${tags.length && !compact
          ? html`<ul part="card-tags" class="card-tags">
              ${tags.map((tag) => html`<li part="tag" class="tag">${marked(tag, matched)}</li>`)}
            </ul>`
          : nothing}
        ${item.collection && !compact
          ? html`<a part="collection-link" class="collection-link" href=${item.collection.url}
              >${fill(text.viewCollection, { label: item.collection.label })}</a
            >`
          : nothing}
      </div>
    </article>
  </li>`;
}
