/**
 * A Vite plugin that minifies the static text of Lit's tagged templates (`html` and `css`)
 * at build time. Minifiers leave template literals alone (their text is data), so without
 * this the widget would ship every indent and comment of its templates and styles.
 *
 * It scans source text for strings, comments and templates (with `${…}` expressions nested to
 * any depth) and rewrites only the literal parts of `html` and `css` templates. It does not
 * parse regular expression literals, so it is applied only to the files listed, which have
 * no quote, backtick or brace inside a regular expression.
 */
export function minifyTemplates({ include }) {
  return {
    name: 'minify-lit-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!include.some((suffix) => id.endsWith(suffix))) return null;
      return { code: minifySource(code), map: null };
    },
  };
}

/** Collapses HTML whitespace: runs of spaces and newlines become one space. */
const minifyHtml = (text) => text.replace(/\s+/g, ' ');

/** Drops CSS comments and the spaces that carry no meaning. */
const minifyCss = (text) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();

export function minifySource(source) {
  let out = '';
  let at = 0;

  /** Copies a quoted string starting at `at`. */
  const string = (quote) => {
    let end = at + 1;
    while (end < source.length && source[end] !== quote) end += source[end] === '\\' ? 2 : 1;
    out += source.slice(at, end + 1);
    at = end + 1;
  };

  /** Copies code until an unmatched `}` (the end of a `${…}`) or the end of the source. */
  const code = (stopAtBrace) => {
    let depth = 0;
    while (at < source.length) {
      const char = source[at];
      if (char === '/' && source[at + 1] === '/') {
        const end = source.indexOf('\n', at);
        out += source.slice(at, end === -1 ? source.length : end);
        at = end === -1 ? source.length : end;
      } else if (char === '/' && source[at + 1] === '*') {
        const end = source.indexOf('*/', at + 2) + 2;
        out += source.slice(at, end);
        at = end;
      } else if (char === '"' || char === "'") {
        string(char);
      } else if (char === '`') {
        const tag = /(?:^|[^\w$.])(html|css)\s*$/.exec(source.slice(Math.max(0, at - 12), at))?.[1];
        template(tag);
      } else if (char === '{') {
        depth++;
        out += char;
        at++;
      } else if (char === '}') {
        if (stopAtBrace && depth === 0) return;
        depth--;
        out += char;
        at++;
      } else {
        out += char;
        at++;
      }
    }
  };

  /** Copies a template literal, minifying its literal parts when it is tagged `tag`. */
  const template = (tag) => {
    out += '`';
    at++;
    let chunk = '';
    const flush = () => {
      out += tag === 'html' ? minifyHtml(chunk) : tag === 'css' ? minifyCss(chunk) : chunk;
      chunk = '';
    };
    while (at < source.length) {
      const char = source[at];
      if (char === '\\') {
        chunk += source.slice(at, at + 2);
        at += 2;
      } else if (char === '`') {
        flush();
        out += '`';
        at++;
        return;
      } else if (char === '$' && source[at + 1] === '{') {
        flush();
        out += '${';
        at += 2;
        code(true);
        out += '}';
        at++;
      } else {
        chunk += char;
        at++;
      }
    }
    flush();
  };

  code(false);
  return out;
}
