// The settings every provider has (`<P>_API_KEY`, `<P>_BASE_URL`, `<P>_WEBHOOK_SECRETS`,
// `<P>_TIMEOUT_MS`, `<P>_WEBHOOK_AUTH`), parsed the same way for each; a provider's own settings
// are parsed in its folder (`<name>/config.ts`), which calls `commonSettings` for these.
import { ConfigError, type Env, int, randomSecret, url } from '../env.js';

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
   * for providers that document no webhook auth (their config.ts passes `webhookAuthOptional`);
   * the server warns loudly at start.
   */
  webhookAuth: 'required' | 'none';
}

export interface CommonOptions {
  /** The provider documents webhooks without auth, so `<P>_WEBHOOK_AUTH=none` is allowed. */
  webhookAuthOptional?: boolean;
}

export function commonSettings(env: Env, key: ProviderKey, options: CommonOptions = {}): ProviderConfig {
  const P = key.toUpperCase();
  const optional = options.webhookAuthOptional === true;
  const apiKey = env[`${P}_API_KEY`];
  const live = apiKey !== undefined && apiKey !== '';
  const secrets = (env[`${P}_WEBHOOK_SECRETS`] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const authRaw = (env[`${P}_WEBHOOK_AUTH`] ?? '').trim().toLowerCase();
  if (authRaw !== '' && !optional) throw new ConfigError(`${P}_WEBHOOK_AUTH`, 'is not a setting of this provider (its webhooks are always verified)');
  if (authRaw !== '' && authRaw !== 'basic' && authRaw !== 'none') throw new ConfigError(`${P}_WEBHOOK_AUTH`, `must be basic or none, got ${JSON.stringify(authRaw)}`);
  const webhookAuth = authRaw === 'none' ? 'none' : 'required';
  if (webhookAuth === 'none' && secrets.length) throw new ConfigError(`${P}_WEBHOOK_AUTH`, `is none but ${P}_WEBHOOK_SECRETS is set; unset one of them`);
  if (live && secrets.length === 0 && webhookAuth === 'required') {
    throw new ConfigError(
      `${P}_WEBHOOK_SECRETS`,
      `is required when ${P}_API_KEY is set (webhooks are verified)${optional ? `, unless ${P}_WEBHOOK_AUTH=none` : ''}`,
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
