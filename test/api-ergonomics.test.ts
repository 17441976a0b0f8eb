// Issue 19 through HTTP against a running server: Relay connections in both directions with
// totalCount and cursors that survive inserts (memory and Redis stores), every invalid input
// field in one response, page sizes and cost that read the same inline or as variables, and the
// output types (non-null subjectId, CountryCode and IdentityDocumentType beside raw values).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

const post = async (server: TestServer, query: string, variables?: Record<string, unknown>): Promise<Answer> => {
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
};
const data = (a: Answer) => {
  if (a.errors?.length || !a.data) throw new Error(`GraphQL errors: ${JSON.stringify(a.errors)}`);
  return a.data;
};

let n = 0;
const startInput = (subjectId: string, over: Record<string, unknown> = {}) => ({
  subjectId,
  externalId: `ext-${++n}`,
  requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
  successUrl: 'https://your-website.com/success',
  errorUrl: 'https://your-website.com/error',
  supportUrl: 'https://your-website.com/support',
  country: 'ZM',
  ...over,
});
const START = 'mutation($input: StartPawaPassVerificationInput!) { startPawaPassVerification(input: $input) { id providerRef subjectId country providerCountry } }';
const start = async (server: TestServer, subjectId: string) => data(await post(server, START, { input: startInput(subjectId) })).startPawaPassVerification as { id: string; providerRef: string };

const PAGE = `query($s: String, $first: Int, $after: String, $last: Int, $before: String) {
  verifications(filter: { subjectId: $s }, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id } }
    nodes { id }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
type Conn = { totalCount: number; edges: { cursor: string; node: { id: string } }[]; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null } };
const page = async (server: TestServer, vars: Record<string, unknown>) => data(await post(server, PAGE, vars)).verifications as Conn;

function connectionSuite(name: string, env: () => Promise<Record<string, string>>, skip = false) {
  describe.skipIf(skip)(`Relay connections (${name} store)`, () => {
    let server: TestServer;
    const ids: string[] = []; // oldest first
    beforeAll(async () => {
      server = await startServer(await env());
      for (let i = 0; i < 5; i++) ids.push((await start(server, `pager-${name}`)).id);
    });
    afterAll(() => server?.close());

    it('pages forward and backward with cursors, totalCount and full pageInfo', async () => {
      const s = `pager-${name}`;
      const p1 = await page(server, { s, first: 2 });
      expect(p1.nodes.map((v) => v.id)).toEqual([ids[4], ids[3]]);
      expect(p1.edges.map((e) => e.node.id)).toEqual([ids[4], ids[3]]);
      expect(p1.totalCount).toBe(5);
      expect(p1.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: p1.edges[0].cursor, endCursor: p1.edges[1].cursor });

      const p2 = await page(server, { s, first: 2, after: p1.pageInfo.endCursor });
      expect(p2.nodes.map((v) => v.id)).toEqual([ids[2], ids[1]]);
      expect([p2.pageInfo.hasPreviousPage, p2.pageInfo.hasNextPage]).toEqual([true, true]);

      const back = await page(server, { s, last: 2, before: p2.pageInfo.startCursor });
      expect(back.nodes.map((v) => v.id)).toEqual([ids[4], ids[3]]);
      expect([back.pageInfo.hasPreviousPage, back.pageInfo.hasNextPage]).toEqual([false, true]);

      const oldest = await page(server, { s, last: 2 });
      expect(oldest.nodes.map((v) => v.id)).toEqual([ids[1], ids[0]]);
      expect([oldest.pageInfo.hasPreviousPage, oldest.pageInfo.hasNextPage]).toEqual([true, false]);
    });

    it('a cursor keeps its place when verifications are created between two pages', async () => {
      const s = `pager-${name}`;
      const p1 = await page(server, { s, first: 2 });
      const newer = await start(server, s);
      const p2 = await page(server, { s, first: 2, after: p1.pageInfo.endCursor });
      expect(p2.nodes.map((v) => v.id)).toEqual([ids[2], ids[1]]);
      expect(p2.totalCount).toBe(6);
      const before = await page(server, { s, last: 5, before: p1.pageInfo.startCursor });
      expect(before.nodes.map((v) => v.id)).toEqual([newer.id]);
    });

    it("a subject's verifications and ingestions are connections", async () => {
      const s = `pager-${name}`;
      const q = `query($id: ID!, $after: String) { subject(id: $id) {
        verifications(first: 3, after: $after) { totalCount nodes { id subjectId } pageInfo { hasNextPage hasPreviousPage endCursor } }
        ingestions { totalCount nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
      const first = data(await post(server, q, { id: s })).subject;
      expect(first.verifications.totalCount).toBe(6);
      expect(first.verifications.nodes).toHaveLength(3);
      expect(first.verifications.nodes.every((v: { subjectId: string }) => v.subjectId === s)).toBe(true);
      expect(first.ingestions).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
      const second = data(await post(server, q, { id: s, after: first.verifications.pageInfo.endCursor })).subject;
      expect(second.verifications.nodes.map((v: { id: string }) => v.id)).toEqual([ids[2], ids[1], ids[0]]);
      expect(second.verifications.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });
  });
}

connectionSuite('memory', async () => ({}));
let redis: RedisServer | undefined;
connectionSuite(
  'Redis',
  async () => {
    redis = await startRedis();
    return { REDIS_URL: redis.url };
  },
  !hasRedis,
);
afterAll(async () => {
  await redis?.stop();
});

describe('inputs, limits and types', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('a start input with six invalid fields answers six BAD_USER_INPUT errors, each naming its field', async () => {
    const res = await post(server, START, {
      input: startInput('', { externalId: '', requirements: [], successUrl: 'ftp://example.com', errorUrl: 'nope', supportUrl: 'mailto:x' }),
    });
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.every((e) => e.extensions?.code === 'BAD_USER_INPUT' && e.path?.[0] === 'startPawaPassVerification')).toBe(true);
    expect(res.errors?.map((e) => e.extensions?.field)).toEqual([
      'input.subjectId',
      'input.externalId',
      'input.requirements',
      'input.successUrl',
      'input.errorUrl',
      'input.supportUrl',
    ]);
    expect(res.errors?.[3].message).toBe('input.successUrl: must be an http(s) URL');
    expect(res.errors?.every((e) => !('fieldErrors' in (e.extensions ?? {})))).toBe(true);
  });

  it('one invalid field is still one error naming it', async () => {
    const res = await post(server, START, { input: startInput('u', { errorUrl: 'nope' }) });
    expect(res.errors?.map((e) => [e.extensions?.field, e.message])).toEqual([['input.errorUrl', 'input.errorUrl: must be an http(s) URL']]);
  });

  it.each([
    ['inline', '{ verifications(first: 500) { nodes { id } } }', undefined, 'first'],
    ['variable', 'query($n: Int) { verifications(first: $n) { nodes { id } } }', { n: 500 }, 'first'],
    ['inline last', '{ verifications(last: 101) { nodes { id } } }', undefined, 'last'],
    ['subject, variable', 'query($n: Int) { subject(id: "x") { ingestions(first: $n) { nodes { id } } } }', { n: 101 }, 'first'],
  ])('a page size above 100 (%s) is BAD_USER_INPUT naming the argument, before cost', async (_how, query, variables, arg) => {
    const res = await post(server, query, variables);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: arg });
    expect(res.errors?.[0].message).toBe(`${arg}: must not be greater than 100`);
    expect(res.errors?.[0].message).not.toMatch(/Syntax Error|cost/i);
  });

  it('first: 100 passes written inline and as a variable alike', async () => {
    const fields = 'edges { cursor node { id provider status providerStatus url createdAt } } pageInfo { hasNextPage endCursor }';
    expect((await post(server, `{ verifications(first: 100) { ${fields} } }`)).errors).toBeUndefined();
    expect((await post(server, `query($n: Int) { verifications(first: $n) { ${fields} } }`, { n: 100 })).errors).toBeUndefined();
  });
});

describe('query cost reads variables', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ GRAPHQL_MAX_COST: '500' });
  });
  afterAll(() => server.close());

  it('the same operation costs the same inline and with variables; the message says "Query cost limit"', async () => {
    const fields = 'nodes { id status providerStatus url createdAt }';
    const inline = await post(server, `{ verifications(first: 90) { ${fields} } }`);
    const variable = await post(server, `query($n: Int) { verifications(first: $n) { ${fields} } }`, { n: 90 });
    for (const res of [inline, variable]) {
      expect(res.errors).toHaveLength(1);
      expect(res.errors?.[0].message).toBe('Query cost limit of 500 exceeded, found 632.');
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 632, maxCost: 500 });
    }
    expect((await post(server, `query($n: Int) { verifications(first: $n) { ${fields} } }`, { n: 70 })).errors).toBeUndefined();
    expect((await post(server, `{ verifications(first: 70) { ${fields} } }`)).errors).toBeUndefined();
  });

  it('a default page size counts like the same value written out', async () => {
    const fields = 'nodes { id status providerStatus url createdAt }';
    const dflt = await post(server, `{ subject(id: "x") { verifications { ${fields} } } }`);
    const written = await post(server, `{ subject(id: "x") { verifications(first: 50) { ${fields} } } }`);
    expect(dflt.errors).toBeUndefined();
    expect(written.errors).toBeUndefined();
    const over = await post(server, `query($n: Int) { subject(id: "x") { verifications(first: $n) { ${fields} } ingestions(first: $n) { nodes { id status } } } }`, { n: 60 });
    expect(over.errors?.[0].message).toMatch(/^Query cost limit of 500 exceeded/);
  });
});

describe('output types', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('country is a CountryCode with the raw value beside; the document type is an enum with providerType', async () => {
    const v = data(await post(server, START, { input: startInput('typed-1') })).startPawaPassVerification;
    expect(v).toMatchObject({ subjectId: 'typed-1', country: 'ZM', providerCountry: 'ZM' });
    expect((await server.advance('pawapass', v.providerRef, 'STARTED')).status).toBe(200);
    expect((await server.advance('pawapass', v.providerRef, 'APPROVED')).status).toBe(200);
    const got = data(await post(server, 'query($id: ID!) { verification(id: $id) { identityDocument { type providerType country } } }', { id: v.id })).verification;
    // the pawaPass seed's example document: "type": "NATIONAL_ID"
    expect(got.identityDocument).toEqual({ type: 'NATIONAL_ID', providerType: 'NATIONAL_ID', country: 'ZM' });
  });

  it('the schema has subjectId non-null and the enums', async () => {
    const res = data(await post(server, `{ v: __type(name: "Verification") { fields { name type { kind name ofType { name } } } }
      d: __type(name: "IdentityDocumentType") { enumValues { name } } }`));
    const field = (name: string) => res.v.fields.find((f: { name: string }) => f.name === name).type;
    expect(field('subjectId')).toEqual({ kind: 'NON_NULL', name: null, ofType: { name: 'String' } });
    expect(field('country')).toEqual({ kind: 'ENUM', name: 'CountryCode', ofType: null });
    expect(res.d.enumValues.map((e: { name: string }) => e.name)).toContain('DRIVER_LICENSE');
  });
});
