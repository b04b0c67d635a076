import type { FeedFailure, FeedProblem } from './lib/feed.js';
import type { AppliedSort } from './lib/order.js';

export type { AppliedSort, SortOrder } from './lib/order.js';

export interface CsfLoadDetail {
  /** Valid items shown. */
  total: number;
  /** Items left out, each with its 0-based index in the feed and why. */
  skipped: FeedProblem[];
  /** Items shown without a field that was wrong. */
  warnings: FeedProblem[];
}

export interface CsfChangeDetail {
  query: string;
  filters: Record<string, string[]>;
  sort: AppliedSort;
  /** Results after the change. */
  total: number;
}

export interface CsfErrorDetail {
  /** What went wrong, for the webmaster: the address, the status, the reason. */
  message: string;
  /** `unavailable` (not found, not a feed) or `network` (did not arrive): what the visitor was told. */
  kind: FeedFailure;
  cause: unknown;
}

const init = { bubbles: true, composed: true } as const;

/** Fired when a feed has been accepted (some items may have been skipped). */
export class CsfLoadEvent extends CustomEvent<CsfLoadDetail> {
  constructor(detail: CsfLoadDetail) {
    super('csf-load', { ...init, detail });
  }
}

/** Fired once per visitor change to the search, filters, sort or page. Never for code. */
export class CsfChangeEvent extends CustomEvent<CsfChangeDetail> {
  constructor(detail: CsfChangeDetail) {
    super('csf-change', { ...init, detail });
  }
}

/** Fired when a feed cannot be loaded at all. */
export class CsfErrorEvent extends CustomEvent<CsfErrorDetail> {
  constructor(detail: CsfErrorDetail) {
    super('csf-error', { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'csf-load': CsfLoadEvent;
    'csf-change': CsfChangeEvent;
    'csf-error': CsfErrorEvent;
  }
}
