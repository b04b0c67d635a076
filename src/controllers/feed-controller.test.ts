import { expect } from '@open-wc/testing';
import type { ParsedFeed } from '../lib/feed.js';
import { FeedController, type FeedState } from './feed-controller.js';
import { deferred, drain, FakeHost, ManualClock, withManualClock } from '../../test/fake-host.js';

const items = (count: number, from = 1) => Array.from({ length: count }, (_, at) => ({ title: `Case study ${from + at}`, url: `/case-studies/${from + at}` }));
const feedBody = (count: number, from = 1) => new Response(JSON.stringify(items(count, from)), { headers: { 'Content-Type': 'application/json' } });

/** What a state shows, in a word or two: "ready 3", "error network", "loading". */
const summary = (state: FeedState<number>) =>
  state.status === 'ready' ? `ready ${state.prepared}` : state.status === 'error' ? `error ${state.kind}` : state.status;

/**
 * A controller over a fake host. What it prepares for a feed is its item count; every state it
 * settles on is kept, and `next` resolves with the first one not yet taken.
 */
function setup() {
  const host = new FakeHost();
  const settled: Array<FeedState<number>> = [];
  const prepared: number[] = [];
  let taken = 0;
  let waiter = deferred();
  const feed = new FeedController<number>(host, {
    // eslint-disable-next-line require-yield
    *prepare(parsed: ParsedFeed) {
      prepared.push(parsed.items.length);
      return parsed.items.length;
    },
    settled: (state) => {
      settled.push(state);
      waiter.resolve();
      waiter = deferred();
    },
  });
  host.connect();
  const next = async (): Promise<FeedState<number>> => {
    while (settled.length <= taken) await waiter.promise;
    return settled[taken++]!;
  };
  return { host, feed, settled, prepared, next };
}

/**
 * Replaces `window.fetch` for one test: each request is handed to `answer`, with its signal.
 * `honest` requests reject when aborted, as a browser's do; others answer whatever happens.
 */
function stubFetch(answer: (url: string, signal: AbortSignal) => Promise<Response>) {
  const original = window.fetch;
  const requests: Array<{ url: string; signal: AbortSignal; accept: string | null }> = [];
  window.fetch = ((url: string, init: RequestInit) => {
    const signal = init.signal!;
    requests.push({ url, signal, accept: new Headers(init.headers).get('Accept') });
    return answer(url, signal);
  }) as typeof fetch;
  return { requests, restore: () => (window.fetch = original) };
}

/** Runs `body` on a manual clock with console.warn kept, not printed; gives the warnings. */
async function watchWarnings(body: (clock: ManualClock, warnings: readonly string[]) => Promise<void>): Promise<string[]> {
  const warnings: string[] = [];
  const { warn } = console;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  try {
    await withManualClock((clock) => body(clock, warnings));
  } finally {
    console.warn = warn;
  }
  return warnings;
}

/** A request that never answers, but rejects with the abort reason, as a browser's does. */
const never = (_url: string, signal: AbortSignal) =>
  new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));

describe('FeedController', () => {
  describe('items in memory', () => {
    it('checks and prepares a small list at once', () => {
      const { host, feed, settled, prepared } = setup();
      feed.use(items(3));
      expect(summary(feed.state)).to.equal('ready 3');
      expect(settled.map(summary)).to.deep.equal(['ready 3']);
      expect(prepared).to.deep.equal([3]);
      expect(host.updates).to.be.greaterThan(0);
    });

    it('turns a value that is not a feed into an error a webmaster can act on', () => {
      const { feed, settled } = setup();
      feed.use({ cases: [] });
      expect(summary(feed.state)).to.equal('error unavailable');
      expect(feed.state.status === 'error' && feed.state.message).to.match(/not a list of case studies/);
      expect(settled).to.have.length(1);
    });

    it('checks a large list in slices, loading meanwhile, and settles once', async () => {
      const { feed, settled, next } = setup();
      feed.use(items(2500));
      expect(feed.state.status).to.equal('loading');
      expect(settled).to.deep.equal([]);
      expect(summary(await next())).to.equal('ready 2500');
      expect(settled).to.have.length(1);
    });

    it('stops checking a large list as soon as another replaces it, and never shows it', async () => {
      const { feed, settled, prepared } = setup();
      let read = 0;
      // Counts the items of the first list as the check reads them.
      // Long enough that two slices cannot check it all, however fast the engine (the hand-written
      // check reads about 400 items a millisecond).
      const first = new Proxy(items(40_000), {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) read++;
          return Reflect.get(target, key, receiver);
        },
      });
      feed.use(first);
      await drain();
      await drain();
      expect(read, 'the check of the first list has begun').to.be.greaterThan(0);
      expect(prepared, 'the first list is still being checked').to.deep.equal([]);
      feed.use(items(2));
      expect(summary(feed.state)).to.equal('ready 2');
      const stoppedAt = read;
      // Each slice starts with a message round trip: had the first check gone on, these would
      // each have read more of it.
      for (let turn = 0; turn < 5; turn++) await drain();
      expect(read, 'items of the first list read after it was replaced').to.equal(stoppedAt);
      expect(settled.map(summary)).to.deep.equal(['ready 2']);
      expect(prepared).to.deep.equal([2]);
    });
  });

  describe('from an address', () => {
    let fetches: ReturnType<typeof stubFetch> | undefined;
    afterEach(() => fetches?.restore());

    it('loads, asking for our JSON first and the formats CMSes publish after it, and is loading until the feed is checked', async () => {
      const answer = deferred<Response>();
      fetches = stubFetch(() => answer.promise);
      const { feed, next } = setup();
      const done = feed.fetch('/feeds/case-studies.json', 15_000);
      expect(feed.state.status).to.equal('loading');
      const accept = 'application/json, application/feed+json, application/rss+xml, application/atom+xml, */*;q=0.5';
      expect(fetches.requests.map((request) => [request.url, request.accept])).to.deep.equal([['/feeds/case-studies.json', accept]]);
      // A simple request (CORS-safelisted: under 128 characters), which needs no preflight.
      expect(accept.length).to.be.below(128);
      answer.resolve(feedBody(3));
      expect(summary(await next())).to.equal('ready 3');
      await done;
    });

    it('aborts a request a newer load replaces, and drops its answer if it comes anyway', async () => {
      const late = deferred<Response>();
      // The first request ignores its abort, as a stale response racing it would.
      fetches = stubFetch((url) => (url === '/old.json' ? late.promise : Promise.resolve(feedBody(2, 100))));
      const { feed, settled, next } = setup();
      const old = feed.fetch('/old.json', 0);
      void feed.fetch('/new.json', 0);
      expect(fetches.requests[0]!.signal.aborted, 'the old request is aborted').to.equal(true);
      expect(summary(await next())).to.equal('ready 2');
      late.resolve(feedBody(5));
      await old;
      expect(summary(feed.state)).to.equal('ready 2');
      expect(settled.map(summary)).to.deep.equal(['ready 2']);
    });

    it('gives up after the timeout with a network error that says how long it waited', async () => {
      const clock = new ManualClock().install();
      try {
        fetches = stubFetch(never);
        const { feed, next } = setup();
        void feed.fetch('/slow.json', 15_000);
        await clock.tick(14_999);

        expect(feed.state.status).to.equal('loading');
        await clock.tick(1);
        const state = await next();

        expect(summary(state)).to.equal('error network');
        expect(state.status === 'error' && state.message).to.equal('The feed did not arrive within 15 seconds.');
        expect(fetches.requests[0]!.signal.aborted).to.equal(true);

        void feed.fetch('/slow.json', 1000);
        await clock.tick(1000);
        const one = await next();
        expect(one.status === 'error' && one.message).to.equal('The feed did not arrive within 1 second.');
      } finally {
        clock.uninstall();
      }
    });

    it('clears its timer once the feed arrives', async () => {
      const clock = new ManualClock().install();
      try {
        fetches = stubFetch(async () => feedBody(1));
        const { feed, next } = setup();
        void feed.fetch('/quick.json', 15_000);
        expect(summary(await next())).to.equal('ready 1');
        expect(clock.pending).to.equal(0);
      } finally {
        clock.uninstall();
      }
    });

    it('reports a request that fails as a network error naming the address', async () => {
      fetches = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
      const { feed, next } = setup();
      void feed.fetch('/feeds/gone.json', 0);
      const state = await next();
      expect(summary(state)).to.equal('error network');
      expect(state.status === 'error' && state.message).to.contain('/feeds/gone.json could not be reached');
    });

    it('reports an error status from the server as "not available"', async () => {
      const { feed, next } = setup();
      void feed.fetch('/test-api/status/404', 0);
      const state = await next();
      expect(summary(state)).to.equal('error unavailable');
      expect(state.status === 'error' && state.message).to.match(/answered 404/);
    });

    it('aborts its request when the host leaves the page, and reports nothing', async () => {
      fetches = stubFetch(never);
      const { host, feed, settled } = setup();
      const load = feed.fetch('/feeds/case-studies.json', 0);
      host.disconnect();
      expect(fetches.requests[0]!.signal.aborted).to.equal(true);
      await load;
      expect(settled).to.deep.equal([]);
    });

    it('forgets the feed and its request on reset', async () => {
      fetches = stubFetch(never);
      const { host, feed, settled } = setup();
      const load = feed.fetch('/feeds/case-studies.json', 0);
      const updates = host.updates;
      const warnings = await watchWarnings(async (clock) => {
        feed.reset(() => 'has no feed');
        // Gone before the warning's moment: only the reset is looked at here.
        host.disconnect();
        await clock.tick(60_000);
      });
      expect(feed.state.status).to.equal('idle');
      expect(host.updates).to.be.greaterThan(updates);
      expect(fetches.requests[0]!.signal.aborted).to.equal(true);
      await load;
      expect(settled).to.deep.equal([]);
      expect(warnings, 'its host left the page before the moment passed').to.deep.equal([]);
    });
  });

  describe('with no source', () => {
    it('says a source is missing a moment later (not at once), and only once', async () => {
      const { feed } = setup();
      const warnings = await watchWarnings(async (clock, warned) => {
        feed.reset(() => 'has no feed');
        expect(warned, 'at once').to.deep.equal([]);
        await clock.tick(0);
        feed.reset(() => 'has no feed still');
        await clock.tick(60_000);
      });
      expect(warnings).to.deep.equal(['<case-study-finder> has no feed']);
    });

    it('says nothing when a source is given just after, as frameworks do', async () => {
      const { feed } = setup();
      const warnings = await watchWarnings(async (clock) => {
        feed.reset(() => 'has no feed');
        feed.use(items(1));
        await clock.tick(60_000);
      });
      expect(warnings).to.deep.equal([]);
    });
  });

  describe('text on the page', () => {
    it('reads JSON text, and says how text that is not JSON begins', async () => {
      const { feed, next } = setup();
      void feed.parseText(JSON.stringify(items(2)));
      expect(summary(await next())).to.equal('ready 2');
      void feed.parseText('<p>Case studies</p>');
      const state = await next();
      expect(summary(state)).to.equal('error unavailable');
      expect(state.status === 'error' && state.message).to.equal('The feed is not valid JSON. It begins: "<p>Case studies</p>"');
    });
  });
});
