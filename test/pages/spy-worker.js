// Records the workers a page starts and ends. ?worker=throws makes starting one fail (as a host that
// forbids workers would); ?worker=broken points it at a missing script.
window.__workers = [];
window.__terminated = 0;
const mode = new URLSearchParams(location.search).get('worker');
const RealWorker = window.Worker;
window.Worker = class extends RealWorker {
  constructor(url, options) {
    if (mode === 'throws') throw new DOMException('Workers are not allowed here', 'SecurityError');
    super(mode === 'broken' ? '/test-api/status/404' : url, options);
    window.__workers.push({ url: String(url), type: options?.type ?? 'classic', name: options?.name });
  }

  terminate() {
    window.__terminated++;
    super.terminate();
  }
};
