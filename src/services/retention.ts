// RETENTION_DAYS: a background sweep that erases every record whose last change (`updatedAt`) is
// older, with its events, and appends one audit entry per subject (actor `system:retention`).
// Bounded work per tick (at most `maxPerTick` records read); one replica sweeps at a time (a lease
// on a shared key that lapses by itself); every erase is a compare-and-set on the record's
// version, so a record changed after it was read is kept.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/contract.js';
import type { Entity, EntityKind, Store } from '../store/contract.js';
import { ERASABLE_KINDS, type ErasureService } from './erasure.js';

export interface RetentionSettings {
  /** `RETENTION_DAYS`; 0 turns the sweep off. */
  days: number;
  /** `RETENTION_SWEEP_INTERVAL_MS`. */
  intervalMs: number;
  /** `RETENTION_SWEEP_MAX_RECORDS`: records read per tick at most. */
  maxPerTick: number;
}

export const RETENTION_ACTOR = 'system:retention';
const LOCK = 'system:retention:sweep';

export class RetentionSweeper {
  private timer: NodeJS.Timeout | null = null;
  /** Per tenant and kind: old-created records at the front of the index that were kept (changed since). */
  private readonly skip = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly erasure: ErasureService,
    private readonly audit: AuditLog,
    /** The tenants whose records are swept (the API_KEYS tenants, or the sandbox tenant). */
    private readonly tenants: readonly string[],
    private readonly settings: RetentionSettings,
    private readonly log: Logger,
  ) {}

  start() {
    if (this.settings.days <= 0 || this.timer) return;
    this.timer = setInterval(() => void this.sweepOnce().catch((err: unknown) => this.log.warn({ err }, 'retention sweep failed')), this.settings.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One tick: returns how many records it erased (0 when another replica holds the sweep). */
  async sweepOnce(now = Date.now()): Promise<number> {
    if (this.settings.days <= 0) return 0;
    const owner = randomUUID();
    const claim = await this.store.beginIdempotent(LOCK, 'lock', owner, Math.max(1000, this.settings.intervalMs));
    if (claim.state !== 'new') return 0;
    try {
      const cutoff = now - this.settings.days * 24 * 3600 * 1000;
      let budget = this.settings.maxPerTick;
      let erased = 0;
      for (const tenant of this.tenants) {
        for (const kind of ERASABLE_KINDS) {
          if (budget <= 0) return erased;
          const done = await this.sweepKind(tenant, kind, cutoff, budget);
          budget -= done.read;
          erased += done.erased;
        }
      }
      return erased;
    } finally {
      await this.store.abandonIdempotent(LOCK, owner).catch(() => {});
    }
  }

  private async sweepKind(tenant: string, kind: EntityKind, cutoff: number, budget: number) {
    const skipKey = `${tenant}\n${kind}`;
    const offset = this.skip.get(skipKey) ?? 0;
    const records = await this.store.oldest<Entity & { updatedAt?: string }>(kind, tenant, offset, budget);
    const due: Entity[] = [];
    let kept = 0;
    let reachedNew = records.length < budget;
    for (const r of records) {
      if (Date.parse(r.createdAt) >= cutoff) {
        reachedNew = true; // the index is by creation: nothing later can be due
        break;
      }
      if (Date.parse(r.updatedAt ?? r.createdAt) < cutoff) due.push(r);
      else kept++;
    }
    // next tick starts after the kept ones; a pass that reached new records starts over
    this.skip.set(skipKey, reachedNew ? 0 : offset + kept);
    const erased = await this.erasure.eraseUnchanged(kind, due);
    const subjects = new Map<string, number>();
    for (const e of erased) if (e.subjectId != null) subjects.set(e.subjectId, (subjects.get(e.subjectId) ?? 0) + 1);
    for (const subjectId of subjects.keys()) {
      await this.audit.append(tenant, subjectId, { actor: RETENTION_ACTOR, action: 'RETENTION_ERASE', targetId: subjectId });
    }
    if (erased.length) this.log.info({ tenant, kind, erased: erased.length, subjects: subjects.size }, 'retention erased records');
    return { read: records.length, erased: erased.length };
  }
}
