// Injected faults of a sandbox simulator, kept per tenant (DESIGN.md, "Doors closed"): a fault
// set by one tenant (POST /sandbox/{provider}/faults) is applied only to the API calls made for
// that tenant. The sandbox guard (server/sandbox-guard.ts) stamps the fault request with the
// caller's tenant; provider calls carry theirs (providers/http.ts), both in SANDBOX_TENANT_HEADER.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SANDBOX_TENANT_HEADER } from '../observability/request-context.js';

/** A request (or its headers), or the response whose request it is. */
type HasHeaders = { headers: Record<string, string | string[] | undefined> } | ServerResponse;

function tenantOf(r: HasHeaders): string {
  const req: { headers: Record<string, string | string[] | undefined> } | undefined = 'setHeader' in r ? (r.req as IncomingMessage | undefined) : r;
  const v = req?.headers?.[SANDBOX_TENANT_HEADER];
  return typeof v === 'string' ? v : '';
}

export class TenantFaults<F> {
  private readonly byTenant = new Map<string, F>();

  /** The fault set by the tenant of this request (or response's request), if any. */
  get(r: HasHeaders): F | null {
    return this.byTenant.get(tenantOf(r)) ?? null;
  }

  /** Sets (or clears, with null) the fault of this request's tenant. */
  set(r: HasHeaders, fault: F | null): F | null {
    const tenant = tenantOf(r);
    if (fault === null) this.byTenant.delete(tenant);
    else this.byTenant.set(tenant, fault);
    return fault;
  }
}
