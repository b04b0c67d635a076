/**
 * Text from the HTML that feeds carry: entities decoded, tags dropped. Feeds put HTML inside
 * XML or JSON (WordPress writes `&#8217;` inside CDATA and in `title.rendered`; LocalGov Drupal
 * escapes a whole HTML description), so what the XML or JSON parser gives is decoded once more
 * here. Nothing is ever parsed by the browser as HTML: this is plain string work, so it runs
 * the same in a page, a worker and Node.
 */

// Windows-1252 for 0x80–0x9F: old CMSes write &#146; for ’, as HTML parsers read it.
export const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8DŽ\x8F\x90‘’“”•–—˜™š›œ\x9DžŸ';

// The named entities feeds use (name, character, name, …); accented letters are composed below.
const NAMED = new Map<string, string>();
const NAMES = 'amp & lt < gt > quot " apos \' nbsp \u00a0 hellip … ndash – mdash — lsquo ‘ rsquo ’ ldquo “ rdquo ” pound £ euro € copy ©'.split(' ');
for (let at = 0; at < NAMES.length; at += 2) NAMED.set(NAMES[at]!, NAMES[at + 1]!);

// &eacute; &wcirc; …: the letter and a combining mark, composed (Welsh ŵ and ŷ included).
const MARKS: Record<string, string> = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a', caron: '\u030c' };
const ACCENTED = /^([a-z])(acute|grave|circ|uml|tilde|cedil|ring|caron)$/i;

/**
 * Decodes HTML character references: numeric ones, and the named ones feeds use. Unknown names
 * are left as written.
 *
 * @example
 * decodeEntities('Council&#8217;s fish &#038; chips [&hellip;]'); // 'Council’s fish & chips […]'
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z][a-z\d]{1,7}));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) {
      const accented = ACCENTED.exec(name);
      return NAMED.get(name) ?? (accented ? (accented[1]! + MARKS[accented[2]!.toLowerCase()]).normalize('NFC') : whole);
    }
    const code = dec ? Number(dec) : parseInt(hex!, 16);
    // &#146; is Windows-1252's ’, as HTML parsers read it.
    return windows1252Controls(code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code));
  });
}

// Elements whose text is joined to its neighbours ("<b>Lib</b>raries"); any other tag parts words.
export const INLINE = /^(a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)$/i;
// Elements whose content is not text a reader sees (htmlText names them in its pattern too).
export const HIDDEN = /^(script|style|template|noscript|iframe|object|svg|math)$/i;

/**
 * Plain text of an HTML fragment: tags dropped, words in different blocks parted by a space,
 * the content of `script`, `style` and the like left out, entities decoded, white space
 * collapsed. Each pattern either matches up to its end or runs to the end of the text (an
 * unclosed tag or script hides the rest, as in a browser), so a crafted fragment of thousands
 * of unclosed tags is read in one pass.
 *
 * @example
 * htmlText('<p>Libraries</p><p>open <b>late</b> &amp; early</p><script>x()</script>'); // 'Libraries open late & early'
 */
export function htmlText(html: string): string {
  return plainText(
    decodeEntities(
      html
        .replace(/<(script|style|template|noscript|iframe|object|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<[!?][^>]*(?:>|$)/gi, (_hidden, name?: string) => (name ? ' ' : ''))
        .replace(/<\/?([a-z][^\s/>]*)[^>]*(?:>|$)/gi, (_tag, name: string) => (INLINE.test(name) ? '' : ' ')),
    ),
  );
}

/**
 * Text with its white space collapsed, and C1 controls read as the Windows-1252 letters an old
 * CMS meant (it wrote &#146; in XML, where it stays a control).
 */
export const plainText = (text: string): string => windows1252Controls(text).replace(/\s+/g, ' ').trim();

/** C1 controls (U+0080–U+009F) read as the Windows-1252 characters with those codes. */
export const windows1252Controls = (text: string): string => text.replace(/[\x80-\x9f]/g, (control) => WINDOWS_1252_HIGH[control.charCodeAt(0) - 0x80]!);

/**
 * Text cut after `count` words, with "…" where it was cut: the first words of a post's content,
 * when its feed gives no summary (55 words, as WordPress's own excerpts).
 *
 * @example
 * firstWords('one two three', 2); // 'one two…'
 */
export function firstWords(text: string, count = 55): string {
  const words = text.split(' ');
  return words.length > count ? `${words.slice(0, count).join(' ')}…` : text;
}

/**
 * A summary as a card shows it: WordPress's automatic excerpts end in " […]" (or " [...]"),
 * which reads as a link that is not one; it becomes a plain "…".
 *
 * @example
 * summaryText('<p>The first words of the post [&hellip;]</p>'); // 'The first words of the post…'
 */
export function summaryText(html: string): string {
  return htmlText(html).replace(/\s*\[(?:…|\.\.\.)\]$/, '…');
}
