/// <reference types="node" />
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a command writes. Commands never touch `process` themselves, so main.ts owns exit codes. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit codes shared by every command. */
export const Exit = {
  /** Everything was fine. */
  ok: 0,
  /** The file was read and checked, and some items or rows have problems. */
  problems: 1,
  /** The command could not do its job at all: wrong arguments, unreadable file, not JSON or CSV. */
  failed: 2,
} as const;

/**
 * A problem the user can fix (a missing file, a typo in an option). Reported as its message
 * alone: a stack trace would only hide the one line that matters.
 */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number = Exit.failed,
    /** Extra lines shown under the message, such as the offending line of a file. */
    readonly details: string[] = [],
    /** Where in the file the problem is, for machine-readable reports. */
    readonly position?: { line: number; column?: number },
  ) {
    super(message);
  }
}

/** Reads a file, or standard input when the path is `-`, turning system errors into plain words. */
export function readInput(path: string): Buffer {
  try {
    return readFileSync(path === '-' ? 0 : path);
  } catch (cause) {
    throw new CliError(describeFileError(cause, path, 'read'));
  }
}

/**
 * Decodes UTF-8 and drops a leading byte order mark, as a browser's `response.text()` does.
 * `valid` is false when the bytes are not UTF-8 (the text then holds U+FFFD where they broke).
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), valid: false };
  }
}

/** The name to show for an input path. */
export function displayName(path: string): string {
  return path === '-' ? 'standard input' : path;
}

/** What a path that is not an ordinary file is, in words; undefined for an ordinary file. */
function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

const statOrUndefined = (read: () => Stats): Stats | undefined => {
  try {
    return read();
  } catch {
    return undefined;
  }
};

/**
 * Checks where `--out` would write before anything is read or written: it must name a file,
 * not be the input itself (under any name: a link, `./in.csv`), and if it exists be an
 * ordinary file (never a folder, a device such as /dev/null, a named pipe or a symbolic link,
 * which replacing would break).
 */
export function checkOutput(input: string, target: string, what = { input: 'the file being converted', output: 'the feed', example: 'feed.json' }): void {
  if (target.trim() === '') {
    throw new CliError('--out needs a file name, such as --out feed.json (or --out - to print the feed).');
  }
  const existing = statOrUndefined(() => lstatSync(target));
  if (!existing) return;
  const kind = kindOf(existing);
  if (kind) {
    throw new CliError(`Not written: "${target}" is ${kind}, not an ordinary file. Give the name of a file to create or replace.`);
  }
  const source = input === '-' ? undefined : statOrUndefined(() => statSync(input));
  if (source && source.dev === existing.dev && source.ino === existing.ino) {
    throw new CliError(
      `Not written: "${target}" is ${what.input}, and writing ${what.output} there would replace it. Choose another name, such as --out ${what.example}.`,
    );
  }
}

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it, which then
 * replaces the target, so an interrupted run never leaves half a feed on a live site.
 *
 * The temporary file has a random name and is created exclusively without following links
 * (`O_EXCL | O_NOFOLLOW`): a file or link planted under a predictable name cannot make it write
 * elsewhere. It takes the target's mode (and owner, where allowed), so a feed kept private
 * (600) stays private. Call {@link checkOutput} first.
 */
export function writeFileAtomically(path: string, text: string): void {
  const previous = statOrUndefined(() => lstatSync(path));
  if (previous && kindOf(previous)) {
    throw new CliError(`Not written: "${path}" is ${kindOf(previous)}, not an ordinary file. Give the name of a file to create or replace.`);
  }
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
    // A new feed gets what the umask allows, as any program's file would; a replaced one
    // keeps its own mode exactly (the umask would take bits off it).
    fd = openSync(temporary, flags, previous ? 0o600 : 0o666);
    if (previous) {
      try {
        fchownSync(fd, previous.uid, previous.gid);
      } catch {
        // Only the superuser may give a file away: as anyone else it stays theirs.
      }
      fchmodSync(fd, previous.mode & 0o7777);
    }
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, path);
  } catch (cause) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temporary, { force: true });
    throw cause instanceof CliError ? cause : new CliError(describeFileError(cause, path, 'write'));
  }
}

function describeFileError(cause: unknown, path: string, verb: 'read' | 'write'): string {
  const code = (cause as NodeJS.ErrnoException).code;
  const name = `"${path}"`;
  switch (code) {
    case 'ENOENT':
      return verb === 'read'
        ? `Cannot find the file ${name}. Check its name, and that you are in the right folder.`
        : `Cannot write ${name}: the folder it should go in does not exist.`;
    case 'EISDIR':
      return `${name} is a folder, not a file.`;
    case 'EACCES':
    case 'EPERM':
      return `You do not have permission to ${verb} ${name}.`;
    default:
      return `Cannot ${verb} ${name}: ${code ?? (cause as Error).message}.`;
  }
}
