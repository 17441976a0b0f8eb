// The Upvest simulator answers as Upvest documents: signed requests only, OAuth2 tokens and
// scopes, the seed's validation and problem bodies, JWKS, idempotency.
import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UpvestSimulator } from '../src/providers/upvest/simulator.js';
import { contentDigest, privateKeyFromPem, signMessage } from '../src/providers/upvest/signature.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
let sim: UpvestSimulator;
let api: string;
let key: KeyObject;

beforeAll(async () => {
  server = await startServer();
  sim = (server.app.adapters.get('UPVEST') as unknown as { simulator: UpvestSimulator }).simulator;
  api = `${server.url}/sandbox/upvest`;
  key = privateKeyFromPem(server.config.upvest.signingKeyPem);
});
afterAll(() => server.close());

interface Opts {
  body?: string;
  token?: string;
  contentType?: string;
  headers?: Record<string, string>;
  signWith?: { key: KeyObject; keyId: string };
  /** Change the body after signing. */
  tamper?: (body: string) => string;
  nonce?: string;
}

/** A request signed the way Upvest documents (v15), sent to the simulator. */
async function call(method: 'GET' | 'POST', target: string, o: Opts = {}) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'upvest-client-id': server.config.upvest.clientId,
    'upvest-api-version': '1',
    ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
    ...o.headers,
  };
  if (o.body !== undefined) {
    headers['content-type'] = o.contentType ?? 'application/json';
    headers['content-length'] = String(Buffer.byteLength(o.body));
    headers['content-digest'] = contentDigest(o.body);
  }
  const signer = o.signWith ?? { key, keyId: server.config.upvest.signingKeyId };
  Object.assign(headers, signMessage({ method, target, headers }, { ...signer, nonce: o.nonce }));
  const body = o.body !== undefined && o.tamper ? o.tamper(o.body) : o.body;
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const res = await fetch(api + target, { method, headers, body });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function token(scope = 'checks:read checks:admin', secret = server.config.upvest.clientSecret) {
  const form = new URLSearchParams({ client_id: server.config.upvest.clientId, client_secret: secret, grant_type: 'client_credentials', scope }).toString();
  return call('POST', '/auth/token', { body: form, contentType: 'application/x-www-form-urlencoded' });
}

const kycBody = (over: Record<string, unknown> = {}) => ({
  type: 'KYC',
  check_confirmed_at: new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z/, 'Z'),
  data_download_link: 'https://bucket.customer.com/ident/user3.zip',
  document_type: 'ID_CARD',
  document_expiration_date: '2030-01-01',
  nationality: 'DE',
  provider: 'KYC provider',
  method: 'VIDEO_ID',
  confirmed_address: { address_line1: 'Rosenweg 221', address_line2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' },
  ...over,
});

const expectProblem = (res: { status: number; headers: Headers; body: Record<string, unknown> }, status: number, type: string) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ status, type, title: expect.any(String), detail: expect.any(String), instance: expect.any(String), request_id: expect.any(String) });
  expect(res.headers.get('upvest-request-id')).toBe(res.body.request_id);
};

describe('Upvest simulator: OAuth2', () => {
  it('issues a bearer token for the client credentials and the scopes asked', async () => {
    const res = await token('checks:read');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600, scope: 'checks:read' });
  });

  it('answers 401 for a wrong secret and for a scope the client does not hold', async () => {
    expectProblem(await token('checks:read', 'wrong'), 401, 'unauthorized');
    expectProblem(await token('users:admin'), 401, 'unauthorized');
  });

  it('answers 403 when the token lacks the scope (a read token cannot create)', async () => {
    const t = (await token('checks:read')).body.access_token as string;
    expectProblem(await call('POST', `/users/${randomUUID()}/checks`, { token: t, body: JSON.stringify(kycBody()) }), 403, 'forbidden');
  });

  it('answers 401 without a token, with a made-up one, and after the token was revoked', async () => {
    const t = (await token()).body.access_token as string;
    const user = randomUUID();
    expectProblem(await call('GET', `/users/${user}/checks`), 401, 'unauthorized');
    expectProblem(await call('GET', `/users/${user}/checks`, { token: 'made-up' }), 401, 'unauthorized');
    expect((await call('GET', `/users/${user}/checks`, { token: t })).status).toBe(200);
    sim.revokeTokens();
    expectProblem(await call('GET', `/users/${user}/checks`, { token: t }), 401, 'unauthorized');
  });
});

describe('Upvest simulator: request signatures', () => {
  let t: string;
  beforeAll(async () => {
    t = (await token()).body.access_token as string;
  });

  it('rejects an unsigned request with 401', async () => {
    const res = await fetch(`${api}/users/${randomUUID()}/checks`, { headers: { accept: 'application/json', authorization: `Bearer ${t}`, 'upvest-client-id': server.config.upvest.clientId } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/signature/);
  });

  it('rejects a body changed after signing, a key Upvest does not know, and a replayed nonce', async () => {
    const user = randomUUID();
    const body = JSON.stringify(kycBody());
    expectProblem(await call('POST', `/users/${user}/checks`, { token: t, body, tamper: (b) => b.replace('ID_CARD', 'PASSPORT') }), 401, 'unauthorized');
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expectProblem(await call('GET', `/users/${user}/checks`, { token: t, signWith: { key: stranger, keyId: 'not-registered' } }), 401, 'unauthorized');
    expect((await call('GET', `/users/${user}/checks`, { token: t, nonce: 'once-only' })).status).toBe(200);
    expectProblem(await call('GET', `/users/${user}/checks`, { token: t, nonce: 'once-only' }), 401, 'unauthorized');
  });

  it('accepts an ECDSA P-521 key once registered', async () => {
    const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
    const signWith = { key: p521.privateKey, keyId: randomUUID() };
    expect((await call('GET', `/users/${randomUUID()}/checks`, { token: t, signWith })).status).toBe(401);
    sim.registerClientKey(signWith.keyId, createPublicKey(p521.privateKey));
    expect((await call('GET', `/users/${randomUUID()}/checks`, { token: t, signWith })).status).toBe(200);
  });
});

describe('Upvest simulator: user checks', () => {
  let t: string;
  beforeAll(async () => {
    t = (await token()).body.access_token as string;
  });

  it('creates a check (202 with its id), lists it and gets it with the seed fields', async () => {
    const user = randomUUID();
    const created = await call('POST', `/users/${user}/checks`, { token: t, body: JSON.stringify(kycBody()), headers: { 'idempotency-key': randomUUID() } });
    expect(created.status).toBe(202);
    expect(Object.keys(created.body)).toEqual(['id']);
    const id = created.body.id as string;
    const list = await call('GET', `/users/${user}/checks`, { token: t });
    expect(list.body).toEqual({ data: [expect.objectContaining({ id, user_id: user, type: 'KYC', status: 'IN_PROGRESS', nationality: 'DE' })] });
    const one = await call('GET', `/users/${user}/checks/${id}`, { token: t });
    expect(one.body).toMatchObject({ id, document_type: 'ID_CARD', confirmed_address: { city: 'Berlin' } });
    expectProblem(await call('GET', `/users/${randomUUID()}/checks/${id}`, { token: t }), 404, 'not_found');
  });

  it('the same idempotency-key creates one check', async () => {
    const user = randomUUID();
    const key = randomUUID();
    const a = await call('POST', `/users/${user}/checks`, { token: t, body: JSON.stringify(kycBody()), headers: { 'idempotency-key': key } });
    const b = await call('POST', `/users/${user}/checks`, { token: t, body: JSON.stringify(kycBody()), headers: { 'idempotency-key': key } });
    expect(b.body.id).toBe(a.body.id);
    expect(((await call('GET', `/users/${user}/checks`, { token: t })).body.data as unknown[]).length).toBe(1);
  });

  const monthsAgo = (m: number) => new Date(Date.now() - m * 30.5 * 86_400_000).toISOString().replace(/\.\d{3}Z/, 'Z');
  it.each([
    ['check_confirmed_at', kycBody({ check_confirmed_at: monthsAgo(25) })],
    ['nationality', kycBody({ nationality: 'de' })],
    ['data_download_link', kycBody({ data_download_link: `https://x/${'a'.repeat(1000)}` })],
    ['method', kycBody({ method: 'LIVENESS_PHOTO_ID' })],
    ['method', kycBody({ method: 'SELFIE' })],
    ['provider', kycBody({ provider: 'p'.repeat(101) })],
    ['confirmed_address.postcode', kycBody({ confirmed_address: { address_line1: 'a', postcode: '!', city: 'B', country: 'DE' } })],
    ['confirmed_address.address_line1', kycBody({ confirmed_address: { address_line1: 'PO Box 1', postcode: '1', city: 'B', country: 'DE' } })],
    ['issuance_date', { type: 'POR', check_confirmed_at: monthsAgo(0), issuance_date: monthsAgo(13).slice(0, 10), data_download_link: 'https://x/y', document_type: 'UTILITY_BILL', confirmed_address: { address_line1: 'a', postcode: '1', city: 'B', country: 'DE' } }],
    ['confirmed_address', { type: 'POR', check_confirmed_at: monthsAgo(0), issuance_date: monthsAgo(1).slice(0, 10), data_download_link: 'https://x/y', document_type: 'UTILITY_BILL' }],
    ['instrument_suitability.suitability', { type: 'INSTRUMENT_FIT', check_confirmed_at: monthsAgo(0), instrument_suitability: {} }],
    ['type', { type: 'OTHER', check_confirmed_at: monthsAgo(0) }],
  ])('answers 400 bad_request naming %s', async (field, body) => {
    const res = await call('POST', `/users/${randomUUID()}/checks`, { token: t, body: JSON.stringify(body), headers: { 'idempotency-key': randomUUID() } });
    expectProblem(res, 400, 'bad_request');
    expect(res.body.detail).toContain(field);
  });

  it('answers 400 for a write without an idempotency key, or with one that is not a UUID (Upvest asks for UUIDs)', async () => {
    const body = JSON.stringify(kycBody());
    expectProblem(await call('POST', `/users/${randomUUID()}/checks`, { token: t, body }), 400, 'missing_idempotency_key');
    expectProblem(await call('POST', `/users/${randomUUID()}/checks`, { token: t, body, headers: { 'idempotency-key': 'tenant:createKycCheck:k1' } }), 400, 'invalid_idempotency_key');
  });

  it('answers 406 when the client will not accept JSON, and 400 for a user id that is not a UUID', async () => {
    expectProblem(await call('GET', `/users/${randomUUID()}/checks`, { token: t, headers: { accept: 'text/html' } }), 406, 'not_acceptable');
    expectProblem(await call('GET', '/users/someone/checks', { token: t }), 400, 'bad_request');
  });

  it.each([
    [429, 'too_many_requests'],
    [500, 'internal_server_error'],
    [503, 'method_not_allowed'],
    [504, 'gateway_timeout'],
  ])('a fault answers %i with the seed problem body (%s)', async (status, type) => {
    await fetch(`${api}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status, times: 1, retryAfter: 2 }) });
    const res = await call('GET', `/users/${randomUUID()}/checks`, { token: t });
    expectProblem(res, status, type);
    expect(res.headers.get('retry-after')).toBe('2');
    expect((await call('GET', `/users/${randomUUID()}/checks`, { token: t })).status).toBe(200);
  });

  it('publishes its webhook keys as a JWKS of P-521 keys', async () => {
    const res = await call('GET', '/auth/verify_keys', { token: t });
    expect(res.status).toBe(200);
    expect(res.body.keys).toEqual([expect.objectContaining({ kid: expect.any(String), kty: 'EC', crv: 'P-521', x: expect.any(String), y: expect.any(String) })]);
    expect(JSON.stringify(res.body)).not.toContain('"d"');
  });
});
