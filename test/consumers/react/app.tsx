// A React 19 app as the README tells it: the element imported before the first render, the
// typings opted into, the search worker set up for the bundler build. Type-checked by tsc and
// built by Vite (react.html), then loaded in Chromium.
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { setSearchWorker, type CaseStudyFinder, type CsfChangeEvent, type FeedItemInput } from 'case-study-finder';
import type {} from 'case-study-finder/react';

setSearchWorker(() => new Worker(new URL('case-study-finder/worker', import.meta.url), { type: 'module' }));

function App() {
  const finder = useRef<CaseStudyFinder>(null);
  const [items, setItems] = useState<FeedItemInput[]>();
  const [query, setQuery] = useState('');
  const [loaded, setLoaded] = useState(0);
  useEffect(() => {
    void fetch('/feed.json')
      .then((response) => response.json() as Promise<FeedItemInput[]>)
      .then(setItems);
  }, []);
  const handleChange = (event: CsfChangeEvent) => setQuery(event.detail.query);
  return (
    <StrictMode>
      {items && (
        <case-study-finder
          ref={finder}
          items={items}
          page-size={6}
          sort="title"
          lang="en"
          facets="topics supportTypes"
          url-prefix="csf-"
          strings={{ searchLabel: 'Search our case studies' }}
          className="finder"
          oncsf-change={handleChange}
          oncsf-load={(event) => setLoaded(event.detail.total + event.detail.skipped.length)}
          oncsf-error={(event) => console.error(event.detail.message)}
        >
          <a href="/case-studies">All case studies</a>
        </case-study-finder>
      )}
      <p id="loaded">{loaded}</p>
      <p id="query">{query}</p>
    </StrictMode>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
