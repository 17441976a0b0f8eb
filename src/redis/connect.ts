// The Redis connection: one `Redis` (REDIS_URL) or a `Cluster` (REDIS_CLUSTER_NODES), connected,
// with its errors logged (at most every 10 s), its durability settings checked at start, and
// `waitReplicas()` for the writes that must reach N replicas before they are acknowledged.
import type { Socket } from 'node:net';
import { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ConfigError } from '../env.js';
import { traceRedis } from '../observability/tracing.js';
import type { RedisClient } from './client.js';
import type { RedisSettings } from './settings.js';

export { loadRedisSettings, type RedisSettings } from './settings.js';

/** The client connectRedis makes: what store, bus and inbox take (client.ts). */
export type RedisConnection = RedisClient;

/** Startup refused because Redis would lose acknowledged writes (main exits 2 on a ConfigError). */
export class RedisDurabilityError extends ConfigError {
  constructor(message: string) {
    super('REDIS_ALLOW_NO_AOF', '');
    this.message = message;
  }
}

/** Too few replicas acknowledged a write within REDIS_WAIT_TIMEOUT_MS. */
export class ReplicaWaitError extends Error {
  constructor(wanted: number, got: number, timeoutMs: number) {
    super(`only ${got} of ${wanted} Redis replicas acknowledged the write within ${timeoutMs} ms`);
    this.name = 'ReplicaWaitError';
  }
}

export interface Connected {
  redis: RedisConnection;
  /**
   * Resolves once REDIS_WAIT_REPLICAS replicas hold every write this process sent so far (WAIT on
   * each master connection; a master this process did not write to answers at once); throws
   * ReplicaWaitError when fewer answer in time. A no-op when REDIS_WAIT_REPLICAS is 0.
   */
  waitReplicas(): Promise<void>;
  /** QUIT, bounded: a Redis that is gone must not hold shutdown. */
  close(): Promise<void>;
}

/**
 * Connects to Redis or a Redis Cluster (null when neither is configured), then checks its
 * persistence: with `production` and `appendonly no` it refuses (RedisDurabilityError) unless
 * REDIS_ALLOW_NO_AOF; a `maxmemory-policy` other than `noeviction` is warned about.
 */
export async function connectRedis(settings: RedisSettings, production: boolean, log: Logger): Promise<Connected | null> {
  if (!settings.url && !settings.clusterNodes) return null;
  const redis: RedisConnection = settings.clusterNodes
    ? new Cluster(settings.clusterNodes, { lazyConnect: true, redisOptions: { maxRetriesPerRequest: 2 } })
    : new Redis(settings.url!, { maxRetriesPerRequest: 2, lazyConnect: true });
  let lastLogged = 0;
  redis.on('error', (err: Error) => {
    // ioredis reconnects by itself; /readyz reports the outage. Log at most every 10 s.
    if (Date.now() - lastLogged > 10_000) {
      lastLogged = Date.now();
      log.warn({ err }, 'redis connection error');
    }
  });
  traceRedis(redis);
  coalesceWrites(redis);
  try {
    await redis.connect();
    if (redis instanceof Cluster) await clusterReady(redis);
    await checkDurability(redis, settings, production, log);
  } catch (err) {
    redis.disconnect();
    throw err;
  }
  const masters = () => (redis instanceof Cluster ? redis.nodes('master') : [redis]);
  return {
    redis,
    async waitReplicas() {
      const wanted = settings.waitReplicas;
      if (wanted <= 0) return;
      const acked = await Promise.all(masters().map((node) => node.wait(wanted, settings.waitTimeoutMs)));
      const got = Math.min(...acked);
      if (got < wanted) throw new ReplicaWaitError(wanted, got, settings.waitTimeoutMs);
    },
    async close() {
      const quit = redis.quit().catch(() => {});
      await Promise.race([quit, new Promise((r) => setTimeout(r, 1000).unref())]);
      redis.disconnect();
    },
  };
}

const COALESCED = Symbol('kyc.coalescedWrites');

/**
 * Commands sent in one tick leave in one `writev` instead of one `write(2)` each: the connection's
 * socket is corked at the first write of a tick and uncorked on the next one. Under load one read
 * of Redis replies resolves many awaits at once, and each sends its next command in the same
 * tick. Order and replies are unchanged (the same bytes, in the same order, on the same socket).
 * For a Cluster, every node connection, including those it adds later.
 */
export function coalesceWrites(client: RedisClient): void {
  if (client instanceof Cluster) {
    for (const node of client.nodes()) coalesceWrites(node);
    client.on('+node', (node: Redis) => coalesceWrites(node));
    return;
  }
  const patch = () => {
    const socket = client.stream as (Socket & { [COALESCED]?: true }) | undefined;
    if (!socket || socket[COALESCED]) return;
    socket[COALESCED] = true;
    const write = socket.write;
    socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
      if (this.writableCorked === 0) {
        this.cork();
        process.nextTick(() => this.uncork());
      }
      return write.apply(this, args);
    } as Socket['write'];
  };
  patch();
  client.on('connect', patch);
}

/** `connect()` on a Cluster resolves when the slots are known; commands can still be refused until then. */
async function clusterReady(cluster: Cluster): Promise<void> {
  if (cluster.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    cluster.once('ready', () => resolve());
    cluster.once('end', () => reject(new Error('Redis Cluster connection ended before it was ready')));
  });
}

async function configValue(node: Redis, name: string): Promise<string | null> {
  const reply = (await node.config('GET', name)) as string[];
  return reply.length >= 2 ? reply[1] : null;
}

async function checkDurability(redis: RedisConnection, settings: RedisSettings, production: boolean, log: Logger): Promise<void> {
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    const where = `${node.options.host}:${node.options.port}`;
    let appendonly: string | null;
    let policy: string | null;
    try {
      [appendonly, policy] = await Promise.all([configValue(node, 'appendonly'), configValue(node, 'maxmemory-policy')]);
    } catch (err) {
      // managed services may rename or forbid CONFIG: nothing to check against
      log.warn({ err, redis: where }, 'could not read Redis persistence settings (CONFIG GET); make sure AOF is on and maxmemory-policy is noeviction');
      continue;
    }
    if (appendonly === 'no') {
      if (production && !settings.allowNoAof) {
        throw new RedisDurabilityError(
          `Redis at ${where} runs with appendonly no: an acknowledged webhook would be lost when it restarts. ` +
            'Turn AOF on (appendonly yes, appendfsync everysec or always), or set REDIS_ALLOW_NO_AOF=true to start anyway.',
        );
      }
      log.warn({ redis: where }, 'Redis runs without AOF (appendonly no): acknowledged webhooks are lost if it restarts');
    }
    if (policy !== null && policy !== 'noeviction') {
      log.warn({ redis: where, maxmemoryPolicy: policy }, 'Redis maxmemory-policy is not noeviction: under memory pressure it may evict records, idempotency keys and inbox entries');
    }
  }
}
