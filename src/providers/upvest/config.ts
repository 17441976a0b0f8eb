// Upvest's settings: it authenticates with OAuth2 + signed requests, not an API key, so beyond the
// common settings it reads its own variables (UPVEST_CLIENT_ID, UPVEST_SIGNING_KEY, ...).
import { createPrivateKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { ConfigError, type Env, int, randomSecret } from '../../env.js';
import { commonSettings, type ProviderConfig } from '../settings.js';

export interface UpvestSettings {
  provider: ProviderConfig;
  upvest: UpvestConfig;
}

export function parseSettings(env: Env): UpvestSettings {
  return { provider: commonSettings(env, 'upvest'), upvest: upvestConfig(env) };
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
