import { expect } from '@open-wc/testing';
import { isSafeUrl } from './url.js';

describe('isSafeUrl', () => {
  const safe: Array<[string, string]> = [
    ['a root-relative path', '/case-studies/tameside'],
    ['a path-relative URL', 'case-studies/tameside'],
    ['a dot-relative URL', '../up/one'],
    ['a query only', '?q=libraries'],
    ['a fragment only', '#results'],
    ['absolute https', 'https://example.gov.uk/case-studies/a'],
    ['absolute http', 'http://example.gov.uk/'],
    ['upper-case HTTPS', 'HTTPS://EXAMPLE.GOV.UK/'],
    ['protocol-relative', '//example.gov.uk/a'],
    ['https with port, query and fragment', 'https://example.gov.uk:8443/a?b=c#d'],
    ['surrounding spaces around a safe URL', '  /a  '],
    // Entity and percent encodings are not decoded in an attribute set from script: these stay
    // harmless relative paths.
    ['an entity-encoded javascript: (a relative path)', '&#106;avascript:alert(1)'],
    ['a percent-encoded javascript: (a relative path)', '%6Aavascript:alert(1)'],
  ];

  const unsafe: Array<[string, string]> = [
    ['javascript:', 'javascript:alert(1)'],
    ['mixed-case JaVaScRiPt:', 'JaVaScRiPt:alert(1)'],
    ['upper-case JAVASCRIPT:', 'JAVASCRIPT:alert(1)'],
    ['leading spaces', '   javascript:alert(1)'],
    ['a leading tab', '\tjavascript:alert(1)'],
    ['a leading newline', '\njavascript:alert(1)'],
    ['a leading carriage return', '\r\njavascript:alert(1)'],
    ['a leading NUL', '\u0000javascript:alert(1)'],
    ['leading control characters', '\u0001\u0008\u001fjavascript:alert(1)'],
    ['a tab inside the scheme', 'java\tscript:alert(1)'],
    ['a newline inside the scheme', 'java\nscript:alert(1)'],
    ['a carriage return inside the scheme', 'jav\rascript:alert(1)'],
    ['javascript: with a comment-style body', 'javascript://%0Aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['data: image', 'data:image/svg+xml,<svg onload=alert(1)>'],
    ['DATA: upper case', 'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['VBScript: mixed case', 'VBScript:msgbox(1)'],
    ['file:', 'file:///etc/passwd'],
    ['blob:', 'blob:https://example.gov.uk/0a1b2c3d'],
    ['mailto:', 'mailto:someone@example.gov.uk'],
    ['ftp:', 'ftp://example.gov.uk/file'],
    ['an absolute URL without a host', 'https://'],
    ['an unparseable absolute URL', 'http://[::1/'],
    ['empty', ''],
    ['a space', ' '],
    ['whitespace only', ' \t\n\r '],
  ];

  for (const [name, value] of safe) {
    it(`accepts ${name}: ${JSON.stringify(value)}`, () => {
      expect(isSafeUrl(value)).to.equal(true);
    });
  }

  for (const [name, value] of unsafe) {
    it(`rejects ${name}: ${JSON.stringify(value)}`, () => {
      expect(isSafeUrl(value)).to.equal(false);
    });
  }
});
