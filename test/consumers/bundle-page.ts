// The self-contained bundle taken into an app's own chunk by Vite: the chunk is not the bundle,
// so it must never be started as the search worker (a 3,000-item feed is searched on the page).
import 'case-study-finder/bundle';

// Something of the app's own that a worker could not run.
document.documentElement.dataset.app = 'ready';
