import { feedDate } from './dates.js';
import { firstWords, htmlText, summaryText } from './html.js';
import { readItems, resolve, terms, type ReadItems } from './item.js';
import { xmlImage } from './media.js';
import { attr, baseOf, element, elements, text, type XmlNode } from './xml.js';

/**
 * Reads RSS 2.0 (and 0.9x) and RSS 1.0 (RDF). An item's link is its `link`, else a permalink
 * `guid`, else its `rdf:about`, read against `xml:base` and the feed's address; its summary is
 * the `description` as text, else the first words of `content:encoded`; its date `pubDate` or
 * `dc:date`; its topics the `category` and `dc:subject` names; its image from Media RSS or an
 * image enclosure. The author is a person, never the organisation.
 *
 * @example
 * readRss(xmlRoot(text, parse), 'https://example.gov.uk/feed/').items[0];
 * // { id: '…', title: 'Libraries open late', url: 'https://example.gov.uk/libraries', … }
 */
export function readRss(root: XmlNode, url?: string): ReadItems {
  const channel = element(root, 'channel', '*');
  // RSS 1.0 puts its items beside the channel, in the channel's namespace.
  const entries = root.localName === 'RDF' ? elements(root, 'item', channel?.namespaceURI) : elements(channel, 'item');
  const read = (entry: XmlNode) => {
    const guid = element(entry, 'guid');
    const permalink = attr(guid, 'isPermaLink') === 'false' ? '' : text(guid);
    const description = text(element(entry, 'description'));
    return {
      id: text(guid),
      title: htmlText(text(element(entry, 'title'))),
      url: resolve(text(element(entry, 'link')) || permalink || attr(entry, 'rdf:about'), baseOf(entry, url)),
      summary: description ? summaryText(description) : firstWords(htmlText(text(element(entry, 'encoded', '*')))),
      date: feedDate(text(element(entry, 'pubDate')) || text(element(entry, 'date', '*'))),
      topics: terms([...elements(entry, 'category'), ...elements(entry, 'subject', '*')].map(text)),
      image: xmlImage(entry, url),
    };
  };
  return readItems(entries, read, htmlText(text(element(channel, 'title'))));
}
