// Where records, events and webhooks live: Redis when `REDIS_URL` (or a Redis Cluster when
// `REDIS_CLUSTER_NODES`) is set, else this process's memory.
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { AuditLog } from '../audit/contract.js';
import { MemoryAuditLog } from '../audit/memory.js';
import { RedisAuditLog } from '../audit/redis.js';
import type { EventBus } from '../events/contract.js';
import { MemoryEventBus } from '../events/memory.js';
import { RedisEventBus } from '../events/redis.js';
import type { Inbox } from '../inbox/contract.js';
import { MemoryInbox } from '../inbox/memory.js';
import { RedisInbox } from '../inbox/redis.js';
import type { Store } from '../store/contract.js';
import { MemoryStore } from '../store/memory.js';
import { RedisStore } from '../store/redis.js';
import { type Journal, sequentialJournal } from '../store/journal.js';
import { MemoryJournal } from '../store/memory-journal.js';
import { type AuditOf, RedisJournal } from '../store/redis-journal.js';
import { isCluster, type RedisClient } from '../redis/client.js';
import { connectRedis } from '../redis/connect.js';
import { inboxWaitingForReplicas, storeWaitingForReplicas } from '../redis/replicas.js';

export interface SharedState {
  readonly redis: RedisClient | null;
  readonly store: Store;
  readonly bus: EventBus;
  readonly inbox: Inbox;
  readonly audit: AuditLog;
  /**
   * The journal the services store changes with, publishing on `bus`: on a single Redis one Lua
   * call per change (store/redis-journal.ts), in memory one synchronous step (store/memory-journal.ts),
   * both with the inbox's processed marks; on a Redis Cluster two steps (the store's put, then
   * `bus`' publish), without marks.
   */
  journal(bus: EventBus, auditOf: AuditOf): Journal;
  /** Closes bus, inbox, store and the Redis connection (after the server stopped using them). */
  close(): Promise<void>;
}

export async function openSharedState(config: Config, log: Logger): Promise<SharedState> {
  // connected, errors logged, persistence checked (refuses production without AOF), WAIT helper
  const connection = await connectRedis(config.redis, config.production, log);
  const redis = connection?.redis ?? null;
  // REDIS_WAIT_REPLICAS: stored records and inbox appends resolve once replicas hold them
  const replicas = connection && config.redis.waitReplicas > 0 ? connection.waitReplicas : null;
  const rawStore: Store = redis ? new RedisStore(redis) : new MemoryStore();
  const store = replicas ? storeWaitingForReplicas(rawStore, replicas) : rawStore;
  const bus: EventBus = redis
    ? new RedisEventBus(redis, { replayWindowMs: config.replayWindowMs })
    : new MemoryEventBus({ replayWindowMs: config.replayWindowMs });
  if (bus instanceof RedisEventBus) await bus.start();
  const rawInbox: Inbox = redis ? new RedisInbox(redis) : new MemoryInbox();
  const inbox = replicas ? inboxWaitingForReplicas(rawInbox, replicas) : rawInbox;
  const audit: AuditLog = redis ? new RedisAuditLog(redis) : new MemoryAuditLog();
  return {
    redis,
    store,
    bus,
    inbox,
    audit,
    journal(publishOn, auditOf) {
      // in memory: one synchronous step (store/memory-journal.ts)
      if (store instanceof MemoryStore && bus instanceof MemoryEventBus && audit instanceof MemoryAuditLog && inbox instanceof MemoryInbox) return new MemoryJournal({ store, bus, audit, auditOf, marks: inbox, log });
      const steps = sequentialJournal(store, publishOn);
      if (!redis || isCluster(redis) || !(rawStore instanceof RedisStore) || !(bus instanceof RedisEventBus) || !(audit instanceof RedisAuditLog) || !(rawInbox instanceof RedisInbox)) return steps;
      return new RedisJournal({ redis, store: rawStore, bus, audit, auditOf, steps, marks: rawInbox, waitReplicas: replicas, log });
    },
    async close() {
      await bus.close();
      await inbox.flush();
      await store.close();
      await connection?.close();
    },
  };
}
