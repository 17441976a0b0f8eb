// The server as `npm start` runs it: a real process, health, GraphQL over HTTP conventions,
// development vs production, and graceful shutdown on SIGTERM.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PROCESS_TEST_TIMEOUT_MS, startProcess as spawnServer } from './support/process.js';
import { productionEnv, startServer, type TestServer } from './support/server.js';

const startProcess = (env: Record<string, string> = {}) => spawnServer({ PORT: '0', LOG_LEVEL: 'warn', ...env });

describe('the started process (node dist/main.js, what npm start runs)', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('prints its GraphQL URL, serves health, and on SIGTERM closes sockets and exits 0', async () => {
    const { child, url, stdout } = await startProcess();
    expect(stdout()).toMatch(/kyc-graph GraphQL API ready at http:\/\/localhost:\d+\/graphql \(WebSocket: ws:\/\/localhost:\d+\/graphql\)/);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', down: [] });

    const ws = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await once(ws, 'message');
    const closed = once(ws, 'close');
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    // a close frame from the server going away (1001), not a dropped connection (1006)
    const [closeCode] = await closed;
    expect(closeCode).toBe(1001);
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const child = spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(err).toContain('Invalid configuration: PORT');
  });
});

describe('npm start (scripts/start.mjs: builds what is stale, runs the rolldown bundle)', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('serves GraphQL from the bundle (schema, validation, a provider simulator) with only JSON lines on stdout in production', async () => {
    const prod = productionEnv({ SANDBOX_ROUTES: 'on' }); // the in-process simulator is served on /sandbox
    const server = await spawnServer({ PORT: '0', LOG_LEVEL: 'info', ...prod.env }, 'scripts/start.mjs');
    try {
      const post = async (query: string, variables?: unknown) =>
        (await (await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...prod.headers }, body: JSON.stringify({ query, variables }) })).json()) as any;
      const input = { subjectId: 'start-1', externalId: 'start-1-kyc', requirements: [{ type: 'DOCUMENT_SCAN' }], successUrl: 'https://example.com/s', errorUrl: 'https://example.com/e', supportUrl: 'https://example.com/h', country: 'ZM' };
      const started = await post('mutation($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id provider country } }', { input });
      expect(started.errors).toBeUndefined();
      expect(started.data.startPawaPassVerification).toMatchObject({ provider: 'PAWAPASS', country: 'ZM' });
      const read = await post('query($id: ID!) { verification(id: $id) { id } }', { id: started.data.startPawaPassVerification.id });
      expect(read.data.verification.id).toBe(started.data.startPawaPassVerification.id);
      // class-validator through the bundle: a bad URL is refused naming the field
      const bad = await post('mutation($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id } }', { input: { ...input, successUrl: 'nope' } });
      expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(server.stderr()).not.toContain('unbundled');
      const lines = server.stdout().trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    } finally {
      server.child.kill('SIGKILL');
    }
  });
});

describe('GraphQL over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('answers GET queries (with a preflight header, CSRF prevention is on) and refuses simple-request POSTs', async () => {
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const csrf = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(csrf.status).toBe(400);
    const plain = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(plain.status).toBe(400);
  });

  it('shows Apollo Sandbox to a browser in development', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('embeddable-sandbox');
    expect(html).toContain('startPawaPassVerification');
  });

  it('refuses a body over the limit with 413 and unknown paths with 404', async () => {
    const big = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.status).toBe(413);
    // no content-length: counted while read, then answered 413 and the connection closed. The
    // body is one byte over the limit and never ends (the client would go on sending): the server
    // has read all of it when it closes, so the close cannot turn into a reset
    for (const path of ['/graphql', '/webhooks/pawapass']) {
      const body = new ReadableStream({ start: (c) => c.enqueue(new Uint8Array(server.config.maxBodyBytes + 1).fill(120)) });
      const streamed = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
      expect(streamed.status).toBe(413);
      expect(streamed.headers.get('connection')).toBe('close');
    }
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
    expect((await fetch(`${server.url}/webhooks/nobody`, { method: 'POST' })).status).toBe(404);
  });

  it('never shows internals in errors', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ nope }"}' });
    const body: any = await res.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.js/);
  });
});

describe('in production', () => {
  it('turns the landing page and introspection off', async () => {
    const prod = productionEnv({ SANDBOX_ROUTES: 'on' }); // the in-process simulator is served on /sandbox
    const server = await startServer(prod.env);
    try {
      const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html', ...prod.headers } });
      expect(await page.text()).not.toContain('embeddable-sandbox');
      const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...prod.headers }, body: '{"query":"{ __schema { types { name } } }"}' });
      expect(((await res.json()) as any).errors[0].message).toMatch(/introspection/i);
    } finally {
      await server.close();
    }
  });
});
