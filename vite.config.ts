import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * Library build: one self-contained ES module and one classic script, Lit inside; with
 * `--mode readers` (run second), the readers of other feed formats, a module the bundle loads
 * from beside itself for a feed that is not our JSON. `npm start` serves the demo from the
 * sources.
 */
export default defineConfig(({ mode }) => ({
  plugins: [
    {
      // The bundle loads the readers of other formats from their own file, not from a chunk
      // (a classic script cannot have chunks): src/entries/formats-loader.ts stands in for the
      // loader an app's bundler uses.
      name: 'readers-beside-the-bundle',
      apply: 'build',
      enforce: 'pre',
      resolveId(source, importer) {
        if (source === './formats-loader.js' && importer?.endsWith('/src/browser/fetch-feed.ts')) {
          return fileURLToPath(new URL('./src/entries/formats-loader.ts', import.meta.url));
        }
        return undefined;
      },
    },
    // Minifiers leave template literals alone (their text is data): this minifies the static
    // text of every Lit `html` and `css` template, the Lit team's own way.
    { ...minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true }), enforce: 'pre' },
    {
      // Themes are plain CSS files beside the bundle (dist/themes/), linked by the page.
      name: 'themes',
      apply: 'build',
      generateBundle(options) {
        if (options.format !== 'es' || mode === 'readers') return;
        this.emitFile({ type: 'asset', fileName: 'themes/govuk.css', source: readFileSync('src/themes/govuk.css', 'utf8') });
      },
    },
    {
      // `npm start` prints the server's root address: send it to the demo.
      name: 'root-to-demo',
      configureServer(server) {
        server.middlewares.use((request, response, next) => {
          if (request.url !== '/') return next();
          response.writeHead(302, { Location: '/demo/' });
          response.end();
        });
      },
    },
  ],
  server: { open: '/demo/' },
  // Vite would otherwise scan every HTML file in the repository for dependencies, the package
  // test's consumer apps among them, and report their imports of the package as missing.
  optimizeDeps: { entries: ['demo/index.html'] },
  build: {
    // Safari and iOS 15.4 are the oldest supported (SPEC): no class static blocks (Safari 16.4,
    // and the es2022 target emits them: WebKit 2.38 fails to parse the whole file). Class fields
    // are lowered too, as the bundler's browser data asks for Safari 15: WebKit bug 236843 makes
    // some field initializers throw a ReferenceError there (about 1 KB gzip; `safari16` would keep
    // them and cost 13 B). Lit 3 itself needs ES2021, which this covers.
    target: ['safari15.4', 'ios15.4'],
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, format: { comments: /^!|@license|@preserve/ } },
    lib:
      mode === 'readers'
        ? { entry: 'src/lib/formats/page-reader.ts', formats: ['es'], fileName: () => 'case-study-finder-formats.js' }
        : {
            entry: 'src/entries/bundle.ts',
            name: 'CaseStudyFinder',
            formats: ['es', 'iife'],
            fileName: (format) => (format === 'es' ? 'case-study-finder.js' : `case-study-finder.${format}.js`),
          },
    // The readers' build adds its file beside the bundles.
    emptyOutDir: mode !== 'readers',
    rolldownOptions: {
      // Terser is slow and rolldown says so on every build; it is known and chosen (smaller output).
      checks: { pluginTimings: false },
      // The libraries' /* @__PURE__ */ marks are no use once the bundle is built; their
      // licence notices stay.
      output: {
        minify: true,
        // A classic script served without a charset is read in the page's encoding: raw
        // non-ASCII (the search's letter folding table, "…") is a SyntaxError on a Latin-1
        // page. rolldown's minifier runs last, so it is the one told (terser's ascii_only
        // would be undone by it).
        charset: 'ascii',
        comments: { legal: true, annotation: false, jsdoc: false },
        // The maps give a minified stack trace its names and lines back (sources paths name the
        // repository's files); carrying every dependency's source text would make them four
        // times the package's own code.
        sourcemapExcludeSources: true,
      },
      onLog(level, log, handler) {
        // src/entries/bundle.ts reads import.meta.url only where there is no classic script: in the
        // IIFE it is never reached, so its being empty there is fine.
        if (log.code !== 'EMPTY_IMPORT_META') handler(level, log);
      },
    },
    sourcemap: true,
  },
}));
