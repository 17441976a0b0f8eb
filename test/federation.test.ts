// kyc-graph as a Federation 2 subgraph: _service, _entities, and composition with another
// subgraph queried through a real @apollo/gateway.
import { composeServices } from '@apollo/composition';
import { ApolloGateway, LocalGraphQLDataSource, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StartPawaPassDocument } from './generated/graphql.js';
import { graphqlRequest, ok } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

// A second subgraph, as a company's accounts team would write it: it knows KycSubject by id only.
const accountsTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Account @key(fields: "id") { id: ID! name: String! kyc: KycSubject! }
  type KycSubject @key(fields: "id", resolvable: false) { id: ID! }
  type Query { account(id: ID!): Account }
`);
const accountsSchema = buildSubgraphSchema({
  typeDefs: accountsTypeDefs,
  resolvers: { Query: { account: (_: unknown, { id }: { id: string }) => ({ id, name: `Account ${id}`, kyc: { id: `user-${id}` } }) } },
});

let server: TestServer;
let verificationId: string;
beforeAll(async () => {
  server = await startServer();
  verificationId = ok(
    await server.gql(StartPawaPassDocument, {
      input: {
        subjectId: 'user-42',
        externalId: 'fed-1',
        requirements: [{ type: 'FACE_SCAN' }],
        successUrl: 'https://example.com/s',
        errorUrl: 'https://example.com/e',
        supportUrl: 'https://example.com/h',
      },
    }),
  ).startPawaPassVerification.id;
});
afterAll(() => server.close());

const raw = (query: string, variables?: Record<string, unknown>) => graphqlRequest(`${server.url}/graphql`, parse(query) as never, variables as never);

describe('the subgraph', () => {
  it('serves its SDL through _service, and that SDL composes', async () => {
    const res = await raw('{ _service { sdl } }');
    const sdl = (res.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/type Verification\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type KycSubject\s+@key\(fields: "id"\)/);
    const composed = composeServices([{ name: 'kyc', typeDefs: parse(sdl), url: `${server.url}/graphql` }]);
    expect(composed.errors ?? []).toEqual([]);
  });

  it('resolves Verification and KycSubject through _entities', async () => {
    const res = await raw(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Verification { id status provider }
        ... on KycSubject { id verifications { nodes { id } } } } }`,
      { r: [{ __typename: 'Verification', id: verificationId }, { __typename: 'KycSubject', id: 'user-42' }, { __typename: 'Verification', id: 'unknown' }] },
    );
    expect(res.errors).toBeUndefined();
    expect((res.data as { _entities: unknown[] })._entities).toEqual([
      { id: verificationId, status: 'CREATED', provider: 'PAWAPASS' },
      { id: 'user-42', verifications: { nodes: [{ id: verificationId }] } },
      null,
    ]);
  });
});

describe('composed with another subgraph behind @apollo/gateway', () => {
  it('a query through the gateway joins Account to its verifications', async () => {
    const kycTypeDefs = parse(readFileSync('schema.graphql', 'utf8'));
    const composed = composeServices([
      { name: 'kyc', typeDefs: kycTypeDefs, url: `${server.url}/graphql` },
      { name: 'accounts', typeDefs: accountsTypeDefs, url: 'local://accounts' },
    ]);
    expect(composed.errors ?? []).toEqual([]);
    const gateway = new ApolloGateway({
      supergraphSdl: composed.supergraphSdl!,
      buildService: ({ name, url }) => (name === 'accounts' ? new LocalGraphQLDataSource(accountsSchema) : new RemoteGraphQLDataSource({ url })),
    });
    const router = new ApolloServer({ gateway });
    await router.start();
    try {
      const res = await router.executeOperation({
        query: '{ account(id: "42") { name kyc { id verifications { nodes { id provider status } } } } }',
      });
      const body = res.body as { kind: 'single'; singleResult: { data?: unknown; errors?: unknown } };
      expect(body.singleResult.errors).toBeUndefined();
      expect(body.singleResult.data).toEqual({
        account: { name: 'Account 42', kyc: { id: 'user-42', verifications: { nodes: [{ id: verificationId, provider: 'PAWAPASS', status: 'CREATED' }] } } },
      });
    } finally {
      await router.stop();
    }
  });
});
