// Uphold KYC Connector settings beyond the common ones: the OAuth2 client, scopes, the Veriff
// integration, a single-user client's user id, and the sandbox worker's pace.
import { ConfigError, type Env, int } from '../../env.js';
import { commonSettings, type ProviderConfig } from '../settings.js';

export interface UpholdProviderSettings {
  provider: ProviderConfig;
  uphold: UpholdSettings;
}

export function parseSettings(env: Env): UpholdProviderSettings {
  return { provider: commonSettings(env, 'uphold'), uphold: loadUpholdSettings(env) };
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
