import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { CaseStudyFinder } from '../src/index.js';
import { input, SAMPLE, search } from './helpers.js';

/** A component of the host page's own that keeps a finder in its shadow root (no id, no prefix). */
class Panel extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = `<case-study-finder src="${SAMPLE}"></case-study-finder>`;
  }
  get finder(): CaseStudyFinder {
    return this.shadowRoot!.querySelector('case-study-finder')!;
  }
}
customElements.define('csf-test-panel', Panel);

/** Two panels side by side, each finder loaded. */
async function mountPanels(): Promise<Panel[]> {
  const wrapper = await fixture<HTMLElement>(html`<div><csf-test-panel></csf-test-panel><csf-test-panel></csf-test-panel></div>`);
  const panels = [...wrapper.querySelectorAll<Panel>('csf-test-panel')];
  await Promise.all(panels.map(async (panel) => (panel.finder.hasUpdated && input(panel.finder)?.disabled === false) || oneEvent(panel.finder, 'csf-load')));
  await Promise.all(panels.map((panel) => panel.finder.updateComplete));
  return panels;
}

describe('<case-study-finder> in other components’ shadow roots', () => {
  it('each keeps its own search in the history entry: Back restores one without the other', async () => {
    const [first] = await mountPanels();
    const reported = oneEvent(first!.finder, 'csf-change');
    await search(first!.finder, 'library');
    await reported;

    // As after Back: the same page, the same components, built again from the saved entry.
    first!.parentElement!.remove();
    const again = await mountPanels();
    expect(input(again[0]!.finder).value).to.equal('library');
    expect(input(again[1]!.finder).value, 'the other finder took the first one’s search').to.equal('');
  });
});
