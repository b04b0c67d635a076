const HEADING = /^H([1-6])$/;

/**
 * The level a widget's own headings should have where `element` stands: one below the nearest
 * heading before it in the page (after an `<h1>`, 2; after an `<h2>`, 3), or 2 when there is
 * none, so its headings never skip a level. Headings inside a shadow root count for elements
 * in it; the search goes on in the page around its host.
 *
 * @example
 * // <h1>Case studies</h1> … <case-study-finder>
 * headingLevelAfter(finder); // 2
 */
export function headingLevelAfter(element: Element): number {
  let node: Element = element;
  for (;;) {
    const root = node.getRootNode() as Document | ShadowRoot;
    const walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    walker.currentNode = node;
    for (let found = walker.previousNode(); found; found = walker.previousNode()) {
      const level = levelOf(found as Element);
      if (level) return Math.min(6, level + 1);
    }
    if (!(root instanceof ShadowRoot)) return 2;
    node = root.host;
  }
}

function levelOf(element: Element): number {
  const tag = HEADING.exec(element.tagName);
  if (tag) return Number(tag[1]);
  return element.getAttribute('role') === 'heading' ? Number(element.getAttribute('aria-level')) || 2 : 0;
}

/**
 * The language of the page around `element`: the nearest `lang` attribute among its
 * ancestors, through the shadow roots it sits in, else the document's (null when none says).
 *
 * @example
 * // <main lang="cy"> … <case-study-finder>
 * langAround(finder); // 'cy'
 */
export function langAround(element: Element): string | null {
  let node: Element | null = element.parentElement;
  let root = element.getRootNode();
  for (;;) {
    const found = node?.closest('[lang]');
    if (found) return found.getAttribute('lang');
    if (!(root instanceof ShadowRoot)) return document.documentElement.getAttribute('lang');
    node = root.host;
    root = node.getRootNode();
  }
}
