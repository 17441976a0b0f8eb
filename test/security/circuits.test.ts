// Issue 13 finding 1 and issue 12 point 5: a tenant cannot open a provider's circuit for every
// tenant with a value that cannot go into a header, and two apps in one process have their own
// circuit breakers.
import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callProvider } from '../../src/providers/http.js';
import { ProviderResilience } from '../../src/providers/resilience.js';
import { CreateIngestionDocument, CreateInstrumentFitCheckDocument, StartPawaPassDocument } from '../generated/graphql.js';
import { firstError, graphqlRequest, ok } from '../support/client.js';
import { startServer, type TestServer } from '../support/server.js';

const circuits = async (server: TestServer) => {
  const res = await graphqlRequest(`${server.url}/graphql`, parse('{ providers { provider circuit } }') as never);
  return Object.fromEntries((res.data as { providers: { provider: string; circuit: string }[] }).providers.map((p) => [p.provider, p.circuit]));
};
const ingestion = (userId: string, over: Record<string, unknown> = {}) => ({
  source: 'SUMSUB' as const,
  sourceVerificationRef: `approved-${randomUUID()}`,
  userId,
  processes: ['IDENTITY' as const],
  ...over,
});

describe('inputs that go into a provider header (finding 1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ BREAKER_THRESHOLD: '5' });
  });
  afterAll(() => server.close());

  it('a NUL in an Uphold userId is BAD_USER_INPUT naming the field, and never opens the circuit', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await server.gql(CreateIngestionDocument, { input: ingestion('u\u0000') });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
    }
    expect((await circuits(server)).UPHOLD).toBe('CLOSED');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    // another tenant's (here: the next) create still works
    expect(ok(await server.gql(CreateIngestionDocument, { input: ingestion('user-ok') })).createIngestion.userId).toBe('user-ok');
  });

  it('a unicode user id is refused clearly (it cannot travel in the on-behalf-of header), never counted against Uphold', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await server.gql(CreateIngestionDocument, { input: ingestion('usér-用户') });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.userId' });
      expect(firstError(res)?.message).toMatch(/header/);
    }
    expect((await circuits(server)).UPHOLD).toBe('CLOSED');
  });

  it('a NUL or control character in an Upvest idempotencyKey is BAD_USER_INPUT, never counted against Upvest', async () => {
    for (const key of ['k\u0000', 'k\r\nx-injected: 1', 'clé-ü']) {
      for (let i = 0; i < 3; i++) {
        const res = await server.gql(CreateInstrumentFitCheckDocument, {
          input: { userId: randomUUID(), idempotencyKey: key, checkConfirmedAt: new Date(Date.now() - 86_400_000).toISOString(), instrumentSuitability: { suitability: true } },
        });
        expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
      }
    }
    expect((await circuits(server)).UPVEST).toBe('CLOSED');
  });

  it('an error raised before a request leaves the process never counts against the circuit (http.ts backstop)', async () => {
    const resilience = new ProviderResilience({ breakerThreshold: 1, maxAttempts: 1 });
    for (let i = 0; i < 3; i++) {
      await expect(
        callProvider({ provider: 'X', method: 'GET', url: `${server.url}/healthz`, headers: { 'x-id': 'a\u0000b' }, timeoutMs: 1000, resilience }),
      ).rejects.toMatchObject({ name: 'LocalRequestError' });
    }
    expect(resilience.circuitStates(['X']).X).toBe('closed');
    // the same breaker still lets a good call through
    expect((await callProvider({ provider: 'X', method: 'GET', url: `${server.url}/healthz`, timeoutMs: 1000, resilience })).status).toBe(200);
  });
});

describe('two apps in one process (issue 12, point 5)', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startServer({ BREAKER_THRESHOLD: '2', RETRY_MAX_ATTEMPTS: '1' }), startServer({ BREAKER_THRESHOLD: '2', RETRY_MAX_ATTEMPTS: '1' })]);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('opening app A’s pawaPass circuit leaves app B’s closed, and B keeps creating', async () => {
    const input = { subjectId: 's', externalId: 'x', requirements: [{ type: 'DOCUMENT_SCAN' as const }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };
    await fetch(`${a.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 503 }) });
    for (let i = 0; i < 3; i++) expect(firstError(await a.gql(StartPawaPassDocument, { input }))?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
    expect((await circuits(a)).PAWAPASS).toBe('OPEN');
    expect((await circuits(b)).PAWAPASS).toBe('CLOSED');
    expect(ok(await b.gql(StartPawaPassDocument, { input })).startPawaPassVerification.status).toBe('CREATED');
    expect(a.app.services.resilience).not.toBe(b.app.services.resilience);
  });
});
