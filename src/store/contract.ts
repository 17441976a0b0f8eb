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
  /**
   * The fully scoped idempotency key (`tenant:operation:key`) that created it, when one was given,
   * so erasing the record can forget the key's stored result.
   */
  idempotencyKey?: string | null;
  /**
   * Set by the store on every read: 1 after the first write, +1 per write. Pass it back as
   * `expectedVersion` to `put` for a compare-and-set.
   */
  version?: number;
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
  | { state: 'in_flight'; fingerprint: string; owner: string };

export interface Store {
  /** One batch read; results in the order of `ids`, null where absent. */
  getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]>;
  /**
   * Writes `entity` and indexes it by tenant and subject the first time it is seen. With
   * `expectedVersion` it is a compare-and-set: written only when the stored version is that one
   * (0: only when absent); resolves null (writing nothing) on a conflict. Without it, written
   * unconditionally. Resolves the record written, with its new `version`: in memory the stored
   * (frozen) value itself, so an event that carries it shares it instead of keeping a second copy;
   * over Redis the given record with its version (its JSON is what was written). One round trip
   * on Redis; the same semantics in memory.
   */
  put<T extends Entity>(kind: EntityKind, entity: T, expectedVersion?: number): Promise<T | null>;
  /** Newest first. */
  list<T extends Entity>(kind: EntityKind, query: ListQuery<T>): Promise<Page<T>>;
  /** How many entities `list` would page through; reads no entity unless `where` is given (ZCARD). */
  count<T extends Entity>(kind: EntityKind, query: CountQuery<T>): Promise<number>;

  /**
   * Erasure (entities of one tenant): replaces each live record by a tombstone kept `tombstoneTtlMs` (no data; reads answer
   * null, a create of the same id is refused) and removes it from its tenant and subject indexes.
   * With `ifUnchanged`, a record is erased only when its stored version is still the one given
   * (a compare-and-set: a record that changed since it was read is kept). Resolves the ids erased.
   */
  erase(kind: EntityKind, entities: readonly Entity[], tombstoneTtlMs: number, ifUnchanged?: boolean): Promise<string[]>;
  /** True when `id` was erased and its tombstone is still kept. */
  isErased(kind: EntityKind, id: string): Promise<boolean>;
  /** Up to `count` entities of the tenant's index, oldest first, from position `offset` (for sweeps). */
  oldest<T extends Entity>(kind: EntityKind, tenant: string, offset: number, count: number): Promise<T[]>;

  /**
   * Claims an idempotency key for `owner` with a short lease (`leaseMs`), atomically; returns
   * what the key already holds if anything (a live lease of another owner, or a completed result).
   */
  beginIdempotent(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<IdempotencyState>;
  /** Extends the owner's lease while its provider call runs; false when it is no longer the owner's. */
  renewIdempotent(key: string, owner: string, leaseMs: number): Promise<boolean>;
  /**
   * Records the result, kept `ttlMs`: only by the lease's owner, or when the lease lapsed and
   * nobody claimed the key since. False otherwise.
   */
  completeIdempotent(key: string, owner: string, fingerprint: string, resultId: string, ttlMs: number): Promise<boolean>;
  /** Releases the owner's lease (its operation failed before the provider accepted), so a retry runs again. */
  abandonIdempotent(key: string, owner: string): Promise<boolean>;
  /** Forgets a completed key whose result is gone (e.g. erased), so a retry runs again. */
  forgetIdempotent(key: string, resultId: string): Promise<void>;

  /**
   * "Being created" markers shared by replicas: while a create at `provider` waits for the
   * provider's answer, a webhook about a session we do not know yet may have overtaken it.
   */
  beginCreating(provider: string, owner: string, ttlMs: number): Promise<void>;
  endCreating(provider: string, owner: string): Promise<void>;
  creatingCount(provider: string): Promise<number>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

export const PAGE_MAX = 100;
export const IDEMPOTENCY_TTL_MS = 24 * 3600 * 1000;
/** In-flight lease of an idempotency key; renewed every third of it while the provider call runs. */
export const IDEMPOTENCY_LEASE_MS = 10_000;
/** A "being created" marker outlives a crashed creator by at most this. */
export const CREATING_TTL_MS = 60_000;
/** An erased record's tombstone (no data) is kept this long: a later webhook about it is dropped. */
export const TOMBSTONE_TTL_MS = 30 * 24 * 3600 * 1000;
