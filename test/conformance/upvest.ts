// Upvest user checks for the conformance suite: seeds/upvest-user-checks-api.txt, provider-specs/upvest.md.
import { randomUUID } from 'node:crypto';
import type { UpvestAdapter } from '../../src/providers/upvest/index.js';
import { upvestCheckListSchema, upvestCheckSchema, upvestCreatedSchema, upvestEventSchema, upvestJwksSchema, upvestProblemSchema, upvestTokenSchema, type UpvestCheckCreate } from '../../src/providers/upvest/mapper.js';
import { fixture } from '../support/fixtures.js';
import type { Host } from './harness.js';
import type { Descriptor, Made } from './suite.js';

const adapter = (h: Host) => h.adapter as UpvestAdapter;
// one Upvest user per run: its checks list is the batch read
const USER = randomUUID();
const recent = () => new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
// the seed's KYC create request (l.1690-1720), confirmed an hour ago
const kyc = () => ({ ...fixture<UpvestCheckCreate>('upvest', 'create-check-kyc.request.json'), check_confirmed_at: recent() }) as UpvestCheckCreate;
const userOf = (m: Made) => m.ctx as string;
const PROBLEMS = ['problem-fields', 'problem-400', 'problem-401', 'problem-403', 'problem-404', 'problem-406', 'problem-429', 'problem-500', 'problem-503', 'problem-504'].map((p) => `${p}.response.json`);
const CHECKS = ['get-check-kyc', 'get-check-por', 'get-check-instrument-fit', 'get-check-compliance'].map((p) => `${p}.response.json`);

export const upvest: Descriptor = {
  provider: 'Upvest',
  key: 'upvest',
  env: { UPVEST_WEBHOOK_DELAY_MS: '10' },
  async create(h) {
    const c = await adapter(h).createCheck(USER, kyc(), randomUUID());
    return { ref: c.id, status: c.status, providerStatus: c.status, ctx: USER };
  },
  createdStatus: 'IN_PROGRESS',
  async get(h, made) {
    const c = await adapter(h).checks.getCheck(userOf(made), made.ref);
    if (!c) throw new Error(`no check ${made.ref}`);
    return { status: c.status, providerStatus: c.status };
  },
  // GET /users/{user_id}/checks: every check of the user in one call
  batch: async (h, made) => {
    const all = await adapter(h).checks.listChecks(USER);
    return made.map((m) => {
      const c = all.find((x) => x.id === m.ref);
      return { ref: m.ref, status: c?.status ?? 'absent' };
    });
  },
  advance: { to: 'PASSED', status: 'PASSED' },
  errors: [
    {
      name: 'wrong client secret: the token call answers 401 (problem document)',
      run: async (h, made) => {
        const client = adapter(h).client as unknown as { options: { clientSecret: string }; tokens?: unknown };
        const secret = client.options.clientSecret;
        const other = new (adapter(h).client.constructor as new (o: unknown) => UpvestAdapter['client'])({ ...client.options, clientSecret: `${secret}-not` });
        return other.getCheck(userOf(made), made.ref);
      },
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPVEST', httpStatus: 401 },
    },
    {
      name: 'a KYC check the seed refuses (LIVENESS_PHOTO_ID with residence country DE): 400 bad_request',
      run: (h) => adapter(h).createCheck(USER, { ...kyc(), method: 'LIVENESS_PHOTO_ID' } as UpvestCheckCreate, randomUUID()),
      expect: { code: 'PROVIDER_REJECTED', provider: 'UPVEST', httpStatus: 400 },
    },
    {
      name: '503 (problem document)',
      run: async (h, made) => {
        await h.fault(503);
        return adapter(h).checks.getCheck(userOf(made), made.ref);
      },
      expect: { code: 'PROVIDER_UNAVAILABLE', provider: 'UPVEST', httpStatus: 503 },
    },
    {
      name: '429 (problem document)',
      run: async (h, made) => {
        await h.fault(429);
        return adapter(h).checks.getCheck(userOf(made), made.ref);
      },
      expect: { code: 'RATE_LIMITED', provider: 'UPVEST' },
    },
  ],
  answers: [
    {
      what: 'POST /auth/token',
      match: (x) => x.path.startsWith('/auth/token') && x.status < 300,
      schema: upvestTokenSchema,
      fixtures: ['token.response.json'],
    },
    {
      what: 'GET /auth/verify_keys (JWKS)',
      match: (x) => x.path.startsWith('/auth/verify_keys') && x.status < 300,
      schema: upvestJwksSchema,
      fixtures: ['verify-keys.response.json'],
    },
    {
      what: 'POST /users/{user_id}/checks (202 {id}, seed l.1727-1729)',
      match: (x) => x.method === 'POST' && /^\/users\/[^/]+\/checks\/?$/.test(x.path) && x.status < 300,
      schema: upvestCreatedSchema,
      fixtures: ['create-check.response.json'],
    },
    {
      what: 'GET /users/{user_id}/checks/{check_id}',
      match: (x) => x.method === 'GET' && /^\/users\/[^/]+\/checks\/[^/?]+$/.test(x.path) && x.status < 300,
      schema: upvestCheckSchema,
      fixtures: CHECKS,
    },
    {
      what: 'GET /users/{user_id}/checks ({data: [...]}, seed l.135-194)',
      match: (x) => x.method === 'GET' && /^\/users\/[^/]+\/checks\/?(\?|$)/.test(x.path) && x.status < 300,
      schema: upvestCheckListSchema,
      fixtures: ['list-checks.response.json'],
    },
    {
      what: 'problem documents (seed error examples: {status, type})',
      match: (x) => x.status >= 400,
      schema: upvestProblemSchema,
      fixtures: PROBLEMS,
    },
  ],
  webhooks: [
    {
      what: 'USER_CHECK.* events (seed l.4025-4043), alone or bundled ({payload: [...]})',
      match: () => true,
      // the event's `object` is the check (any of the four documented check objects)
      examples: () => {
        const e = fixture('upvest', 'webhook-user-check-passed.json');
        const events = [e, ...CHECKS.map((c) => ({ ...e, object: fixture('upvest', c) }))];
        return [...events, { payload: events }];
      },
      check: (body) => {
        const events = (body as { payload?: unknown[] }).payload ?? [body];
        return events.flatMap((e, i) => {
          const r = upvestEventSchema.safeParse(e);
          return r.success ? [] : r.error.issues.map((x) => `payload[${i}].${x.path.join('.')}: ${x.message}`);
        });
      },
    },
  ],
};
