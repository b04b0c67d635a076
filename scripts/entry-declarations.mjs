// Declarations for the two self-contained files, written after `tsc -p tsconfig.build.json`:
// the ES module exports what the bundler build exports; the classic script exports nothing (it
// defines the element, and a page loads it with <script src>), which its declaration says, so
// that type checkers resolve `case-study-finder/iife` to the truth.
import { writeFileSync } from 'node:fs';

writeFileSync('dist/case-study-finder.d.ts', "export * from './lib/index.js';\n");
writeFileSync(
  'dist/case-study-finder.iife.d.ts',
  '// A classic script: it defines <case-study-finder> and exports nothing. For types, import\n' +
    "// them from 'case-study-finder'.\nexport {};\n",
);
