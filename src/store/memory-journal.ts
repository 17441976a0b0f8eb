// The journal in memory (the embedded default): a change, its processed mark, its event and its
// audit entry in one synchronous step, as one Lua call does it on a single Redis
// (store/redis-journal.ts). Nothing can run between the compare-and-set and the publish, so the
// event log's order is the store's, and a webhook's change costs no await between its parts.
import type { Logger } from 'pino';
import type { MemoryAuditLog } from '../audit/memory.js';
import type { Publication } from '../events/contract.js';
import type { MemoryEventBus } from '../events/memory.js';
import type { MemoryInbox } from '../inbox/memory.js';
import type { Entity, EntityKind } from './contract.js';
import { type CommitOptions, DuplicateEvent, type Journal } from './journal.js';
import type { MemoryStore } from './memory.js';
import type { AuditOf } from './redis-journal.js';

export interface MemoryJournalParts {
  store: MemoryStore;
  bus: MemoryEventBus;
  audit: MemoryAuditLog;
  auditOf: AuditOf;
  /** The inbox's processed marks: a commit with a mark checks and sets it in the same step. */
  marks: MemoryInbox;
  log: Logger;
}

export class MemoryJournal implements Journal {
  readonly marks = true;

  constructor(private readonly parts: MemoryJournalParts) {}

  async commit<T extends Entity>(kind: EntityKind, record: T, expectedVersion: number, event: (stored: T) => Publication, options?: CommitOptions<T>): Promise<T | null> {
    const { store, marks } = this.parts;
    const mark = options?.mark;
    if (mark && marks.processedNow(mark.provider, mark.eventId)) throw new DuplicateEvent();
    const stored = store.putNow(kind, record, expectedVersion, options?.owned);
    if (!stored) {
      // the record that won (null: gone or erased), so the next attempt need not read it
      options?.latest?.(store.getNow<T>(kind, record.id));
      return null;
    }
    this.record(event(stored));
    if (mark) marks.markProcessedNow(mark.provider, mark.eventId);
    return stored;
  }

  async publish(publication: Publication): Promise<void> {
    this.record(publication);
  }

  /** Publishes once (by its key) and appends its audit entry; a failed entry is logged, never fails the change. */
  private record(publication: Publication) {
    const { bus, audit, auditOf, log } = this.parts;
    const { topic, tenant, payload, options } = publication;
    bus.publishNow(topic, tenant, payload, options);
    try {
      const audited = auditOf(publication);
      if (audited) audit.appendNow(tenant, audited.subjectId, audited.entry);
    } catch (err) {
      log.warn({ err, topic }, 'audit entry not recorded');
    }
  }
}
