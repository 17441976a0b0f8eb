// In-memory store: the embedded default. A value is copied through JSON when written (so it reads
// back exactly as it would from Redis) and deep-frozen, so a caller can never mutate stored state
// by accident, and reads hand out the frozen value without copying (no JSON.parse per read).
import type { CountQuery, Entity, EntityKind, IdempotencyState, ListQuery, Page, Store } from './contract.js';
import { countOf, pageOf, type RankedIndex } from './paging.js';

interface Expiring {
  value: string;
  expiresAt: number;
}

/**
 * Most webhook event ids remembered in memory (oldest forgotten first). A provider retry older
 * than that is processed again, which changes nothing: the same view applied twice is no change
 * and publishes nothing. Keeps a long-running single instance from holding every id for 72 h
 * (at 50 webhooks/s that would be ~13 million ids).
 */
export const MAX_WEBHOOK_IDS = 100_000;

export class MemoryStore implements Store {
  private readonly entities = new Map<string, Entity>();
  /** index key → ids in insertion (creation) order. */
  private readonly indexes = new Map<string, string[]>();
  private readonly expiring = new Map<string, Expiring>();
  /** `provider:eventId` → expiry (ms), in insertion order, at most MAX_WEBHOOK_IDS. */
  private readonly webhookIds = new Map<string, number>();

  constructor(private readonly maxWebhookIds = MAX_WEBHOOK_IDS) {}

  async getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]> {
    return ids.map((id) => {
      return (this.entities.get(`${kind}:${id}`) as T | undefined) ?? null;
    });
  }

  async put<T extends Entity>(kind: EntityKind, entity: T): Promise<void> {
    const key = `${kind}:${entity.id}`;
    const isNew = !this.entities.has(key);
    this.entities.set(key, frozenCopy(entity));
    if (!isNew) return;
    this.index(`${kind}:t:${entity.tenant}`, entity.id);
    if (entity.subjectId != null) this.index(`${kind}:t:${entity.tenant}:s:${entity.subjectId}`, entity.id);
  }

  private index(key: string, id: string) {
    const list = this.indexes.get(key) ?? [];
    list.push(id);
    this.indexes.set(key, list);
  }

  async list<T extends Entity>(kind: EntityKind, q: ListQuery<T>): Promise<Page<T>> {
    return pageOf(this.ranked(kind, q), async (ids) => this.read<T>(kind, ids), q);
  }

  async count<T extends Entity>(kind: EntityKind, q: CountQuery<T>): Promise<number> {
    return countOf(this.ranked(kind, q), async (ids) => this.read<T>(kind, ids), q.where);
  }

  /** Entities by id, for list and count (no per-call copy: stored values are frozen). */
  private read<T>(kind: EntityKind, ids: readonly string[]): (T | null)[] {
    return ids.map((id) => (this.entities.get(`${kind}:${id}`) as T | undefined) ?? null);
  }

  /** The tenant's (or subject's) index, newest first. */
  private ranked(kind: EntityKind, q: { tenant: string; subjectId?: string | null }): RankedIndex {
    const key = q.subjectId != null ? `${kind}:t:${q.tenant}:s:${q.subjectId}` : `${kind}:t:${q.tenant}`;
    const ids = this.indexes.get(key) ?? [];
    return {
      size: async () => ids.length,
      rankOf: async (id) => {
        const at = ids.lastIndexOf(id);
        return at < 0 ? null : ids.length - 1 - at;
      },
      range: async (start, stop) => {
        const from = Math.max(0, ids.length - 1 - stop);
        const to = ids.length - start; // exclusive
        return to <= from ? [] : ids.slice(from, to).reverse();
      },
    };
  }

  private live(key: string): Expiring | undefined {
    const e = this.expiring.get(key);
    if (e && e.expiresAt <= Date.now()) {
      this.expiring.delete(key);
      return undefined;
    }
    return e;
  }

  async beginIdempotent(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyState> {
    const existing = this.live(`idem:${key}`);
    if (existing) return JSON.parse(existing.value) as IdempotencyState;
    this.expiring.set(`idem:${key}`, {
      value: JSON.stringify({ state: 'in_flight', fingerprint }),
      expiresAt: Date.now() + ttlMs,
    });
    return { state: 'new' };
  }

  async completeIdempotent(key: string, fingerprint: string, resultId: string, ttlMs: number): Promise<void> {
    this.expiring.set(`idem:${key}`, {
      value: JSON.stringify({ state: 'completed', fingerprint, resultId }),
      expiresAt: Date.now() + ttlMs,
    });
  }

  async abandonIdempotent(key: string): Promise<void> {
    this.expiring.delete(`idem:${key}`);
  }

  async webhookProcessed(provider: string, eventId: string): Promise<boolean> {
    const key = `${provider}:${eventId}`;
    const expiresAt = this.webhookIds.get(key);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.webhookIds.delete(key);
    return false;
  }

  async markWebhookProcessed(provider: string, eventId: string, ttlMs: number): Promise<void> {
    const key = `${provider}:${eventId}`;
    this.webhookIds.delete(key); // re-inserted as the newest
    this.webhookIds.set(key, Date.now() + ttlMs);
    if (this.webhookIds.size > this.maxWebhookIds) this.webhookIds.delete(this.webhookIds.keys().next().value!);
    this.sweep();
  }

  private sweeps = 0;
  /** Drops expired keys now and then so a long-running process does not grow without bound. */
  private sweep() {
    if (++this.sweeps % 1000 !== 0) return;
    const now = Date.now();
    for (const [k, e] of this.expiring) if (e.expiresAt <= now) this.expiring.delete(k);
    for (const [k, expiresAt] of this.webhookIds) if (expiresAt <= now) this.webhookIds.delete(k);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** A JSON copy of `value` (what Redis would hand back), frozen at every depth. */
function frozenCopy<T>(value: T): T {
  return deepFreeze(JSON.parse(JSON.stringify(value)) as T);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
