// Issue 13 finding 9 (hygiene): enum and null input errors name their field; implausible dates
// are refused before any provider call; the Sumsub share token never reaches the logs; a client
// that hangs up is one quiet log line; a stalled upload is answered 408 and its temp file removed.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateInstrumentFitCheckDocument, CreateIngestionDocument, GetIngestionDocument, StartPawaPassDocument, SubmitArgosDocumentDocument } from '../generated/graphql.js';
import { png } from '../support/argos.js';
import { firstError, ok, wsClient } from '../support/client.js';
import { productionEnv, startServer, type TestServer } from '../support/server.js';

/** A pino destination that keeps every line (parsed). */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const waiters: (() => void)[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) {
        if (!l) continue;
        raw.push(l);
        lines.push(JSON.parse(l));
      }
      for (const w of waiters.splice(0)) w();
      done();
    },
  });
  /** Resolves once a line matches (checked on every new line). */
  const until = (match: (line: Record<string, unknown>) => boolean, ms = 5000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('log line not seen in time')), ms);
      const check = () => {
        const found = lines.find(match);
        if (found) {
          clearTimeout(timer);
          resolve(found);
        } else waiters.push(check);
      };
      check();
    });
  return { lines, raw, stream, until };
}

const pawa = (extra: Record<string, unknown> = {}) => ({
  subjectId: 'hyg',
  externalId: 'hyg-1',
  requirements: [{ type: 'DOCUMENT_SCAN' }],
  successUrl: 'https://e.com/s',
  errorUrl: 'https://e.com/e',
  supportUrl: 'https://e.com/h',
  ...extra,
});

const post = async (url: string, query: string, variables?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] }) };
};

const START = print(StartPawaPassDocument);


/** A raw TCP connection to the server, and everything it answers until it closes. */
function rawConnection(url: string) {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (d) => {
      text += String(d);
    });
    socket.on('close', () => resolve(text));
    socket.on('error', () => resolve(text));
  });
  return { socket, answer };
}

describe('input errors name their field', () => {
  let dev: TestServer;
  let prod: TestServer;
  const p = productionEnv();
  beforeAll(async () => {
    [dev, prod] = await Promise.all([startServer(), startServer(p.env)]);
  });
  afterAll(() => Promise.all([dev.close(), prod.close()]));

  it('a bad enum value in a variable: BAD_USER_INPUT with the path to the field, no hint in production', async () => {
    for (const [server, headers] of [[dev, {}], [prod, p.headers]] as const) {
      const res = await post(server.url, START, { input: pawa({ requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCANN' }] }) }, headers);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requirements[1].type' });
      if (server === prod) expect(res.errors![0].message).not.toMatch(/Did you mean/);
    }
    // a variable that is itself an enum: the variable's name
    const res = await post(dev.url, 'query($s: VerificationStatus) { verifications(filter: { status: $s }) { edges { cursor } } }', { s: 'APPROVD' });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 's' });
  });

  it('null or nothing for a non-null input field: BAD_USER_INPUT naming it', async () => {
    const nulled = await post(dev.url, START, { input: pawa({ successUrl: null }) });
    expect(nulled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.successUrl' });
    const { errorUrl: _e, ...missing } = pawa();
    const absent = await post(dev.url, START, { input: missing });
    expect(absent.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.errorUrl' });
    const nested = await post(dev.url, START, { input: pawa({ requirements: [{ type: null }] }) });
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requirements[0].type' });
    const whole = await post(dev.url, START, { input: null });
    expect(whole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
  });

  it('the same errors written inline in the operation (arguments, not variables)', async () => {
    const inline = (fields: string) =>
      `mutation { startPawaPassVerification(input: { subjectId: "s", externalId: "x", errorUrl: "https://e.com/e", supportUrl: "https://e.com/h", ${fields} }) { id } }`;
    for (const [server, headers] of [[dev, {}], [prod, p.headers]] as const) {
      const bad = await post(server.url, inline('successUrl: "https://e.com/s", requirements: [{ type: DOCUMENT_SCAN }, { type: FACE_SCANN }]'), undefined, headers);
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requirements[1].type' });
      if (server === prod) expect(bad.errors![0].message).not.toMatch(/Did you mean/);
    }
    const nulled = await post(dev.url, inline('successUrl: null, requirements: [{ type: DOCUMENT_SCAN }]'));
    expect(nulled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.successUrl' });
    const missing = await post(dev.url, inline('requirements: [{ type: DOCUMENT_SCAN }]'));
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.successUrl' });
  });

  it('over WebSocket too: a variable that does not coerce and an invalid inline value name their field', async () => {
    const client = wsClient(dev.url);
    const run = (query: string, variables?: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve) => {
        const errors: unknown[] = [];
        client.subscribe({ query, variables }, {
          next: (msg) => errors.push(...(msg.errors ?? [])),
          error: (e) => resolve([...errors, ...(e as unknown[])]),
          complete: () => resolve(errors),
        });
      });
    const coerced = (await run('subscription($id: ID!) { verificationUpdated(id: $id) { cursor } }', { id: null })) as { extensions?: unknown }[];
    expect(coerced[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const inline = (await run('subscription { verificationUpdated(id: { a: 1 }) { cursor } }')) as { extensions?: unknown }[];
    expect(inline[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    await client.dispose();
  });
});

describe('dates', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());
  const upvestCreates = () => (server.app.adapters.get('UPVEST')!.simulator as unknown as { requests: { create: number; list: number; get: number } }).requests;

  it('a check dated year 0001 (instrument fit: no age limit of its own) is BAD_USER_INPUT naming the field, and Upvest is never called', async () => {
    const before = { ...upvestCreates() };
    const userId = '0d6f1c1e-8a51-4f4e-9a3e-0f5b8f0e1a01';
    for (const at of ['0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z']) {
      const res = await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: at, instrumentSuitability: { suitability: true } } });
      expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.checkConfirmedAt' });
    }
    // the barrier: a plausible date is accepted and is the only call Upvest got
    ok(await server.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: '1900-01-01T00:00:00Z', instrumentSuitability: { suitability: true } } }));
    expect(upvestCreates().create).toBe(before.create + 1);
    expect(upvestCreates().list + upvestCreates().get).toBe(before.list + before.get);
  });

  it('every DateTime input has the same bounds: a pawaPass expiry in year 9999 is refused', async () => {
    const res = await server.gql(StartPawaPassDocument, { input: pawa({ expiresAt: '9999-12-31T00:00:00Z' }) as never });
    expect(firstError(res)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    const inline = await post(server.url, 'mutation { createInstrumentFitCheck(input: { userId: "0d6f1c1e-8a51-4f4e-9a3e-0f5b8f0e1a01", checkConfirmedAt: "0001-01-01T00:00:00Z", instrumentSuitability: { suitability: true } }) { id } }');
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.checkConfirmedAt' });
  });
});

describe('logs', () => {
  const logs = capture();
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ LOG_LEVEL: 'trace', UPHOLD_SANDBOX_STEP_MS: '20', INGESTION_POLL_INTERVAL_MS: '0' }, logs.stream);
  });
  afterAll(() => server.close());

  it('the Sumsub share token of an Uphold ingestion never reaches the logs, at any level', async () => {
    const token = 'approved-_act-sbx-share-token-5f9c2e71';
    const i = ok(await server.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: token, userId: 'hyg-uphold', processes: ['IDENTITY'] } })).createIngestion;
    const deadline = Date.now() + 10_000;
    while (ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion?.status !== 'FINISHED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    // the parsed webhook (which carries the ingestion, token included) was logged
    await logs.until((l) => l.msg === 'webhook parsed' && l.provider === 'uphold');
    expect(logs.raw.filter((l) => l.includes(token) || l.includes('share-token-5f9c2e71'))).toEqual([]);
  });

  it('a client that hangs up mid-request is one debug line without a stack, never an error', async () => {
    const aborts = () => logs.lines.filter((l) => l.msg === 'request aborted by the client');
    const hangUp = (path: string) =>
      new Promise<void>((resolve, reject) => {
        const socket: Socket = connect(Number(new URL(server.url).port), '127.0.0.1', () => {
          socket.write(`POST ${path} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":`, () => {
            // let the server start reading the body before hanging up
            setTimeout(() => socket.destroy(), 50);
          });
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
    for (const path of ['/graphql', '/webhooks/pawapass', '/sandbox/pawapass/faults']) await hangUp(path);
    await logs.until(() => aborts().length >= 3);
    // barrier: a later request is logged after every abort was handled
    const barrier = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'hygiene-barrier' } });
    expect(barrier.status).toBe(200);
    await logs.until((l) => l.msg === 'request' && l.requestId === 'hygiene-barrier');
    expect(aborts()).toHaveLength(3);
    for (const l of aborts()) {
      expect(l.level).toBeLessThanOrEqual(30);
      expect(JSON.stringify(l)).not.toContain('stack');
    }
    expect(logs.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });
});

describe('a stalled upload', () => {
  let server: TestServer;
  let dir: string;
  const previousTmp = process.env.TMPDIR;
  beforeAll(async () => {
    // graphql-upload writes to os.tmpdir(): a directory of this test's own to observe
    dir = mkdtempSync(join(tmpdir(), 'kyc-upload-stall-'));
    process.env.TMPDIR = dir;
    server = await startServer({ UPLOAD_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await server.close();
    process.env.TMPDIR = previousTmp;
    if (previousTmp === undefined) delete process.env.TMPDIR;
    rmSync(dir, { recursive: true, force: true });
  });
  const tempFiles = () => readdirSync(dir).filter((f) => /^capacitor-[0-9a-f]+\.tmp$/.test(f));

  it('is answered 408 after UPLOAD_TIMEOUT_MS and its temp file is gone by then', async () => {
    const boundary = '----kyc-stall';
    const operations = JSON.stringify({
      query: print(SubmitArgosDocumentDocument),
      variables: { input: { subjectId: 'stall', email: 'stall@example.com', idType: 'PASSPORT', issuingCountry: 'KOR', idImage: null } },
    });
    const head =
      `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ 0: ['variables.input.idImage'] })}\r\n` +
      `--${boundary}\r\ncontent-disposition: form-data; name="0"; filename="front.png"\r\ncontent-type: image/png\r\n\r\n`;
    const image = png(800, 600, 77);
    const partial = Buffer.concat([Buffer.from(head), image.subarray(0, 2000)]);
    const { socket, answer } = rawConnection(server.url);
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: x\r\napollo-require-preflight: true\r\ncontent-type: multipart/form-data; boundary=${boundary}\r\n` +
        `content-length: ${partial.length + image.length}\r\n\r\n`,
    );
    socket.write(partial);
    // the file is being received: its temp file exists
    const deadline = Date.now() + 5000;
    while (tempFiles().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(tempFiles()).toHaveLength(1);
    // … and then the client stalls: the server answers 408 and closes
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain('UPLOAD_TIMEOUT_MS');
    expect(tempFiles()).toEqual([]);
    socket.destroy();
  });

  it('stalling before any file (inside the operations field) is answered 408 too', async () => {
    const boundary = '----kyc-stall2';
    const { socket, answer } = rawConnection(server.url);
    socket.write(
      `POST /graphql HTTP/1.1\r\nhost: x\r\napollo-require-preflight: true\r\ncontent-type: multipart/form-data; boundary=${boundary}\r\ncontent-length: 100000\r\n\r\n` +
        `--${boundary}\r\ncontent-disposition: form-data; name="operations"\r\n\r\n{"query":`,
    );
    expect(await answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
