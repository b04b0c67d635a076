// zod keeps one setting for every copy in a program (on globalThis), shared with an app that
// imports the schema (`case-study-finder`'s dist/lib/lib/feed-schema.js, as the CLI does):
// building it must not change that setting. (Needs the build.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';

test("importing the feed schema leaves the app's zod setting as it was, and still validates", async () => {
  z.config({ jitless: false });
  const before = { ...z.config() };
  const { FeedItemSchema } = await import('../../dist/lib/lib/feed-schema.js');
  assert.deepEqual({ ...z.config() }, before);
  assert.equal(FeedItemSchema.safeParse({ title: 'Story time', url: '/a' }).success, true);
  assert.equal(FeedItemSchema.safeParse({ title: '', url: 'javascript:x' }).success, false);
  assert.deepEqual({ ...z.config() }, before);
});
