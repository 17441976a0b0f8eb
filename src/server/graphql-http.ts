// GraphQL over HTTP on /graphql: Apollo Server 5 behind node:http (GET and POST, JSON and
// GraphQL multipart uploads). The request becomes Apollo's HTTPGraphQLRequest; the answer is written back.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { type GraphQLSchema, Kind, parse } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import { readBody, type RequestUrl, sendJson } from '../http/httpkit.js';
import { graphqlTracingPlugin, traceGraphqlRequest } from '../observability/tracing.js';
import { REQUEST_ID_HEADER, withRequestScope } from '../observability/request-context.js';
import type { Authenticator } from './auth.js';
import type { RequestContext } from './context.js';
import { compiledGateway } from './compiled-executor.js';
import { formatError, requestErrorStatus } from './error-format.js';
import type { protect } from './limits.js';
import { kycRequestPlugin } from './request-plugin.js';
import { SANDBOX_EXAMPLE } from './sandbox-example.js';
import { isMultipart, MultipartError, readMultipart, uploadTimedOut } from './uploads.js';

/** Apollo csrfPrevention's headers; a multipart request without one is refused before it is read. */
const CSRF_PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];

export interface ApolloOptions {
  schema: GraphQLSchema;
  config: Config;
  log: Logger;
  limits: ReturnType<typeof protect>;
  httpServer: Server;
  /** Called while Apollo drains (closes the WebSocket server). */
  drain: () => Promise<void>;
}

export async function startApollo({ schema, config, log, limits, httpServer, drain }: ApolloOptions): Promise<ApolloServer<RequestContext>> {
  const apollo = new ApolloServer<RequestContext>({
    // the schema, its queries run compiled (compiled-executor.ts) unless GRAPHQL_EXECUTOR=graphql-js
    ...(config.graphqlExecutor === 'compiled' ? { gateway: compiledGateway(schema) } : { schema }),
    logger: log.child({ component: 'apollo' }),
    introspection: config.introspection,
    csrfPrevention: true,
    // shutdown is main.ts's (server/shutdown.ts), in one place: Apollo's own signal handler
    // would call stop() a second time, which never resolves (Apollo 5.5.1; issue 13 finding 6)
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, log, config.production),
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]), // armor types come from the CJS build
      kycRequestPlugin(limits, config.production),
      // field timing traces (ftv1) only for a gateway the operator trusts
      ...(config.security.federationTraces ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      // stops accepting, then gives in-flight requests SHUTDOWN_GRACE_MS before closing their connections
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.ops.shutdownGraceMs }),
      // No response of this API may be cached (personal data, changing statuses), and nothing sets
      // cache hints: the cache-control plugin would only wrap every field resolver (~10 % of a
      // wide query's CPU) to compute "no-store", which the handler below sets on every answer.
      ApolloServerPluginCacheControlDisabled(),
      graphqlTracingPlugin(),
      { serverWillStart: async () => ({ drainServer: drain }) },
      config.production && !config.introspection
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, ...SANDBOX_EXAMPLE }),
    ],
  });
  await apollo.start();
  return apollo;
}

/**
 * Root fields whose resolvers only read through the request's loaders (which run a provider
 * refresh in the request's scope themselves): a query made of these alone runs outside
 * AsyncLocalStorage. Anything else (mutations, lists, subjects, checks, ingestions, whose fields
 * may call a provider or write the audit trail) runs in the request's scope.
 */
const LOADER_ONLY_ROOTS = new Set(['verification', '__typename']);
/** Longer documents are not looked at here (Apollo's parser has the token limits). */
const MAX_CLASSIFIED_LENGTH = 4096;
const MAX_CLASSIFIED = 1000;
const loaderOnlyDocuments = new Map<string, boolean>();

/** True when `body` is one query document whose root fields are all in LOADER_ONLY_ROOTS. */
export function loaderOnly(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  if (typeof query !== 'string' || query.length > MAX_CLASSIFIED_LENGTH) return false;
  let known = loaderOnlyDocuments.get(query);
  if (known !== undefined) return known;
  try {
    known = parse(query, { noLocation: true }).definitions.every(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' && d.selectionSet.selections.every((f) => f.kind === Kind.FIELD && LOADER_ONLY_ROOTS.has(f.name.value)),
    );
  } catch {
    known = false;
  }
  if (loaderOnlyDocuments.size >= MAX_CLASSIFIED) loaderOnlyDocuments.clear();
  loaderOnlyDocuments.set(query, known);
  return known;
}

export interface GraphqlHttpOptions {
  apollo: ApolloServer<RequestContext>;
  auth: Authenticator;
  /** The context of an authenticated request (throws UNAUTHENTICATED for a missing or bad key). */
  context: (authorization: string | undefined, requestId?: string) => RequestContext;
  maxBodyBytes: number;
  /** UPLOAD_TIMEOUT_MS: a multipart request's whole body must arrive within this time (else 408). */
  uploadTimeoutMs: number;
}

/** The handler of GET and POST /graphql. */
export function graphqlHttpHandler({ apollo, auth, context, maxBodyBytes, uploadTimeoutMs }: GraphqlHttpOptions) {
  const authenticates = (authorization: string | undefined) => {
    try {
      auth.authenticate(authorization);
      return true;
    } catch {
      return false;
    }
  };
  return async function graphql(req: IncomingMessage, res: ServerResponse, url: RequestUrl, _params: string[], requestId: string) {
    res.setHeader(REQUEST_ID_HEADER, requestId); // this route owns its request id (routes.ts)
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
    let body: unknown;
    if (req.method === 'POST' && isMultipart(headers.get('content-type'))) {
      if (!CSRF_PREFLIGHT_HEADERS.some((h) => headers.get(h))) {
        // Apollo's csrfPrevention answers 400 below; no file of this request is read
        req.resume();
      } else if (!auth.open && !authenticates(req.headers.authorization)) {
        // no file of an unauthenticated request is written to disk
        req.resume();
        sendJson(res, 401, { errors: [{ message: 'A valid API key is required', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
        return;
      } else {
        try {
          body = await readMultipart(req, res, maxBodyBytes, uploadTimeoutMs);
        } catch (err) {
          if (!(err instanceof MultipartError)) throw err;
          // (a timed-out upload is answered by readMultipart once its temp files are gone)
          if (!uploadTimedOut(res)) sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
          return;
        }
      }
    } else if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      const type = headers.get('content-type') ?? '';
      if (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) {
        try {
          body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
        } catch {
          sendJson(res, 400, { errors: [{ message: 'Request body is not valid JSON', extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
          return;
        }
      } else {
        body = raw.toString('utf8');
      }
    }
    const request: HTTPGraphQLRequest = { method: req.method ?? 'GET', headers, search: url.search, body };
    // this route runs outside AsyncLocalStorage: its id goes down explicitly
    // authenticated here, synchronously, so the context is ready before Apollo asks for it
    let ctx: RequestContext | null = null;
    let refused: unknown = null;
    try {
      ctx = context(req.headers.authorization, requestId);
    } catch (err) {
      // Apollo answers with this status and strips `http` from the extensions
      (err as { extensions: Record<string, unknown> }).extensions.http = { status: 401 };
      refused = err;
    }
    const contextValue = ctx ? Promise.resolve(ctx) : null;
    const execute = () =>
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => contextValue ?? Promise.reject(refused) });
    // a read through the loaders alone is the hot path: no AsyncLocalStorage scope (see
    // request-context.ts); everything else runs in the request's scope
    const result = await traceGraphqlRequest(() =>
      ctx && req.method === 'POST' && loaderOnly(body) ? execute() : withRequestScope(ctx?.scope ?? { requestId }, execute),
    );
    if (res.headersSent || uploadTimedOut(res)) return; // an upload that timed out is answered 408 by readMultipart
    res.setHeader('cache-control', 'no-store');
    for (const [k, v] of result.headers) res.setHeader(k, k === 'vary' && res.hasHeader('vary') ? `${res.getHeader('vary')}, ${v}` : v);
    res.statusCode = requestErrorStatus(request, result.status ?? 200, result.headers.get('content-type'));
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };
}
