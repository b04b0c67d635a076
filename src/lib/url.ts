/**
 * The URL rule of the feed: a web address (`http:`/`https:`, absolute or relative) and nothing
 * else. Checked with the same WHATWG URL parser the browser uses for `href` and `src`, so
 * obfuscations that the browser would undo (`JaVaScRiPt:`, leading spaces or control
 * characters, tabs and newlines inside the scheme) are undone here too before the scheme is read.
 *
 * @example
 * isSafeUrl('/case-studies/a');          // true
 * isSafeUrl('https://example.gov.uk/');  // true
 * isSafeUrl(' java\tscript:alert(1)');   // false
 */
export function isSafeUrl(value: string): boolean {
  if (value.trim() === '') return false;
  let parsed: URL;
  try {
    // The base is never shown: it only lets relative URLs parse, and proves they stay http(s).
    parsed = new URL(value, 'https://relative.invalid/');
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:';
}
