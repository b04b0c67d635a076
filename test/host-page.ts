/**
 * Plain host pages (test/pages/*.html) opened in an iframe: they include only dist/, with no
 * bundler and no test helpers, as a webmaster's page would. Kept apart from helpers.ts, which
 * defines the element from the sources in the test's own window.
 */

/** What test/pages/watch.js records on a page: CSP violations, uncaught errors and rejections. */
export interface PageReport {
  violations: string[];
  errors: string[];
}

/** Opens `path` in an iframe and waits for it to load. The caller removes the frame. */
export async function openPage(path: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '1000px';
  frame.style.height = '800px';
  frame.src = path;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

export const reportOf = (frame: HTMLIFrameElement) => (frame.contentWindow as unknown as { __report: PageReport }).__report;

/** The text of a widget's result count ('' before there is one). */
export const countIn = (widget: Element) => widget.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() ?? '';
