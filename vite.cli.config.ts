import { defineConfig } from 'vite';

/**
 * The webmaster command line (`bin/case-study-finder.js`): src/cli/main.ts built for Node 20
 * into dist/cli/main.js. The feed code (src/lib: the schema, the feed readers) is imported from
 * the bundler build (dist/lib/lib, `npm run build:types`), compiled from the same files, so the
 * CLI checks and reads feeds exactly as the widget does without a second copy of it in the
 * package (which must stay under 900 KB); zod, csv-parse and @xmldom/xmldom (the CLI's XML
 * parser, where the widget has the browser's) stay ordinary dependencies.
 *
 * Build it after the library: `vite build` empties the whole of dist/.
 */
export default defineConfig({
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    copyPublicDir: false,
    rolldownOptions: {
      // The widget's own code (src/lib) is imported from the bundler build beside it
      // (dist/lib/lib), compiled from the same files, rather than carried twice in the package.
      external: (id) => /[\\/]src[\\/]lib[\\/]/.test(id),
      output: {
        format: 'es',
        entryFileNames: 'main.js',
        comments: { legal: true, annotation: false, jsdoc: false },
        // Minified with the functions' names kept, so a stack trace (CSF_DEBUG=1) still names them.
        minify: { compress: true, mangle: { toplevel: false, keepNames: true }, codegen: { removeWhitespace: true } },
        paths: (id) => id.replace(/^.*[\\/]src[\\/]lib[\\/]/, '../lib/lib/').replace(/\.ts$/, '.js'),
      },
    },
  },
  ssr: {
    target: 'node',
    noExternal: true,
    external: ['csv-parse', 'zod', '@xmldom/xmldom'],
  },
});
