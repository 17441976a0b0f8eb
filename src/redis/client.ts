// What the Redis store, event bus and inbox share: the client type (a single Redis or a Redis
// Cluster), reads of many keys that work on both, and Lua scripts defined once per connection.
import type { Cluster, Redis } from 'ioredis';

/** A single Redis or a Redis Cluster: the store, bus and inbox run on both. */
export type RedisClient = Redis | Cluster;

export const isCluster = (redis: RedisClient): redis is Cluster => (redis as Cluster).isCluster === true;

/**
 * GET of many keys: one MGET on a single Redis; on a cluster the keys live in many slots, so one
 * GET each, sent together (ioredis groups them per node).
 */
export async function getAll(redis: RedisClient, keys: string[]): Promise<(string | null)[]> {
  if (keys.length === 0) return [];
  if (!isCluster(redis)) return redis.mget(keys);
  return Promise.all(keys.map((k) => redis.get(k)));
}

/** Defines the Lua scripts once per connection (EVALSHA after the first call). */
export function defineScripts<S>(redis: RedisClient, scripts: Record<string, string>): RedisClient & S {
  for (const [name, lua] of Object.entries(scripts)) {
    if (!(name in redis)) redis.defineCommand(name, { numberOfKeys: 1, lua });
  }
  return redis as RedisClient & S;
}

