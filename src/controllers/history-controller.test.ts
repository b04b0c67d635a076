import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { UrlState } from '../lib/url-state.js';
import { HistoryController, type HistoryOptions } from './history-controller.js';

/** An element that runs its controllers as Lit would when it joins and leaves the page. */
class HistoryHost extends HTMLElement implements ReactiveControllerHost {
  controllers: ReactiveController[] = [];
  readonly updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  connectedCallback(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnectedCallback(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}
customElements.define('history-test-host', HistoryHost);

/** A component of the host page that keeps a finder in its own shadow root. */
class Card extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' }).innerHTML = '<history-test-host></history-test-host>';
  }
}
customElements.define('history-test-card', Card);

const state = (query: string, pages = 1): UrlState => ({ query, filters: new Map([['topics', ['Libraries']]]), pages });

/** Gives `host` a controller (joining it to the page if it is not yet) and keeps what it restores. */
function control(host: HistoryHost, options: Partial<HistoryOptions> = {}) {
  const restored: UrlState[] = [];
  const history = new HistoryController(host, {
    syncUrl: () => false,
    prefix: () => '',
    facets: () => ['topics'],
    restore: (state) => restored.push(state),
    ...options,
  });
  if (host.isConnected) history.hostConnected();
  return { history, restored };
}

/** Records each history write as "push ?query" or "replace ?query", and still makes it. */
function recordWrites() {
  const writes: string[] = [];
  const search = (url: string | URL | null | undefined) => new URL(url ?? location.href, location.href).search;
  const { pushState, replaceState } = window.history;
  window.history.pushState = (...args: Parameters<History['pushState']>) => {
    writes.push(`push ${search(args[2])}`);
    pushState.apply(window.history, args);
  };
  window.history.replaceState = (...args: Parameters<History['replaceState']>) => {
    writes.push(`replace ${search(args[2])}`);
    replaceState.apply(window.history, args);
  };
  return {
    writes,
    restore() {
      window.history.pushState = pushState;
      window.history.replaceState = replaceState;
    },
  };
}

describe('HistoryController', () => {
  const page = location.pathname + location.search;
  beforeEach(() => window.history.replaceState(null, '', page));
  afterEach(() => window.history.replaceState(null, '', page));

  /** The keys of the entry's state object, sorted. */
  const keys = () => Object.keys((window.history.state ?? {}) as object).sort();

  describe('keys', () => {
    it("keeps each element's state under its id, else its URL prefix, else its place among the page's", async () => {
      const wrapper = await fixture<HTMLElement>(html`<div>
        <history-test-host id="news"></history-test-host>
        <history-test-host></history-test-host>
        <history-test-host></history-test-host>
      </div>`);
      const [named, second, third] = [...wrapper.querySelectorAll<HistoryHost>('history-test-host')];
      control(named!).history.write(state('a'), 'replace');
      control(second!, { prefix: () => 'events-' }).history.write(state('b'), 'replace');
      control(third!).history.write(state('c'), 'replace');
      expect(keys()).to.deep.equal(['case-study-finder 2', 'case-study-finder events-', 'case-study-finder news']);
    });

    it("tells apart elements in two components' shadow roots, which a look-up in the document cannot find", async () => {
      const wrapper = await fixture<HTMLElement>(html`<div><history-test-card></history-test-card><history-test-card></history-test-card></div>`);
      const hosts = [...wrapper.querySelectorAll('history-test-card')].map((card) => card.shadowRoot!.querySelector<HistoryHost>('history-test-host')!);
      const [first, second] = hosts.map((host) => control(host).history);
      first!.write(state('library'), 'replace');
      second!.write(state('museum'), 'replace');
      expect(keys()).to.deep.equal(['case-study-finder 0 history-test-card 0', 'case-study-finder 1 history-test-card 0']);
      expect(first!.saved()?.query).to.equal('library');
      expect(second!.saved()?.query).to.equal('museum');
    });
  });

  describe('writing', () => {
    let record: ReturnType<typeof recordWrites>;
    beforeEach(() => (record = recordWrites()));
    afterEach(() => record.restore());

    it("without sync-url only updates the entry's state, beside the page's own, and leaves the address", async () => {
      window.history.replaceState({ page: 'its own' }, '', page);
      record.writes.length = 0;
      const host = await fixture<HistoryHost>(html`<history-test-host id="w"></history-test-host>`);
      const { history } = control(host);
      history.write(state('library'), 'push');
      history.write(state('library', 2), 'replace');
      const address = location.search;
      expect(record.writes).to.deep.equal([`replace ${address}`, `replace ${address}`]);
      expect(window.history.state.page).to.equal('its own');
      expect(history.saved()).to.deep.equal(state('library', 2));
    });

    it('with sync-url adds an entry for a choice, replaces it while typing, and keeps the address otherwise', async () => {
      const host = await fixture<HistoryHost>(html`<history-test-host id="s"></history-test-host>`);
      const { history } = control(host, { syncUrl: () => true, prefix: () => 's-' });
      const before = location.search;
      const joined = (params: string) => `${before}${before ? '&' : '?'}${params}`;
      history.write(state('lib'), 'replace');
      history.write(state('library'), 'push');
      // The same address again: a second entry would make Back do nothing visible.
      history.write(state('library'), 'push');
      expect(record.writes).to.deep.equal([
        `replace ${joined('s-q=lib&s-topics=Libraries')}`,
        `push ${joined('s-q=library&s-topics=Libraries')}`,
        `replace ${joined('s-q=library&s-topics=Libraries')}`,
      ]);
    });

    it('goes on quietly when the browser refuses to change the history', async () => {
      window.history.pushState = () => {
        throw new DOMException('Too many calls', 'SecurityError');
      };
      const host = await fixture<HistoryHost>(html`<history-test-host id="r"></history-test-host>`);
      const { history } = control(host, { syncUrl: () => true, prefix: () => 'r-' });
      expect(() => history.write(state('library'), 'push')).not.to.throw();
    });
  });

  describe('reading', () => {
    it("gives the entry's saved state; with sync-url and none saved, the address's", async () => {
      const host = await fixture<HistoryHost>(html`<history-test-host id="u"></history-test-host>`);
      let sync = false;
      const { history } = control(host, { syncUrl: () => sync, prefix: () => 'u-' });
      window.history.replaceState(null, '', `${page}${location.search ? '&' : '?'}u-q=swim&u-topics=Sport&u-page=3`);
      expect(history.saved(), 'the address is read only with sync-url').to.equal(undefined);
      sync = true;
      expect(history.saved()).to.deep.equal({ query: 'swim', filters: new Map([['topics', ['Sport']]]), pages: 3 });
      history.write(state('library'), 'replace');
      expect(history.saved()?.query, 'a saved state comes first').to.equal('library');
    });
  });

  describe('Back and Forward', () => {
    it('restores the state saved in the entry Back returns to, and nothing for an entry without one', async () => {
      const host = await fixture<HistoryHost>(html`<history-test-host id="b"></history-test-host>`);
      const { history, restored } = control(host);
      history.write(state('library'), 'replace');
      window.history.pushState({ other: 'script' }, '', page);
      window.history.pushState(null, '', page);
      let moved = oneEvent(window, 'popstate');
      window.history.back();
      await moved;
      expect(restored, 'an entry with only another script’s state').to.deep.equal([]);
      moved = oneEvent(window, 'popstate');
      window.history.back();
      await moved;
      expect(restored).to.deep.equal([state('library')]);
    });

    it('stops listening when its element leaves the page', async () => {
      const host = await fixture<HistoryHost>(html`<history-test-host id="l"></history-test-host>`);
      const { history, restored } = control(host);
      history.write(state('library'), 'replace');
      window.history.pushState(null, '', page);
      host.remove();
      const moved = oneEvent(window, 'popstate');
      window.history.back();
      await moved;
      expect(restored).to.deep.equal([]);
    });
  });
});
