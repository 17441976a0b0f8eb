// Read-modify-write of one stored record without losing a concurrent writer's change: read it
// with its version, apply the change, compare-and-set; on a conflict read again and re-apply.
import { randomUUID } from 'node:crypto';
import { extend } from '../domain/objects.js';
import type { Publication } from '../events/contract.js';
import { CREATING_TTL_MS, type Entity, type EntityKind, type Store } from '../store/contract.js';
import type { EventMark, Journal } from '../store/journal.js';

/** Conflicting writers of one record retried at most this many times (each retry re-reads). */
const MAX_ATTEMPTS = 50;

export class ContentionError extends Error {
  constructor(kind: string) {
    super(`${kind} kept changing under this update (${MAX_ATTEMPTS} attempts)`);
  }
}

/**
 * Starts reading the record `id` now, for a compare-and-set that begins later (its `read`): a
 * webhook sends it with its inbox append, so over Redis both leave in one write and come back in
 * one round trip. A failure surfaces where the read is awaited, and is not an unhandled rejection
 * when it never is (a duplicate event, a failed append).
 */
export function readAhead<T extends Entity>(store: Store, kind: EntityKind, id: string): Promise<T | null> {
  const read = store.getMany<T>(kind, [id]).then(([record]) => record);
  read.catch(() => {});
  return read;
}

/**
 * Applies `change` to the record `id` until it is stored on top of the version it read. Resolves
 * null when there is no such record; the stored record carries its new `version`. A change
 * that says `write: false` stores nothing. `read`: the record read ahead (`readAhead`) or held
 * in a `RecordCache`, used for the first attempt instead of reading it then; a stale one only
 * costs a retry. `write`: how a change is stored (default the store's `put`; `applyAndPublish`
 * stores it with its event); a write that lost may hand over the record it lost to (`latest`),
 * which the next attempt starts from instead of reading it again.
 */
export async function compareAndSet<T extends Entity, R extends { record: T; write?: boolean }>(
  store: Store,
  kind: EntityKind,
  id: string,
  change: (current: T) => R,
  read?: Promise<T | null>,
  write: (result: R, expectedVersion: number, latest: (record: T | null) => void) => Promise<T | null> = (result, expected) => store.put(kind, result.record, expected),
): Promise<R | null> {
  let next = read;
  const latest = (record: T | null) => {
    next = Promise.resolve(record);
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = next ? await next : (await store.getMany<T>(kind, [id]))[0];
    next = undefined;
    if (!current) return null;
    const expected = current.version ?? 0;
    const result = change(current);
    if (result.write === false) return result; // nothing to store
    const stored = await write(result, expected, latest);
    if (stored) return extend(result, { record: stored }) as R;
    if (attempt > 2) await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
  }
  throw new ContentionError(kind);
}

/**
 * Records this replica stored last (by kind and id), kept a short while: a webhook about one of
 * them starts from it instead of reading it, and is applied directly (WebhookService: one call to
 * the backend instead of two on a single Redis). A copy may be stale (another replica wrote since):
 * the compare-and-set then loses, and the journal hands over the record it lost to. Bounded by
 * count and age (personal data: an erasure on this replica drops its copies at once; another
 * replica never uses a copy past `maxAgeMs` and drops it with the next record it stores; a copy of
 * an erased record can never bring it back: its tombstone fails the compare-and-set).
 */
export class RecordCache {
  private readonly records = new Map<string, { record: Entity; at: number }>();

  constructor(
    /** Records kept at most (the least recently stored dropped first). */
    private readonly maxRecords = RECORD_CACHE_MAX,
    /** A copy older than this is not used, and is dropped with the next record stored. */
    private readonly maxAgeMs = RECORD_CACHE_MAX_AGE_MS,
  ) {}

  get<T extends Entity>(kind: EntityKind, id: string): T | undefined {
    const hit = this.records.get(`${kind}:${id}`);
    return hit && Date.now() - hit.at <= this.maxAgeMs ? (hit.record as T) : undefined;
  }

  set(kind: EntityKind, record: Entity) {
    const key = `${kind}:${record.id}`;
    const now = Date.now();
    this.records.delete(key); // re-inserted last: the map's order is the order of storing, oldest first
    this.records.set(key, { record, at: now });
    // the oldest go first: past the bound, or past their age (so a copy is not kept long after use)
    for (const [k, { at }] of this.records) {
      if (this.records.size <= this.maxRecords && now - at <= this.maxAgeMs) break;
      this.records.delete(k);
    }
  }

  delete(kind: EntityKind, id: string) {
    this.records.delete(`${kind}:${id}`);
  }

  get size() {
    return this.records.size;
  }
}

/** RecordCache defaults: records kept, and for how long. */
export const RECORD_CACHE_MAX = 10_000;
export const RECORD_CACHE_MAX_AGE_MS = 60_000;

/**
 * Thrown by `applyAndPublish` for a direct event whose view changes nothing (a redelivery, a late
 * view): there is no change to carry its processed mark, so it goes through the inbox instead.
 */
export class NotDirect extends Error {
  constructor() {
    super('no change to store the event with; through the inbox');
  }
}

/** A webhook about a record whose create has not been recorded yet (a create is in flight): retried later. */
export class NotRecordedYet extends Error {
  constructor(kind: string) {
    super(`${kind} not recorded yet; a create is in flight`);
  }
}

/**
 * Runs a create under a "being created" marker for `provider`, shared by replicas through the
 * store: a webhook that overtakes the provider's answer is held back (NotRecordedYet) meanwhile.
 */
export async function whileCreating<T>(store: Store, provider: string, create: () => Promise<T>): Promise<T> {
  const marker = randomUUID();
  const key = provider.toLowerCase();
  await store.beginCreating(key, marker, CREATING_TTL_MS);
  try {
    return await create();
  } finally {
    await store.endCreating(key, marker).catch(() => {});
  }
}

interface Applied<T, S> {
  record: T;
  changed: boolean;
  previousStatus: S;
}

/**
 * Applies a provider's view with `compareAndSet`, noting on the record which event caused a
 * stored change, and stores that change with its event (`journal.commit`: published exactly when
 * stored); publishes it again when the same event comes back after a crash between storing and
 * publishing (two-step journals only; its event key makes the second publish a no-op when the
 * first got through). Null when there is no such record. `read`: see compareAndSet. `cache`: gets
 * the stored record. `direct`: the event is applied without an inbox entry (its mark goes with the
 * change; DuplicateEvent when it was processed before, NotDirect when there is no change).
 */
export async function applyAndPublish<T extends Entity & { lastEvent?: { key: string; previousStatus: string | null } | null }, S extends string>(
  store: Store,
  journal: Journal,
  kind: EntityKind,
  id: string,
  apply: (current: T) => Applied<T, S>,
  eventKey: string | undefined,
  event: (record: T, previousStatus: S | null) => Publication,
  read?: Promise<T | null>,
  cache?: RecordCache | null,
  direct?: EventMark,
): Promise<T | null> {
  const out = await compareAndSet<T, Applied<T, S>>(
    store,
    kind,
    id,
    (current) => {
      const applied = apply(current);
      // a changed record is the applier's own new object (never `current`, which may be frozen): noted in place
      if (applied.changed) (applied.record as { lastEvent?: unknown }).lastEvent = eventKey ? { key: eventKey, previousStatus: applied.previousStatus } : null;
      return applied;
    },
    read,
    (applied, expected, latest) => {
      // the applier's new record is given away: the journal in memory stores it instead of a copy
      if (applied.changed) return journal.commit(kind, applied.record, expected, (stored) => event(stored, applied.previousStatus), { mark: direct, latest, owned: true });
      if (direct) throw new NotDirect();
      return store.put(kind, applied.record, expected);
    },
  );
  if (!out) {
    cache?.delete(kind, id);
    return null;
  }
  const { record } = out;
  cache?.set(kind, record);
  if (!out.changed && eventKey && record.lastEvent?.key === eventKey) await journal.publish(event(record, record.lastEvent.previousStatus as S | null));
  return record;
}
