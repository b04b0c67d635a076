import { generateFeed, QUERIES } from '../generate.js';
import { parseFeed } from '../../src/lib/feed.js';
import { SearchIndex } from '../../src/lib/search.js';
import { FIELD_WEIGHTS, toSearchDoc } from '../../src/lib/search-doc.js';
import type { IndexClass } from './measure.js';

/** One feed size: the median CPU milliseconds of each engine, to build and per keystroke. */
export interface SpeedFigures {
  items: number;
  buildMs: { ours: number; before: number };
  keystrokeMs: { ours: number; before: number };
}

/**
 * Our SearchIndex against an earlier one, in one process: for each size, `runs` rounds (after
 * one to warm up), the two taking turns to go first, each building an index of the bench's
 * generated feed (bench/generate.ts) and typing every query of `npm run bench` a letter at a
 * time. `cpu` reads the clock: in Node, the process's CPU time (`process.cpuUsage`), which other
 * work on a busy machine disturbs less than the wall clock does. Medians over the runs.
 */
export function compareSpeed(before: IndexClass, sizes: readonly number[], cpu: () => number, runs = 7): SpeedFigures[] {
  const weights = Object.values(FIELD_WEIGHTS);
  const keystrokes = QUERIES.flatMap((query) => [...query].map((_, at) => query.slice(0, at + 1)));
  return sizes.map((items) => {
    const docs = parseFeed(generateFeed(items)).items.map((item) => [...toSearchDoc(item)]);
    const times = { ours: { build: [] as number[], key: [] as number[] }, before: { build: [] as number[], key: [] as number[] } };
    for (let run = 0; run <= runs; run++) {
      const order = run % 2 ? (['ours', 'before'] as const) : (['before', 'ours'] as const);
      for (const name of order) {
        const Index: IndexClass = name === 'ours' ? SearchIndex : before;
        let start = cpu();
        const index = new Index(docs, weights);
        const build = cpu() - start;
        start = cpu();
        for (const text of keystrokes) index.search(text);
        const key = (cpu() - start) / keystrokes.length;
        if (run === 0) continue;
        times[name].build.push(build);
        times[name].key.push(key);
      }
    }
    return {
      items,
      buildMs: { ours: median(times.ours.build), before: median(times.before.build) },
      keystrokeMs: { ours: median(times.ours.key), before: median(times.before.key) },
    };
  });
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
