// What `npm publish` would ship, checked against what users need: the tarball's file list from
// `npm pack --dry-run`, the `exports` map, the bin, the type declarations as a consumer's
// TypeScript sees them, and custom-elements.json against the element's source.
// Needs the build: `npm run build && node --test test/node/package.test.mjs`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const read = (path) => readFileSync(join(root, path), 'utf8');

/** Files under `dir` (relative to the root, `/`-separated), recursively. */
function walk(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)).split('\\').join('/'));
}

/** Every file path an `exports` entry can lead to, whatever the conditions. */
function targets(entry) {
  if (typeof entry === 'string') return [entry];
  return Object.values(entry ?? {}).flatMap(targets);
}

/** Module specifiers a built file imports or re-exports (tsc output and minified bundles). */
/** What a module imports, read by TypeScript's own scanner: a pattern match took `from' '.split(' '` in a string for an import. */
function specifiers(code) {
  return ts.preProcessFile(code, true, true).importedFiles.map((file) => file.fileName);
}

const isBare = (specifier) => !/^(\.{1,2}\/|\/|[a-z]+:)/.test(specifier);
/** `lit`, `@lit/task/x.js` → the package name. */
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

let packed; // Set of paths in the tarball.
let pack; // npm's JSON description of the tarball.
let manifest;
let element;

before(() => {
  const needed = ['dist/case-study-finder.js', 'dist/lib/index.js', 'dist/cli/main.js', 'custom-elements.json'];
  const missing = needed.filter((file) => !existsSync(join(root, file)));
  assert.deepEqual(missing, [], `The package is not built (missing ${missing.join(', ')}): run "npm run build" first.`);

  // --ignore-scripts: `prepack` would run the whole build again; the test command has just run it.
  // Under `npm run`, npm_execpath is the npm that is running; spawning it through Node avoids
  // needing a shell to find npm.cmd on Windows.
  const npm = /npm-cli\.js$/.test(process.env.npm_execpath ?? '')
    ? [process.execPath, process.env.npm_execpath]
    : [process.platform === 'win32' ? 'npm.cmd' : 'npm'];
  const run = spawnSync(npm[0], [...npm.slice(1), 'pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    shell: process.platform === 'win32' && npm.length === 1,
  });
  assert.equal(run.status, 0, `npm pack --dry-run failed:\n${run.stderr}`);
  [pack] = JSON.parse(run.stdout);
  packed = new Set(pack.files.map((file) => file.path));

  manifest = JSON.parse(read('custom-elements.json'));
  element = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .find((declaration) => declaration.customElement && declaration.tagName === 'case-study-finder');
});

describe('npm pack', () => {
  test('ships the bundles, the bundler build, the CLI, the schema and the manifest', () => {
    const required = [
      'package.json',
      'README.md',
      'LICENSE',
      'custom-elements.json',
      'schema/feed.schema.json',
      'bin/case-study-finder.js',
      'dist/case-study-finder.js',
      'dist/case-study-finder.js.map',
      'dist/case-study-finder.d.ts',
      'dist/case-study-finder.iife.js',
      'dist/case-study-finder.iife.js.map',
      'dist/case-study-finder.iife.d.ts',
      'dist/case-study-finder-formats.js',
      'dist/case-study-finder-formats.js.map',
      'dist/lib/entries/search-worker.js',
      'dist/lib/entries/search-worker.d.ts',
      'dist/themes/govuk.css',
      'dist/frameworks/react.d.ts',
      'dist/frameworks/preact.d.ts',
      'dist/frameworks/vue.d.ts',
      'dist/frameworks/svelte.d.ts',
      'dist/frameworks/types-only.js',
      'dist/editors/vscode.html-custom-data.json',
      'dist/editors/web-types.json',
      'dist/cli/main.js',
      'dist/lib/index.js',
      'dist/lib/index.d.ts',
      'dist/lib/case-study-finder.js',
      'dist/lib/case-study-finder.d.ts',
      'dist/lib/events.js',
      'dist/lib/events.d.ts',
    ];
    assert.deepEqual(
      required.filter((file) => !packed.has(file)),
      [],
      'missing from the tarball',
    );
  });

  test('ships nothing else', () => {
    const allowed = [
      /^(package\.json|README\.md|LICENSE|custom-elements\.json)$/,
      /^schema\/[\w.-]+\.json$/,
      /^bin\/[\w.-]+\.js$/,
      // The bundles' maps are kept: the bundles end with a sourceMappingURL comment (a CDN
      // serving the package would answer it with a 404 otherwise), and with them a minified
      // stack trace from a live page can be read. They leave out the sources' text (see the
      // consumers test), which is four times the package's own code.
      /^dist\/case-study-finder(\.iife)?\.js(\.map)?$/,
      // The readers of other feed formats, which the bundles load from beside themselves.
      /^dist\/case-study-finder-formats\.js(\.map)?$/,
      /^dist\/case-study-finder(\.iife)?\.d\.ts$/,
      // Framework typings and editor data, generated from the manifest.
      /^dist\/frameworks\/(react|preact|vue|svelte)\.d\.ts$/,
      /^dist\/frameworks\/types-only\.js$/,
      /^dist\/editors\/(vscode\.html-custom-data|web-types)\.json$/,
      /^dist\/cli\/[\w.-]+\.js$/,
      // Themes, linked by the page after its own CSS.
      /^dist\/themes\/[\w-]+\.css$/,
      // No .d.ts.map: declaration maps point into src/, which is not shipped.
      /^dist\/lib\/([\w-]+\/)*[\w.-]+(?<!\.test)\.(js|d\.ts)$/,
    ];
    const unexpected = [...packed].filter((file) => !allowed.some((pattern) => pattern.test(file)));
    assert.deepEqual(unexpected, [], 'files that users do not need');

    const forbidden = /^(src|test|demo|data|bench|scripts|node_modules|\.ci|\.scratch|dist\/bench)\/|\.test\.|\.tsbuildinfo$/;
    assert.deepEqual([...packed].filter((file) => forbidden.test(file)), []);
  });

  test('the bundler build has one module and one declaration file per source module', () => {
    const sources = walk('src')
      .filter((file) => /\.ts$/.test(file) && !/\.test\.ts$|\.d\.ts$/.test(file) && !file.startsWith('src/cli/'))
      // The self-contained bundle's entry and its worker start-up are not part of the bundler build.
      .filter((file) => !['src/entries/bundle.ts', 'src/entries/dom-stand-ins.ts', 'src/entries/formats-loader.ts'].includes(file))
      .map((file) => file.replace(/^src\//, 'dist/lib/').replace(/\.ts$/, ''));
    assert.ok(sources.length > 0);
    const expected = sources.flatMap((base) => [`${base}.js`, `${base}.d.ts`]).sort();
    const shipped = [...packed].filter((file) => file.startsWith('dist/lib/')).sort();
    assert.deepEqual(shipped, expected);
  });

  test('the bundler build leaves lit, fuse.js and zod to the app; its relative imports resolve', () => {
    const dependencies = new Set(Object.keys(pkg.dependencies));
    for (const file of [...packed].filter((f) => f.startsWith('dist/lib/'))) {
      for (const specifier of specifiers(read(file))) {
        if (isBare(specifier)) {
          assert.ok(dependencies.has(packageOf(specifier)), `${file} imports ${specifier}, which is not a dependency`);
        } else {
          const target = posix.join(posix.dirname(file), specifier);
          const candidates = file.endsWith('.d.ts') ? [target, target.replace(/\.js$/, '.d.ts')] : [target];
          assert.ok(
            candidates.some((candidate) => packed.has(candidate)),
            `${file} imports ${specifier}, which is not in the tarball`,
          );
        }
      }
    }
    assert.ok(specifiers(read('dist/lib/case-study-finder.js')).includes('lit'), 'lit should stay external');
  });

  test('the self-contained bundles and the readers file import nothing', () => {
    for (const file of ['dist/case-study-finder.js', 'dist/case-study-finder.iife.js', 'dist/case-study-finder-formats.js']) {
      assert.deepEqual(specifiers(read(file)).filter(isBare), [], `${file} should have lit and fuse.js inside`);
    }
  });

  // zod is the schema of record (lib/feed-schema.ts: the JSON Schema, the CLI, the types), but
  // a sixth of the widget's size budget: the page checks feeds by hand (lib/feed.ts).
  test('the widget carries no zod: not in the bundles, not reached from the bundler build', () => {
    for (const file of ['dist/case-study-finder.js', 'dist/case-study-finder.iife.js', 'dist/case-study-finder-formats.js']) {
      assert.doesNotMatch(read(file), /\$Zod|jitless|zod/i, `${file} has zod's code in it`);
    }
    const seen = new Set();
    const bare = new Set();
    const visit = (file) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of specifiers(read(file))) {
        if (isBare(specifier)) bare.add(packageOf(specifier));
        else visit(posix.join(posix.dirname(file), specifier));
      }
    };
    for (const entry of ['dist/lib/index.js', 'dist/lib/entries/search-worker.js']) visit(entry);
    assert.ok(seen.has('dist/lib/lib/feed.js'));
    assert.ok(!bare.has('zod'), `zod is imported by the widget's modules: ${[...seen].join(', ')}`);
    assert.ok(specifiers(read('dist/lib/lib/feed-schema.js')).includes('zod/mini'), 'the schema of record stays in zod');
  });
});

describe('package.json', () => {
  test('every exports target, main, module and types is in the tarball', () => {
    const paths = [
      ...Object.values(pkg.exports).flatMap(targets),
      pkg.main,
      pkg.module,
      pkg.types,
      pkg.customElements,
      pkg['web-types'],
    ].map((path) => posix.normalize(path));
    for (const path of paths) {
      assert.ok(existsSync(join(root, path)), `${path} does not exist`);
      assert.ok(packed.has(path), `${path} is not in the tarball`);
    }
  });

  test('exports resolve: the bundler build by default, the bundle and the rest by subpath', () => {
    // A package can import itself by name, through its own exports map.
    const resolve = (specifier) => relative(root, fileURLToPath(import.meta.resolve(specifier))).split('\\').join('/');
    assert.equal(resolve('case-study-finder'), 'dist/lib/index.js');
    assert.equal(resolve('case-study-finder/bundle'), 'dist/case-study-finder.js');
    assert.equal(resolve('case-study-finder/iife'), 'dist/case-study-finder.iife.js');
    assert.equal(resolve('case-study-finder/worker'), 'dist/lib/entries/search-worker.js');
    for (const framework of ['react', 'preact', 'vue', 'svelte']) {
      assert.equal(resolve(`case-study-finder/${framework}`), 'dist/frameworks/types-only.js');
    }
    assert.equal(resolve('case-study-finder/custom-elements.json'), 'custom-elements.json');
    assert.equal(resolve('case-study-finder/schema/feed.schema.json'), 'schema/feed.schema.json');
    assert.equal(resolve('case-study-finder/package.json'), 'package.json');
    assert.throws(() => import.meta.resolve('case-study-finder/src/index.ts'), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  test('bin points to a shipped script that loads the built CLI', () => {
    for (const [name, path] of Object.entries(pkg.bin)) {
      const file = posix.normalize(path);
      assert.ok(packed.has(file), `bin ${name}: ${file} is not in the tarball`);
      assert.match(read(file), /^#!\/usr\/bin\/env node\n/, `bin ${name}: no shebang`);
    }
  });

  test('the element module is marked as having side effects (it defines the element)', () => {
    assert.ok(pkg.sideEffects.includes('./dist/lib/index.js'));
    assert.ok(pkg.sideEffects.includes('./dist/case-study-finder*.js'));
  });
});

describe('type declarations, as a TypeScript app sees them', () => {
  let app;
  before(() => {
    // The app finds the package the way npm installs it; its imports of lit etc. resolve from
    // this repository's node_modules through the link.
    app = mkdtempSync(join(tmpdir(), 'csf-types-'));
    mkdirSync(join(app, 'node_modules'));
    symlinkSync(root, join(app, 'node_modules', 'case-study-finder'), 'junction');
    writeFileSync(join(app, 'package.json'), '{ "type": "module", "private": true }\n');
    writeFileSync(
      join(app, 'app.ts'),
      `import { CaseStudyFinder, CsfLoadEvent, type CaseStudy } from 'case-study-finder';
import type { CaseStudyFinder as Bundled } from 'case-study-finder/bundle';
const el = document.createElement('case-study-finder');
el.pageSize = 3;
el.addEventListener('csf-load', (event) => console.log(event.detail.total, event instanceof CsfLoadEvent));
const bundled: Bundled = el;
const items: CaseStudy[] = [];
console.log(bundled instanceof CaseStudyFinder, items);
`,
    );
  });
  after(() => rmSync(app, { recursive: true, force: true }));

  for (const [module, moduleResolution] of [
    ['ESNext', 'Bundler'],
    ['NodeNext', 'NodeNext'],
  ]) {
    test(`import 'case-study-finder' type-checks with moduleResolution ${moduleResolution}`, () => {
      const tsconfig = {
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module,
          moduleResolution,
          lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          types: [],
          skipLibCheck: false,
        },
        files: ['app.ts'],
      };
      writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(tsconfig));
      const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', app], {
        encoding: 'utf8',
      });
      assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    });
  }
});

describe('custom-elements.json', () => {
  test('describes <case-study-finder>, and package.json points to it', () => {
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(element, 'no custom element with tagName "case-study-finder"');
    assert.equal(element.name, 'CaseStudyFinder');
  });

  test('module paths name shipped files', () => {
    for (const mod of manifest.modules) {
      assert.ok(packed.has(mod.path), `${mod.path} is not in the tarball`);
      for (const exp of mod.exports ?? []) {
        if (exp.declaration?.module) assert.ok(packed.has(exp.declaration.module), exp.declaration.module);
      }
    }
  });

  test('lists every attribute, documented, and no internal state', () => {
    const attributes = element.attributes.map((attribute) => attribute.name);
    for (const name of ['src', 'facets', 'page-size', 'sort', 'lang', 'heading-level', 'timeout', 'sync-url', 'url-prefix']) {
      assert.ok(attributes.includes(name), `attribute ${name} missing`);
    }
    assert.deepEqual(element.attributes.filter((a) => !a.description).map((a) => a.name), [], 'undocumented attributes');
    const publicFields = new Set(element.members.filter((m) => m.kind === 'field').map((m) => m.name));
    assert.deepEqual(element.attributes.filter((a) => !publicFields.has(a.fieldName)).map((a) => a.name), []);
    assert.deepEqual(element.members.filter((m) => m.privacy === 'private').map((m) => m.name), []);
  });

  test('lists the three events, each named and documented', () => {
    assert.deepEqual(element.events.map((event) => event.name).sort(), ['csf-change', 'csf-error', 'csf-load']);
    assert.deepEqual(element.events.filter((event) => !event.description), []);
  });

  test('types events as CustomEvent<Detail>, with a reference to the module that declares the detail', () => {
    const types = Object.fromEntries(element.events.map((event) => [event.name, event.type]));
    assert.deepEqual(types['csf-change'], {
      text: 'CustomEvent<CsfChangeDetail>',
      references: [{ name: 'CsfChangeDetail', module: 'dist/lib/events.js', start: 12, end: 27 }],
    });
    for (const [name, type] of Object.entries(types)) {
      assert.match(type.text, /^CustomEvent<Csf\w+Detail>$/, name);
      assert.match(read(type.references[0].module.replace(/\.js$/, '.d.ts')), new RegExp(`export interface ${type.references[0].name}\\b`));
    }
  });

  test('every type reference names a shipped module, and its position in the text', () => {
    const types = [...element.members, ...element.attributes, ...element.events].map((entry) => entry.type).filter(Boolean);
    const references = types.flatMap((type) => (type.references ?? []).map((reference) => ({ ...reference, text: type.text })));
    assert.ok(references.length >= 4, 'the event details, FeedItemInput and Strings should be referenced');
    for (const { name, module, start, end, text } of references) {
      assert.ok(packed.has(module), `${name}: ${module} is not in the tarball`);
      assert.equal(text.slice(start, end), name);
    }
  });

  test('spells out the values of sort and lang, and the type and real default of facets', () => {
    const attribute = (name) => element.attributes.find((a) => a.name === name);
    assert.equal(attribute('sort').type.text, "'relevance' | 'newest' | 'oldest' | 'title' | undefined");
    assert.equal(attribute('lang').type.text, "'en' | 'cy'");
    assert.deepEqual([attribute('facets').type?.text, attribute('facets').default], ['string', "'topics supportTypes'"]);
    // No attribute's default is the name of a constant in our source.
    assert.deepEqual(element.attributes.filter((a) => /^[A-Z_]+$/.test(a.default ?? '')).map((a) => a.name), []);
  });

  test('the default slot is the fallback content; the event classes extend the global CustomEvent', () => {
    assert.deepEqual(element.slots.map((slot) => slot.name), ['']);
    assert.match(element.slots[0].description, /^Fallback content, shown when JavaScript does not run and in the error state/);
    const events = manifest.modules.flatMap((mod) => mod.declarations ?? []).filter((d) => /^Csf\w+Event$/.test(d.name));
    assert.equal(events.length, 3);
    for (const declaration of events) assert.deepEqual(declaration.superclass, { name: 'CustomEvent', package: 'global:' });
  });

  test('lists every part the template uses', () => {
    // part="a b" and part=${cond ? 'a b' : 'a'}: every kebab-case word in either, in any
    // module of the element (templates are split into several).
    const source = walk('src')
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith('src/cli/'))
      .map(read)
      .join('\n');
    const used = new Set();
    // And heading(level, content, { part: 'card-title' }), which draws an hN with that part.
    for (const [, plain, expression, property] of source.matchAll(/\bpart(?:=(?:"([^"]*)"|\$\{([^}]*)\})|: ('[^']*'))/g)) {
      const text = plain ?? [...(expression ?? property).matchAll(/'([^']*)'/g)].map((m) => m[1]).join(' ');
      for (const word of text.split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(word)) used.add(word);
    }
    assert.ok(used.size > 10, 'found too few parts in the template: has the way parts are written changed?');
    const documented = new Set(element.cssParts.map((part) => part.name));
    assert.deepEqual([...used].filter((part) => !documented.has(part)).sort(), [], 'parts without an @csspart tag');
    assert.deepEqual([...documented].filter((part) => !used.has(part)).sort(), [], '@csspart tags for parts not in the template');
  });

  test('one tokens block: every --csf-* property is read there, documented with the same default, and themed by name', () => {
    const tokens = read('src/styles/tokens.ts');
    // A default may hold one level of brackets: var(--csf-gap, 1rem), minmax(13rem, 17rem).
    const read_ = new Map([...tokens.matchAll(/var\(\s*(--csf-[a-z0-9-]+)\s*,\s*((?:[^()]|\([^()]*\))+)\)/g)].map((m) => [m[1], m[2].trim()]));
    assert.ok(read_.size >= 9, 'found too few tokens: has the way tokens are written changed?');
    const documented = new Map(element.cssProperties.map((property) => [property.name, property.default]));
    assert.deepEqual([...read_.keys()].filter((name) => !documented.has(name)).sort(), [], 'tokens without an @cssprop tag in the class JSDoc');
    assert.deepEqual([...documented.keys()].filter((name) => !read_.has(name)).sort(), [], '@cssprop tags for tokens the styles never read');
    for (const [name, fallback] of read_) assert.equal(documented.get(name), fallback, `the documented default of ${name}`);
    // Every other style module reads the private tokens only, so a theme's property always
    // goes through the one block above.
    const others = walk('src').filter((file) => /(styles|\.styles)\.ts$|src\/styles\//.test(file) && file !== 'src/styles/tokens.ts');
    assert.ok(others.length >= 6, `style modules: ${others.join(', ')}`);
    for (const file of others) assert.doesNotMatch(read(file), /--csf-/, `${file} reads a public property directly`);
    const theme = new Set([...read('src/themes/govuk.css').matchAll(/(--csf-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    assert.deepEqual([...theme].filter((name) => !documented.has(name)).sort(), [], 'the GOV.UK theme sets properties the widget does not read');
  });
});

describe('editor data, generated from the manifest', () => {
  test('VS Code html.customData: every attribute, with the values of sort and lang and sync-url as a flag', () => {
    const data = JSON.parse(read('dist/editors/vscode.html-custom-data.json'));
    const [tag] = data.tags;
    assert.equal(tag.name, 'case-study-finder');
    assert.deepEqual(tag.attributes.map((a) => a.name), element.attributes.map((a) => a.name));
    const attribute = (name) => tag.attributes.find((a) => a.name === name);
    assert.deepEqual(attribute('sort').values.map((v) => v.name), ['relevance', 'newest', 'oldest', 'title']);
    assert.deepEqual(attribute('lang').values.map((v) => v.name), ['en', 'cy']);
    assert.equal(attribute('sync-url').valueSet, 'v');
    assert.equal(attribute('facets').values, undefined);
    assert.match(attribute('facets').description.value, /Default: `'topics supportTypes'`/);
    for (const event of element.events) assert.ok(tag.description.value.includes(`\`${event.name}\``), event.name);
  });

  test('JetBrains web-types, named by package.json: attributes, properties, events, slots, parts and custom properties', () => {
    const data = JSON.parse(read(pkg['web-types']));
    assert.equal(data.name, pkg.name);
    assert.equal(data.version, pkg.version);
    const [tag] = data.contributions.html.elements;
    assert.equal(tag.name, 'case-study-finder');
    assert.deepEqual(tag.attributes.map((a) => a.name), element.attributes.map((a) => a.name));
    assert.equal(tag.attributes.find((a) => a.name === 'sort').value.type, "'relevance' | 'newest' | 'oldest' | 'title'");
    assert.deepEqual(tag.events.map((e) => e.name).sort(), ['csf-change', 'csf-error', 'csf-load']);
    assert.deepEqual(tag.slots.map((slot) => slot.name), ['']);
    assert.ok(tag.js.properties.some((p) => p.name === 'items'));
    assert.equal(data.contributions.css.properties.length, element.cssProperties.length);
    assert.equal(data.contributions.css['pseudo-elements'].length, element.cssParts.length);
  });
});
