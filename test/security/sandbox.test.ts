// Issue 13 finding 2: sandbox routes with API keys, in production, and their content types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey } from '../../src/server/auth.js';
import { StartPawaPassDocument } from '../generated/graphql.js';
import { firstError, ok } from '../support/client.js';
import { startServer, type TestServer } from '../support/server.js';

const a = newApiKey('tenant-a', ['verifications:read', 'verifications:write']);
const b = newApiKey('tenant-b', ['verifications:read', 'verifications:write']);
const adminA = newApiKey('tenant-a', ['verifications:read', 'verifications:write', 'sandbox:admin']);
const as = (k: { key: string }) => ({ authorization: `Bearer ${k.key}` });
const input = { subjectId: 's', externalId: 'x', requirements: [{ type: 'DOCUMENT_SCAN' as const }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };
const json = { 'content-type': 'application/json' };

describe('sandbox routes with API_KEYS', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ API_KEYS: JSON.stringify([a.entry, b.entry, adminA.entry]), RETRY_MAX_ATTEMPTS: '1' });
  });
  afterAll(() => server.close());
  const start = async (key = a) => ok(await server.gql(StartPawaPassDocument, { input }, as(key))).startPawaPassVerification;

  it('advance without a key → 401; with another tenant’s key → 404; with the creator’s key → 200', async () => {
    const v = await start();
    expect((await server.advance('pawapass', v.providerRef, 'STARTED')).status).toBe(401);
    expect((await server.advance('pawapass', v.providerRef, 'STARTED', {}, { authorization: 'Bearer nope' })).status).toBe(401);
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED', {}, as(b))).status).toBe(404);
    expect((await server.advance('pawapass', v.providerRef, 'STARTED', {}, as(a))).status).toBe(200);
  });

  it('the session page works with the page token in its url (no key), and only for that session', async () => {
    const v = await start();
    const other = await start();
    const url = new URL(v.url!);
    expect(url.searchParams.get('token')).toBeTruthy();
    const page = await fetch(`${server.url}${url.pathname}${url.search}`);
    expect(page.status).toBe(200);
    // the page's own advance action carries the token too
    const html = await page.text();
    const advancePath = JSON.parse(/var advancePath = ("[^"]*")/.exec(html)![1]) as string;
    expect((await fetch(`${server.url}${advancePath}`, { method: 'POST', headers: json, body: '{"to":"STARTED"}' })).status).toBe(200);
    // without the token, or with this session's token on another session: refused
    expect((await fetch(`${server.url}${url.pathname}`)).status).toBe(401);
    const otherPath = new URL(other.url!).pathname;
    expect((await fetch(`${server.url}${otherPath}${url.search}`)).status).toBe(401);
    expect((await fetch(`${server.url}/sandbox/pawapass/${other.providerRef}/advance${url.search}`, { method: 'POST', headers: json, body: '{"to":"APPROVED"}' })).status).toBe(401);
  });

  it('faults need the scope sandbox:admin and affect only the calling tenant', async () => {
    const body = JSON.stringify({ status: 503 });
    expect((await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: json, body })).status).toBe(401);
    expect((await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { ...json, ...as(b) }, body })).status).toBe(403);
    expect((await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { ...json, ...as(adminA) }, body })).status).toBe(200);
    try {
      expect(firstError(await server.gql(StartPawaPassDocument, { input }, as(a)))?.extensions?.code).toBe('PROVIDER_UNAVAILABLE');
      expect(ok(await server.gql(StartPawaPassDocument, { input }, as(b))).startPawaPassVerification.status).toBe('CREATED');
    } finally {
      await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'DELETE', headers: as(adminA) });
      server.app.services.resilience.reset();
    }
    expect(ok(await server.gql(StartPawaPassDocument, { input }, as(a))).startPawaPassVerification.status).toBe('CREATED');
  });

  it('a client cannot pose as another tenant with the tenant header', async () => {
    const v = await start(b);
    const res = await fetch(`${server.url}/sandbox/pawapass/${v.providerRef}/advance`, { method: 'POST', headers: { ...json, 'x-kyc-sandbox-tenant': 'tenant-b' }, body: '{"to":"APPROVED"}' });
    expect(res.status).toBe(401);
  });
});

describe('simulator bodies', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('a cross-site text/plain or form post cannot advance a session or set a fault (415)', async () => {
    const v = ok(await server.gql(StartPawaPassDocument, { input })).startPawaPassVerification;
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect((await fetch(`${server.url}/sandbox/pawapass/${v.providerRef}/advance`, { method: 'POST', headers: { 'content-type': type }, body: '{"to":"APPROVED"}' })).status).toBe(415);
      expect((await fetch(`${server.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { 'content-type': type }, body: '{"status":503}' })).status).toBe(415);
    }
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
  });
});

describe('sandbox in production', () => {
  it('answers 404 unless SANDBOX_ROUTES=on', async () => {
    const keys = JSON.stringify([adminA.entry]);
    const off = await startServer({ NODE_ENV: 'production', API_KEYS: keys });
    const on = await startServer({ NODE_ENV: 'production', API_KEYS: keys, SANDBOX_ROUTES: 'on' });
    try {
      const body = JSON.stringify({ status: 503, times: 1 });
      expect((await fetch(`${off.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { ...json, ...as(adminA) }, body })).status).toBe(404);
      expect((await fetch(`${off.url}/sandbox/pawapass/app/x`)).status).toBe(404);
      expect((await fetch(`${on.url}/sandbox/pawapass/faults`, { method: 'POST', headers: { ...json, ...as(adminA) }, body })).status).toBe(200);
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });
});
