import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/**
 * Library build: one self-contained ES module and one classic script, lit, fuse.js and zod
 * inside. `npm start` serves the demo from the sources.
 */
export default defineConfig({
  plugins: [
    minifyTemplates({ include: ['src/case-study-finder.ts', 'src/case-study-finder.styles.ts'] }),
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
  build: {
    target: 'es2022',
    minify: 'oxc',
    lib: {
      entry: 'src/index.ts',
      name: 'CaseStudyFinder',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'case-study-finder.js' : `case-study-finder.${format}.js`),
    },
    rolldownOptions: {
      // The libraries' /* @__PURE__ */ marks are no use once the bundle is built; their
      // licence notices stay.
      output: { minify: true, comments: { legal: true, annotation: false, jsdoc: false } },
    },
    sourcemap: true,
  },
});
