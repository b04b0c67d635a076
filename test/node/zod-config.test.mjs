// The bundler build (`import 'case-study-finder'`) shares the app's zod, and zod keeps one
// setting for every copy on a page: importing the widget must not change it. (Needs the build.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';

test("importing the feed module leaves the app's zod setting as it was, and still validates", async () => {
  z.config({ jitless: false });
  const before = { ...z.config() };
  const { parseFeed } = await import('../../dist/lib/lib/feed.js');
  assert.deepEqual({ ...z.config() }, before);
  const feed = parseFeed([{ title: 'Story time', url: '/a' }, { title: '', url: 'javascript:x' }]);
  assert.equal(feed.items.length, 1);
  assert.equal(feed.skipped.length, 1);
  assert.deepEqual({ ...z.config() }, before);
});
