// The Upvest client's HTTP message signatures, checked against the documented content-digest
// vector and an independent verifier written here from provider-specs/upvest.md (draft-15), for
// both key types; plus its OAuth2 token handling and error mapping against a scripted provider.
import { createHash, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpvestClient } from '../src/providers/upvest/client.js';
import { contentDigest } from '../src/providers/upvest/signature.js';

interface Captured {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A scripted stand-in for Upvest: records every request, answers what the test queues. */
let provider: Server;
let base: string;
let captured: Captured[] = [];
type Reply = { status: number; body: unknown; headers?: Record<string, string> };
let script: ((req: Captured) => Reply | undefined)[] = [];
let tokenCount = 0;

beforeAll(async () => {
  provider = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const cap = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) };
    captured.push(cap);
    let reply: Reply | undefined;
    if (req.url === '/auth/token') reply = { status: 200, body: { access_token: `token-${++tokenCount}`, token_type: 'bearer', expires_in: 3600 } };
    else reply = script.shift()?.(cap) ?? { status: 200, body: { data: [] } };
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => provider.close(() => r())));
beforeEach(() => {
  captured = [];
  script = [];
  tokenCount = 0;
});

const CLIENT_ID = 'ebabcf4d-61c3-4942-875c-e265a7c2d062';
const USER = '7b39529a-e68c-4688-8242-7549d10d6084';
const keys = {
  ed25519: generateKeyPairSync('ed25519'),
  'ecdsa-p521': generateKeyPairSync('ec', { namedCurve: 'P-521' }),
};
const client = (privateKey: KeyObject) =>
  new UpvestClient({ baseUrl: () => base, clientId: CLIENT_ID, clientSecret: 's3cret-value', signingKey: privateKey, signingKeyId: 'key-1', timeoutMs: 2000 });

/**
 * Independent verifier, from the spec only: parse signature-input, rebuild the signature base
 * (`"name": value` lines, then `"@signature-params": …`), verify with the public key.
 */
function independentlyVerify(req: Captured, publicKey: KeyObject): { components: string[]; params: Record<string, string> } {
  const input = String(req.headers['signature-input']);
  const m = /^sig1=\(([^)]*)\)(.*)$/.exec(input);
  if (!m) throw new Error(`bad signature-input ${input}`);
  const components = m[1].split(' ').map((c) => c.replace(/"/g, ''));
  const params = Object.fromEntries([...m[2].matchAll(/;([a-z]+)=("?)([^";]*)\2/g)].map((x) => [x[1], x[3]]));
  const [path, query] = req.url.split('?');
  const value = (c: string) => {
    if (c === '@method') return req.method;
    if (c === '@path') return path;
    if (c === '@query') return `?${query}`;
    return String(req.headers[c]);
  };
  const base = [...components.map((c) => `"${c}": ${value(c)}`), `"@signature-params": ${input.slice('sig1='.length)}`].join('\n');
  const sig = /^sig1=:([^:]+):$/.exec(String(req.headers.signature))![1];
  const ok =
    publicKey.asymmetricKeyType === 'ed25519'
      ? verify(null, Buffer.from(base), publicKey, Buffer.from(sig, 'base64'))
      : verify('sha512', Buffer.from(base), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64'));
  if (!ok) throw new Error('signature does not verify');
  return { components, params };
}

describe('content-digest', () => {
  it('matches the documented vector for {"key": "value"}', () => {
    expect(contentDigest('{"key": "value"}')).toBe('sha-512=:Hd9/AvGZkbjitW1+Ml8Fg1ux1mtcDYe6mLQjDyoowIWa3LM/PmwN2v9O+MjtQGrCA3EQWUL54dlgxKHyYbrucw==:');
  });
});

describe.each(Object.entries(keys))('requests signed with an %s key', (_alg, { privateKey, publicKey }) => {
  it('the token request is signed without authorization and carries the client credentials form', async () => {
    await client(privateKey).listChecks(USER);
    const token = captured.find((c) => c.url === '/auth/token')!;
    const { components, params } = independentlyVerify(token, publicKey);
    expect(components).toEqual(['@method', '@path', 'accept', 'content-length', 'content-type', 'content-digest', 'upvest-client-id']);
    expect(token.headers['content-digest']).toBe(`sha-512=:${createHash('sha512').update(token.body).digest('base64')}:`);
    expect(Number(params.expires) - Number(params.created)).toBe(5);
    expect(params.keyid).toBe('key-1');
    expect(params.nonce).toMatch(/.{16,}/);
    const form = new URLSearchParams(token.body.toString());
    expect(Object.fromEntries(form)).toEqual({ client_id: CLIENT_ID, client_secret: 's3cret-value', grant_type: 'client_credentials', scope: 'checks:read' });
  });

  it('a GET carries the common headers and a signature over method, path, accept, authorization and client id', async () => {
    await client(privateKey).listChecks(USER);
    const get = captured.find((c) => c.method === 'GET')!;
    expect(get.url).toBe(`/users/${USER}/checks`);
    expect(get.headers).toMatchObject({ 'upvest-client-id': CLIENT_ID, 'upvest-api-version': '1', 'upvest-signature-version': '15', accept: 'application/json', authorization: 'Bearer token-1' });
    expect(independentlyVerify(get, publicKey).components).toEqual(['@method', '@path', 'accept', 'authorization', 'upvest-client-id']);
    // the verifier is not a rubber stamp: another key, or another path, fails
    const other = _alg === 'ed25519' ? keys['ecdsa-p521'].publicKey : keys.ed25519.publicKey;
    expect(() => independentlyVerify(get, other)).toThrow();
    expect(() => independentlyVerify({ ...get, url: `/users/${USER}/checks/x` }, publicKey)).toThrow('does not verify');
    expect(get.headers['content-digest']).toBeUndefined();
  });

  it('a POST also signs content-length, content-type, content-digest and idempotency-key, with the admin scope', async () => {
    script.push(() => ({ status: 202, body: { id: 'e13e9d81-7f43-492d-a02a-440edced389a' } }));
    await client(privateKey).createCheck(USER, { type: 'INSTRUMENT_FIT', check_confirmed_at: '2020-08-24T14:15:22Z', instrument_suitability: { suitability: true } }, '0c4a7a0e-5a42-4b0a-8d4e-3f1d2c3b4a59');
    const post = captured.find((c) => c.method === 'POST' && c.url.startsWith('/users/'))!;
    const { components } = independentlyVerify(post, publicKey);
    expect(components).toEqual(['@method', '@path', 'accept', 'authorization', 'content-length', 'content-type', 'content-digest', 'idempotency-key', 'upvest-client-id']);
    expect(post.headers['content-digest']).toBe(contentDigest(post.body));
    expect(new URLSearchParams(captured[0].body.toString()).get('scope')).toBe('checks:admin');
  });
});

describe('OAuth2 token handling', () => {
  const { privateKey } = keys.ed25519;

  it('reuses a cached token per scope and fetches one per scope', async () => {
    const c = client(privateKey);
    await Promise.all([c.listChecks(USER), c.listChecks(USER), c.getCheck(USER, 'a').catch(() => null)]);
    await c.listChecks(USER);
    expect(tokenCount).toBe(1);
    script.push(() => ({ status: 202, body: { id: 'x' } }));
    await c.createCheck(USER, { type: 'INSTRUMENT_FIT', check_confirmed_at: '2020-08-24T14:15:22Z', instrument_suitability: { suitability: true } });
    expect(tokenCount).toBe(2);
  });

  it('on a 401 fetches a new token once and retries once', async () => {
    const c = client(privateKey);
    await c.listChecks(USER);
    script.push(() => ({ status: 401, body: { status: 401, type: 'unauthorized' } }));
    script.push((req) => ({ status: 200, body: { data: [{ id: 'c1', user_id: USER, type: 'COMPLIANCE', status: 'PASSED', check_confirmed_at: '2020-08-24T14:15:22Z', auth: req.headers.authorization }] } }));
    const list = await c.listChecks(USER);
    expect(list).toHaveLength(1);
    expect(tokenCount).toBe(2);
    expect(captured.filter((x) => x.url.startsWith('/users/')).map((x) => x.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('a second 401 is PROVIDER_REJECTED, and neither token nor secret appears in the error', async () => {
    const c = client(privateKey);
    script.push(() => ({ status: 401, body: { status: 401, type: 'unauthorized', request_id: 'req-1' } }));
    script.push(() => ({ status: 401, body: { status: 401, type: 'unauthorized', request_id: 'req-2' } }));
    const err = await c.listChecks(USER).catch((e) => e);
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', provider: 'UPVEST', httpStatus: 401, providerErrorType: 'unauthorized', requestId: 'req-2' });
    expect(tokenCount).toBe(2);
    expect(JSON.stringify({ message: err.message, ext: err.extensions })).not.toMatch(/token-\d|s3cret/);
  });
});

describe('problem bodies become our error codes with the request id', () => {
  const { privateKey } = keys.ed25519;
  const problem = (status: number, type: string, headers: Record<string, string> = {}) => () => ({
    status,
    body: { type, status, title: 'T', detail: 'user_id must be a UUID', instance: '/users/x/checks', request_id: `rid-${status}` },
    headers: { 'upvest-request-id': `rid-${status}`, ...headers },
  });
  it.each([
    [400, 'bad_request', { code: 'PROVIDER_REJECTED', httpStatus: 400, providerErrorType: 'bad_request' }],
    [403, 'forbidden', { code: 'PROVIDER_REJECTED', httpStatus: 403, providerErrorType: 'forbidden' }],
    [404, 'not_found', { code: 'PROVIDER_REJECTED', httpStatus: 404, providerErrorType: 'not_found' }],
    [406, 'not_acceptable', { code: 'PROVIDER_REJECTED', httpStatus: 406, providerErrorType: 'not_acceptable' }],
    [429, 'too_many_requests', { code: 'RATE_LIMITED', retryAfter: 60 }],
    [500, 'internal_server_error', { code: 'PROVIDER_UNAVAILABLE', httpStatus: 500 }],
    [503, 'method_not_allowed', { code: 'PROVIDER_UNAVAILABLE', httpStatus: 503 }],
    [504, 'gateway_timeout', { code: 'PROVIDER_UNAVAILABLE', httpStatus: 504 }],
  ] as const)('%i %s', async (status, type, expected) => {
    // a Retry-After beyond what the client waits for: the first answer is final (retries are tested in resilience.test.ts)
    script.push(problem(status, type, { 'retry-after': '60' }));
    const err = await client(privateKey).listChecks(USER).catch((e) => e);
    expect(err.extensions).toMatchObject({ ...expected, provider: 'UPVEST', requestId: `rid-${status}` });
  });

  it('a 404 on a single check is null, not an error', async () => {
    script.push(problem(404, 'not_found'));
    expect(await client(privateKey).getCheck(USER, 'nope')).toBeNull();
  });
});
