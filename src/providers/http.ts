// Calls a provider over HTTP: a deadline on every attempt, retries and a circuit breaker per
// provider (resilience.ts). Timeouts, network failures and an open circuit become
// PROVIDER_UNAVAILABLE here; status-code mapping is each provider's own (its client.ts).
import { Readable } from 'node:stream';
import { providerUnavailable } from '../errors.js';
import { BrokenCircuitError, UpstreamFailure, withResilience } from './resilience.js';
import { recordUpstream, upstreamOutcome } from '../server/metrics.js';
import { requestIdHeaders } from '../server/request-context.js';

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
  try {
    return await withResilience(call.provider, retryable, () => attempt(call));
  } catch (err) {
    if (err instanceof BrokenCircuitError) {
      throw providerUnavailable(call.provider, 'circuit open after repeated failures; failing fast until it recovers');
    }
    throw err;
  }
}

const TRANSIENT_STATUSES = new Set([429, 502, 503, 504]);

async function attempt(call: ProviderCall): Promise<ProviderResponse> {
  upstreamCalls.set(call.provider, (upstreamCalls.get(call.provider) ?? 0) + 1);
  let res: Response;
  let text: string;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    res = await fetch(call.url, {
      method: call.method,
      // the caller's request id travels to the provider (ignored where it has no use for it)
      headers: { ...requestIdHeaders(), ...(typeof call.headers === 'function' ? call.headers() : call.headers) },
      body: call.body as string | undefined,
      ...(call.body instanceof Readable ? { duplex: 'half' as const } : {}),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const name = (err as Error)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    recordUpstream(call.provider, null, timedOut ? 'timeout' : 'unreachable', seconds());
    const error = timedOut
      ? providerUnavailable(call.provider, `no answer within ${call.timeoutMs} ms`)
      : providerUnavailable(call.provider, 'could not reach the provider');
    throw new UpstreamFailure(true, true, null, error);
  }
  recordUpstream(call.provider, res.status, upstreamOutcome(res.status), seconds());
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
