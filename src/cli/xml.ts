/// <reference types="node" />
import { DOMParser } from '@xmldom/xmldom';
import type { FeedError } from '../lib/feed.js';
import { xmlSyntaxError, type XmlDocument, type XmlParser } from '../lib/formats/xml.js';

/**
 * The command line's XML parser, for the same readers as the widget: @xmldom/xmldom, as strict
 * as a browser's. Browsers stop at the first well-formedness error (an undefined entity such as
 * `&nbsp;`, an unquoted attribute), so every error and warning stops it here too, except its
 * note about U+FFFD, which is a character like any other. It expands no entity a document
 * declares ("billion laughs" ends as an undefined entity at once), and loads nothing.
 */
export const xmldomParser: XmlParser = (text) => {
  let failure: FeedError | undefined;
  try {
    return new DOMParser({
      onError(level, message, context: { locator?: { lineNumber?: number; columnNumber?: number } }) {
        if (level === 'warning' && /replacement character/.test(message)) return;
        failure ??= xmlSyntaxError(message.trim(), context?.locator?.lineNumber, context?.locator?.columnNumber);
        throw failure;
      },
    }).parseFromString(text, 'application/xml') as unknown as XmlDocument;
  } catch (error) {
    throw failure ?? xmlSyntaxError((error as Error).message);
  }
};
