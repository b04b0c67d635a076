import { expect, fixture, html } from '@open-wc/testing';
import { FocusController } from './focus-controller.js';
import { FakeHost } from '../../test/fake-host.js';

/** Three buttons to move focus between, one focused to start with, and a controller. */
async function setup() {
  const wrapper = await fixture<HTMLElement>(html`<div><button>Start</button><button>Loading</button><button>Count</button></div>`);
  const [start, loading, count] = [...wrapper.querySelectorAll('button')];
  start!.focus();
  const host = new FakeHost();
  const focus = new FocusController(host);
  host.connect();
  const focused = () => document.activeElement?.textContent ?? '';
  return { host, focus, start: start!, loading: loading!, count: count!, focused };
}

describe('FocusController', () => {
  it('moves focus after the next update, to what the target gives then', async () => {
    const { host, focus, count, focused } = await setup();
    const drawn: { target?: HTMLElement } = {};
    focus.next(() => drawn.target);
    // The target is asked only once the update is done, so it can name what the update drew.
    drawn.target = count;
    expect(focused(), 'before the update').to.equal('Start');
    host.update();
    expect(focused()).to.equal('Count');
    host.update();
    expect(focused(), 'each move applies once').to.equal('Count');
  });

  it('leaves focus where it is when the target is gone', async () => {
    const { host, focus, focused } = await setup();
    focus.next(() => null);
    host.update();
    expect(focused()).to.equal('Start');
  });

  it('applies moves in order: the last one that finds its target wins', async () => {
    const { host, focus, loading, count, focused } = await setup();
    focus.next(() => loading);
    focus.next(() => count);
    focus.next(() => undefined);
    host.update();
    expect(focused()).to.equal('Count');
  });

  it('holds a move until its condition is met, and later moves wait behind it', async () => {
    const { host, focus, loading, count, start, focused } = await setup();
    let settled = false;
    // As Retry does: the loading message now, what replaces it once the feed settles.
    focus.next(() => loading);
    focus.when(() => settled, () => count);
    focus.next(() => start);
    host.update();
    expect(focused(), 'the first update: the loading message').to.equal('Loading');
    host.update();
    expect(focused(), 'still loading: the later move waits too').to.equal('Loading');
    settled = true;
    host.update();
    expect(focused(), 'settled: both apply, the later last').to.equal('Start');
  });

  it('forgets its moves when cleared or when the host leaves the page', async () => {
    const { host, focus, count, focused } = await setup();
    focus.next(() => count);
    focus.clear();
    host.update();
    expect(focused()).to.equal('Start');
    focus.when(() => true, () => count);
    host.disconnect();
    host.update();
    expect(focused()).to.equal('Start');
  });
});
