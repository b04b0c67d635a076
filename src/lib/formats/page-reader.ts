/**
 * The readers of other formats, as the widget uses them on a page: one module, which the
 * self-contained bundle leaves out and loads from beside itself (dist/case-study-finder-formats.js)
 * only when a feed is not our JSON. A page whose feed is our own JSON (the WordPress plugin's,
 * one written by `convert`) never downloads it. See src/browser/formats-loader.ts.
 */
export { readJsonApiFields } from './jsonapi.js';
export { readPages } from './paging.js';
export { readFeedText } from './read.js';
export { domXmlParser } from './xml.js';
