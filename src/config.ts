// Reads the environment into one typed, validated config. A bad value stops startup with a
// message naming the variable; secrets are never echoed back.
import { bool, ConfigError, type Env, int, oneOf, url } from './env.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './server/limits.js';
import { type ApiKeyEntry, parseApiKeys } from './server/auth.js';
import { DEFAULT_RESILIENCE, type ResilienceOptions } from './providers/resilience.js';
import { parseRoutingPolicy, type RoutingPolicy } from './services/routing-policy.js';
import { loadRedisSettings, type RedisSettings } from './redis/settings.js';
import { loadProviderSettings } from './providers/registry.js';
import type { ProviderConfig, ProviderKey } from './providers/settings.js';
import type { UpvestConfig } from './providers/upvest/config.js';
import type { UpholdSettings } from './providers/uphold/config.js';
import type { IngestionPollingSettings } from './services/ingestions.js';

export { ConfigError } from './env.js';
export { PROVIDER_KEYS, type ProviderConfig, type ProviderKey } from './providers/settings.js';
export type { UpvestConfig } from './providers/upvest/config.js';
export type { UpholdSettings } from './providers/uphold/config.js';
export type { IngestionPollingSettings } from './services/ingestions.js';

export interface Config {
  /** `PORT`, default 4000; 0 picks a free port. */
  port: number;
  /** `HOST`, default all interfaces. */
  host: string | undefined;
  /** `PUBLIC_URL`, default `http://localhost:<port actually listened on>`. */
  publicUrl: string | null;
  /** `NODE_ENV === 'production'`: landing page and introspection off unless `GRAPHQL_INTROSPECTION=true`. */
  production: boolean;
  introspection: boolean;
  /**
   * `GRAPHQL_EXECUTOR`: `compiled` (default) runs queries over HTTP and each subscription event as
   * graphql-jit compiled functions (server/compiled-executor.ts); `graphql-js` runs every operation
   * on graphql-js.
   */
  graphqlExecutor: 'compiled' | 'graphql-js';
  /** `REDIS_URL`: unset → in-memory store and event bus. */
  redisUrl: string | null;
  /** REDIS_URL or REDIS_CLUSTER_NODES, durability checks and REDIS_WAIT_REPLICAS (src/redis/connect.ts). */
  redis: RedisSettings;
  /** `LOG_LEVEL` (pino level or `silent`), default `info`. */
  logLevel: string;
  /** `STATUS_MAX_AGE_MS`: a non-final status older than this is refreshed from the provider when read. Default 15000. */
  statusMaxAgeMs: number;
  /** `PROVIDER_CONCURRENCY`: at most this many concurrent status calls per provider per request. Default 8. */
  providerConcurrency: number;
  /** `INBOX_RECOVERY_AFTER_MS`: a recorded webhook not processed after this long is processed by the recovery loop. Default 5000. */
  inboxRecoveryAfterMs: number;
  /** `INBOX_MAX_DELIVERIES`: deliveries after which a failing webhook event moves to the dead letters. Default 10. */
  inboxMaxDeliveries: number;
  /** `REPLAY_WINDOW_MS`: how long subscription events stay resumable with `after`. Default 24 h. */
  replayWindowMs: number;
  /**
   * `RETENTION_DAYS` (default 0: off): records whose last change is older are erased by a
   * background sweep every `RETENTION_SWEEP_INTERVAL_MS` (default 60000), reading at most
   * `RETENTION_SWEEP_MAX_RECORDS` (default 100) records per tick.
   */
  retention: { days: number; intervalMs: number; maxPerTick: number };
  /** `MAX_BODY_BYTES` of JSON bodies (GraphQL, webhooks). Default 1 MiB. */
  maxBodyBytes: number;
  providers: Record<ProviderKey, ProviderConfig>;
  /** `API_KEYS`: JSON array of {sha256, tenant, scopes}; null = open sandbox (only allowed when every provider is in sandbox). */
  apiKeys: ApiKeyEntry[] | null;
  /** Query depth, alias, token, directive and cost limits (src/server/limits.ts). */
  queryLimits: QueryLimits;
  /** Retries and circuit breakers of provider calls (see src/providers/resilience.ts). */
  resilience: ResilienceOptions;
  /** Upvest's OAuth2 client and request-signing key (src/providers/upvest/config.ts). */
  upvest: UpvestConfig;
  /** Uphold KYC Connector settings beyond the common provider ones (src/providers/uphold/config.ts). */
  uphold: UpholdSettings;
  /** The polling safety net for ingestions whose webhooks do not come. */
  ingestionPolling: IngestionPollingSettings;
  /** Operations: CORS, readiness probes, shutdown (README "Operations"). */
  ops: OpsSettings;
  /** Security limits (DESIGN.md "Doors closed"; README "Security"). */
  security: SecuritySettings;
  /** The routed start (`startVerification`). */
  routing: RoutingSettings;
}

export interface RoutingSettings {
  /** `ROUTING_POLICY` (JSON country → providers); null = the default built from each provider's coverage. */
  policy: RoutingPolicy | null;
  /** `UPPASS_FORM_SLUG`: the UpPass form a routed start opens. Default `kyc-onboarding` (src/providers/uppass/config.ts). */
  uppassFormSlug: string;
}

function routingSettings(env: Env, uppassFormSlug: string): RoutingSettings {
  let policy: RoutingPolicy | null = null;
  if (env.ROUTING_POLICY && env.ROUTING_POLICY.trim()) {
    try {
      policy = parseRoutingPolicy(env.ROUTING_POLICY);
    } catch (err) {
      throw new ConfigError('ROUTING_POLICY', (err as Error).message);
    }
  }
  return { policy, uppassFormSlug };
}

export interface SecuritySettings {
  /** `SANDBOX_ROUTES=on`: serve /sandbox/… with NODE_ENV=production too. Default off (404). */
  sandboxRoutesInProduction: boolean;
  /** `WS_MAX_SUBSCRIPTIONS`: operations at once on one WebSocket. Default 100. */
  wsMaxSubscriptions: number;
  /** `APOLLO_FEDERATION_TRACES=on`: answer `apollo-federation-include-trace: ftv1` with inline traces. Default off. */
  federationTraces: boolean;
  /** `UPLOAD_TIMEOUT_MS`: a multipart (upload) request's body must arrive within this time, else 408 and its temp files deleted. Default 60000. */
  uploadTimeoutMs: number;
}

export interface OpsSettings {
  /**
   * `CORS_ORIGINS`: comma-separated origins a browser may call /graphql from; `*` any (refused in
   * production). Unset (null): development allows any http://localhost:* and http://127.0.0.1:*, production none.
   */
  corsOrigins: string[] | null;
  /** `PROVIDER_PROBE_INTERVAL_MS`: an open circuit is probed (one cheap GET) at most this often per provider. Default 30000. */
  providerProbeIntervalMs: number;
  /** `SHUTDOWN_DELAY_MS`: after SIGTERM, /readyz answers 503 draining and requests are still served this long before the server stops accepting. Default 2000. */
  shutdownDelayMs: number;
  /** `SHUTDOWN_GRACE_MS`: in-flight requests get this long to finish before their connections are closed. Default 5000. */
  shutdownGraceMs: number;
}

/** `CORS_ORIGINS` entries: `*`, or scheme://host[:port] exactly as a browser sends `Origin`. */
function corsOrigins(env: Env, production: boolean): string[] | null {
  const raw = env.CORS_ORIGINS;
  if (raw === undefined || raw.trim() === '') return null;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of list) {
    if (origin === '*') {
      if (production) throw new ConfigError('CORS_ORIGINS', 'must not be * when NODE_ENV=production (list the origins)');
      continue;
    }
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError('CORS_ORIGINS', `entries must be origins like https://app.example.com (scheme, host, optional port), got ${JSON.stringify(origin)}`);
    }
  }
  return list.map((o) => (o === '*' ? o : o.replace(/\/$/, '')));
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent; got ${JSON.stringify(logLevel)}`);
  }
  const redisUrl = url(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:/.test(redisUrl)) throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  // each provider's settings are parsed in its own folder (src/providers/<name>/config.ts)
  const { providers, upvest, uphold, uppassFormSlug } = loadProviderSettings(env);
  let apiKeys: ApiKeyEntry[] | null = null;
  if (env.API_KEYS) {
    try {
      apiKeys = parseApiKeys(env.API_KEYS);
    } catch (err) {
      throw new ConfigError('API_KEYS', (err as Error).message);
    }
  }
  const config: Config = {
    apiKeys,
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || undefined,
    publicUrl: url(env, 'PUBLIC_URL'),
    production,
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    graphqlExecutor: oneOf(env, 'GRAPHQL_EXECUTOR', ['compiled', 'graphql-js'] as const, 'compiled'),
    redisUrl,
    redis: loadRedisSettings(env, redisUrl),
    logLevel,
    statusMaxAgeMs: int(env, 'STATUS_MAX_AGE_MS', 15_000, 0, 86_400_000),
    providerConcurrency: int(env, 'PROVIDER_CONCURRENCY', 8, 1, 1000),
    inboxRecoveryAfterMs: int(env, 'INBOX_RECOVERY_AFTER_MS', 5000, 100, 3_600_000),
    inboxMaxDeliveries: int(env, 'INBOX_MAX_DELIVERIES', 10, 1, 1000),
    replayWindowMs: int(env, 'REPLAY_WINDOW_MS', 24 * 3600 * 1000, 60_000, 30 * 24 * 3600 * 1000),
    retention: {
      days: int(env, 'RETENTION_DAYS', 0, 0, 36_500),
      intervalMs: int(env, 'RETENTION_SWEEP_INTERVAL_MS', 60_000, 100, 86_400_000),
      maxPerTick: int(env, 'RETENTION_SWEEP_MAX_RECORDS', 100, 1, 10_000),
    },
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    providers,
    queryLimits: {
      maxDepth: int(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxAliases: int(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 1, 1000),
      maxTokens: int(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 10, 100_000),
      maxCost: int(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 10, 10_000_000),
      maxDirectives: int(env, 'GRAPHQL_MAX_DIRECTIVES', DEFAULT_QUERY_LIMITS.maxDirectives, 1, 1000),
    },
    resilience: {
      ...DEFAULT_RESILIENCE,
      maxAttempts: int(env, 'RETRY_MAX_ATTEMPTS', DEFAULT_RESILIENCE.maxAttempts, 1, 3),
      baseDelayMs: int(env, 'RETRY_BASE_MS', DEFAULT_RESILIENCE.baseDelayMs, 0, 60_000),
      breakerThreshold: int(env, 'BREAKER_THRESHOLD', DEFAULT_RESILIENCE.breakerThreshold, 1, 1000),
      halfOpenAfterMs: int(env, 'BREAKER_HALF_OPEN_MS', DEFAULT_RESILIENCE.halfOpenAfterMs, 10, 3_600_000),
    },
    upvest,
    uphold,
    ingestionPolling: loadIngestionPolling(env),
    ops: {
      corsOrigins: corsOrigins(env, production),
      providerProbeIntervalMs: int(env, 'PROVIDER_PROBE_INTERVAL_MS', 30_000, 100, 3_600_000),
      shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', 2000, 0, 5000),
      shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 5000, 0, 5000),
    },
    security: {
      sandboxRoutesInProduction: bool(env, 'SANDBOX_ROUTES', false),
      wsMaxSubscriptions: int(env, 'WS_MAX_SUBSCRIPTIONS', 100, 1, 100_000),
      federationTraces: bool(env, 'APOLLO_FEDERATION_TRACES', false),
      uploadTimeoutMs: int(env, 'UPLOAD_TIMEOUT_MS', 60_000, 100, 3_600_000),
    },
    routing: routingSettings(env, uppassFormSlug),
  };
  if (production && !apiKeys) {
    throw new ConfigError('API_KEYS', 'is required when NODE_ENV=production (without it anyone could call the API); create one with `npm run apikey`');
  }
  const live = Object.values(providers).some((p) => p.mode === 'live') || config.upvest.mode === 'live';
  if (!apiKeys && live) {
    throw new ConfigError('API_KEYS', 'is required when a provider is live (requests without a key are only allowed in the sandbox)');
  }
  return config;
}

export function loadIngestionPolling(env: Env): IngestionPollingSettings {
  return {
    intervalMs: int(env, 'INGESTION_POLL_INTERVAL_MS', 5000, 0, 3_600_000),
    quietMs: int(env, 'INGESTION_POLL_QUIET_MS', 10_000, 0, 86_400_000),
    maxPerTick: int(env, 'INGESTION_POLL_MAX_PER_TICK', 20, 1, 1000),
  };
}
