/// <reference types="node" />
import { parseArgs } from 'node:util';
import { version } from '../../package.json';
import { convert } from './convert.js';
import { FROM_FORMATS } from './feed-source.js';
import { USAGE, help, helpText, isCommand, suggest, type Command } from './help.js';
import { html } from './html.js';
import { CliError, Exit, type Output } from './io.js';
import { schema } from './schema.js';
import { validate } from './validate.js';

const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * Runs one command line and returns its exit code: 0 all is well, 1 the input has problems,
 * 2 the command could not run. Problems the user can fix are printed as plain sentences.
 * Asynchronous because a feed may be read from its address, page by page.
 */
export async function main(args: string[], out: Output): Promise<number> {
  try {
    return await run(args, out);
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    out.stderr(`✗ ${error.message}\n${error.details.map((line) => `${line}\n`).join('')}`);
    return error.exitCode;
  }
}

function run(args: string[], out: Output): number | Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined) {
    out.stderr(`${USAGE}\nRun "case-study-finder --help" for more.\n`);
    return Exit.failed;
  }
  if (first === '--help' || first === '-h') {
    out.stdout(helpText());
    return Exit.ok;
  }
  if (first === '--version' || first === '-v') {
    out.stdout(`${version}\n`);
    return Exit.ok;
  }
  if (!isCommand(first)) {
    const what = first.startsWith('-') ? `Unknown option "${first}".` : `Unknown command "${first}".${suggest(first)}`;
    out.stderr(`${what}\n\n${USAGE}`);
    return Exit.failed;
  }

  switch (first) {
    case 'validate': {
      const { values, positionals } = parseCommand(first, () =>
        parseArgs({
          args: rest,
          allowPositionals: true,
          options: { ...HELP_OPTION, json: { type: 'boolean' }, strict: { type: 'boolean' }, from: { type: 'string' } },
        }),
      );
      if (values.help) return printHelp(first, out);
      const path = onePath(first, positionals, 'the feed to check', 'feed.json');
      const from = fromOption(first, values.from, FROM_FORMATS);
      return validate(path, { json: values.json ?? false, strict: values.strict ?? false, from }, out);
    }
    case 'convert': {
      const { values, positionals } = parseCommand(first, () =>
        parseArgs({
          args: rest,
          allowPositionals: true,
          options: { ...HELP_OPTION, out: { type: 'string', short: 'o' }, title: { type: 'string' }, from: { type: 'string' } },
        }),
      );
      if (values.help) return printHelp(first, out);
      const path = onePath(first, positionals, 'the CSV file or feed to convert', 'case-studies.csv');
      const target = values.out === '-' ? undefined : values.out;
      const from = fromOption(first, values.from, [...FROM_FORMATS, 'csv'] as const);
      return convert(path, { out: target, title: values.title, from }, out);
    }
    case 'html': {
      const { values, positionals } = parseCommand(first, () =>
        parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            ...HELP_OPTION,
            out: { type: 'string', short: 'o' },
            'inline-json': { type: 'boolean' },
            'heading-level': { type: 'string' },
            lang: { type: 'string' },
            from: { type: 'string' },
          },
        }),
      );
      if (values.help) return printHelp(first, out);
      const path = onePath(first, positionals, 'the feed to list', 'case-studies.json');
      const level = values['heading-level'] ?? '2';
      if (!/^[1-5]$/.test(level)) {
        throw usageError(first, `--heading-level must be a number from 1 to 5 (got "${level}"): the titles of the case studies go one level below it.`);
      }
      const lang = values.lang ?? 'en';
      if (lang !== 'en' && lang !== 'cy') throw usageError(first, `--lang must be en or cy (got "${lang}").`);
      return html(
        path,
        {
          out: values.out === '-' ? undefined : values.out,
          inlineJson: values['inline-json'] ?? false,
          headingLevel: Number(level),
          lang,
          from: fromOption(first, values.from, FROM_FORMATS),
        },
        out,
      );
    }
    case 'schema': {
      const { values, positionals } = parseCommand(first, () =>
        parseArgs({ args: rest, allowPositionals: true, options: HELP_OPTION }),
      );
      if (values.help) return printHelp(first, out);
      if (positionals.length > 0) {
        throw usageError(first, `"schema" takes no file names (got ${quoteAll(positionals)}).`);
      }
      return schema(out);
    }
    case 'help': {
      const { positionals } = parseCommand(first, () =>
        parseArgs({ args: rest, allowPositionals: true, options: HELP_OPTION }),
      );
      if (positionals.length > 1) throw usageError(first, `"help" explains one command at a time.`);
      return help(positionals[0], out);
    }
  }
}

function printHelp(command: Command, out: Output): number {
  out.stdout(helpText(command));
  return Exit.ok;
}

/**
 * Runs `parseArgs` and turns its errors, which are written for programmers ("To specify a
 * positional argument starting with a '-', place it at the end of the command after '--'"),
 * into one short sentence and a pointer to the command's help.
 */
function parseCommand<T>(command: Command, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const option = /'([^']+)'/.exec(message)?.[1]?.split(', ').at(-1)?.split(' ')[0] ?? 'an option';
    switch (code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw usageError(command, `Unknown option "${option}" for ${command}.`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw usageError(
          command,
          /argument missing/.test(message)
            ? `The option ${option} needs a value, as in: ${option} ${exampleValue(command, option)}`
            : `The option ${option} does not take a value.`,
        );
      default:
        throw error;
    }
  }
}

/** A value to show in "needs a value, as in: …". */
function exampleValue(command: Command, option: string): string {
  if (option.endsWith('title')) return '"Case studies"';
  if (option === '--heading-level') return '3';
  if (option === '--lang') return 'cy';
  if (option.endsWith('from')) return 'rss';
  return command === 'html' ? 'case-studies.html' : 'feed.json';
}

function onePath(command: Command, positionals: string[], what: string, example: string): string {
  if (positionals.length === 0) {
    throw usageError(command, `Give ${what}, as in: case-study-finder ${command} ${example}`);
  }
  if (positionals.length > 1) {
    throw usageError(command, `"${command}" takes one file at a time (got ${quoteAll(positionals)}).`);
  }
  return positionals[0]!;
}

/** The `--from` format, checked against the ones the command reads. */
function fromOption<T extends string>(command: Command, value: string | undefined, formats: readonly T[]): T | undefined {
  if (value === undefined || formats.includes(value as T)) return value as T | undefined;
  throw usageError(command, `--from must be one of ${formats.join(', ')} (got "${value}").`);
}

function usageError(command: Command, message: string): CliError {
  return new CliError(`${message}\n  Run "case-study-finder help ${command}" for how to use it.`);
}

function quoteAll(values: string[]): string {
  return values.map((value) => `"${value}"`).join(', ');
}

const output: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
};

// Piping into `head` closes standard output early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? Exit.ok);
});

main(process.argv.slice(2), output).then(
  // exitCode rather than exit(), so that output still queued for a pipe is written out.
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `✗ case-study-finder stopped because of a bug (${(error as Error).message}). Please report it, with the command you ran.\n`,
    );
    if (process.env.CSF_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    else process.stderr.write('  Run again with CSF_DEBUG=1 for the details.\n');
    process.exitCode = Exit.failed;
  },
);
