// Injected faults of a sandbox simulator (DESIGN.md, "sandbox faults"): POST /faults with
// {"status": 503, "times": N, "delayMs": …, "retryAfter": …} makes the simulated API answer the
// next N calls with that status after that delay; DELETE clears. Faults are kept per tenant
// ("Doors closed"): one set by a tenant applies only to the API calls made for that tenant. The
// sandbox guard stamps the fault request with the caller's tenant; provider calls carry theirs,
// both in SANDBOX_TENANT_HEADER. The body of a faulted answer is the provider's own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/httpkit.js';
import { SANDBOX_TENANT_HEADER } from '../observability/request-context.js';
import { parseJson } from './http.js';

export interface Fault {
  /** HTTP status to answer; 0: only the delay. */
  status: number;
  /** Calls still to fault (Infinity: until cleared). */
  times: number;
  delayMs: number;
  /** Seconds for a `retry-after` header, or null. */
  retryAfter: number | null;
}

/** A request (or its headers), or the response whose request it is. */
export type HasHeaders = { headers: Record<string, string | string[] | undefined> } | ServerResponse;

export interface FaultsOptions<X> {
  /**
   * A provider's extra fault fields, read from the POST body (e.g. the one route to fail);
   * a string is the 400 message. Default: none.
   */
  extra?: (body: Record<string, unknown>) => X | string;
  /** The 400 body for a fault that is not understood. Default `{message}`. */
  invalid?: (message: string) => unknown;
  /** What the 400 says a fault needs. */
  hint?: string;
}

const HINT = 'give "status" (HTTP code to answer) and/or "delayMs"';

function tenantOf(r: HasHeaders): string {
  const req: { headers: Record<string, string | string[] | undefined> } | undefined = 'setHeader' in r ? (r.req as IncomingMessage | undefined) : r;
  const v = req?.headers?.[SANDBOX_TENANT_HEADER];
  return typeof v === 'string' ? v : '';
}

/** The `retry-after` header of a fault ({} when it sets none). */
export const retryAfterHeader = (f: Fault): Record<string, string> => (f.retryAfter != null ? { 'retry-after': String(f.retryAfter) } : {});

export class SandboxFaults<X extends object = Record<never, never>> {
  private readonly byTenant = new Map<string, Fault & X>();

  constructor(private readonly options: FaultsOptions<X> = {}) {}

  /** The fault set by the tenant of this request (or response's request), if any. */
  get(r: HasHeaders): (Fault & X) | null {
    return this.byTenant.get(tenantOf(r)) ?? null;
  }

  /** Sets (or clears, with null) the fault of this request's tenant. */
  set(r: HasHeaders, fault: (Fault & X) | null): (Fault & X) | null {
    if (fault === null) this.byTenant.delete(tenantOf(r));
    else this.byTenant.set(tenantOf(r), fault);
    return fault;
  }

  /** POST / DELETE /faults; false for any other method. */
  route(res: ServerResponse, method: string, rawBody: Buffer): boolean {
    if (method === 'DELETE') {
      this.set(res, null);
      sendJson(res, 200, { fault: null });
      return true;
    }
    if (method !== 'POST') return false;
    const invalid = (message: string) => sendJson(res, 400, this.options.invalid ? this.options.invalid(message) : { message });
    const b = parseJson(rawBody) as Record<string, unknown> | null | undefined;
    if (!b || (typeof b.status !== 'number' && typeof b.delayMs !== 'number')) {
      invalid(this.options.hint ?? HINT);
      return true;
    }
    const extra = this.options.extra ? this.options.extra(b) : ({} as X);
    if (typeof extra === 'string') {
      invalid(extra);
      return true;
    }
    const num = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);
    const fault = { status: num(b.status, 0), times: num(b.times, Infinity), delayMs: num(b.delayMs, 0), retryAfter: typeof b.retryAfter === 'number' ? b.retryAfter : null, ...extra };
    this.set(res, fault);
    sendJson(res, 200, { fault: { ...fault, times: Number.isFinite(fault.times) ? fault.times : null } });
    return true;
  }

  /**
   * Applies this tenant's fault to an API call (`applies` narrows which calls): counts it, waits
   * its delay, and returns it when the call must answer its status; null when the call goes on.
   */
  async take(r: HasHeaders, applies: (f: Fault & X) => boolean = () => true): Promise<(Fault & X) | null> {
    const f = this.get(r);
    if (!f || f.times <= 0 || !applies(f)) return null;
    f.times--;
    if (f.delayMs) await new Promise((resolve) => setTimeout(resolve, f.delayMs));
    return f.status ? f : null;
  }
}
