import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PAUSE_MS } from '../src/controllers/change-controller.js';
import type { CsfChangeEvent } from '../src/index.js';
import { chip, click, countText, input, mountSample, part, search, waitUntil, openGroup } from './helpers.js';

/**
 * Reporting the visitor's changes: `csf-change`, the history (with `sync-url`) and the live
 * region. Typing is reported once it pauses, at the pace people really type.
 */

/** Types `text` one key at a time, a key every `ms`: steady typing, with no pause in a word. */
async function typeSteadily(text: string, ms = 220): Promise<void> {
  for (const key of text) {
    await sendKeys({ type: key });
    await new Promise((resolve) => setTimeout(resolve, ms));
  }
}

/** Watches what an element reports: its csf-change events, history writes and announcements. */
function watchReports(el: HTMLElement) {
  const changes: CsfChangeEvent['detail'][] = [];
  const announced: string[] = [];
  const writes: string[] = [];
  el.addEventListener('csf-change', (event) => changes.push(event.detail));
  const region = el.shadowRoot!.querySelector('[role="status"]')!;
  const observer = new MutationObserver(() => announced.push(region.textContent!.trim()));
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  const { pushState, replaceState } = history;
  history.pushState = (...args: Parameters<History['pushState']>) => {
    writes.push(`push ${String(args[2])}`);
    pushState.apply(history, args);
  };
  history.replaceState = (...args: Parameters<History['replaceState']>) => {
    writes.push(`replace ${String(args[2])}`);
    replaceState.apply(history, args);
  };
  const url = location.pathname + location.search;
  return {
    changes,
    announced,
    writes,
    stop() {
      observer.disconnect();
      history.pushState = pushState;
      history.replaceState = replaceState;
      history.replaceState(null, '', url);
    },
  };
}

describe('<case-study-finder> reporting changes', () => {
  it('typing steadily (a key every 220 ms) reports nothing until the pause, then one of each', async () => {
    const el = await mountSample('sync-url url-prefix="changes-"');
    const seen = watchReports(el);
    // When each key arrived and each report came: on a loaded machine the test harness itself
    // can hold a key back for longer than the pause, and then a report is right.
    const keys: number[] = [];
    const reports: number[] = [];
    el.addEventListener('input', () => keys.push(performance.now()));
    el.addEventListener('csf-change', () => reports.push(performance.now()));
    try {
      const reported = new Promise<void>((resolve) =>
        el.addEventListener('csf-change', (event) => event.detail.query === 'apprenticeships' && resolve()),
      );
      input(el).focus();
      await typeSteadily('apprenticeships');
      const paused = keys.slice(1).some((at, i) => at - keys[i]! >= PAUSE_MS);
      if (!paused) {
        expect(seen.changes, 'csf-change while typing').to.deep.equal([]);
        expect(seen.writes, 'history writes while typing').to.deep.equal([]);
        expect(seen.announced, 'announcements while typing').to.deep.equal([]);
      }

      await reported;
      await waitUntil(() => seen.announced.length > 0, 'nothing announced');
      // Whatever the harness did, nothing was reported sooner than a pause after a key.
      for (const at of reports) expect(at - keys.filter((key) => key <= at).at(-1)!, 'a report before the pause').to.be.at.least(PAUSE_MS - 20);
      const last = seen.changes.length - 1;
      expect(seen.changes.map((change) => change.query).at(-1)).to.equal('apprenticeships');
      if (!paused) {
        expect(seen.changes).to.have.length(1);
        expect(seen.writes).to.have.length(1);
        expect(seen.announced).to.have.length(1);
      }
      expect(seen.writes.at(-1)).to.match(/^replace .*changes-q=apprenticeships/);
      const total = seen.changes[last]!.total;
      expect(countText(el)).to.equal(`Your search returned ${total} result${total === 1 ? '' : 's'}`);
      expect(seen.announced.at(-1)).to.equal(`${total} result${total === 1 ? '' : 's'}`);
    } finally {
      seen.stop();
    }
  });

  it('a chip chosen before typing pauses reports the typing first, then the chip', async () => {
    const el = await mountSample();
    const seen = watchReports(el);
    try {
      input(el).focus();
      await sendKeys({ type: 'library' });
      await el.updateComplete;
      const typed = countText(el);
      await openGroup(el, 'Filter by support type');
      await click(el, chip(el, 'Filter by support type', 'Culture hub'));
      await new Promise<void>((resolve) => el.addEventListener('csf-change', () => resolve(), { once: true }));
      expect(seen.changes.map(({ query, filters }) => [query, Object.keys(filters)])).to.deep.equal([
        ['library', []],
        ['library', ['supportTypes']],
      ]);
      expect(`Your search returned ${seen.changes[0]!.total} results`).to.equal(typed);
      expect(`Your search returned ${seen.changes[1]!.total} results`).to.equal(countText(el));
      await waitUntil(() => seen.announced.length === 2, `announced: ${seen.announced.join(' | ')}`);
      expect(seen.announced[1]).to.equal(`${seen.changes[1]!.total} results, filtered by Culture hub`);
      expect(part(el, 'count')).to.exist;
    } finally {
      seen.stop();
    }
  });

  it('a chip chosen just before a key is typed is reported with its own choice, not the typed query', async () => {
    const el = await mountSample();
    const seen = watchReports(el);
    try {
      await openGroup(el, 'Filter by support type');
      // The key arrives before the chip's change has been reported (as it does while a large
      // feed's index is still being built, which holds reports back): the chip's report must
      // still say what the chip made, with no query yet.
      chip(el, 'Filter by support type', 'Culture hub').click();
      await search(el, 'l');
      await waitUntil(() => seen.changes.length === 2, `reports: ${JSON.stringify(seen.changes)}`, { timeout: 3000 });
      expect(seen.changes.map(({ query, filters }) => [query, { ...filters }])).to.deep.equal([
        ['', { supportTypes: ['Culture hub'] }],
        ['l', { supportTypes: ['Culture hub'] }],
      ]);
    } finally {
      seen.stop();
    }
  });
});
