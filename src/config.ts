// Reads the environment into one typed, validated config. A bad value stops startup with a
// message naming the variable; secrets are never echoed back.
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './server/limits.js';
import { type ApiKeyEntry, parseApiKeys } from './server/auth.js';
import { DEFAULT_RESILIENCE, type ResilienceOptions } from './providers/resilience.js';
import { parseRoutingPolicy, type RoutingPolicy } from './services/routing-policy.js';
import { loadRedisSettings, type RedisSettings } from './redis/settings.js';

export const PROVIDER_KEYS = ['uppass', 'pawapass', 'argos', 'upvest', 'uphold'] as const;
export type ProviderKey = (typeof PROVIDER_KEYS)[number];

export interface ProviderConfig {
  /** `sandbox` (default): the simulator runs in-process; `live`: the real API. Live when `<P>_API_KEY` is set. */
  mode: 'sandbox' | 'live';
  /** `<P>_BASE_URL`; in sandbox it is ignored and the in-process simulator is used. */
  baseUrl: string | null;
  /** `<P>_API_KEY`; in sandbox a random key shared only with the in-process simulator. */
  apiKey: string;
  /** `<P>_WEBHOOK_SECRETS`, comma-separated; every one is accepted (rotation). Sandbox: random. */
  webhookSecrets: string[];
  /** `<P>_TIMEOUT_MS`, deadline of every call to the provider. Default 10000. */
  timeoutMs: number;
  /**
   * `required` (default): webhooks must authenticate with one of `webhookSecrets`. `none`: only
   * for providers that document no webhook auth (`UPPASS_WEBHOOK_AUTH=none`, the UpPass portal's
   * "No Auth"); the server warns loudly at start.
   */
  webhookAuth: 'required' | 'none';
}

/** Providers whose webhooks may run without auth: they document none (provider-specs/uppass.md). */
const WEBHOOK_AUTH_OPTIONAL: readonly ProviderKey[] = ['uppass'];

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
  /** Upvest's OAuth2 client and request-signing key (see `upvestConfig`). */
  upvest: UpvestConfig;
  /** Uphold KYC Connector settings beyond the common provider ones. */
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
  /** `UPPASS_FORM_SLUG`: the UpPass form a routed start opens. Default `kyc-onboarding`. */
  uppassFormSlug: string;
}

function routingSettings(env: Env): RoutingSettings {
  let policy: RoutingPolicy | null = null;
  if (env.ROUTING_POLICY && env.ROUTING_POLICY.trim()) {
    try {
      policy = parseRoutingPolicy(env.ROUTING_POLICY);
    } catch (err) {
      throw new ConfigError('ROUTING_POLICY', (err as Error).message);
    }
  }
  const uppassFormSlug = env.UPPASS_FORM_SLUG || 'kyc-onboarding';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(uppassFormSlug)) {
    throw new ConfigError('UPPASS_FORM_SLUG', 'must be an UpPass flow slug (letters, digits, - and _; at most 100)');
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

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${n}`);
  return n;
}

function url(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got ${JSON.stringify(raw)}`);
  }
  if (!['http:', 'https:', 'redis:', 'rediss:'].includes(parsed.protocol)) {
    throw new ConfigError(name, `has an unsupported scheme ${parsed.protocol}`);
  }
  return raw.replace(/\/+$/, '');
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got ${JSON.stringify(raw)}`);
}

const randomSecret = () => randomBytes(32).toString('hex');

function provider(env: Env, key: ProviderKey): ProviderConfig {
  const P = key.toUpperCase();
  const apiKey = env[`${P}_API_KEY`];
  const live = apiKey !== undefined && apiKey !== '';
  const secrets = (env[`${P}_WEBHOOK_SECRETS`] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const authRaw = (env[`${P}_WEBHOOK_AUTH`] ?? '').trim().toLowerCase();
  if (authRaw !== '' && !WEBHOOK_AUTH_OPTIONAL.includes(key)) throw new ConfigError(`${P}_WEBHOOK_AUTH`, 'is not a setting of this provider (its webhooks are always verified)');
  if (authRaw !== '' && authRaw !== 'basic' && authRaw !== 'none') throw new ConfigError(`${P}_WEBHOOK_AUTH`, `must be basic or none, got ${JSON.stringify(authRaw)}`);
  const webhookAuth = authRaw === 'none' ? 'none' : 'required';
  if (webhookAuth === 'none' && secrets.length) throw new ConfigError(`${P}_WEBHOOK_AUTH`, `is none but ${P}_WEBHOOK_SECRETS is set; unset one of them`);
  if (live && secrets.length === 0 && webhookAuth === 'required') {
    throw new ConfigError(
      `${P}_WEBHOOK_SECRETS`,
      `is required when ${P}_API_KEY is set (webhooks are verified)${WEBHOOK_AUTH_OPTIONAL.includes(key) ? `, unless ${P}_WEBHOOK_AUTH=none` : ''}`,
    );
  }
  return {
    mode: live ? 'live' : 'sandbox',
    baseUrl: url(env, `${P}_BASE_URL`),
    apiKey: live ? apiKey : randomSecret(),
    webhookSecrets: secrets.length ? secrets : [randomSecret()],
    timeoutMs: int(env, `${P}_TIMEOUT_MS`, 10_000, 1, 600_000),
    webhookAuth,
  };
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent; got ${JSON.stringify(logLevel)}`);
  }
  const redisUrl = url(env, 'REDIS_URL');
  if (redisUrl && !/^rediss?:/.test(redisUrl)) throw new ConfigError('REDIS_URL', 'must start with redis:// or rediss://');
  const providers = Object.fromEntries(PROVIDER_KEYS.map((k) => [k, provider(env, k)])) as Record<ProviderKey, ProviderConfig>;
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
    upvest: upvestConfig(env),
    uphold: loadUpholdSettings(env),
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
    routing: routingSettings(env),
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

export interface UpvestConfig {
  /** Live when `UPVEST_CLIENT_ID` is set; otherwise sandbox with generated credentials and keys. */
  mode: 'sandbox' | 'live';
  /** `UPVEST_CLIENT_ID` (uuid): sent as `upvest-client-id` and as the OAuth2 client id. */
  clientId: string;
  /** `UPVEST_CLIENT_SECRET`: the OAuth2 client secret. */
  clientSecret: string;
  /** `UPVEST_SIGNING_KEY`: PEM private key (Ed25519 or ECDSA P-521) that signs every request. `\n` escapes allowed. */
  signingKeyPem: string;
  /** `UPVEST_SIGNING_KEY_ID`: the keyid Upvest gave the public half of the signing key. */
  signingKeyId: string;
  /** `UPVEST_WEBHOOK_DELAY_MS`: sandbox only, how long the simulator gathers events into one delivery. Default 100. */
  webhookDelayMs: number;
  /** `UPVEST_VERIFY_KEYS_MIN_REFETCH_MS`: an unknown webhook keyid refetches the JWKS at most this often. Default 10000. */
  verifyKeysMinRefetchMs: number;
}

/** Upvest authenticates with OAuth2 + signed requests, not an API key; this reads its own variables. */
export function upvestConfig(env: Env): UpvestConfig {
  const clientId = env.UPVEST_CLIENT_ID;
  const live = clientId !== undefined && clientId !== '';
  const webhookDelayMs = int(env, 'UPVEST_WEBHOOK_DELAY_MS', 100, 0, 60_000);
  const verifyKeysMinRefetchMs = int(env, 'UPVEST_VERIFY_KEYS_MIN_REFETCH_MS', 10_000, 0, 86_400_000);
  if (!live) {
    // sandbox: a fresh client and key pair per process, shared only with the in-process simulator
    const { privateKey } = generateKeyPairSync('ed25519');
    return {
      mode: 'sandbox',
      clientId: randomUUID(),
      clientSecret: randomSecret(),
      signingKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      signingKeyId: randomUUID(),
      webhookDelayMs,
      verifyKeysMinRefetchMs,
    };
  }
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(clientId)) throw new ConfigError('UPVEST_CLIENT_ID', 'must be a UUID');
  for (const name of ['UPVEST_CLIENT_SECRET', 'UPVEST_SIGNING_KEY', 'UPVEST_SIGNING_KEY_ID', 'UPVEST_BASE_URL']) {
    if (!env[name]) throw new ConfigError(name, 'is required when UPVEST_CLIENT_ID is set');
  }
  const pem = env.UPVEST_SIGNING_KEY!.replace(/\\n/g, '\n');
  let key;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new ConfigError('UPVEST_SIGNING_KEY', 'is not a PEM private key');
  }
  const p521 = key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'secp521r1';
  if (key.asymmetricKeyType !== 'ed25519' && !p521) throw new ConfigError('UPVEST_SIGNING_KEY', 'must be an Ed25519 or ECDSA P-521 key');
  return {
    mode: 'live',
    clientId,
    clientSecret: env.UPVEST_CLIENT_SECRET!,
    signingKeyPem: pem,
    signingKeyId: env.UPVEST_SIGNING_KEY_ID!,
    webhookDelayMs,
    verifyKeysMinRefetchMs,
  };
}

export interface UpholdSettings {
  /** `UPHOLD_CLIENT_ID`, the OAuth2 client id; its secret is `UPHOLD_API_KEY`. Required in live mode. */
  clientId: string;
  /** `UPHOLD_SCOPE`, space-separated scopes asked for with the client-credentials token. */
  scope: string;
  /** `UPHOLD_VERIFF_INTEGRATION`, the Veriff integration name registered with Uphold. Default `default`. */
  veriffIntegrationName: string;
  /** `UPHOLD_SANDBOX_STEP_MS`, how long the sandbox worker takes per status step. Default 500. */
  sandboxStepMs: number;
  /** `UPHOLD_SANDBOX_TOKEN_TTL_S`, lifetime of sandbox access tokens. Default 600 (the documented example). */
  sandboxTokenTtlSeconds: number;
  /**
   * `UPHOLD_USER_ID`: set for a single-user client (its tokens are that user's): no
   * `X-On-Behalf-Of` header is sent and `createIngestion` accepts only this `userId`. Unset
   * (default): an organisation-wide client, which names the user in `X-On-Behalf-Of`.
   */
  userId: string | null;
}

export const UPHOLD_DEFAULT_SCOPE = [
  'kyc-connector.sumsub.ingestions:create',
  'kyc-connector.sumsub.ingestions:read',
  'kyc-connector.veriff.ingestions:create',
  'kyc-connector.veriff.ingestions:read',
  'core.kyc:read',
  'core.users:act-on-behalf-of',
].join(' ');

// Standard Webhooks secrets: `whsec_` + base64 (the prefix is optional)
const STANDARD_WEBHOOK_SECRET = /^(whsec_)?(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The default scope of a single-user client: it does not act on behalf of other users. */
export const UPHOLD_SINGLE_USER_DEFAULT_SCOPE = UPHOLD_DEFAULT_SCOPE.split(' ').filter((s) => s !== 'core.users:act-on-behalf-of').join(' ');

export function loadUpholdSettings(env: Env): UpholdSettings {
  const live = !!env.UPHOLD_API_KEY;
  const userId = env.UPHOLD_USER_ID?.trim() || null;
  if (userId && !/^[\x21-\x7e]{1,256}$/.test(userId)) throw new ConfigError('UPHOLD_USER_ID', 'must be an Uphold user id (printable, no spaces, at most 256 characters)');
  const clientId = env.UPHOLD_CLIENT_ID ?? '';
  if (live && !clientId) throw new ConfigError('UPHOLD_CLIENT_ID', 'is required when UPHOLD_API_KEY (the OAuth2 client secret) is set');
  for (const s of (env.UPHOLD_WEBHOOK_SECRETS ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!STANDARD_WEBHOOK_SECRET.test(s)) throw new ConfigError('UPHOLD_WEBHOOK_SECRETS', 'must be Standard Webhooks secrets (whsec_ followed by base64)');
  }
  return {
    clientId: clientId || 'kyc-graph-sandbox',
    scope: env.UPHOLD_SCOPE?.trim() || (userId ? UPHOLD_SINGLE_USER_DEFAULT_SCOPE : UPHOLD_DEFAULT_SCOPE),
    veriffIntegrationName: env.UPHOLD_VERIFF_INTEGRATION?.trim() || 'default',
    sandboxStepMs: int(env, 'UPHOLD_SANDBOX_STEP_MS', 500, 0, 600_000),
    sandboxTokenTtlSeconds: int(env, 'UPHOLD_SANDBOX_TOKEN_TTL_S', 600, 1, 86_400),
    userId,
  };
}

export interface IngestionPollingSettings {
  /** `INGESTION_POLL_INTERVAL_MS`, how often the poller looks for quiet unfinished ingestions. Default 5000; 0 turns it off. */
  intervalMs: number;
  /** `INGESTION_POLL_QUIET_MS`, an unfinished ingestion not heard of for this long is polled. Default 10000. */
  quietMs: number;
  /** `INGESTION_POLL_MAX_PER_TICK`, at most this many provider reads per interval. Default 20. */
  maxPerTick: number;
}

export function loadIngestionPolling(env: Env): IngestionPollingSettings {
  return {
    intervalMs: int(env, 'INGESTION_POLL_INTERVAL_MS', 5000, 0, 3_600_000),
    quietMs: int(env, 'INGESTION_POLL_QUIET_MS', 10_000, 0, 86_400_000),
    maxPerTick: int(env, 'INGESTION_POLL_MAX_PER_TICK', 20, 1, 1000),
  };
}
