/** @jsxImportSource preact */
// Each line marked "expect-error" must fail to compile, and nothing else may.
import type {} from 'case-study-finder/preact';

export const bad = [
  <case-study-finder sort="random" />, // expect-error: not an order
  <case-study-finder heading-level="two" />, // expect-error: a number
  <case-study-finder oncsf-load={(event) => event.detail.nope} />, // expect-error: no such detail
];
