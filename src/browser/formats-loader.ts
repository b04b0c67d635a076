import type * as Readers from '../lib/formats/page-reader.js';

/** The readers of other formats: see src/lib/formats/page-reader.ts. */
export type FormatReaders = typeof Readers;

/**
 * Loads the readers of other formats. An app's bundler splits them into a chunk of their own
 * here; the self-contained bundle replaces this module with src/entries/formats-loader.ts,
 * which loads dist/case-study-finder-formats.js from beside itself.
 */
export const loadReaders = (): Promise<FormatReaders> => import('../lib/formats/page-reader.js');
