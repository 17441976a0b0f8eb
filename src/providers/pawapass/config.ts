// PawaPass's settings: only the ones every provider has (providers/settings.ts).
import type { Env } from '../../env.js';
import { commonSettings, type ProviderConfig } from '../settings.js';

export interface PawaPassSettings {
  provider: ProviderConfig;
}

export function parseSettings(env: Env): PawaPassSettings {
  return { provider: commonSettings(env, 'pawapass') };
}
