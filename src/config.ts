// Reads the environment into one typed, validated config. A bad value stops startup with a
// message naming the variable; secrets are never echoed back.
import { randomBytes } from 'node:crypto';

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
}

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
  /** `LOG_LEVEL` (pino level or `silent`), default `info`. */
  logLevel: string;
  /** `STATUS_MAX_AGE_MS`: a non-final status older than this is refreshed from the provider when read. Default 15000. */
  statusMaxAgeMs: number;
  /** `PROVIDER_CONCURRENCY`: at most this many concurrent status calls per provider per request. Default 8. */
  providerConcurrency: number;
  /** `MAX_BODY_BYTES` of JSON bodies (GraphQL, webhooks). Default 1 MiB. */
  maxBodyBytes: number;
  providers: Record<ProviderKey, ProviderConfig>;
  /** Uphold KYC Connector settings beyond the common provider ones. */
  uphold: UpholdSettings;
  /** The polling safety net for ingestions whose webhooks do not come. */
  ingestionPolling: IngestionPollingSettings;
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
  if (live && secrets.length === 0) {
    throw new ConfigError(`${P}_WEBHOOK_SECRETS`, `is required when ${P}_API_KEY is set (webhooks are verified)`);
  }
  return {
    mode: live ? 'live' : 'sandbox',
    baseUrl: url(env, `${P}_BASE_URL`),
    apiKey: live ? apiKey : randomSecret(),
    webhookSecrets: secrets.length ? secrets : [randomSecret()],
    timeoutMs: int(env, `${P}_TIMEOUT_MS`, 10_000, 1, 600_000),
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
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || undefined,
    publicUrl: url(env, 'PUBLIC_URL'),
    production,
    introspection: bool(env, 'GRAPHQL_INTROSPECTION', !production),
    redisUrl,
    logLevel,
    statusMaxAgeMs: int(env, 'STATUS_MAX_AGE_MS', 15_000, 0, 86_400_000),
    providerConcurrency: int(env, 'PROVIDER_CONCURRENCY', 8, 1, 1000),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 100 * 1024 * 1024),
    providers: Object.fromEntries(PROVIDER_KEYS.map((k) => [k, provider(env, k)])) as Record<ProviderKey, ProviderConfig>,
    uphold: loadUpholdSettings(env),
    ingestionPolling: loadIngestionPolling(env),
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

export function loadUpholdSettings(env: Env): UpholdSettings {
  const live = !!env.UPHOLD_API_KEY;
  const clientId = env.UPHOLD_CLIENT_ID ?? '';
  if (live && !clientId) throw new ConfigError('UPHOLD_CLIENT_ID', 'is required when UPHOLD_API_KEY (the OAuth2 client secret) is set');
  for (const s of (env.UPHOLD_WEBHOOK_SECRETS ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!STANDARD_WEBHOOK_SECRET.test(s)) throw new ConfigError('UPHOLD_WEBHOOK_SECRETS', 'must be Standard Webhooks secrets (whsec_ followed by base64)');
  }
  return {
    clientId: clientId || 'kyc-graph-sandbox',
    scope: env.UPHOLD_SCOPE?.trim() || UPHOLD_DEFAULT_SCOPE,
    veriffIntegrationName: env.UPHOLD_VERIFF_INTEGRATION?.trim() || 'default',
    sandboxStepMs: int(env, 'UPHOLD_SANDBOX_STEP_MS', 500, 0, 600_000),
    sandboxTokenTtlSeconds: int(env, 'UPHOLD_SANDBOX_TOKEN_TTL_S', 600, 1, 86_400),
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
