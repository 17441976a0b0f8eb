// GraphQL over WebSocket on /graphql (graphql-ws, `graphql-transport-ws`): a key checked once per
// connection, the same query limits as over HTTP, and a fresh context per operation.
import type { IncomingMessage, Server } from 'node:http';
import { execute, GraphQLError, type GraphQLSchema, parse, specifiedRules, subscribe, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import { requestIdOfPayload } from '../observability/request-context.js';
import { traceWsOperation, wsOperationContext, wsRequestId } from '../observability/tracing.js';
import type { Authenticator } from './auth.js';
import { compiledSubscribe } from './compiled-executor.js';
import type { RequestContext } from './context.js';
import { formatError } from './error-format.js';
import type { protect } from './limits.js';
import { SubscriptionLimiter } from './operation-limits.js';

export interface GraphqlWsOptions {
  httpServer: Server;
  schema: GraphQLSchema;
  auth: Authenticator;
  limits: ReturnType<typeof protect>;
  /** The context of an authenticated operation (throws for a missing or bad key). */
  context: (authorization: string | undefined) => RequestContext;
  /** Decides each upgrade before the WebSocket opens (CORS Origin check); false → 403. */
  allowUpgrade?: (req: IncomingMessage) => boolean;
  /** WS_MAX_SUBSCRIPTIONS: operations at once on one connection. */
  maxSubscriptions: number;
  /** Production: no "Did you mean" hints in errors. */
  production: boolean;
  /** GRAPHQL_EXECUTOR: `compiled` runs each subscription event as a compiled function (compiled-executor.ts). */
  executor: 'compiled' | 'graphql-js';
  /** Where an unexpected (masked) error is logged, with the operation's request id. */
  log: Logger;
}

export interface GraphqlWs {
  readonly wss: WebSocketServer;
  /** Closes every connection (graphql-ws dispose) and the WebSocket server. */
  dispose(): Promise<void>;
}

const authorizationOf = (params: Readonly<Record<string, unknown>> | undefined) =>
  (params?.authorization ?? params?.Authorization) as string | undefined;

/** `error` with `code` (as Apollo codes a request's parse, validation and variable errors over HTTP). */
const coded = (error: GraphQLError, code: string) =>
  new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path, originalError: error.originalError, extensions: { ...error.extensions, code } });

export function attachGraphqlWs({ httpServer, schema, auth, limits, context, allowUpgrade, maxSubscriptions, production, executor, log }: GraphqlWsOptions): GraphqlWs {
  const limiter = new SubscriptionLimiter(maxSubscriptions);
  const subscribeOperation = executor === 'compiled' ? compiledSubscribe(schema) : subscribe;
  // every error a WebSocket client is sent goes through the same formatting as over HTTP: known
  // codes kept, anything else masked and logged, no hints in production, the request id quoted
  const format = (errors: readonly GraphQLError[], requestId: string | undefined) => errors.map((e) => formatError(e.toJSON(), e, log, production, requestId));
  const wss = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    verifyClient: allowUpgrade && ((info, done) => (allowUpgrade(info.req) ? done(true) : done(false, 403, 'Origin not allowed'))),
  });
  const wsServer = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      // a key is checked once per connection: missing → close 4401, invalid → 4403 (graphql-ws's answer to `false`)
      onConnect: (ctx) => {
        if (auth.open) return true;
        const authorization = authorizationOf(ctx.connectionParams);
        if (!authorization) {
          ctx.extra.socket.close(CloseCode.Unauthorized, 'Unauthorized');
          return false;
        }
        try {
          auth.authenticate(authorization);
          return true;
        } catch {
          return false;
        }
      },
      // the same limits as over HTTP
      onSubscribe: (ctx, id, payload) => {
        // WS_MAX_SUBSCRIPTIONS operations at once per connection; the connection stays open
        const refused = limiter.refuse(ctx, id);
        if (refused) return [refused];
        let doc;
        try {
          doc = parse(payload.query, limits.parseOptions);
        } catch (err) {
          if (!(err instanceof GraphQLError)) throw err;
          return [coded(err, 'GRAPHQL_PARSE_FAILED')];
        }
        const errors = validate(schema, doc, [...specifiedRules, ...limits.validationRules]);
        if (errors.length) return errors.map((e) => coded(e, 'GRAPHQL_VALIDATION_FAILED'));
        // page sizes and cost, with the operation's variables (cost.ts)
        const overLimits = limits.checkVariables(schema, doc, payload.operationName, payload.variables);
        if (overLimits.length) return overLimits;
        limiter.started(ctx, id);
        return undefined;
      },
      onComplete: (ctx, id) => limiter.ended(ctx, id),
      // refused before it ran (the `error` message): the request id the operation would have had
      onError: (ctx, id, payload, errors) => {
        limiter.ended(ctx, id);
        return format(errors, requestIdOfPayload(payload));
      },
      // a result with errors: a resolver's, or the request's own (variables that do not coerce,
      // no path and no code: BAD_USER_INPUT, as over HTTP)
      onNext: (_ctx, _id, _payload, args, result) =>
        result.errors
          ? { ...result, errors: format(result.errors.map((e) => (e.path || e.extensions?.code ? e : coded(e, 'BAD_USER_INPUT'))), wsRequestId(args.contextValue as object)) }
          : undefined,
      // a fresh context (and fresh loaders) for every subscription operation, with its request id / trace
      context: (ctx, _id, payload) => {
        const c = wsOperationContext(context(authorizationOf(ctx.connectionParams)), ctx.extra.request, payload);
        c.scope.requestId = wsRequestId(c) ?? c.scope.requestId;
        return c;
      },
      execute: (args) => traceWsOperation(args, () => execute(args)),
      subscribe: (args) => traceWsOperation(args, () => subscribeOperation(args)),
    },
    wss,
  );
  return {
    wss,
    async dispose() {
      await wsServer.dispose();
      wss.close();
    },
  };
}
