// The list that registers the providers: their adapters and their GraphQL resolvers.
// Adding a provider means adding its folder and one line in each list below.
import type { Config } from '../config.js';
import type { ProviderAdapter } from './contract.js';
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
}

export function createAdapters(config: Config, urls: AdapterUrls): ProviderAdapter[] {
  return [
    new PawaPassAdapter({ config: config.providers.pawapass, ...urls, concurrency: config.providerConcurrency }),
    new UpPassAdapter({ config: config.providers.uppass, ...urls, concurrency: config.providerConcurrency }),
    new ArgosAdapter({ config: config.providers.argos, ...urls, concurrency: config.providerConcurrency }),
    new UpvestAdapter({ config: config.providers.upvest, upvest: config.upvest, ...urls }),
    new UpholdAdapter({ config: config.providers.uphold, settings: config.uphold, ...urls, concurrency: config.providerConcurrency }),
  ];
}

export const providerResolvers = [PawaPassResolver, UpPassResolver, ArgosResolver, UpvestResolver, UpholdResolver, UpholdIngestionResolver] as const;
