// The store: an index of what was created through the API (with its last known state),
// idempotency keys and processed webhook ids. In memory by default, Redis when REDIS_URL is set;
// both pass the same test suite (test/store.test.ts).

export type EntityKind = 'verification' | 'ingestion' | 'check';

/** The fields every stored entity carries so it can be indexed. */
export interface Entity {
  id: string;
  tenant: string;
  subjectId: string | null;
  createdAt: string;
}

export interface ListQuery<T> {
  tenant: string;
  /** Only entities of this subject (uses the per-subject index). */
  subjectId?: string | null;
  /** Further filtering applied while scanning, newest first. */
  where?: (item: T) => boolean;
  /** Page size, 1..100. */
  first: number;
  /** Continue after the entity with this id (the previous page's last item). */
  afterId?: string | null;
  /**
   * Backward paging: when set, the page is the `last` entities just before `beforeId` (or the
   * oldest `last` when no `beforeId`), still returned newest first; `first` is then ignored. 1..100.
   */
  last?: number | null;
  /** Stop before the entity with this id (the next page's first item). */
  beforeId?: string | null;
}

/** What `count` counts: the same selection as a list, without paging. */
export type CountQuery<T> = Pick<ListQuery<T>, 'tenant' | 'subjectId' | 'where'>;

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
  /** True when a matching entity comes before this page (newer); set by list with a cursor. */
  hasPreviousPage?: boolean;
}

export type IdempotencyState =
  | { state: 'new' }
  | { state: 'completed'; resultId: string; fingerprint: string }
  | { state: 'in_flight'; fingerprint: string };

export interface Store {
  /** One batch read; results in the order of `ids`, null where absent. */
  getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]>;
  /** Create or replace; indexes the entity by tenant and subject the first time it is seen. */
  put<T extends Entity>(kind: EntityKind, entity: T): Promise<void>;
  /** Newest first. */
  list<T extends Entity>(kind: EntityKind, query: ListQuery<T>): Promise<Page<T>>;
  /** How many entities `list` would page through; reads no entity unless `where` is given (ZCARD). */
  count<T extends Entity>(kind: EntityKind, query: CountQuery<T>): Promise<number>;

  /** Claims an idempotency key (atomically); returns what the key already holds if anything. */
  beginIdempotent(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyState>;
  completeIdempotent(key: string, fingerprint: string, resultId: string, ttlMs: number): Promise<void>;
  /** Releases a claim whose operation failed, so a retry can run it again. */
  abandonIdempotent(key: string): Promise<void>;

  /** True when the provider event (provider, eventId) was already processed (within the dedup TTL). */
  webhookProcessed(provider: string, eventId: string): Promise<boolean>;
  /** Records that the event was processed (stored and published); kept `ttlMs`. */
  markWebhookProcessed(provider: string, eventId: string, ttlMs: number): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PAGE_MAX = 100;
export const WEBHOOK_DEDUP_TTL_MS = 72 * 3600 * 1000;
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
