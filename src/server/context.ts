// What every resolver receives: who is asking, the per-request loaders, and the services.
import type { Logger } from 'pino';
import type { Provider } from '../domain/verification.js';
import type { EventBus } from '../events/contract.js';
import type { Loaders } from '../loaders/index.js';
import type { ProviderAdapter } from '../providers/contract.js';
import type { VerificationService } from '../services/verifications.js';
import type { IngestionService } from '../services/ingestions.js';
import type { Store } from '../store/contract.js';

export interface Services {
  store: Store;
  bus: EventBus;
  adapters: ReadonlyMap<Provider, ProviderAdapter>;
  verifications: VerificationService;
  ingestions: IngestionService;
  log: Logger;
}

export interface RequestContext {
  tenant: string;
  loaders: Loaders;
  services: Services;
}
