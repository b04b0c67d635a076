import { defineConfig } from 'vite';

/**
 * The webmaster command line (`bin/case-study-finder.js`): src/cli/main.ts built for Node 20
 * into dist/cli/main.js. The feed code is bundled in, so the CLI validates with exactly the
 * schema the widget ships; zod and csv-parse stay ordinary dependencies, as they are for the
 * library entry (dist/lib), rather than a second copy of zod in the package.
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
      output: {
        format: 'es',
        entryFileNames: 'main.js',
        comments: { legal: true, annotation: false, jsdoc: false },
        // Minified with the functions' names kept, so a stack trace (CSF_DEBUG=1) still names them.
        minify: { compress: true, mangle: { toplevel: false, keepNames: true }, codegen: { removeWhitespace: true } },
      },
    },
  },
  ssr: {
    target: 'node',
    noExternal: true,
    external: ['csv-parse', 'zod'],
  },
});
