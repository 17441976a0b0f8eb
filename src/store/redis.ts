// Redis store (ioredis): entities as JSON strings, per-tenant and per-subject sorted-set indexes
// scored by creation time, idempotency and webhook-dedup keys with a TTL (SET NX PX).
import type { Redis } from 'ioredis';
import type { CountQuery, Entity, EntityKind, IdempotencyState, ListQuery, Page, Store } from './contract.js';
import { countOf, pageOf, type RankedIndex } from './paging.js';

export class RedisStore implements Store {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'kyc:',
  ) {}

  private k(...parts: string[]) {
    return this.prefix + parts.join(':');
  }

  async getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]> {
    if (ids.length === 0) return [];
    const raws = await this.redis.mget(ids.map((id) => this.k(kind, 'e', id)));
    return raws.map((raw) => (raw ? (JSON.parse(raw) as T) : null));
  }

  async put<T extends Entity>(kind: EntityKind, entity: T): Promise<void> {
    const score = Date.parse(entity.createdAt);
    const tx = this.redis.multi().set(this.k(kind, 'e', entity.id), JSON.stringify(entity));
    tx.zadd(this.k(kind, 't', entity.tenant), 'NX', score, entity.id);
    if (entity.subjectId != null) tx.zadd(this.k(kind, 't', entity.tenant, 's', entity.subjectId), 'NX', score, entity.id);
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('redis transaction aborted');
  }

  async list<T extends Entity>(kind: EntityKind, q: ListQuery<T>): Promise<Page<T>> {
    return pageOf(this.ranked(kind, q), (ids) => this.getMany<T>(kind, ids), q);
  }

  /** ZCARD of the index; entities are read only when `where` filters them. */
  async count<T extends Entity>(kind: EntityKind, q: CountQuery<T>): Promise<number> {
    return countOf(this.ranked(kind, q), (ids) => this.getMany<T>(kind, ids), q.where);
  }

  /** The tenant's (or subject's) sorted-set index, newest first (ZREV*). */
  private ranked(kind: EntityKind, q: { tenant: string; subjectId?: string | null }): RankedIndex {
    const index = q.subjectId != null ? this.k(kind, 't', q.tenant, 's', q.subjectId) : this.k(kind, 't', q.tenant);
    return {
      size: () => this.redis.zcard(index),
      rankOf: (id) => this.redis.zrevrank(index, id),
      range: (start, stop) => this.redis.zrevrange(index, start, stop),
    };
  }

  async beginIdempotent(key: string, fingerprint: string, ttlMs: number): Promise<IdempotencyState> {
    const redisKey = this.k('idem', key);
    for (let attempt = 0; attempt < 3; attempt++) {
      const ok = await this.redis.set(redisKey, JSON.stringify({ state: 'in_flight', fingerprint }), 'PX', ttlMs, 'NX');
      if (ok === 'OK') return { state: 'new' };
      const raw = await this.redis.get(redisKey);
      if (raw) return JSON.parse(raw) as IdempotencyState;
      // expired between SET and GET: try to claim again
    }
    throw new Error('could not claim idempotency key');
  }

  async completeIdempotent(key: string, fingerprint: string, resultId: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.k('idem', key), JSON.stringify({ state: 'completed', fingerprint, resultId }), 'PX', ttlMs);
  }

  async abandonIdempotent(key: string): Promise<void> {
    await this.redis.del(this.k('idem', key));
  }

  async webhookProcessed(provider: string, eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.k('hook', provider, eventId))) === 1;
  }

  async markWebhookProcessed(provider: string, eventId: string, ttlMs: number): Promise<void> {
    await this.redis.set(this.k('hook', provider, eventId), '1', 'PX', ttlMs);
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    // the connection is owned by whoever created it (main.ts closes it once, for store and bus)
  }
}
