import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Target = () => HTMLElement | null | undefined;

/**
 * Where focus goes when the control that had it disappears or the visitor's place moves: every
 * rule of that kind is given here, as "after the update that draws this change, focus that",
 * and applied once the host has updated, when the target exists. A removed filter hands focus
 * to the next one, "Show more" to the first new card, Retry to the loading message and then to
 * what replaced it.
 */
export class FocusController implements ReactiveController {
  /** Waiting moves, in order: each applies once `ready` holds, after an update. */
  private queue: Array<{ ready: () => boolean; target: Target }> = [];

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** After the next update, focus what `target` gives then (nothing, if it gives nothing). */
  next(target: Target): void {
    this.queue.push({ ready: () => true, target });
  }

  /**
   * After the first update at which `ready` holds (a feed that is still loading settles),
   * focus what `target` gives then. Later moves wait behind it.
   */
  when(ready: () => boolean, target: Target): void {
    this.queue.push({ ready, target });
  }

  /** Forgets every waiting move (the host left the page, or a new load replaced the old one). */
  clear(): void {
    this.queue = [];
  }

  hostUpdated(): void {
    let target: HTMLElement | null | undefined;
    while (this.queue[0]?.ready()) target = this.queue.shift()!.target() ?? target;
    target?.focus();
  }

  hostDisconnected(): void {
    this.clear();
  }
}
