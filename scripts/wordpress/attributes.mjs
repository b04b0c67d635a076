// The element's attributes as the WordPress plugin needs them, from custom-elements.json (the
// manifest `npm run manifest` writes from the element's JSDoc): the PHP allow-list that kses,
// the shortcode and the block share, and the block's attributes in block.json. So a new
// attribute, or a value the element stops accepting, reaches the plugin at the next build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the manifest's types cannot say: the form a text or number value must take. Every other
 * attribute's kind follows from its type: a list of literals (`'compact'`) is the values
 * allowed, `boolean` a flag, `number` a whole number above 0, `string` plain text.
 */
export const REFINEMENTS = {
  src: 'url',
  'all-href': 'url',
  // Feed field names, such as `topics supportTypes year`.
  facets: 'fields',
  'url-prefix': 'token',
  // "Level of the card headings, 2 to 6" in the element's JSDoc; its type is `number`.
  'heading-level': ['2', '3', '4', '5', '6'],
};

/** `'a' | 'b' | undefined` → ['a', 'b']; undefined when the type is not only literals. */
function literals(text) {
  const parts = (text ?? '').split('|').map((part) => part.trim());
  if (!parts.every((part) => /^'[^'\\]*'$|^undefined$|^null$/.test(part))) return undefined;
  const values = parts.filter((part) => part !== 'undefined' && part !== 'null').map((part) => part.slice(1, -1));
  return values.length ? values : undefined;
}

/**
 * The element's attributes in manifest order: `{ name, field, kind, type }`, where kind is the
 * PHP kind (a name, or the list of values allowed) and type the block attribute's type.
 */
export function elementAttributes(root) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const element = manifest.modules
    .flatMap((mod) => mod.declarations ?? [])
    .find((declaration) => declaration.tagName === 'case-study-finder');
  if (!element?.attributes?.length) throw new Error('custom-elements.json has no <case-study-finder> with attributes: run "npm run manifest".');
  const names = new Set(element.attributes.map((attribute) => attribute.name));
  const stale = Object.keys(REFINEMENTS).filter((name) => !names.has(name));
  if (stale.length) throw new Error(`scripts/wordpress/attributes.mjs refines ${stale.join(', ')}, which the element no longer has.`);

  return element.attributes.map((attribute) => {
    const text = (attribute.type?.text ?? 'string').replace(/\s*\|\s*undefined$/, '');
    const kind =
      REFINEMENTS[attribute.name] ??
      literals(attribute.type?.text) ??
      (text === 'boolean' ? 'flag' : text === 'number' ? 'count' : 'text');
    const type = kind === 'flag' ? 'boolean' : text === 'number' ? 'number' : 'string';
    const field = attribute.fieldName ?? attribute.name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
    return { name: attribute.name, field, kind, type };
  });
}

const phpString = (value) => `'${String(value).replace(/[\\']/g, '\\$&')}'`;

/** includes/element-attributes.php: element_attributes(), for kses, the shortcode and the block. */
export function attributesPhp(attributes) {
  const width = Math.max(...attributes.map((a) => phpString(a.name).length));
  const rows = attributes
    .map((a) => {
      const kind = Array.isArray(a.kind) ? `array( ${a.kind.map(phpString).join(', ')} )` : phpString(a.kind);
      return `\t\t${phpString(a.name).padEnd(width)} => ${kind},`;
    })
    .join('\n');
  return `<?php
/**
 * The element's attributes and the kind of value each takes. Generated from the element's
 * custom-elements.json by scripts/wordpress/build.mjs: do not edit (see
 * scripts/wordpress/attributes.mjs).
 *
 * @package CaseStudyFinder
 */

namespace CaseStudyFinder;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Every attribute of <case-study-finder>, with the kind of value it takes: a kind name (see
 * is_valid_value()), or the list of values allowed.
 *
 * @return array<string, string|string[]>
 */
function element_attributes() {
	return array(
${rows}
	);
}
`;
}

/** The block's attributes for the element's settings (camelCase names, as the element's properties). */
export function blockAttributes(attributes) {
  const block = {};
  for (const a of attributes) {
    if (a.type === 'boolean') block[a.field] = { type: 'boolean', default: false };
    else if (a.type === 'number') block[a.field] = Array.isArray(a.kind) ? { type: 'number', enum: a.kind.map(Number) } : { type: 'number' };
    else block[a.field] = Array.isArray(a.kind) ? { type: 'string', enum: ['', ...a.kind], default: '' } : { type: 'string', default: '' };
  }
  return block;
}
