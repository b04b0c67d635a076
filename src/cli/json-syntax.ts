/** Where JSON text first goes wrong, and why, in words a webmaster can act on. */
export interface JsonSyntaxError {
  /** 0-based offset in the text (UTF-16 code units). */
  offset: number;
  /** 1-based line number. */
  line: number;
  /** 1-based column, counted in characters as an editor shows them. */
  column: number;
  message: string;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value' | 'end';

interface Open {
  bracket: '[' | '{';
  offset: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER_TOKEN = /[-+.\w]+/y;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const WORD = /[\p{L}_$][\p{L}\p{N}_$]*/uy;
const VALUE_START = /["{[\-\d\p{L}]/u;

/**
 * Finds the first syntax error in JSON text by scanning it the way `JSON.parse` does. Node 20's
 * `JSON.parse` messages do not always give a position (`Unexpected token '<', "<html>"... is not
 * valid JSON`) and never a line, so the CLI asks this scanner instead, after `JSON.parse` has
 * failed. Returns `undefined` when the text is valid JSON.
 *
 * The scan is iterative, so deeply nested input cannot overflow the stack.
 *
 * @example
 * findJsonSyntaxError('{\n  "a": 1,\n}');
 * // { offset: 10, line: 2, column: 9, message: 'there is a comma after the last property …' }
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Open[] = [];
  let state: State = 'value';
  let i = 0;
  let lastComma = -1;
  let stringEnd = -1;

  const fail = (offset: number, message: string): JsonSyntaxError => ({
    offset,
    message,
    ...lineAndColumn(text, offset),
  });
  const afterValue = (): State => (stack.length === 0 ? 'end' : 'after-value');

  for (;;) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
    const ch = text[i];

    if (ch === undefined) {
      if (state === 'end') return undefined;
      const open = stack.at(-1);
      if (!open) return fail(i, 'the file has no JSON in it');
      const where = lineAndColumn(text, open.offset);
      return fail(
        text.trimEnd().length,
        `the file ends too early: the "${open.bracket}" on line ${where.line}, column ${where.column} is never closed with "${open.bracket === '{' ? '}' : ']'}"`,
      );
    }
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      return fail(i, 'JSON cannot contain comments: remove the comment');
    }
    const oddity = describeOddCharacter(ch);
    if (oddity) return fail(i, oddity);

    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (ch === ']' && state === 'value-or-close') {
          stack.pop();
          state = afterValue();
          i++;
          break;
        }
        if (ch === ']' && lastComma >= 0) {
          return fail(lastComma, `there is a comma after the last item of a list: remove this comma`);
        }
        if (ch === '{' || ch === '[') {
          stack.push({ bracket: ch, offset: i });
          state = ch === '{' ? 'key-or-close' : 'value-or-close';
          lastComma = -1;
          i++;
          break;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.message);
          i = stringEnd = end;
          state = afterValue();
          break;
        }
        if (ch === '-' || ch === '+' || ch === '.' || isDigit(ch)) {
          NUMBER_TOKEN.lastIndex = i;
          const token = NUMBER_TOKEN.exec(text)![0];
          if (!JSON_NUMBER.test(token)) {
            return fail(
              i,
              `${quote(token)} is not a number JSON accepts (write numbers like 12 or 3.5, or put text in double quotes)`,
            );
          }
          i += token.length;
          state = afterValue();
          break;
        }
        WORD.lastIndex = i;
        const word = WORD.exec(text)?.[0];
        if (word) {
          if (word === 'true' || word === 'false' || word === 'null') {
            i += word.length;
            state = afterValue();
            break;
          }
          return fail(i, describeBareWord(word));
        }
        if (ch === '<' && i === 0) {
          return fail(i, 'this looks like a web page (HTML), not JSON: was an error page saved instead of the feed?');
        }
        if (ch === "'") return fail(i, "text must be in double quotes (\"), not single quotes (')");
        return fail(
          i,
          `expected a value (text in double quotes, a number, a list or an object) but found ${describe(text, i)}`,
        );
      }

      case 'key':
      case 'key-or-close': {
        if (ch === '}' && state === 'key-or-close') {
          stack.pop();
          state = afterValue();
          i++;
          break;
        }
        if (ch === '}') {
          return fail(lastComma, 'there is a comma after the last property of an object: remove this comma');
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.message);
          i = end;
          state = 'colon';
          break;
        }
        if (ch === "'") return fail(i, "property names must be in double quotes (\"), not single quotes (')");
        WORD.lastIndex = i;
        const word = WORD.exec(text)?.[0];
        if (word) return fail(i, `the property name ${word} must be in double quotes: "${word}"`);
        return fail(i, `expected a property name in double quotes but found ${describe(text, i)}`);
      }

      case 'colon':
        if (ch !== ':') return fail(i, `expected ":" after the property name but found ${describe(text, i)}`);
        state = 'value';
        lastComma = -1;
        i++;
        break;

      case 'after-value': {
        const open = stack.at(-1)!;
        const close = open.bracket === '{' ? '}' : ']';
        if (ch === ',') {
          state = open.bracket === '{' ? 'key' : 'value';
          lastComma = i;
          i++;
          break;
        }
        if (ch === close) {
          stack.pop();
          state = afterValue();
          i++;
          break;
        }
        if (stringEnd === i && /[\p{L}\p{N}]/u.test(ch)) {
          return fail(i - 1, 'a double quote inside text must be written as \\" (or a comma is missing before this)');
        }
        if (VALUE_START.test(ch)) {
          return fail(i, `a comma is missing before this ${open.bracket === '{' ? 'property' : 'item'}`);
        }
        return fail(i, `expected "," or "${close}" but found ${describe(text, i)}`);
      }

      case 'end':
        return fail(
          i,
          ch === '}' || ch === ']'
            ? `there is an extra "${ch}": the JSON already ended before it`
            : 'there is more after the end of the JSON (only one value is allowed: is a comma or a bracket missing?)',
        );
    }
  }
}

/** The 1-based line and column of an offset; a line ends at \n, \r\n or \r. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

/**
 * The line of `text` holding `offset`, and a caret under that position, for showing an error
 * in context. Long lines (minified JSON) are cut to a window around the position.
 */
export function pointAt(text: string, offset: number, width = 72): { line: string; caret: string } {
  const start =
    offset === 0 ? 0 : Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const endOfLine = text.slice(start).search(/[\r\n]/);
  const chars = [...text.slice(start, endOfLine < 0 ? undefined : start + endOfLine)];
  let column = [...text.slice(start, offset)].length;
  let from = 0;
  if (chars.length > width) {
    from = Math.max(0, Math.min(column - Math.floor(width / 2), chars.length - width));
    column -= from;
  }
  const shown = chars.slice(from, from + width);
  const before = from > 0 ? '…' : '';
  const after = from + width < chars.length ? '…' : '';
  // Tabs stay tabs under the caret so that it lines up however the terminal renders them.
  const pad = shown
    .slice(0, column)
    .map((ch) => (ch === '\t' ? '\t' : ' '))
    .join('');
  return { line: `${before}${shown.join('')}${after}`, caret: `${before ? ' ' : ''}${pad}^` };
}

function scanString(text: string, start: number): number | { offset: number; message: string } {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return i + 1;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[\da-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          return { offset: i, message: '\\u must be followed by four hexadecimal digits, as in \\u00e9' };
        }
        i += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        i++;
      } else {
        return {
          offset: i,
          message: `${quote(`\\${next ?? ''}`)} is not allowed in JSON text: write a backslash as \\\\`,
        };
      }
    } else if (ch === '\n' || ch === '\r') {
      return {
        offset: i,
        message:
          'the text is not closed with a double quote before the end of the line (a line break inside text must be written as \\n)',
      };
    } else if (ch < ' ') {
      return {
        offset: i,
        message: `there is an invisible control character (U+${hex(ch)}) inside text: remove it`,
      };
    }
  }
  return { offset: start, message: 'the text that starts here is never closed with a double quote' };
}

/** Characters that look like JSON punctuation or space to a person but are not, to JSON. */
function describeOddCharacter(ch: string): string | undefined {
  if (ch === '\u201c' || ch === '\u201d' || ch === '\u2018' || ch === '\u2019') {
    return `${ch} is a curly quote (often added by word processors): JSON needs straight double quotes (")`;
  }
  if (ch === '\u00a0' || ch === '\u2007' || ch === '\u202f') {
    return `there is a non-breaking space (U+${hex(ch)}) here: replace it with a normal space`;
  }
  if (ch === '\ufeff') return 'there is an invisible byte order mark (U+FEFF) here: remove it';
  return undefined;
}

function describeBareWord(word: string): string {
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false' || lower === 'null' || lower === 'none') {
    return `${word} is not a JSON value: write ${lower === 'none' ? 'null' : lower} in lower case`;
  }
  if (word === 'undefined' || word === 'NaN' || word === 'Infinity') {
    return `${word} is not a JSON value: use null, or leave the property out`;
  }
  return `${word} is not a JSON value: text must be in double quotes, as in "${word}"`;
}

/**
 * The character at `at`, quoted, or named by its code when it cannot be seen (a control, a
 * format character such as a zero-width space, any kind of space): quoted, those would read as
 * empty quotes. A whole code point, so an emoji is shown, not half of it.
 */
function describe(text: string, at: number): string {
  const ch = String.fromCodePoint(text.codePointAt(at)!);
  return /^[\p{Cc}\p{Cf}\p{Cs}\p{Z}]$/u.test(ch) ? `an invisible character (U+${hex(ch)})` : quote(ch);
}

function quote(value: string): string {
  return `"${value.length > 30 ? `${value.slice(0, 29)}…` : value}"`;
}

function hex(ch: string): string {
  return ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
