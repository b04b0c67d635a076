import { expect } from '@open-wc/testing';
import type { FacetCounts } from '../lib/facets.js';
import { FiltersPanel } from './filters-panel.js';
import { FakeHost, ManualClock } from '../../test/fake-host.js';

const group = (key: string, chosen = false): FacetCounts => ({
  key,
  values: [{ key: 'a', label: 'A', folded: 'a', count: 1, selected: chosen }],
});

describe('FiltersPanel', () => {
  it('opens the first group and any with a choice, until the visitor folds or opens one', () => {
    const host = new FakeHost();
    const panel = new FiltersPanel(host, () => {});
    expect(panel.isOpen('topics', 0, group('topics'))).to.equal(true);
    expect(panel.isOpen('supportTypes', 1, group('supportTypes'))).to.equal(false);
    expect(panel.isOpen('organisation', 2, group('organisation', true))).to.equal(true);
    panel.fold('topics', false);
    panel.fold('supportTypes', true);
    panel.fold('organisation', false);
    expect(panel.isOpen('topics', 0, group('topics'))).to.equal(false);
    expect(panel.isOpen('supportTypes', 1, group('supportTypes'))).to.equal(true);
    expect(panel.isOpen('organisation', 2, group('organisation', true)), 'folded by the visitor, chosen or not').to.equal(false);
    expect(host.updates).to.equal(3);
  });

  it('keeps "Show all" and the narrowing text of each group apart', () => {
    const host = new FakeHost();
    const panel = new FiltersPanel(host, () => {});
    expect([panel.expanded('topics'), panel.narrowing('topics')]).to.deep.equal([false, '']);
    panel.showAll('topics');
    panel.narrow('organisation', 'leeds');
    expect([panel.expanded('topics'), panel.expanded('organisation')]).to.deep.equal([true, false]);
    expect([panel.narrowing('topics'), panel.narrowing('organisation')]).to.deep.equal(['', 'leeds']);
    panel.showAll('topics');
    expect(panel.expanded('topics'), '"Show fewer"').to.equal(false);
    // Facet keys come from feeds: a key named like an object's own property is just a name.
    panel.narrow('constructor', 'x');
    expect([panel.narrowing('constructor'), panel.narrowing('toString'), panel.expanded('__proto__')]).to.deep.equal(['x', '', false]);
    expect(host.updates).to.equal(4);
  });

  it('opens and closes the narrow panel, asking for an update each time', () => {
    const host = new FakeHost();
    const panel = new FiltersPanel(host, () => {});
    expect(panel.panelOpen).to.equal(false);
    panel.setPanel(true);
    expect(panel.panelOpen).to.equal(true);
    panel.setPanel(false);
    expect(panel.panelOpen).to.equal(false);
    expect(host.updates).to.equal(2);
  });

  it('tells once, when typing in a group\'s box pauses for 500 ms, which group was narrowed', async () => {
    const clock = new ManualClock().install();
    try {
      const host = new FakeHost();
      const told: string[] = [];
      const panel = new FiltersPanel(host, (facet) => told.push(facet));
      host.connect();
      for (const text of ['b', 'br', 'bri']) {
        panel.narrow('organisation', text);
        await clock.tick(200);
      }
      await clock.tick(299);
      expect(told, 'nothing while a word is being typed').to.deep.equal([]);
      await clock.tick(1);
      expect(told).to.deep.equal(['organisation']);
      panel.narrow('organisation', 'brig');
      host.disconnect();
      await clock.tick(1000);
      expect(told, 'nothing once the host has left').to.deep.equal(['organisation']);
    } finally {
      clock.uninstall();
    }
  });
});
