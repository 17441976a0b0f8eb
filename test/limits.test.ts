// Abuse limits: each one accepts a query just under it and refuses one just over it, over HTTP
// and over WebSocket; batched HTTP requests are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe, until, wsClient } from './support/client.js';
import { productionEnv, startServer, type TestServer } from './support/server.js';
import { parse } from 'graphql';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_TOKENS: '60', GRAPHQL_MAX_COST: '40' });
});
afterAll(() => server.close());

const post = async (query: string) => {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } };
};
const refused = (r: Awaited<ReturnType<typeof post>>, pattern: RegExp) => {
  expect(r.body.errors?.[0].message).toMatch(pattern);
  expect(r.body.data).toBeUndefined();
};

describe('query limits', () => {
  it('depth: 4 levels pass, 5 are refused', async () => {
    expect((await post('{ verifications(first: 1) { edges { node { id } } } }')).body.errors).toBeUndefined();
    refused(await post('{ verifications { edges { node { history { at } } } } }'), /depth/i);
  });

  it('aliases: 3 pass, 4 are refused', async () => {
    const v = (a: string) => `${a}: verification(id: "x") { id }`;
    expect((await post(`{ ${['a', 'b', 'c'].map(v).join(' ')} }`)).body.errors).toBeUndefined();
    refused(await post(`{ ${['a', 'b', 'c', 'd'].map(v).join(' ')} }`), /alias/i);
  });

  it('tokens: a long query is refused', async () => {
    const fields = (n: number) => Array.from({ length: n }, () => '__typename').join(' ');
    expect((await post(`{ ${fields(20)} }`)).body.errors).toBeUndefined();
    refused(await post(`{ ${fields(70)} }`), /token/i);
  });

  it('cost: a cheap query passes, a wide nested one is refused', async () => {
    expect((await post('{ verification(id: "x") { id status } }')).body.errors).toBeUndefined();
    refused(await post('{ verifications { edges { cursor node { id status providerStatus url country subjectId externalId createdAt updatedAt expiresAt } } pageInfo { hasNextPage endCursor } } }'), /cost/i);
  });

  it('cost read with variables: the same document passes with a small page and is refused with a large one, in either order', async () => {
    const query = 'query Page($n: Int) { verifications(first: $n) { edges { node { id status providerStatus } } } }';
    const ask = async (n: number) => {
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { n } }) });
      return ((await res.json()) as { errors?: { message: string }[] }).errors?.[0]?.message;
    };
    for (let i = 0; i < 2; i++) {
      expect(await ask(1)).toBeUndefined();
      expect(await ask(30)).toMatch(/cost/i);
    }
    // a document without variables is answered the same the second time (remembered when it passed)
    for (let i = 0; i < 2; i++) expect((await post('{ verification(id: "x") { id status } }')).body.errors).toBeUndefined();
  });

  it('batched HTTP requests are refused', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]) });
    expect(res.status).toBe(400);
  });

  it('the same limits apply to subscriptions over WebSocket', async () => {
    const client = wsClient(server.url);
    const sub = subscribe(client, parse('subscription { verificationUpdated { verification { details { ... on PawaPassDetails { requirements { options { previousVerificationId } } } } } } }') as never, {});
    await until(() => sub.errors.length > 0);
    expect(JSON.stringify(sub.errors)).toMatch(/depth/i);
    await client.dispose();
  });
});

describe('in production', () => {
  it('does not suggest field names', async () => {
    const env = productionEnv();
    const prod = await startServer(env.env);
    try {
      const res = await fetch(`${prod.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...env.headers }, body: JSON.stringify({ query: '{ verificatio(id: "x") { id } }' }) });
      const text = await res.text();
      expect(text).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(text).not.toMatch(/Did you mean/);
    } finally {
      await prod.close();
    }
  });
});
