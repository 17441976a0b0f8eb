// UpPass's settings: the common ones (webhook auth may be `none`: the UpPass portal documents a
// "No Auth" webhook, provider-specs/uppass.md) and the form a routed start opens.
import { ConfigError, type Env } from '../../env.js';
import { commonSettings, type ProviderConfig } from '../settings.js';

export interface UpPassSettings {
  provider: ProviderConfig;
  /** `UPPASS_FORM_SLUG`: the UpPass form a routed start opens. Default `kyc-onboarding`. */
  formSlug: string;
}

export function parseSettings(env: Env): UpPassSettings {
  const provider = commonSettings(env, 'uppass', { webhookAuthOptional: true });
  const formSlug = env.UPPASS_FORM_SLUG || 'kyc-onboarding';
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/.test(formSlug)) {
    throw new ConfigError('UPPASS_FORM_SLUG', 'must be an UpPass flow slug (letters, digits, - and _; at most 100)');
  }
  return { provider, formSlug };
}
