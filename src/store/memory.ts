// In-memory store: the embedded default. A value is copied through JSON when written (so it reads
// back exactly as it would from Redis) and deep-frozen, so a caller can never mutate stored state
// by accident, and reads hand out the frozen value without copying (no JSON.parse per read). An
// update keeps one copy of what it did not change: its parts (and strings) equal to the version
// it replaces are that version's, shared, so memory per update is what changed.
import { extend } from '../domain/objects.js';
import { droppedByJson as dropped, matchesStoredJson as matchesStored } from '../domain/same-json.js';
import type { CountQuery, Entity, EntityKind, IdempotencyState, ListQuery, Page, Store } from './contract.js';
import { countOf, pageOf, type RankedIndex } from './paging.js';

type Idem = Exclude<IdempotencyState, { state: 'new' }>;

interface Expiring {
  value: string;
  expiresAt: number;
}

export class MemoryStore implements Store {
  private readonly entities = new Map<string, Entity>();
  /** index key → ids in insertion (creation) order. */
  private readonly indexes = new Map<string, string[]>();
  private readonly expiring = new Map<string, Expiring>();
  async getMany<T extends Entity>(kind: EntityKind, ids: readonly string[]): Promise<(T | null)[]> {
    return ids.map((id) => this.getNow<T>(kind, id));
  }

  /** The stored record `id`, in this tick. */
  getNow<T extends Entity>(kind: EntityKind, id: string): T | null {
    return (this.entities.get(`${kind}:${id}`) as T | undefined) ?? null;
  }

  async put<T extends Entity>(kind: EntityKind, entity: T, expectedVersion?: number): Promise<T | null> {
    return this.putNow(kind, entity, expectedVersion);
  }

  /**
   * `put` in this tick (store/memory-journal.ts commits a change, its event and its audit entry in
   * one step). `owned`: `entity` is the caller's to give away (journal.ts CommitOptions): stored as
   * that object, frozen, instead of a copy of it.
   */
  putNow<T extends Entity>(kind: EntityKind, entity: T, expectedVersion?: number, owned = false): T | null {
    const key = `${kind}:${entity.id}`;
    if (expectedVersion !== undefined && this.live(`tomb:${key}`)) return null; // erased
    const current = this.entities.get(key);
    const version = current?.version ?? 0;
    if (expectedVersion !== undefined && expectedVersion !== version) return null;
    const stored = owned ? ownedRecord(entity, version + 1, current) : frozenRecord(entity, version + 1, current);
    this.entities.set(key, stored);
    if (current) return stored;
    this.index(`${kind}:t:${entity.tenant}`, entity.id);
    if (entity.subjectId != null) this.index(`${kind}:t:${entity.tenant}:s:${entity.subjectId}`, entity.id);
    return stored;
  }

  async erase(kind: EntityKind, entities: readonly Entity[], tombstoneTtlMs: number, ifUnchanged = false): Promise<string[]> {
    const erased: string[] = [];
    for (const e of entities) {
      const key = `${kind}:${e.id}`;
      const current = this.entities.get(key);
      if (!current || (ifUnchanged && current.version !== e.version)) continue;
      this.entities.delete(key);
      this.expiring.set(`tomb:${key}`, { value: '', expiresAt: Date.now() + tombstoneTtlMs });
      this.sweep();
      this.unindex(`${kind}:t:${current.tenant}`, e.id);
      if (current.subjectId != null) this.unindex(`${kind}:t:${current.tenant}:s:${current.subjectId}`, e.id);
      erased.push(e.id);
    }
    return erased;
  }

  async isErased(kind: EntityKind, id: string): Promise<boolean> {
    return this.live(`tomb:${kind}:${id}`) !== undefined;
  }

  async oldest<T extends Entity>(kind: EntityKind, tenant: string, offset: number, count: number): Promise<T[]> {
    const ids = this.indexes.get(`${kind}:t:${tenant}`) ?? [];
    return this.read<T>(kind, ids.slice(offset, offset + count)).filter((e): e is T => e !== null);
  }

  private unindex(key: string, id: string) {
    const list = this.indexes.get(key);
    const at = list?.lastIndexOf(id) ?? -1;
    if (at >= 0) list!.splice(at, 1);
    if (list?.length === 0) this.indexes.delete(key);
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

  private idem(key: string): Idem | null {
    const e = this.live(`idem:${key}`);
    return e ? (JSON.parse(e.value) as Idem) : null;
  }

  private setIdem(key: string, value: Idem, ttlMs: number) {
    this.expiring.set(`idem:${key}`, { value: JSON.stringify(value), expiresAt: Date.now() + ttlMs });
    this.sweep();
  }

  async beginIdempotent(key: string, fingerprint: string, owner: string, leaseMs: number): Promise<IdempotencyState> {
    const existing = this.idem(key);
    if (existing) return existing;
    this.setIdem(key, { state: 'in_flight', fingerprint, owner }, leaseMs);
    return { state: 'new' };
  }

  async renewIdempotent(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const cur = this.idem(key);
    if (cur?.state !== 'in_flight' || cur.owner !== owner) return false;
    this.setIdem(key, cur, leaseMs);
    return true;
  }

  async completeIdempotent(key: string, owner: string, fingerprint: string, resultId: string, ttlMs: number): Promise<boolean> {
    const cur = this.idem(key);
    if (cur && !(cur.state === 'in_flight' && cur.owner === owner)) return false;
    this.setIdem(key, { state: 'completed', fingerprint, resultId }, ttlMs);
    return true;
  }

  async abandonIdempotent(key: string, owner: string): Promise<boolean> {
    const cur = this.idem(key);
    if (cur?.state !== 'in_flight' || cur.owner !== owner) return false;
    this.expiring.delete(`idem:${key}`);
    return true;
  }

  async forgetIdempotent(key: string, resultId: string): Promise<void> {
    const cur = this.idem(key);
    if (cur?.state === 'completed' && cur.resultId === resultId) this.expiring.delete(`idem:${key}`);
  }

  private readonly creating = new Map<string, Map<string, number>>();

  async beginCreating(provider: string, owner: string, ttlMs: number): Promise<void> {
    const owners = this.creating.get(provider) ?? new Map<string, number>();
    owners.set(owner, Date.now() + ttlMs);
    this.creating.set(provider, owners);
  }

  async endCreating(provider: string, owner: string): Promise<void> {
    this.creating.get(provider)?.delete(owner);
  }

  async creatingCount(provider: string): Promise<number> {
    const owners = this.creating.get(provider);
    if (!owners) return 0;
    const now = Date.now();
    for (const [owner, expiresAt] of owners) if (expiresAt <= now) owners.delete(owner);
    return owners.size;
  }

  private sweeps = 0;
  /** Drops expired keys every 1000th write, so a long-running process does not grow without bound. */
  private sweep() {
    if (++this.sweeps % 1000 !== 0) return;
    const now = Date.now();
    for (const [k, e] of this.expiring) if (e.expiresAt <= now) this.expiring.delete(k);
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/**
 * A frozen object is taken as a stored value (JSON, frozen at every depth: this module freezes
 * what it stores, and nothing else in kyc-graph freezes data that reaches a record), so an update
 * built from a stored record (its `history`, untouched nested objects) shares those parts instead
 * of copying them again. `Object.isFrozen` costs ~0.1 µs; a WeakSet of every stored object cost
 * ~1.8 µs per object (add and lookup in a table of every record part ever stored, issue 18).
 */
const isStored = (value: object) => Object.isFrozen(value);

/**
 * A JSON copy of `value` (what Redis would hand back: undefined and functions dropped, undefined
 * in arrays → null, non-finite numbers → null, `toJSON` honoured), frozen at every depth. Parts
 * that are already stored (frozen) values are shared, not copied; nothing else is shared with the caller.
 */
function frozenCopy<T>(value: T): T {
  return copy(value) as T;
}

/**
 * `frozenCopy` of `entity` with its new `version`: the object made for it is frozen in place
 * (shared with no one), its nested values copied, except those equal to the same key's value in
 * `previous` (the version it replaces), which are shared: an update copies what it changed.
 */
function frozenRecord<T extends Entity>(entity: T, version: number, previous: Entity | undefined): T {
  const fresh = extend(entity, { version });
  if (typeof (fresh as { toJSON?: unknown }).toJSON === 'function') return frozenCopy(fresh);
  return Object.freeze(copyFields(fresh as unknown as Record<string, unknown>, true, previous as Record<string, unknown> | undefined)) as unknown as T;
}

/** `frozenRecord` of an entity given away (`putNow`'s `owned`): its version set and its nested values copied in place, itself frozen. */
function ownedRecord<T extends Entity>(entity: T, version: number, previous: Entity | undefined): T {
  if (isStored(entity) || Object.getPrototypeOf(entity) !== Object.prototype || typeof (entity as { toJSON?: unknown }).toJSON === 'function') return frozenRecord(entity, version, previous);
  entity.version = version;
  return Object.freeze(copyFields(entity as unknown as Record<string, unknown>, true, previous as Record<string, unknown> | undefined)) as unknown as T;
}

/**
 * `value`'s JSON copy, frozen. `previous`: what the replaced version stored in its place (the
 * stored value, or undefined): shared when it matches (`matchesStored`), and the source of the
 * strings a copied object shares with it.
 */
function copy(value: unknown, previous?: unknown): unknown {
  if (typeof value !== 'object' || value === null) return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  if (isStored(value)) return value;
  if (previous !== undefined && matchesStored(previous, value)) return previous;
  const proto = Object.getPrototypeOf(value) as unknown;
  let out: object;
  if (Array.isArray(value)) {
    const a: unknown[] = new Array(value.length);
    const was = Array.isArray(previous) ? (previous as unknown[]) : undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]; // a hole reads as undefined: null, as in JSON
      a[i] = dropped(v) ? null : copy(v, was?.[i]);
    }
    out = a;
  } else if ((proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const was = typeof previous === 'object' && previous !== null && !Array.isArray(previous) ? (previous as Record<string, unknown>) : undefined;
    out = copyFields(value as Record<string, unknown>, false, was);
  } else {
    // Date, class instances, anything with toJSON: exactly what JSON makes of it
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? null : copy(JSON.parse(json));
  }
  Object.freeze(out);
  return out;
}

/**
 * A plain object's JSON copy, one level (nested values through `copy`). Built from a spread,
 * which keeps the copy in V8's fast mode however many keys it has (a record has 20–30; a copy
 * built key by key from `{}` becomes a dictionary past about 16, and every read of it is then
 * slow: domain/objects.ts). A spread also keeps an own "__proto__" key a key, as JSON does.
 * `fresh`: `value` was made by this module and is shared with no one: its nested values are
 * copied into it instead of into a copy of it. `previous`: the stored object this one replaces:
 * a nested value that matches its value there is shared (`matchesStored`), and so is an equal
 * string (a provider's view parses every string anew; the stored one then stays the only copy).
 */
function copyFields(value: Record<string, unknown>, fresh = false, previous?: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(value);
  const o = fresh ? value : { ...value };
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'object') {
      if (v !== null && !isStored(v)) o[k] = copy(v, previous?.[k]);
    } else if (typeof v === 'string') {
      if (previous !== undefined && previous[k] === v) o[k] = previous[k];
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) o[k] = null;
    } else if (dropped(v)) {
      // a key JSON leaves out: copied again without it (rare)
      const kept: Record<string, unknown> = {};
      for (const key of keys) if (!dropped(value[key])) Object.defineProperty(kept, key, { value: value[key], enumerable: true, writable: true, configurable: true });
      return copyFields(kept, false, previous);
    }
  }
  return o;
}
