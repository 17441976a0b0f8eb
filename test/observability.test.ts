// What the platform team sees: Prometheus metrics after a real flow, and one request id that
// follows a request into the provider call, the webhook it causes, logs and error extensions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createApp } from '../src/server/app.js';
import { sign } from '../src/providers/pawapass/webhook.js';
import { GetVerificationDocument, StartPawaPassDocument, type StartPawaPassVerificationInput, VerificationUpdatedDocument } from './generated/graphql.js';
import { loggedApp, pawaPassInput } from './support/logged-app.js';
import { graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';
import { scrape, value } from './support/metrics.js';

const input = (over: Partial<StartPawaPassVerificationInput> = {}) => pawaPassInput('ops-1', over);

const lines: Record<string, unknown>[] = [];
/** How many lines were written while the app was created and started, before any request. */
let startupLines = 0;
let app: Awaited<ReturnType<typeof createApp>>;
let url: string;
const config = loadConfig({ PORT: '0', LOG_LEVEL: 'debug' });

beforeAll(async () => {
  ({ app, url } = await loggedApp(config, lines));
  startupLines = lines.length;
});
afterAll(() => app.close());

const gql = <R, V>(doc: Parameters<typeof graphqlRequest<R, V>>[1], variables: V, requestId?: string) =>
  graphqlRequest(`${url}/graphql`, doc, variables, requestId ? { 'x-request-id': requestId } : {});

describe('GET /metrics', () => {
  it('counts requests, operations, errors, provider calls, loader batches, webhooks, subscriptions and bus lag after a flow', async () => {
    const before = await scrape(url);
    const client = wsClient(url);
    const sub = subscribe(client, VerificationUpdatedDocument, { subjectId: 'ops-1' });
    await until(() => app.services.bus.subscriberCount === 1);
    const live = await scrape(url);
    expect(value(live, 'kyc_subscriptions_active')).toBe(1);

    const v = ok(await gql(StartPawaPassDocument, { input: input() })).startPawaPassVerification;
    await sub.next(); // created
    const advanced = await fetch(`${url}/sandbox/pawapass/${v.providerRef}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'APPROVED' }),
    });
    expect(advanced.status).toBe(200);
    expect((await sub.next()).verificationUpdated.verification.status).toBe('APPROVED');
    ok(await gql(GetVerificationDocument, { id: v.id }));
    const bad = await gql(StartPawaPassDocument, { input: input({ successUrl: 'not a url' }) });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // the same signed notification twice (a provider retry), and one forged
    const session = await (await fetch(`${url}/sandbox/pawapass/v2/verifications/${v.providerRef}`, { headers: { authorization: `Bearer ${config.providers.pawapass.apiKey}` } })).json();
    const body = JSON.stringify({ notificationId: 'n-dup', type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: new Date().toISOString(), data: session });
    const post = (signature: string) => fetch(`${url}/webhooks/pawapass`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body });
    expect((await post(sign(body, config.providers.pawapass.webhookSecrets[0]))).status).toBe(200);
    expect((await post(sign(body, config.providers.pawapass.webhookSecrets[0]))).status).toBe(200);
    expect((await post(sign(body, 'not-the-secret'))).status).toBe(401);

    sub.close();
    await client.dispose();
    await until(() => app.services.bus.subscriberCount === 0);
    const after = await scrape(url);
    const moved = (name: string, labels: Record<string, string> = {}) => value(after, name, labels) - value(before, name, labels);

    expect(moved('kyc_http_requests_total', { method: 'POST', route: '/graphql', status: '200' })).toBeGreaterThanOrEqual(3);
    expect(moved('kyc_http_request_duration_seconds_count', { route: '/sandbox/pawapass/:ref/advance' })).toBe(1);
    expect(moved('kyc_graphql_operations_total', { operation: 'StartPawaPass', type: 'mutation', outcome: 'ok' })).toBe(1);
    expect(moved('kyc_graphql_operations_total', { operation: 'StartPawaPass', type: 'mutation', outcome: 'error' })).toBe(1);
    expect(moved('kyc_graphql_operation_duration_seconds_count', { operation: 'GetVerification', type: 'query' })).toBe(1);
    expect(moved('kyc_graphql_errors_total', { code: 'BAD_USER_INPUT' })).toBe(1);
    expect(moved('kyc_upstream_requests_total', { provider: 'pawapass', status: '201', outcome: 'ok' })).toBe(1);
    expect(moved('kyc_upstream_request_duration_seconds_count', { provider: 'pawapass' })).toBeGreaterThanOrEqual(1);
    expect(moved('kyc_dataloader_batch_size_count', { loader: 'verification' })).toBeGreaterThanOrEqual(1);
    // APPROVED from the simulator (creating sends none), then the retry pair and the forgery
    expect(moved('kyc_webhooks_total', { provider: 'pawapass', outcome: 'received' })).toBe(4);
    expect(moved('kyc_webhooks_total', { provider: 'pawapass', outcome: 'duplicate' })).toBe(1);
    expect(moved('kyc_webhooks_total', { provider: 'pawapass', outcome: 'rejected' })).toBe(1);
    expect(moved('kyc_event_bus_lag_seconds_count', { topic: 'verification' })).toBeGreaterThanOrEqual(2);
    expect(value(after, 'kyc_subscriptions_active')).toBe(0);
  });

  it('keeps label values bounded: unknown paths are one route', async () => {
    await fetch(`${url}/random-${Date.now()}`);
    const s = await scrape(url);
    expect([...s.keys()].some((k) => k.includes('random-'))).toBe(false);
    expect(value(s, 'kyc_http_requests_total', { route: 'other', status: '404' })).toBeGreaterThanOrEqual(1);
  });
});

describe('request ids', () => {
  it('a request id follows the mutation into the provider call and comes back in the response header', async () => {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-start-1' },
      body: JSON.stringify({ query: 'mutation($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id } }', variables: { input: input({ externalId: 'rid-1' }) } }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-start-1');
    expect(res.status).toBe(200);
    // the simulator, a separate HTTP request to this server, saw the same id
    const upstream = lines.filter((l) => l.requestId === 'req-start-1' && String(l.path).startsWith('/sandbox/pawapass/v2/verifications'));
    expect(upstream).toHaveLength(1);
    expect(lines.some((l) => l.requestId === 'req-start-1' && l.path === '/graphql')).toBe(true);
  });

  it('the webhook a sandbox action causes carries the id of that action', async () => {
    const v = ok(await gql(StartPawaPassDocument, { input: input({ externalId: 'rid-2' }) })).startPawaPassVerification;
    const res = await fetch(`${url}/sandbox/pawapass/${v.providerRef}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-advance-1' },
      body: JSON.stringify({ to: 'STARTED' }),
    });
    expect(res.status).toBe(200);
    expect(lines.some((l) => l.requestId === 'req-advance-1' && l.path === '/webhooks/pawapass' && l.status === 200)).toBe(true);
  });

  it('errors carry the request id in extensions, and a missing or unusable id is replaced by a fresh one', async () => {
    const bad = await gql(StartPawaPassDocument, { input: input({ country: 'XX' as never }) }, 'req-bad-1');
    expect(bad.errors?.[0].extensions?.requestId).toBe('req-bad-1');

    const none = await gql(StartPawaPassDocument, { input: input({ successUrl: 'nope' }) });
    expect(none.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);

    const res = await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'has spaces <script>' } });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('log lines written outside a request carry no request id', async () => {
    // the lines written while starting, before any request (there may be none)
    expect(lines.slice(0, startupLines).filter((l) => 'requestId' in l)).toEqual([]);
    // a line written outside a request after requests with ids were served (an id kept from the
    // last request, rather than the current one, would show here), from a fresh timer
    expect(lines.some((l) => typeof l.requestId === 'string')).toBe(true);
    await fetch(`${url}/healthz`, { headers: { 'x-request-id': 'req-last-1' } });
    await new Promise<void>((resolve) => setImmediate(() => (app.services.log.info({ probe: 'outside' }, 'written outside any request'), resolve())));
    const outside = lines.filter((l) => l.probe === 'outside');
    expect(outside).toHaveLength(1);
    expect(outside[0]).not.toHaveProperty('requestId');
  });
});
