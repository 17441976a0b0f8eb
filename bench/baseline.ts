// The floor every figure is compared with: the bare minimum on the same transport as kyc-graph.
// - POST /graphql: a hello-world Apollo Server 5 (`{ hello }`), served exactly the way
//   src/server/app.ts serves kyc-graph: node:http, body read and JSON-parsed by hand, HeaderMap,
//   executeHTTPGraphQLRequest, csrfPrevention on. No plugins, no context, no loaders.
//   With `sameQuery` (figure 1's fair limit) it serves instead kyc-graph's own printed schema
//   (schema.graphql, as an Apollo Federation subgraph like src/schema/build.ts) with Apollo's
//   cache-control plugin off (as kyc-graph has it), and `verification(id)` answers from a Map of
//   the answers kyc-graph gave, so both servers write byte-identical bodies (the bench asserts it):
//   default resolvers only, no auth, no store, no loaders, no metrics, no request id.
// - POST /webhooks/{any}: reads the raw body, JSON-parses it and publishes `{key, stamp}` taken from
//   the bench's own x-bench-key / x-bench-stamp headers, then answers 200. No signature check, no
//   store, no dedup, nothing provider-specific.
// - ws /graphql: graphql-ws (same `useServer` on `ws`) with `subscription { updated(key) { key stamp } }`,
//   fed by an EventEmitter keyed by `key` (or, with REDIS_URL, by Redis PUBLISH/SUBSCRIBE so two
//   instances share events).
// - POST /graphql as multipart/form-data (figure 5): graphql-upload's processRequest with the same
//   limits as kyc-graph (src/server/uploads.ts), which streams each file to a temp file in
//   os.tmpdir(); each file is read once from it, the answer is `{"data":{"bytes":[…]}}` and the temp
//   files are released when the response closes. No GraphQL execution, no image check.
import { EventEmitter, on } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { useServer } from 'graphql-ws/use/ws';
import { Redis } from 'ioredis';
import { WebSocketServer } from 'ws';
import processRequest from 'graphql-upload/processRequest.mjs';
import Upload from 'graphql-upload/Upload.mjs';
import { isMultipart, UPLOAD_LIMITS } from '../src/server/uploads.js';

interface Update {
  key: string;
  stamp: string;
}

const typeDefs = /* GraphQL */ `
  type Query { hello: String! }
  type Update { key: String! stamp: String! }
  type Subscription { updated(key: String!): Update! }
`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** graphql-upload alone: temp files written by processRequest, each read once, released on close. */
async function multipart(req: IncomingMessage, res: ServerResponse) {
  const operations = await processRequest(req, res, { maxFiles: UPLOAD_LIMITS.maxFiles, maxFileSize: UPLOAD_LIMITS.maxFileSize + 1 });
  const uploads: Upload[] = [];
  const walk = (v: unknown) => {
    if (v instanceof Upload) uploads.push(v);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(operations);
  res.once('close', () => {
    for (const u of uploads) u.promise.then((f) => (f as unknown as { capacitor?: { release(): void } }).capacitor?.release(), () => {});
  });
  const bytes: number[] = [];
  for (const u of uploads) {
    let n = 0;
    for await (const chunk of (await u.promise).createReadStream()) n += (chunk as Buffer).length;
    bytes.push(n);
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { bytes } }));
}

/**
 * kyc-graph's printed schema (schema.graphql) answering `verification(id)` from `answers` (id →
 * the `verification` object kyc-graph answered); every other field is a default resolver.
 */
export function sameQuerySchema(answers: Record<string, unknown>, schemaFile = new URL('../../../schema.graphql', import.meta.url)) {
  const byId = new Map(Object.entries(answers));
  return buildSubgraphSchema({
    typeDefs: parse(readFileSync(schemaFile, 'utf8')),
    resolvers: { Query: { verification: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null } } as never,
  });
}

export async function startBaseline(options: { redisUrl: string | null; sameQuery?: Record<string, unknown> | null }) {
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let subscribers = 0;
  let pub: Redis | null = null;
  let sub: Redis | null = null;
  if (options.redisUrl) {
    pub = new Redis(options.redisUrl);
    sub = new Redis(options.redisUrl);
    await sub.subscribe('baseline');
    sub.on('message', (_channel: string, message: string) => {
      const u = JSON.parse(message) as Update;
      local.emit(u.key, u);
    });
  }
  const publish = (u: Update) => (pub ? void pub.publish('baseline', JSON.stringify(u)) : local.emit(u.key, u));

  const schema = makeExecutableSchema({
    typeDefs,
    resolvers: {
      Query: { hello: () => 'world' },
      Subscription: {
        updated: {
          // events.on's own iterator, so a client that leaves ends it at once (an async generator
          // would hold its return() until the next event for its key, and keep the listener)
          subscribe: (_: unknown, { key }: { key: string }) => {
            const events = on(local, key);
            subscribers++;
            let open = true;
            const close = () => {
              if (open) subscribers--;
              open = false;
            };
            return {
              next: () => events.next(),
              return: () => {
                close();
                return events.return!();
              },
              throw: (err: unknown) => {
                close();
                return events.throw!(err);
              },
              [Symbol.asyncIterator]() {
                return this;
              },
            };
          },
          resolve: ([u]: [Update]) => u,
        },
      },
    },
  });

  const server = createServer();
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const ws = useServer({ schema }, wss);
  const apollo = options.sameQuery
    ? new ApolloServer({ schema: sameQuerySchema(options.sameQuery), csrfPrevention: true, includeStacktraceInErrorResponses: false, plugins: [ApolloServerPluginCacheControlDisabled()] })
    : new ApolloServer({ schema, csrfPrevention: true, includeStacktraceInErrorResponses: false });
  await apollo.start();

  server.on('request', async (req, res) => {
    try {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method === 'POST' && path.startsWith('/webhooks/')) {
        JSON.parse((await readBody(req)).toString('utf8'));
        publish({ key: String(req.headers['x-bench-key']), stamp: String(req.headers['x-bench-stamp']) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":1}');
        return;
      }
      if (req.method === 'POST' && isMultipart(req.headers['content-type'])) {
        await multipart(req, res);
        return;
      }
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const raw = req.method === 'POST' ? await readBody(req) : null;
      const request: HTTPGraphQLRequest = {
        method: req.method ?? 'GET',
        headers,
        search: new URL(req.url ?? '/', 'http://localhost').search,
        body: raw && raw.length ? JSON.parse(raw.toString('utf8')) : undefined,
      };
      const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => ({}) });
      for (const [k, v] of result.headers) res.setHeader(k, v);
      res.statusCode = result.status ?? 200;
      if (result.body.kind === 'complete') res.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch {
      if (!res.headersSent) res.writeHead(500).end();
    }
  });

  await new Promise<void>((resolve) => server.listen(0, resolve)); // all interfaces, like kyc-graph without HOST
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    subscribers: () => subscribers,
    async close() {
      await ws.dispose();
      wss.close();
      await apollo.stop();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      pub?.disconnect();
      sub?.disconnect();
    },
  };
}
