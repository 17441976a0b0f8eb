// Uphold KYC Connector end to end: GraphQL mutation → simulator over real HTTP (OAuth2 token,
// X-On-Behalf-Of) → worker → signed webhooks → graphql-ws subscribers.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upstreamCalls } from '../src/providers/http.js';
import type { UpholdAdapter } from '../src/providers/uphold/index.js';
import type { UpholdSimulator } from '../src/providers/uphold/simulator.js';
import {
  type CreateIngestionInput,
  CreateIngestionDocument,
  GetIngestionDocument,
  GetIngestionOverviewDocument,
  IngestionUpdatedDocument,
  type IngestionUpdatedSubscription,
  SubjectIngestionsDocument,
} from './generated/graphql.js';
import { firstError, graphqlRequest, ok, subscribe, type Subscription, until, wsClient } from './support/client.js';
import { startServer, type TestServer, withProviderDeadline } from './support/server.js';

let server: TestServer;
let sim: UpholdSimulator;
let adapter: UpholdAdapter;
let n = 0;

const input = (over: Partial<CreateIngestionInput> = {}): CreateIngestionInput => ({
  source: 'SUMSUB',
  sourceVerificationRef: `approved-_act-sbx-jwt-${++n}`,
  userId: `user-${n}`,
  processes: ['IDENTITY', 'PROOF_OF_ADDRESS'],
  ...over,
});

const create = async (over: Partial<CreateIngestionInput> = {}) => ok(await server.gql(CreateIngestionDocument, { input: input(over) })).createIngestion;

/** Subscribes and waits until the server holds the subscription, so no event can be missed. */
async function watch(variables: { id?: string; userId?: string }) {
  const client = wsClient(server.url);
  const before = server.app.services.bus.subscriberCount;
  const sub = subscribe(client, IngestionUpdatedDocument, variables);
  await until(() => server.app.services.bus.subscriberCount === before + 1);
  return {
    sub,
    async close() {
      sub.close();
      await client.dispose();
      // the server drops the subscription a moment later; wait, so the next count is exact
      await until(() => server.app.services.bus.subscriberCount === before);
    },
  };
}

async function untilFinished(sub: Subscription<IngestionUpdatedSubscription>) {
  for (;;) {
    const e = (await sub.next(5000)).ingestionUpdated;
    if (e.ingestion.status === 'FINISHED') return e;
  }
}

beforeAll(async () => {
  // the worker's default pace (about half a second a step), which subscribers must be able to follow
  server = await startServer({ INGESTION_POLL_INTERVAL_MS: '0' });
  adapter = server.app.adapters.get('UPHOLD') as unknown as UpholdAdapter;
  sim = adapter.simulator!;
});
afterAll(() => server.close());

describe('creating an ingestion', () => {
  it('creates a Sumsub ingestion over HTTP and returns it QUEUED with one PROCESSING result per requested process', async () => {
    const before = sim.requests.create;
    const i = await create({ sourceVerificationRef: 'approved-_act-sbx-jwt-create', userId: 'create-1', processes: ['PROFILE', 'IDENTITY', 'PROOF_OF_ADDRESS'] });
    expect(sim.requests.create).toBe(before + 1);
    expect(i).toMatchObject({
      provider: 'UPHOLD',
      source: 'SUMSUB',
      sourceVerificationRef: 'approved-_act-sbx-jwt-create',
      userId: 'create-1',
      processes: ['PROFILE', 'IDENTITY', 'PROOF_OF_ADDRESS'],
      status: 'QUEUED',
      providerStatus: 'queued',
      startedAt: null,
      finishedAt: null,
    });
    expect(i.results.map((r) => [r.process, r.status, r.error])).toEqual([
      ['PROFILE', 'PROCESSING', null],
      ['IDENTITY', 'PROCESSING', null],
      ['PROOF_OF_ADDRESS', 'PROCESSING', null],
    ]);
    // what Uphold holds: the Sumsub body with kebab-case processes, for the user given
    const raw = await adapter.client.getIngestion('sumsub', 'create-1', i.providerRef);
    expect(raw).toMatchObject({ provider: 'sumsub', userId: 'create-1', processes: ['profile', 'identity', 'proof-of-address'], parameters: { shareToken: 'approved-_act-sbx-jwt-create' } });
    const got = ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion;
    expect(got?.id).toBe(i.id);
  });

  it('creates a Veriff ingestion from an approved session, with the configured integration name', async () => {
    const i = await create({ source: 'VERIFF', sourceVerificationRef: 'approved-6f0a3c1e-veriff', userId: 'veriff-1', processes: ['PROFILE', 'IDENTITY'] });
    expect(i).toMatchObject({ source: 'VERIFF', sourceVerificationRef: 'approved-6f0a3c1e-veriff', status: 'QUEUED' });
    const raw = await adapter.client.getIngestion('veriff', 'veriff-1', i.providerRef);
    expect(raw?.parameters).toEqual({ sessions: [{ processes: ['profile', 'identity'], sessionId: 'approved-6f0a3c1e-veriff', integrationName: 'default' }] });
    const named = await create({ source: 'VERIFF', sourceVerificationRef: 'approved-7-veriff', userId: 'veriff-2', integrationName: 'integration-abc123' });
    expect((await adapter.client.getIngestion('veriff', 'veriff-2', named.providerRef))?.parameters).toMatchObject({ sessions: [{ integrationName: 'integration-abc123' }] });
  });

  it.each([
    ['pending-', 409, 'provider_verification_not_approved'],
    ['rejected-', 409, 'provider_verification_not_approved'],
    ['unknown-', 404, 'provider_verification_not_found'],
  ] as const)('refuses a source verification starting %s with PROVIDER_REJECTED %i %s and stores nothing', async (prefix, httpStatus, type) => {
    for (const source of ['SUMSUB', 'VERIFF'] as const) {
      const userId = `refused-${prefix}${source}`;
      const res = await server.gql(CreateIngestionDocument, { input: input({ source, sourceVerificationRef: `${prefix}abc`, userId, idempotencyKey: userId }) });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'UPHOLD', httpStatus, providerErrorType: type });
      expect(ok(await server.gql(SubjectIngestionsDocument, { id: userId })).subject?.ingestions.nodes).toEqual([]);
    }
  });

  it('returns the same Ingestion for a retried idempotencyKey and creates one ingestion upstream', async () => {
    const before = sim.requests.create;
    const args = input({ idempotencyKey: 'retry-me' });
    const [a, b] = await Promise.all([server.gql(CreateIngestionDocument, { input: args }), server.gql(CreateIngestionDocument, { input: args })]);
    const c = await server.gql(CreateIngestionDocument, { input: args });
    expect(ok(a).createIngestion.id).toBe(ok(b).createIngestion.id);
    expect(ok(c).createIngestion.id).toBe(ok(a).createIngestion.id);
    expect(sim.requests.create).toBe(before + 1);
  });

  it('refuses an idempotencyKey reused with a different input', async () => {
    ok(await server.gql(CreateIngestionDocument, { input: input({ idempotencyKey: 'k-other', processes: ['IDENTITY'] }) }));
    const res = await server.gql(CreateIngestionDocument, { input: input({ idempotencyKey: 'k-other', processes: ['PROFILE'] }) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });

  it.each([
    ['input.processes', { processes: [] }],
    ['input.processes', { processes: ['IDENTITY', 'PROFILE', 'IDENTITY'] }],
    ['input.sourceVerificationRef', { sourceVerificationRef: '' }],
    ['input.sourceVerificationRef', { sourceVerificationRef: 'approved-a\u0000b' }],
    ['input.userId', { userId: '' }],
    ['input.userId', { userId: 'two words' }],
    ['input.idempotencyKey', { idempotencyKey: '' }],
    ['input.integrationName', { source: 'SUMSUB', integrationName: 'integration-abc123' }],
  ] as const)('rejects bad input naming %s, before any provider call', async (field, over) => {
    const before = upstreamCalls.get('UPHOLD') ?? 0;
    const res = await server.gql(CreateIngestionDocument, { input: input(over as Partial<CreateIngestionInput>) });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(firstError(res)?.message).toContain(field);
    expect(upstreamCalls.get('UPHOLD') ?? 0).toBe(before);
  });

  it('rejects a process the connector does not know, before any provider call', async () => {
    const before = upstreamCalls.get('UPHOLD') ?? 0;
    const res = await server.gql(CreateIngestionDocument, { input: { ...input(), processes: ['SELFIE' as never] } });
    expect(firstError(res)?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(res)?.message).toMatch(/processes/);
    expect(upstreamCalls.get('UPHOLD') ?? 0).toBe(before);
  });
});

describe('the ingestion lifecycle', () => {
  it('a subscriber by userId, subscribed before the create, sees QUEUED, RUNNING and FINISHED with per-process results', async () => {
    const w = await watch({ userId: 'life-1' });
    const i = await create({ userId: 'life-1', processes: ['PROFILE', 'ADDRESS', 'IDENTITY', 'PROOF_OF_ADDRESS'] });
    const queued = (await w.sub.next()).ingestionUpdated;
    expect(queued).toMatchObject({ previousStatus: null, ingestion: { id: i.id, userId: 'life-1', status: 'QUEUED' } });
    const running = (await w.sub.next()).ingestionUpdated;
    expect(running).toMatchObject({ previousStatus: 'QUEUED', ingestion: { status: 'RUNNING', providerStatus: 'running' } });
    expect(running.ingestion.results.every((r) => r.status === 'PROCESSING')).toBe(true);
    const finished = (await w.sub.next()).ingestionUpdated;
    expect(finished).toMatchObject({ previousStatus: 'RUNNING', ingestion: { status: 'FINISHED', providerStatus: 'finished' } });
    expect(finished.ingestion.results.map((r) => [r.process, r.status])).toEqual([
      ['PROFILE', 'COMPLETED'],
      ['ADDRESS', 'COMPLETED'],
      ['IDENTITY', 'COMPLETED'],
      ['PROOF_OF_ADDRESS', 'COMPLETED'],
    ]);
    expect(finished.ingestion.results[0].data).toMatchObject({ fullName: 'Tisa Banda', birthdate: '1997-05-10' });
    expect(w.sub.events).toHaveLength(3);
    await w.close();

    const got = ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!;
    expect(got.history.map((h) => h.status)).toEqual(['QUEUED', 'RUNNING', 'FINISHED']);
    expect(Date.parse(got.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(got.startedAt!));
    expect(got.results.find((r) => r.process === 'IDENTITY')?.files.map((f) => f.category)).toEqual(['identity-document', 'selfie']);
  });

  it('a subscriber by id, subscribed right after the create, sees RUNNING then FINISHED', async () => {
    const i = await create({ userId: 'life-2' });
    const w = await watch({ id: i.id });
    expect((await w.sub.next()).ingestionUpdated.ingestion.status).toBe('RUNNING');
    expect((await w.sub.next()).ingestionUpdated.ingestion.status).toBe('FINISHED');
    await w.close();
  });

  it('a duplicate identity conflict: the identity ingestion is COMPLETED but the KYC overview shows identity FAILED', async () => {
    const w = await watch({ userId: 'dup-1' });
    const i = await create({ sourceVerificationRef: 'approved-dup-duplicate-identity', userId: 'dup-1', processes: ['PROFILE', 'IDENTITY'] });
    await untilFinished(w.sub);
    await w.close();
    const got = ok(await server.gql(GetIngestionOverviewDocument, { id: i.id })).ingestion!;
    expect(got.results.map((r) => [r.process, r.status])).toEqual([
      ['PROFILE', 'COMPLETED'],
      ['IDENTITY', 'COMPLETED'],
    ]);
    const identity = got.kycOverview?.processes.find((p) => p.process === 'identity');
    expect(identity).toMatchObject({ status: 'FAILED', providerStatus: 'failed', reason: 'duplicate-identity' });
    expect(got.kycOverview?.processes.find((p) => p.process === 'profile')?.status).toBe('OK');
    expect(got.kycOverview?.status).toBe('FAILED');
  });

  it('an underage user: the identity ingestion is COMPLETED with the birthdate, but the KYC overview shows identity FAILED', async () => {
    const w = await watch({ userId: 'kid-1' });
    const i = await create({ sourceVerificationRef: 'approved-kid-underage', userId: 'kid-1', processes: ['IDENTITY'] });
    const finished = await untilFinished(w.sub);
    await w.close();
    expect(finished.ingestion.results[0]).toMatchObject({ process: 'IDENTITY', status: 'COMPLETED', data: { birthdate: '2012-03-04' } });
    const got = ok(await server.gql(GetIngestionOverviewDocument, { id: i.id })).ingestion!;
    expect(got.kycOverview?.processes.find((p) => p.process === 'identity')).toMatchObject({ status: 'FAILED', reason: 'underage' });
  });

  it('data not available at the source: every process FAILED with the provider error code', async () => {
    const w = await watch({ userId: 'empty-1' });
    const i = await create({ sourceVerificationRef: 'approved-empty-data-unavailable', userId: 'empty-1', processes: ['PROFILE', 'PROOF_OF_ADDRESS'] });
    const finished = await untilFinished(w.sub);
    await w.close();
    expect(finished.ingestion.results.map((r) => [r.process, r.status, r.error?.code, r.data])).toEqual([
      ['PROFILE', 'FAILED', 'provider_data_not_available', null],
      ['PROOF_OF_ADDRESS', 'FAILED', 'provider_data_not_available', null],
    ]);
    const got = ok(await server.gql(GetIngestionOverviewDocument, { id: i.id })).ingestion!;
    expect(got.kycOverview?.processes.find((p) => p.process === 'profile')?.status).toBe('PENDING');
  });

  it('a held ingestion waits for advance, which jumps forward and answers 409 when the target is not ahead', async () => {
    const i = await create({ sourceVerificationRef: 'approved-manual-hold', userId: 'hold-1' });
    const w = await watch({ id: i.id });
    expect((await server.advance('uphold', i.providerRef, 'finished')).status).toBe(200);
    const e = (await w.sub.next()).ingestionUpdated;
    expect(e).toMatchObject({ previousStatus: 'QUEUED', ingestion: { status: 'FINISHED' } });
    expect((await server.advance('uphold', i.providerRef, 'running')).status).toBe(409);
    expect((await server.advance('uphold', i.providerRef, 'nope')).status).toBe(400);
    expect((await server.advance('uphold', 'no-such-id', 'finished')).status).toBe(404);
    expect(w.sub.events).toHaveLength(1);
    await w.close();
    const got = ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!;
    expect(got.history.map((h) => h.status)).toEqual(['QUEUED', 'FINISHED']);
  });
});

describe('reading ingestions', () => {
  it('lists a user\'s ingestions newest first through KycSubject', async () => {
    const a = await create({ userId: 'lister' });
    const b = await create({ userId: 'lister', source: 'VERIFF' });
    const subject = ok(await server.gql(SubjectIngestionsDocument, { id: 'lister' })).subject!;
    expect(subject.ingestions.nodes.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(ok(await server.gql(SubjectIngestionsDocument, { id: 'nobody' })).subject!.ingestions.nodes).toEqual([]);
  });

  it('an unknown or malformed id is null, not an error', async () => {
    expect(ok(await server.gql(GetIngestionDocument, { id: 'nope' })).ingestion).toBeNull();
  });

  it("the simulator lists a user's ingestions per source, newest first, with cursor pagination", async () => {
    const a = await create({ userId: 'paged', sourceVerificationRef: 'approved-p1-hold' });
    const b = await create({ userId: 'paged', sourceVerificationRef: 'approved-p2-hold' });
    await create({ userId: 'paged', source: 'VERIFF', sourceVerificationRef: 'approved-p3-hold' });
    const p1 = await adapter.client.listIngestions('sumsub', 'paged', { perPage: 1 });
    expect(p1.ingestions.map((i) => i.id)).toEqual([b.providerRef]);
    expect(p1.pagination.next).toBeTruthy();
    const p2 = await adapter.client.listIngestions('sumsub', 'paged', { perPage: 1, cursor: p1.pagination.next! });
    expect(p2.ingestions.map((i) => i.id)).toEqual([a.providerRef]);
    expect(p2.pagination.next).toBeNull();
    expect((await adapter.client.listIngestions('veriff', 'paged')).ingestions).toHaveLength(1);
  });

  it('resolves Ingestion and KycSubject.ingestions through federation _entities', async () => {
    const i = await create({ userId: 'federated', sourceVerificationRef: 'approved-fed-hold' });
    const res = await graphqlRequest(
      `${server.url}/graphql`,
      parse(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Ingestion { id status userId } ... on KycSubject { id ingestions { nodes { id } } } } }`) as never,
      { r: [{ __typename: 'Ingestion', id: i.id }, { __typename: 'KycSubject', id: 'federated' }, { __typename: 'Ingestion', id: 'unknown' }] } as never,
    );
    expect(res.errors).toBeUndefined();
    expect((res.data as { _entities: unknown[] })._entities).toEqual([{ id: i.id, status: i.status, userId: 'federated' }, { id: 'federated', ingestions: { nodes: [{ id: i.id }] } }, null]);
  });
});

describe('provider failures', () => {
  const setFault = (fault: object) =>
    fetch(`${server.url}/sandbox/uphold/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });

  it.each([
    [{ status: 503, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'UPHOLD', httpStatus: 503 }],
    [{ delayMs: 2500, status: 200, times: 1 }, { code: 'PROVIDER_UNAVAILABLE', provider: 'UPHOLD' }],
    [{ status: 429, times: 1, retryAfter: 7 }, { code: 'RATE_LIMITED', provider: 'UPHOLD', retryAfter: 7 }],
    [{ status: 403, times: 1 }, { code: 'PROVIDER_REJECTED', provider: 'UPHOLD', httpStatus: 403 }],
  ])('Uphold answering %j gives %j, stores nothing, and a retry with the same key succeeds', async (fault, expected) => {
    const userId = `fail-${Object.values(fault).join('-')}`;
    await setFault(fault);
    // only the hanging answer needs a deadline shorter than its delay
    const res = await withProviderDeadline(server.app, 'UPHOLD', 'delayMs' in fault ? 300 : server.config.providers.uphold.timeoutMs, () =>
      server.gql(CreateIngestionDocument, { input: input({ userId, idempotencyKey: userId }) }),
    );
    expect(firstError(res)?.extensions).toMatchObject(expected);
    expect(ok(await server.gql(SubjectIngestionsDocument, { id: userId })).subject?.ingestions.nodes).toEqual([]);
    await fetch(`${server.url}/sandbox/uphold/faults`, { method: 'DELETE' });
    // the simulator finishes the answer the client gave up on (a delayed fault) first
    await until(() => sim.requests.inFlight === 0);
    expect(ok(await server.gql(CreateIngestionDocument, { input: input({ userId, idempotencyKey: userId }) })).createIngestion.userId).toBe(userId);
  });
});

describe('the OAuth2 client', () => {
  it('one access token serves many calls; a revoked token is replaced once after a 401', async () => {
    await create();
    const tokens = sim.requests.token;
    const creates = sim.requests.create;
    await create();
    await create();
    expect(sim.requests.token).toBe(tokens);
    sim.revokeTokens();
    await create();
    expect(sim.requests.token).toBe(tokens + 1);
    expect(sim.requests.create).toBe(creates + 4); // two, then one refused with 401 and its one retry
  });

  it('a wrong client secret is PROVIDER_REJECTED invalid_client and the secret is never in the error', async () => {
    const other = await startServer({ INGESTION_POLL_INTERVAL_MS: '0' });
    try {
      const a = other.app.adapters.get('UPHOLD') as unknown as { client: { options: { clientSecret: string } } };
      a.client.options.clientSecret = 'not-the-secret';
      const res = await other.gql(CreateIngestionDocument, { input: input() });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'UPHOLD', httpStatus: 401, providerErrorType: 'invalid_client' });
      expect(JSON.stringify(res)).not.toContain('not-the-secret');
    } finally {
      await other.close();
    }
  });

  it('fetches a new token shortly before the old one expires, without a refused call', async () => {
    const short = await startServer({ UPHOLD_SANDBOX_TOKEN_TTL_S: '2', INGESTION_POLL_INTERVAL_MS: '0' });
    try {
      const s = (short.app.adapters.get('UPHOLD') as unknown as UpholdAdapter).simulator!;
      ok(await short.gql(CreateIngestionDocument, { input: input() }));
      await new Promise((r) => setTimeout(r, 1850));
      ok(await short.gql(CreateIngestionDocument, { input: input() }));
      expect(s.requests.token).toBe(2);
      expect(s.requests.create).toBe(2); // no call was refused for an expired token
    } finally {
      await short.close();
    }
  });
});
