// One journal suite (store/journal.ts), run against the two steps in memory and against the one
// Lua call on a real Redis (store/redis-journal.ts): a change is stored on top of the version it
// read and published exactly when it is stored, with its audit entry; a lost compare-and-set
// writes, publishes and audits nothing (shown with a later barrier event, never a sleep).
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLog } from '../src/audit/contract.js';
import { MemoryAuditLog } from '../src/audit/memory.js';
import { RedisAuditLog } from '../src/audit/redis.js';
import type { BusEvent, EventBus, Publication } from '../src/events/contract.js';
import { MemoryEventBus } from '../src/events/memory.js';
import { RedisEventBus } from '../src/events/redis.js';
import { auditedBus, auditRecordOf } from '../src/services/audit-trail.js';
import type { Entity, Store } from '../src/store/contract.js';
import { type Journal, sequentialJournal } from '../src/store/journal.js';
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
      await barrier();
      expect((await next(sub)).payload.barrier).toBe(true);
      expect((await p.store.getMany<Rec>('verification', ['j-2']))[0]).toMatchObject({ status: 'IN_REVIEW', version: 2 });
      expect((await p.audit.list('t1', 'subject-j-2', 10)).items.map((e) => e.action)).toEqual(['START_VERIFICATION', 'STATUS_CHANGED']);
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
  });
}

journalSuite('in memory (put, then publish)', async () => {
  const store = new MemoryStore();
  const raw = new MemoryEventBus();
  const audit = new MemoryAuditLog();
  const bus = auditedBus(raw, audit, log);
  return { journal: sequentialJournal(store, bus), store, bus: raw, audit };
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
    const journal = new RedisJournal({ redis: client, store, bus: raw, audit, steps, log, auditOf: (pub) => auditRecordOf(pub.topic, pub.payload, pub.options?.key) });
    return { journal, store, bus: raw, audit };
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
      redis: client, store, bus: raw, audit, log, steps: sequentialJournal(store, raw), auditOf: () => null,
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

afterAll(async () => {
  await Promise.all(buses.map((b) => b.close()));
  for (const c of clients) c.disconnect();
  await redis?.stop();
});
