// Calls a provider over HTTP with a deadline. Timeouts and network failures become
// PROVIDER_UNAVAILABLE here; status-code mapping is each provider's own (its client.ts).
import { providerUnavailable } from '../errors.js';
import { recordUpstream, upstreamOutcome } from '../server/metrics.js';
import { requestIdHeaders } from '../server/request-context.js';

export interface ProviderCall {
  provider: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer | FormData;
  timeoutMs: number;
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
  upstreamCalls.set(call.provider, (upstreamCalls.get(call.provider) ?? 0) + 1);
  let res: Response;
  let text: string;
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    res = await fetch(call.url, {
      method: call.method,
      // the caller's request id travels to the provider (ignored where it has no use for it)
      headers: { ...requestIdHeaders(), ...call.headers },
      body: call.body as string | undefined,
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    text = await res.text();
  } catch (err) {
    const name = (err as Error)?.name;
    const timedOut = name === 'TimeoutError' || name === 'AbortError';
    recordUpstream(call.provider, null, timedOut ? 'timeout' : 'unreachable', seconds());
    if (timedOut) {
      throw providerUnavailable(call.provider, `no answer within ${call.timeoutMs} ms`);
    }
    throw providerUnavailable(call.provider, 'could not reach the provider');
  }
  recordUpstream(call.provider, res.status, upstreamOutcome(res.status), seconds());
  return {
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
