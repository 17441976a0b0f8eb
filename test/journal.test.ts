// One journal suite (store/journal.ts), run against the one synchronous step in memory
// (store/memory-journal.ts) and against the one Lua call on a real Redis (store/redis-journal.ts): a change is stored on top of the version it
// read and published exactly when it is stored, with its audit entry; a lost compare-and-set
// writes, publishes and audits nothing (shown with a later barrier event, never a sleep).
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditLog } from '../src/audit/contract.js';
import { MemoryAuditLog } from '../src/audit/memory.js';
import { RedisAuditLog } from '../src/audit/redis.js';
import type { BusEvent, EventBus, Publication } from '../src/events/contract.js';
import { MemoryEventBus } from '../src/events/memory.js';
import { RedisEventBus } from '../src/events/redis.js';
import { auditedBus, auditRecordOf } from '../src/services/audit-trail.js';
import type { Entity, Store } from '../src/store/contract.js';
import type { Inbox } from '../src/inbox/contract.js';
import { MemoryInbox } from '../src/inbox/memory.js';
import { RedisInbox } from '../src/inbox/redis.js';
import { DuplicateEvent, type Journal, sequentialJournal } from '../src/store/journal.js';
import { MemoryJournal } from '../src/store/memory-journal.js';
import { MemoryStore } from '../src/store/memory.js';
import { RedisJournal } from '../src/store/redis-journal.js';
import { RedisStore } from '../src/store/redis.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';

interface Rec extends Entity {
  status: string;
  provider: string;
}

const log = pino({ level: 'silent' });
const rec = (id: string, status: string): Rec => ({ id, tenant: 't1', subjectId: `subject-${id}`, createdAt: new Date().toISOString(), status, provider: 'PAWAPASS' });
const event = (key?: string) => (stored: Rec): Publication => ({
  topic: 'verification',
  tenant: stored.tenant,
  payload: { verification: stored, previousStatus: null },
  options: { key, routes: [`t1|id|${stored.id}`] },
});

interface Parts {
  journal: Journal;
  store: Store;
  bus: EventBus;
  audit: AuditLog;
  inbox: Inbox;
}

function journalSuite(name: string, make: () => Promise<Parts>, skip = false) {
  describe.skipIf(skip)(`the journal ${name}`, () => {
    let p: Parts;
    beforeAll(async () => {
      p = await make();
    });
    type Sub = AsyncIterableIterator<BusEvent<{ verification?: Rec; barrier?: boolean }>>;
    const barrier = () => p.bus.publish('verification', 't1', { barrier: true });
    const next = async (sub: Sub) => (await sub.next()).value as BusEvent<{ verification?: Rec; barrier?: boolean }>;
    /** A live subscriber to `id`'s events and barriers, past every event published before it. */
    const watch = async (id: string): Promise<Sub> => {
      const sub: Sub = p.bus.subscribe<{ verification?: Rec; barrier?: boolean }>('verification', (e) => e.payload.barrier === true || e.payload.verification?.id === id);
      await barrier();
      while (!(await next(sub)).payload.barrier);
      return sub;
    };
    /** Nothing more was published about `id` (a later barrier comes next); it reads as `stored`, and its trail holds `actions`. */
    const unchanged = async (sub: Sub, id: string, stored: Partial<Rec>, actions: string[]) => {
      await barrier();
      expect((await next(sub)).payload.barrier).toBe(true);
      expect((await p.store.getMany<Rec>('verification', [id]))[0]).toMatchObject(stored);
      expect((await p.audit.list('t1', `subject-${id}`, 10)).items.map((e) => e.action)).toEqual(actions);
    };

    it('stores a change on top of the version it read, publishes the stored record once and audits it', async () => {
      const sub = await watch('j-1');
      const created = await p.journal.commit('verification', rec('j-1', 'PENDING'), 0, event('created:j-1'));
      expect(created?.version).toBe(1);
      expect((await next(sub)).payload.verification).toMatchObject({ id: 'j-1', status: 'PENDING', version: 1 });
      // a create is indexed as `put` indexes it
      expect((await p.store.list<Rec>('verification', { tenant: 't1', subjectId: 'subject-j-1', first: 10 })).items.map((r) => r.id)).toEqual(['j-1']);

      const stored = await p.journal.commit('verification', { ...created!, status: 'APPROVED' }, 1, event('pawapass:e-1'));
      expect(stored).toMatchObject({ id: 'j-1', status: 'APPROVED', version: 2 });
      const published = await next(sub);
      expect(published.payload.verification).toMatchObject({ id: 'j-1', status: 'APPROVED', version: 2 });
      expect((await p.store.getMany<Rec>('verification', ['j-1']))[0]).toMatchObject({ status: 'APPROVED', version: 2 });
      const trail = await p.audit.list('t1', 'subject-j-1', 10);
      expect(trail.items.map((e) => [e.action, e.actor, e.targetId])).toEqual([
        ['START_VERIFICATION', 'unknown', 'j-1'],
        ['STATUS_CHANGED', 'provider:pawapass', 'j-1'],
      ]);
      await sub.return?.();
    });

    it('writes, publishes and audits nothing when the compare-and-set loses', async () => {
      const created = await p.journal.commit('verification', rec('j-2', 'PENDING'), 0, event('created:j-2'));
      await p.journal.commit('verification', { ...created!, status: 'IN_REVIEW' }, 1, event());
      const sub = await watch('j-2');
      expect(await p.journal.commit('verification', { ...created!, status: 'DECLINED' }, 1, event('pawapass:late'))).toBeNull();
      await unchanged(sub, 'j-2', { status: 'IN_REVIEW', version: 2 }, ['START_VERIFICATION', 'STATUS_CHANGED']);
      await sub.return?.();
    });

    it('publishes a keyed event once: a second change under the same key is stored, not published again', async () => {
      const created = await p.journal.commit('verification', rec('j-3', 'PENDING'), 0, event());
      const sub = await watch('j-3');
      const first = await p.journal.commit('verification', { ...created!, status: 'IN_REVIEW' }, 1, event('pawapass:same'));
      expect((await next(sub)).payload.verification?.version).toBe(2);
      expect(await p.journal.commit('verification', { ...first!, status: 'APPROVED' }, 2, event('pawapass:same'))).toMatchObject({ version: 3 });
      await barrier();
      expect((await next(sub)).payload.barrier).toBe(true);
      // and publishing it again (a re-run after a crash) publishes nothing new either
      await p.journal.publish(event('pawapass:same')(first!));
      await barrier();
      expect((await next(sub)).payload.barrier).toBe(true);
      await sub.return?.();
    });

    it('stores a change with its event\'s processed mark; the same event again is refused and writes, publishes and audits nothing', async () => {
      expect(p.journal.marks).toBe(true);
      const created = await p.journal.commit('verification', rec('j-4', 'PENDING'), 0, event('created:j-4'));
      const sub = await watch('j-4');
      const mark = { provider: 'pawapass', eventId: 'ev-4' };
      expect(await p.inbox.processed('pawapass', 'ev-4')).toBe(false);
      const stored = await p.journal.commit('verification', { ...created!, status: 'IN_REVIEW' }, 1, event('pawapass:ev-4'), { mark });
      expect(stored).toMatchObject({ status: 'IN_REVIEW', version: 2 });
      expect((await next(sub)).payload.verification?.version).toBe(2);
      expect(await p.inbox.processed('pawapass', 'ev-4')).toBe(true);
      // the inbox sees the mark: the same event appended later is a duplicate
      expect((await p.inbox.append('pawapass', [{ kind: 'verification', eventId: 'ev-4', view: {} } as never]))[0].processed).toBe(true);
      await expect(p.journal.commit('verification', { ...stored!, status: 'APPROVED' }, 2, event('pawapass:ev-4'), { mark })).rejects.toBeInstanceOf(DuplicateEvent);
      await unchanged(sub, 'j-4', { status: 'IN_REVIEW', version: 2 }, ['START_VERIFICATION', 'STATUS_CHANGED']);
      await sub.return?.();
    });

    it('a lost compare-and-set with a mark leaves the event unmarked, and hands over the record that won when it read it', async () => {
      const created = await p.journal.commit('verification', rec('j-5', 'PENDING'), 0, event());
      const won = await p.journal.commit('verification', { ...created!, status: 'IN_REVIEW' }, 1, event());
      const handed: (Rec | null)[] = [];
      const lost = await p.journal.commit('verification', { ...created!, status: 'DECLINED' }, 1, event('pawapass:ev-5'), { mark: { provider: 'pawapass', eventId: 'ev-5' }, latest: (r) => handed.push(r) });
      expect(lost).toBeNull();
      expect(await p.inbox.processed('pawapass', 'ev-5')).toBe(false);
      // both hand over the record that won: the caller need not read it
      expect(handed).toEqual([{ ...won, version: 2 }]);
    });
  });
}

journalSuite('in memory (one synchronous step)', async () => {
  const store = new MemoryStore();
  const raw = new MemoryEventBus();
  const audit = new MemoryAuditLog();
  const inbox = new MemoryInbox();
  const journal = new MemoryJournal({ store, bus: raw, audit, marks: inbox, log, auditOf: (pub) => auditRecordOf(pub.topic, pub.payload, pub.options?.key) });
  return { journal, store, bus: raw, audit, inbox };
});

describe('the journal in memory', () => {
  it('stores the change, its processed mark, its event and its audit entry in the tick of the call: nothing runs in between', async () => {
    const store = new MemoryStore();
    const bus = new MemoryEventBus();
    const audit = new MemoryAuditLog();
    const inbox = new MemoryInbox();
    const journal = new MemoryJournal({ store, bus, audit, marks: inbox, log, auditOf: (pub) => auditRecordOf(pub.topic, pub.payload, pub.options?.key) });
    const created = (await journal.commit('verification', rec('t-1', 'PENDING'), 0, event('created:t-1')))!;
    const pending = journal.commit('verification', { ...created, status: 'APPROVED' }, 1, event('pawapass:t-1'), { mark: { provider: 'pawapass', eventId: 't-1' } });
    // not awaited yet: every part is already there (the two steps had stored nothing by now)
    expect(store.getNow<Rec>('verification', 't-1')).toMatchObject({ status: 'APPROVED', version: 2 });
    expect(inbox.processedNow('pawapass', 't-1')).toBe(true);
    const counted = audit.count('t1', 'subject-t-1');
    // the event's key is taken: publishing under it again hands back the event the commit published
    const published = bus.publishNow('verification', 't1', { verification: null }, { key: 'pawapass:t-1' });
    expect(await counted).toBe(2);
    expect(published).toMatchObject({ cursor: 'm2', payload: { verification: { status: 'APPROVED', version: 2 } } });
    await expect(pending).resolves.toMatchObject({ version: 2 });
  });

  it('stores a record given away (owned) as that very object, frozen; keeps a copy of one that is not; leaves it untouched when it loses', async () => {
    const store = new MemoryStore();
    const journal = new MemoryJournal({ store, bus: new MemoryEventBus(), audit: new MemoryAuditLog(), marks: new MemoryInbox(), log, auditOf: () => null });
    const given = rec('o-1', 'PENDING');
    const kept = (await journal.commit('verification', given, 0, event()))!;
    expect(kept).not.toBe(given);
    expect(Object.isFrozen(given)).toBe(false);
    const change = { ...kept, status: 'IN_REVIEW', gone: undefined };
    const owned = (await journal.commit('verification', change, 1, event(), { owned: true }))!;
    expect(owned).toBe(store.getNow('verification', 'o-1'));
    expect(JSON.stringify(owned)).toBe(JSON.stringify({ ...kept, status: 'IN_REVIEW', version: 2 }));
    expect(Object.isFrozen(owned)).toBe(true);
    const late = { ...kept, status: 'DECLINED' };
    expect(await journal.commit('verification', late, 1, event(), { owned: true })).toBeNull();
    expect(Object.isFrozen(late)).toBe(false);
    expect(late.version).toBe(1);
    const last = { ...owned, status: 'APPROVED' };
    expect(await journal.commit('verification', last, 2, event(), { owned: true })).toBe(last);
  });
});

let redis: RedisServer | null = null;
const clients: Redis[] = [];
const buses: RedisEventBus[] = [];

journalSuite(
  'on a single Redis (one Lua call)',
  async () => {
    redis = await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const store = new RedisStore(client);
    const raw = new RedisEventBus(client);
    buses.push(raw);
    await raw.start();
    const audit = new RedisAuditLog(client);
    const bus = auditedBus(raw, audit, log);
    const steps = sequentialJournal(store, bus);
    const inbox = new RedisInbox(client);
    const journal = new RedisJournal({ redis: client, store, bus: raw, audit, steps, marks: inbox, log, auditOf: (pub) => auditRecordOf(pub.topic, pub.payload, pub.options?.key) });
    return { journal, store, bus: raw, audit, inbox };
  },
  !hasRedis,
);

describe.skipIf(!hasRedis)('the journal on a single Redis', () => {
  it('waits for the replicas (REDIS_WAIT_REPLICAS) after a stored change, and rejects when they do not answer', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const store = new RedisStore(client, 'kyc-wait:');
    const raw = new RedisEventBus(client, { stream: 'kyc-wait:{events}' });
    buses.push(raw);
    const audit = new RedisAuditLog(client, 'kyc-wait:');
    let waits = 0;
    const journal = new RedisJournal({
      redis: client, store, bus: raw, audit, log, steps: sequentialJournal(store, raw), marks: new RedisInbox(client, { stream: 'kyc-wait:{inbox}' }), auditOf: () => null,
      waitReplicas: async () => {
        waits++;
        if (waits > 1) throw new Error('WAIT: 0 of 1 replicas');
      },
    });
    await store.put('verification', rec('w-1', 'PENDING'), 0);
    expect(await journal.commit('verification', rec('w-1', 'IN_REVIEW'), 1, event())).toMatchObject({ version: 2 });
    await expect(journal.commit('verification', rec('w-1', 'APPROVED'), 2, event())).rejects.toThrow(/replicas/);
    // a conflict stored nothing: nothing to wait for
    expect(await journal.commit('verification', rec('w-1', 'DECLINED'), 1, event())).toBeNull();
    expect(waits).toBe(2);
  });
});

describe.skipIf(!hasRedis)('a change\'s JSON on a single Redis', () => {
  type Payload = { verification?: Rec; previousStatus?: string | null; barrier?: boolean };
  type Writes = { _write: (...a: unknown[]) => void; _writev: (chunks: unknown[], cb: unknown) => void };
  /** Two replicas (their own connections and readers) on one event log, A with the journal. */
  async function replicas(prefix: string) {
    redis ??= await startRedis();
    const [a, b] = [new Redis(redis.url), new Redis(redis.url)];
    clients.push(a, b);
    const store = new RedisStore(a, prefix);
    const [busA, busB] = [new RedisEventBus(a, { stream: `${prefix}{events}` }), new RedisEventBus(b, { stream: `${prefix}{events}` })];
    buses.push(busA, busB);
    await Promise.all([busA.start(), busB.start()]);
    const audit = new RedisAuditLog(a, prefix);
    const journal = new RedisJournal({
      redis: a, store, bus: busA, audit, log, steps: sequentialJournal(store, busA), marks: new RedisInbox(a, { stream: `${prefix}{inbox}` }),
      auditOf: (pub) => auditRecordOf(pub.topic, pub.payload, pub.options?.key),
    });
    await a.ping();
    const socket = a.stream as unknown as Writes;
    const writes = { single: vi.spyOn(socket, '_write'), vectored: vi.spyOn(socket, '_writev') };
    /** Everything A's connection wrote since the last call. */
    const sent = () => {
      const text = (chunk: unknown) => (Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
      const out = [...writes.single.mock.calls.map(([c]) => text(c)), ...writes.vectored.mock.calls.map(([cs]) => (cs as { chunk: unknown }[]).map((c) => text(c.chunk)).join(''))].join('');
      writes.single.mockClear();
      writes.vectored.mockClear();
      return out;
    };
    const watch = (bus: RedisEventBus, id: string) => bus.subscribe<Payload>('verification', (e) => e.payload.barrier === true || e.payload.verification?.id === id);
    return { a, store, journal, busA, busB, sent, watch, stream: `${prefix}{events}` };
  }
  const next = async (sub: AsyncIterableIterator<BusEvent<Payload>>) => (await sub.next()).value as BusEvent<Payload>;
  const occurrences = (text: string, part: string) => text.split(part).length - 1;

  it('sends the stored record\'s JSON once: the script builds the event around it; the replica\'s own subscriber gets the object it published, another replica\'s an equal parse', async () => {
    const r = await replicas('kyc-json:');
    await r.store.put('verification', rec('x-1', 'PENDING'), 0);
    const [subA, subB] = [r.watch(r.busA, 'x-1'), r.watch(r.busB, 'x-1')];
    const changed = { ...rec('x-1', 'IN_REVIEW'), version: 1, note: 'ünïcode ✓ "quoted"' };
    r.sent();
    const stored = await r.journal.commit('verification', changed, 1, event('pawapass:x-1'));
    expect(stored).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    const json = JSON.stringify(stored);
    // over the wire: the record's JSON once (the old call sent it twice: stored, and inside the event)
    const wire = r.sent();
    expect(occurrences(wire, JSON.stringify(changed.note))).toBe(1);
    expect(occurrences(wire, json)).toBe(1);
    // the event log holds the event with the record in it, exactly as published
    const [[, fields]] = (await r.a.xrevrange(r.stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    const logged = JSON.parse(fields[1]) as { payload: Payload; topic: string; routes: string[] };
    expect(logged).toMatchObject({ topic: 'verification', routes: ['t1|id|x-1'], payload: { verification: stored, previousStatus: null } });
    expect(fields[1]).toContain(json);
    // the record stored reads back as committed
    expect((await r.store.getMany<Rec>('verification', ['x-1']))[0]).toEqual(stored);
    const [onA, onB] = [await next(subA), await next(subB)];
    expect(onA.payload.verification).toBe(stored);
    expect(onB.payload.verification).toEqual(stored);
    expect(onB.payload.verification).not.toBe(stored);
    expect(onA.cursor).toBe(onB.cursor);
    expect(r.busA.awaitingOwn).toBe(0);
    await Promise.all([subA.return?.(), subB.return?.()]);
  });

  it('two own events alike in length and time are each delivered as published, in order', async () => {
    const r = await replicas('kyc-json3:');
    const sub = r.busA.subscribe<{ n: string }>('verification', () => true);
    vi.useFakeTimers({ toFake: ['Date'] });
    const [first, second] = [{ n: 'one' }, { n: 'two' }];
    let events;
    try {
      // both prepared before either goes out: the second takes the first's place, the first is parsed
      events = await Promise.all([r.busA.publish('verification', 't1', first), r.busA.publish('verification', 't1', second)]);
      expect(events[0].at).toBe(events[1].at);
    } finally {
      vi.useRealTimers();
    }
    const got = [(await sub.next()).value as BusEvent<{ n: string }>, (await sub.next()).value as BusEvent<{ n: string }>];
    expect(got.map((e) => [e.cursor, e.payload.n])).toEqual([[events[0].cursor, 'one'], [events[1].cursor, 'two']]);
    expect(got[0].payload).not.toBe(first);
    expect(got[1].payload).toBe(second);
    expect(r.busA.awaitingOwn).toBe(0);
    await sub.return?.();
  });

  it('an event that was not published leaves nothing waiting; a payload holding the placeholder is sent whole and published intact', async () => {
    const r = await replicas('kyc-json2:');
    await r.store.put('verification', rec('x-2', 'PENDING'), 0);
    const sub = r.watch(r.busA, 'x-2');
    const first = await r.journal.commit('verification', { ...rec('x-2', 'IN_REVIEW'), version: 1 }, 1, event('pawapass:x-2'));
    expect((await next(sub)).payload.verification).toBe(first);
    // a lost compare-and-set, then a key published before: neither event is published
    expect(await r.journal.commit('verification', { ...rec('x-2', 'DECLINED'), version: 1 }, 1, event('pawapass:x-2b'))).toBeNull();
    expect(r.busA.awaitingOwn).toBe(0);
    expect(await r.journal.commit('verification', { ...first!, status: 'APPROVED' }, 2, event('pawapass:x-2'))).toMatchObject({ version: 3 });
    expect(r.busA.awaitingOwn).toBe(0);
    // a string equal to the placeholder the event is split at
    const odd = '\u0000kyc:embedded\u0000';
    const withOdd = (stored: Rec): Publication => ({ topic: 'verification', tenant: 't1', payload: { verification: stored, previousStatus: odd }, options: { routes: ['t1|id|x-2'] } });
    r.sent();
    const last = await r.journal.commit('verification', { ...rec('x-2', 'APPROVED'), version: 3, subjectId: odd }, 3, withOdd);
    expect(occurrences(r.sent(), JSON.stringify(last))).toBe(2); // whole: stored, and in the event
    const onA = await next(sub);
    expect(onA.payload).toEqual({ verification: last, previousStatus: odd });
    const [[, fields]] = (await r.a.xrevrange(r.stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    expect((JSON.parse(fields[1]) as { payload: Payload }).payload).toEqual({ verification: last, previousStatus: odd });
    await sub.return?.();
  });
});

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  for (const c of clients) c.disconnect();
  await redis?.stop();
});
