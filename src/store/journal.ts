// The journal: where a service stores a change of a record and publishes its event. A change is
// published exactly when it is stored (a compare-and-set that loses publishes nothing), so the
// event log, and the audit trail written from it, follow the store. On a single Redis one Lua call
// stores it, publishes it and appends the audit entry (store/redis-journal.ts); in memory one
// synchronous step does the same (store/memory-journal.ts); on a Redis Cluster it is the store's
// `put`, then the bus's `publish`.
import type { EventBus, Publication } from '../events/contract.js';
import type { Entity, EntityKind, Store } from './contract.js';

/** The provider event a change comes from, when it is applied without an inbox entry (services/webhooks.ts). */
export interface EventMark {
  /** Lower-case provider key. */
  provider: string;
  eventId: string;
}

/** `commit` with a `mark` whose event was processed before: nothing written, nothing published. */
export class DuplicateEvent extends Error {
  constructor() {
    super('event processed before');
  }
}

export interface CommitOptions<T> {
  /**
   * The event the change comes from, applied without an inbox entry: refused (DuplicateEvent)
   * when it was processed before, else marked processed with the change. Only where `marks`.
   */
  mark?: EventMark;
  /** On a conflict, handed the record that won (null: gone) when the journal read it anyway. */
  latest?: (record: T | null) => void;
  /**
   * The record is the caller's to give away (made for this change, held by nothing else, not
   * changed after the call): a journal in memory stores that very object, with its version and
   * frozen, instead of a copy of it. Journals that send JSON ignore it.
   */
  owned?: boolean;
}

export interface Journal {
  /**
   * Compare-and-set of `record` at `expectedVersion` (see Store.put); when it is stored, publishes
   * `event(stored)` (the stored record carries its new version). Resolves the stored record, or
   * null on a conflict (nothing written, nothing published).
   */
  commit<T extends Entity>(kind: EntityKind, record: T, expectedVersion: number, event: (stored: T) => Publication, options?: CommitOptions<T>): Promise<T | null>;
  /** Publishes an event of a change stored before (a re-run after a crash; its key makes it once). */
  publish(publication: Publication): Promise<void>;
  /**
   * Whether `commit` takes a `mark` as part of the change (in memory, on a single Redis): a
   * webhook's event may then be applied without an inbox entry. Not on a Redis Cluster (the
   * marks are another hash slot than the record).
   */
  readonly marks: boolean;
}

/**
 * `store.put`, then `bus.publish`: on a Redis Cluster (the record and the event log are different
 * hash slots), and for services built without a backend's journal. Takes no marks.
 */
export function sequentialJournal(store: Store, bus: EventBus): Journal {
  const publish = async ({ topic, tenant, payload, options }: Publication) => {
    await bus.publish(topic, tenant, payload, options);
  };
  return {
    async commit(kind, record, expectedVersion, event, options) {
      if (options?.mark) throw new Error('this journal does not take marks');
      const stored = await store.put(kind, record, expectedVersion);
      if (!stored) return null;
      await publish(event(stored));
      return stored;
    },
    publish,
    marks: false,
  };
}
