import { htmlText } from './html.js';
import { resolve } from './item.js';
import { attr, baseOf, element, elements, text, type XmlNode } from './xml.js';

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i;

/**
 * The image of an RSS item or Atom entry: a Media RSS `media:content` image (in a
 * `media:group` too) with its `media:description` as alt text, else a `media:thumbnail`, else
 * an image enclosure (RSS `enclosure`, Atom `link rel="enclosure"`). Without a description the
 * image is decorative: the card's title says what it is about.
 */
export function xmlImage(entry: XmlNode, url: string | undefined): { src: string; alt: string } | undefined {
  const holders = [entry, ...elements(entry, 'group', '*')];
  const found = (node: XmlNode, src: string, alt = '') => ({ src: resolve(src, baseOf(node, url)), alt: htmlText(alt) });
  for (const holder of holders) {
    for (const content of elements(holder, 'content', '*')) {
      const src = attr(content, 'url');
      const medium = attr(content, 'medium');
      const type = attr(content, 'type');
      if (src && (medium === 'image' || type.startsWith('image/') || (!medium && !type && IMAGE_FILE.test(src)))) {
        return found(content, src, text(element(content, 'description', '*') ?? element(content, 'title', '*')));
      }
    }
  }
  for (const holder of holders) {
    const thumbnail = element(holder, 'thumbnail', '*');
    if (attr(thumbnail, 'url')) return found(thumbnail!, attr(thumbnail, 'url'));
  }
  for (const link of [...elements(entry, 'enclosure'), ...elements(entry, 'link').filter((link) => attr(link, 'rel') === 'enclosure')]) {
    const src = attr(link, 'url') || attr(link, 'href');
    const type = attr(link, 'type');
    if (src && (type.startsWith('image/') || (!type && IMAGE_FILE.test(src)))) return found(link, src, attr(link, 'title'));
  }
  return undefined;
}
