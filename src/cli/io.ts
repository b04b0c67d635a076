/// <reference types="node" />
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

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

/**
 * Writes a file whole or not at all: the text goes to a temporary file beside it, which then
 * replaces the target, so an interrupted run never leaves half a feed on a live site.
 */
export function writeFileAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (cause) {
    rmSync(temporary, { force: true });
    throw new CliError(describeFileError(cause, path, 'write'));
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
