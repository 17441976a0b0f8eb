// The journal: where a service stores a change of a record and publishes its event. A change is
// published exactly when it is stored (a compare-and-set that loses publishes nothing), so the
// event log, and the audit trail written from it, follow the store. In memory and on a Redis
// Cluster it is the store's `put`, then the bus's `publish`; on a single Redis, one Lua call does
// both and appends the audit entry (store/redis-journal.ts): one round trip instead of two.
import type { EventBus, Publication } from '../events/contract.js';
import type { Entity, EntityKind, Store } from './contract.js';

/** The provider event a change comes from, when it is applied without an inbox entry (services/webhooks.ts). */
export interface EventMark {
  /** Lower-case provider key. */
  provider: string;
  eventId: string;
}

/** Where processed event ids are remembered (the inbox's marks: inbox/contract.ts). */
export interface EventMarks {
  processed(provider: string, eventId: string): Promise<boolean>;
  markProcessed(provider: string, eventId: string): Promise<void>;
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
 * `store.put`, then `bus.publish` (memory, Redis Cluster). With `marks` (in memory) a commit with
 * a mark checks it first and sets it after the publish: the same event applied twice at once
 * reads the same version, so the second loses the compare-and-set and, re-read, changes nothing.
 */
export function sequentialJournal(store: Store, bus: EventBus, marks: EventMarks | null = null): Journal {
  const publish = async ({ topic, tenant, payload, options }: Publication) => {
    await bus.publish(topic, tenant, payload, options);
  };
  return {
    async commit(kind, record, expectedVersion, event, options) {
      const mark = options?.mark;
      if (mark) {
        if (!marks) throw new Error('this journal does not take marks');
        if (await marks.processed(mark.provider, mark.eventId)) throw new DuplicateEvent();
      }
      const stored = await store.put(kind, record, expectedVersion);
      if (!stored) return null;
      await publish(event(stored));
      if (mark) await marks!.markProcessed(mark.provider, mark.eventId);
      return stored;
    },
    publish,
    marks: marks !== null,
  };
}
