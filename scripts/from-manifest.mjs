// Writes what follows from custom-elements.json (run by `npm run manifest`, after the analyser):
//
//   dist/frameworks/react.d.ts, preact.d.ts, vue.d.ts, svelte.d.ts
//       JSX IntrinsicElements, Vue GlobalComponents and Svelte element typings, opted into with
//       `import type {} from 'case-study-finder/react'` (or /preact, /vue, /svelte);
//   dist/frameworks/types-only.js
//       the no-op module those subpaths lead to at run time, should one be imported for real;
//   dist/editors/vscode.html-custom-data.json   VS Code's `html.customData`;
//   dist/editors/web-types.json                 JetBrains web-types (package.json "web-types").
//
// Everything comes from the manifest, so a new attribute, property or event in the class JSDoc
// reaches every framework and editor at the next build. Properties are typed as the class types
// them (`CaseStudyFinder['pageSize']`), so the typings can never disagree with the element; an
// attribute whose manifest type is a list of literals (`sort`, `lang`) gets that list.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));

const elements = manifest.modules.flatMap((mod) =>
  (mod.declarations ?? []).filter((d) => d.customElement && d.tagName).map((declaration) => ({ declaration, module: mod.path })),
);
if (elements.length === 0) throw new Error('custom-elements.json describes no custom element with a tagName');

const HEADER = '// Generated from custom-elements.json by scripts/from-manifest.mjs (npm run build). Do not edit.\n';

/** `'a' | 'b' | undefined` → ['a', 'b']; undefined when the text is not only literals. */
function literals(text) {
  const parts = (text ?? '').split('|').map((part) => part.trim());
  if (!parts.every((part) => /^'[^'\\]*'$|^-?\d+(\.\d+)?$|^undefined$|^null$/.test(part))) return undefined;
  const values = parts.filter((part) => part !== 'undefined' && part !== 'null').map((part) => part.replace(/^'|'$/g, ''));
  return values.length ? values : undefined;
}

/** A JSDoc block, indented; `*\/` in a description cannot end it early. */
function doc(text, indent) {
  if (!text) return '';
  const lines = text.replace(/\*\//g, '*\\/').split('\n');
  if (lines.length === 1) return `${indent}/** ${lines[0]} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} * ${line}`.trimEnd()).join('\n')}\n${indent} */\n`;
}

const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * One element's API, as the typings need it: its public writable fields (with the attribute
 * each reflects, if any), attributes without a field, and events with their type.
 */
function describe({ declaration, module }) {
  const attributes = declaration.attributes ?? [];
  const fields = (declaration.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && !m.readonly && (m.privacy ?? 'public') === 'public',
  );
  const properties = fields.map((field) => {
    const attribute = attributes.find((a) => a.fieldName === field.name);
    const values = literals(attribute?.type?.text) ?? literals(field.type?.text);
    const type = values ? values.map((value) => `'${value}'`).join(' | ') : `${declaration.name}['${field.name}']`;
    return { name: field.name, attribute, type, values, boolean: field.type?.text === 'boolean', description: attribute?.description ?? field.description };
  });
  const loose = attributes
    .filter((a) => !a.fieldName || !fields.some((f) => f.name === a.fieldName))
    .map((attribute) => {
      const values = literals(attribute.type?.text);
      const plain = ['string', 'number', 'boolean'].includes(attribute.type?.text) ? attribute.type.text : 'string';
      return { name: attribute.name, attribute, type: values ? values.map((v) => `'${v}'`).join(' | ') : plain, values, boolean: plain === 'boolean', description: attribute.description };
    });
  const events = (declaration.events ?? [])
    .filter((event) => event.name)
    .map((event) => ({ name: event.name, type: event.type?.text ?? 'CustomEvent', references: event.type?.references ?? [], description: event.description }));
  return { tag: declaration.tagName, className: declaration.name, module, declaration, properties, loose, events };
}

const described = elements.map(describe);

/** `import type` lines for the element classes and the types their events name, from `dir`. */
function imports(dir) {
  const byModule = new Map();
  const add = (module, name) => {
    const path = posix.relative(dir, module);
    const specifier = path.startsWith('.') ? path : `./${path}`;
    (byModule.get(specifier) ?? byModule.set(specifier, new Set()).get(specifier)).add(name);
  };
  for (const element of described) {
    add(element.module, element.className);
    for (const event of element.events) for (const reference of event.references) if (reference.module) add(reference.module, reference.name);
  }
  return [...byModule].map(([specifier, names]) => `import type { ${[...names].sort().join(', ')} } from '${specifier}';\n`).join('');
}

/**
 * The props interface shared by the JSX flavours and Svelte: every attribute by its name, every
 * property by its name, and an `on<event>` handler per event (React 19, Preact and Svelte 5 all
 * add a listener for `oncsf-change` as the event `csf-change`).
 */
function propsInterface(element, { name, attributeType = attributeValue, attributeNote = () => '', handlers = (event) => [`on${event.name}`] }) {
  let body = '';
  const seen = new Set();
  const member = (propName, type, description) => {
    if (seen.has(propName)) return;
    seen.add(propName);
    body += doc(description, '  ') + `  ${key(propName)}?: ${type};\n`;
  };
  for (const property of element.properties) {
    // Under the property's own name (`src`, `timeout`), the frameworks set the property.
    if (property.attribute && property.attribute.name !== property.name) {
      member(property.attribute.name, attributeType(property), property.description + attributeNote(property));
    }
    member(property.name, property.type, property.description);
  }
  for (const attribute of element.loose) member(attribute.name, attributeType(attribute), attribute.description);
  for (const event of element.events) {
    for (const handler of handlers(event)) member(handler, `(event: ${event.type}) => void`, event.description);
  }
  return `${doc(`The attributes, properties and events of \`<${element.tag}>\`.`, '')}export interface ${name} {\n${body}}\n`;
}

const propsName = (element, suffix) => `${element.className}${suffix}`;

/**
 * The type of an attribute written under its own name (`page-size`), which React, Preact and
 * Svelte set as an attribute: a number attribute also takes the number written as text
 * (`page-size="6"`), which the element reads back as a number.
 */
function attributeValue(property) {
  return property.attribute?.type?.text === 'number' ? `${property.type} | \`\${number}\`` : property.type;
}
const write = (path, text) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

// React 19 and Preact: JSX props. Both set a prop as a property when the element has one (once
// it is defined), else as an attribute; `false` removes a boolean attribute.
for (const [flavour, moduleName, base] of [
  ['react', 'react', (element) => `DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}>`],
  ['preact', 'preact', (element) => `HTMLAttributes<${element.className}>`],
]) {
  const dir = 'dist/frameworks';
  let text = HEADER;
  text += `import type { ${flavour === 'react' ? 'DetailedHTMLProps, ' : ''}HTMLAttributes } from '${moduleName}';\n`;
  text += imports(dir) + '\n';
  for (const element of described) text += propsInterface(element, { name: propsName(element, 'Props') }) + '\n';
  const entries = described
    .map((element) => `      '${element.tag}': Omit<${base(element)}, keyof ${propsName(element, 'Props')}> & ${propsName(element, 'Props')};\n`)
    .join('');
  text += `declare module '${moduleName}' {\n  namespace JSX {\n    interface IntrinsicElements {\n${entries}    }\n  }\n}\n`;
  write(`${dir}/${flavour}.d.ts`, text);
}

// Svelte 5 (and 4's `on:` directives). Svelte sets an attribute to String(value), so
// `sync-url={false}` would set the attribute "false", which turns the option on: a boolean
// attribute takes `true` only, and its property takes both.
{
  const dir = 'dist/frameworks';
  let text = HEADER + `import type { HTMLAttributes } from 'svelte/elements';\n` + imports(dir) + '\n';
  for (const element of described) {
    text +=
      propsInterface(element, {
        name: propsName(element, 'SvelteProps'),
        attributeType: (p) => (p.boolean ? 'true | null' : attributeValue(p)),
        attributeNote: (p) =>
          p.boolean ? `\n\nSvelte would write \`{false}\` as the text "false", which turns it on: leave the attribute out, or set \`${p.name}\`.` : '',
        handlers: (event) => [`on${event.name}`, `on:${event.name}`],
      }) + '\n';
  }
  const entries = described
    .map((element) => `    '${element.tag}': Omit<HTMLAttributes<${element.className}>, keyof ${propsName(element, 'SvelteProps')}> & ${propsName(element, 'SvelteProps')};\n`)
    .join('');
  text += `declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n${entries}  }\n}\n`;
  write(`${dir}/svelte.d.ts`, text);
}

// Vue 3.5: GlobalComponents, the shape Vue's documentation gives for custom elements. Vue sets a
// binding as a property when the element has one under its camelCase name, so props are the
// properties (`:page-size="6"` is `pageSize`), and events come through `$emit` (`@csf-change`).
{
  const dir = 'dist/frameworks';
  let text = HEADER + `import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';\n` + imports(dir) + '\n';
  for (const element of described) {
    let props = '';
    for (const property of element.properties) props += doc(property.description, '  ') + `  ${key(property.name)}?: ${property.type};\n`;
    for (const attribute of element.loose) props += doc(attribute.description, '  ') + `  ${key(attribute.name)}?: ${attribute.type};\n`;
    let emits = '';
    for (const event of element.events) emits += doc(event.description, '  ') + `  ${key(event.name)}: (event: ${event.type}) => void;\n`;
    text += `${doc(`The properties of \`<${element.tag}>\` (bound by name: \`:page-size\` is \`pageSize\`).`, '')}export interface ${propsName(element, 'VueProps')} {\n${props}}\n\n`;
    text += `${doc(`The events of \`<${element.tag}>\`, for \`@event\` listeners.`, '')}export interface ${propsName(element, 'VueEvents')} {\n${emits}}\n\n`;
  }
  const entries = described
    .map(
      (element) =>
        `    '${element.tag}': new () => ${element.className} & {\n` +
        `      $props: Omit<HTMLAttributes, keyof ${propsName(element, 'VueProps')}> & ${propsName(element, 'VueProps')} & PublicProps;\n` +
        `      $emit: EmitFn<${propsName(element, 'VueEvents')}>;\n    };\n`,
    )
    .join('');
  text += `declare module 'vue' {\n  interface GlobalComponents {\n${entries}  }\n}\n`;
  write(`${dir}/vue.d.ts`, text);
}

write('dist/frameworks/types-only.js', '// case-study-finder/react, /preact, /vue and /svelte are types: see the .d.ts files beside this one.\nexport {};\n');

// Editors. The element's own description says what a tooltip cannot show elsewhere: events,
// slots, parts and custom properties.
function summary(element) {
  const d = element.declaration;
  const list = (title, items, name = (item) => item.name) =>
    items?.length ? `\n\n**${title}**\n${items.map((item) => `- \`${name(item) || '(default)'}\`${item.description ? `: ${item.description}` : ''}`).join('\n')}` : '';
  return (
    [d.summary, d.description].filter(Boolean).join('\n\n') +
    list('Events', element.events) +
    list('Slots', d.slots) +
    list('CSS parts', d.cssParts) +
    list('CSS custom properties', d.cssProperties, (p) => `${p.name}${p.default ? ` (${p.default})` : ''}`)
  );
}

const htmlAttributes = (element) => [
  ...element.properties.filter((p) => p.attribute).map((p) => ({ ...p, name: p.attribute.name, default: p.attribute.default })),
  ...element.loose.map((a) => ({ ...a, default: a.attribute.default })),
];

write(
  'dist/editors/vscode.html-custom-data.json',
  JSON.stringify(
    {
      $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
      version: 1.1,
      tags: described.map((element) => ({
        name: element.tag,
        description: { kind: 'markdown', value: summary(element) },
        attributes: htmlAttributes(element).map((a) => ({
          name: a.name,
          description: { kind: 'markdown', value: a.description + (a.default !== undefined ? `\n\nDefault: \`${a.default}\`` : '') },
          ...(a.boolean ? { valueSet: 'v' } : {}),
          ...(a.values ? { values: a.values.map((name) => ({ name })) } : {}),
        })),
      })),
    },
    null,
    2,
  ) + '\n',
);

write(
  'dist/editors/web-types.json',
  JSON.stringify(
    {
      $schema: 'https://raw.githubusercontent.com/JetBrains/web-types/master/schema/web-types.json',
      name: pkg.name,
      version: pkg.version,
      'description-markup': 'markdown',
      contributions: {
        html: {
          elements: described.map((element) => ({
            name: element.tag,
            description: summary(element),
            attributes: htmlAttributes(element).map((a) => ({
              name: a.name,
              description: a.description,
              ...(a.default !== undefined ? { default: a.default } : {}),
              value: a.boolean ? { kind: 'no-value', type: 'boolean' } : { type: a.values ? a.values.map((v) => `'${v}'`).join(' | ') : (a.attribute.type?.text ?? 'string') },
            })),
            slots: (element.declaration.slots ?? []).map((slot) => ({ name: slot.name, description: slot.description })),
            events: element.events.map((event) => ({ name: event.name, description: event.description })),
            js: {
              properties: element.properties.map((p) => ({
                name: p.name,
                description: p.description,
                value: { type: element.declaration.members.find((m) => m.name === p.name)?.type?.text ?? 'unknown' },
              })),
              events: element.events.map((event) => ({ name: event.name, description: event.description, value: { type: event.type } })),
            },
          })),
        },
        css: {
          properties: described.flatMap((element) => (element.declaration.cssProperties ?? []).map((p) => ({ name: p.name, description: p.description }))),
          'pseudo-elements': described.flatMap((element) =>
            (element.declaration.cssParts ?? []).map((p) => ({ name: `part(${p.name})`, description: p.description })),
          ),
        },
      },
    },
    null,
    2,
  ) + '\n',
);

console.log(`from-manifest: typings and editor data for ${described.map((e) => `<${e.tag}>`).join(', ')} in dist/frameworks and dist/editors`);
