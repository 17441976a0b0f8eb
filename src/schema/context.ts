// What every resolver receives: who is asking, the per-request loaders, and the services.
import type { Loaders } from '../loaders/index.js';
import type { Services } from '../services/contract.js';
import type { Principal } from './auth.js';

export interface RequestContext {
  /** Who is asking: tenant and scopes (from the API key, or the sandbox tenant). */
  principal: Principal;
  /** `principal.tenant`: every record, loader key and event belongs to one. */
  tenant: string;
  loaders: Loaders;
  services: Services;
}
