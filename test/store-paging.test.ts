// Cursor paging in both directions and counting, over the in-memory store and the Redis store:
// cursors keep their place when entities are created between two pages, and `count` without a
// filter reads no entity.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity, Store } from '../src/store/contract.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisStore } from '../src/store/redis.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';

interface Thing extends Entity {
  colour: string;
}

const thing = (n: number, tenant = 'p1', subjectId = 's1'): Thing => ({
  id: `x${String(n).padStart(3, '0')}`,
  tenant,
  subjectId,
  colour: n % 3 === 0 ? 'red' : 'blue',
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, n)).toISOString(),
});
const ids = (page: { items: Thing[] }) => page.items.map((t) => t.id.replace(/^x0*/, ''));

function pagingSuite(name: string, make: () => Promise<Store>, skip = false) {
  describe.skipIf(skip)(`${name} store paging`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await make();
      for (let n = 1; n <= 10; n++) await store.put('verification', thing(n));
    });

    it('pages forward with first/after and tells whether items come before and after', async () => {
      const p1 = await store.list<Thing>('verification', { tenant: 'p1', first: 4 });
      expect(ids(p1)).toEqual(['10', '9', '8', '7']);
      expect([p1.hasPreviousPage ?? false, p1.hasNextPage]).toEqual([false, true]);
      const p2 = await store.list<Thing>('verification', { tenant: 'p1', first: 4, afterId: p1.items[3].id });
      expect(ids(p2)).toEqual(['6', '5', '4', '3']);
      expect([p2.hasPreviousPage, p2.hasNextPage]).toEqual([true, true]);
      const p3 = await store.list<Thing>('verification', { tenant: 'p1', first: 4, afterId: p2.items[3].id });
      expect(ids(p3)).toEqual(['2', '1']);
      expect([p3.hasPreviousPage, p3.hasNextPage]).toEqual([true, false]);
    });

    it('pages backward with last/before, each page newest first', async () => {
      const b1 = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 3 });
      expect(ids(b1)).toEqual(['3', '2', '1']);
      expect([b1.hasPreviousPage, b1.hasNextPage]).toEqual([true, false]);
      const b2 = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 3, beforeId: b1.items[0].id });
      expect(ids(b2)).toEqual(['6', '5', '4']);
      expect([b2.hasPreviousPage, b2.hasNextPage]).toEqual([true, true]);
      const b4 = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 3, beforeId: 'x002' });
      expect(ids(b4)).toEqual(['5', '4', '3']);
      const top = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 5, beforeId: 'x008' });
      expect(ids(top)).toEqual(['10', '9']);
      expect([top.hasPreviousPage, top.hasNextPage]).toEqual([false, true]);
    });

    it('bounds a window by both cursors', async () => {
      const w = await store.list<Thing>('verification', { tenant: 'p1', first: 10, afterId: 'x009', beforeId: 'x005' });
      expect(ids(w)).toEqual(['8', '7', '6']);
      const wl = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 2, afterId: 'x009', beforeId: 'x005' });
      expect(ids(wl)).toEqual(['7', '6']);
    });

    it('filters while paging in both directions and counts with and without a filter', async () => {
      const red = (t: Thing) => t.colour === 'red';
      const f = await store.list<Thing>('verification', { tenant: 'p1', first: 2, where: red });
      expect(ids(f)).toEqual(['9', '6']);
      expect(f.hasNextPage).toBe(true);
      const f2 = await store.list<Thing>('verification', { tenant: 'p1', first: 2, afterId: f.items[1].id, where: red });
      expect(ids(f2)).toEqual(['3']);
      expect([f2.hasPreviousPage, f2.hasNextPage]).toEqual([true, false]);
      const l = await store.list<Thing>('verification', { tenant: 'p1', first: 0, last: 1, beforeId: 'x003', where: red });
      expect(ids(l)).toEqual(['6']);
      expect([l.hasPreviousPage, l.hasNextPage]).toEqual([true, true]);
      expect(await store.count<Thing>('verification', { tenant: 'p1' })).toBe(10);
      expect(await store.count<Thing>('verification', { tenant: 'p1', subjectId: 's1', where: red })).toBe(3);
      expect(await store.count<Thing>('verification', { tenant: 'nobody' })).toBe(0);
    });

    it('keeps every cursor in place when entities are created between two pages', async () => {
      await store.put('ingestion', thing(1, 'p2'));
      await store.put('ingestion', thing(2, 'p2'));
      await store.put('ingestion', thing(3, 'p2'));
      const p1 = await store.list<Thing>('ingestion', { tenant: 'p2', first: 2 });
      expect(ids(p1)).toEqual(['3', '2']);
      await store.put('ingestion', thing(4, 'p2'));
      await store.put('ingestion', thing(5, 'p2'));
      const p2 = await store.list<Thing>('ingestion', { tenant: 'p2', first: 2, afterId: p1.items[1].id });
      expect(ids(p2)).toEqual(['1']);
      const back = await store.list<Thing>('ingestion', { tenant: 'p2', first: 0, last: 2, beforeId: p1.items[0].id });
      expect(ids(back)).toEqual(['5', '4']);
      expect(await store.count('ingestion', { tenant: 'p2', subjectId: 's1' })).toBe(5);
    });

    it('an unknown cursor gives an empty page', async () => {
      expect((await store.list('verification', { tenant: 'p1', first: 3, afterId: 'nope' })).items).toEqual([]);
      expect((await store.list('verification', { tenant: 'p1', first: 0, last: 3, beforeId: 'nope' })).items).toEqual([]);
    });
  });
}

pagingSuite('in-memory', async () => new MemoryStore());

/** Counts entity reads, to show a count without a filter reads none. */
class CountingRedis extends RedisStore {
  reads = 0;
  override async getMany<T extends Entity>(kind: Parameters<Store['getMany']>[0], idList: readonly string[]) {
    this.reads += idList.length;
    return super.getMany<T>(kind, idList);
  }
}

let redis: RedisServer | undefined;
let client: Redis | undefined;
let counting: CountingRedis | undefined;
pagingSuite(
  'Redis',
  async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
    counting = new CountingRedis(client);
    return counting;
  },
  !hasRedis,
);
describe.skipIf(!hasRedis)('Redis count', () => {
  it('counts an index with ZCARD, reading no entity', async () => {
    const before = counting!.reads;
    expect(await counting!.count('verification', { tenant: 'p1', subjectId: 's1' })).toBe(10);
    expect(counting!.reads).toBe(before);
  });
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});
