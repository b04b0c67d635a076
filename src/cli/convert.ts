/// <reference types="node" />
import { parse } from 'csv-parse/sync';
import { LIST_FIELDS, parseFeed, type CaseStudy, type FeedProblem } from '../lib/feed.js';
import { decodeWindows1252 } from '../lib/formats/encoding.js';
import { newestFirst } from '../lib/order.js';
import { convertFeed } from './convert-feed.js';
import { isAddress, type FromFormat } from './feed-source.js';
import { CliError, Exit, checkOutput, decodeUtf8, displayName, readInput, writeFileAtomically, type Output } from './io.js';
import { DEFAULT_FACETS, count, printFindings, toFinding, type Finding } from './report.js';

export interface ConvertOptions {
  /** Where to write the feed; standard output when absent. */
  out?: string;
  /** The feed's title. */
  title?: string;
  /** What the input is (`csv`, or a feed format); recognised when absent. */
  from?: FromFormat | 'csv';
}

type ListField = (typeof LIST_FIELDS)[number];

/** What a column of the CSV becomes in a feed item. */
type Target =
  | { kind: 'text'; field: 'id' | 'title' | 'url' | 'summary' | 'organisation' | 'date' }
  | { kind: 'list'; field: ListField }
  | { kind: 'nested'; field: 'image' | 'collection'; key: 'src' | 'alt' | 'label' | 'url' }
  | { kind: 'extra'; field: string };

interface Column {
  /** 0-based position in the row. */
  index: number;
  heading: string;
  target: Target;
}

/** A record of the CSV file and the line it starts on. */
interface Row {
  line: number;
  cells: string[];
}

/**
 * Headings as a spreadsheet may spell them, reduced by {@link headingKey}: "Support types",
 * "support_type" and "supportTypes" all land on `supportTypes`.
 */
const HEADINGS: Record<string, Target> = {
  id: { kind: 'text', field: 'id' },
  title: { kind: 'text', field: 'title' },
  url: { kind: 'text', field: 'url' },
  summary: { kind: 'text', field: 'summary' },
  organisation: { kind: 'text', field: 'organisation' },
  organization: { kind: 'text', field: 'organisation' },
  date: { kind: 'text', field: 'date' },
  topics: { kind: 'list', field: 'topics' },
  topic: { kind: 'list', field: 'topics' },
  supporttypes: { kind: 'list', field: 'supportTypes' },
  supporttype: { kind: 'list', field: 'supportTypes' },
  keywords: { kind: 'list', field: 'keywords' },
  keyword: { kind: 'list', field: 'keywords' },
  imagesrc: { kind: 'nested', field: 'image', key: 'src' },
  imagealt: { kind: 'nested', field: 'image', key: 'alt' },
  collectionlabel: { kind: 'nested', field: 'collection', key: 'label' },
  collectionurl: { kind: 'nested', field: 'collection', key: 'url' },
};

/** The order fields are written in, so that converted feeds read like hand-written ones. */
const FIELD_ORDER = ['id', 'title', 'url', 'summary', 'organisation', ...LIST_FIELDS, 'date', 'image', 'collection'];

/** Cells holding several values separate them with ";" or "|" (commas belong to the CSV). */
const VALUE_SEPARATOR = /[;|]/;

const EXAMPLE_HEADING = 'id,title,url,summary,organisation,topics,supportTypes,keywords,date';

/**
 * `case-study-finder convert FILE`: a CSV file (by its `.csv` name, or text that is neither XML
 * nor JSON) goes to {@link convertCsv}; anything else, a file or an address, is a feed another
 * CMS publishes (see convertFeed).
 */
export async function convert(path: string, options: ConvertOptions, out: Output): Promise<number> {
  if (options.out !== undefined) checkOutput(path, options.out);
  const bytes = isAddress(path) ? undefined : readInput(path);
  const csv = options.from === 'csv' || (!options.from && bytes && (/\.csv$/i.test(path) || !/^(?:\xef\xbb\xbf)?\s*[<[{]/.test(String.fromCharCode(...bytes.subarray(0, 64)))));
  if (csv) return convertCsv(path, bytes!, options, out);
  return convertFeed(path, bytes, { ...options, from: options.from === 'csv' ? undefined : options.from }, out);
}

/**
 * `case-study-finder convert FILE.csv`: turns a spreadsheet export, one row per case study,
 * into a feed. Every row is checked with the widget's own `parseFeed`; rows it would skip are
 * reported with their line in the CSV file and left out, and fields it would drop are left out
 * too, so the feed written is exactly what the widget shows.
 *
 * Exit 0 when every row became a case study, 1 when some rows were left out (nothing is
 * written when none could be converted), 2 when the file cannot be read as CSV.
 */
function convertCsv(path: string, bytes: Uint8Array, options: ConvertOptions, out: Output): number {
  const file = displayName(path);
  const report = (text: string): void => (options.out ? out.stdout(text) : out.stderr(text));
  const { text, notes } = decodeCsv(bytes);
  const [header, ...rows] = readRows(text, file);
  if (!header) throw new CliError(`${file} is empty: it has no heading line and no rows.`);
  const columns = readColumns(header.cells, file);

  const leftOut: Finding[] = [];
  const warnings: Finding[] = notes.map((reason) => ({ where: 'the file', reason }));
  warnings.push(...ignoredColumns(header.cells, rows));
  const candidates: { line: number; item: Record<string, unknown> }[] = [];
  for (const row of rows) {
    if (row.cells.every((cell) => cell.trim() === '')) continue;
    const title = cellOf(row, columns, 'title');
    const surplus = row.cells.slice(header.cells.length).filter((cell) => cell.trim() !== '');
    if (surplus.length > 0) {
      leftOut.push({
        where: `line ${row.line}`,
        line: row.line,
        ...(title ? { title } : {}),
        reason: `has ${row.cells.length} cells but the heading line names ${header.cells.length} columns (a cell with a comma in it must be in "double quotes")`,
      });
      continue;
    }
    candidates.push({ line: row.line, item: toItem(row, columns) });
  }

  // The same check as the widget: a bare array of items is a feed.
  const feed = parseFeed(candidates.map((candidate) => candidate.item));
  const locate = (index: number): string => `line ${candidates[index]!.line}`;
  const found = (problem: FeedProblem): Finding => ({ ...toFinding(problem, locate), line: candidates[problem.index]!.line });
  leftOut.push(...feed.skipped.map(found));
  warnings.push(...feed.warnings.map(found));
  leftOut.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));

  const skipped = new Set(feed.skipped.map((problem) => problem.index));
  const items = candidates
    .filter((_, index) => !skipped.has(index))
    .map((candidate, index) => keepShownFields(candidate.item, feed.items[index]!));
  const total = items.length + leftOut.length;
  const destination = options.out ?? 'standard output';

  if (items.length === 0) {
    report(
      total === 0
        ? `✗ ${file} has a heading line but no case studies under it, so nothing was written.\n`
        : `✗ None of the ${count(total, 'row', 'rows')} of ${file} could be converted, so nothing was written.\n`,
    );
    printFindings(report, leftOut, warnings);
    return Exit.problems;
  }

  const used = new Set(items.flatMap((item) => Object.keys(item)));
  const output = {
    title: options.title ?? 'Case studies',
    facets: DEFAULT_FACETS.filter((facet) => used.has(facet.key)),
    ...newestFirst(items, feed.items),
  };
  const json = `${JSON.stringify(output, null, 2)}\n`;
  if (options.out) writeFileAtomically(options.out, json);
  else out.stdout(json);

  const studies = count(items.length, 'case study', 'case studies');
  const rowsOf = `${leftOut.length} of ${count(total, 'row', 'rows')} in ${file}`;
  report(
    leftOut.length === 0
      ? `✓ ${studies} converted from ${file}, written to ${destination}\n`
      : `✗ ${rowsOf} could not be converted and ${leftOut.length === 1 ? 'was' : 'were'} left out; ${studies} written to ${destination}\n`,
  );
  printFindings(report, leftOut, warnings);
  return leftOut.length === 0 ? Exit.ok : Exit.problems;
}

/**
 * Spreadsheets save CSV as UTF-8 (Excel's "CSV UTF-8", Google Sheets, LibreOffice) or, in
 * Excel's plain "CSV (Comma delimited)", as Windows-1252. Reading the latter as UTF-8 would
 * turn every curly quote and "é" into "�", so it is read as Windows-1252 and reported.
 */
function decodeCsv(bytes: Uint8Array): { text: string; notes: string[] } {
  const utf8 = decodeUtf8(bytes);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const notes: string[] = [];
  let text = utf8.text;
  if (!utf8.valid && !hasBom) {
    text = decodeWindows1252(bytes);
    notes.push(
      `not saved as UTF-8, so it was read as Windows-1252 (Excel's "CSV (Comma delimited)"): check accented letters and quotes in the feed, or save the spreadsheet as "CSV UTF-8"`,
    );
  }
  // csv-parse counts a CRLF inside a quoted cell as two lines; with one kind of line end its
  // line numbers are exact, and line breaks inside cells come out as plain \n in the feed.
  return { text: text.replace(/\r\n?/g, '\n'), notes };
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** Splits CSV text into rows, each with the line it starts on. */
function readRows(text: string, file: string): Row[] {
  let records: ParsedRecord[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw new CliError(`${file} cannot be read as CSV. ${describeCsvError(error, text)}`);
  }
  return records.map(({ record, raw, info }) => {
    // `info.lines` is the line a record ends on; its raw text tells how many lines it spans.
    // Empty lines skipped before it are part of that raw text and are not counted.
    const spanned = raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
    return { line: info.lines - spanned, cells: record };
  });
}

function describeCsvError(error: unknown, text: string): string {
  const { code, lines } = error as { code?: string; lines?: number };
  switch (code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `Line ${unclosedQuoteLine(text) ?? lines}: a cell starts with a double quote (") that is never closed. Close it, or write a quote inside a cell as two quotes ("").`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `Line ${lines}: a cell in double quotes has more text after its closing quote. Write a quote inside a quoted cell as two quotes (""), as in "The ""Big"" Read".`;
    case 'INVALID_OPENING_QUOTE':
      return `Line ${lines}: a double quote (") in the middle of a cell. Put the whole cell in double quotes and write the quote as two quotes, as in "The ""Big"" Read".`;
    default:
      return lines ? `Line ${lines}: ${(error as Error).message}` : (error as Error).message;
  }
}

/** The line of the quote that opens a cell and is never closed (csv-parse reports the last line). */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (openedOn !== undefined) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') openedOn = undefined;
      else if (ch === '\n') line++;
      continue;
    }
    if (ch === '"' && atCellStart) openedOn = line;
    atCellStart = ch === ',' || ch === '\n';
    if (ch === '\n') line++;
  }
  return openedOn;
}

/** Reduces a heading to letters and digits in lower case, so that spacing and case never matter. */
function headingKey(heading: string): string {
  return heading.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A field name for an unknown column: "Service area" becomes `serviceArea`. */
function fieldName(heading: string): string {
  const words = heading
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((word) => (word === word.toUpperCase() ? word.toLowerCase() : word));
  return words
    .map((word, i) => (i === 0 ? word[0]!.toLowerCase() : word[0]!.toUpperCase()) + word.slice(1))
    .join('');
}

function readColumns(headings: string[], file: string): Column[] {
  const columns: Column[] = [];
  const seen = new Map<string, Column>();
  headings.forEach((heading, index) => {
    const name = fieldName(heading);
    if (!name) return;
    const target: Target = HEADINGS[headingKey(heading)] ?? { kind: 'extra', field: name };
    const column = { index, heading: heading.trim(), target };
    const key = target.kind === 'nested' ? `${target.field}.${target.key}` : target.field;
    const earlier = seen.get(key);
    if (earlier && target.kind !== 'list') {
      throw new CliError(
        `${file}: columns ${columnName(earlier)} and ${columnName(column)} are both read as "${key}". Rename or remove one of them.`,
      );
    }
    seen.set(key, column);
    columns.push(column);
  });

  for (const required of ['title', 'url']) {
    if (seen.has(required)) continue;
    const oneColumn = headings.length === 1 && /[;\t]/.test(headings[0]!);
    throw new CliError(
      oneColumn
        ? `${file}: the heading line has only one column, so the file is not separated by commas. Save the spreadsheet as "CSV UTF-8 (Comma delimited)".`
        : `${file} has no "${required}" column. The first line must name the columns, for example: ${EXAMPLE_HEADING}`,
    );
  }
  return columns;
}

/** Columns without a heading are ignored; say so when they hold something. */
function ignoredColumns(headings: string[], rows: Row[]): Finding[] {
  return headings.flatMap((heading, index) =>
    !fieldName(heading) && rows.some((row) => row.cells[index]?.trim())
      ? [{ where: `column ${columnLetter(index)}`, reason: 'has no heading, so it was ignored' }]
      : [],
  );
}

function toItem(row: Row, columns: Column[]): Record<string, unknown> {
  const fields = new Map<string, unknown>();
  const extra = new Map<string, unknown>();
  for (const { index, target } of columns) {
    const cell = row.cells[index]?.trim() ?? '';
    if (cell === '') continue;
    switch (target.kind) {
      case 'text':
        fields.set(target.field, cell);
        break;
      case 'list': {
        const values = [...((fields.get(target.field) as string[] | undefined) ?? []), ...splitValues(cell)];
        if (values.length > 0) fields.set(target.field, values);
        break;
      }
      case 'nested':
        fields.set(target.field, { ...(fields.get(target.field) as object | undefined), [target.key]: cell });
        break;
      case 'extra': {
        const values = splitValues(cell);
        if (values.length > 0) extra.set(target.field, values.length === 1 ? values[0] : values);
        break;
      }
    }
  }
  // Object.fromEntries defines own properties, so even a "__proto__" key stays plain data.
  return Object.fromEntries([
    ...FIELD_ORDER.filter((field) => fields.has(field)).map((field) => [field, fields.get(field)]),
    ...extra,
  ]);
}

function splitValues(cell: string): string[] {
  return cell
    .split(VALUE_SEPARATOR)
    .map((value) => value.trim())
    .filter(Boolean);
}

/** The fields of a row that the widget keeps: a field `parseFeed` dropped is left out of the feed. */
function keepShownFields(item: Record<string, unknown>, study: CaseStudy): Record<string, unknown> {
  const shown = study as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(item).filter(([key]) => {
      const value = FIELD_ORDER.includes(key) ? shown[key] : study.extra[key];
      return Array.isArray(value) ? value.length > 0 : value !== undefined;
    }),
  );
}

function cellOf(row: Row, columns: Column[], field: string): string | undefined {
  const column = columns.find((c) => c.target.kind === 'text' && c.target.field === field);
  return (column && row.cells[column.index]?.trim()) || undefined;
}

function columnName(column: Column): string {
  return `${columnLetter(column.index)} ("${column.heading}")`;
}

/** The spreadsheet name of a 0-based column: A … Z, AA, AB … */
function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}
