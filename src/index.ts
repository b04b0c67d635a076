import { CaseStudyFinder } from './case-study-finder.js';

export { CaseStudyFinder } from './case-study-finder.js';
export * from './events.js';
export type { Strings } from './i18n/en.js';
export type { CaseStudy, FeedItemInput, FeedProblem, ParsedFeed } from './lib/feed.js';

// The script may be included twice on a page (a CMS block and a template): define once.
if (!customElements.get('case-study-finder')) {
  customElements.define('case-study-finder', CaseStudyFinder);
}
