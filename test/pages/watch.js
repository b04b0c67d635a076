// Records what a page under test reports: CSP violations, uncaught errors, unhandled rejections.
window.__report = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', (event) => {
  window.__report.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
window.addEventListener('error', (event) => window.__report.errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__report.errors.push(String(event.reason)));
