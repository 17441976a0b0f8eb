// Read-modify-write of one stored record without losing a concurrent writer's change: read it
// with its version, apply the change, compare-and-set; on a conflict read again and re-apply.
import type { Entity, EntityKind, Store } from '../store/contract.js';

/** Conflicting writers of one record retried at most this many times (each retry re-reads). */
const MAX_ATTEMPTS = 50;

export class ContentionError extends Error {
  constructor(kind: string) {
    super(`${kind} kept changing under this update (${MAX_ATTEMPTS} attempts)`);
  }
}

/**
 * Applies `change` to the record `id` until it is stored on top of the version it read. Resolves
 * null when there is no such record; the stored record carries its new `version`. A change
 * that says `write: false` stores nothing.
 */
export async function compareAndSet<T extends Entity, R extends { record: T; write?: boolean }>(
  store: Store,
  kind: EntityKind,
  id: string,
  change: (current: T) => R,
): Promise<R | null> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [current] = await store.getMany<T>(kind, [id]);
    if (!current) return null;
    const expected = current.version ?? 0;
    const result = change(current);
    if (result.write === false) return result; // nothing to store
    if (await store.put(kind, result.record, expected)) return { ...result, record: { ...result.record, version: expected + 1 } };
    if (attempt > 2) await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
  }
  throw new ContentionError(kind);
}

/** A webhook about a record whose create has not been recorded yet (a create is in flight): retried later. */
export class NotRecordedYet extends Error {
  constructor(kind: string) {
    super(`${kind} not recorded yet; a create is in flight`);
  }
}
