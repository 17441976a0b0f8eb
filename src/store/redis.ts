// Redis store (ioredis, a single Redis or a Redis Cluster). Keys are hash-tagged so that no
// command crosses hash slots (see "Redis key layout" in the README):
//   record       {<kind>:<id>}                    "<version>:<json>", compare-and-set by one Lua call
//   indexes      {t:<tenant>}:<kind>[:s:<subject>] sorted sets scored by creation time
//   idempotency  {idem:<scoped key>}               JSON lease/result with a TTL
//   being created {creating:<provider>}            sorted set of owners scored by expiry
import { extend } from '../domain/objects.js';
import { defineScripts, getAll, type RedisClient } from '../redis/client.js';
import type { CountQuery, Entity, EntityKind, IdempotencyState, ListQuery, Page, Store } from './contract.js';
import { countOf, pageOf, type RankedIndex } from './paging.js';

// cas(key, expected, json): the record's compare-and-set; expected '' = unconditional. Returns the
// new version, or 0 on a conflict (nothing written). A Lua function, so a script that publishes
// the change can store it in the same call (store/redis-journal.ts).
export const CAS_FUNCTION = `
local function cas(key, expected, json)
  local cur = redis.call('GET', key)
  local v = 0
  if cur then v = tonumber(string.sub(cur, 1, string.find(cur, ':', 1, true) - 1)) end
  if expected ~= '' and tonumber(expected) ~= v then return 0 end
  redis.call('SET', key, (v + 1) .. ':' .. json)
  return v + 1
end`;
const CAS = `${CAS_FUNCTION}
return cas(KEYS[1], ARGV[1], ARGV[2])`;

// Erasure. KEYS[1] record; ARGV[1] expected version ('' = any), ARGV[2] tombstone TTL ms.
// Replaces a live record by "<version+1>:null" (a tombstone: no data, reads answer null, a create
// with expected version 0 fails). Returns 1 when it erased a live record.
const ERASE = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local colon = string.find(cur, ':', 1, true)
if string.sub(cur, colon + 1) == 'null' then return 0 end
local v = tonumber(string.sub(cur, 1, colon - 1))
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= v then return 0 end
redis.call('SET', KEYS[1], (v + 1) .. ':null', 'PX', ARGV[2])
return 1`;

// Idempotency leases. KEYS[1] the key. Values are JSON: {state, fingerprint, owner?, resultId?}.
const IDEM_BEGIN = `
local cur = redis.call('GET', KEYS[1])
if cur then return cur end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;
const IDEM_RENEW = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local v = cjson.decode(cur)
if v.state ~= 'in_flight' or v.owner ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;
const IDEM_COMPLETE = `
local cur = redis.call('GET', KEYS[1])
if cur then
  local v = cjson.decode(cur)
  if v.state ~= 'in_flight' or v.owner ~= ARGV[1] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;
const IDEM_ABANDON = `
local cur = redis.call('GET', KEYS[1])
if not cur then return 0 end
local v = cjson.decode(cur)
if ARGV[2] == 'owner' and v.state == 'in_flight' and v.owner == ARGV[1] then return redis.call('DEL', KEYS[1]) end
if ARGV[2] == 'result' and v.state == 'completed' and v.resultId == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface Scripts {
  kycCas(key: string, expected: string, json: string): Promise<number>;
  kycErase(key: string, expected: string, ttlMs: number): Promise<number>;
  kycIdemBegin(key: string, value: string, leaseMs: number): Promise<string | null>;
  kycIdemRenew(key: string, owner: string, leaseMs: number): Promise<number>;
  kycIdemComplete(key: string, owner: string, value: string, ttlMs: number): Promise<number>;
  kycIdemAbandon(key: string, who: string, mode: 'owner' | 'result'): Promise<number>;
}

const SCRIPTS: Record<keyof Scripts, string> = {
  kycCas: CAS,
  kycErase: ERASE,
  kycIdemBegin: IDEM_BEGIN,
  kycIdemRenew: IDEM_RENEW,
  kycIdemComplete: IDEM_COMPLETE,
  kycIdemAbandon: IDEM_ABANDON,
};

export class RedisStore implements Store {
  private readonly redis: RedisClient & Scripts;

  constructor(
    redis: RedisClient,
    private readonly prefix = 'kyc:',
  ) {
    this.redis = defineScripts<Scripts>(redis, SCRIPTS);
  }

  private record(kind: EntityKind, id: string) {
    return `${this.prefix}{${kind}:${id}}`;
  }

  /** The key of a record (its own hash slot), for a script that stores it (store/redis-journal.ts). */
  key(kind: EntityKind, id: string): string {
    return this.record(kind, id);
  }

  private index(kind: EntityKind, tenant: string, subjectId?: string | null) {
    return subjectId != null ? `${this.prefix}{t:${tenant}}:${kind}:s:${subjectId}` : `${this.prefix}{t:${tenant}}:${kind}`;
  }

  async getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]> {
    const raws = await getAll(this.redis, ids.map((id) => this.record(kind, id)));
    return raws.map((raw) => this.parse<T>(raw));
  }

  /** A record as stored (`version:json`, or a tombstone), or null when there is none. */
  parse<T extends Entity>(raw: string | null): T | null {
    if (!raw) return null;
    const colon = raw.indexOf(':');
    if (raw.length === colon + 5 && raw.endsWith(':null')) return null; // erased (tombstone)
    const entity = JSON.parse(raw.slice(colon + 1)) as T;
    entity.version = Number(raw.slice(0, colon));
    return entity;
  }

  /** CAS_FUNCTION's key and arguments for `put` (the record's JSON without its version). */
  private casArgs(kind: EntityKind, entity: Entity, expectedVersion: number): [key: string, expected: string, json: string] {
    const { version: _ignored, ...body } = entity;
    return [this.record(kind, entity.id), String(expectedVersion), JSON.stringify(body)];
  }

  async put<T extends Entity>(kind: EntityKind, entity: T, expectedVersion?: number): Promise<T | null> {
    const writes: Promise<unknown>[] = [];
    // indexed before the record is written (same round trip): an index entry whose record is not
    // there yet is skipped by `list`, never the other way round
    if (expectedVersion === undefined || expectedVersion === 0) {
      const score = Date.parse(entity.createdAt);
      const tx = this.redis.multi().zadd(this.index(kind, entity.tenant), 'NX', score, entity.id);
      if (entity.subjectId != null) tx.zadd(this.index(kind, entity.tenant, entity.subjectId), 'NX', score, entity.id);
      writes.push(
        tx.exec().then((results) => {
          const failed = results?.find(([err]) => err);
          if (!results || failed) throw failed?.[0] ?? new Error('redis transaction aborted');
        }),
      );
    }
    const [key, expected, json] = this.casArgs(kind, entity, expectedVersion ?? 0);
    const cas = this.redis.kycCas(key, expectedVersion === undefined ? '' : expected, json);
    const [version] = await Promise.all([cas, ...writes]);
    return version === 0 ? null : extend(entity, { version });
  }

  async erase(kind: EntityKind, entities: readonly Entity[], tombstoneTtlMs: number, ifUnchanged = false): Promise<string[]> {
    if (entities.length === 0) return [];
    // one script per record (each its own slot), sent together: one round trip
    const results = await Promise.all(
      entities.map((e) => this.redis.kycErase(this.record(kind, e.id), ifUnchanged ? String(e.version ?? 0) : '', tombstoneTtlMs)),
    );
    const erased = entities.filter((_, i) => results[i] === 1);
    // index entries go for every erased record (and, unconditionally, for every given one: a
    // crash between the two steps leaves no entry behind); all in the tenant's slot
    const unindex = ifUnchanged ? erased : entities;
    if (unindex.length) {
      const tenant = unindex[0].tenant;
      const tx = this.redis.multi().zrem(this.index(kind, tenant), ...unindex.map((e) => e.id));
      const bySubject = new Map<string, string[]>();
      for (const e of unindex) if (e.subjectId != null) bySubject.set(e.subjectId, [...(bySubject.get(e.subjectId) ?? []), e.id]);
      for (const [subject, ids] of bySubject) tx.zrem(this.index(kind, tenant, subject), ...ids);
      await tx.exec();
    }
    return erased.map((e) => e.id);
  }

  async isErased(kind: EntityKind, id: string): Promise<boolean> {
    const raw = await this.redis.get(this.record(kind, id));
    return raw !== null && raw.endsWith(':null') && /^\d+:null$/.test(raw);
  }

  async oldest<T extends Entity>(kind: EntityKind, tenant: string, offset: number, count: number): Promise<T[]> {
    const ids = await this.redis.zrange(this.index(kind, tenant), offset, offset + count - 1);
    return (await this.getMany<T>(kind, ids)).filter((e): e is T => e !== null);
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
    const index = this.index(kind, q.tenant, q.subjectId);
    return {
      size: () => this.redis.zcard(index),
      rankOf: (id) => this.redis.zrevrank(index, id),
      range: (start, stop) => this.redis.zrevrange(index, start, stop),
    };
  }

  private idem(key: string) {
    return `${this.prefix}{idem:${key}}`;
  }

  async beginIdempotent(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<IdempotencyState> {
    const held = await this.redis.kycIdemBegin(this.idem(key), JSON.stringify({ state: 'in_flight', fingerprint, owner }), leaseMs);
    return held ? (JSON.parse(held) as IdempotencyState) : { state: 'new' };
  }

  async renewIdempotent(key: string, owner: string, leaseMs: number): Promise<boolean> {
    return (await this.redis.kycIdemRenew(this.idem(key), owner, leaseMs)) === 1;
  }

  async completeIdempotent(key: string, owner: string, fingerprint: string, resultId: string, ttlMs: number): Promise<boolean> {
    const value = JSON.stringify({ state: 'completed', fingerprint, resultId });
    return (await this.redis.kycIdemComplete(this.idem(key), owner, value, ttlMs)) === 1;
  }

  async abandonIdempotent(key: string, owner: string): Promise<boolean> {
    return (await this.redis.kycIdemAbandon(this.idem(key), owner, 'owner')) === 1;
  }

  async forgetIdempotent(key: string, resultId: string): Promise<void> {
    await this.redis.kycIdemAbandon(this.idem(key), resultId, 'result');
  }

  private creating(provider: string) {
    return `${this.prefix}{creating:${provider}}`;
  }

  async beginCreating(provider: string, owner: string, ttlMs: number): Promise<void> {
    const now = Date.now();
    await this.redis.multi().zremrangebyscore(this.creating(provider), '-inf', now).zadd(this.creating(provider), now + ttlMs, owner).exec();
  }

  async endCreating(provider: string, owner: string): Promise<void> {
    await this.redis.zrem(this.creating(provider), owner);
  }

  async creatingCount(provider: string): Promise<number> {
    return this.redis.zcount(this.creating(provider), `(${Date.now()}`, '+inf');
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    // the connection is owned by whoever created it (main.ts closes it once, for store and bus)
  }
}
