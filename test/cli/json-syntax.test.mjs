// Where the CLI says JSON text goes wrong, and in which words: src/cli/json-syntax.ts as a table
// of the mistakes people make editing a feed by hand. The module is pure and has no imports, so
// it is compiled from source here with TypeScript (no build needed); the last tests run the
// built CLI (`npm run build:cli`) to see the same through a webmaster's terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = readFileSync(join(root, 'src/cli/json-syntax.ts'), 'utf8');
const { outputText } = ts.transpileModule(source, {
  compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
});
const { findJsonSyntaxError, lineAndColumn, pointAt } = await import(
  `data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`
);

const NOT_A_NUMBER = 'is not a number JSON accepts (write numbers like 12 or 3.5, or put text in double quotes)';
const EXPECTED_VALUE = 'expected a value (text in double quotes, a number, a list or an object) but found';

// [name, text, line, column, message]
const mistakes = [
  // \u escapes and other backslashes
  ['a \\u escape with a letter that is not hex', '{"title": "Caf\\u00g9"}', 1, 15, '\\u must be followed by four hexadecimal digits, as in \\u00e9'],
  ['a \\u escape with too few digits', '["\\u12"]', 1, 3, '\\u must be followed by four hexadecimal digits, as in \\u00e9'],
  ['a \\u escape cut off by the end of the file', '["\\u00', 1, 3, '\\u must be followed by four hexadecimal digits, as in \\u00e9'],
  ['a backslash before a letter JSON does not know', '["C:\\path"]', 1, 5, '"\\p" is not allowed in JSON text: write a backslash as \\\\'],
  // control characters
  ['a tab inside text', '["Early\tyears"]', 1, 8, 'there is an invisible control character (U+0009) inside text: remove it'],
  ['a NUL inside text', '["a\u0000b"]', 1, 4, 'there is an invisible control character (U+0000) inside text: remove it'],
  ['a line break inside text', '[{"title": "A\n"}]', 1, 14, 'the text is not closed with a double quote before the end of the line (a line break inside text must be written as \\n)'],
  ['a vertical tab between values', '[1,\u000b2]', 1, 4, `${EXPECTED_VALUE} an invisible character (U+000B)`],
  // spaces that are not spaces to JSON
  ['a non-breaking space', '{\n  "items":\u00a0[]\n}', 2, 11, 'there is a non-breaking space (U+00A0) here: replace it with a normal space'],
  ['a narrow non-breaking space', '[1,\u202f2]', 1, 4, 'there is a non-breaking space (U+202F) here: replace it with a normal space'],
  ['a zero-width space', '[1,\u200b2]', 1, 4, `${EXPECTED_VALUE} an invisible character (U+200B)`],
  ['a zero-width space after a value', '{"a": 1\u200b}', 1, 8, 'expected "," or "}" but found an invisible character (U+200B)'],
  ['a line separator between values', '[1,\u20282]', 1, 4, `${EXPECTED_VALUE} an invisible character (U+2028)`],
  // byte order marks: a reader drops one at the start of a file (see the CLI test below),
  // but JSON itself has no room for one, at the start or anywhere else
  ['a byte order mark', '\ufeff{"items": []}', 1, 1, 'there is an invisible byte order mark (U+FEFF) here: remove it'],
  ['a byte order mark between two pasted feeds', '[1,\ufeff2]', 1, 4, 'there is an invisible byte order mark (U+FEFF) here: remove it'],
  // values from other languages
  ['NaN', '{"rating": NaN}', 1, 12, 'NaN is not a JSON value: use null, or leave the property out'],
  ['Infinity', '[Infinity]', 1, 2, 'Infinity is not a JSON value: use null, or leave the property out'],
  ['-Infinity', '[-Infinity]', 1, 2, `"-Infinity" ${NOT_A_NUMBER}`],
  ['undefined', '{"image": undefined}', 1, 11, 'undefined is not a JSON value: use null, or leave the property out'],
  ['Python booleans', '[True]', 1, 2, 'True is not a JSON value: write true in lower case'],
  ['Python None', '[None]', 1, 2, 'None is not a JSON value: write null in lower case'],
  ['a word without quotes', '{"title": Libraries}', 1, 11, 'Libraries is not a JSON value: text must be in double quotes, as in "Libraries"'],
  // numbers
  ['a hexadecimal number', '[0x1F]', 1, 2, `"0x1F" ${NOT_A_NUMBER}`],
  ['a leading zero', '{"id": 007}', 1, 8, `"007" ${NOT_A_NUMBER}`],
  ['a plus sign', '[+1]', 1, 2, `"+1" ${NOT_A_NUMBER}`],
  ['a number starting with a point', '[.5]', 1, 2, `".5" ${NOT_A_NUMBER}`],
  ['a number ending with a point', '[1.]', 1, 2, `"1." ${NOT_A_NUMBER}`],
  // trailing commas
  ['a trailing comma in a list', '[1, 2,]', 1, 6, 'there is a comma after the last item of a list: remove this comma'],
  ['a trailing comma in an object', '{\n  "title": "x",\n}', 2, 15, 'there is a comma after the last property of an object: remove this comma'],
  ['a trailing comma after the last item of a feed', '{"items": [\n  {"title": "A", "url": "/a"},\n]}', 2, 30, 'there is a comma after the last item of a list: remove this comma'],
  // quotes
  ['single-quoted text', "['Libraries']", 1, 2, 'text must be in double quotes ("), not single quotes (\')'],
  ['a single-quoted property name', "{'title': 'A'}", 1, 2, 'property names must be in double quotes ("), not single quotes (\')'],
  ['a property name without quotes', '{title: "A"}', 1, 2, 'the property name title must be in double quotes: "title"'],
  ['curly quotes', '{\u201ctitle\u201d: "A"}', 1, 2, '\u201c is a curly quote (often added by word processors): JSON needs straight double quotes (")'],
  ['a double quote inside text', '[{"title": "The "Big" Read"}]', 1, 17, 'a double quote inside text must be written as \\" (or a comma is missing before this)'],
  ['text never closed', '["Libraries', 1, 2, 'the text that starts here is never closed with a double quote'],
  // structure
  ['a comment', '{\n  // the feed\n  "items": []\n}', 2, 3, 'JSON cannot contain comments: remove the comment'],
  ['a block comment', '[1 /* one */]', 1, 4, 'JSON cannot contain comments: remove the comment'],
  ['a missing colon', '{"title" "A"}', 1, 10, 'expected ":" after the property name but found """'],
  ['a missing comma between items', '[\n  {"title": "A"}\n  {"title": "B"}\n]', 3, 3, 'a comma is missing before this item'],
  ['a missing comma between properties', '{"title": "A"\n "url": "/a"}', 2, 2, 'a comma is missing before this property'],
  ['an extra closing bracket', '{"items": []}}', 1, 14, 'there is an extra "}": the JSON already ended before it'],
  ['two values one after the other', '{"items": []}\n{"items": []}', 2, 1, 'there is more after the end of the JSON (only one value is allowed: is a comma or a bracket missing?)'],
  ['a list never closed', '{\n  "items": [\n    {"title": "A"}\n', 3, 19, 'the file ends too early: the "[" on line 2, column 12 is never closed with "]"'],
  ['an empty file', '', 1, 1, 'the file has no JSON in it'],
  ['a file of blank lines', '\n\n', 3, 1, 'the file has no JSON in it'],
  ['an HTML error page', '<!doctype html>\n<h1>Not found</h1>', 1, 1, 'this looks like a web page (HTML), not JSON: was an error page saved instead of the feed?'],
  // how lines and columns are counted
  ['Windows line ends', '{\r\n  "items": [\r\n    {"title": "A"}\r\n    {"title": "B"}\r\n  ]\r\n}\r\n', 4, 5, 'a comma is missing before this item'],
  ['old Mac line ends', '[\r1,\r2\r3]', 4, 1, 'a comma is missing before this item'],
  ['an emoji counts as one column', '["\u{1F4DA} Libraries", x]', 1, 17, 'x is not a JSON value: text must be in double quotes, as in "x"'],
  ['a tab counts as one column', '{\n\t"a": NaN\n}', 2, 7, 'NaN is not a JSON value: use null, or leave the property out'],
  ['an emoji where a value belongs', '[\u{1F4DA}]', 1, 2, `${EXPECTED_VALUE} "\u{1F4DA}"`],
  ['an emoji after a value', '{"a": 1 \u{1F4DA}}', 1, 9, 'expected "," or "}" but found "\u{1F4DA}"'],
];

describe('findJsonSyntaxError: line, column and words for each mistake', () => {
  for (const [name, text, line, column, message] of mistakes) {
    test(name, () => {
      assert.throws(() => JSON.parse(text), SyntaxError, 'the table holds only text JSON.parse refuses');
      const found = findJsonSyntaxError(text);
      assert.deepEqual(
        found && { line: found.line, column: found.column, message: found.message },
        { line, column, message },
      );
      // The offset is where the line and column point.
      assert.deepEqual(lineAndColumn(text, found.offset), { line, column });
    });
  }

  const valid = [
    ['escapes of every kind', '{"a": "\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDCDA"}'],
    ['non-breaking and zero-width spaces inside text', '["Early\u00a0years\u200b"]'],
    ['a line separator inside text', '["a\u2028b"]'],
    ['numbers of every shape', '[0, -1, 2.5, 1e3, -4.5E-2]'],
    ['true, false and null', '[true, false, null]'],
    ['a Windows path whose backslashes happen to be escapes', '{"path": "C:\\files\\new\\tables"}'],
    ['whitespace JSON allows', ' \t\r\n{ "a" : [ ] }\r\n'],
  ];
  for (const [name, text] of valid) {
    test(`valid JSON: ${name}`, () => {
      assert.doesNotThrow(() => JSON.parse(text));
      assert.equal(findJsonSyntaxError(text), undefined);
    });
  }

  test('nesting 100,000 deep: found without overflowing the stack', () => {
    const found = findJsonSyntaxError('['.repeat(100_000));
    assert.equal(found.line, 1);
    assert.equal(found.message, 'the file ends too early: the "[" on line 1, column 100000 is never closed with "]"');
  });
});

describe('pointAt: the line and a caret under the mistake', () => {
  test('a caret under the column, tabs kept so it lines up', () => {
    assert.deepEqual(pointAt('{\n\t"a": NaN\n}', 8), { line: '\t"a": NaN', caret: '\t     ^' });
  });

  test('an emoji takes one place before the caret', () => {
    assert.deepEqual(pointAt('["\u{1F4DA}", x]', 7), { line: '["\u{1F4DA}", x]', caret: '      ^' });
  });

  test('a long (minified) line is cut to a window around the mistake', () => {
    const text = `[${'1,'.repeat(100)}x,${'1,'.repeat(100)}1]`;
    const at = text.indexOf('x');
    const { line, caret } = pointAt(text, at, 20);
    assert.ok(line.startsWith('…') && line.endsWith('…'), line);
    assert.equal([...line].length, 22);
    assert.equal(line[caret.length - 1], 'x', `${line}\n${caret}`);
  });
});

describe('through the built CLI', () => {
  const bin = join(root, 'bin/case-study-finder.js');
  let temp;
  before(() => {
    assert.ok(existsSync(join(root, 'dist/cli/main.js')), 'The CLI is not built: run "npm run build:cli" first.');
    temp = mkdtempSync(join(tmpdir(), 'csf-json-'));
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  /** Validates `bytes` saved as a file; gives the first line of the error. */
  function validate(bytes) {
    const path = join(temp, 'feed.json');
    writeFileSync(path, bytes);
    const run = spawnSync(process.execPath, [bin, 'validate', path], { encoding: 'utf8' });
    assert.equal(run.status, 2, run.stdout + run.stderr);
    return run.stderr.split('\n').slice(0, 3);
  }

  test('a file saved with a byte order mark: the real mistake, counted as an editor shows it', () => {
    const [first, line, caret] = validate('\ufeff{\n  "items": [\n    {"title": "A", "url": "/a"},\n  ]\n}\n');
    assert.match(first, /Line 3, column 32: there is a comma after the last item of a list/);
    assert.equal(line, '  3 |     {"title": "A", "url": "/a"},');
    assert.equal(caret, '    |                                ^');
  });

  test('an invisible character is named by its code, never shown as empty quotes', () => {
    const [first] = validate('[\n  {"title": "A",\u200b "url": "/a"}\n]\n');
    assert.match(first, /Line 2, column 17: expected a property name in double quotes but found an invisible character \(U\+200B\)\.$/);
  });

  test('an emoji is shown whole, not as a broken half', () => {
    const [first] = validate('{"items": [\u{1F4DA}]}');
    assert.ok(first.endsWith(`but found "\u{1F4DA}".`), first);
    assert.ok(!first.includes('\ufffd'), first);
  });
});
