// What every resolver receives: who is asking, the per-request loaders, and the services.
import type { Logger } from 'pino';
import type { Loaders } from '../loaders/index.js';
import type { RequestScope } from '../observability/request-context.js';
import type { Services } from '../services/contract.js';
import type { Principal } from './auth.js';

export interface RequestContext {
  /** Who is asking: tenant and scopes (from the API key, or the sandbox tenant). */
  principal: Principal;
  /** `principal.tenant`: every record, loader key and event belongs to one. */
  tenant: string;
  loaders: Loaders;
  services: Services;
  /**
   * This request's id (`x-request-id`), tenant and actor, carried here rather than in
   * AsyncLocalStorage on the hot path (observability/request-context.ts); work that may call a
   * provider or write the audit trail runs in it (`withRequestScope`).
   */
  scope: RequestScope;
  /** `services.log` naming this request's id (a pino child, made on first use). */
  readonly log: Logger;
}

/**
 * The context of one request. `log` is a prototype getter over a plain field, so Apollo's
 * per-request shallow copy of the context (Object.assign) neither calls it nor loses it: the
 * child logger is made only when something logs.
 */
export class KycRequestContext implements RequestContext {
  private childLog: Logger | undefined = undefined;
  readonly tenant: string;

  constructor(
    readonly principal: Principal,
    readonly services: Services,
    readonly scope: RequestScope,
    readonly loaders: Loaders,
  ) {
    this.tenant = principal.tenant;
  }

  get log(): Logger {
    return (this.childLog ??= this.services.log.child({ requestId: this.scope.requestId }));
  }
}
