import { expect } from '@open-wc/testing';
import { ChangeController, PAUSE_MS } from './change-controller.js';
import { deferred, FakeHost, ManualClock } from '../../test/fake-host.js';

/**
 * Time here is a manual clock: "nothing is reported before the pause" is checked at the last
 * millisecond before it, not by waiting and hoping.
 */
describe('ChangeController', () => {
  let clock: ManualClock;
  beforeEach(() => (clock = new ManualClock().install()));
  afterEach(() => clock.uninstall());

  /** A controller whose reports are kept as "kind state"; `settled` stands for the search. */
  function setup({ settled = () => Promise.resolve() as Promise<unknown>, pauseMs = PAUSE_MS } = {}) {
    const host = new FakeHost();
    const reports: string[] = [];
    const changes = new ChangeController<string>(host, (kind, state) => reports.push(`${kind} ${state}`), settled, pauseMs);
    host.connect();
    return { host, changes, reports };
  }

  it('reports typing once, when it pauses for 500 ms, with the last state', async () => {
    const { changes, reports } = setup();
    changes.typed('l');
    await clock.tick(200);
    changes.typed('li');
    await clock.tick(200);
    changes.typed('lib');
    await clock.tick(PAUSE_MS - 1);
    expect(reports, 'a millisecond before the pause ends').to.deep.equal([]);
    await clock.tick(1);
    expect(reports).to.deep.equal(['typing lib']);
    await clock.tick(10_000);
    expect(reports, 'and nothing more').to.deep.equal(['typing lib']);
    expect(clock.pending).to.equal(0);
  });

  it('reports nothing however long someone types steadily (a key every 250 ms)', async () => {
    const { changes, reports } = setup();
    const word = 'apprenticeships and libraries';
    for (let at = 1; at <= word.length; at++) {
      changes.typed(word.slice(0, at));
      await clock.tick(250);
    }
    expect(reports, `after ${word.length * 250} ms of typing`).to.deep.equal([]);
    await clock.tick(250);
    expect(reports).to.deep.equal([`typing ${word}`]);
  });

  it('takes the pause it is given', async () => {
    const { changes, reports } = setup({ pauseMs: 200 });
    changes.typed('museum');
    await clock.tick(199);
    expect(reports).to.deep.equal([]);
    await clock.tick(1);
    expect(reports).to.deep.equal(['typing museum']);
  });

  it('reports a choice once the host has drawn it and the search has answered, not before', async () => {
    const search = deferred();
    const { host, changes, reports } = setup({ settled: () => search.promise });
    const drawn = host.hold();
    changes.chose('Libraries');
    await clock.tick(0);
    expect(reports, 'while the host draws').to.deep.equal([]);
    drawn();
    await clock.tick(0);
    expect(reports, 'while the search answers').to.deep.equal([]);
    search.resolve();
    await clock.tick(0);
    expect(reports).to.deep.equal(['choice Libraries']);
  });

  it('reports a change still waiting when the next begins first, each with its own state', async () => {
    const { changes, reports } = setup();
    changes.typed('lib');
    await clock.tick(100);
    changes.chose('lib + Libraries');
    expect(reports, 'the typing, at once').to.deep.equal(['typing lib']);
    // A key typed before the choice was drawn: the choice is reported first, as it was made.
    changes.typed('libr');
    expect(reports).to.deep.equal(['typing lib', 'choice lib + Libraries']);
    await clock.tick(PAUSE_MS);
    expect(reports).to.deep.equal(['typing lib', 'choice lib + Libraries', 'typing libr']);
  });

  it('drops a report whose search answers after a newer key, and reports the newer state', async () => {
    const answers: Array<ReturnType<typeof deferred<void>>> = [];
    const { changes, reports } = setup({
      settled: () => {
        answers.push(deferred<void>());
        return answers.at(-1)!.promise;
      },
    });
    changes.typed('mus');
    await clock.tick(PAUSE_MS);
    expect(answers, 'the pause ended; the report waits for the search').to.have.length(1);
    changes.typed('muse');
    answers[0]!.resolve();
    await clock.tick(0);
    expect(reports, 'the older state is never reported').to.deep.equal([]);
    await clock.tick(PAUSE_MS);
    answers[1]!.resolve();
    await clock.tick(0);
    expect(reports).to.deep.equal(['typing muse']);
  });

  it('on Back or Forward drops what was waiting and announces the restored state once', async () => {
    const { changes, reports } = setup();
    changes.typed('swim');
    changes.restored('library');
    await clock.tick(10_000);
    expect(reports).to.deep.equal(['restore library']);
  });

  it('reports the waiting change at once when flushed, and only once', async () => {
    const { changes, reports } = setup();
    changes.typed('swim');
    changes.flush();
    expect(reports).to.deep.equal(['typing swim']);
    await clock.tick(10_000);
    expect(reports).to.deep.equal(['typing swim']);
  });

  it('forgets everything when the host leaves the page, even a report waiting for the search', async () => {
    const search = deferred();
    const { host, changes, reports } = setup({ settled: () => search.promise });
    changes.chose('Libraries');
    await clock.tick(0);
    host.disconnect();
    search.resolve();
    await clock.tick(0);
    changes.typed('swim');
    host.disconnect();
    expect(clock.pending, 'no timer left behind').to.equal(0);
    await clock.tick(10_000);
    expect(reports).to.deep.equal([]);
  });
});
