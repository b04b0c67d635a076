import * as z from 'zod/mini';
import { cleanText, isIsoDate } from './feed.js';
import { isSafeUrl } from './url.js';

/*
 * The feed's schema of record, in zod: the JSON Schema (`case-study-finder schema`), the
 * `FeedItemInput` type, and the reference the page's hand-written checker (lib/feed.ts) is
 * proved against by property tests. The page does not import this module: zod would be a
 * sixth of the widget's size budget.
 *
 * Messages are written for a webmaster, with `{value}` standing for the value as given; the
 * checker in lib/feed.ts words every reason the same.
 */

const text = (what = 'text') =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is missing' : `must be ${what}`) });

const requiredText = () =>
  text().check(
    z.minLength(1, { error: 'is empty' }),
    z.refine((value) => cleanText(value) !== '', { error: 'is empty' }),
  );

const webAddress = () =>
  text('a web address').check(
    z.trim(),
    z.refine((value) => isSafeUrl(cleanText(value)), {
      error: '{value} is not a web address (it must start with https://, http:// or /)',
    }),
  );

// Lists are the usual form in a feed, so they are tried first.
const textList = () => z.union([z.array(z.string()), z.string()], { error: 'must be text or a list of text' });

/**
 * Builds schemas in zod's `jitless` mode, then puts the app's own zod setting back. Schemas
 * built otherwise probe `new Function` (to compile a fast path), which a strict
 * Content-Security-Policy reports as a violation even though zod catches the refusal. zod keeps
 * one setting for every copy on a page (on `globalThis`), so setting it for good would also
 * slow down, or change, the zod of an app that imports this module.
 */
function jitless<T>(build: () => T): T {
  const config = z.config();
  const had = Object.hasOwn(config, 'jitless');
  const before = config.jitless;
  config.jitless = true;
  try {
    return build();
  } finally {
    if (had) config.jitless = before;
    else delete config.jitless;
  }
}

const schemas = jitless(() => {
  const item = z.object({
    id: z.optional(z.union([z.string(), z.number()], { error: 'must be text or a number' })),
    title: requiredText(),
    url: webAddress(),
    summary: z.optional(text()),
    organisation: z.optional(text()),
    topics: z.optional(textList()),
    supportTypes: z.optional(textList()),
    keywords: z.optional(textList()),
    date: z.optional(
      text('a date').check(
        z.trim(),
        z.refine(isIsoDate, { error: '{value} is not a date (write it as YYYY-MM-DD)' }),
      ),
    ),
    image: z.optional(
      z.object({ src: webAddress(), alt: z.optional(text()) }, { error: 'must be an object with "src" and "alt"' }),
    ),
    collection: z.optional(
      z.object({ label: requiredText(), url: webAddress() }, { error: 'must be an object with "label" and "url"' }),
    ),
  });
  const facet = z.object({
    key: requiredText(),
    label: z.optional(z.union([z.string(), z.object({ en: z.optional(z.string()), cy: z.optional(z.string()) })])),
  });
  const feed = z.union([
    z.array(item),
    z.object({
      title: z.optional(z.string()),
      facets: z.optional(z.array(facet)),
      // Written before the items: the widget can then show the first cards before the rest arrive.
      order: z.optional(z.literal('newest', { error: 'must be "newest" (items sorted newest first), or left out' })),
      items: z.array(item),
    }),
  ]);
  return { item, facet, feed };
});

/** One case study as a feed may give it. Unknown fields are allowed and ignored. */
export const FeedItemSchema = schemas.item;

/** One entry of a feed's `facets`: a field to filter by, and what to call it. */
export const FacetDefSchema = schemas.facet;

/**
 * The whole feed: a bare array of items, or an object with `items`. Used for the JSON Schema
 * and the CLI; parseFeed reads the envelope leniently and checks each item on its own, so that
 * one bad item never sinks the rest.
 */
export const FeedSchema = schemas.feed;

export type FeedItemInput = z.input<typeof FeedItemSchema>;
