import { feedDate } from './dates.js';
import { HIDDEN, INLINE, firstWords, htmlText, summaryText } from './html.js';
import { readItems, resolve, terms, type ReadItems } from './item.js';
import { xmlImage } from './media.js';
import { attr, baseOf, element, elements, text, type XmlNode } from './xml.js';

/**
 * Reads Atom 1.0. An entry's link is its `alternate` link (an HTML one first), read against
 * `xml:base` and the feed's address; its summary the `summary`, else the first words of the
 * `content`; its date `published`, else `updated`; its topics the `category` labels or terms;
 * its image from Media RSS or an image enclosure link. Text constructs are read by their
 * `type`: `html` is HTML escaped in XML, `xhtml` is XML, `text` is text.
 */
export function readAtom(root: XmlNode, url?: string): ReadItems {
  const read = (entry: XmlNode) => {
    const links = elements(entry, 'link').filter((link) => (attr(link, 'rel') || 'alternate') === 'alternate');
    const link = links.find((candidate) => attr(candidate, 'type').includes('html')) ?? links[0];
    const summary = element(entry, 'summary');
    return {
      id: text(element(entry, 'id')),
      title: textOf(element(entry, 'title')),
      url: link ? resolve(attr(link, 'href'), baseOf(link, url)) : '',
      summary: summary ? textOf(summary, summaryText) : firstWords(textOf(element(entry, 'content'))),
      date: feedDate(text(element(entry, 'published')) || text(element(entry, 'updated'))),
      topics: terms(elements(entry, 'category').map((category) => attr(category, 'label') || attr(category, 'term'))),
      image: xmlImage(entry, url),
    };
  };
  return readItems(elements(root, 'entry'), read, textOf(element(root, 'title')));
}

/** An Atom text construct as plain text, by its `type`. */
function textOf(node: XmlNode | undefined, html = htmlText): string {
  const type = attr(node, 'type');
  if (!node) return '';
  if (type === 'xhtml') return xhtmlText(node).replace(/\s+/g, ' ').trim();
  return type.includes('html') ? html(node.textContent ?? '') : text(node).replace(/\s+/g, ' ');
}

/** The text of XHTML content, blocks parted by spaces, scripts and styles left out. */
function xhtmlText(node: XmlNode): string {
  if (node.nodeType === 3 || node.nodeType === 4) return node.textContent ?? '';
  const name = node.localName ?? '';
  if (node.nodeType !== 1 || HIDDEN.test(name)) return '';
  let inner = '';
  for (let at = 0; at < node.childNodes.length; at++) inner += xhtmlText(node.childNodes[at]!);
  return INLINE.test(name) ? inner : ` ${inner} `;
}
