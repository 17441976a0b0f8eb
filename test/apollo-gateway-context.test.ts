// kyc-graph runs queries through Apollo's gateway interface (server/compiled-executor.ts). Apollo
// 5.5.1 built the request context a gateway gets with an object literal holding `get status()` /
// `set status()`: V8 allocates such a literal's accessor functions in the old generation, and
// their closure held the whole request (its context, loaders, answer) reachable from old space,
// so every request alive at a scavenge was promoted and freed only by a full GC (figure 1: 958 KB
// promoted per scavenge instead of 136 KB, ~12 % of the CPU per request; docs/perf). patches/
// (applied by patch-package on install) gives that object a class with the accessors on its
// prototype. These tests fail on the unpatched package and check that the gateway's view of the
// answer still reads and writes the answer's status and headers.
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema('type Query { hello: String }');

async function runThroughGateway(executor: (rc: GatewayGraphQLRequestContext) => void) {
  const gateway: GatewayInterface = {
    async load() {
      return {
        executor: async (rc) => {
          executor(rc);
          return { data: { hello: 'world' } };
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
  const apollo = new ApolloServer({ gateway });
  await apollo.start();
  try {
    return await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ hello }' } },
      context: async () => ({}),
    });
  } finally {
    await apollo.stop();
  }
}

describe("the request context Apollo hands kyc-graph's executor (patches/@apollo+server)", () => {
  it('holds no accessor of its own on response.http (the accessors live on a prototype)', async () => {
    let own: PropertyDescriptor | undefined | null = null;
    let status: number | undefined = -1;
    const result = await runThroughGateway((rc) => {
      own = Object.getOwnPropertyDescriptor(rc.response!.http!, 'status');
      status = rc.response!.http!.status;
    });
    expect(own).toBeUndefined();
    expect(status).toBeUndefined(); // nothing set: Apollo's default (the HTTP layer answers 200)
    expect(result.status).toBeUndefined();
  });

  it("still sets the answer's status and headers from the executor", async () => {
    let seen: number | undefined;
    const result = await runThroughGateway((rc) => {
      rc.response!.http!.status = 299;
      seen = rc.response!.http!.status;
      rc.response!.http!.headers.set('x-from-executor', 'yes');
    });
    expect(seen).toBe(299);
    expect(result.status).toBe(299);
    expect(result.headers.get('x-from-executor')).toBe('yes');
    expect(result.body.kind === 'complete' && JSON.parse(result.body.string)).toEqual({ data: { hello: 'world' } });
  });
});
