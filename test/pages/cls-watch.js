// Records every layout shift on the page (as CLS counts them: not those right after input),
// when the widget's element was defined, and when its loading state was first drawn, for
// test/cls.test.ts.
window.__shifts = [];
const record = (entries) => {
  for (const entry of entries) if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, time: entry.startTime });
};
const observer = new PerformanceObserver((list) => record(list.getEntries()));
observer.observe({ type: 'layout-shift', buffered: true });
// Every shift so far: those already reported, and those recorded but not yet handed to the
// observer (its callback runs later, in a task of its own).
window.__collectShifts = () => {
  record(observer.takeRecords());
  return window.__shifts;
};
customElements.whenDefined('case-study-finder').then(() => (window.__definedAt = performance.now()));
requestAnimationFrame(function watch() {
  const drawn = document.querySelector('case-study-finder')?.shadowRoot?.querySelector('[part~="loading"]');
  // Once the loading state is there, the frame after next is when it has been laid out.
  if (drawn) requestAnimationFrame(() => requestAnimationFrame(() => (window.__loadingAt = performance.now())));
  else requestAnimationFrame(watch);
});
