// Argos's settings: only the ones every provider has (providers/settings.ts).
import type { Env } from '../../env.js';
import { commonSettings, type ProviderConfig } from '../settings.js';

export interface ArgosSettings {
  provider: ProviderConfig;
}

export function parseSettings(env: Env): ArgosSettings {
  return { provider: commonSettings(env, 'argos') };
}
