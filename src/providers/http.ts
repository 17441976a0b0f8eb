// Calls a provider over HTTP: a deadline on every attempt, retries and a circuit breaker per
// provider (resilience.ts). Timeouts, network failures and an open circuit become
// PROVIDER_UNAVAILABLE here; status-code mapping is each provider's own (its client.ts).
import { Readable } from 'node:stream';
import { providerUnavailable } from '../errors.js';
import { BrokenCircuitError, type ProviderResilience, UpstreamFailure } from './resilience.js';
import { recordUpstream, upstreamOutcome } from '../observability/metrics.js';
import { requestIdHeaders, sandboxTenantHeaders } from '../observability/request-context.js';
import { startProviderSpan } from '../observability/tracing.js';

export interface ProviderCall {
  provider: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /**
   * Headers of each attempt; a function is called again for every attempt (a retry then carries
   * a fresh request signature rather than one that may have expired meanwhile).
   */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** A Readable is streamed (sent once: it cannot be replayed by a retry). */
  body?: string | Buffer | FormData | Readable;
  /** Deadline of each attempt. */
  timeoutMs: number;
  /** True for a POST that carries the provider's own idempotency key, so a retry is safe. */
  idempotent?: boolean;
  /** The calling app's retry policy and circuit breakers (each app has its own). */
  resilience: ProviderResilience;
}

/**
 * A call that could not be sent at all: a header value or URL this process refuses to put on
 * the wire (a control character, a character outside what a header allows). It never left
 * the process, so it says nothing about the provider's health and never counts against its
 * circuit. Inputs are validated at the edge; this is the backstop (INTERNAL to the client).
 */
export class LocalRequestError extends Error {
  constructor(readonly provider: string, reason: string) {
    super(`request to ${provider} not sent: ${reason}`);
    this.name = 'LocalRequestError';
  }
}

/** RFC 9110 field-value as Node sends it: visible ASCII, spaces and tabs inside. */
const HEADER_VALUE = /^[\x21-\x7e]([\x20-\x7e\t]*[\x21-\x7e])?$|^$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Throws LocalRequestError when `call` cannot be sent as it is. */
function checkSendable(call: ProviderCall, headers: Record<string, string>) {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) throw new LocalRequestError(call.provider, `header name ${JSON.stringify(name)} is not a token`);
    if (typeof value !== 'string' || !HEADER_VALUE.test(value)) {
      throw new LocalRequestError(call.provider, `header ${name} holds a character an HTTP header cannot carry`);
    }
  }
  let url: URL;
  try {
    url = new URL(call.url);
  } catch {
    throw new LocalRequestError(call.provider, 'the URL is not valid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new LocalRequestError(call.provider, 'the URL is not http(s)');
}

export interface ProviderResponse {
  status: number;
  headers: Headers;
  text: string;
  json(): unknown;
}

/** Counts calls per provider; read by tests and metrics. */
export const upstreamCalls = new Map<string, number>();

export async function callProvider(call: ProviderCall): Promise<ProviderResponse> {
  // retries only what cannot create a second effect upstream (issue: GETs, idempotent POSTs)
  // a streamed body can be sent only once
  const retryable = (call.method === 'GET' || call.idempotent === true) && !(call.body instanceof Readable);
  // the caller's request id travels to the provider (ignored where it has no use for it); a
  // sandbox simulator in this process also learns the calling tenant (its faults are per tenant)
  const base = { ...requestIdHeaders(), ...sandboxTenantHeaders(call.url) };
  // headers given as a function are made again for every attempt (a fresh request signature)
  const headersFor = () => ({ ...base, ...(typeof call.headers === 'function' ? call.headers() : call.headers) });
  const first = headersFor();
  // refused before the breaker sees it: a request that never left is not an upstream failure
  checkSendable(call, first);
  let attempts = 0;
  try {
    return await call.resilience.run(call.provider, retryable, () => attempt(call, attempts++ === 0 ? first : headersFor()));
  } catch (err) {
    if (err instanceof BrokenCircuitError) {
      throw providerUnavailable(call.provider, 'circuit open after repeated failures; failing fast until it recovers');
    }
    throw err;
  }
}

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

async function attempt(call: ProviderCall, headers: Record<string, string>): Promise<ProviderResponse> {
  upstreamCalls.set(call.provider, (upstreamCalls.get(call.provider) ?? 0) + 1);
  let res: Response;
  let text: string;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const span = startProviderSpan(call.provider, call.method, call.url);
  try {
    res = await fetch(call.url, {
      method: call.method,
      // W3C traceparent when tracing is on (one span per attempt)
      headers: span ? { ...headers, ...span.headers } : headers,
      body: call.body as string | undefined,
      ...(call.body instanceof Readable ? { duplex: 'half' as const } : {}),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const name = (err as Error)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    // undici rejects with "fetch failed" (cause: the socket error) for what happened on the way;
    // any other error was raised here before the request left: not the provider's fault
    if (!timedOut && !(err instanceof TypeError && err.message === 'fetch failed')) {
      throw new LocalRequestError(call.provider, (err as Error)?.message ?? 'unknown');
    }
    recordUpstream(call.provider, null, timedOut ? 'timeout' : 'unreachable', seconds());
    span?.fail(timedOut ? 'timeout' : 'unreachable');
    const error = timedOut
      ? providerUnavailable(call.provider, `no answer within ${call.timeoutMs} ms`)
      : providerUnavailable(call.provider, 'could not reach the provider');
    throw new UpstreamFailure(true, true, null, error);
  }
  recordUpstream(call.provider, res.status, upstreamOutcome(res.status), seconds());
  span?.end(res.status);
  const response: ProviderResponse = {
    status: res.status,
    headers: res.headers,
    text,
    json() {
      try {
        return JSON.parse(text);
      } catch {
        throw providerUnavailable(call.provider, `answered ${res.status} with a body that is not JSON`, res.status);
      }
    },
  };
  if (TRANSIENT_STATUSES.has(res.status) || res.status >= 500) {
    throw new UpstreamFailure(TRANSIENT_STATUSES.has(res.status), res.status >= 500, retryAfterSeconds(res.headers.get('retry-after')), response);
  }
  return response;
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep input order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Seconds from a Retry-After header (delta-seconds or HTTP date), or null. */
export function retryAfterSeconds(value: string | null): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}
