import { decodeText } from '../decode.js';
import { WINDOWS_1252_HIGH, windows1252Controls } from './html.js';

/** A feed's text and the encoding it was read in. */
export interface DecodedFeed {
  text: string;
  encoding: string;
  /** False when the bytes were not valid in that encoding (bad letters replaced with �). */
  valid: boolean;
}

/**
 * Reads a feed's bytes as text, in the encoding it says it is in: a byte order mark first (and
 * UTF-16's zero bytes, see decodeText), then the `charset` of its content type, then the
 * `encoding` of its XML declaration (older CMSes write ISO-8859-1 or Windows-1252), else UTF-8.
 *
 * @example
 * decodeFeed(bytes, 'application/rss+xml; charset=ISO-8859-1').text;
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string | null): DecodedFeed {
  const head = String.fromCharCode(...bytes.subarray(0, 256));
  const label = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/.exec(head)?.[1];
  if (!label || /^utf-?8$/i.test(label) || /^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff|.?\0)/.test(head)) return decodeText(bytes);
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    // "ISO-8859-1" is Windows-1252 to browsers, whose decoders have its curly quotes and €; Node
    // 20's leaves them as C1 controls, put right here.
    const text = decoder.decode(bytes);
    return { text: decoder.encoding === 'windows-1252' ? windows1252Controls(text) : text, encoding: decoder.encoding, valid: true };
  } catch {
    return decodeText(bytes);
  }
}

/**
 * Windows-1252 (the command line's CSV files from Excel): Latin-1 but for 0x80–0x9F (€, curly
 * quotes, dashes …), decoded byte by byte because Node 20's TextDecoder('windows-1252') decodes
 * as Latin-1, turning ’ (0x92) into an invisible control character.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}
