// Issue 13 findings 3, 5, 7, 8: WebSocket subscriptions per connection, `_entities` size, JSON
// input depth and size, and no schema hints or field traces in production.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiKey } from '../../src/server/auth.js';
import { StartPawaPassDocument } from '../generated/graphql.js';
import { firstError, graphqlRequest, wsClient } from '../support/client.js';
import { startServer, type TestServer } from '../support/server.js';

const pawa = (metadata: unknown) => ({ subjectId: 's', externalId: 'x', requirements: [{ type: 'DOCUMENT_SCAN' as const }], successUrl: 'https://e.com/s', errorUrl: 'https://e.com/e', supportUrl: 'https://e.com/h', metadata });
const nested = (levels: number) => {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
};

describe('limits (development server)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ WS_MAX_SUBSCRIPTIONS: '3' });
  });
  afterAll(() => server.close());

  it('the subscription over WS_MAX_SUBSCRIPTIONS gets RATE_LIMITED and the connection stays open', async () => {
    const client = wsClient(server.url);
    const subscribe = () => {
      const errors: unknown[] = [];
      const done = new Promise<void>((resolve) => {
        const dispose = client.subscribe({ query: 'subscription { verificationUpdated(subjectId: "ws") { cursor } }' }, { next: () => {}, error: (e) => { errors.push(e); resolve(); }, complete: () => resolve() });
        (subscribe as unknown as { disposers: (() => void)[] }).disposers.push(dispose);
      });
      return { errors, done };
    };
    (subscribe as unknown as { disposers: (() => void)[] }).disposers = [];
    const before = server.app.services.bus.subscriberCount;
    for (let i = 0; i < 3; i++) subscribe();
    const deadline = Date.now() + 5000;
    while (server.app.services.bus.subscriberCount < before + 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const fourth = subscribe();
    await fourth.done;
    expect((fourth.errors[0] as { extensions?: { code?: string } }[])[0].extensions?.code).toBe('RATE_LIMITED');
    // still open: completing one frees a place for a new one
    (subscribe as unknown as { disposers: (() => void)[] }).disposers[0]();
    const deadline2 = Date.now() + 5000;
    while (server.app.services.bus.subscriberCount > before + 2 && Date.now() < deadline2) await new Promise((r) => setTimeout(r, 20));
    subscribe();
    while (server.app.services.bus.subscriberCount < before + 3 && Date.now() < deadline + 5000) await new Promise((r) => setTimeout(r, 20));
    expect(server.app.services.bus.subscriberCount).toBe(before + 3);
    await client.dispose();
  });

  it('_entities with more than 100 representations is BAD_USER_INPUT, before any is resolved', async () => {
    const q = parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on KycSubject { id } } }');
    const many = Array.from({ length: 101 }, (_, i) => ({ __typename: 'KycSubject', id: `s${i}` }));
    const res = await graphqlRequest(`${server.url}/graphql`, q as never, { r: many } as never);
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    const okRes = await graphqlRequest(`${server.url}/graphql`, q as never, { r: many.slice(0, 100) } as never);
    expect((okRes.data as { _entities: unknown[] })._entities).toHaveLength(100);
  });

  it('the representations limit holds for _entities inside fragments (named, nested, inline)', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ __typename: 'KycSubject', id: `s${i}` }));
    const documents = [
      'query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { ... on KycSubject { id } } }',
      'query($r: [_Any!]!) { ...A } fragment A on Query { ... on Query { ...B } } fragment B on Query { _entities(representations: $r) { __typename } }',
    ];
    for (const text of documents) {
      const res = await graphqlRequest(`${server.url}/graphql`, parse(text) as never, { r: many } as never);
      expect(firstError(res)?.extensions, text).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
      const okRes = await graphqlRequest(`${server.url}/graphql`, parse(text) as never, { r: many.slice(0, 100) } as never);
      expect((okRes.data as { _entities: unknown[] })._entities, text).toHaveLength(100);
    }
    // a query over the WebSocket is held to the same limit
    const client = wsClient(server.url);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: documents[0], variables: { r: many } }, { next: () => resolve('answered'), error: resolve, complete: () => resolve('completed') });
    });
    expect((errors as { extensions?: unknown }[])[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    await client.dispose();
  });

  // a body nested 5000 levels deep, written as text (the test's own JSON.stringify would overflow)
  const deepText = (levels: number) => `${'{"a":'.repeat(levels - 1)}{"leaf":1}${'}'.repeat(levels - 1)}`;
  const post = async (query: string, input: string) => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query":${JSON.stringify(query)},"variables":{"input":${input}}}` });
    return (await res.json()) as { errors?: { extensions?: Record<string, unknown> }[] };
  };

  it('metadata deeper than 16 levels or larger than 64 KB is BAD_USER_INPUT naming the field', async () => {
    const query = 'mutation($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id } }';
    const base = JSON.stringify(pawa(null)).slice(0, -1); // without the closing brace
    for (const metadata of [deepText(5000), deepText(17), JSON.stringify({ big: 'x'.repeat(65 * 1024) })]) {
      const res = await post(query, `${base.replace('"metadata":null', '"metadata":' + metadata)}}`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metadata' });
    }
    expect(firstError(await server.gql(StartPawaPassDocument, { input: pawa(nested(16)) }))).toBeUndefined();
  });

  it('UpPass answers nested 5000 levels deep are BAD_USER_INPUT naming the field (no stack overflow)', async () => {
    const query = 'mutation($input: StartUpPassVerificationInput!) { startUpPassVerification(input: $input) { id } }';
    const res = await post(query, `{"subjectId":"s","formSlug":"kyc","lang":"en","answers":{"deep":${deepText(5000)}}}`);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.answers' });
  });
});

describe('production answers', () => {
  let server: TestServer;
  const key = newApiKey('t', ['verifications:read']);
  beforeAll(async () => {
    server = await startServer({ NODE_ENV: 'production', API_KEYS: JSON.stringify([key.entry]) });
  });
  afterAll(() => server.close());

  it('an enum variable error has no "Did you mean"', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ query: 'query($s: VerificationStatus) { verifications(filter: { status: $s }) { edges { cursor } } }', variables: { s: 'APPROVE' } }),
    });
    const text = await res.text();
    expect(text).toContain('APPROVE');
    expect(text).not.toMatch(/Did you mean/);
  });

  it('a client asking for ftv1 traces gets none', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'apollo-federation-include-trace': 'ftv1', authorization: `Bearer ${key.key}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await res.json()) as { extensions?: { ftv1?: string } };
    expect(body.extensions?.ftv1).toBeUndefined();
  });
});
