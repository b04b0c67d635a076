import { FeedError } from '../lib/feed.js';
import type { FormatReaders } from '../browser/formats-loader.js';

/**
 * The self-contained bundle's stand-in for src/browser/formats-loader.ts (vite.config.ts puts
 * it in place): the readers of other formats are a file of their own,
 * case-study-finder-formats.js, loaded from beside the bundle the first time a feed is not our
 * JSON, so that pages reading our JSON never download them.
 */
let address: string | undefined;

/** Where the readers are: beside the bundle, as bundle.ts finds it (the worker's address too). */
export function useReaders(url: string): void {
  address = url;
}

export const loadReaders = (): Promise<FormatReaders> =>
  address
    ? (import(/* @vite-ignore */ address) as Promise<FormatReaders>).catch((cause: unknown) => {
        throw new FeedError(`The feed is not our JSON, and the file that reads other formats could not be loaded from ${address} (${String(cause)}): put case-study-finder-formats.js beside case-study-finder.js.`, { cause });
      })
    : Promise.reject(
        new FeedError('The feed is not our JSON, and this copy of the widget has no address of its own to find case-study-finder-formats.js beside it: load case-study-finder.js from a file, with that file beside it, or convert the feed to our JSON.'),
      );
