// Queries over HTTP run as graphql-jit compiled functions (server/compiled-executor.ts, issue 18).
// Two instances share one Redis, so they read the same records: one compiles its queries
// (the default), the other runs graphql-js (GRAPHQL_EXECUTOR=graphql-js). Every query below must
// get the same HTTP status and the same body from both, byte for byte: data, errors with their
// messages, paths, locations and extensions, union and interface members, fragments, directives,
// variables that do not coerce, introspection and the federation fields; and every subscription
// event (each one run compiled) and every subscription refusal.
import { buildSchema, getIntrospectionQuery, parse, type GraphQLInterfaceType, type GraphQLUnionType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildKycSchema } from '../src/schema/build.js';
import { assertSyncTypeResolvers, compiledExecutor, executions } from '../src/server/compiled-executor.js';
import { StartPawaPassDocument, StartUpPassDocument } from './generated/graphql.js';
import { ok, subscribe, type Subscription, until, wsClient } from './support/client.js';
import { pawaPassInput } from './support/logged-app.js';
import { hasRedis, INSTALL_HINT, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

const VERIFICATION_FIELDS = `
  id provider providerRef subjectId externalId status providerStatus url country providerCountry
  identityDocument { type country firstName lastName dateOfBirth nationalNo expiryAt createdAt updatedAt }
  faceScan { ageEstimation createdAt updatedAt }
  reviewReason retriesLeft metadata
  history { status providerStatus at }
  createdAt updatedAt expiresAt __typename`;

const DETAILS = `details {
  __typename
  ... on PawaPassDetails { requirements { type } successUrl createdAt }
  ... on UpPassDetails { formSlug lang step submittedAt answers { questionKey value } }
}`;

describe.skipIf(!hasRedis)(`compiled queries answer exactly as graphql-js does (${INSTALL_HINT})`, () => {
  let redis: RedisServer;
  let compiled: TestServer;
  let reference: TestServer;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    redis = await startRedis();
    // statuses stay fresh: each instance's simulator only knows its own sessions
    const env = { REDIS_URL: redis.url, STATUS_MAX_AGE_MS: '3600000' };
    compiled = await startServer(env);
    reference = await startServer({ ...env, GRAPHQL_EXECUTOR: 'graphql-js' });
    const p = ok(await compiled.gql(StartPawaPassDocument, { input: pawaPassInput('jit-subject', { externalId: 'jit-1' }) })).startPawaPassVerification;
    expect((await compiled.advance('pawapass', p.providerRef, 'APPROVED')).status).toBe(200);
    const u = ok(await compiled.gql(StartUpPassDocument, { input: { subjectId: 'jit-subject', formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: 'c-1' } } })).startUpPassVerification;
    Object.assign(ids, { pawapass: p.id, uppass: u.id });
  });
  afterAll(async () => {
    await Promise.all([compiled?.close(), reference?.close()]);
    await redis?.stop();
  });

  const post = async (server: TestServer, body: unknown) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'jit-same-id' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.text() };
  };

  /** The same request to both instances: the same answer; `runs`: how the compiled instance ran it ('nothing': refused before execution). */
  async function same(body: (ids: Record<string, string>) => unknown, runs: 'compiled' | 'graphql-js' | 'nothing') {
    const before = { ...executions };
    const a = await post(compiled, body(ids));
    const ran = executions.compiled > before.compiled ? 'compiled' : executions.graphqlJs > before.graphqlJs ? 'graphql-js' : 'nothing';
    const b = await post(reference, body(ids));
    expect(a).toEqual(b);
    expect(ran, a.body.slice(0, 300)).toBe(runs);
    return JSON.parse(a.body) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: Record<string, unknown> }[] };
  }

  it('every field of a verification, both union members, aliases, fragments and directives', async () => {
    const query = `query Both($p: ID!, $u: ID!, $withDetails: Boolean!, $skipHistory: Boolean = true) {
      p: verification(id: $p) { ...V ${DETAILS} }
      u: verification(id: $u) { ...V details @include(if: $withDetails) { __typename ... on UpPassDetails { formSlug } } }
      again: verification(id: $p) { status history @skip(if: $skipHistory) { status } }
    }
    fragment V on Verification { ${VERIFICATION_FIELDS} }`;
    const got = await same((i) => ({ query, variables: { p: i.pawapass, u: i.uppass, withDetails: true } }), 'compiled');
    expect(got.data?.p).toMatchObject({ status: 'APPROVED', details: { __typename: 'PawaPassDetails' } });
    expect(got.data?.u).toMatchObject({ status: 'CREATED', details: { __typename: 'UpPassDetails', formSlug: 'kyc-onboarding' } });
    expect(got.data?.again).toEqual({ status: 'APPROVED' });
  });

  it('lists, connections and subjects', async () => {
    const query = `query Lists($s: String!, $subject: ID!) {
      verifications(first: 5, filter: { subjectId: $s }) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id status } } nodes { id provider } }
      subject(id: $subject) { id verifications(first: 5) { totalCount nodes { id status ${DETAILS} } } }
      providers { provider mode circuit }
    }`;
    const got = await same(() => ({ query, variables: { s: 'jit-subject', subject: 'jit-subject' } }), 'compiled');
    expect((got.data?.verifications as { totalCount: number }).totalCount).toBe(2);
  });

  it('errors: an unknown id, a page size over the limit, variables that do not coerce, a missing variable', async () => {
    const unknown = await same(() => ({ query: 'query($id: ID!) { verification(id: $id) { id status } }', variables: { id: 'no-such-verification' } }), 'compiled');
    expect(unknown.data).toBeDefined();
    const page = await same(() => ({ query: '{ verifications(first: 100000) { totalCount } }' }), 'nothing');
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // the compiled function refuses them, graphql-js answers (its messages are the contract)
    const bad = await same(() => ({ query: 'query($f: VerificationFilter) { verifications(filter: $f) { totalCount } }', variables: { f: { status: 'NOT_A_STATUS' } } }), 'graphql-js');
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const missing = await same(() => ({ query: 'query($id: ID!) { verification(id: $id) { id } }', variables: {} }), 'graphql-js');
    expect(missing.errors?.[0].message).toContain('$id');
  });

  it('introspection, __typename and the federation fields', async () => {
    await same(() => ({ query: getIntrospectionQuery() }), 'compiled');
    await same(() => ({ query: '{ __typename _service { sdl } }' }), 'compiled');
    const entities = await same(
      (i) => ({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Verification { id status } ... on KycSubject { id } } }',
        variables: { r: [{ __typename: 'Verification', id: i.pawapass }, { __typename: 'KycSubject', id: 'jit-subject' }] },
      }),
      'compiled',
    );
    expect(entities.data?._entities).toEqual([{ __typename: 'Verification', id: ids.pawapass, status: 'APPROVED' }, { __typename: 'KycSubject', id: 'jit-subject' }]);
  });

  it('subscriptions: every event and every refusal the same from both; the events run compiled', async () => {
    // a literal argument beside a variable of another name: the field must get its own arguments
    const query = parse(`subscription Watch($who: String) {
      verificationUpdated(subjectId: $who, provider: PAWAPASS) {
        cursor at previousStatus __typename
        verification { ...V ${DETAILS} }
      }
    }
    fragment V on Verification { ${VERIFICATION_FIELDS} }`);
    const clients = [wsClient(compiled.url), wsClient(reference.url)];
    const subs = clients.map((c) => subscribe(c, query as never, { who: 'jit-watched' }) as Subscription<{ verificationUpdated: Record<string, unknown> }>);
    try {
      await until(() => compiled.app.services.bus.subscriberCount === 1 && reference.app.services.bus.subscriberCount === 1);
      const before = executions.compiledEvents;
      const v = ok(await compiled.gql(StartPawaPassDocument, { input: pawaPassInput('jit-watched', { externalId: 'jit-w' }) })).startPawaPassVerification;
      expect((await compiled.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
      // APPROVED is the last event: a subscriber that has it has every event
      const approved = (s: (typeof subs)[number]) => (s.events.at(-1)?.verificationUpdated.verification as { status?: string } | undefined)?.status === 'APPROVED';
      await until(() => subs.every(approved));
      expect(subs[0].events.length).toBeGreaterThanOrEqual(2);
      expect(subs[0].events).toEqual(subs[1].events);
      expect(subs[0].errors).toEqual([]);
      expect(executions.compiledEvents - before).toBe(subs[0].events.length);
    } finally {
      for (const s of subs) s.close();
    }
    // refused: a variable that does not coerce, a bad cursor (the subscribe resolver's error)
    for (const [doc, variables] of [
      ['subscription($who: String) { verificationUpdated(subjectId: $who) { cursor } }', { who: 5 }],
      ['subscription { verificationUpdated(subjectId: "x", after: "not-a-cursor") { cursor } }', {}],
    ] as const) {
      const refused = clients.map((c) => subscribe(c, parse(doc) as never, variables));
      await until(() => refused.every((s) => s.errors.length > 0));
      // each operation quotes its own request id (a new one on each server)
      const withoutIds = (errors: unknown[]) => JSON.parse(JSON.stringify(errors, (k, v: unknown) => (k === 'requestId' ? undefined : v))) as unknown;
      expect(withoutIds(refused[0].errors)).toEqual(withoutIds(refused[1].errors));
      expect(JSON.stringify(refused[0].errors)).toContain('BAD_USER_INPUT');
      expect(JSON.stringify(refused[0].errors)).toContain('"requestId"');
    }
    await Promise.all(clients.map((c) => c.dispose()));
  });

  it('mutations run on graphql-js', async () => {
    const before = { ...executions };
    ok(await compiled.gql(StartPawaPassDocument, { input: pawaPassInput('jit-subject-2', { externalId: 'jit-2' }) }));
    expect(executions.graphqlJs).toBe(before.graphqlJs + 1);
    expect(executions.compiled).toBe(before.compiled);
  });
});

describe('the compiled executor at startup', () => {
  it("refuses a union or interface whose type resolver is async (type-graphql's own), naming it", async () => {
    const schema = buildSchema('union U = A | B type A { a: Int } type B { b: Int } interface I { i: Int } type C implements I { i: Int } type Query { u: U i: I }');
    (schema.getType('U') as GraphQLUnionType).resolveType = async () => 'A';
    (schema.getType('I') as GraphQLInterfaceType).resolveType = () => 'C';
    expect(() => compiledExecutor(schema)).toThrow('compiled execution needs synchronous type resolvers; async: U');
    const kyc = await buildKycSchema();
    expect(() => assertSyncTypeResolvers(kyc)).not.toThrow();
  });
});

describe('GRAPHQL_EXECUTOR', () => {
  it('is compiled by default, graphql-js on request, and refuses anything else naming the variable', () => {
    expect(loadConfig({}).graphqlExecutor).toBe('compiled');
    expect(loadConfig({ GRAPHQL_EXECUTOR: 'graphql-js' }).graphqlExecutor).toBe('graphql-js');
    expect(() => loadConfig({ GRAPHQL_EXECUTOR: 'jit' })).toThrow(/GRAPHQL_EXECUTOR must be one of compiled, graphql-js, got "jit"/);
  });
});
