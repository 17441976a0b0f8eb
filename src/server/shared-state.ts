// Where records, events and webhooks live: Redis when `REDIS_URL` is set, else this process's memory.
import { Redis } from 'ioredis';
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

export interface SharedState {
  readonly redis: Redis | null;
  readonly store: Store;
  readonly bus: EventBus;
  readonly inbox: Inbox;
  readonly audit: AuditLog;
  /** Closes bus, store and the Redis connection (after the server stopped using them). */
  close(): Promise<void>;
}

export async function openSharedState(config: Config, log: Logger): Promise<SharedState> {
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true }) : null;
  if (redis) {
    let lastLogged = 0;
    redis.on('error', (err: Error) => {
      // ioredis reconnects by itself; /readyz reports the outage. Log at most every 10 s.
      if (Date.now() - lastLogged > 10_000) {
        lastLogged = Date.now();
        log.warn({ err }, 'redis connection error');
      }
    });
    await redis.connect();
  }
  const store: Store = redis ? new RedisStore(redis) : new MemoryStore();
  const bus: EventBus = redis
    ? new RedisEventBus(redis, { replayWindowMs: config.replayWindowMs })
    : new MemoryEventBus({ replayWindowMs: config.replayWindowMs });
  if (bus instanceof RedisEventBus) await bus.start();
  const inbox: Inbox = redis ? new RedisInbox(redis) : new MemoryInbox();
  const audit: AuditLog = redis ? new RedisAuditLog(redis) : new MemoryAuditLog();
  return {
    redis,
    store,
    bus,
    inbox,
    audit,
    async close() {
      await bus.close();
      await store.close();
      if (redis) {
        // QUIT waits for a reply; a Redis that is gone must not hold shutdown
        const quit = redis.quit().catch(() => {});
        await Promise.race([quit, new Promise((r) => setTimeout(r, 1000).unref())]);
        redis.disconnect();
      }
    },
  };
}
