// The plugin zip as WordPress's "Upload Plugin" reads it: one top folder named after the
// plugin, its main file and readme.txt with the headers WordPress and the plugin directory
// read, and the widget's bundles inside. Needs `npm run build`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

const root = fileURLToPath(new URL('../../', import.meta.url));
const zipPath = join(root, 'dist/wordpress/case-study-finder.zip');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

let files;
before(() => {
  assert.ok(existsSync(zipPath), 'No plugin zip: run "npm run build" first.');
  files = unzipSync(readFileSync(zipPath));
});

/** A plugin or readme header's value, as WordPress's get_file_data() reads it. */
const header = (text, name) => text.match(new RegExp(`^[ \\t/*#@]*${name}:(.*)$`, 'mi'))?.[1].trim();

describe('dist/wordpress/case-study-finder.zip', () => {
  test('has one top folder, case-study-finder/, with the plugin, its block and the widget', () => {
    const names = Object.keys(files);
    assert.deepEqual([...new Set(names.map((name) => name.split('/')[0]))], ['case-study-finder']);
    for (const name of [
      'case-study-finder.php',
      'readme.txt',
      'LICENSE.txt',
      'block/block.json',
      'block/editor.js',
      'dist/case-study-finder.js',
      'dist/case-study-finder.iife.js',
    ]) {
      assert.ok(names.includes(`case-study-finder/${name}`), `${name} is missing`);
    }
    for (const name of ['case-study-finder.js', 'case-study-finder.iife.js']) {
      assert.deepEqual(
        files[`case-study-finder/dist/${name}`],
        new Uint8Array(readFileSync(join(root, 'dist', name))),
        `dist/${name} is not the one just built`,
      );
    }
  });

  test('the plugin header names it, its version and the oldest WordPress it runs on (Debian 12 has 6.1)', () => {
    const main = strFromU8(files['case-study-finder/case-study-finder.php']);
    assert.equal(header(main, 'Plugin Name'), 'Case Study Finder');
    assert.equal(header(main, 'Version'), version);
    assert.equal(header(main, 'Requires at least'), '6.1');
    assert.equal(header(main, 'Text Domain'), 'case-study-finder');
    assert.match(main, new RegExp(`^const VERSION\\s+= '${version.replace(/\./g, '\\.')}';$`, 'm'));
    // wp_enqueue_script_module() is WordPress 6.5: it would be a fatal error on 6.1.
    const code = Object.entries(files)
      .filter(([name]) => name.endsWith('.php'))
      .flatMap(([, bytes]) => strFromU8(bytes).split('\n'))
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line));
    assert.deepEqual(code.filter((line) => /wp_(enqueue|register)_script_module\s*\(/.test(line)), []);
  });

  test('readme.txt is in the plugin directory format', () => {
    const readme = strFromU8(files['case-study-finder/readme.txt']);
    assert.match(readme, /^=== Case Study Finder ===$/m);
    assert.equal(header(readme, 'Stable tag'), version);
    assert.equal(header(readme, 'Requires at least'), '6.1');
    assert.ok(header(readme, 'License'));
    for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Changelog']) {
      assert.match(readme, new RegExp(`^== ${section} ==$`, 'm'), `no "${section}" section`);
    }
  });

  test("the element's attributes come from custom-elements.json: the PHP allow-list and the block's settings", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
    const element = manifest.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName === 'case-study-finder');
    const php = strFromU8(files['case-study-finder/includes/element-attributes.php']);
    const listed = [...php.matchAll(/^\t\t'([a-z-]+)'\s+=>/gm)].map((match) => match[1]);
    assert.deepEqual(listed, element.attributes.map((attribute) => attribute.name));
    // A value the element does not take is not allowed: variant is 'compact' only.
    assert.match(php, /'variant'\s+=> array\( 'compact' \),/);
    const block = JSON.parse(strFromU8(files['case-study-finder/block/block.json']));
    for (const attribute of element.attributes) assert.ok(block.attributes[attribute.fieldName], attribute.fieldName);
    assert.deepEqual(block.attributes.variant, { type: 'string', enum: ['', 'compact'], default: '' });
  });

  test('block.json is valid JSON naming the editor script the plugin registers', () => {
    const block = JSON.parse(strFromU8(files['case-study-finder/block/block.json']));
    assert.equal(block.name, 'case-study-finder/finder');
    assert.equal(block.apiVersion, 2, 'apiVersion 3 needs WordPress 6.3');
    assert.match(strFromU8(files['case-study-finder/includes/block.php']), new RegExp(`'${block.editorScript}'`));
  });
});
