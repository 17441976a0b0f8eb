// README "Clients": each setup, as written there, against a running server with the client preset's
// typed documents (examples/gql, DateTime → string): Apollo Client 4 (HTTP + graphql-ws link),
// urql (GET refused by CSRF prevention unless `preferGetMethod: false` or the preflight header) and
// graphql-request (POST; GET with the preflight header).
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { cacheExchange, Client as UrqlClient, fetchExchange } from '@urql/core';
import { GraphQLClient } from 'graphql-request';
import { Kind, OperationTypeNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MyVerificationsDocument, OnVerificationUpdatedDocument, StartPawaPassVerificationDocument, type StartPawaPassVerificationInput } from '../examples/gql/graphql.js';
import { until } from './support/client.js';
import { startServer, type TestServer } from './support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

let n = 0;
const input = (subjectId: string): StartPawaPassVerificationInput => ({
  subjectId,
  externalId: `clients-${++n}`,
  requirements: [{ type: 'DOCUMENT_SCAN' }, { type: 'FACE_SCAN' }],
  successUrl: 'https://your.app/kyc/done',
  errorUrl: 'https://your.app/kyc/error',
  supportUrl: 'https://your.app/help',
  country: 'ZM',
});

describe('Apollo Client 4', () => {
  it('queries and mutates over HTTP and subscribes over the graphql-ws link', async () => {
    // --- README setup
    const httpLink = new HttpLink({ uri: `${server.url}/graphql` });
    const wsLink = new GraphQLWsLink(createClient({ url: `${server.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket }));
    const client = new ApolloClient({
      link: ApolloLink.split(
        ({ query }) => {
          const def = getMainDefinition(query);
          return def.kind === Kind.OPERATION_DEFINITION && def.operation === OperationTypeNode.SUBSCRIPTION;
        },
        wsLink,
        httpLink,
      ),
      cache: new InMemoryCache(),
    });
    // ---
    try {
      const events: string[] = [];
      const subs = server.app.services.bus.subscriberCount;
      const sub = client.subscribe({ query: OnVerificationUpdatedDocument, variables: { subjectId: 'apollo-1' } }).subscribe({
        next: (r) => events.push(r.data!.verificationUpdated.verification.status),
      });
      await until(() => server.app.services.bus.subscriberCount === subs + 1);
      const started = await client.mutate({ mutation: StartPawaPassVerificationDocument, variables: { input: input('apollo-1') } });
      const v = started.data!.startPawaPassVerification;
      expect(v.subjectId).toBe('apollo-1');
      await until(() => events.length === 1);
      expect(events).toEqual(['CREATED']);

      const { data } = await client.query({ query: MyVerificationsDocument, variables: { subjectId: 'apollo-1', first: 10 } });
      expect(data!.verifications.totalCount).toBe(1);
      expect(data!.verifications.edges[0].node).toMatchObject({ id: v.id, country: 'ZM' });
      const createdAt: string = data!.verifications.edges[0].node.createdAt; // DateTime → string
      expect(Date.parse(createdAt)).not.toBeNaN();
      sub.unsubscribe();
    } finally {
      client.stop();
      await (wsLink.client.dispose() as Promise<void>);
    }
  });
});

describe('urql', () => {
  const exchanges = [cacheExchange, fetchExchange];

  it('with its default GET for queries, CSRF prevention refuses the query (what the README warns of)', async () => {
    const client = new UrqlClient({ url: `${server.url}/graphql`, exchanges });
    const res = await client.query(MyVerificationsDocument, { subjectId: 'urql-0' }).toPromise();
    expect(res.error?.message).toMatch(/CSRF|preflight/i);
  });

  it('with preferGetMethod: false (POST) queries and mutates', async () => {
    // --- README setup
    const client = new UrqlClient({ url: `${server.url}/graphql`, exchanges, preferGetMethod: false });
    // ---
    const started = await client.mutation(StartPawaPassVerificationDocument, { input: input('urql-1') }).toPromise();
    expect(started.error).toBeUndefined();
    const res = await client.query(MyVerificationsDocument, { subjectId: 'urql-1' }).toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data!.verifications.edges.map((e) => e.node.id)).toEqual([started.data!.startPawaPassVerification.id]);
  });

  it('with GET and the apollo-require-preflight header queries', async () => {
    // --- README setup
    const client = new UrqlClient({ url: `${server.url}/graphql`, exchanges, fetchOptions: { headers: { 'apollo-require-preflight': 'true' } } });
    // ---
    const res = await client.query(MyVerificationsDocument, { subjectId: 'urql-1' }).toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data!.verifications.totalCount).toBe(1);
  });
});

describe('graphql-request', () => {
  it('POSTs typed documents; GET works with the preflight header', async () => {
    // --- README setup
    const client = new GraphQLClient(`${server.url}/graphql`);
    // ---
    const started = await client.request(StartPawaPassVerificationDocument, { input: input('gr-1') });
    const page = await client.request(MyVerificationsDocument, { subjectId: 'gr-1' });
    expect(page.verifications.edges[0].node.id).toBe(started.startPawaPassVerification.id);

    const getClient = new GraphQLClient(`${server.url}/graphql`, { method: 'GET', headers: { 'apollo-require-preflight': 'true' } });
    expect((await getClient.request(MyVerificationsDocument, { subjectId: 'gr-1' })).verifications.totalCount).toBe(1);
    const refused = new GraphQLClient(`${server.url}/graphql`, { method: 'GET' });
    await expect(refused.request(MyVerificationsDocument, { subjectId: 'gr-1' })).rejects.toThrow(/CSRF|preflight/i);
  });
});
