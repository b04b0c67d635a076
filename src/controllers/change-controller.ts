import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long typing must pause before it counts as a change (and is announced). */
export const PAUSE_MS = 500;

/**
 * A change made by typing in the search box, by any other control, or by the browser's own
 * Back and Forward restoring an earlier state (announced, but not a new change).
 */
export type ChangeKind = 'typing' | 'choice' | 'restore';

/**
 * Reports each change a visitor makes exactly once, after the host has drawn it and the search
 * has answered. Typing is one change when it pauses for {@link PAUSE_MS}: every key starts the
 * pause again, so nothing is reported (or announced to a screen reader) in the middle of a
 * word, however steadily someone types. Any other change is reported as soon as it is drawn.
 * Each change is given with the state it made (`S`), so a change still waiting when the next
 * one begins is reported first with its own state, whenever the host changes its state.
 * Code that sets a property never reports anything: only the host's handlers call this.
 */
export class ChangeController<S> implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly report: (kind: ChangeKind, state: S) => void;
  private readonly settled: () => Promise<unknown>;
  private readonly pauseMs: number;
  private waiting?: { kind: ChangeKind; state: S };
  private timer?: ReturnType<typeof setTimeout>;
  private generation = 0;

  /**
   * `report` announces and records a change; `settled` resolves once the search has answered
   * the newest query, so the count reported is the one shown.
   */
  constructor(
    host: ReactiveControllerHost,
    report: (kind: ChangeKind, state: S) => void,
    settled: () => Promise<unknown>,
    pauseMs = PAUSE_MS,
  ) {
    this.host = host;
    this.report = report;
    this.settled = settled;
    this.pauseMs = pauseMs;
    host.addController(this);
  }

  /** A key typed in the search box made `state`: a choice still waiting is reported first. */
  typed(state: S): void {
    if (this.waiting?.kind === 'choice') this.flush();
    this.waiting = { kind: 'typing', state };
    this.schedule(this.pauseMs);
  }

  /** Any other control made `state`: typing still waiting is reported now, this once drawn. */
  chose(state: S): void {
    this.flush();
    this.waiting = { kind: 'choice', state };
    this.schedule(0);
  }

  /** Back or Forward restored `state`: drop what was waiting and announce it once drawn. */
  restored(state: S): void {
    this.cancel();
    this.waiting = { kind: 'restore', state };
    this.schedule(0);
  }

  /** Reports the waiting change now. */
  flush(): void {
    const waiting = this.waiting;
    this.cancel();
    if (waiting) this.report(waiting.kind, waiting.state);
  }

  /** Forgets the waiting change (the host left the page). */
  cancel(): void {
    clearTimeout(this.timer);
    this.generation++;
    this.waiting = undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    const generation = ++this.generation;
    this.timer = setTimeout(async () => {
      await this.host.updateComplete;
      await this.settled();
      await this.host.updateComplete;
      if (generation === this.generation) this.flush();
    }, delay);
  }
}
