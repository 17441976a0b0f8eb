// A replica's copies of the records it stored (services/records.ts RecordCache), which a webhook
// about one of them starts from and is applied directly with (services/webhooks.ts): bounded by
// count and age, dropped on erasure, and a stale copy (another replica wrote since) costs a retry
// that starts from the record the journal found, never a lost update; a direct event whose view
// changes nothing stores nothing (it goes through the inbox).
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryAuditLog } from '../src/audit/memory.js';
import { RedisAuditLog } from '../src/audit/redis.js';
import type { Publication } from '../src/events/contract.js';
import { MemoryEventBus } from '../src/events/memory.js';
import { RedisEventBus } from '../src/events/redis.js';
import { MemoryInbox } from '../src/inbox/memory.js';
import { RedisInbox } from '../src/inbox/redis.js';
import { ErasureService } from '../src/services/erasure.js';
import { applyAndPublish, NotDirect, RecordCache } from '../src/services/records.js';
import type { Entity, Store } from '../src/store/contract.js';
import { type Journal, sequentialJournal } from '../src/store/journal.js';
import { MemoryStore } from '../src/store/memory.js';
import { MemoryJournal } from '../src/store/memory-journal.js';
import { RedisJournal } from '../src/store/redis-journal.js';
import { RedisStore } from '../src/store/redis.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';

interface Rec extends Entity {
  status: string;
  note: string;
  lastEvent?: { key: string; previousStatus: string | null } | null;
}

const log = pino({ level: 'silent' });
const rec = (id: string, status: string): Rec => ({ id, tenant: 't1', subjectId: `subject-${id}`, createdAt: new Date().toISOString(), status, note: '' });
const event = (stored: Rec): Publication => ({ topic: 'verification', tenant: stored.tenant, payload: { verification: stored, previousStatus: null }, options: { routes: [`t1|id|${stored.id}`] } });
/** A provider view setting `note` (a change unless the record has it already). */
const noting = (note: string) => (current: Rec) => ({ record: { ...current, note }, changed: current.note !== note, previousStatus: current.status });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RecordCache', () => {
  it('keeps the most recently stored records up to its bound, and does not hand out a copy older than its age', () => {
    const cache = new RecordCache(2, 1000);
    cache.set('verification', { ...rec('a', 'X'), version: 1 });
    cache.set('verification', { ...rec('b', 'X'), version: 1 });
    cache.set('verification', { ...rec('a', 'Y'), version: 2 }); // stored again: now the newest
    cache.set('verification', { ...rec('c', 'X'), version: 1 });
    expect(cache.size).toBe(2);
    expect(cache.get<Rec>('verification', 'b')).toBeUndefined();
    expect(cache.get<Rec>('verification', 'a')).toMatchObject({ status: 'Y', version: 2 });
    expect(cache.get<Rec>('check', 'a')).toBeUndefined(); // kinds apart
    const now = Date.now();
    vi.spyOn(Date, 'now').mockReturnValue(now + 1001);
    expect(cache.get('verification', 'c')).toBeUndefined();
    // and the next record stored drops the copies past their age
    cache.set('verification', { ...rec('d', 'X'), version: 1 });
    expect(cache.size).toBe(1);
    expect(cache.get<Rec>('verification', 'd')).toMatchObject({ version: 1 });
  });

  it('drops the copy of a record erased on this replica', async () => {
    const store = new MemoryStore();
    const cache = new RecordCache();
    const stored = await store.put('verification', rec('e-1', 'APPROVED'), 0);
    cache.set('verification', stored!);
    const erasure = new ErasureService(store, new MemoryEventBus(), new MemoryAuditLog(), log, undefined, cache);
    expect((await erasure.eraseSubject('t1', 'subject-e-1', 'test')).verifications).toBe(1);
    expect(cache.get('verification', 'e-1')).toBeUndefined();
  });
});

let redis: RedisServer | null = null;
const clients: Redis[] = [];

interface Backend {
  store: Store;
  journal: Journal;
}

const backends: [string, () => Promise<Backend>, boolean][] = [
  ['in memory', async () => {
    const store = new MemoryStore();
    return { store, journal: new MemoryJournal({ store, bus: new MemoryEventBus(), audit: new MemoryAuditLog(), auditOf: () => null, marks: new MemoryInbox(), log })};
  }, false],
  ['on a single Redis', async () => {
    redis ??= await startRedis();
    const client = new Redis(redis.url);
    clients.push(client);
    const store = new RedisStore(client, 'kyc-rc:');
    const bus = new RedisEventBus(client, { stream: 'kyc-rc:{events}' });
    const journal = new RedisJournal({ redis: client, store, bus, audit: new RedisAuditLog(client, 'kyc-rc:'), auditOf: () => null, steps: sequentialJournal(store, bus), marks: new RedisInbox(client, { stream: 'kyc-rc:{inbox}' }), log });
    return { store, journal};
  }, !hasRedis],
];

for (const [name, make, skip] of backends) {
  describe.skipIf(skip)(`a change from a stale copy, ${name}`, () => {
    it('is stored on top of the record another replica wrote, never over it', async () => {
      const { store, journal } = await make();
      const v1 = (await store.put('verification', rec('s-1', 'IN_PROGRESS'), 0))!;
      // another replica stores a change: this replica's copy (v1) is stale now
      await store.put('verification', { ...v1, status: 'IN_REVIEW' }, 1);
      const cache = new RecordCache();
      cache.set('verification', v1);
      const reads = vi.spyOn(store, 'getMany');
      const stored = await applyAndPublish<Rec, string>(store, journal, 'verification', 's-1', noting('from a webhook'), 'p:ev-1', event, Promise.resolve(cache.get<Rec>('verification', 's-1')!), cache, { provider: 'p', eventId: 'ev-1' });
      expect(stored).toMatchObject({ status: 'IN_REVIEW', note: 'from a webhook', version: 3 });
      expect((await store.getMany<Rec>('verification', ['s-1']))[0]).toMatchObject({ status: 'IN_REVIEW', note: 'from a webhook', version: 3 });
      // the retry started from the record the journal handed over on the conflict: no read
      expect(reads.mock.calls.length - 1).toBe(0);
      expect(cache.get<Rec>('verification', 's-1')).toMatchObject({ version: 3, note: 'from a webhook' });
    });

    it('applied directly, a view that changes nothing stores nothing and is sent through the inbox', async () => {
      const { store, journal } = await make();
      const v1 = (await store.put('verification', { ...rec('s-2', 'APPROVED'), note: 'same' }, 0))!;
      await expect(applyAndPublish<Rec, string>(store, journal, 'verification', 's-2', noting('same'), 'p:ev-2', event, Promise.resolve(v1), null, { provider: 'p', eventId: 'ev-2' })).rejects.toBeInstanceOf(NotDirect);
      expect((await store.getMany<Rec>('verification', ['s-2']))[0]).toMatchObject({ version: 1 });
    });
  });
}

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await redis?.stop();
});
