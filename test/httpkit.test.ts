// readBody, the one way every route reads a request body: whole bodies in any chunking, the limit
// (declared or counted while streaming), and a client that hangs up mid-body. requestUrl, the
// way every route reads a request target, against `new URL`.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BodyTooLargeError, ClientAbortedError, readBody, requestUrl } from '../src/http/httpkit.js';

const LIMIT = 1000;
let server: Server;
let port: number;
/** What readBody gave each request, by its x-case header. */
const outcomes = new Map<string, { body?: Buffer; error?: unknown; paused?: boolean }>();
const waiters = new Map<string, () => void>();

beforeAll(async () => {
  server = createServer(async (req: IncomingMessage, res) => {
    const name = String(req.headers['x-case']);
    try {
      const body = await readBody(req, LIMIT);
      outcomes.set(name, { body });
      res.end(String(body.length));
    } catch (error) {
      outcomes.set(name, { error, paused: req.isPaused() });
      // as the routes answer it (server/routes.ts)
      if (error instanceof BodyTooLargeError) res.writeHead(413).end();
    }
    waiters.get(name)?.();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const outcome = (name: string) =>
  outcomes.has(name) ? Promise.resolve(outcomes.get(name)!) : new Promise<ReturnType<typeof outcomes.get>>((r) => waiters.set(name, () => r(outcomes.get(name))));

/**
 * Sends raw HTTP/1.1 bytes (`parts` written one by one, each in its own write), then optionally
 * hangs up; resolves with what came back once the connection is closed (the requests ask for it).
 */
function raw(parts: string[], hangUp = false) {
  return new Promise<string>((resolve) => {
    let answer = '';
    const socket = connect(port, '127.0.0.1', async () => {
      for (const p of parts) await new Promise<void>((r) => socket.write(p, () => r()));
      if (hangUp) socket.destroy();
    });
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', () => {}); // the server may hang up on us (a refused body): 'close' follows
  });
}

const head = (name: string, extra: string) => `POST / HTTP/1.1\r\nhost: x\r\nx-case: ${name}\r\nconnection: close\r\n${extra}\r\n`;
const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;

describe('readBody', () => {
  it('returns the whole body, however it arrives (one piece, several chunks)', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', headers: { 'x-case': 'whole' }, body: '{"a":1}' });
    expect(await res.text()).toBe('7');
    expect((await outcome('whole'))!.body!.toString()).toBe('{"a":1}');
    await raw([head('chunks', 'transfer-encoding: chunked\r\n'), chunk('x'.repeat(400)), chunk('é'.repeat(100)), chunk('y'.repeat(300)), '0\r\n\r\n']);
    expect((await outcome('chunks'))!.body!.toString()).toBe('x'.repeat(400) + 'é'.repeat(100) + 'y'.repeat(300));
  });

  it('refuses a declared length over the limit before reading anything', async () => {
    const answer = await raw([head('declared', `content-length: ${LIMIT + 1}\r\n`)]);
    const o = (await outcome('declared'))!;
    expect(o.error).toBeInstanceOf(BodyTooLargeError);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('refuses a streamed body once it passes the limit, and reads no more of it: the client gets 413', async () => {
    // no end chunk: the client would go on sending (it stops here, so closing leaves nothing unread)
    const answer = await raw([head('streamed', 'transfer-encoding: chunked\r\n'), chunk('x'.repeat(600)), chunk('x'.repeat(600))]);
    const o = (await outcome('streamed'))!;
    expect(o.error).toBeInstanceOf(BodyTooLargeError);
    expect(o.paused).toBe(true);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
  });

  it('a client that hangs up mid-body is ClientAbortedError', async () => {
    await raw([head('hang-up', 'content-length: 500\r\n'), 'x'.repeat(100)], true);
    expect((await outcome('hang-up'))!.error).toBeInstanceOf(ClientAbortedError);
  });
});

describe('requestUrl', () => {
  // targets a server sees: plain ones (taken as they are) and every kind `new URL` rewrites
  const targets = [
    '/', '/graphql', '/webhooks/pawapass', '/sandbox/uppass/abc-DEF_1~x/advance', '/a.b/c', '/a..b', '/file.',
    '/a/../b', '/a/./b', '/a/b/..', '/.', '/..', '/a/.well-known', '//evil.example/graphql', '///x',
    '/%41%2e%2e/b', '/a%2F..%2Fb', '/ä', '/a b', '/a\\b', '/a|b', '/graphql?', '/graphql?query=%7B%20a%20%7D&x=1',
    '/a#frag', '/sandbox/x?token=t%20k', 'graphql', '', '*',
  ];
  it.each(targets)('%j reads as new URL reads it', (target) => {
    const url = requestUrl(target);
    const expected = new URL(target, 'http://localhost');
    expect([url.pathname, url.search, [...url.searchParams]]).toEqual([expected.pathname, expected.search, [...expected.searchParams]]);
  });

  it('takes a plain path as it is, without URL', () => {
    expect(requestUrl('/webhooks/pawapass')).not.toBeInstanceOf(URL);
    expect(requestUrl('/a/../b')).toBeInstanceOf(URL);
    expect(requestUrl(undefined).pathname).toBe('/');
  });
});
