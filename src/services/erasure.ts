// Erasure and retention (DESIGN.md "Erasure, retention, audit"): removes every record this server
// holds about a subject within one tenant (verifications, check snapshots, ingestions, their
// idempotency results) and every event about them from the event log, leaving a tombstone per
// record (a later webhook about it is acknowledged and dropped) and an audit entry. Never logs
// record contents: only ids and counts.
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/contract.js';
import type { EraseTarget, EventBus, Topic } from '../events/contract.js';
import { routeKey } from '../events/routes.js';
import { type Entity, type EntityKind, type Store, TOMBSTONE_TTL_MS } from '../store/contract.js';
import type { RecordCache } from './records.js';

export interface ErasureReport {
  subjectId: string;
  erasedAt: string;
  verifications: number;
  checks: number;
  ingestions: number;
  events: number;
}

export const ERASABLE_KINDS: readonly EntityKind[] = ['verification', 'check', 'ingestion'];
const PAGE = 100;

/** The routing key every event of a kind's records carries per subject (checks and ingestions route by user). */
const subjectRoute = (kind: EntityKind, tenant: string, subjectId: string) => routeKey(tenant, kind === 'verification' ? 'subject' : 'user', subjectId)!;

export class ErasureService {
  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly audit: AuditLog,
    private readonly log: Logger,
    private readonly tombstoneTtlMs = TOMBSTONE_TTL_MS,
    /** This replica's copies of stored records (records.ts): an erased record's goes at once. */
    private readonly cache: RecordCache | null = null,
  ) {}

  /** Erases everything about `subjectId` in `tenant`. Idempotent: a second call reports zeros. */
  async eraseSubject(tenant: string, subjectId: string, actor: string): Promise<ErasureReport> {
    const counts: Record<EntityKind, number> = { verification: 0, check: 0, ingestion: 0 };
    const targets: EraseTarget[] = [];
    for (const kind of ERASABLE_KINDS) {
      targets.push({ topic: kind as Topic, route: subjectRoute(kind, tenant, subjectId) });
      for (;;) {
        const page = await this.store.list<Entity>(kind, { tenant, subjectId, first: PAGE });
        if (page.items.length === 0) break;
        const erased = await this.eraseRecords(kind, page.items, false);
        counts[kind] += erased.length;
        // events of each record, also those published before it had a subject route
        for (const e of page.items) targets.push({ topic: kind as Topic, route: routeKey(tenant, 'id', e.id)! });
        if (!page.hasNextPage) break;
      }
    }
    const events = await this.bus.erase(tenant, targets);
    await this.audit.append(tenant, subjectId, { actor, action: 'ERASE_SUBJECT', targetId: subjectId });
    const report = { subjectId, erasedAt: new Date().toISOString(), verifications: counts.verification, checks: counts.check, ingestions: counts.ingestion, events };
    this.log.info({ tenant, actor, verifications: report.verifications, checks: report.checks, ingestions: report.ingestions, events }, 'subject erased');
    return report;
  }

  /**
   * Erases records of one tenant and their events, each only when still unchanged (retention: a
   * record changed since it was read is kept). Returns the erased records.
   */
  async eraseUnchanged(kind: EntityKind, records: readonly Entity[]): Promise<Entity[]> {
    if (records.length === 0) return [];
    const erased = await this.eraseRecords(kind, records, true);
    if (erased.length) await this.bus.erase(erased[0].tenant, erased.map((e) => ({ topic: kind as Topic, route: routeKey(e.tenant, 'id', e.id)! })));
    return erased;
  }

  /** Tombstones the records and forgets the idempotency results that point at them. */
  private async eraseRecords(kind: EntityKind, records: readonly Entity[], ifUnchanged: boolean): Promise<Entity[]> {
    const ids = new Set(await this.store.erase(kind, records, this.tombstoneTtlMs, ifUnchanged));
    const erased = records.filter((r) => ids.has(r.id));
    for (const r of erased) this.cache?.delete(kind, r.id);
    await Promise.all(erased.filter((r) => r.idempotencyKey).map((r) => this.store.forgetIdempotent(r.idempotencyKey!, r.id)));
    return erased;
  }
}
