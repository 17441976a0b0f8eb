// The list that registers the providers: their adapters and their GraphQL resolvers.
// Adding a provider means adding its folder and one line in each list below.
import type { ProviderSettings } from './registry.js';
import type { ProviderKey } from './settings.js';
import type { ProviderAdapter } from './contract.js';
import type { ProviderResilience } from './resilience.js';
import { PawaPassAdapter } from './pawapass/index.js';
import { PawaPassResolver } from './pawapass/schema.js';
import { UpPassAdapter } from './uppass/index.js';
import { UpPassResolver } from './uppass/schema.js';
import { ArgosAdapter } from './argos/index.js';
import { ArgosResolver } from './argos/schema.js';
import { UpvestAdapter } from './upvest/index.js';
import { UpvestResolver } from './upvest/schema.js';
import { UpholdAdapter } from './uphold/index.js';
import { UpholdIngestionResolver, UpholdResolver } from './uphold/schema.js';

export interface AdapterUrls {
  /** How this server reaches itself (sandbox simulators). */
  localUrl: () => string;
  /** PUBLIC_URL: session pages and webhook targets. */
  publicUrl: () => string;
  /** The app's retry policy and circuit breakers (one set per app). */
  resilience: ProviderResilience;
  /** The page token of a sandbox session, carried in its url (sandbox-guard.ts checks it). */
  pageToken: (key: ProviderKey, ref: string) => string;
}

/** What the adapters read of the config (config.ts's Config has it all). */
export interface AdapterConfig extends Omit<ProviderSettings, 'uppassFormSlug'> {
  providerConcurrency: number;
  routing: { uppassFormSlug: string };
}

export function createAdapters(config: AdapterConfig, context: AdapterUrls): ProviderAdapter[] {
  // each adapter gets its own page-token function, bound to its key
  const urls = (key: ProviderKey) => ({ ...context, pageToken: (ref: string) => context.pageToken(key, ref) });
  return [
    new PawaPassAdapter({ config: config.providers.pawapass, ...urls('pawapass'), concurrency: config.providerConcurrency }),
    new UpPassAdapter({ config: config.providers.uppass, formSlug: config.routing.uppassFormSlug, ...urls('uppass'), concurrency: config.providerConcurrency }),
    new ArgosAdapter({ config: config.providers.argos, ...urls('argos'), concurrency: config.providerConcurrency }),
    new UpvestAdapter({ config: config.providers.upvest, upvest: config.upvest, ...urls('upvest') }),
    new UpholdAdapter({ config: config.providers.uphold, settings: config.uphold, ...urls('uphold'), concurrency: config.providerConcurrency }),
  ];
}

export const providerResolvers = [PawaPassResolver, UpPassResolver, ArgosResolver, UpvestResolver, UpholdResolver, UpholdIngestionResolver] as const;
