// The Uphold webhook endpoint: Standard Webhooks signatures checked on the raw bytes before any
// parsing, a 300 s timestamp tolerance, several secrets, dedup by event id, no going backwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import type { UpholdAdapter } from '../src/providers/uphold/index.js';
import type { UpholdIngestion } from '../src/providers/uphold/mapper.js';
import { signedHeaders } from '../src/providers/uphold/webhook.js';
import { CreateIngestionDocument, GetIngestionDocument, IngestionUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';
import { watchWebhook } from './support/webhooks.js';
import { newApiKey } from '../src/server/auth.js';

let server: TestServer;
let adapter: UpholdAdapter;
let n = 0;
const OTHER_SECRET = `whsec_${Buffer.from('an-attacker-guessing-the-secret!').toString('base64')}`;

beforeAll(async () => {
  server = await startServer({ INGESTION_POLL_INTERVAL_MS: '0' });
  adapter = server.app.adapters.get('UPHOLD') as unknown as UpholdAdapter;
});
afterAll(() => server.close());

const secret = () => server.config.providers.uphold.webhookSecrets[0];

const post = (body: string, headers: Record<string, string>, url = server.url) =>
  fetch(`${url}/webhooks/uphold`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

/** A held (worker-less) ingestion and a status-changed event body moving it to `status`. */
async function heldIngestion(status: UpholdIngestion['status'], at?: string) {
  const userId = `hook-${++n}`;
  const i = ok(await server.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: `approved-hook-${n}-hold`, userId, processes: ['IDENTITY'] } })).createIngestion;
  const raw = (await adapter.client.getIngestion('sumsub', userId, i.providerRef))!;
  const updatedAt = at ?? new Date(Date.parse(raw.updatedAt) + 1).toISOString();
  const ingestion: UpholdIngestion = { ...raw, status, updatedAt, result: { identity: { status: 'processing' } }, startedAt: updatedAt };
  const eventId = crypto.randomUUID();
  const body = JSON.stringify({ id: eventId, type: 'kyc-connector.sumsub.ingestion.status-changed', createdAt: updatedAt, data: { ingestion } });
  return { i, body, eventId };
}

describe('the Uphold webhook endpoint', () => {
  it('a forged Uphold webhook is rejected before parsing and changes nothing', async () => {
    const { i, body, eventId } = await heldIngestion('running');
    const hook = watchWebhook(server.app, body, eventId); // the simulator's own "created" webhook may arrive meanwhile
    try {
      expect((await post(body, signedHeaders(OTHER_SECRET, eventId, body))).status).toBe(401);
      const good = signedHeaders(secret(), eventId, body);
      expect((await post(body, {})).status).toBe(401);
      expect((await post(body, { ...good, 'webhook-signature': 'v1,AAAA' })).status).toBe(401);
      expect((await post(body, { ...good, 'webhook-id': 'another-id' })).status).toBe(401);
      expect((await post(body.replace('"running"', '"finished"'), good)).status).toBe(401);
      expect([hook.parsed, hook.recorded]).toEqual([0, 0]);
      expect(ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!.status).toBe('QUEUED');
      // the watch sees an authenticated delivery: parsed and recorded once
      expect((await post(body, good)).status).toBe(200);
      expect([hook.parsed, hook.recorded]).toEqual([1, 1]);
    } finally {
      hook.restore();
    }
  });

  it('a correctly signed but stale (or future) webhook is rejected: 300 s tolerance', async () => {
    const { i, body, eventId } = await heldIngestion('running');
    // the header carries whole seconds and the check compares whole seconds at arrival: 310 s
    // either side stays outside the tolerance however slowly the request travels (a 301 s future
    // stamp fell inside it whenever a second ticked over on the way)
    expect((await post(body, signedHeaders(secret(), eventId, body, new Date(Date.now() - 310_000)))).status).toBe(401);
    expect((await post(body, signedHeaders(secret(), eventId, body, new Date(Date.now() + 310_000)))).status).toBe(401);
    expect(ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!.status).toBe('QUEUED');
    // within the tolerance it is accepted
    expect((await post(body, signedHeaders(secret(), eventId, body, new Date(Date.now() - 240_000)))).status).toBe(200);
    expect(ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!.status).toBe('RUNNING');
  });

  it('duplicate deliveries produce exactly one subscription event', async () => {
    const { i, body, eventId } = await heldIngestion('running');
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, IngestionUpdatedDocument, { id: i.id });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const headers = signedHeaders(secret(), eventId, body);
    const replies = await Promise.all([post(body, headers), post(body, headers), post(body, headers)]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(replies.map((r) => r.json() as Promise<{ duplicates: number }>));
    expect(bodies.reduce((sum, b) => sum + b.duplicates, 0)).toBe(2);
    expect((await sub.next()).ingestionUpdated.ingestion.status).toBe('RUNNING');
    // a later, different event still arrives and proves nothing else was queued before it
    expect((await server.advance('uphold', i.providerRef, 'finished')).status).toBe(200);
    expect((await sub.next()).ingestionUpdated.ingestion.status).toBe('FINISHED');
    expect(sub.events.map((e) => e.ingestionUpdated.ingestion.status)).toEqual(['RUNNING', 'FINISHED']);
    sub.close();
    await client.dispose();
  });

  it('a late webhook never moves a FINISHED ingestion back, and publishes nothing', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    const { i, body, eventId } = await heldIngestion('running', past);
    expect((await server.advance('uphold', i.providerRef, 'finished')).status).toBe(200);
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, IngestionUpdatedDocument, { userId: i.userId });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    expect((await post(body, signedHeaders(secret(), eventId, body))).status).toBe(200);
    expect(ok(await server.gql(GetIngestionDocument, { id: i.id })).ingestion!.status).toBe('FINISHED');
    // barrier: a later change of the same user; an event of the late webhook would come before it
    const later = ok(await server.gql(CreateIngestionDocument, { input: { source: 'SUMSUB', sourceVerificationRef: `approved-hook-${n}-barrier-hold`, userId: i.userId!, processes: ['IDENTITY'] } })).createIngestion;
    expect((await sub.next()).ingestionUpdated.ingestion.id).toBe(later.id);
    expect(sub.events.filter((e) => e.ingestionUpdated.ingestion.id === i.id)).toEqual([]);
    sub.close();
    await client.dispose();
  });

  it('accepts any configured secret (rotation) and refuses an authenticated malformed body with 400', async () => {
    const [oldSecret, newSecret] = [`whsec_${Buffer.from('old-secret-old-secret-old-secret').toString('base64')}`, `whsec_${Buffer.from('new-secret-new-secret-new-secret').toString('base64')}`];
    const live = await startServer({
      API_KEYS: JSON.stringify([newApiKey('t', ['ingestions:read']).entry]),
      UPHOLD_API_KEY: 'client-secret',
      UPHOLD_CLIENT_ID: 'client-id',
      UPHOLD_WEBHOOK_SECRETS: `${oldSecret}, ${newSecret}`,
      UPHOLD_BASE_URL: 'http://127.0.0.1:9',
      INGESTION_POLL_INTERVAL_MS: '0',
    });
    try {
      const now = new Date().toISOString();
      const ingestion = { id: 'i1', userId: 'u1', status: 'running', processes: ['identity'], provider: 'veriff', parameters: { sessions: [] }, result: {}, startedAt: now, finishedAt: null, createdAt: now, updatedAt: now };
      const body = JSON.stringify({ id: 'e1', type: 'kyc-connector.veriff.ingestion.status-changed', createdAt: now, data: { ingestion } });
      for (const s of [oldSecret, newSecret]) {
        const res = await post(body, signedHeaders(s, `msg-${s.length}-${s.slice(-4)}`, body), live.url);
        expect(res.status).toBe(200); // authenticated; an ingestion not created here is acknowledged and ignored
      }
      const bad = '{"id": 1}';
      expect((await post(bad, signedHeaders(newSecret, 'm2', bad), live.url)).status).toBe(400);
      expect((await post(body, signedHeaders(OTHER_SECRET, 'm3', body), live.url)).status).toBe(401);
    } finally {
      await live.close();
    }
  });
});

describe('Uphold configuration', () => {
  it('live mode needs the OAuth2 client id, and webhook secrets in Standard Webhooks format', () => {
    expect(() => loadConfig({ UPHOLD_API_KEY: 's', UPHOLD_WEBHOOK_SECRETS: 'whsec_c2VjcmV0' })).toThrow(ConfigError);
    expect(() => loadConfig({ UPHOLD_API_KEY: 's', UPHOLD_CLIENT_ID: 'c' })).toThrow(/UPHOLD_WEBHOOK_SECRETS/);
    expect(() => loadConfig({ UPHOLD_API_KEY: 's', UPHOLD_CLIENT_ID: 'c', UPHOLD_WEBHOOK_SECRETS: 'not base64!' })).toThrow(/UPHOLD_WEBHOOK_SECRETS/);
    const c = loadConfig({ API_KEYS: JSON.stringify([newApiKey('t', []).entry]), UPHOLD_API_KEY: 's', UPHOLD_CLIENT_ID: 'c', UPHOLD_WEBHOOK_SECRETS: 'whsec_c2VjcmV0' });
    expect(c.providers.uphold.mode).toBe('live');
    expect(c.uphold.clientId).toBe('c');
    expect(c.uphold.scope).toContain('kyc-connector.sumsub.ingestions:create');
    expect(c.uphold.scope).toContain('core.users:act-on-behalf-of');
  });
});
