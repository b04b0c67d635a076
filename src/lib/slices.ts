/**
 * Long jobs (checking a large feed, indexing it) cut into tasks of a few milliseconds, so that
 * the page keeps answering input and painting while they run.
 */

/**
 * Gives the browser a turn (input, paint) between slices of work. A message round trip, not
 * setTimeout, which browsers clamp to 4 ms after a few nested calls.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/**
 * Runs a generator's steps in tasks of about `budget` ms, yielding to the browser before each,
 * and gives its return value. Stops with the abort reason when `signal` aborts. A generator
 * ended early with `return()` simply finishes.
 */
export async function runSliced<T>(steps: Generator<void, T>, signal?: AbortSignal, budget = 8): Promise<T> {
  for (;;) {
    await yieldToMain();
    signal?.throwIfAborted();
    const until = performance.now() + budget;
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (performance.now() < until);
  }
}

/** Runs a generator's steps at once and gives its return value. */
export function runAll<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
