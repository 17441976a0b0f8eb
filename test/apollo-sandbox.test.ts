// Apollo Sandbox, what someone exploring the API sees first: in development its initial document
// and variables run as they are; in production it is off unless configured on.
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_EXAMPLE } from '../src/server/sandbox-example.js';
import { until, wsClient } from './support/client.js';
import { productionEnv, startServer, type TestServer } from './support/server.js';

const operations = parse(SANDBOX_EXAMPLE.document).definitions.map((d) => (d as { name?: { value: string } }).name?.value);

async function run(server: TestServer, operationName: string) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SANDBOX_EXAMPLE.document, operationName, variables: SANDBOX_EXAMPLE.variables }),
  });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

describe('the Apollo Sandbox initial document, as it is', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('holds a start mutation, a subscription and a query', () => {
    expect(operations).toEqual(['StartPawaPass', 'Follow', 'MyVerifications']);
  });

  it('the landing page embeds that document and its variables', async () => {
    const html = await (await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })).text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('mutation StartPawaPass');
    expect(html).toContain('DOCUMENT_SCAN');
  });

  it('runs: Follow subscribes, StartPawaPass starts a session, approving it in the sandbox reaches Follow, MyVerifications lists it', async () => {
    const events: any[] = [];
    const client = wsClient(server.url);
    const dispose = client.subscribe(
      { query: SANDBOX_EXAMPLE.document, operationName: 'Follow', variables: SANDBOX_EXAMPLE.variables },
      { next: (m) => events.push(m), error: (e) => events.push({ error: e }), complete: () => {} },
    );
    try {
      await until(() => server.app.services.bus.subscriberCount === 1);
      const started = await run(server, 'StartPawaPass');
      expect(started.errors).toBeUndefined();
      const v = started.data.startPawaPassVerification;
      expect(v).toMatchObject({ status: 'CREATED', providerStatus: 'CREATED' });
      expect(v.url).toBe(`${server.url}/sandbox/pawapass/app/${v.providerRef}`);

      expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
      await until(() => events.length >= 2);
      expect(events.map((e) => e.errors ?? e.error)).toEqual([undefined, undefined]);
      expect(events.map((e) => e.data.verificationUpdated.verification.status)).toEqual(['CREATED', 'APPROVED']);
      expect(events[1].data.verificationUpdated.verification.identityDocument).toEqual({ firstName: 'Tisa', lastName: 'Banda' });

      const listed = await run(server, 'MyVerifications');
      expect(listed.errors).toBeUndefined();
      expect(listed.data.verifications.edges.map((e: any) => e.node.id)).toContain(v.id);
    } finally {
      dispose();
      await client.dispose();
    }
  });
});

describe('in production', () => {
  it('Apollo Sandbox and introspection come back on when GRAPHQL_INTROSPECTION=true', async () => {
    const prod = productionEnv({ GRAPHQL_INTROSPECTION: 'true' });
    const server = await startServer(prod.env);
    try {
      const page = await (await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })).text();
      expect(page).toContain('embeddable-sandbox');
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...prod.headers }, body: '{"query":"{ __schema { queryType { name } } }"}' });
      expect(await res.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    } finally {
      await server.close();
    }
  });
});
