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

/**
 * A Lua script: its source alone takes one key; else how many keys it takes, or 'first argument'
 * when each call passes its number of keys first.
 */
export type ScriptDef = string | { lua: string; keys: number | 'first argument' };

/** Defines the Lua scripts once per connection (EVALSHA after the first call). */
export function defineScripts<S>(redis: RedisClient, scripts: Record<string, ScriptDef>): RedisClient & S {
  for (const [name, def] of Object.entries(scripts)) {
    if (name in redis) continue;
    const { lua, keys } = typeof def === 'string' ? { lua: def, keys: 1 } : def;
    redis.defineCommand(name, keys === 'first argument' ? { lua } : { numberOfKeys: keys, lua });
  }
  return redis as RedisClient & S;
}

