// Upvest as documented (issue 14): the seed's own examples (test/fixtures/providers/upvest/) go
// through the runtime schemas and the mapper; webhook signatures are checked against vectors made
// with openssl; idempotency keys are name-based UUIDs, every retry is signed afresh; COMPLIANCE
// checks are created by Upvest (the sandbox) only.
import { createPublicKey, generateKeyPairSync, type KeyObject, randomUUID, verify as cryptoVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { idempotencyUuid, UpvestClient } from '../src/providers/upvest/client.js';
import {
  toCheck,
  upvestCheckListSchema,
  upvestCheckSchema,
  upvestCreatedSchema,
  upvestJwksSchema,
  upvestProblemSchema,
  upvestTokenSchema,
  type UpvestCheck,
} from '../src/providers/upvest/mapper.js';
import { toCreateRequest } from '../src/providers/upvest/schema.js';
import { publicKeyFromJwk, verifyMessage } from '../src/providers/upvest/signature.js';
import { parse } from '../src/providers/upvest/webhook.js';
import type { UpvestSimulator } from '../src/providers/upvest/simulator.js';
import { WebhookFormatError } from '../src/providers/contract.js';
import { fixture } from './support/fixtures.js';
import { startServer, type TestServer } from './support/server.js';

const U = 'upvest';
const SEED_USER = '7b39529a-e68c-4688-8242-7549d10d6084';

describe('the seed examples through the schemas and the mapper', () => {
  it('GET /users/{user_id}/checks (l.135-194): all four checks parse and map', () => {
    const list = upvestCheckListSchema.parse(fixture(U, 'list-checks.response.json'));
    const checks = list.data.map((c) => toCheck(upvestCheckSchema.parse(c)));
    expect(checks.map((c) => [c.type, c.status])).toEqual([['KYC', 'PASSED'], ['INSTRUMENT_FIT', 'PASSED'], ['POR', 'PASSED'], ['COMPLIANCE', 'PASSED']]);
    expect(checks[0]).toEqual({
      id: '008a82d0-c5a4-4410-9318-d34786429c5a',
      userId: SEED_USER,
      type: 'KYC',
      status: 'PASSED',
      confirmedAt: '2019-08-24T14:15:22Z',
      dataDownloadLink: 'https://bucket.customer.com/ident/user3.zip',
      documentType: 'ID_CARD',
      documentExpirationDate: '2030-01-01',
      nationality: 'DE',
      provider: 'KYC provider',
      method: 'VIDEO_ID',
      confirmedAddress: { addressLine1: 'Rosenweg 221', addressLine2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' },
      kycUpdate: null,
    });
    expect(checks[1]).toMatchObject({ instrumentSuitability: { suitability: true }, confirmedAt: '2020-08-24T14:15:22Z' });
    // the seed's own POR link has a stray space ("https: //…"): read as given
    expect(checks[2]).toMatchObject({ issuanceDate: '2020-01-01', documentType: 'UTILITY_BILL', dataDownloadLink: 'https: //bucket.customer.com/por/user3.zip' });
  });

  it.each(['kyc', 'instrument-fit', 'por', 'compliance'])('GET /users/{user_id}/checks/{check_id} (%s) parses and maps', (kind) => {
    const raw = fixture(U, `get-check-${kind}.response.json`);
    const check = toCheck(upvestCheckSchema.parse(raw));
    expect(check).toMatchObject({ id: raw.id, userId: SEED_USER, status: 'PASSED', type: raw.type });
  });

  it('a COMPLIANCE check without status (optional in the seed) reads IN_PROGRESS', () => {
    const { status: _s, ...raw } = fixture(U, 'get-check-compliance.response.json');
    expect(toCheck(upvestCheckSchema.parse(raw)).status).toBe('IN_PROGRESS');
  });

  it('an answer that differs from the seed fails with the field path', () => {
    const raw = fixture<Record<string, unknown>>(U, 'get-check-kyc.response.json');
    const bad = upvestCheckSchema.safeParse({ ...raw, status: 'DONE' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['status']);
    const noLink = { ...raw } as Record<string, unknown>;
    delete noLink.data_download_link;
    expect(upvestCheckSchema.safeParse(noLink).error!.issues[0].path).toEqual(['data_download_link']);
  });

  it('create answers, problems, the token and the JWKS parse', () => {
    expect(upvestCreatedSchema.parse(fixture(U, 'create-check.response.json'))).toEqual({ id: 'e13e9d81-7f43-492d-a02a-440edced389a' });
    for (const s of [400, 401, 403, 404, 406, 429, 500, 503, 504]) expect(upvestProblemSchema.parse(fixture(U, `problem-${s}.response.json`)).status).toBe(s);
    expect(upvestTokenSchema.parse(fixture(U, 'token.response.json')).access_token).toBe('opaque-token-value');
    const jwks = upvestJwksSchema.parse(fixture(U, 'verify-keys.response.json'));
    expect(publicKeyFromJwk(jwks.keys[0])?.asymmetricKeyDetails?.namedCurve).toBe('secp521r1');
  });

  it('our create bodies equal the seed request examples (KYC, INSTRUMENT_FIT, POR)', () => {
    const address = { addressLine1: 'Rosenweg 221', addressLine2: 'apt. 33', postcode: '45678', city: 'Berlin', state: 'BE', country: 'DE' };
    const base = { userId: SEED_USER, idempotencyKey: null };
    expect(
      toCreateRequest(
        { ...base, checkConfirmedAt: new Date('2019-08-24T14:15:22Z'), dataDownloadLink: 'https://bucket.customer.com/ident/user3.zip', documentType: 'ID_CARD', documentExpirationDate: '2030-01-01', nationality: 'DE', provider: 'KYC provider', method: 'VIDEO_ID', confirmedAddress: address } as never,
        'KYC',
      ),
    ).toEqual(fixture(U, 'create-check-kyc.request.json'));
    expect(toCreateRequest({ ...base, checkConfirmedAt: new Date('2020-08-24T14:15:22Z'), instrumentSuitability: { suitability: true } } as never, 'INSTRUMENT_FIT')).toEqual(
      fixture(U, 'create-check-instrument-fit.request.json'),
    );
    expect(
      toCreateRequest({ ...base, checkConfirmedAt: new Date('2020-08-24T14:15:22Z'), issuanceDate: '2020-01-01', dataDownloadLink: 'https://bucket.customer.com/por/user3.zip', documentType: 'UTILITY_BILL', confirmedAddress: address } as never, 'POR'),
    ).toEqual(fixture(U, 'create-check-por.request.json'));
  });

  it('the webhook example (l.4025-4043) parses, alone, bundled and as an array; a changed one names the path', () => {
    const event = fixture(U, 'webhook-user-check-passed.json');
    const req = (body: unknown) => ({ rawBody: Buffer.from(JSON.stringify(body)), headers: {} });
    const [one] = parse(req(event));
    expect(one).toMatchObject({ eventId: '38fc59d0-fc42-46ef-9512-824773219b2e', kind: 'check', check: { id: '32cbb9a2-dd3b-4e60-a5af-9b41460049dc', type: 'KYC', status: 'PASSED', documentType: 'PASSPORT', provider: 'IDNOW', nationality: 'RU' } });
    expect(parse(req({ payload: [event, event] }))).toHaveLength(2);
    expect(parse(req([event]))).toHaveLength(1);
    const bad = { ...event, object: { ...(event.object as object), status: 'OK' } };
    expect(() => parse(req(bad))).toThrow(WebhookFormatError);
    expect(() => parse(req(bad))).toThrow(/object\.status/);
  });
});

describe('webhook bodies are read as JSON once', () => {
  it('the shape check reads the parse the schema then takes, for each of the three shapes', () => {
    const event = fixture(U, 'webhook-user-check-passed.json');
    for (const body of [event, { payload: [event] }, [event]]) {
      const rawBody = Buffer.from(JSON.stringify(body));
      parse({ rawBody, headers: {} }); // the schema's compiled check is built on its first use
      const parses = vi.spyOn(JSON, 'parse');
      try {
        expect(parse({ rawBody, headers: {} })).toHaveLength(1);
        expect(parses).toHaveBeenCalledTimes(1);
      } finally {
        parses.mockRestore();
      }
    }
  });
});

describe('webhook signatures: known-answer vectors made with openssl', () => {
  // body: the seed webhook example (fixture without "_source") as compact JSON, 575 bytes.
  // digest: `openssl dgst -sha256 -binary body.json | base64`
  // base (v6, unquoted names): @method, @path, content-type, content-length, digest, @signature-params
  // Ed25519: `openssl pkeyutl -sign -rawin -inkey ed.pem -in base.txt | base64`
  // P-521: `openssl dgst -sha512 -sign p521.pem base.txt` (DER, converted to r‖s with `openssl asn1parse`)
  const DIGEST = 'SHA-256=EO1IjHFdTq/gi39OfhpOfveJya6nRVsRjc3JgRJYmVk=';
  const ED_PUBLIC = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAg1gBzAxarnlIdTERZMe8H5fp/ogfSi5XyJdQeDH2MtE=\n-----END PUBLIC KEY-----\n';
  const ED_SIG = 'XAFPgdoN6SZSBk4baRU3Z0mlzrDlBtfv9RPAFwLcBAHmdB1uT9XoJ9gdG4m1heuTTGWbvfeQ5nOTYJNoPbCmCA==';
  const P521_SIG =
    'AKoyDlFBk+rLyUI31a2szTSR2VKGnqtgsgoOPobX+Ghhn78NmRz+rtbV95SA1e/x/2jOifslyzC441p+SVrW2eg5AQU7HHoh0/dNrtjo1dHPV/HqJH/s/M3TL2+lYF7IPaIBI2jQH0/srWroGhdZ6k+pq1x21/EIBoC+iv5nyTm6WgF5';
  const body = JSON.stringify(fixture(U, 'webhook-user-check-passed.json'));
  const p521 = publicKeyFromJwk(upvestJwksSchema.parse(fixture(U, 'verify-keys.response.json')).keys[0])!;
  const keys: Record<string, KeyObject> = { 'kat-ed': createPublicKey(ED_PUBLIC), 'kat-p521': p521 };
  const headersFor = (kid: string, sig: string) => ({
    'content-type': 'application/json',
    'content-length': '575',
    digest: DIGEST,
    'signature-input': `sig1=("@method" "@path" "content-type" "content-length" "digest");keyid="${kid}";created=1700000000;expires=1700000005;nonce="kat-nonce-1"`,
    signature: `sig1=:${sig}:`,
  });
  const check = (headers: Record<string, string>, raw = body) =>
    verifyMessage({ method: 'POST', target: '/webhooks/upvest', headers }, Buffer.from(raw), { keyFor: (k) => keys[k] ?? null, required: [], now: 1700000001 });

  it.each([
    ['kat-ed', ED_SIG],
    ['kat-p521', P521_SIG],
  ])('%s verifies; a changed body, digest or path does not', async (kid, sig) => {
    expect(Buffer.byteLength(body)).toBe(575);
    await expect(check(headersFor(kid, sig))).resolves.toMatchObject({ keyId: kid });
    await expect(check(headersFor(kid, sig), body.replace('PASSED', 'FAILED'))).rejects.toThrow('digest does not match');
    const otherBody = body.replace('PASSED', 'FAILED');
    const { createHash } = await import('node:crypto');
    const moved = { ...headersFor(kid, sig), digest: `SHA-256=${createHash('sha256').update(otherBody).digest('base64')}` };
    await expect(check(moved, otherBody)).rejects.toThrow('does not verify');
    await expect(
      verifyMessage({ method: 'POST', target: '/webhooks/other', headers: headersFor(kid, sig) }, Buffer.from(body), { keyFor: (k) => keys[k] ?? null, required: [], now: 1700000001 }),
    ).rejects.toThrow('does not verify');
  });

  it('the Ed25519 vector is also what node:crypto says (the vector itself is sound)', () => {
    const base = `@method: POST\n@path: /webhooks/upvest\ncontent-type: application/json\ncontent-length: 575\ndigest: ${DIGEST}\n@signature-params: ("@method" "@path" "content-type" "content-length" "digest");keyid="kat-ed";created=1700000000;expires=1700000005;nonce="kat-nonce-1"`;
    expect(cryptoVerify(null, Buffer.from(base), createPublicKey(ED_PUBLIC), Buffer.from(ED_SIG, 'base64'))).toBe(true);
  });
});

describe('idempotency keys are UUIDs derived from tenant + operation + key', () => {
  it('matches RFC 4122 v5 vectors computed with Python (uuid.uuid5)', () => {
    // python3 -c "import uuid,json; ns=uuid.UUID('6f1c2a7e-3b5d-4e8f-9a0b-c1d2e3f4a5b6');
    //   print(uuid.uuid5(ns, json.dumps(['tenant-a','createKycCheck','order-42'], separators=(',',':'))))"
    expect(idempotencyUuid('tenant-a', 'createKycCheck', 'order-42')).toBe('63d97f94-9a3c-5d5e-b5b6-f950d635e495');
    expect(idempotencyUuid('tenant-b', 'createKycCheck', 'order-42')).toBe('43b20e7b-9106-5415-9a63-2892b9b7d264');
    expect(idempotencyUuid('tenant-a', 'createInstrumentFitCheck', 'order-42')).toBe('6a6c4f54-c063-5f49-8a7d-4a9af61f0190');
  });
});

describe('a POST with an idempotency key is retried, each attempt signed afresh', () => {
  let provider: Server;
  let base: string;
  const seen: { url: string; headers: IncomingMessage['headers']; at: number }[] = [];
  let failNext = 0;
  beforeAll(async () => {
    provider = createServer(async (req, res) => {
      for await (const _ of req);
      seen.push({ url: req.url!, headers: req.headers, at: Math.floor(Date.now() / 1000) });
      const reply =
        req.url === '/auth/token'
          ? { status: 200, body: { access_token: 't', token_type: 'bearer', expires_in: 3600 } }
          : failNext-- > 0
            ? { status: 503, body: { status: 503, type: 'method_not_allowed' }, headers: { 'retry-after': '1' } }
            : { status: 202, body: { id: 'e13e9d81-7f43-492d-a02a-440edced389a' } };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...(reply as { headers?: Record<string, string> }).headers });
      res.end(JSON.stringify(reply.body));
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => provider.close(() => r())));
  beforeEach(() => {
    seen.length = 0;
  });

  it('after a 503 the same UUID key is sent again with a new, unexpired signature', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const client = new UpvestClient({ baseUrl: () => base, clientId: randomUUID(), clientSecret: 's', signingKey: privateKey, signingKeyId: 'k', timeoutMs: 2000 });
    failNext = 1;
    const key = idempotencyUuid('t', 'createInstrumentFitCheck', 'k1');
    const created = await client.createCheck(SEED_USER, fixture(U, 'create-check-instrument-fit.request.json') as never, key);
    expect(created.id).toBe('e13e9d81-7f43-492d-a02a-440edced389a');
    const posts = seen.filter((s) => s.url.startsWith('/users/'));
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.headers['idempotency-key'])).toEqual([key, key]);
    const params = posts.map((p) => Object.fromEntries([...String(p.headers['signature-input']).matchAll(/;([a-z]+)=("?)([^";]*)\2/g)].map((x) => [x[1], x[3]])));
    expect(params[1].nonce).not.toBe(params[0].nonce);
    expect(posts[1].headers.signature).not.toBe(posts[0].headers.signature);
    expect(Number(params[1].created)).toBeGreaterThan(Number(params[0].created));
    // the retry arrived while its own signature was valid
    expect(Number(params[1].expires)).toBeGreaterThanOrEqual(posts[1].at);
    await expect(
      verifyMessage({ method: 'POST', target: posts[1].url, headers: posts[1].headers as Record<string, string> }, Buffer.from(JSON.stringify(fixture(U, 'create-check-instrument-fit.request.json'))), {
        keyFor: () => publicKey,
        required: ['idempotency-key'],
        now: posts[1].at,
      }),
    ).resolves.toBeTruthy();
  });

  it('a POST without an idempotency key is not retried', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const client = new UpvestClient({ baseUrl: () => base, clientId: randomUUID(), clientSecret: 's', signingKey: privateKey, signingKeyId: 'k', timeoutMs: 2000 });
    failNext = 1;
    // createCheck always sends a key (a random UUID when the caller has none): send a keyless POST directly
    await (client as unknown as { send: (m: string, t: string, h: Record<string, string>, b: string) => Promise<unknown> })
      .send('POST', '/users/x/checks', { 'content-type': 'application/json' }, '{}')
      .catch(() => null);
    expect(seen.filter((s) => s.url.startsWith('/users/'))).toHaveLength(1);
    failNext = 0;
  });
});

describe('the Upvest sandbox', () => {
  let server: TestServer;
  let sim: UpvestSimulator;
  let client: UpvestClient;
  beforeAll(async () => {
    server = await startServer({ UPVEST_WEBHOOK_DELAY_MS: '10' });
    const adapter = server.app.adapters.get('UPVEST') as unknown as { simulator: UpvestSimulator; client: UpvestClient };
    sim = adapter.simulator;
    client = adapter.client;
  });
  afterAll(() => server.close());

  const instrumentFit = fixture(U, 'create-check-instrument-fit.request.json');

  it('refuses an idempotency key that is not a UUID, as Upvest asks for UUIDs', async () => {
    const err = await client.createCheck(randomUUID(), instrumentFit as never, 'tenant:createInstrumentFitCheck:k1').catch((e) => e);
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 400, providerErrorType: 'invalid_idempotency_key' });
  });

  it('the same UUID key answers the first check', async () => {
    const user = randomUUID();
    const key = idempotencyUuid('t', 'createInstrumentFitCheck', 'same');
    const a = await client.createCheck(user, instrumentFit as never, key);
    const b = await client.createCheck(user, instrumentFit as never, key);
    expect(b.id).toBe(a.id);
  });

  it('refuses to create a COMPLIANCE check (the create request is One Of KYC, POR, INSTRUMENT_FIT)', async () => {
    const err = await client.createCheck(randomUUID(), { type: 'COMPLIANCE', check_confirmed_at: '2020-08-24T14:15:22Z' } as never, randomUUID()).catch((e) => e);
    expect(err.extensions).toMatchObject({ code: 'PROVIDER_REJECTED', httpStatus: 400 });
    expect(err.message).toMatch(/type must be one of KYC, POR, INSTRUMENT_FIT/);
  });

  it('adds a COMPLIANCE check, with its webhooks, when a KYC check passes', async () => {
    const user = randomUUID();
    const kyc = { ...fixture(U, 'create-check-kyc.request.json'), check_confirmed_at: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    const { id } = await client.createCheck(user, kyc as never, randomUUID());
    expect((await client.listChecks(user)).map((c) => c.type)).toEqual(['KYC']);
    await expect.poll(() => sim.idle).toBe(true);
    const before = sim.deliveries.length;
    expect((await server.advance('upvest', id, 'PASSED')).status).toBeLessThan(300);
    const list: UpvestCheck[] = await client.listChecks(user);
    expect(list.map((c) => [c.type, c.status])).toEqual([
      ['KYC', 'PASSED'],
      ['COMPLIANCE', 'PASSED'],
    ]);
    // USER_CHECK.PASSED (KYC), then USER_CHECK.CREATED and USER_CHECK.PASSED (COMPLIANCE)
    await expect.poll(() => sim.deliveries.slice(before).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('the GraphQL API has no createComplianceCheck', () => {
    const schema = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(schema).not.toMatch(/createComplianceCheck|CreateComplianceCheckInput/);
    expect(schema).toMatch(/type ComplianceCheck implements Check/);
  });
});
