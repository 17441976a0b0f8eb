// The UpPass webhook endpoint: Basic Auth before parsing, secret rotation, nounce dedup, every
// event type, out-of-order and partial deliveries — all through the real POST /webhooks/uppass.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthHeader } from '../src/providers/uppass/webhook.js';
import { newApiKey } from '../src/server/auth.js';
import { GetUpPassVerificationDocument, StartUpPassDocument, UpPassUpdatedDocument } from './generated/graphql.js';
import { ok, subscribe, until, wsClient } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';
import { watchWebhook } from './support/webhooks.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

const secret = () => server.config.providers.uppass.webhookSecrets[0];
const post = (body: string, authorization: string | null, url = server.url) =>
  fetch(`${url}/webhooks/uppass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body,
  });
const get = async (id: string) => ok(await server.gql(GetUpPassVerificationDocument, { id })).verification!;

async function started() {
  return ok(await server.gql(StartUpPassDocument, { input: { subjectId: 'wh', formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: 'c-1' } } })).startUpPassVerification;
}

let appId = 1;
function submission(slug: string, over: { type?: string; nounce?: string; status?: string; ekyc?: string | null; at?: string; submitted?: boolean; extra?: unknown; answers?: unknown } = {}) {
  const at = over.at ?? new Date().toISOString();
  return JSON.stringify({
    event: { type: over.type ?? 'submit_form', nounce: over.nounce ?? crypto.randomUUID(), created_at: at },
    ...(over.extra !== undefined ? { extra: over.extra } : {}),
    ...(over.answers !== undefined ? { answers: over.answers } : {}),
    application: { id: appId++, no: 'APP-9', form: 'kyc-onboarding', slug, status: over.status ?? 'accepted', other_status: { ekyc: over.ekyc === undefined ? 'pass' : over.ekyc }, submitted_at: over.submitted === false ? null : at },
  });
}
const fullExtra = {
  ekyc: {
    liveness: { url: 'https://app.uppass.io/m/l.mp4', attempts: [{ id: 1, images: [{ url: 'https://app.uppass.io/m/1.png', action: 'blink' }], status: 'pass', attempt: 1, message: null, created_at: '2026-11-25T10:00:00Z' }] },
    face_compare: { score: 0.9, status: 'pass' },
    identity_document: { url: 'https://app.uppass.io/m/d.png', type: 'national_id', attempts: [{ id: 2, url: 'https://app.uppass.io/m/d.png', type: 'national_id', status: 'pass', attempt: 1, message: null, created_at: '2026-11-25T10:01:00Z' }], face_image_url: 'https://app.uppass.io/m/f.png' },
  },
  bank_statement: { id: 7, margin: {}, casa_weighted_pct: {}, validation: { validation_transaction_min_month: true }, validation_pass: true, validation_note: {}, documents: [{ id: 1 }, { id: 2 }, { id: 3 }], created_at: '2026-11-25T10:02:00Z', deleted_at: null },
};

describe('authenticating UpPass webhooks (HTTP Basic Auth, password from UPPASS_WEBHOOK_SECRETS)', () => {
  it('an unauthenticated or forged UpPass webhook is rejected with 401 before parsing and changes nothing', async () => {
    const v = await started();
    const body = submission(v.providerRef);
    const hook = watchWebhook(server.app, body, v.providerRef);
    const replies = await Promise.all([
      post(body, null),
      post(body, basicAuthHeader('not-the-secret')),
      post(body, `Bearer ${secret()}`),
      post(body, 'Basic !!!not-base64!!!'),
      post(body, `Basic ${Buffer.from(secret()).toString('base64')}`), // no "user:" part
      post(body, basicAuthHeader(`${secret()}x`)),
      post(body, basicAuthHeader(secret().slice(0, -1))),
    ]);
    const seen = [hook.parsed, hook.recorded];
    hook.restore();
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401, 401]);
    expect(seen).toEqual([0, 0]);
    expect(await get(v.id)).toMatchObject({ status: 'CREATED', providerStatus: 'created' });
    expect(server.app.webhooks.counters.rejected.get('uppass')).toBeGreaterThanOrEqual(7);
  });

  it('accepts the configured password with any username', async () => {
    const v = await started();
    expect((await post(submission(v.providerRef), basicAuthHeader(secret(), 'portal-user'))).status).toBe(200);
    expect((await get(v.id)).status).toBe('APPROVED');
  });

  it('accepts every configured secret during a rotation and refuses a malformed authenticated body with 400', async () => {
    const rotated = await startServer({ API_KEYS: JSON.stringify([newApiKey('t', ['verifications:read']).entry]), UPPASS_API_KEY: 'live-token', UPPASS_WEBHOOK_SECRETS: 'old-secret, new-secret', UPPASS_BASE_URL: 'http://127.0.0.1:9' });
    try {
      expect(rotated.app.adapters.get('UPPASS')!.simulator).toBeUndefined();
      for (const s of ['old-secret', 'new-secret']) {
        // authenticated; an application not created through this API is acknowledged and ignored
        const res = await post(submission('unknown-slug'), basicAuthHeader(s), rotated.url);
        expect(res.status).toBe(200);
        expect(await res.json()).toMatchObject({ received: 1, ignored: 1 });
      }
      expect((await post(submission('unknown-slug'), basicAuthHeader('older-secret'), rotated.url)).status).toBe(401);
      for (const bad of ['not json', '[]', '{"event":{"type":"submit_form"}}', '{"event":{},"application":{"slug":"s","form":"f","status":"accepted"}}', '{"event":{"type":"x","nounce":"n"},"application":{"form":"f","status":"accepted"}}']) {
        expect((await post(bad, basicAuthHeader('new-secret'), rotated.url)).status).toBe(400);
      }
    } finally {
      await rotated.close();
    }
  });
});

describe('UpPass webhook events', () => {
  it('duplicate deliveries with the same nounce produce exactly one subscription event', async () => {
    const v = await started();
    const client = wsClient(server.url);
    const subs = server.app.services.bus.subscriberCount;
    const sub = subscribe(client, UpPassUpdatedDocument, { id: v.id });
    await until(() => server.app.services.bus.subscriberCount === subs + 1);
    const body = submission(v.providerRef, { status: 'review_needed', ekyc: 'need_review', nounce: 'nounce-dup-1' });
    const replies = await Promise.all([1, 2, 3].map(() => post(body, basicAuthHeader(secret()))));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200]);
    const counts = await Promise.all(replies.map((r) => r.json() as Promise<{ duplicates: number }>));
    expect(counts.map((c) => c.duplicates).sort()).toEqual([0, 1, 1]);
    expect((await sub.next()).verificationUpdated.verification).toMatchObject({ status: 'IN_REVIEW', providerStatus: 'review_needed' });
    // a later, different event still arrives and proves nothing else was queued before it
    expect((await post(submission(v.providerRef, { type: 'update_status', status: 'accepted' }), basicAuthHeader(secret()))).status).toBe(200);
    expect((await sub.next()).verificationUpdated.verification.status).toBe('APPROVED');
    expect(sub.events.map((e) => e.verificationUpdated.verification.providerStatus)).toEqual(['review_needed', 'accepted']);
    sub.close();
    await client.dispose();
  });

  it('maps a Submission: status, other_status.ekyc, extra.ekyc, answers and the bank statement summary', async () => {
    const v = await started();
    const answers = { customer_id: { value: 'c-1', created_at: '2026-11-25T09:00:00Z', updated_at: '2026-11-25T09:00:00Z' }, first_name: { value: 'Malee', created_at: null, updated_at: null } };
    expect((await post(submission(v.providerRef, { status: 'rejected', ekyc: 'fail', extra: fullExtra, answers }), basicAuthHeader(secret()))).status).toBe(200);
    const got = await get(v.id);
    expect(got).toMatchObject({
      status: 'DECLINED',
      providerStatus: 'rejected',
      identityDocument: { type: 'NATIONAL_ID', createdAt: '2026-11-25T10:01:00.000Z' },
      faceScan: { createdAt: '2026-11-25T10:00:00.000Z', updatedAt: '2026-11-25T10:00:00.000Z' },
      details: {
        ekycStatus: 'fail',
        faceCompare: { score: 0.9, status: 'pass' },
        documentCheck: { faceImageUrl: 'https://app.uppass.io/m/f.png', type: 'national_id' },
        bankStatement: { id: 7, validationPass: true, documentCount: 3 },
        answers: [
          { questionKey: 'customer_id', value: 'c-1', createdAt: '2026-11-25T09:00:00.000Z' },
          { questionKey: 'first_name', value: 'Malee', createdAt: null },
        ],
      },
    });
    expect(got.url).toBe(v.url);
  });

  it('a later short delivery (event and application only) changes the status and keeps the eKYC data', async () => {
    const v = await started();
    await post(submission(v.providerRef, { status: 'review_needed', ekyc: 'need_review', extra: fullExtra, at: '2026-11-25T10:00:00Z' }), basicAuthHeader(secret()));
    await post(submission(v.providerRef, { type: 'update_status', status: 'accepted', at: '2026-11-25T10:05:00Z' }), basicAuthHeader(secret()));
    const got = await get(v.id);
    expect(got).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted', identityDocument: { type: 'NATIONAL_ID' }, details: { ekycStatus: 'pass', lastEventType: 'update_status', bankStatement: { documentCount: 3 } } });
  });

  it('an older event arriving after a newer one is ignored', async () => {
    const v = await started();
    await post(submission(v.providerRef, { type: 'update_status', status: 'accepted', at: '2026-11-25T10:05:00Z' }), basicAuthHeader(secret()));
    const late = await post(submission(v.providerRef, { status: 'review_needed', ekyc: 'need_review', at: '2026-11-25T10:00:00Z' }), basicAuthHeader(secret()));
    expect(late.status).toBe(200);
    expect(await get(v.id)).toMatchObject({ status: 'APPROVED', providerStatus: 'accepted' });
  });

  it('drop_off expires an unsubmitted form', async () => {
    const v = await started();
    await post(submission(v.providerRef, { type: 'drop_off', status: 'in_progress', ekyc: null, submitted: false }), basicAuthHeader(secret()));
    expect(await get(v.id)).toMatchObject({ status: 'EXPIRED', providerStatus: 'drop_off', details: { lastEventType: 'drop_off' } });
  });

  it.each(['ekyc_liveness_reached_max_attempt', 'ekyc_front_card_reached_max_attempts'])('%s declines an undecided application, naming the event as reason', async (type) => {
    const v = await started();
    await post(submission(v.providerRef, { type, status: 'in_progress', ekyc: null, submitted: false }), basicAuthHeader(secret()));
    expect(await get(v.id)).toMatchObject({ status: 'DECLINED', providerStatus: 'in_progress', reviewReason: type });
  });

  it('an application status UpPass has not documented is IN_REVIEW once submitted, IN_PROGRESS before, with the raw value kept', async () => {
    const a = await started();
    await post(submission(a.providerRef, { type: 'update_status', status: 'pending_approval', ekyc: null }), basicAuthHeader(secret()));
    expect(await get(a.id)).toMatchObject({ status: 'IN_REVIEW', providerStatus: 'pending_approval' });
    const b = await started();
    await post(submission(b.providerRef, { type: 'update_status', status: 'filling', ekyc: null, submitted: false }), basicAuthHeader(secret()));
    expect(await get(b.id)).toMatchObject({ status: 'IN_PROGRESS', providerStatus: 'filling' });
  });

  it('an APPROVED application stays APPROVED when an UpPass admin changes it later (final statuses are terminal)', async () => {
    const v = await started();
    await post(submission(v.providerRef, { status: 'accepted', at: '2026-11-25T10:00:00Z' }), basicAuthHeader(secret()));
    await post(submission(v.providerRef, { type: 'update_status', status: 'rejected', ekyc: 'pass', at: '2026-11-25T11:00:00Z' }), basicAuthHeader(secret()));
    const got = await get(v.id);
    expect(got.status).toBe('APPROVED');
    expect(got.history.map((h) => h.status)).toEqual(['CREATED', 'APPROVED']);
  });
});
