// The REDIS_* settings (REDIS_URL itself is parsed in config.ts). Kept apart from connect.ts so
// that config.ts can import it without loading ioredis.
import { ConfigError } from '../env.js';

export interface RedisSettings {
  /** `REDIS_URL` (redis:// or rediss://): one Redis. */
  url: string | null;
  /** `REDIS_CLUSTER_NODES=host:port,…`: seed nodes of a Redis Cluster (instead of REDIS_URL). */
  clusterNodes: { host: string; port: number }[] | null;
  /** `REDIS_ALLOW_NO_AOF=true`: start in production even though Redis has `appendonly no`. */
  allowNoAof: boolean;
  /** `REDIS_WAIT_REPLICAS`: a webhook is acknowledged and a create answered only once this many replicas hold the write. Default 0. */
  waitReplicas: number;
  /** `REDIS_WAIT_TIMEOUT_MS`: how long such a write waits for its replicas before it fails. Default 1000. */
  waitTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

/** Reads the REDIS_* variables other than REDIS_URL (which config.ts parses). */
export function loadRedisSettings(env: Env, url: string | null): RedisSettings {
  const raw = env.REDIS_CLUSTER_NODES?.trim();
  let clusterNodes: RedisSettings['clusterNodes'] = null;
  if (raw) {
    if (url) throw new ConfigError('REDIS_CLUSTER_NODES', 'and REDIS_URL are both set; set only one (REDIS_CLUSTER_NODES for a Redis Cluster)');
    clusterNodes = raw.split(',').map((s) => s.trim()).filter(Boolean).map((node) => {
      const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(node);
      const port = m ? Number(m[2]) : 0;
      if (!m || port < 1 || port > 65535) throw new ConfigError('REDIS_CLUSTER_NODES', `must be host:port pairs separated by commas, got ${JSON.stringify(node)}`);
      return { host: m[1].replace(/^\[|\]$/g, ''), port };
    });
  }
  const allow = env.REDIS_ALLOW_NO_AOF?.trim() ?? '';
  if (allow && !/^(true|false|1|0)$/i.test(allow)) throw new ConfigError('REDIS_ALLOW_NO_AOF', `must be true or false, got ${JSON.stringify(allow)}`);
  return {
    url,
    clusterNodes,
    allowNoAof: /^(true|1)$/i.test(allow),
    waitReplicas: wholeNumber(env, 'REDIS_WAIT_REPLICAS', 0, 0, 16),
    waitTimeoutMs: wholeNumber(env, 'REDIS_WAIT_TIMEOUT_MS', 1000, 1, 60_000),
  };
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `must be a whole number between ${min} and ${max}, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

