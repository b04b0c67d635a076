import { html, type TemplateResult } from 'lit';

/**
 * A real `<hN>` (2 to 6, else 3), so that screen reader users can move between the widget's
 * parts and its results by heading, at the level the element was given or found in the page.
 * A tag name cannot be a binding in a Lit template: one template per level. Without a part,
 * `part` is empty, which names none.
 *
 * @example
 * heading(3, html`<button>…</button>`, { class: 'group-heading' }); // <h3 class="group-heading"><button>…</button></h3>
 */
export function heading(level: number, content: unknown, { class: className, part = '' }: { class: string; part?: string }): TemplateResult {
  switch (level) {
    case 2:
      return html`<h2 part=${part} class=${className}>${content}</h2>`;
    case 4:
      return html`<h4 part=${part} class=${className}>${content}</h4>`;
    case 5:
      return html`<h5 part=${part} class=${className}>${content}</h5>`;
    case 6:
      return html`<h6 part=${part} class=${className}>${content}</h6>`;
    default:
      return html`<h3 part=${part} class=${className}>${content}</h3>`;
  }
}
