import { expect } from '@open-wc/testing';
import { decodeText } from './decode.js';

const utf16 = (text: string, littleEndian: boolean, bom: boolean): Uint8Array => {
  const bytes: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const unit of Array.from(text, (c) => c.charCodeAt(0))) bytes.push(...(littleEndian ? [unit & 255, unit >> 8] : [unit >> 8, unit & 255]));
  return Uint8Array.from(bytes);
};
const FEED = '[{"title":"Ynys Môn – £5","url":"/a"}]';

describe('decodeText', () => {
  const cases: Array<[string, Uint8Array, string, string, boolean]> = [
    ['UTF-8', new TextEncoder().encode(FEED), FEED, 'utf-8', true],
    ['UTF-8 with a byte order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(FEED)]), FEED, 'utf-8', true],
    ['UTF-16 little-endian with a byte order mark', utf16(FEED, true, true), FEED, 'utf-16le', true],
    ['UTF-16 big-endian with a byte order mark', utf16(FEED, false, true), FEED, 'utf-16be', true],
    ['UTF-16 little-endian without one', utf16(FEED, true, false), FEED, 'utf-16le', true],
    ['UTF-16 big-endian without one', utf16(FEED, false, false), FEED, 'utf-16be', true],
    ['Windows-1252 (not UTF-8)', Uint8Array.from([0x5b, 0x22, 0xa3, 0x35, 0x22, 0x5d]), '["\uFFFD5"]', 'utf-8', false],
    ['nothing', new Uint8Array(0), '', 'utf-8', true],
  ];
  for (const [name, bytes, text, encoding, valid] of cases) {
    it(name, () => {
      expect(decodeText(bytes)).to.deep.equal({ text, encoding, valid });
    });
  }
});
