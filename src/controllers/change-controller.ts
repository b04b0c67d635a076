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
 * A change still waiting when the next one begins is reported first, with the state it left.
 * Code that sets a property never reports anything: only the host's handlers call this.
 */
export class ChangeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #report: (kind: ChangeKind) => void;
  readonly #settled: () => Promise<unknown>;
  readonly #pauseMs: number;
  #waiting?: ChangeKind;
  #timer?: ReturnType<typeof setTimeout>;
  #generation = 0;

  /**
   * `report` announces and records a change; `settled` resolves once the search has answered
   * the newest query, so the count reported is the one shown.
   */
  constructor(
    host: ReactiveControllerHost,
    report: (kind: ChangeKind) => void,
    settled: () => Promise<unknown>,
    pauseMs = PAUSE_MS,
  ) {
    this.#host = host;
    this.#report = report;
    this.#settled = settled;
    this.#pauseMs = pauseMs;
    host.addController(this);
  }

  /** A key was typed in the search box (call it before or after changing the state). */
  typed(): void {
    if (this.#waiting === 'choice') this.flush();
    this.#waiting = 'typing';
    this.#schedule(this.#pauseMs);
  }

  /**
   * Any other control is about to change the state: typing still waiting is reported now,
   * before the change, and the change once it is drawn.
   */
  chose(): void {
    this.flush();
    this.#waiting = 'choice';
    this.#schedule(0);
  }

  /** Back or Forward restored an earlier state: drop what was waiting and announce it once drawn. */
  restored(): void {
    this.cancel();
    this.#waiting = 'restore';
    this.#schedule(0);
  }

  /** Reports the waiting change now. */
  flush(): void {
    const kind = this.#waiting;
    this.cancel();
    if (kind) this.#report(kind);
  }

  /** Forgets the waiting change (the host left the page). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#generation++;
    this.#waiting = undefined;
  }

  hostDisconnected(): void {
    this.cancel();
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    const generation = ++this.#generation;
    this.#timer = setTimeout(async () => {
      await this.#host.updateComplete;
      await this.#settled();
      await this.#host.updateComplete;
      if (generation === this.#generation) this.flush();
    }, delay);
  }
}
