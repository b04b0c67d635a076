// Records every layout shift on the page (as CLS counts them: not those right after input),
// when the widget's element was defined, and when its loading state was first drawn, for
// test/cls.test.ts.
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, time: entry.startTime });
}).observe({ type: 'layout-shift', buffered: true });
customElements.whenDefined('case-study-finder').then(() => (window.__definedAt = performance.now()));
requestAnimationFrame(function watch() {
  const drawn = document.querySelector('case-study-finder')?.shadowRoot?.querySelector('[part~="loading"]');
  // Once the loading state is there, the frame after next is when it has been laid out.
  if (drawn) requestAnimationFrame(() => requestAnimationFrame(() => (window.__loadingAt = performance.now())));
  else requestAnimationFrame(watch);
});
