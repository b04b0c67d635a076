import { expect, fixture, html } from '@open-wc/testing';
import { inheritsDefaultFont } from './page-font.js';

/** An element inside a wrapper styled `style`, with its own shadow root as scratch space. */
async function within(style: string): Promise<HTMLElement> {
  const wrapper = await fixture<HTMLElement>(html`<div><span></span></div>`);
  wrapper.style.cssText = style;
  const element = wrapper.firstElementChild as HTMLElement;
  element.attachShadow({ mode: 'open' });
  return element;
}

describe('inheritsDefaultFont', () => {
  for (const [style, expected] of [
    ['', true],
    ['font-family: Verdana, sans-serif', false],
    ['font-family: "GDS Transport", arial, sans-serif', false],
    ['font: 16px/1.5 Arial', false],
    ['font-family: monospace', false],
  ] as const) {
    it(`is ${expected} inside ${style || 'a page that sets no font'}`, async () => {
      const element = await within(style);
      expect(inheritsDefaultFont(element, element.shadowRoot!)).to.equal(expected);
    });
  }

  it('leaves nothing behind in the scratch node', async () => {
    const element = await within('font-family: Verdana');
    inheritsDefaultFont(element, element.shadowRoot!);
    expect(element.shadowRoot!.childNodes.length).to.equal(0);
  });
});
