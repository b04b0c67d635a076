import { defineConfig } from 'vite';
import { minifyTemplates } from './scripts/minify-templates.mjs';

/**
 * Library build: one self-contained ES module and one classic script, lit, fuse.js and zod
 * inside. `npm start` serves the demo from the sources.
 */
export default defineConfig({
  plugins: [minifyTemplates({ include: ['src/case-study-finder.ts', 'src/case-study-finder.styles.ts'] })],
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
      output: { minify: true },
    },
    sourcemap: true,
  },
});
