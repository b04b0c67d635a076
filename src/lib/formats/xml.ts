import { FeedError } from '../feed.js';
import { resolve } from './item.js';

/**
 * What the XML readers need of a parsed node: text, attributes and the tree. The browser's
 * `DOMParser` documents and `@xmldom/xmldom`'s (the command line's) both have it, so one reader
 * serves both. Readers only read: a parsed node is never put into a document, where an XML
 * feed's elements could become live HTML.
 */
export interface XmlNode {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly textContent: string | null;
  readonly parentNode: XmlNode | null;
  readonly childNodes: ArrayLike<XmlNode>;
  getAttribute?(name: string): string | null;
}

export interface XmlDocument {
  readonly documentElement: XmlNode | null;
}

/** Parses XML text, throwing a {@link FeedError} (see {@link xmlSyntaxError}) when it is not well formed. */
export type XmlParser = (text: string) => XmlDocument;

/**
 * The XML parser of a page: `domXmlParser(new DOMParser())`. Browsers report a syntax error
 * as a `parsererror` element in the document instead of throwing.
 */
export function domXmlParser(parser: { parseFromString(text: string, type: 'application/xml'): unknown }): XmlParser {
  return (text) => {
    const doc = parser.parseFromString(text, 'application/xml') as XmlDocument & { getElementsByTagName(name: string): ArrayLike<XmlNode> };
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) throw xmlSyntaxError(error.textContent ?? '');
    return doc;
  };
}

/**
 * The error for XML that is not well formed, with the parser's own words and the line: each
 * engine words it its own way (Chromium "error on line 3 at column 1: …", Firefox "XML Parsing
 * Error: … Line Number 3, Column 1", xmldom a message and a position).
 */
export function xmlSyntaxError(report: string, line?: number, column?: number): FeedError {
  const where = /line (?:number )?(\d+)(?:,| at) column (\d+)/i.exec(report);
  // Chromium's report runs on into "Below is a rendering of the page up to the first error."
  const what = (/(?:column \d+: |XML Parsing Error: )(.+?)(?=\n|Below is a|$)/i.exec(report)?.[1] ?? report.split('\n')[0]!).trim();
  line ??= Number(where?.[1]) || undefined;
  column ??= Number(where?.[2]) || undefined;
  const place = line ? `line ${line}${column ? `, column ${column}` : ''}: ` : '';
  return new FeedError(`The feed is not well-formed XML (${place}${what.replace(/\.$/, '')}): cut off, or written wrongly.`);
}

/**
 * The root element of an XML feed. A document type with entity declarations is refused before
 * parsing: a feed never needs one, and entities that expand into each other ("billion laughs")
 * could hold the page.
 */
export function xmlRoot(text: string, parse: XmlParser): XmlNode {
  const firstElement = text.search(/<[a-z_]/i);
  if (/<!ENTITY/i.test(firstElement < 0 ? text : text.slice(0, firstElement))) {
    throw new FeedError('The feed declares entities (<!ENTITY>), which are refused for safety.');
  }
  // The encoding the declaration names is ignored: the text is decoded already (see decodeFeed).
  return parse(text).documentElement!;
}

/**
 * Child elements named `name` in `namespace`: by default the parent's own (RSS's `title`, not
 * Media RSS's `media:title`); `*` for any, for the names only one vocabulary uses
 * (`content:encoded`, `dc:date`, `media:thumbnail`), whatever the feed calls its namespace.
 */
export function elements(parent: XmlNode | undefined, name: string, namespace = parent?.namespaceURI): XmlNode[] {
  const found: XmlNode[] = [];
  const children = parent?.childNodes ?? [];
  for (let at = 0; at < children.length; at++) {
    const child = children[at]!;
    if (child.nodeType === 1 && child.localName === name && (namespace === '*' || (child.namespaceURI || '') === (namespace || ''))) found.push(child);
  }
  return found;
}

/** The first child element named `name` (see {@link elements}). */
export const element = (parent: XmlNode | undefined, name: string, namespace?: string | null): XmlNode | undefined =>
  elements(parent, name, namespace === undefined ? parent?.namespaceURI : namespace)[0];

/** An element's text, trimmed; empty when there is no element. */
export const text = (node: XmlNode | undefined): string => node?.textContent?.trim() ?? '';

/** An attribute's value; empty when absent. */
export const attr = (node: XmlNode | undefined, name: string): string => node?.getAttribute?.(name) ?? '';

/**
 * The address relative links in `node` are read against: the feed's own address, changed by
 * each `xml:base` from the root down (each itself read against the one above).
 */
export function baseOf(node: XmlNode, url: string | undefined): string | undefined {
  const bases: string[] = [];
  for (let at: XmlNode | null = node; at?.nodeType === 1; at = at.parentNode) {
    const base = attr(at, 'xml:base');
    if (base) bases.unshift(base);
  }
  return bases.reduce<string | undefined>((base, next) => resolve(next, base), url);
}
