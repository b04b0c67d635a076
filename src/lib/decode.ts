/** How the bytes of a feed were read. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** False when the bytes were not valid in that encoding (bad letters were replaced with �). */
  valid: boolean;
}

/**
 * Reads a feed's bytes as text. Feeds should be UTF-8, but a spreadsheet or Windows editor may
 * save UTF-16 ("Unicode"), which read as UTF-8 gives nonsense: UTF-16 is recognised by its byte
 * order mark, or, without one, by the zero bytes every plain letter has in it. A UTF-8 byte
 * order mark is dropped.
 *
 * @example
 * decodeText(new Uint8Array([0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00])); // { text: '[]', encoding: 'utf-16le', valid: true }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const encoding = encodingOf(bytes);
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, valid: true };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), encoding, valid: false };
  }
}

/**
 * The encoding of text beginning with these bytes (see {@link decodeText}): the first two
 * bytes decide, so a reader of a feed as it arrives can start decoding once it has them.
 */
export function encodingOf(bytes: Uint8Array): DecodedText['encoding'] {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // JSON begins with plain characters: in UTF-16 one of the first two bytes is zero.
  if (bytes.length > 1 && bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes.length > 1 && bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return 'utf-8';
}
