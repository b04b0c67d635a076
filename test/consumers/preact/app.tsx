/** @jsxImportSource preact */
// Preact: the same element typings, opted into from case-study-finder/preact.
import { render } from 'preact';
import { useRef } from 'preact/hooks';
import 'case-study-finder';
import type { CaseStudyFinder, CsfChangeEvent } from 'case-study-finder';
import type {} from 'case-study-finder/preact';

function App() {
  const finder = useRef<CaseStudyFinder>(null);
  const handleChange = (event: CsfChangeEvent) => console.log(event.detail.query, event.detail.filters);
  return (
    <case-study-finder
      ref={finder}
      src="/feed.json"
      page-size={6}
      sort="newest"
      lang="cy"
      sync-url
      items={[{ title: 'A', url: '/a' }]}
      class="finder"
      oncsf-change={handleChange}
      oncsf-load={(event) => console.log(event.detail.total)}
    >
      <a href="/case-studies">All case studies</a>
    </case-study-finder>
  );
}

render(<App />, document.body);
