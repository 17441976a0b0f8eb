// The journal: where a service stores a change of a record and publishes its event. A change is
// published exactly when it is stored (a compare-and-set that loses publishes nothing), so the
// event log, and the audit trail written from it, follow the store. In memory and on a Redis
// Cluster it is the store's `put`, then the bus's `publish`; on a single Redis, one Lua call does
// both and appends the audit entry (store/redis-journal.ts): one round trip instead of two.
import type { EventBus, Publication } from '../events/contract.js';
import type { Entity, EntityKind, Store } from './contract.js';

export interface Journal {
  /**
   * Compare-and-set of `record` at `expectedVersion` (see Store.put); when it is stored, publishes
   * `event(stored)` (the stored record carries its new version). Resolves the stored record, or
   * null on a conflict (nothing written, nothing published).
   */
  commit<T extends Entity>(kind: EntityKind, record: T, expectedVersion: number, event: (stored: T) => Publication): Promise<T | null>;
  /** Publishes an event of a change stored before (a re-run after a crash; its key makes it once). */
  publish(publication: Publication): Promise<void>;
}

/** `store.put`, then `bus.publish`: two steps (memory, Redis Cluster). */
export function sequentialJournal(store: Store, bus: EventBus): Journal {
  const publish = async ({ topic, tenant, payload, options }: Publication) => {
    await bus.publish(topic, tenant, payload, options);
  };
  return {
    async commit(kind, record, expectedVersion, event) {
      const stored = await store.put(kind, record, expectedVersion);
      if (stored) await publish(event(stored));
      return stored;
    },
    publish,
  };
}
