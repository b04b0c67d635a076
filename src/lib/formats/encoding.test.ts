import { expect } from '@open-wc/testing';
import { decodeFeed } from './encoding.js';

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...ascii(part)] : part)));

describe('decodeFeed', () => {
  const cases: Array<[string, Uint8Array, string | null, string, string]> = [
    ['UTF-8 by default', bytes('<t>caf', [0xc3, 0xa9], '</t>'), null, '<t>café</t>', 'utf-8'],
    ['ISO-8859-1 named by the XML declaration', bytes('<?xml version="1.0" encoding="ISO-8859-1"?><t>caf', [0xe9], ' ', [0xa3], '5</t>'), 'text/xml', 'café £5', 'windows-1252'],
    ['Windows-1252 named by the content type', bytes('<t>', [0x93], 'fair', [0x94], ' ', [0x80], '5</t>'), 'application/rss+xml; charset=windows-1252', '“fair” €5', 'windows-1252'],
    ['the content type before the declaration', bytes('<?xml version="1.0" encoding="UTF-8"?><t>', [0xe9], '</t>'), 'text/xml; charset="iso-8859-1"', 'é', 'windows-1252'],
    ['a byte order mark before both', bytes([0xef, 0xbb, 0xbf], '<t>', [0xc3, 0xa9], '</t>'), 'text/xml; charset=iso-8859-1', 'é', 'utf-8'],
    ['UTF-16 by its byte order mark', new Uint8Array([0xff, 0xfe, 0x5b, 0, 0x5d, 0]), 'application/json', '[]', 'utf-16le'],
    ['an unknown charset: UTF-8', bytes('<t>', [0xc3, 0xa9], '</t>'), 'text/xml; charset=klingon', 'é', 'utf-8'],
  ];
  for (const [name, input, type, contains, encoding] of cases) {
    it(name, () => {
      const decoded = decodeFeed(input, type);
      expect(decoded.text).to.include(contains);
      expect(decoded.encoding).to.equal(encoding);
      expect(decoded.valid).to.equal(true);
    });
  }

  it('says when UTF-8 is broken', () => {
    expect(decodeFeed(bytes('<t>', [0xe9], '</t>'), 'text/xml; charset=utf-8')).to.deep.include({ valid: false, text: '<t>\ufffd</t>' });
  });
});
