import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifySource } from '../../scripts/minify-templates.mjs';

describe('minifySource', () => {
  const cases = [
    ['collapses html whitespace', 'html`<p>\n    a\n  </p>`', 'html`<p> a </p>`'],
    ['keeps expressions as code', 'html`<p>\n ${ a  +  b }\n</p>`', 'html`<p> ${ a  +  b } </p>`'],
    ['minifies nested templates', 'html`<ul>\n ${items.map((i) => html`<li>\n  ${i}\n</li>`)}\n</ul>`', 'html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`'],
    ['minifies css and drops comments', 'css`\n  /* note */\n  .a > .b {\n    color: red;\n    margin: 0 1px;\n  }\n`', 'css`.a>.b{color:red;margin:0 1px}`'],
    ['keeps spaces calc needs', 'css`.a { width: calc(100% - 2px); }`', 'css`.a{width:calc(100% - 2px)}`'],
    ['leaves untagged templates alone', 'const a = `x\n   y`;', 'const a = `x\n   y`;'],
    ['leaves strings and comments alone', "const s = 'html`  `'; // html`  `\n/* css` a  b ` */", "const s = 'html`  `'; // html`  `\n/* css` a  b ` */"],
    ['keeps escapes', 'html`a\\`  b`', 'html`a\\` b`'],
    ['handles braces in expressions', 'html`${ {a: 1}.a }  x`', 'html`${ {a: 1}.a } x`'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(minifySource(input), expected));
  }
});
