// Each line marked "expect-error" must fail to compile, and nothing else may.
import type {} from 'case-study-finder/react';

export const bad = [
  <case-study-finder sort="random" />, // expect-error: not an order
  <case-study-finder lang="fr" />, // expect-error: not a language the widget has
  <case-study-finder page-size="six" />, // expect-error: a number
  <case-study-finder items="[]" />, // expect-error: items are objects
  <case-study-finder pagesize={6} />, // expect-error: no such attribute or property
  <case-study-finder oncsf-change={(event) => event.detail.nope} />, // expect-error: no such detail
];
