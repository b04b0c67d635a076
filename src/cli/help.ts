import { Exit, type Output } from './io.js';

export const COMMANDS = ['validate', 'convert', 'html', 'schema', 'help'] as const;
export type Command = (typeof COMMANDS)[number];

export const USAGE = `Usage:
  case-study-finder validate FEED [--json] [--strict] [--from FORMAT]
  case-study-finder convert FILE.csv|FEED [--out feed.json] [--title TEXT] [--from FORMAT]
  case-study-finder html FEED [--out FILE] [--inline-json] [--heading-level N] [--lang cy] [--from FORMAT]
  case-study-finder schema
  case-study-finder help [COMMAND]
`;

const OVERVIEW = `case-study-finder: check and build the case study feed of <case-study-finder>.

${USAGE}
Commands:
  validate   Check a feed and list what to fix, item by item.
  convert    Turn a spreadsheet saved as CSV, or a CMS's own feed, into a feed.
  html       Write the whole feed as a plain list, the page's fallback without JavaScript.
  schema     Print the JSON Schema of the feed, for editors and other tools.
  help       Explain a command, as in: case-study-finder help convert

Options:
  -h, --help     Show help.
  --version      Show the version.

FEED is a file, "-" for standard input, or an address (https://…): our JSON, or a feed your
CMS already publishes, in RSS, Atom, JSON Feed, WordPress REST or Drupal JSON:API.

Exit codes: 0 all is well; 1 some case studies have problems; 2 the command could not run
(a missing file, a file that is not a feed or CSV, a mistyped option).
`;

const HELP: Record<Command, string> = {
  validate: `Usage: case-study-finder validate FEED [--json] [--strict] [--from FORMAT]

Checks a feed with the same readers and rules as the widget and lists every problem, one per
line, with the item's number (counting from 1) and its title or id. FEED is a file or an
address: our JSON, or RSS, Atom, JSON Feed, WordPress REST or Drupal JSON:API (an address is
read page by page, as the widget reads it).

  Skipped items cannot be shown (no title, a url that is not a web address, an id used
  twice): the page leaves them out.
  Warnings are items shown without a field that was wrong (a date that is not a date, an
  image or collection link that is not a web address), and filters no item has values for.

Use "-" as FEED to read the feed from standard input.

Options:
  --json          Print a report for other programs:
                  {"ok", "file", "total", "valid", "skipped": [...], "warnings": [...]}
                  Each problem has "item" (from 1), "index" (from 0), "id", "title" and "reason".
  --strict        Fail on warnings too.
  --from FORMAT   Read the feed as rss, atom, jsonfeed, wordpress or jsonapi instead of
                  recognising it.

Exit codes: 0 every item can be shown (warnings allowed unless --strict); 1 some items are
skipped (or, with --strict, there are warnings); 2 the file or address cannot be read, is not
well-formed JSON or XML (the line of the mistake is shown) or is not a feed.
`,
  convert: `Usage: case-study-finder convert FILE.csv|FEED [--out feed.json] [--title TEXT] [--from FORMAT]

Turns a CSV file, or a feed your CMS publishes, into a feed.

A FEED is a file or an address (https://…) in RSS, Atom, JSON Feed, WordPress REST
(/wp-json/wp/v2/posts?_embed&per_page=100) or Drupal JSON:API, read with the widget's own
readers: an address is read page by page, as the widget reads it, and links are made absolute
against it (a file's relative links stay relative unless the feed names its site). Items the
widget would not show are reported and left out. A feed without categories gets a "year"
filter.

A CSV file has one row per case study. The first line names the columns:

  id, title, url, summary, organisation, topics, supportTypes, keywords, date,
  image.src, image.alt, collection.label, collection.url

Case and spaces do not matter ("Support types" is supportTypes). Other columns are kept under
their own name ("Service area" becomes serviceArea) and can be used as filters. In topics,
supportTypes, keywords and other columns, separate several values with ";" or "|". Empty
cells are left out.

Every row is checked as the widget checks a feed: rows that cannot be shown are left out and
reported with their line number in the CSV file.

Options:
  --out FILE      Write the feed to FILE (replaced whole, never half-written) instead of
                  printing it. Without --out the report goes to standard error.
  --title TEXT    The feed's title (default: the feed's own, else "Case studies").
  --from FORMAT   What the input is: csv, rss, atom, jsonfeed, wordpress or jsonapi
                  (recognised by default: a .csv file, or text that is neither XML nor JSON,
                  is CSV).

Exit codes: 0 every row or item converted; 1 some were left out (nothing is written when none
could be converted); 2 the file or address cannot be read, or is not CSV or a feed.
`,
  html: `Usage: case-study-finder html FEED [--out FILE] [--inline-json] [--heading-level N] [--lang cy] [--from FORMAT]

FEED is a file or an address, in our JSON or any format validate reads (RSS, Atom, JSON Feed,
WordPress, JSON:API). Writes every case study of the feed as a plain HTML list, to put inside <case-study-finder> in
the page. Visitors without JavaScript, and search engines, then get every case study as a
real link; the widget hides the list when it runs, and shows it again if the feed cannot be
loaded. The list has a heading (the feed's title, else the number of case studies), then for
each case study its linked title, organisation, date and summary.

Items the widget would not show (no title, a web address that is not safe) are left out and
reported. The HTML is plain ASCII, with other letters written as character references, so it
can be pasted into a template saved in any encoding.

  <case-study-finder src="/data/case-studies.json">
    ... the output of this command ...
  </case-study-finder>

Options:
  --out FILE           Write to FILE (replaced whole, never half-written) instead of printing
                       it; never the feed itself. Without --out the report goes to standard
                       error.
  --inline-json        Also write the feed in a <script type="application/json">: the widget
                       reads it from the page, with no second request. Leave out src then.
  --heading-level N    Level of the list's heading, 1 to 5 (default 2, under the page's h1);
                       the case study titles are one level below it.
  --lang cy            Welsh dates (and heading, when the feed has no title). Default: en.
  --from FORMAT        What the feed is: rss, atom, jsonfeed, wordpress or jsonapi
                       (recognised by default).

Exit codes: 0 every case study listed; 1 some items were left out (the rest is written); 2
the file is missing or is not a feed, or --out is the feed itself.
`,
  schema: `Usage: case-study-finder schema

Prints the JSON Schema (draft 2020-12) of the feed, generated from the schema the widget
itself validates with. Point "$schema" in a feed at a copy of it, and editors such as VS Code
check the feed as you type. Rules a JSON Schema cannot express (which web addresses are
allowed, real calendar dates) are checked by: case-study-finder validate
`,
  help: `Usage: case-study-finder help [COMMAND]

Explains a command: validate, convert, html or schema.
`,
};

/** The help of one command, or the overview. */
export function helpText(command?: Command): string {
  return command ? HELP[command] : OVERVIEW;
}

/** `case-study-finder help [COMMAND]`. */
export function help(command: string | undefined, out: Output): number {
  if (command === undefined) {
    out.stdout(OVERVIEW);
    return Exit.ok;
  }
  if (!isCommand(command)) {
    out.stderr(`There is no command "${command}".${suggest(command)}\n\n${USAGE}`);
    return Exit.failed;
  }
  out.stdout(HELP[command]);
  return Exit.ok;
}

export function isCommand(name: string): name is Command {
  return (COMMANDS as readonly string[]).includes(name);
}

/** " Did you mean "validate"?" for a near miss such as "valdate", else nothing. */
export function suggest(name: string): string {
  const near = COMMANDS.find((command) => distance(name.toLowerCase(), command) <= 2);
  return near ? ` Did you mean "${near}"?` : '';
}

/** Levenshtein distance; command names are short, so the plain table is plenty. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
