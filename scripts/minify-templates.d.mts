import type { Plugin } from 'vite';

/** Minifies the literal text of `html` and `css` tagged templates in the files named. */
export function minifyTemplates(options: { include: string[] }): Plugin;

/** The source text with its `html` and `css` templates minified. */
export function minifySource(source: string): string;
