// Each provider's settings, parsed by its own folder's config.ts: the list config.ts calls.
// Adding a provider means adding its folder and one line here (and in ./index.ts).
import type { Env } from '../env.js';
import type { ProviderConfig, ProviderKey } from './settings.js';
import * as argos from './argos/config.js';
import * as pawapass from './pawapass/config.js';
import * as uphold from './uphold/config.js';
import * as uppass from './uppass/config.js';
import * as upvest from './upvest/config.js';

export interface ProviderSettings {
  providers: Record<ProviderKey, ProviderConfig>;
  upvest: upvest.UpvestConfig;
  uphold: uphold.UpholdSettings;
  uppassFormSlug: string;
}

export function loadProviderSettings(env: Env): ProviderSettings {
  const u = uppass.parseSettings(env);
  const p = pawapass.parseSettings(env);
  const a = argos.parseSettings(env);
  const v = upvest.parseSettings(env);
  const h = uphold.parseSettings(env);
  return {
    providers: { uppass: u.provider, pawapass: p.provider, argos: a.provider, upvest: v.provider, uphold: h.provider },
    upvest: v.upvest,
    uphold: h.uphold,
    uppassFormSlug: u.formSlug,
  };
}
