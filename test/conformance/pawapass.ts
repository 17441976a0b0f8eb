// pawaPass for the conformance suite: seeds/pawapass-create-verification.txt, provider-specs/pawapass.md.
import { expect } from 'vitest';
import { PawaPassClient } from '../../src/providers/pawapass/client.js';
import type { PawaPassAdapter } from '../../src/providers/pawapass/index.js';
import { type PawaPassCreateRequest, PawaPassListSchema, PawaPassNotificationSchema, PawaPassVerificationSchema } from '../../src/providers/pawapass/mapper.js';
import { fixture } from '../support/fixtures.js';
import type { Host } from './harness.js';
import type { Descriptor } from './suite.js';

const adapter = (h: Host) => h.adapter as PawaPassAdapter;
const client = (h: Host, apiKey: string) => new PawaPassClient({ baseUrl: () => `${h.sandbox}/v2`, apiKey, timeoutMs: 5000 });
const view = async (h: Host, ref: string) => {
  const [v] = await adapter(h).fetchVerifications([ref]);
  if (v instanceof Error) throw v;
  return v;
};
// the verification object is free-form only in the client's metadata
const rules = { freeForm: ['metadata', 'data.metadata', 'items[].metadata'] };

export const pawaPass: Descriptor = {
  provider: 'pawaPass',
  key: 'pawapass',
  async create(h, n) {
    // the seed's own request body (l.11-33), with an expiry still ahead
    const body = { ...fixture<PawaPassCreateRequest>('pawapass', 'create-verification.request.json'), externalId: `conf-${n}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString() };
    const v = await adapter(h).createVerification(body);
    return { ref: v.providerRef, status: v.status, providerStatus: v.providerStatus };
  },
  createdStatus: 'CREATED',
  async get(h, made) {
    const v = await view(h, made.ref);
    return { status: v.status, providerStatus: v.providerStatus };
  },
  reads: [
    {
      name: 'GET /verifications?id= ({items, count})',
      run: async (h, made) => (await adapter(h).client.listVerifications({ id: made.ref })).items.map((i) => i.id),
    },
  ],
  scenarios: [
    {
      name: 'an agent corrects the document of an approved verification: IDENTITY_DOCUMENT_CHANGE keeps APPROVED and carries the correction',
      run: async (h, n) => {
        const made = await pawaPass.create(h, n);
        expect((await h.advance(made.ref, 'APPROVED')).status).toBe(200);
        const from = h.deliveries.length;
        expect((await h.advance(made.ref, 'APPROVED', { identityDocument: { lastName: 'Mwale' } })).status).toBe(200);
        const [w] = h.deliveries.slice(from);
        adapter(h).verifyWebhook(w);
        expect(JSON.parse(w.rawBody.toString()).type).toBe('VERIFICATION.IDENTITY_DOCUMENT_CHANGE');
        const [e] = adapter(h).parseWebhook(w);
        expect(e.kind === 'verification' && [e.view.status, e.view.identityDocument?.lastName]).toEqual(['APPROVED', 'Mwale']);
      },
    },
  ],
  advance: { to: 'APPROVED', status: 'APPROVED' },
  errors: [
    {
      name: 'wrong API key: 401 {"code":"UNAUTHORIZED"} (provider-specs "Hosts and auth")',
      run: (h, made) => client(h, 'not-the-key').getVerification(made.ref),
      expect: { code: 'PROVIDER_REJECTED', provider: 'PAWAPASS', httpStatus: 401, providerErrorType: 'UNAUTHORIZED' },
    },
    {
      name: '503 from pawaPass',
      run: async (h, made) => {
        await h.fault(503);
        return adapter(h).client.getVerification(made.ref);
      },
      expect: { code: 'PROVIDER_UNAVAILABLE', provider: 'PAWAPASS', httpStatus: 503 },
    },
    {
      name: '429 from pawaPass',
      run: async (h) => {
        await h.fault(429);
        return adapter(h).client.createVerification(fixture<PawaPassCreateRequest>('pawapass', 'create-verification.request.json'));
      },
      expect: { code: 'RATE_LIMITED', provider: 'PAWAPASS' },
    },
  ],
  answers: [
    {
      what: 'POST /verifications/ (the verification object, seed l.35-87)',
      match: (x) => x.method === 'POST' && x.status < 300,
      schema: PawaPassVerificationSchema,
      fixtures: ['verification.response.json'],
      rules,
    },
    {
      what: 'GET /verifications/{id} (same object as create)',
      match: (x) => x.method === 'GET' && /^\/v2\/verifications\/[^/?]+$/.test(x.path) && x.status < 300,
      schema: PawaPassVerificationSchema,
      fixtures: ['verification.response.json'],
      rules,
    },
    {
      what: 'GET /verifications ({items, count})',
      match: (x) => x.method === 'GET' && /^\/v2\/verifications\/?(\?|$)/.test(x.path) && x.status < 300,
      schema: PawaPassListSchema,
      fixtures: ['list.response.json'],
      rules,
    },
    {
      what: 'error answers ({statusCode, code, message}: the documented 401/403 bodies)',
      match: (x) => x.status >= 400,
      fixtures: ['error-401.response.json', 'error-403.response.json'],
    },
  ],
  webhooks: [
    {
      what: 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE',
      match: (x) => (x.body as { type?: string }).type === 'VERIFICATION.IDENTITY_DOCUMENT_CHANGE',
      schema: PawaPassNotificationSchema,
      fixtures: ['webhook-identity-document-change.json'],
      rules,
    },
    {
      what: 'VERIFICATION.STATUS_CHANGE',
      match: (x) => (x.body as { type?: string }).type === 'VERIFICATION.STATUS_CHANGE',
      schema: PawaPassNotificationSchema,
      fixtures: ['webhook-status-change.json'],
      rules,
    },
  ],
};
