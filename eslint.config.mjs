// ESLint for the sources, tests, bench and scripts: the TypeScript rules, Lit's template
// rules, the web-component rules and the accessibility rules for templates. `npm run lint`
// runs it with lit-analyzer (template bindings checked against the element types).
import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/dist/', 'bench/relevance/dist/', '.scratch/', 'wordpress/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // `_` marks a value a destructuring or a loop must name but does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The element is defined in index.ts, guarded against a second definition.
      'wc/guard-super-call': 'off',
    },
  },
  {
    // What ships to browsers: Safari and iOS 15.4 are the oldest supported (SPEC), and have no
    // regular-expression lookbehind (16.4). The minifier turns one into a RegExp built at run
    // time, which parses but throws there: search answered every query with the whole feed.
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts', 'src/cli/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'Literal[regex.pattern=/\\(\\?<[=!]/]', message: 'No lookbehind: Safari before 16.4 cannot run it.' },
        { selector: "NewExpression[callee.name='RegExp'] > Literal[value=/\\(\\?<[=!]/]", message: 'No lookbehind: Safari before 16.4 cannot run it.' },
      ],
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.js', 'test/**/*.mjs', '*.config.{mjs,ts}', 'custom-elements-manifest.config.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
