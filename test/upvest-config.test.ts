// Upvest configuration: generated sandbox credentials, validated live settings (PEM keys), and a
// live-mode server talking to another server's Upvest simulator as if it were Upvest.
import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import type { UpvestAdapter } from '../src/providers/upvest/index.js';
import { CreateInstrumentFitCheckDocument, UserChecksDocument } from './generated/graphql.js';
import { ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';
import { newApiKey } from '../src/server/auth.js';

const apiKey = newApiKey('live-tenant', ['checks:read', 'checks:write']);

const p521Pem = () => generateKeyPairSync('ec', { namedCurve: 'P-521' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const live = (over: Record<string, string> = {}) => ({
  API_KEYS: JSON.stringify([newApiKey('t', []).entry]),
  UPVEST_CLIENT_ID: randomUUID(),
  UPVEST_CLIENT_SECRET: 'client-secret-value',
  UPVEST_SIGNING_KEY: p521Pem(),
  UPVEST_SIGNING_KEY_ID: randomUUID(),
  UPVEST_BASE_URL: 'https://sandbox.upvest.co',
  ...over,
});

describe('Upvest configuration', () => {
  it('in sandbox generates a fresh client and Ed25519 signing key per process, none from the repo', () => {
    const a = loadConfig({}).upvest;
    const b = loadConfig({}).upvest;
    expect(a.mode).toBe('sandbox');
    expect(a.signingKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect([a.clientId, a.clientSecret, a.signingKeyPem, a.signingKeyId]).not.toEqual([b.clientId, b.clientSecret, b.signingKeyPem, b.signingKeyId]);
    expect(a.webhookDelayMs).toBe(100);
  });

  it('goes live with a client id, secret, P-521 or Ed25519 PEM key (\\n escapes allowed), key id and base URL', () => {
    expect(loadConfig(live()).upvest.mode).toBe('live');
    const ed = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(loadConfig(live({ UPVEST_SIGNING_KEY: ed.replace(/\n/g, '\\n') })).upvest.signingKeyPem).toBe(ed);
  });

  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  it.each([
    ['UPVEST_CLIENT_ID', { UPVEST_CLIENT_ID: 'not-a-uuid' }],
    ['UPVEST_CLIENT_SECRET', { UPVEST_CLIENT_SECRET: '' }],
    ['UPVEST_SIGNING_KEY', { UPVEST_SIGNING_KEY: '' }],
    ['UPVEST_SIGNING_KEY', { UPVEST_SIGNING_KEY: 'not a pem' }],
    ['UPVEST_SIGNING_KEY', { UPVEST_SIGNING_KEY: rsa }],
    ['UPVEST_SIGNING_KEY', { UPVEST_SIGNING_KEY: p256 }],
    ['UPVEST_SIGNING_KEY_ID', { UPVEST_SIGNING_KEY_ID: '' }],
    ['UPVEST_BASE_URL', { UPVEST_BASE_URL: '' }],
    ['UPVEST_WEBHOOK_DELAY_MS', { UPVEST_WEBHOOK_DELAY_MS: 'soon' }],
  ])('refuses a bad %s by name without echoing secrets', (name, over) => {
    const env = live(over);
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${name}`));
    expect((error as Error).message).not.toContain('client-secret-value');
    expect((error as Error).message).not.toContain('PRIVATE KEY');
  });
});

describe('a live-mode server against an Upvest-shaped API', () => {
  let upvest: TestServer; // plays Upvest: its in-process simulator
  let kyc: TestServer; // kyc-graph in live mode, configured by env only
  beforeAll(async () => {
    upvest = await startServer();
    const sim = (upvest.app.adapters.get('UPVEST') as unknown as UpvestAdapter).simulator!;
    const pem = p521Pem();
    const keyId = randomUUID();
    sim.registerClientKey(keyId, createPublicKey(pem));
    kyc = await startServer({
      API_KEYS: JSON.stringify([apiKey.entry]),
      UPVEST_CLIENT_ID: upvest.config.upvest.clientId,
      UPVEST_CLIENT_SECRET: upvest.config.upvest.clientSecret,
      UPVEST_SIGNING_KEY: pem,
      UPVEST_SIGNING_KEY_ID: keyId,
      UPVEST_BASE_URL: `${upvest.url}/sandbox/upvest`,
    });
  });
  afterAll(async () => {
    await kyc.close();
    await upvest.close();
  });

  it('records and lists checks with its P-521 key, and has no sandbox of its own', async () => {
    expect(kyc.app.adapters.get('UPVEST')!.mode).toBe('live');
    expect((await fetch(`${kyc.url}/sandbox/upvest/auth/token`, { method: 'POST' })).status).toBe(404);
    const userId = randomUUID();
    const auth = { authorization: `Bearer ${apiKey.key}` };
    const c = ok(await kyc.gql(CreateInstrumentFitCheckDocument, { input: { userId, checkConfirmedAt: new Date().toISOString(), instrumentSuitability: { suitability: true } } }, auth)).createInstrumentFitCheck;
    expect(ok(await kyc.gql(UserChecksDocument, { userId }, auth)).checks.map((x) => x.id)).toEqual([c.id]);
  });

  it('verifies an Upvest webhook with keys fetched from /auth/verify_keys', async () => {
    const sim = (upvest.app.adapters.get('UPVEST') as unknown as UpvestAdapter).simulator!;
    const body = JSON.stringify({ id: randomUUID(), created_at: new Date().toISOString(), type: 'USER_CHECK.PASSED', object: { id: randomUUID(), user_id: randomUUID(), type: 'COMPLIANCE', status: 'PASSED', check_confirmed_at: '2020-08-24T14:15:22Z' }, webhook_id: randomUUID() });
    // count this server's JWKS fetches: the sandbox server also fetches its own keys for the
    // webhooks its simulator sends it, at moments of its own
    const keys = (kyc.app.adapters.get('UPVEST') as unknown as UpvestAdapter).verifyKeys;
    const keyCalls = keys.fetches;
    const res = await fetch(`${kyc.url}/webhooks/upvest`, { method: 'POST', headers: sim.signWebhook(body, '/webhooks/upvest'), body });
    expect(res.status).toBe(200);
    expect(keys.fetches - keyCalls).toBe(1);
  });
});
