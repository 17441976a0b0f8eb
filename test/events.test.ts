// One event bus suite, run against the in-memory bus and the Redis Stream bus.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type BusEvent, CursorError, type EventBus } from '../src/events/contract.js';
import { MAX_PENDING_PER_SUBSCRIBER, SubscriberTooSlowError } from '../src/events/fanout.js';
import { MemoryEventBus } from '../src/events/memory.js';
import { RedisEventBus } from '../src/events/redis.js';
import { routeKey, routesOf } from '../src/events/routes.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';

async function take<T>(it: AsyncIterator<BusEvent<T>>, n: number): Promise<T[]> {
  const out: T[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value.payload);
  }
  return out;
}

function busSuite(name: string, make: () => Promise<EventBus>, skip = false) {
  describe.skipIf(skip)(`${name} event bus`, () => {
    let bus: EventBus;
    beforeAll(async () => {
      bus = await make();
    });

    it('delivers matching events of a topic in publish order, with increasing cursors', async () => {
      const sub = bus.subscribe<{ n: number }>('verification', (e) => e.payload.n % 2 === 0);
      const events: BusEvent<{ n: number }>[] = [];
      for (let n = 0; n < 10; n++) await bus.publish('verification', 't', { n });
      await bus.publish('check', 't', { n: 100 });
      for (let i = 0; i < 5; i++) events.push((await sub.next()).value);
      expect(events.map((e) => e.payload.n)).toEqual([0, 2, 4, 6, 8]);
      expect(new Set(events.map((e) => e.cursor)).size).toBe(5);
      expect(events.every((e) => e.tenant === 't' && !Number.isNaN(Date.parse(e.at)))).toBe(true);
      await sub.return!();
    });

    it('return() ends a waiting subscriber at once and frees it', async () => {
      const before = bus.subscriberCount;
      const sub = bus.subscribe('ingestion', () => true);
      expect(bus.subscriberCount).toBe(before + 1);
      const pending = sub.next();
      await sub.return!();
      expect(await pending).toEqual({ value: undefined, done: true });
      expect(bus.subscriberCount).toBe(before);
    });

    it('fans one event out to many subscribers', async () => {
      const subs = Array.from({ length: 50 }, () => bus.subscribe<{ x: number }>('check', (e) => e.payload.x !== undefined));
      await bus.publish('check', 't', { x: 1 });
      const got = await Promise.all(subs.map((s) => take(s, 1)));
      expect(got.flat()).toEqual(Array(50).fill({ x: 1 }));
      await Promise.all(subs.map((s) => s.return!()));
    });

    it('asks a routed subscriber only about events carrying its route, and delivers each once', async () => {
      const asked = new Map<string, number>();
      const routed = (r: string) =>
        bus.subscribe<{ n: number }>('verification', () => (asked.set(r, (asked.get(r) ?? 0) + 1), true), { route: r });
      const a = routed('t|id|a');
      const b = routed('t|id|b');
      const subjectS = routed('t|subject|s');
      const everything = bus.subscribe<{ n: number }>('verification', () => true);
      await bus.publish('verification', 't', { n: 1 }, { routes: ['t|id|a', 't|subject|s'] });
      await bus.publish('verification', 't', { n: 2 }, { routes: ['t|id|b', 't|subject|s'] });
      await bus.publish('verification', 't', { n: 3 }, { routes: ['t|id|c'] });
      // no routes (e.g. published by an older instance): every subscriber is asked
      await bus.publish('verification', 't', { n: 4 });
      expect((await take(a, 2)).map((p) => p.n)).toEqual([1, 4]);
      expect((await take(b, 2)).map((p) => p.n)).toEqual([2, 4]);
      expect((await take(subjectS, 3)).map((p) => p.n)).toEqual([1, 2, 4]);
      expect((await take(everything, 4)).map((p) => p.n)).toEqual([1, 2, 3, 4]);
      expect(Object.fromEntries(asked)).toEqual({ 't|id|a': 2, 't|id|b': 2, 't|subject|s': 3 });
      await Promise.all([a, b, subjectS, everything].map((s) => s.return!()));
    });

    it('replays routed subscriptions from a cursor with their filter', async () => {
      const first = await bus.publish('ingestion', 't', { n: 1 }, { routes: ['t|user|u'] });
      await bus.publish('ingestion', 't', { n: 2 }, { routes: ['t|user|v'] });
      await bus.publish('ingestion', 't', { n: 3 }, { routes: ['t|user|u'] });
      const sub = bus.subscribe<{ n: number }>('ingestion', (e) => e.routes?.includes('t|user|u') ?? false, { route: 't|user|u', after: first.cursor });
      const replayed = take(sub, 2);
      await bus.publish('ingestion', 't', { n: 4 }, { routes: ['t|user|u'] });
      expect((await replayed).map((p) => p.n)).toEqual([3, 4]);
      await sub.return!();
    });

    it('resuming has no duplicate at the replay/live seam: an event both in the history and live is delivered once', async () => {
      type Seam = { seam?: number };
      const isSeam = (e: BusEvent<Seam>) => e.payload.seam !== undefined;
      const first = await bus.publish<Seam>('check', 't', { seam: 1 });
      const watcher = bus.subscribe<Seam>('check', isSeam);
      const sub = bus.subscribe<Seam>('check', isSeam, { after: first.cursor });
      // published once `sub` is live and before it reads its history: it is in both
      await bus.publish<Seam>('check', 't', { seam: 2 });
      // dispatched live to every local subscriber at once, `sub` included (the Redis bus may
      // still be dispatching seam 1, published before the watcher subscribed)
      while ((await watcher.next()).value.payload.seam !== 2);
      const replayed = await sub.next();
      // barrier: a later event; a second copy of seam 2 would come before it
      await bus.publish<Seam>('check', 't', { seam: 3 });
      const next = await sub.next();
      expect([replayed.value.payload, next.value.payload]).toEqual([{ seam: 2 }, { seam: 3 }]);
      expect(next.value.cursor).not.toBe(replayed.value.cursor);
      await Promise.all([sub.return!(), watcher.return!()]);
    });
  });
}

describe('a subscriber that never reads', () => {
  it('is ended with an error instead of growing without bound', async () => {
    const bus = new MemoryEventBus();
    const sub = bus.subscribe('verification', () => true);
    for (let i = 0; i <= MAX_PENDING_PER_SUBSCRIBER; i++) await bus.publish('verification', 't', i);
    await expect(sub.next()).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(bus.subscriberCount).toBe(0);
  });
});

describe('routesOf', () => {
  it('keeps every key that is set, once, in the order given', () => {
    expect(routesOf(routeKey('t', 'id', 'a'), routeKey('t', 'subject', 's'))).toEqual(['t|id|a', 't|subject|s']);
    expect(routesOf(routeKey('t', 'user', 'u'), routeKey('t', 'id', null), routeKey('t', 'user', 'u'))).toEqual(['t|user|u']);
    expect(routesOf(null, null)).toEqual([]);
  });
});

describe('in-memory event log, one copy of what events repeat', () => {
  it("a record's events share one routes array; other routes get their own; each replays by its routes", async () => {
    const bus = new MemoryEventBus();
    // routes as a service builds them: new strings for every change
    const routesOf = (id: string, subject: string) => [`t|id|${id}`, `t|subject|${subject}`];
    const a1 = await bus.publish('verification', 't', { n: 1 }, { routes: routesOf('a', 's1') });
    const a2 = await bus.publish('verification', 't', { n: 2 }, { routes: routesOf('a', 's1') });
    const a3 = await bus.publish('verification', 't', { n: 3 }, { routes: routesOf('a', 's2') }); // moved to another subject
    const b1 = await bus.publish('verification', 't', { n: 4 }, { routes: routesOf('b', 's1') });
    const plain = await bus.publish('verification', 't', { n: 5 });
    expect(a2.routes).toBe(a1.routes);
    expect(a3.routes).not.toBe(a1.routes);
    expect(a3.routes).toEqual(['t|id|a', 't|subject|s2']);
    expect(b1.routes).toEqual(['t|id|b', 't|subject|s1']);
    expect('routes' in plain).toBe(false);
    const first = bus.subscribe<{ n: number }>('verification', () => true, { after: 'm0', route: 't|subject|s1' });
    const second = bus.subscribe<{ n: number }>('verification', () => true, { after: 'm0', route: 't|subject|s2' });
    expect((await take(first, 3)).map((p) => p.n)).toEqual([1, 2, 4]);
    expect((await take(second, 1)).map((p) => p.n)).toEqual([3]);
    await Promise.all([first.return!(), second.return!()]);
  });
});

describe('in-memory event log, full', () => {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('keeps the newest maxEvents through thousands of drops: an older cursor is refused, a resume replays exactly what is kept', async () => {
    const bus = new MemoryEventBus({ maxEvents: 100 });
    const cursors: string[] = [];
    for (let n = 0; n < 5000; n++) cursors.push((await bus.publish('verification', 't', { n }, { key: `k${n}`, routes: [`t|id|${n % 7}`] })).cursor);
    await expect(bus.validateCursor(cursors[4000])).rejects.toBeInstanceOf(CursorError);
    await bus.validateCursor(cursors[4899]); // the event right before the oldest kept one (4900)
    // a key still in the log is published once
    expect((await bus.publish('verification', 't', { n: -1 }, { key: 'k4999' })).cursor).toBe(cursors[4999]);
    // from 4901 on (the barrier below drops 4900, the oldest)
    const all = bus.subscribe<{ n: number }>('verification', () => true, { after: cursors[4900] });
    const routed = bus.subscribe<{ n: number }>('verification', () => true, { after: cursors[4900], route: 't|id|3' });
    // barrier: a later event both subscriptions match
    await bus.publish('verification', 't', { n: 5000 }, { routes: ['t|id|3'] });
    expect((await take(all, 100)).map((p) => p.n)).toEqual(range(4901, 5000));
    expect((await take(routed, 15)).map((p) => p.n)).toEqual([...range(4901, 4999).filter((n) => n % 7 === 3), 5000]);
    await Promise.all([all.return!(), routed.return!()]);
  });

  it('drops what is older than the replay window, each event as soon as it is, however many publishes found it kept', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-28T08:00:00.000Z'), toFake: ['Date'] });
    try {
      const bus = new MemoryEventBus({ replayWindowMs: 60_000 });
      const cursors: string[] = [];
      // one event a second for 100 s: the first 40 fall out of the window one by one
      for (let n = 0; n < 100; n++) {
        cursors.push((await bus.publish('verification', 't', { n })).cursor);
        vi.setSystemTime(Date.now() + 1000);
      }
      // now = start + 100 s: the last publish (n = 99, at 99 s) dropped everything before 39 s
      await expect(bus.validateCursor(cursors[37])).rejects.toBeInstanceOf(CursorError);
      await bus.validateCursor(cursors[38]);
      vi.setSystemTime(Date.now() + 10_000); // 110 s: 50 is the oldest within the window
      const all = bus.subscribe<{ n: number }>('verification', () => true, { after: cursors[38] });
      await bus.publish('verification', 't', { n: 100 }); // barrier, and the publish that drops 39..49
      expect((await take(all, 51)).map((p) => p.n)).toEqual(range(50, 100));
      await expect(bus.validateCursor(cursors[48])).rejects.toBeInstanceOf(CursorError);
      await all.return!();
    } finally {
      vi.useRealTimers();
    }
  });

  it("erases a route's events from a full log and replays the others in order", async () => {
    const bus = new MemoryEventBus({ maxEvents: 50 });
    const cursors: string[] = [];
    for (let n = 0; n < 3000; n++) cursors.push((await bus.publish('verification', 't', { n }, { routes: [`t|id|${n % 3}`] })).cursor);
    // of the kept 2950..2999, those with n % 3 === 1
    expect(await bus.erase('t', [{ topic: 'verification', route: 't|id|1' }])).toBe(17);
    const all = bus.subscribe<{ n: number }>('verification', () => true, { after: cursors[2949] });
    const erased = bus.subscribe<{ n: number }>('verification', () => true, { after: cursors[2949], route: 't|id|1' });
    await bus.publish('verification', 't', { n: 3000 }, { routes: ['t|id|1'] }); // barrier
    expect((await take(all, 34)).map((p) => p.n)).toEqual([...range(2950, 2999).filter((n) => n % 3 !== 1), 3000]);
    expect((await take(erased, 1)).map((p) => p.n)).toEqual([3000]);
    await Promise.all([all.return!(), erased.return!()]);
  });
});

busSuite('in-memory', async () => new MemoryEventBus());

let redis: RedisServer | null = null;
const clients: Redis[] = [];
const buses: RedisEventBus[] = [];
busSuite(
  'Redis',
  async () => {
    redis = await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const bus = new RedisEventBus(client, { blockMs: 200 });
    buses.push(bus);
    await bus.start();
    return bus;
  },
  !hasRedis,
);

describe.skipIf(!hasRedis)('two Redis buses on one stream', () => {
  it('an event published on one is delivered by the other', async () => {
    redis ??= await startRedis();
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    clients.push(a, b);
    const busA = new RedisEventBus(a, { stream: 'two' });
    const busB = new RedisEventBus(b, { stream: 'two' });
    buses.push(busA, busB);
    await Promise.all([busA.start(), busB.start()]);
    const sub = busB.subscribe<string>('verification', () => true);
    const sent = await busA.publish('verification', 't', 'hello');
    const got = (await sub.next()).value;
    expect(got).toMatchObject({ payload: 'hello', cursor: sent.cursor, tenant: 't' });
  });
});

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  for (const c of clients) c.disconnect();
  await redis?.stop();
});

describe.skipIf(!hasRedis)('the Redis bus reader: pushed messages, with the stream as the truth', () => {
  /** An entry as a replica of an older version appends it: to the stream, with no message. */
  async function appendWithoutPush(client: Redis, stream: string, payload: unknown) {
    const body = JSON.stringify({ topic: 'verification', at: new Date().toISOString(), tenant: 't', payload });
    return client.xadd(stream, '*', 'e', body, 't', 'verification', 'r', '');
  }

  async function bus(stream: string, blockMs: number) {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const b = new RedisEventBus(client, { stream, blockMs });
    buses.push(b);
    await b.start();
    return { client, bus: b };
  }

  it('an entry no message brought is handed out before the next pushed one, in stream order', async () => {
    // checks of the stream an hour apart: only the next message can reveal the gap
    const { client, bus: b } = await bus('gap-before', 3_600_000);
    const sub = b.subscribe<string>('verification', () => true);
    const unpushed = await appendWithoutPush(client, 'gap-before', 'from an older replica');
    const pushed = await b.publish('verification', 't', 'pushed');
    const got = [(await sub.next()).value, (await sub.next()).value];
    expect(got.map((e) => [e.payload, e.cursor])).toEqual([['from an older replica', unpushed], ['pushed', pushed.cursor]]);
    // barrier: a later event; a second copy of either would come before it
    await b.publish('verification', 't', 'barrier');
    expect((await sub.next()).value.payload).toBe('barrier');
    await sub.return!();
  });

  it('while no message comes, the stream is checked every blockMs', async () => {
    const { client, bus: b } = await bus('gap-quiet', 50);
    const sub = b.subscribe<string>('verification', () => true);
    const unpushed = await appendWithoutPush(client, 'gap-quiet', 'alone');
    expect((await sub.next()).value).toMatchObject({ payload: 'alone', cursor: unpushed });
    await sub.return!();
  });

  it('events published while its connection was cut arrive after it reconnects, in order and once', async () => {
    const { client, bus: b } = await bus('gap-reconnect', 3_600_000);
    const sub = b.subscribe<number>('verification', () => true);
    await b.publish('verification', 't', 0);
    expect((await sub.next()).value.payload).toBe(0);
    const subscribed = async () => Number(((await client.pubsub('NUMSUB', 'gap-reconnect:live')) as [string, number])[1]);
    expect(await subscribed()).toBe(1);
    await client.client('KILL', 'TYPE', 'pubsub'); // every subscribed connection of this Redis
    // published while the reader is away: their messages are lost to it
    await b.publish('verification', 't', 1);
    await b.publish('verification', 't', 2);
    await vi.waitFor(async () => expect(await subscribed()).toBe(1), { timeout: 10_000, interval: 20 });
    await b.publish('verification', 't', 3);
    await b.publish('verification', 't', 4); // barrier: a duplicate would come before it
    const got: number[] = [];
    for (let i = 0; i < 4; i++) got.push((await sub.next()).value.payload);
    expect(got).toEqual([1, 2, 3, 4]);
    await sub.return!();
  });
});
