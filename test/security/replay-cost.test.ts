// Finding 4 of the security review: resuming from a cursor read and parsed the whole event log
// (every tenant's events). A resume now reads only its own route's (or tenant's) index: the
// subscriber's filter is asked only about events that can match, over memory and Redis alike.
import { Cluster, Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { BusEvent, EventBus } from '../../src/events/contract.js';
import { MemoryEventBus } from '../../src/events/memory.js';
import { RedisEventBus } from '../../src/events/redis.js';
import { hasRedis, type RedisServer, startRedis } from '../support/redis.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster } from '../support/redis-cluster.js';

const OTHERS = 3000;

function suite(name: string, make: () => Promise<EventBus>, skip = false) {
  describe.skipIf(skip)(`${name}: resuming from a cursor`, () => {
    it("asks the subscriber's filter only about its own route's or tenant's events, however long the log", async () => {
      const bus = await make();
      const first = await bus.publish('verification', 'tenant-a', { n: 0 }, { routes: ['tenant-a|id|v1'] });
      for (let i = 0; i < OTHERS; i += 500) {
        await Promise.all(Array.from({ length: 500 }, (_, j) => bus.publish('verification', 'tenant-b', { n: i + j }, { routes: [`tenant-b|id|x${i + j}`] })));
      }
      const mine = await bus.publish('verification', 'tenant-a', { n: 1 }, { routes: ['tenant-a|id|v1'] });
      // barrier: once a live subscriber got this, every earlier event has been handed out live,
      // so what the filters below are asked about is the replay alone
      const watcher = bus.subscribe('verification', () => true, { route: 'tenant-a|id|v2' });
      const barrier = await bus.publish('verification', 'tenant-a', { n: 2 }, { routes: ['tenant-a|id|v2'] });
      expect((await watcher.next()).value!.cursor).toBe(barrier.cursor);
      await watcher.return!();

      let asked = 0;
      const count = (e: BusEvent<{ n: number }>) => {
        asked++;
        return e.tenant === 'tenant-a';
      };
      // by route: only v1's events
      const byRoute = bus.subscribe<{ n: number }>('verification', count, { after: first.cursor, route: 'tenant-a|id|v1', tenant: 'tenant-a' });
      expect((await byRoute.next()).value!.cursor).toBe(mine.cursor);
      await byRoute.return!();
      expect(asked).toBe(1);

      // no route (e.g. a provider filter): only tenant-a's events
      asked = 0;
      const byTenant = bus.subscribe<{ n: number }>('verification', count, { after: first.cursor, tenant: 'tenant-a' });
      expect((await byTenant.next()).value!.cursor).toBe(mine.cursor);
      expect((await byTenant.next()).value!.cursor).toBe(barrier.cursor);
      await byTenant.return!();
      expect(asked).toBe(2);
      await bus.close();
    });
  });
}

suite('in-memory', async () => new MemoryEventBus());

let redis: RedisServer | null = null;
const clients: Redis[] = [];
suite(
  'Redis',
  async () => {
    redis = await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const bus = new RedisEventBus(client);
    await bus.start();
    return bus;
  },
  !hasRedis,
);

let cluster: RedisCluster | null = null;
const clusterClients: Cluster[] = [];
suite(
  'Redis Cluster (3 masters)',
  async () => {
    cluster = await startRedisCluster();
    const client = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    clusterClients.push(client);
    const bus = new RedisEventBus(client);
    await bus.start();
    return bus;
  },
  !hasRedisCluster,
);

afterAll(async () => {
  for (const c of [...clients, ...clusterClients]) c.disconnect();
  await redis?.stop();
  await cluster?.stop();
});
