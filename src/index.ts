import { CaseStudyFinder } from './case-study-finder.js';

export { CaseStudyFinder } from './case-study-finder.js';
export * from './events.js';
export type { Strings } from './i18n/en.js';
export type { CaseStudy, FeedProblem, ParsedFeed } from './lib/feed.js';
export type { FeedItemInput } from './lib/feed-schema.js';
export { setSearchWorker } from './browser/searcher.js';

// The script may be included twice on a page (a CMS block and a template): define once. Where
// there is no registry (a worker; Node, unless a DOM shim supplies one) there is nothing to do.
if (globalThis.customElements && !customElements.get('case-study-finder')) {
  customElements.define('case-study-finder', CaseStudyFinder);
}
