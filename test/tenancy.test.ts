// API keys, scopes and tenants: one tenant never sees another's data, over HTTP, _entities or ws.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey } from '../src/server/auth.js';
import { GetVerificationDocument, ListVerificationsDocument, StartPawaPassDocument, VerificationUpdatedDocument } from './generated/graphql.js';
import { firstError, graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

const a = newApiKey('tenant-a', ['verifications:read', 'verifications:write']);
const b = newApiKey('tenant-b', ['verifications:read', 'verifications:write']);
const readOnly = newApiKey('tenant-a', ['verifications:read']);
const as = (k: { key: string }) => ({ authorization: `Bearer ${k.key}` });

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ API_KEYS: JSON.stringify([a.entry, b.entry, readOnly.entry]) });
});
afterAll(() => server.close());

const input = { subjectId: 'shared-user', externalId: 'x', requirements: [{ type: 'DOCUMENT_SCAN' as const }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h' };

describe('API keys', () => {
  it('a request without a key, or with a wrong one, is UNAUTHENTICATED with HTTP 401', async () => {
    for (const headers of [{}, { authorization: 'Bearer nope' }, { authorization: 'Basic abc' }] as Record<string, string>[]) {
      const res = await server.gql(ListVerificationsDocument, {}, headers);
      expect(res.status).toBe(401);
      expect(firstError(res)?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a key without the write scope gets FORBIDDEN naming the scope, before any provider call', async () => {
    const res = await server.gql(StartPawaPassDocument, { input }, as(readOnly));
    expect(firstError(res)?.extensions?.code).toBe('FORBIDDEN');
    expect(firstError(res)?.message).toContain('verifications:write');
  });

  it('the configuration holds hashes only: the keys themselves are nowhere in it', () => {
    expect(JSON.stringify(server.config)).not.toContain(a.key);
  });
});

describe('tenants', () => {
  let id: string;
  beforeAll(async () => {
    id = ok(await server.gql(StartPawaPassDocument, { input }, as(a))).startPawaPassVerification.id;
  });

  it('tenant B can neither read nor list tenant A’s verification', async () => {
    expect(ok(await server.gql(GetVerificationDocument, { id }, as(a))).verification?.id).toBe(id);
    expect(ok(await server.gql(GetVerificationDocument, { id }, as(b))).verification).toBeNull();
    expect(ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'shared-user' } }, as(b))).verifications.edges).toEqual([]);
    expect(ok(await server.gql(ListVerificationsDocument, { filter: { subjectId: 'shared-user' } }, as(a))).verifications.edges).toHaveLength(1);
  });

  it('tenant B cannot resolve it through _entities or KycSubject', async () => {
    const q = parse(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Verification { id } ... on KycSubject { verifications { nodes { id } } } } }`);
    const r = { r: [{ __typename: 'Verification', id }, { __typename: 'KycSubject', id: 'shared-user' }] };
    const forB = await graphqlRequest(`${server.url}/graphql`, q as never, r as never, as(b));
    expect(forB.data).toEqual({ _entities: [null, { verifications: { nodes: [] } }] });
    const forA = await graphqlRequest(`${server.url}/graphql`, q as never, r as never, as(a));
    expect(forA.data).toEqual({ _entities: [{ id }, { verifications: { nodes: [{ id }] } }] });
  });

  it('tenant B’s subscriber never receives tenant A’s events', async () => {
    const clientA = wsClient(server.url, as(a));
    const clientB = wsClient(server.url, as(b));
    const before = server.app.services.bus.subscriberCount;
    const subA = subscribe(clientA, VerificationUpdatedDocument, { subjectId: 'shared-user' });
    const subB = subscribe(clientB, VerificationUpdatedDocument, { subjectId: 'shared-user' });
    await until(() => server.app.services.bus.subscriberCount === before + 2);
    const v = ok(await server.gql(StartPawaPassDocument, { input }, as(a))).startPawaPassVerification;
    await server.advance('pawapass', v.providerRef, 'APPROVED', {}, as(a));
    const created = await subA.next();
    const approved = await subA.next();
    expect([created, approved].map((e) => e.verificationUpdated.verification.status)).toEqual(['CREATED', 'APPROVED']);
    // B shares the subject id but not the tenant: after A's two events, B has still nothing
    const vb = ok(await server.gql(StartPawaPassDocument, { input }, as(b))).startPawaPassVerification;
    expect((await subB.next()).verificationUpdated.verification.id).toBe(vb.id);
    expect(subB.events).toHaveLength(1);
    subA.close();
    subB.close();
    await Promise.all([clientA.dispose(), clientB.dispose()]);
  });

  it('a WebSocket without a key is closed with 4401, with a bad key 4403', async () => {
    for (const [params, code] of [[undefined, 4401], [{ authorization: 'Bearer nope' }, 4403]] as const) {
      const client = wsClient(server.url, params as Record<string, unknown> | undefined);
      const sub = subscribe(client, VerificationUpdatedDocument, {});
      await until(() => sub.errors.length > 0);
      expect((sub.errors[0] as { code: number }).code).toBe(code);
      await client.dispose();
    }
  });
});

describe('configuration', () => {
  it('a live provider without API_KEYS refuses to start', async () => {
    await expect(startServer({ PAWAPASS_API_KEY: 'k', PAWAPASS_WEBHOOK_SECRETS: 's' })).rejects.toThrow(/API_KEYS is required/);
  });
});
