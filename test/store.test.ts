// One store suite, run against the in-memory store and the Redis store (a real redis-server).
import { Cluster, Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Store } from '../src/store/contract.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster } from './support/redis-cluster.js';

interface Thing extends Entity {
  n: number;
  colour: string;
}

const thing = (id: string, n: number, over: Partial<Thing> = {}): Thing => ({
  id,
  n,
  tenant: 't1',
  subjectId: 's1',
  colour: n % 2 ? 'red' : 'blue',
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  ...over,
});

function storeSuite(name: string, make: () => Promise<Store>, skip = false) {
  describe.skipIf(skip)(`${name} store`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await make();
    });

    it('reads many in one call, in order, with null for missing ids', async () => {
      await store.put('verification', thing('a', 1));
      await store.put('verification', thing('b', 2));
      expect((await store.getMany<Thing>('verification', ['b', 'zzz', 'a'])).map((t) => t?.id ?? null)).toEqual(['b', null, 'a']);
      expect(await store.getMany('verification', [])).toEqual([]);
    });

    it('keeps kinds apart and replaces on put without re-indexing', async () => {
      await store.put('ingestion', thing('a', 99, { tenant: 'other' }));
      await store.put('verification', thing('a', 1, { colour: 'green' }));
      const [a] = await store.getMany<Thing>('verification', ['a']);
      expect(a).toMatchObject({ n: 1, colour: 'green', tenant: 't1' });
      const page = await store.list<Thing>('verification', { tenant: 't1', first: 10 });
      expect(page.items.filter((t) => t.id === 'a')).toHaveLength(1);
    });

    it('stored state cannot be changed through a result or through the object that was put', async () => {
      const [a] = await store.getMany<Thing>('verification', ['a']);
      try {
        a!.colour = 'mutated';
      } catch {
        // the memory store hands out frozen values (TypeError in strict mode); Redis hands out copies
      }
      expect((await store.getMany<Thing>('verification', ['a']))[0]!.colour).toBe('green');
      const b = thing('b2', 2);
      await store.put('verification', b);
      b.colour = 'changed after put';
      expect((await store.getMany<Thing>('verification', ['b2']))[0]!.colour).toBe(thing('b2', 2).colour);
    });

    it('reads a put value back as its JSON, also when an update reuses parts of a stored record', async () => {
      // eslint-disable-next-line no-sparse-arrays
      const odd = { ...thing('j1', 1), meta: JSON.parse('{"__proto__":{"x":1}}') as unknown, gone: undefined, at: new Date(Date.UTC(2026, 1, 2)), nan: NaN, list: [1, undefined, , () => 1], nested: { a: undefined, b: [{ c: 1 }] } };
      await store.put('verification', odd as unknown as Thing);
      const [read] = await store.getMany<Thing>('verification', ['j1']);
      const { version, ...body } = read!;
      expect(version).toBe(1);
      expect(body).toStrictEqual(JSON.parse(JSON.stringify(odd)));
      // an update built from the stored record: the unchanged nested parts read back the same,
      // the changed ones as put, and a later change to the object that was put changes nothing
      const update = { ...read!, colour: 'green', nested: { ...(read as unknown as typeof odd).nested, d: { e: 2 } } };
      const put = await store.put('verification', update, 1);
      // a put answers the record it wrote, with its new version (its JSON is what reads back)
      const written = JSON.parse(JSON.stringify(put)) as unknown;
      update.nested.d.e = 3;
      const [again] = await store.getMany<Thing>('verification', ['j1']);
      expect(again).toStrictEqual({ ...JSON.parse(JSON.stringify(odd)), colour: 'green', nested: { b: [{ c: 1 }], d: { e: 2 } }, version: 2 });
      expect(written).toStrictEqual(again);
    });

    it('lists newest first by tenant and by subject, with filter and cursor pages', async () => {
      for (let i = 3; i <= 12; i++) await store.put('check', thing(`c${i}`, i, { subjectId: i % 3 ? 's1' : 's2' }));
      await store.put('check', thing('x', 20, { tenant: 't2' }));
      const all = await store.list<Thing>('check', { tenant: 't1', first: 100 });
      expect(all.items.map((t) => t.id)).toEqual(['c12', 'c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4', 'c3']);
      const s2 = await store.list<Thing>('check', { tenant: 't1', subjectId: 's2', first: 100 });
      expect(s2.items.map((t) => t.id)).toEqual(['c12', 'c9', 'c6', 'c3']);
      const p1 = await store.list<Thing>('check', { tenant: 't1', first: 3, where: (t) => t.colour === 'red' });
      expect(p1).toEqual({ items: [expect.objectContaining({ id: 'c11' }), expect.objectContaining({ id: 'c9' }), expect.objectContaining({ id: 'c7' })], hasNextPage: true });
      const p2 = await store.list<Thing>('check', { tenant: 't1', first: 3, where: (t) => t.colour === 'red', afterId: 'c7' });
      expect(p2.items.map((t) => t.id)).toEqual(['c5', 'c3']);
      expect(p2.hasNextPage).toBe(false);
      expect((await store.list('check', { tenant: 't1', first: 3, afterId: 'unknown' })).items).toEqual([]);
      expect((await store.list('check', { tenant: 'nobody', first: 3 })).items).toEqual([]);
    });

    it('claims an idempotency key as a lease: only its owner completes or releases it; it frees when the lease lapses', async () => {
      expect(await store.beginIdempotent('k1', 'f1', 'owner-a', 60_000)).toEqual({ state: 'new' });
      expect(await store.beginIdempotent('k1', 'f1', 'owner-b', 60_000)).toEqual({ state: 'in_flight', fingerprint: 'f1', owner: 'owner-a' });
      expect(await store.completeIdempotent('k1', 'owner-b', 'f1', 'result-b', 60_000)).toBe(false);
      expect(await store.abandonIdempotent('k1', 'owner-b')).toBe(false);
      expect(await store.renewIdempotent('k1', 'owner-b', 60_000)).toBe(false);
      expect(await store.renewIdempotent('k1', 'owner-a', 60_000)).toBe(true);
      expect(await store.completeIdempotent('k1', 'owner-a', 'f1', 'result-1', 60_000)).toBe(true);
      expect(await store.beginIdempotent('k1', 'f1', 'owner-c', 60_000)).toEqual({ state: 'completed', fingerprint: 'f1', resultId: 'result-1' });
      expect(await store.abandonIdempotent('k1', 'owner-a')).toBe(false); // a result is never released
      await store.forgetIdempotent('k1', 'other-result');
      expect((await store.beginIdempotent('k1', 'f1', 'owner-c', 60_000)).state).toBe('completed');
      await store.forgetIdempotent('k1', 'result-1');
      expect(await store.beginIdempotent('k1', 'f1', 'owner-c', 60_000)).toEqual({ state: 'new' });

      await store.beginIdempotent('k2', 'f', 'owner-a', 60_000);
      expect(await store.abandonIdempotent('k2', 'owner-a')).toBe(true);
      expect(await store.beginIdempotent('k2', 'f', 'owner-b', 60_000)).toEqual({ state: 'new' });

      await store.beginIdempotent('k3', 'f', 'crashed', 30);
      await new Promise((r) => setTimeout(r, 60)); // the lease's own TTL lapsing is what is tested
      expect(await store.beginIdempotent('k3', 'f', 'next', 60_000)).toEqual({ state: 'new' });
      expect(await store.renewIdempotent('k3', 'crashed', 60_000)).toBe(false);
    });

    it('compare-and-set: a write based on an old version is refused and writes nothing', async () => {
      expect(await store.put('ingestion', thing('cas', 1), 0)).toMatchObject({ n: 1, version: 1 });
      expect(await store.put('ingestion', thing('cas', 2), 0)).toBeNull();
      const [v1] = await store.getMany<Thing>('ingestion', ['cas']);
      expect(v1).toMatchObject({ n: 1, version: 1 });
      expect(await store.put('ingestion', { ...v1!, n: 3 }, 1)).toStrictEqual({ ...v1!, n: 3, version: 2 });
      expect(await store.put('ingestion', { ...v1!, n: 4 }, 1)).toBeNull(); // the lost update
      expect((await store.getMany<Thing>('ingestion', ['cas']))[0]).toMatchObject({ n: 3, version: 2 });
      expect(await store.put('ingestion', thing('cas', 5))).toMatchObject({ n: 5, version: 3 }); // unconditional
      expect((await store.getMany<Thing>('ingestion', ['cas']))[0]).toMatchObject({ n: 5, version: 3 });
      expect((await store.list<Thing>('ingestion', { tenant: 't1', first: 100 })).items.filter((t) => t.id === 'cas')).toHaveLength(1);
    });

    it('concurrent compare-and-set writers of one record: exactly one of each round wins', async () => {
      await store.put('ingestion', thing('race', 0), 0);
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('ingestion', thing('race', i + 1), 1)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('"being created" markers are shared and lapse with their TTL', async () => {
      expect(await store.creatingCount('uphold')).toBe(0);
      await store.beginCreating('uphold', 'a', 60_000);
      await store.beginCreating('uphold', 'b', 30);
      expect(await store.creatingCount('uphold')).toBe(2);
      expect(await store.creatingCount('pawapass')).toBe(0);
      await store.endCreating('uphold', 'a');
      await new Promise((r) => setTimeout(r, 60)); // the marker's own TTL lapsing is what is tested
      expect(await store.creatingCount('uphold')).toBe(0);
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}

storeSuite('in-memory', async () => new MemoryStore());

describe('in-memory store, bounded', () => {
  it('drops expired idempotency results as it goes, though no webhook ever arrives', async () => {
    const store = new MemoryStore();
    const held = () => (store as unknown as { expiring: Map<string, unknown> }).expiring.size;
    for (let i = 0; i < 500; i++) {
      await store.beginIdempotent(`short-${i}`, 'f', 'o', 60_000);
      await store.completeIdempotent(`short-${i}`, 'o', 'f', `r-${i}`, 1);
    }
    const expired = Date.now() + 2;
    while (Date.now() < expired) await new Promise((r) => setImmediate(r)); // every TTL above has lapsed
    for (let i = 0; i < 1000; i++) await store.beginIdempotent(`long-${i}`, 'f', 'o', 60_000);
    // 2,000 writes: the sweep ran after the short ones lapsed and kept only the live leases
    expect(held()).toBe(1000);
  });
});

describe('in-memory store, an update keeps one copy of what it did not change', () => {
  // a provider's view is parsed anew for every webhook: equal parts arrive as new objects
  const fresh = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const base = { ...thing('share', 1), doc: { a: 'x', b: [1, 2], c: { d: 'e' } }, meta: { k: 'v', n: null }, list: [{ s: 1 }, null], order: { a: 1, b: 2 } };

  it('shares the parts equal to the version it replaces, copies the rest, and reads back as its JSON', async () => {
    const store = new MemoryStore();
    const v1 = (await store.put('verification', base as unknown as Thing))! as unknown as typeof base;
    const update = { ...fresh(base), doc: { ...fresh(base.doc), a: 'y' }, meta: { k: 'v', n: NaN, gone: undefined }, list: [{ s: 1 }, undefined] };
    const v2 = (await store.put('verification', update as unknown as Thing, 1))! as unknown as typeof base;
    expect(v2.meta).toBe(v1.meta); // NaN and undefined are what JSON makes of them: null, absent
    expect(v2.list).toBe(v1.list);
    expect(v2.order).toBe(v1.order);
    expect(v2.doc).not.toBe(v1.doc);
    expect(v2.doc.a).toBe('y');
    expect(v2.doc.b).toBe(v1.doc.b); // inside a changed part too
    expect(v2.doc.c).toBe(v1.doc.c);
    const [read] = await store.getMany('verification', ['share']);
    expect(JSON.stringify(read)).toBe(JSON.stringify({ ...JSON.parse(JSON.stringify(update)), version: 2 }));
    // the caller's objects are neither frozen nor shared
    expect(Object.isFrozen(update.doc)).toBe(false);
    update.meta.k = 'changed after put';
    expect((read as unknown as typeof base).meta.k).toBe('v');
  });

  it('does not share a part whose JSON differs only in key order or in an array element', async () => {
    const store = new MemoryStore();
    const v1 = (await store.put('verification', base as unknown as Thing))! as unknown as typeof base;
    const update = { ...fresh(base), order: { b: 2, a: 1 }, doc: { ...fresh(base.doc), b: [1, 2, 3] } };
    const v2 = (await store.put('verification', update as unknown as Thing, 1))! as unknown as typeof base;
    expect(v2.order).not.toBe(v1.order);
    expect(Object.keys(v2.order)).toEqual(['b', 'a']); // as put, as Redis reads it back
    expect(v2.doc.b).toEqual([1, 2, 3]);
    expect(v2.doc.c).toBe(v1.doc.c);
    const [read] = await store.getMany('verification', ['share']);
    expect(JSON.stringify(read)).toBe(JSON.stringify({ ...update, version: 2 }));
  });
});

let redis: RedisServer | null = null;
let client: Redis | null = null;
storeSuite(
  'Redis',
  async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    return new RedisStore(client);
  },
  !hasRedis,
);
let cluster: RedisCluster | null = null;
let clusterClient: Cluster | null = null;
storeSuite(
  'Redis Cluster (3 masters)',
  async () => {
    cluster = await startRedisCluster();
    clusterClient = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    return new RedisStore(clusterClient);
  },
  !hasRedisCluster,
);
afterAll(async () => {
  client?.disconnect();
  clusterClient?.disconnect();
  await redis?.stop();
  await cluster?.stop();
});
