// The request id: one per HTTP request (or WebSocket operation), kept in AsyncLocalStorage so
// that logs, error extensions and upstream provider calls made on its behalf all carry it.
//
// Cost: on Node 20 and 22 an enabled AsyncLocalStorage runs async hooks on every promise of the
// process (about 4× the cost of a bare await), and it stays enabled once `run` was called. So the
// storage is enabled only while some scope is running (`withRequestScope` counts them and disables
// it when the last one settles), and the GraphQL-over-HTTP hot path does not enter it at all: its
// request id and tenant travel in the GraphQL context (server/graphql-http.ts), and only the work
// that may call a provider or write the audit trail runs in a scope. Work a scope started and
// did not await (a background continuation) may outlive it and then no longer sees its id.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** Header a client may send (and always gets back), and that upstream calls carry. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** An incoming id is reused only if it looks like one: short, no spaces or control characters. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export interface RequestScope {
  requestId: string;
  /** The authenticated tenant, once known (set by the GraphQL context). */
  tenant?: string;
  /** Who acts (audit trail): `<tenant>:<key id>`, `sandbox`, `provider:<name>`, `system:…`. */
  actor?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The client's own id when it sent a sensible one, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && ACCEPTABLE_ID.test(given) ? given : randomUUID();
}

/** The request id a graphql-ws `subscribe` message names in `extensions.requestId`, or a new one. */
export function requestIdOfPayload(payload: { extensions?: Record<string, unknown> | null }): string {
  const given = payload.extensions?.requestId;
  return requestIdFrom(typeof given === 'string' ? given : undefined);
}

/** Node 24+ runs AsyncLocalStorage on AsyncContextFrame (no hooks): nothing to switch off there. */
const DISABLE_WHEN_IDLE = Number(process.versions.node.split('.')[0]) < 24;
let running = 0;
let entered = 0;
/** How many request scopes were entered since the process started, and how many run now (tests, profiling). */
export function requestScopeStats(): { entered: number; running: number } {
  return { entered, running };
}
function left() {
  if (--running === 0 && DISABLE_WHEN_IDLE) storage.disable();
}

/**
 * Runs `fn` with `scope` as the current request scope (its request id, tenant and actor). The
 * storage is enabled while at least one such `fn` (sync, or the promise it returns) is running.
 */
export function withRequestScope<T>(scope: RequestScope, fn: () => T): T {
  running++;
  entered++;
  let result: T;
  try {
    result = storage.run(scope, fn);
  } catch (err) {
    left();
    throw err;
  }
  if (result && typeof (result as { then?: unknown }).then === 'function') (result as unknown as Promise<unknown>).then(left, left);
  else left();
  return result;
}

/** Runs `fn` with `requestId` as the current request id. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return withRequestScope({ requestId }, fn);
}

/** The current request id, or undefined outside any request (startup, timers). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Headers to add to an upstream call so the provider (or simulator) sees the same id. */
export function requestIdHeaders(): Record<string, string> {
  const id = currentRequestId();
  return id ? { [REQUEST_ID_HEADER]: id } : {};
}

/** pino mixin: adds `requestId` to every log line written inside a request. */
export function requestLogFields(): { requestId?: string } {
  const id = currentRequestId();
  return id ? { requestId: id } : {};
}

/** Records the authenticated tenant (and actor) of the current request (no-op outside a request). */
export function setCurrentTenant(tenant: string, actor?: string) {
  const scope = storage.getStore();
  if (scope) {
    scope.tenant = tenant;
    if (actor) scope.actor = actor;
  }
}

/** The actor of the current request or job, when known. */
export function currentActor(): string | undefined {
  return storage.getStore()?.actor;
}

/** Header naming the calling tenant on calls to an in-process sandbox simulator. */
export const SANDBOX_TENANT_HEADER = 'x-kyc-sandbox-tenant';

/**
 * The tenant header for a call to a sandbox simulator of this process (a loopback URL under
 * /sandbox/), so its injected faults hit only that tenant's requests. Never sent elsewhere: a live
 * provider does not learn tenant names.
 */
export function sandboxTenantHeaders(url: string): Record<string, string> {
  const tenant = storage.getStore()?.tenant;
  if (!tenant) return {};
  const m = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/sandbox\//.exec(url);
  return m ? { [SANDBOX_TENANT_HEADER]: tenant } : {};
}
