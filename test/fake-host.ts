import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * For the controller unit tests in src/controllers/: a host that counts update requests and
 * calls its controllers the way Lit does, when the test says so. Its `updateComplete` can be
 * held, as an element's is while it draws.
 */
export class FakeHost implements ReactiveControllerHost {
  updates = 0;
  controllers: ReactiveController[] = [];
  #drawn: Promise<boolean> = Promise.resolve(true);

  get updateComplete(): Promise<boolean> {
    return this.#drawn;
  }

  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
  /** One update: each controller's `hostUpdate`, then (as after a render) `hostUpdated`. */
  update(): void {
    for (const controller of this.controllers) controller.hostUpdate?.();
    for (const controller of this.controllers) controller.hostUpdated?.();
  }
  /** Holds `updateComplete` until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.#drawn = new Promise((resolve) => (release = () => resolve(true)));
    return () => {
      release();
      this.#drawn = Promise.resolve(true);
    };
  }
}

/**
 * Lets every promise callback already queued run, and those they queue: all run before the
 * next task, which a message (unlike setTimeout) starts without a clamp or a fake clock.
 */
export function drain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** A promise the test settles by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

/**
 * A clock the test moves by hand, for code that waits with `setTimeout`: `tick(ms)` runs every
 * timer that falls due, in order, each followed by the promise callbacks it starts. Nothing
 * else of the page's timing is touched (promises, messages, frames). Installed for one test at
 * a time: mocha times its tests with its own references, but moves from a failed test to the
 * next with `setTimeout`, so a test stuck with the clock installed would stop the run. A real
 * timer therefore takes the clock out after `watchdogMs`, and timers still waiting when it is
 * taken out are handed to the real `setTimeout`.
 */
export class ManualClock {
  now = 0;
  readonly #timers = new Map<number, { at: number; run: () => void }>();
  #ids = 0;
  #real?: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
  #watchdog?: ReturnType<typeof setTimeout>;

  install(watchdogMs = 5000): this {
    const real = (this.#real = { setTimeout: window.setTimeout, clearTimeout: window.clearTimeout });
    this.#watchdog = real.setTimeout.call(window, () => this.uninstall(), watchdogMs);
    window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
      const id = ++this.#ids;
      const run = typeof handler === 'function' ? () => void handler(...args) : () => void 0;
      this.#timers.set(id, { at: this.now + Math.max(0, Number(delay) || 0), run });
      return id;
    }) as typeof setTimeout;
    window.clearTimeout = ((id?: number) => void this.#timers.delete(id ?? 0)) as typeof clearTimeout;
    return this;
  }

  uninstall(): void {
    const real = this.#real;
    if (!real) return;
    this.#real = undefined;
    real.clearTimeout.call(window, this.#watchdog);
    window.setTimeout = real.setTimeout;
    window.clearTimeout = real.clearTimeout;
    for (const { at, run } of this.#timers.values()) real.setTimeout.call(window, run, at - this.now);
    this.#timers.clear();
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.#timers.size;
  }

  async tick(ms: number): Promise<void> {
    if (!this.#real) throw new Error('the manual clock is not installed (or its watchdog took it out)');
    const end = this.now + ms;
    for (;;) {
      let next: [number, { at: number; run: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.#timers.delete(next[0]);
      this.now = next[1].at;
      next[1].run();
      await drain();
    }
    this.now = end;
    await drain();
  }
}

/** Runs `body` with a {@link ManualClock} installed, and takes it out however `body` ends. */
export async function withManualClock<T>(body: (clock: ManualClock) => Promise<T>): Promise<T> {
  const clock = new ManualClock().install();
  try {
    return await body(clock);
  } finally {
    clock.uninstall();
  }
}
