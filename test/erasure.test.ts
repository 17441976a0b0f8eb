// Erasure, retention and the audit trail (issue 17), over memory and over two replicas on one
// Redis: after eraseSubject no query, subscription, replay from any cursor or _entities lookup
// returns the subject's data; tenant isolation; scopes; bad input; the retention sweep.
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../src/providers/pawapass/webhook.js';
import { hashApiKey, newApiKey, SCOPES } from '../src/server/auth.js';
import { AuditLogDocument, EraseSubjectDocument, GetVerificationDocument, ListVerificationsDocument, StartPawaPassDocument, VerificationUpdatedDocument } from './generated/graphql.js';
import { firstError, graphqlRequest, ok, subscribe, until, wsClient } from './support/client.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

const all = newApiKey('t1', [...SCOPES]);
const noErase = newApiKey('t1', ['verifications:read', 'verifications:write']);
const other = newApiKey('t2', [...SCOPES]);
const auth = (k: { key: string }) => ({ authorization: `Bearer ${k.key}` });
const ENV = { API_KEYS: JSON.stringify([all.entry, noErase.entry, other.entry]), RETENTION_DAYS: '1', RETENTION_SWEEP_INTERVAL_MS: '3600000' };

/** The pawaPass simulator's own record of a session (what its webhooks carry). */
const pawaPassSession = (s: TestServer, ref: string) =>
  (s.app.adapters.get('PAWAPASS')!.simulator as unknown as { sessions: Map<string, Record<string, unknown>> }).sessions.get(ref)!;

let n = 0;
const startInput = (subjectId: string, idempotencyKey?: string) => ({
  input: {
    subjectId,
    externalId: `ext-${++n}`,
    requirements: [{ type: 'DOCUMENT_SCAN' as never }],
    successUrl: 'https://example.com/s',
    errorUrl: 'https://example.com/e',
    supportUrl: 'https://example.com/h',
    metadata: { email: `person-${n}@pii.example` },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  },
});

for (const mode of ['memory', 'redis'] as const) {
  describe.skipIf(mode === 'redis' && !hasRedis)(`erasure (${mode})`, () => {
    let redis: RedisServer | null = null;
    let a: TestServer;
    let b: TestServer; // the second replica (the same server in memory mode)
    beforeAll(async () => {
      if (mode === 'redis') redis = await startRedis();
      const env = redis ? { ...ENV, REDIS_URL: redis.url } : ENV;
      a = await startServer(env);
      b = redis ? await startServer(env) : a;
    });
    afterAll(async () => {
      await a?.close();
      if (b !== a) await b?.close();
      await redis?.stop();
    });

    const start = async (s: TestServer, key: { key: string }, subjectId: string, idem?: string) =>
      ok(await s.gql(StartPawaPassDocument, startInput(subjectId, idem), auth(key))).startPawaPassVerification;

    it('removes every record and event of the subject: queries, _entities, replay from any cursor, live subscribers', async () => {
      const subject = `erase-me-${mode}`;
      const bystander = `keep-me-${mode}`;
      // a cursor from before anything about the subject
      const early = await start(a, all, bystander);
      const client = wsClient(b.url, { authorization: `Bearer ${all.key}` });
      const tenantWide = subscribe(client, VerificationUpdatedDocument, {});
      const bySubject = subscribe(client, VerificationUpdatedDocument, { subjectId: subject });
      await until(() => b.app.services.bus.subscriberCount >= 2);
      const v1 = await start(a, all, subject, `idem-${mode}`);
      const v2 = await start(a, all, subject);
      const theirs = await start(a, other, subject); // same subject id, other tenant
      expect((await a.advance('pawapass', v1.providerRef, 'APPROVED', {}, auth(all))).status).toBe(200);
      const firstSeen = (await tenantWide.next()).verificationUpdated;
      expect(firstSeen.verification.id).toBe(v1.id);
      for (let i = 0; i < 3; i++) await bySubject.next(); // v1 created, v2 created, v1 approved
      const cursor0 = firstSeen.cursor;

      const report = ok(await a.gql(EraseSubjectDocument, { id: subject, reason: 'GDPR art. 17 request #1' }, auth(all))).eraseSubject;
      expect(report).toMatchObject({ subjectId: subject, verifications: 2, checks: 0, ingestions: 0 });
      expect(report.events).toBeGreaterThanOrEqual(3);

      for (const s of [a, b]) {
        for (const v of [v1, v2]) expect(ok(await s.gql(GetVerificationDocument, { id: v.id }, auth(all))).verification).toBeNull();
        const list = ok(await s.gql(ListVerificationsDocument, { filter: { subjectId: subject } }, auth(all))).verifications;
        expect(list.edges).toEqual([]);
        const entities = await graphqlRequest(`${s.url}/graphql`, parse('query($r: [_Any!]!) { _entities(representations: $r) { ... on Verification { id subjectId } } }') as never, { r: [{ __typename: 'Verification', id: v1.id }, { __typename: 'Verification', id: v2.id }] } as never, auth(all));
        expect((entities.data as { _entities: unknown[] })._entities).toEqual([null, null]);
      }
      // the other tenant's record of the same subject id is untouched
      expect(ok(await a.gql(GetVerificationDocument, { id: theirs.id }, auth(other))).verification?.id).toBe(theirs.id);

      // a later webhook about an erased verification is acknowledged and dropped
      // (while a create at the provider is in flight, which makes an unknown session wait in the inbox)
      await a.app.services.store.beginCreating('pawapass', 'erasure-test', 60_000);
      const at = new Date().toISOString();
      const hook = JSON.stringify({ notificationId: `late-${mode}`, type: 'VERIFICATION.STATUS_CHANGE', object: 'VERIFICATION', createdAt: at, data: { ...pawaPassSession(a, v2.providerRef), status: 'DECLINED', updatedAt: at } });
      const late = await fetch(`${b.url}/webhooks/pawapass`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': sign(hook, b.config.providers.pawapass.webhookSecrets[0]) }, body: hook });
      await a.app.services.store.endCreating('pawapass', 'erasure-test');
      expect(late.status).toBe(200);
      expect(await late.json()).toMatchObject({ received: 1, ignored: 1, pending: 0 });
      expect(await a.app.services.store.isErased('verification', v2.id)).toBe(true);
      expect(ok(await b.gql(GetVerificationDocument, { id: v2.id }, auth(all))).verification).toBeNull();

      // barrier: a new verification of the subject (new data, allowed) and one of the bystander
      const barrier = await start(a, all, subject);
      const barrier2 = await start(a, all, bystander);
      // live subscribers got nothing more about the erased records: the next event is the barrier
      expect((await bySubject.next()).verificationUpdated.verification.id).toBe(barrier.id);
      // replays from the earliest cursor and from before it hold nothing of the erased records
      for (const after of [cursor0]) {
        const replaySubject = subscribe(client, VerificationUpdatedDocument, { subjectId: subject, after });
        expect((await replaySubject.next()).verificationUpdated.verification.id).toBe(barrier.id);
        replaySubject.close();
        for (const id of [v1.id, v2.id]) {
          const replayId = subscribe(client, VerificationUpdatedDocument, { id, after });
          const replayBystander = subscribe(client, VerificationUpdatedDocument, { subjectId: bystander, after });
          expect((await replayBystander.next()).verificationUpdated.verification.id).toBe(barrier2.id);
          replayBystander.close();
          replayId.close();
        }
        const replayAll = subscribe(client, VerificationUpdatedDocument, { after });
        const seen: string[] = [];
        for (;;) {
          const e = (await replayAll.next()).verificationUpdated;
          seen.push(e.verification.id);
          if (e.verification.id === barrier2.id) break;
        }
        replayAll.close();
        expect(seen).not.toContain(v1.id);
        expect(seen).not.toContain(v2.id);
        expect(seen).toContain(barrier.id);
        expect(early.id).toBeTruthy();
      }
      tenantWide.close();
      bySubject.close();
      await client.dispose();

      if (redis) {
        // nothing in Redis holds the erased records' data any more (event log, records, indexes)
        const r = new Redis(redis.url);
        const entries = (await r.xrange('kyc:{events}', '-', '+')) as [string, string[]][];
        const text = JSON.stringify(entries);
        for (const v of [v1, v2]) expect(text).not.toContain(v.providerRef);
        expect(await r.get(`kyc:{verification:${v1.id}}`)).toMatch(/^\d+:null$/);
        expect(await r.exists(`kyc:{idem:t1:startPawaPassVerification:idem-${mode}}`)).toBe(0);
        r.disconnect();
      }

      // idempotent: erasing again removes nothing more (the barrier is new data: 1)
      const again = ok(await b.gql(EraseSubjectDocument, { id: subject, reason: 'again' }, auth(all))).eraseSubject;
      expect(again).toMatchObject({ verifications: 1 });
      const third = ok(await a.gql(EraseSubjectDocument, { id: subject, reason: 'and again' }, auth(all))).eraseSubject;
      expect(third).toMatchObject({ verifications: 0, checks: 0, ingestions: 0, events: 0 });
    });

    it('keeps an audit trail without personal data that survives erasure, oldest first, paged', async () => {
      const subject = `audited-${mode}`;
      const v = await start(a, all, subject);
      expect((await a.advance('pawapass', v.providerRef, 'APPROVED', {}, auth(all))).status).toBe(200);
      ok(await b.gql(EraseSubjectDocument, { id: subject, reason: 'request' }, auth(all)));
      const log = ok(await b.gql(AuditLogDocument, { subjectId: subject }, auth(all))).auditLog;
      const actor = `t1:${hashApiKey(all.key).slice(0, 8)}`;
      const actions = log.edges.map((e) => [e.node.action, e.node.actor, e.node.targetId]);
      expect(actions[0]).toEqual(['START_VERIFICATION', actor, v.id]);
      expect(actions).toContainEqual(['STATUS_CHANGED', 'provider:pawapass', v.id]);
      expect(actions.at(-1)).toEqual(['ERASE_SUBJECT', actor, subject]);
      expect(log.totalCount).toBe(log.edges.length);
      const text = JSON.stringify(log);
      expect(text).not.toContain('pii.example');
      expect(text).not.toContain(all.key);
      // paging: one at a time gives the same entries in the same order
      const ids: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } = ok(await a.gql(AuditLogDocument, { subjectId: subject, first: 1, after }, auth(all))).auditLog;
        ids.push(...page.edges.map((e) => e.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.edges[0].cursor;
      }
      expect(ids).toEqual(log.edges.map((e) => e.node.id));
      // other tenants see none of it
      expect(ok(await a.gql(AuditLogDocument, { subjectId: subject }, auth(other))).auditLog.totalCount).toBe(0);
    });

    it('needs the scopes subjects:erase and audit:read, and names the bad field', async () => {
      const denied = await a.gql(EraseSubjectDocument, { id: 'x', reason: 'r' }, auth(noErase));
      expect(firstError(denied)?.extensions?.code).toBe('FORBIDDEN');
      expect(firstError(await a.gql(AuditLogDocument, { subjectId: 'x' }, auth(noErase)))?.extensions?.code).toBe('FORBIDDEN');
      const bad = async (res: Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>) => {
        const e = (await res).errors?.[0]?.extensions;
        expect(e?.code).toBe('BAD_USER_INPUT');
        return e?.field;
      };
      expect(await bad(a.gql(EraseSubjectDocument, { id: '', reason: 'r' }, auth(all)))).toBe('id');
      expect(await bad(a.gql(EraseSubjectDocument, { id: 'a\u0000b', reason: 'r' }, auth(all)))).toBe('id');
      expect(await bad(a.gql(EraseSubjectDocument, { id: 'x', reason: '  ' }, auth(all)))).toBe('reason');
      expect(await bad(a.gql(AuditLogDocument, { subjectId: 'x', first: 0 }, auth(all)))).toBe('first');
      expect(await bad(a.gql(AuditLogDocument, { subjectId: 'x', after: 'nope' }, auth(all)))).toBe('after');
      expect(await bad(a.gql(AuditLogDocument, { subjectId: '' }, auth(all)))).toBe('subjectId');
    });

    it('retention: one replica at a time erases records whose last change is older, one audit entry per subject', async () => {
      const subject = `retained-${mode}`;
      const v1 = await start(a, all, subject);
      const v2 = await start(a, all, subject);
      const later = Date.now() + 2 * 24 * 3600 * 1000; // two days on: older than RETENTION_DAYS=1
      const [x, y] = await Promise.all([a.app.services.retention.sweepOnce(later), b.app.services.retention.sweepOnce(later)]);
      if (b !== a) expect(Math.min(x, y)).toBe(0); // the other replica found the sweep taken
      expect(ok(await a.gql(GetVerificationDocument, { id: v1.id }, auth(all))).verification).toBeNull();
      expect(ok(await b.gql(GetVerificationDocument, { id: v2.id }, auth(all))).verification).toBeNull();
      const entries = ok(await a.gql(AuditLogDocument, { subjectId: subject }, auth(all))).auditLog.edges.map((e) => e.node);
      expect(entries.filter((e) => e.action === 'RETENTION_ERASE')).toEqual([expect.objectContaining({ actor: 'system:retention', targetId: subject })]);
      // a record changed within the period is kept
      const fresh = await start(a, all, subject);
      expect(await a.app.services.retention.sweepOnce(Date.now())).toBe(0);
      expect(ok(await a.gql(GetVerificationDocument, { id: fresh.id }, auth(all))).verification?.id).toBe(fresh.id);
    });
  });
}
