import { expect } from '@open-wc/testing';
import { parseFeed } from '../feed.js';
import { readPages, type FeedPage } from './paging.js';
import { feedItemOf } from './read.js';
import { domXmlParser } from './xml.js';

/*
 * Every feed fixture (test/fixtures/feeds/manifest.json), read as the widget reads it: page by
 * page from the address it is published at, with its content type and headers, parsed by this
 * browser's DOMParser, then checked by parseFeed. test/cli/feeds.test.mjs reads the same
 * fixtures through the command line (xmldom) against the same expected files, so both give
 * the same items.
 */

interface FixturePage {
  file: string;
  url: string;
  type: string;
  headers?: Record<string, string>;
}

const fixtures = new URL('../../../test/fixtures/feeds/', import.meta.url);
const json = async <T>(path: string): Promise<T> => (await fetch(new URL(path, fixtures))).json() as Promise<T>;
const manifest = await json<Record<string, { pages: FixturePage[] }>>('manifest.json');

/** The feed as the widget would have it: items as our feed writes them, and what was reported. */
async function read(pages: FixturePage[]): Promise<Record<string, unknown>> {
  const load = async (url: string): Promise<FeedPage> => {
    const page = pages.find((candidate) => new URL(candidate.url).href === url);
    if (!page) throw new Error(`The fixture has no page ${url}`);
    const headers = new Map(Object.entries({ 'content-type': page.type, ...page.headers }));
    // Through /test-api/raw: the static server would re-encode a Latin-1 file as UTF-8.
    const file = new URL(page.file, fixtures).pathname;
    const bytes = new Uint8Array(await (await fetch(`/test-api/raw?feed=${encodeURIComponent(file)}`)).arrayBuffer());
    return { url: page.url, bytes, header: (name) => headers.get(name.toLowerCase()) ?? null };
  };
  try {
    let format: string | undefined;
    let title: string | undefined;
    const items: unknown[] = [];
    const notes: string[] = [];
    for await (const page of readPages(new URL(pages[0]!.url).href, load, { xml: domXmlParser(new DOMParser()) })) {
      const feed = page.feed as { title?: string; items: unknown[] };
      format = page.format;
      title ??= feed.title;
      items.push(...feed.items);
      notes.push(...page.notes);
    }
    const parsed = parseFeed({ title, items });
    return {
      format,
      ...(parsed.title && { title: parsed.title }),
      items: parsed.items.map(feedItemOf),
      skipped: parsed.skipped,
      warnings: parsed.warnings,
      notes,
    };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('feed fixtures, read with DOMParser', () => {
  for (const [name, { pages }] of Object.entries(manifest)) {
    if (name.startsWith('//')) continue;
    it(`${name} (${pages.map((page) => page.file).join(', ')})`, async () => {
      const [expected, result] = await Promise.all([json<Record<string, unknown>>(`expected/${name}.json`), read(pages)]);
      if (typeof expected.error === 'string') expect(result.error).to.match(new RegExp(expected.error));
      else expect(result).to.deep.equal(expected);
    });
  }
});
