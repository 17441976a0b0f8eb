// The GraphQL-over-HTTP hot path (issue 18): a read through the loaders runs without an
// AsyncLocalStorage scope (on Node 20/22 an enabled one hooks every promise of the process), yet
// its request id still reaches the response header, error extensions and the provider call a stale
// status causes; everything else (mutations, lists, subjects) runs in the request's scope.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { requestScopeStats } from '../src/observability/request-context.js';
import { createApp, createLogger } from '../src/server/app.js';
import { Authenticator, hashApiKey, newApiKey, SANDBOX_TENANT } from '../src/server/auth.js';
import { sign } from '../src/providers/pawapass/webhook.js';
import { loaderOnly } from '../src/server/graphql-http.js';
import { GetVerificationDocument, StartPawaPassDocument, type StartPawaPassVerificationInput, VerificationUpdatedDocument } from './generated/graphql.js';
import { loggedApp, pawaPassInput } from './support/logged-app.js';
import { graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';

const input = (over: Partial<StartPawaPassVerificationInput> = {}) => pawaPassInput('hot-1', over);

const lines: Record<string, unknown>[] = [];
let app: Awaited<ReturnType<typeof createApp>>;
let url: string;
// every non-final status is stale: each read of one goes to the provider
const config = loadConfig({ PORT: '0', LOG_LEVEL: 'debug', STATUS_MAX_AGE_MS: '0' });

beforeAll(async () => {
  ({ app, url } = await loggedApp(config, lines));
});
afterAll(() => app.close());

const gql = <R, V>(doc: Parameters<typeof graphqlRequest<R, V>>[1], variables: V, requestId: string) =>
  graphqlRequest(`${url}/graphql`, doc, variables, { 'x-request-id': requestId });

async function approved(externalId: string) {
  const v = ok(await gql(StartPawaPassDocument, { input: input({ externalId }) }, `start-${externalId}`)).startPawaPassVerification;
  const res = await fetch(`${url}/sandbox/pawapass/${v.providerRef}/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: 'APPROVED' }) });
  expect(res.status).toBe(200);
  return v;
}

describe('the GraphQL-over-HTTP hot path', () => {
  it('classifies only single-purpose verification(id) queries as loader-only', () => {
    expect(loaderOnly({ query: 'query($id: ID!) { verification(id: $id) { id status } }' })).toBe(true);
    expect(loaderOnly({ query: '{ a: verification(id: "1") { id } b: verification(id: "2") { id } __typename }' })).toBe(true);
    expect(loaderOnly({ query: 'mutation { eraseSubject(subjectId: "x") { erased } }' })).toBe(false);
    expect(loaderOnly({ query: '{ verifications(first: 1) { totalCount } }' })).toBe(false);
    expect(loaderOnly({ query: '{ ...F } fragment F on Query { verification(id: "1") { id } }' })).toBe(false);
    expect(loaderOnly({ query: '{ verification(id: "1") { id } } mutation M { eraseSubject(subjectId: "x") { erased } }' })).toBe(false);
    expect(loaderOnly({ query: '{ not graphql' })).toBe(false);
    expect(loaderOnly({ query: `{ verification(id: "${'x'.repeat(5000)}") { id } }` })).toBe(false);
    expect(loaderOnly(undefined)).toBe(false);
  });

  it('a cached read enters no request scope, yet answers with its request id (header and error extensions)', async () => {
    const v = await approved('hot-cached');
    const before = requestScopeStats().entered;
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-hot-1' },
      body: JSON.stringify({ query: 'query($id: ID!) { verification(id: $id) { id status } }', variables: { id: v.id } }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-hot-1');
    expect(await res.json()).toEqual({ data: { verification: { id: v.id, status: 'APPROVED' } } });
    const bad = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-hot-2' },
      body: JSON.stringify({ query: 'query($id: ID!) { verification(id: $id) { id nope } }', variables: { id: v.id } }),
    });
    const body = (await bad.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', requestId: 'req-hot-2' });
    expect(requestScopeStats().entered - before).toBe(0);
    // the request's log line names it
    expect(lines.some((l) => l.requestId === 'req-hot-1' && l.path === '/graphql' && l.status === 200)).toBe(true);
  });

  it('a stale read refreshes from the provider in the request scope: the provider call carries its id', async () => {
    const v = ok(await gql(StartPawaPassDocument, { input: input({ externalId: 'hot-stale' }) }, 'req-stale-start')).startPawaPassVerification;
    const before = requestScopeStats().entered;
    const read = ok(await gql(GetVerificationDocument, { id: v.id }, 'req-stale-read')).verification;
    expect(read?.id).toBe(v.id);
    expect(requestScopeStats().entered - before).toBeGreaterThan(0);
    // the simulator (a separate HTTP request to this server) saw the id of the read
    expect(lines.some((l) => l.requestId === 'req-stale-read' && String(l.path).startsWith('/sandbox/pawapass/v2/verifications'))).toBe(true);
  });

  it('leaves no scope running once requests are answered (the storage is switched off when idle)', async () => {
    await approved('hot-idle');
    await new Promise((r) => setImmediate(r));
    expect(requestScopeStats().running).toBe(0);
  });
});

describe('the webhook path', () => {
  it('a signed webhook is recorded and applied without a request scope; its request id reaches the answer and log lines', async () => {
    const v = ok(await gql(StartPawaPassDocument, { input: input({ externalId: 'hot-hook' }) }, 'req-hook-start')).startPawaPassVerification;
    // the provider's own notification: the session as its API answers it, now APPROVED
    const session = (await (await fetch(`${url}/sandbox/pawapass/v2/verifications/${v.providerRef}`, { headers: { authorization: `Bearer ${config.providers.pawapass.apiKey}` } })).json()) as Record<string, unknown>;
    const body = JSON.stringify({ notificationId: 'n-hot-1', type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: new Date().toISOString(), data: { ...session, status: 'APPROVED' } });
    const post = (requestId: string, secret: string) =>
      fetch(`${url}/webhooks/pawapass`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId, 'x-signature': sign(body, secret) }, body });
    const before = requestScopeStats().entered;
    const res = await post('req-hook-1', config.providers.pawapass.webhookSecrets[0]);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-hook-1');
    expect(await res.json()).toEqual({ received: 1, duplicates: 0, ignored: 0, pending: 0 });
    const forged = await post('req-hook-2', 'not-the-secret');
    expect(forged.status).toBe(401);
    expect(requestScopeStats().entered - before).toBe(0);
    // applied (and audited with the provider as actor, which needs no scope)
    expect(ok(await gql(GetVerificationDocument, { id: v.id }, 'req-hook-read')).verification?.status).toBe('APPROVED');
    const trail = await app.services.audit.list(SANDBOX_TENANT, 'hot-1', 100);
    expect(trail.items.filter((e) => e.targetId === v.id).map((e) => [e.actor, e.action])).toEqual([
      ['sandbox', 'START_VERIFICATION'],
      ['provider:pawapass', 'STATUS_CHANGED'],
    ]);
    expect(lines.some((l) => l.requestId === 'req-hook-1' && l.path === '/webhooks/pawapass' && l.status === 200)).toBe(true);
    expect(lines.some((l) => l.requestId === 'req-hook-2' && l.msg === 'webhook rejected')).toBe(true);
  });
});

describe('subscriptions', () => {
  // a subscriber waits for its next event for as long as it stays connected: a scope held across
  // that wait would keep the storage (and its hooks on every promise of the process) on for good
  it('a subscriber waiting for events holds no request scope, and still gets its events', async () => {
    const v = ok(await gql(StartPawaPassDocument, { input: input({ externalId: 'hot-sub' }) }, 'req-sub-start')).startPawaPassVerification;
    const client = wsClient(url);
    try {
      const sub = subscribe(client, VerificationUpdatedDocument, { id: v.id });
      await until(() => app.services.bus.subscriberCount === 1);
      expect(requestScopeStats().running).toBe(0);
      const res = await fetch(`${url}/sandbox/pawapass/${v.providerRef}/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ to: 'APPROVED' }) });
      expect(res.status).toBe(200);
      expect((await sub.next()).verificationUpdated.verification.status).toBe('APPROVED');
      await new Promise((r) => setImmediate(r));
      expect(requestScopeStats().running).toBe(0);
      sub.close();
    } finally {
      await client.dispose();
    }
  });
});

describe('verification(id) checks its scope in the resolver (no auth middleware)', () => {
  it('a key without verifications:read gets FORBIDDEN naming the scope; an unknown key 401 with the request id', async () => {
    const checksOnly = newApiKey('tenant-c', ['checks:read']);
    const keyed = await createApp(loadConfig({ PORT: '0', API_KEYS: JSON.stringify([checksOnly.entry]) }), createLogger('silent'));
    const base = await keyed.listen();
    try {
      const ask = (authorization: string, requestId: string) =>
        fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization, 'x-request-id': requestId },
          body: JSON.stringify({ query: '{ verification(id: "v1") { id } }' }),
        });
      const forbidden = await ask(`Bearer ${checksOnly.key}`, 'req-scope-1');
      const body = (await forbidden.json()) as { data: unknown; errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.data).toEqual({ verification: null });
      expect(body.errors[0]).toMatchObject({ message: 'This API key lacks the scope verifications:read', extensions: { code: 'FORBIDDEN', requestId: 'req-scope-1' } });
      const refused = await ask('Bearer nope', 'req-scope-2');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { errors: { extensions: Record<string, unknown> }[] }).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'req-scope-2' });
    } finally {
      await keyed.close();
    }
  });
});

describe('API keys on the hot path', () => {
  it('a valid key is hashed once and then remembered; an invalid one is hashed, and refused, every time', () => {
    const a = newApiKey('tenant-a', ['verifications:read']);
    const b = newApiKey('tenant-b', ['checks:read']);
    const hashed: string[] = [];
    const auth = new Authenticator([a.entry, b.entry], (key) => {
      hashed.push(key);
      return hashApiKey(key);
    });
    for (let i = 0; i < 3; i++) {
      expect(auth.authenticate(`Bearer ${a.key}`).tenant).toBe('tenant-a');
      expect(auth.authenticate(`bearer ${b.key}`).tenant).toBe('tenant-b');
      expect(() => auth.authenticate('Bearer kyc_not-a-key')).toThrow('The API key is not valid');
    }
    expect(hashed).toEqual([a.key, b.key, 'kyc_not-a-key', 'kyc_not-a-key', 'kyc_not-a-key']);
    // a remembered key is still only the whole key: a prefix or a longer string is hashed and refused
    expect(() => auth.authenticate(`Bearer ${a.key.slice(0, -1)}`)).toThrow('The API key is not valid');
    expect(() => auth.authenticate(`Bearer ${a.key}x`)).toThrow('The API key is not valid');
    // and only in the Bearer form: other spacing is read as before, a broken form still refused
    expect(auth.authenticate(`Bearer  ${a.key}`).tenant).toBe('tenant-a');
    expect(auth.authenticate(`Bearer\t${a.key}`).tenant).toBe('tenant-a');
    for (const bad of [`Bearer ${a.key} `, `Bearer ${a.key}\n`, `Bearer${a.key}`, `Basic ${a.key}`, `Bearer ${a.key} ${a.key}`]) {
      expect(() => auth.authenticate(bad), JSON.stringify(bad)).toThrow(/API key/);
    }
  });
});

describe('the request id on every answer', () => {
  /** The answer's status and x-request-id to a request sent with x-request-id `id`. */
  const answer = (method: string, path: string, id: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<[number, string | undefined]>((resolve, reject) => {
      const req = request(`${url}${path}`, { method, headers: { 'x-request-id': id, ...headers } }, (res) => {
        res.resume();
        resolve([res.statusCode ?? 0, res.headers['x-request-id'] as string | undefined]);
      });
      req.on('error', reject);
      if (body === undefined) req.flushHeaders();
      else req.end(body);
    });

  it('the routes that send it themselves (webhooks, /graphql) and the wrapper (404, 405, 413, preflight) all send it', async () => {
    const json = { 'content-type': 'application/json' };
    expect(
      await Promise.all([
        answer('POST', '/webhooks/nope', 'id-1', json, '{}'),
        answer('GET', '/webhooks/pawapass', 'id-2'),
        answer('POST', '/webhooks/pawapass', 'id-3', { ...json, 'x-signature': 'f'.repeat(64) }, '{}'),
        // declared over the limit: answered before any of it is read
        answer('POST', '/webhooks/pawapass', 'id-4', { ...json, 'content-length': String(config.maxBodyBytes + 1) }),
        answer('GET', '/nothing-here', 'id-5'),
        answer('PUT', '/graphql', 'id-6', json, '{}'),
        answer('OPTIONS', '/graphql', 'id-7', { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' }),
        answer('POST', '/graphql', 'id-8', json, '{"query":"{ __typename }"}'),
        answer('GET', '/healthz', 'id-9'),
      ]),
    ).toEqual([
      [404, 'id-1'],
      [405, 'id-2'],
      [401, 'id-3'],
      [413, 'id-4'],
      [404, 'id-5'],
      [405, 'id-6'],
      [expect.any(Number), 'id-7'],
      [expect.any(Number), 'id-8'],
      [200, 'id-9'],
    ]);
  });
});
