// Upstream resilience: safe retries only, Retry-After honoured, a circuit breaker per provider
// that bounds calls to a failing provider, and nothing stored changes when a provider fails.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import type { PawaPassAdapter } from '../src/providers/pawapass/index.js';
import type { PawaPassSimulator } from '../src/providers/pawapass/simulator.js';
import { GetVerificationDocument, StartPawaPassDocument } from './generated/graphql.js';
import { firstError, graphqlRequest, ok, until } from './support/client.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';

let server: TestServer;
let sim: PawaPassSimulator;
let adapter: PawaPassAdapter;
const fault = (f: object) => fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(f) });
const clearFault = () => fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'DELETE' });

async function start() {
  return ok(
    await server.gql(StartPawaPassDocument, {
      input: { subjectId: 'r', externalId: 'r', requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' },
    }),
  ).startPawaPassVerification;
}

beforeAll(async () => {
  server = await startServer({ STATUS_MAX_AGE_MS: '0', RETRY_BASE_MS: '10', BREAKER_THRESHOLD: '3', BREAKER_HALF_OPEN_MS: '400' });
  adapter = server.app.adapters.get('PAWAPASS') as PawaPassAdapter;
  sim = adapter.simulator!;
});
afterEach(async () => {
  await clearFault();
  server.app.services.resilience.reset();
});
afterAll(() => server.close());

describe('retries', () => {
  it('a GET is retried on 503 and succeeds within three attempts', async () => {
    const v = await start();
    await fault({ status: 503, times: 2 });
    const before = sim.requests.total;
    expect((await adapter.client.getVerification(v.providerRef))?.id).toBe(v.providerRef);
    expect(sim.requests.total - before).toBe(3);
  });

  it('a GET gives up after three attempts with PROVIDER_UNAVAILABLE', async () => {
    const v = await start();
    await fault({ status: 502, times: 3 });
    const before = sim.requests.total;
    await expect(adapter.client.getVerification(v.providerRef)).rejects.toMatchObject({ extensions: { code: 'PROVIDER_UNAVAILABLE', httpStatus: 502 } });
    expect(sim.requests.total - before).toBe(3);
  });

  it('a POST without a provider idempotency key is never retried', async () => {
    await fault({ status: 503, times: 1 });
    const before = sim.requests.total;
    const res = await server.gql(StartPawaPassDocument, {
      input: { subjectId: 'r', externalId: 'once', requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' },
    });
    expect(firstError(res)?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    expect(sim.requests.total - before).toBe(1);
  });

  it('a short Retry-After is waited for; a long one is returned as RATE_LIMITED without retrying', async () => {
    const v = await start();
    await fault({ status: 429, times: 1, retryAfter: 1 });
    let before = sim.requests.total;
    expect((await adapter.client.getVerification(v.providerRef))?.id).toBe(v.providerRef);
    expect(sim.requests.total - before).toBe(2);
    await fault({ status: 429, times: 1, retryAfter: 120 });
    before = sim.requests.total;
    await expect(adapter.client.getVerification(v.providerRef)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: 120 } });
    expect(sim.requests.total - before).toBe(1);
  });

  it('a hanging provider hits the deadline on each attempt', async () => {
    const v = await start();
    await fault({ delayMs: 1000, status: 200, times: 3 });
    const before = sim.requests.total;
    await expect(withProviderDeadline(server.app, 'PAWAPASS', 300, () => adapter.client.getVerification(v.providerRef))).rejects.toMatchObject({
      extensions: { code: 'PROVIDER_UNAVAILABLE' },
      message: expect.stringMatching(/no answer within 300 ms/),
    });
    expect(sim.requests.total - before).toBe(3);
    await until(() => sim.requests.inFlight === 0); // the simulator finishes the delayed answers
  });
});

describe('circuit breaker', () => {
  it('opens after repeated failures, bounds upstream calls while open, shows in readyz and providers, and recovers', async () => {
    const v = await start();
    await fault({ status: 503 }); // every call fails until cleared
    const before = sim.requests.total;
    const results = [];
    for (let i = 0; i < 10; i++) results.push(await adapter.client.getVerification(v.providerRef).catch((e) => e));
    expect(results.every((e) => e.extensions?.code === 'PROVIDER_UNAVAILABLE')).toBe(true);
    expect(results.at(-1).message).toMatch(/circuit open/);
    expect(sim.requests.total - before).toBe(3); // threshold 3: then every call fails fast

    // one provider's outage does not take the replica out of the balancer (DESIGN.md "health")
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()) as { degraded: string[] }).toMatchObject({ status: 'ready', degraded: ['pawapass'], down: [] });
    const states = await graphqlRequest(`${server.url}/graphql`, parse('{ providers { provider mode circuit } }') as never);
    const list = (states.data as { providers: { provider: string }[] }).providers;
    expect(list.find((p) => p.provider === 'PAWAPASS')).toEqual({ provider: 'PAWAPASS', mode: 'SANDBOX', circuit: 'OPEN' });
    expect(list.filter((p) => p.provider !== 'PAWAPASS').every((p) => (p as { circuit?: string }).circuit === 'CLOSED')).toBe(true);

    // reads still answer from the store while the provider is down; nothing stored changed
    expect(ok(await server.gql(GetVerificationDocument, { id: v.id })).verification).toMatchObject({ status: 'CREATED' });

    await clearFault();
    await new Promise((r) => setTimeout(r, 450));
    expect((await adapter.client.getVerification(v.providerRef))?.id).toBe(v.providerRef); // the probe
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ready', degraded: [] });
  });
});
