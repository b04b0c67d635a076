import * as z from 'zod/mini';
import { FeedItemSchema, FeedSchema } from '../lib/feed-schema.js';
import { Exit, type Output } from './io.js';

type Meta = { id?: string; title?: string; description?: string };

/**
 * What an editor shows when hovering a field of a feed that names this schema. JSON Schema
 * cannot say "http(s) or relative only" or "a real calendar date", which the widget checks
 * with code, so the rules are written out here instead.
 */
const FIELD_DESCRIPTIONS: Record<string, string> = {
  id: 'Optional. A unique id for the case study; defaults to its url. A repeated id drops the later item.',
  title: 'Required. The title of the case study, as plain text.',
  url: 'Required. The page of the case study: a web address starting with https://, http:// or / (javascript:, data: and other kinds are refused).',
  summary: 'Optional. A short summary, as plain text (HTML is shown as text).',
  organisation: 'Optional. The council or organisation, as plain text.',
  topics: 'Optional. One topic or a list of topics; used for the "Topics" filter.',
  supportTypes: 'Optional. One support type or a list; used for the "Support type" filter.',
  keywords: 'Optional. Extra words that search should find the case study by.',
  date: 'Optional. An ISO 8601 date (YYYY-MM-DD, optionally with a time). An invalid date is left out.',
  image: 'Optional. An image: "src" is a web address like "url"; "alt" describes it (leave it out for a decorative image).',
  collection: 'Optional. A collection link, shown as "View all <label> articles"; "url" is a web address like "url".',
};

/**
 * The JSON Schema of the feed, generated from the zod schema of record, which the widget's own
 * checker is proved to agree with (as the input it accepts, before transforms), with a title, a description and field
 * descriptions for editors. Items are a shared definition, `#/$defs/item`.
 */
export function feedJsonSchema(): Record<string, unknown> {
  // The global registry, so that any description feed-schema.ts gives its schemas is kept (and wins).
  const describe = (schema: z.core.$ZodType, meta: Meta): void => {
    z.globalRegistry.add(schema, { ...meta, ...z.globalRegistry.get(schema) });
  };
  describe(FeedItemSchema, {
    id: 'item',
    title: 'Case study',
    description: 'One case study. Unknown fields are allowed, and any text field may be used as a filter.',
  });
  for (const [field, description] of Object.entries(FIELD_DESCRIPTIONS)) {
    const schema = (FeedItemSchema.shape as Record<string, z.core.$ZodType | undefined>)[field];
    if (schema) describe(schema, { description });
  }
  const envelope = FeedSchema.def.options[1] as z.ZodMiniObject<{ order: z.core.$ZodType }>;
  describe(envelope.shape.order, {
    description:
      'Optional. "newest" promises that the items are sorted newest first (undated items last), as convert writes them: the widget then shows the first cards before the rest of a large feed has arrived.',
  });
  const { $schema, ...rest } = z.toJSONSchema(FeedSchema, { io: 'input' }) as Record<string, unknown>;
  return {
    $schema,
    title: 'Case study feed',
    description:
      'A feed for the <case-study-finder> web component: an array of case studies, or an object with "title", "facets" and "items". Check a feed with: npx case-study-finder validate feed.json',
    ...rest,
  };
}

/** `case-study-finder schema`: prints {@link feedJsonSchema}. */
export function schema(out: Output): number {
  out.stdout(`${JSON.stringify(feedJsonSchema(), null, 2)}\n`);
  return Exit.ok;
}
