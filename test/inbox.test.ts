// One inbox suite over memory and a real Redis: claims, recovery past a failing entry, delivery
// counts and dead letters, unreadable entries.
import { Cluster, Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { Inbox } from '../src/inbox/contract.js';
import { MemoryInbox } from '../src/inbox/memory.js';
import { RedisInbox } from '../src/inbox/redis.js';
import type { ProviderAdapter, ProviderEvent } from '../src/providers/contract.js';
import { type EventHandlers, WebhookService } from '../src/services/webhooks.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { hasRedisCluster, type RedisCluster, startRedisCluster } from './support/redis-cluster.js';

const event = (eventId: string): ProviderEvent => ({ kind: 'verification', eventId, view: { providerRef: eventId } } as unknown as ProviderEvent);
const adapter = { key: 'pawapass', provider: 'PAWAPASS' } as unknown as ProviderAdapter;

/** A webhook service whose verification handler fails for the event ids in `failing`. */
function service(inbox: Inbox, failing: Set<string>, applied: string[], maxDeliveries = 3) {
  const handlers = {
    verification: {
      apply: async (_p: unknown, e: ProviderEvent) => {
        if (failing.has(e.eventId)) throw new Error(`cannot apply ${e.eventId}`);
        applied.push(e.eventId);
        return true;
      },
    },
  } as unknown as EventHandlers;
  // recovery claims entries idle for 0 ms: every pass is a new delivery
  return new WebhookService(inbox, new Map([['pawapass', adapter]]), handlers, pino({ level: 'silent' }), 0, maxDeliveries);
}

function inboxSuite(name: string, make: (options?: { dedupTtlMs?: number }) => Promise<Inbox>, skip = false) {
  describe.skipIf(skip)(`${name} inbox`, () => {
    it('recovery goes on past a failing entry, and moves it to the dead letters after the bounded deliveries', async () => {
      const inbox = await make();
      const applied: string[] = [];
      const failing = new Set(['bad']);
      const s = service(inbox, failing, applied);
      // appended (claimed) by a processor that then died without processing them
      await inbox.append('pawapass', [event('bad'), event('good-1'), event('good-2')]);
      expect(await s.recover()).toBe(2); // delivery 2: bad fails, the others are processed
      expect(applied).toEqual(['good-1', 'good-2']);
      expect(await inbox.size()).toBe(1);
      expect(await inbox.deadLetters(10)).toEqual([]);
      await s.recover(); // delivery 3 = the bound: dead-lettered
      expect(await inbox.size()).toBe(0);
      const [letter] = await inbox.deadLetters(10);
      expect(letter).toMatchObject({ provider: 'pawapass', eventId: 'bad', kind: 'verification', deliveries: 3, reason: 'cannot apply bad' });
    });

    it('an entry claimed by a live processor is not claimed again before it has been idle long enough', async () => {
      const inbox = await make();
      await inbox.append('pawapass', [event('held')]);
      expect(await inbox.claimStale(60_000, 10)).toEqual([]);
      const [again] = await inbox.claimStale(0, 10);
      expect(again).toMatchObject({ event: { eventId: 'held' }, deliveries: 2 });
      await inbox.remove(again.id);
      expect(await inbox.claimStale(0, 10)).toEqual([]);
    });

    it('remembers processed event ids per provider: the append tells, completing marks them', async () => {
      const inbox = await make();
      const [first] = await inbox.append('pawapass', [event('n-1')]);
      expect(first.processed).toBe(false);
      await inbox.complete(first);
      expect(await inbox.size()).toBe(0);
      expect(await inbox.processed('pawapass', 'n-1')).toBe(true);
      expect(await inbox.processed('uppass', 'n-1')).toBe(false);
      const [again, other] = await inbox.append('pawapass', [event('n-1'), event('n-2')]);
      expect([again.processed, other.processed]).toEqual([true, false]);
      // a removed (not completed) entry leaves its id unmarked
      await inbox.remove(other.id);
      expect(await inbox.processed('pawapass', 'n-2')).toBe(false);
    });

    it('forgets a processed event id once its dedup TTL lapses', async () => {
      const inbox = await make({ dedupTtlMs: 30 });
      const [entry] = await inbox.append('pawapass', [event('short')]);
      await inbox.complete(entry);
      await inbox.flush(); // the mark's TTL runs from when it is written
      expect(await inbox.processed('pawapass', 'short')).toBe(true);
      await new Promise((r) => setTimeout(r, 60)); // the mark's own TTL lapsing is what is tested
      expect(await inbox.processed('pawapass', 'short')).toBe(false);
    });

    it('a body naming one event twice, or one already processed, applies each event once', async () => {
      const inbox = await make();
      const applied: string[] = [];
      const s = service(inbox, new Set(), applied);
      const signed = { ...adapter, verifyWebhook: async () => {}, parseWebhook: (req: { rawBody: Buffer }) => JSON.parse(req.rawBody.toString()).map(event) } as unknown as ProviderAdapter;
      const post = (ids: string[]) => s.receive(signed, { rawBody: Buffer.from(JSON.stringify(ids)), headers: {} });
      expect(await post(['twice', 'twice'])).toEqual({ status: 200, body: { received: 2, duplicates: 1, ignored: 0, pending: 0 } });
      expect(await post(['twice', 'new'])).toEqual({ status: 200, body: { received: 2, duplicates: 1, ignored: 0, pending: 0 } });
      expect(applied).toEqual(['twice', 'new']);
      expect(await inbox.size()).toBe(0);
    });
  });
}

inboxSuite('in-memory', async (options) => new MemoryInbox(options));

describe('in-memory inbox, bounded', () => {
  it('remembers at most the newest N processed ids, so a long-running instance does not grow for 72 h', async () => {
    const inbox = new MemoryInbox({ maxProcessedIds: 3 });
    const complete = async (id: string) => inbox.complete((await inbox.append('pawapass', [event(id)]))[0]);
    for (const id of ['a', 'b', 'c']) await complete(id);
    await complete('a'); // seen again: now the newest
    await complete('d');
    const known = await Promise.all(['a', 'b', 'c', 'd'].map((id) => inbox.processed('pawapass', id)));
    expect(known).toEqual([true, false, true, true]);
  });
});

let redis: RedisServer | null = null;
const clients: Redis[] = [];
let n = 0;
inboxSuite(
  'Redis',
  async (options) => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    return new RedisInbox(client, { stream: `kyc:{inbox-${++n}}`, ...options });
  },
  !hasRedis,
);

let cluster: RedisCluster | null = null;
const clusterClients: Cluster[] = [];
inboxSuite(
  'Redis Cluster (3 masters)',
  async (options) => {
    cluster ??= await startRedisCluster();
    const client = new Cluster(cluster.ports.map((port) => ({ host: '127.0.0.1', port })));
    clusterClients.push(client);
    return new RedisInbox(client, { stream: `kyc:{inbox-c${++n}}`, ...options });
  },
  !hasRedisCluster,
);

describe.skipIf(!hasRedis)('Redis inbox, unreadable entries and replicas', () => {
  it('an unreadable entry is moved to the dead letters instead of being skipped forever', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const inbox = new RedisInbox(client, { stream: 'kyc:{inbox-raw}' });
    const [entry] = await inbox.append('pawapass', [event('fine')]);
    await inbox.remove(entry.id);
    // an entry written by something else (or corrupted), read into a consumer that died
    await client.xadd('kyc:{inbox-raw}', '*', 'p', 'pawapass', 'e', '{not json');
    await client.xreadgroup('GROUP', 'kyc', 'dead-consumer', 'COUNT', 10, 'STREAMS', 'kyc:{inbox-raw}', '>');
    expect(await inbox.claimStale(0, 10)).toEqual([]);
    expect(await inbox.size()).toBe(0);
    expect((await inbox.deadLetters(10))[0]).toMatchObject({ provider: 'pawapass', reason: 'unreadable entry', eventId: null });
  });

  it("another replica's recovery claims what a crashed replica left, with the delivery counted", async () => {
    redis ??= await startRedis();
    const a = new Redis(redis.url);
    const b = new Redis(redis.url);
    clients.push(a, b);
    const crashed = new RedisInbox(a, { stream: 'kyc:{inbox-rep}', consumer: 'replica-a' });
    const survivor = new RedisInbox(b, { stream: 'kyc:{inbox-rep}', consumer: 'replica-b' });
    await crashed.append('pawapass', [event('e1')]);
    const applied: string[] = [];
    expect(await service(survivor, new Set(), applied).recover()).toBe(1);
    expect(applied).toEqual(['e1']);
    expect(await survivor.size()).toBe(0);
  });
});

afterAll(async () => {
  for (const c of [...clients, ...clusterClients]) c.disconnect();
  await redis?.stop();
  await cluster?.stop();
});
