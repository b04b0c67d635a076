/**
 * Every text the widget shows. `{name}` stands for a value filled in when shown. Plural texts
 * have one form per `Intl.PluralRules` category the language uses; `other` is required.
 */
export interface Strings {
  /** The name of the search landmark. */
  searchRegion: string;
  searchLabel: string;
  searchHint: string;
  skipToResults: string;
  filterBy: string;
  filters: string;
  filtersToggle: Plural;
  /** The button at the top of the narrow panel: its words, and its name for screen readers. */
  close: string;
  closeFilters: string;
  facetLabels: Record<string, string>;
  /** A facet's name before a chosen value ("Topic: Libraries"). */
  facetNames: Record<string, string>;
  /** A facet's values, in the plural ("Show all 155 organisations"). */
  facetNouns: Record<string, string>;
  /** The plural for a facet with no noun above, from its label. */
  valuesOf: string;
  chipCount: Plural;
  groupChosen: Plural;
  showAll: string;
  showFewer: string;
  narrowLabel: string;
  narrowNone: string;
  narrowMore: string;
  /**
   * Said once typing in a group's box pauses: how many values are left. `{noun}` is the
   * plural ("organisations"), `{one}` the singular ("organisation").
   */
  narrowCount: Plural;
  showResults: Plural;
  activeFilters: string;
  removeFilter: string;
  clearAll: string;
  clearSearch: string;
  clearFilters: string;
  corrected: string;
  suggest: string;
  resultCount: Plural;
  announceCount: Plural;
  announceFilteredBy: string;
  sortLabel: string;
  sortRelevance: string;
  sortNewest: string;
  sortOldest: string;
  sortTitle: string;
  sortFeed: string;
  published: string;
  viewCollection: string;
  showMore: Plural;
  showingOf: string;
  loading: string;
  searching: string;
  emptyTitle: string;
  emptyHint: string;
  emptyHintFilters: string;
  emptyHintBoth: string;
  emptyFeed: string;
  errorTitle: string;
  errorHint: string;
  unavailableTitle: string;
  unavailableHint: string;
  retry: string;
  seeAll: string;
}

export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export const en: Strings = {
  searchRegion: 'Case studies',
  searchLabel: 'Search case studies',
  searchHint: 'For example, libraries or early years. Results update as you type.',
  skipToResults: 'Skip to results',
  filterBy: 'Filter by {label}',
  filters: 'Filters',
  filtersToggle: { other: 'Filters ({count} selected)' },
  close: 'Close',
  closeFilters: 'Close filters',
  facetLabels: { topics: 'topics', supportTypes: 'support type', keywords: 'keywords', organisation: 'organisation', year: 'year' },
  facetNames: { topics: 'Topic', supportTypes: 'Support type', keywords: 'Keyword', organisation: 'Organisation', year: 'Year' },
  facetNouns: { topics: 'topics', supportTypes: 'support types', keywords: 'keywords', organisation: 'organisations', year: 'years' },
  valuesOf: '{label} values',
  chipCount: { one: '{count} case study', other: '{count} case studies' },
  groupChosen: { other: '{count} selected' },
  showAll: 'Show all {count} {noun}',
  showFewer: 'Show fewer {noun}',
  narrowLabel: 'Filter {noun}',
  narrowNone: 'No {noun} match ‘{text}’',
  narrowMore: 'Showing {shown} of {total}: type in the box to find the others',
  narrowCount: { one: '{count} {one}', other: '{count} {noun}' },
  showResults: { one: 'Show {count} result', other: 'Show {count} results' },
  activeFilters: 'Selected filters',
  removeFilter: 'Remove filter {value}',
  clearAll: 'Clear search and filters',
  clearSearch: 'Clear search',
  clearFilters: 'Clear filters',
  corrected: 'Showing results for {query}',
  suggest: 'Did you mean {query}?',
  resultCount: {
    one: 'Your search returned {count} result',
    other: 'Your search returned {count} results',
  },
  announceCount: { one: '{count} result', other: '{count} results' },
  announceFilteredBy: '{count}, filtered by {filters}',
  sortLabel: 'Sort by',
  sortRelevance: 'Relevance',
  sortNewest: 'Newest',
  sortOldest: 'Oldest',
  sortTitle: 'A to Z',
  sortFeed: 'Original order',
  published: 'Published',
  viewCollection: 'View all {label} articles',
  showMore: { one: 'Show {count} more case study', other: 'Show {count} more case studies' },
  showingOf: 'Showing {shown} of {total}',
  loading: 'Loading case studies…',
  searching: 'Searching…',
  emptyTitle: 'No case studies match your search',
  emptyHint: 'Check the spelling, or try fewer or different words.',
  emptyHintFilters: 'Try removing some filters.',
  emptyHintBoth: 'Check the spelling, try fewer or different words, or remove some filters.',
  emptyFeed: 'There are no case studies to show yet.',
  errorTitle: 'Sorry, the case studies could not be loaded',
  errorHint: 'Check your connection and try again.',
  unavailableTitle: 'The case studies are not available at the moment',
  unavailableHint: 'You can try again now, or come back later.',
  retry: 'Try again',
  seeAll: 'See all case studies',
};
