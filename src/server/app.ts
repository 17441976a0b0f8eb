// The HTTP server: GraphQL over HTTP (Apollo Server 5) and WebSocket (graphql-ws) on /graphql,
// provider webhooks, sandbox simulators, health. `createApp` wires; `listen` and `close` run it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { execute, type GraphQLError, type GraphQLFormattedError, parse, specifiedRules, subscribe, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { type DestinationStream, type Logger, pino } from 'pino';
import { WebSocketServer } from 'ws';
import type { Config } from '../config.js';
import type { Provider } from '../domain/verification.js';
import { ErrorCode } from '../errors.js';
import type { EventBus } from '../events/contract.js';
import { MemoryEventBus } from '../events/memory.js';
import type { Inbox } from '../inbox/contract.js';
import { MemoryInbox } from '../inbox/memory.js';
import { RedisInbox } from '../inbox/redis.js';
import { RedisEventBus } from '../events/redis.js';
import { createLoaders } from '../loaders/index.js';
import type { ProviderAdapter } from '../providers/contract.js';
import { createAdapters } from '../providers/index.js';
import { circuitStates, configureResilience } from '../providers/resilience.js';
import { buildKycSchema } from '../schema/build.js';
import { SANDBOX_EXAMPLE } from './sandbox-example.js';
import { VerificationService } from '../services/verifications.js';
import { IngestionService } from '../services/ingestions.js';
import { WebhookService } from '../services/webhooks.js';
import { CheckService } from '../services/checks.js';
import type { Store } from '../store/contract.js';
import { MemoryStore } from '../store/memory.js';
import { RedisStore } from '../store/redis.js';
import { Authenticator, type Principal } from './auth.js';
import type { RequestContext, Services } from './context.js';
import { protect } from './limits.js';
import { BodyTooLargeError, readBody, sendJson } from './httpkit.js';
import { isMultipart, MultipartError, readMultipart } from './uploads.js';
import { connectRedis } from '../redis/connect.js';
import { inboxWaitingForReplicas, storeWaitingForReplicas } from '../redis/replicas.js';
import { graphqlTracingPlugin, traceGraphqlRequest, traceHttpRequest, traceWsOperation, wsOperationContext } from '../observability/tracing.js';

/** Apollo csrfPrevention's headers; a multipart request without one is refused before it is read. */
const CSRF_PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'];
import { graphqlMetricsPlugin, metricsText, recordGraphqlError, recordHttp, trackBus } from './metrics.js';
import { currentRequestId, REQUEST_ID_HEADER, requestIdFrom, requestLogFields, withRequestId } from './request-context.js';
import { errorSerializer, REDACTED, redactDeep, redactPaths } from './log-redaction.js';


export interface App {
  readonly server: Server;
  readonly services: Services;
  readonly webhooks: WebhookService;
  readonly adapters: ReadonlyMap<Provider, ProviderAdapter>;
  /** Resolves with the base URL (http://host:port) once listening. */
  listen(): Promise<string>;
  /** Graceful shutdown: stop accepting, drain HTTP, close sockets, simulators, bus, store, Redis. */
  close(): Promise<void>;
}

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    // every line written while serving a request names it
    mixin: requestLogFields,
    // secrets and personal data never reach the logs
    // (log-redaction.ts: pino redact for the first levels, a formatter for any depth, a safe `err`)
    redact: { paths: redactPaths(), censor: REDACTED },
    formatters: { log: redactDeep, bindings: redactDeep },
    serializers: { err: errorSerializer },
  }, destination);
}

export async function createApp(config: Config, log: Logger = createLogger(config.logLevel)): Promise<App> {
  configureResilience(config.resilience);
  let port = config.port;
  const localUrl = () => `http://127.0.0.1:${port}`;
  const publicUrl = () => config.publicUrl ?? `http://localhost:${port}`;

  const connection = await connectRedis(config.redis, config.production, log);
  const redis = connection?.redis ?? null;
  const replicas = connection && config.redis.waitReplicas > 0 ? connection.waitReplicas : null;
  const rawStore: Store = redis ? new RedisStore(redis) : new MemoryStore();
  const store = replicas ? storeWaitingForReplicas(rawStore, replicas) : rawStore;
  const bus: EventBus = redis
    ? new RedisEventBus(redis, { replayWindowMs: config.replayWindowMs })
    : new MemoryEventBus({ replayWindowMs: config.replayWindowMs });
  if (bus instanceof RedisEventBus) await bus.start();
  const untrackBus = trackBus(bus);

  const adapterList = createAdapters(config, { localUrl, publicUrl });
  const adapters = new Map<Provider, ProviderAdapter>(adapterList.map((a) => [a.provider, a]));
  const byKey = new Map(adapterList.map((a) => [a.key as string, a]));
  const verifications = new VerificationService(store, bus, adapters, config, log);
  const checks = new CheckService(store, bus, adapters, log);
  const ingestions = new IngestionService(
    store,
    bus,
    adapters,
    { statusMaxAgeMs: config.statusMaxAgeMs, providerConcurrency: config.providerConcurrency, polling: config.ingestionPolling },
    log,
  );
  const services: Services = { store, bus, adapters, verifications, checks, ingestions, log };
  const rawInbox: Inbox = redis ? new RedisInbox(redis) : new MemoryInbox();
  const inbox = replicas ? inboxWaitingForReplicas(rawInbox, replicas) : rawInbox;
  const webhooks = new WebhookService(
    store,
    inbox,
    byKey,
    {
      verification: (provider, e, eventKey) => verifications.applyWebhookView(provider, e.view, eventKey),
      check: async (_provider, e, eventKey) => (await checks.applyProviderCheck(e.check, eventKey)) !== null,
      ingestion: (provider, e, eventKey) => ingestions.applyWebhookView(provider, e.view, eventKey),
    },
    log,
    config.inboxRecoveryAfterMs,
    config.inboxMaxDeliveries,
  );
  // finishes webhooks an instance recorded but did not process (crash, Redis blip)
  const recovery = setInterval(() => void webhooks.recover().catch(() => {}), Math.min(2000, config.inboxRecoveryAfterMs));
  recovery.unref();

  const auth = new Authenticator(config.apiKeys);
  const context = (principal: Principal): RequestContext => ({
    principal,
    tenant: principal.tenant,
    services,
    loaders: createLoaders(services, principal.tenant, config.providerConcurrency),
  });
  const authenticates = (authorization: string | undefined) => {
    try {
      auth.authenticate(authorization);
      return true;
    } catch {
      return false;
    }
  };
  const wsPrincipal = (params: Readonly<Record<string, unknown>> | undefined) =>
    auth.authenticate((params?.authorization ?? params?.Authorization) as string | undefined);

  const schema = await buildKycSchema();
  const limits = protect(config.queryLimits, config.production);
  const server = createServer();
  // Keep idle keep-alive connections longer than clients' pools and load balancers keep theirs
  // (Node's default is 5 s): otherwise a client can send on a socket the server is closing at
  // that moment and get ECONNRESET (seen by the bench's webhook sender: 6 of 29,950).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const wsServer = useServer(
    {
      schema,
      // a key is checked once per connection: missing → close 4401, invalid → 4403
      onConnect: (ctx) => {
        if (auth.open) return true;
        const params = ctx.connectionParams as Record<string, unknown> | undefined;
        if (!params?.authorization && !params?.Authorization) {
          (ctx.extra as { socket: { close(code: number, reason: string): void } }).socket.close(4401, 'Unauthorized');
          return false;
        }
        try {
          wsPrincipal(params);
          return true;
        } catch {
          return false;
        }
      },
      // the same limits as over HTTP
      onSubscribe: (_ctx, _id, payload) => {
        let doc;
        try {
          doc = parse(payload.query, limits.parseOptions);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, doc, [...specifiedRules, ...limits.validationRules]);
        return errors.length ? errors : undefined;
      },
      // a fresh context (and fresh loaders) for every subscription operation, with its request id / trace
      context: (ctx, _id, payload) => wsOperationContext(context(wsPrincipal(ctx.connectionParams)), ctx.extra.request, payload),
      execute: (args) => traceWsOperation(args, () => execute(args)),
      subscribe: (args) => traceWsOperation(args, () => subscribe(args)),
    },
    wss,
  );

  const apollo = new ApolloServer<RequestContext>({
    schema,
    logger: log.child({ component: "apollo" }),
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<RequestContext>[]), // armor types come from the CJS build
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No response of this API may be cached (personal data, changing statuses), and nothing sets
      // cache hints: the cache-control plugin would only wrap every field resolver (~10 % of a
      // wide query's CPU) to compute "no-store", which `graphql()` below sets on every answer.
      ApolloServerPluginCacheControlDisabled(),
      graphqlMetricsPlugin<RequestContext>(),
      graphqlTracingPlugin(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsServer.dispose();
            },
          };
        },
      },
      config.production && !config.introspection
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false, ...SANDBOX_EXAMPLE }),
    ],
  });
  await apollo.start();

  async function graphql(req: IncomingMessage, res: ServerResponse, url: URL) {
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
          body = await readMultipart(req, res, config.maxBodyBytes);
        } catch (err) {
          if (!(err instanceof MultipartError)) throw err;
          sendJson(res, err.status, { errors: [{ message: err.message, extensions: { code: ErrorCode.BAD_USER_INPUT } }] });
          return;
        }
      }
    } else if (req.method === 'POST') {
      const raw = await readBody(req, config.maxBodyBytes);
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
    const result = await traceGraphqlRequest(() => apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: request,
      context: async () => {
        try {
          return context(auth.authenticate(req.headers.authorization));
        } catch (err) {
          // Apollo answers with this status and strips `http` from the extensions
          (err as { extensions: Record<string, unknown> }).extensions.http = { status: 401 };
          throw err;
        }
      },
    }));
    res.setHeader('cache-control', 'no-store');
    for (const [k, v] of result.headers) res.setHeader(k, v);
    res.statusCode = requestErrorStatus(result.status ?? 200, result.headers.get('content-type'), result.body);
    if (result.body.kind === 'complete') {
      res.end(result.body.string);
    } else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function readiness() {
    const checks: Record<string, string> = {};
    const probe = async (name: string, fn: () => Promise<void>) => {
      try {
        await Promise.race([fn(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
        checks[name] = 'up';
      } catch {
        checks[name] = 'down';
      }
    };
    await Promise.all([probe('store', () => store.ping()), probe('eventBus', () => bus.ping())]);
    // a provider whose circuit is open is down: its calls fail fast until a probe succeeds
    const circuits = circuitStates(adapterList.map((a) => a.provider));
    for (const a of adapterList) {
      checks[`provider:${a.key}`] = circuits[a.provider] === 'open' || circuits[a.provider] === 'isolated' ? 'down' : `up (${a.mode}, circuit ${circuits[a.provider]})`;
    }
    const down = Object.entries(checks).filter(([, v]) => v === 'down').map(([k]) => k);
    return { status: down.length ? 503 : 200, body: { status: down.length ? 'unavailable' : 'ready', down, checks } };
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (path === '/graphql') {
      if (req.method !== 'GET' && req.method !== 'POST') {
        sendJson(res, 405, { error: 'use GET or POST' }, { allow: 'GET, POST' });
        return;
      }
      return graphql(req, res, url);
    }
    if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
    if (path === '/metrics') {
      const { contentType, body } = await metricsText();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
      return;
    }
    if (path === '/readyz') {
      const r = await readiness();
      return sendJson(res, r.status, r.body);
    }
    if ((m = /^\/webhooks\/([a-z]+)\/?$/.exec(path))) {
      const adapter = byKey.get(m[1]);
      if (!adapter) return sendJson(res, 404, { error: `no provider ${m[1]}` });
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
      const rawBody = await readBody(req, config.maxBodyBytes);
      const outcome = await webhooks.receive(adapter, { rawBody, headers: req.headers });
      return sendJson(res, outcome.status, outcome.body);
    }
    if ((m = /^\/sandbox\/([a-z]+)(\/.*)$/.exec(path))) {
      const simulator = byKey.get(m[1])?.simulator;
      if (!simulator) return sendJson(res, 404, { error: `${m[1]} has no sandbox here (live mode or unknown provider)` });
      const unread = req.method === 'GET' || req.method === 'HEAD' || simulator.streamsBody?.(req.method ?? 'GET', m[2]);
      const rawBody = unread ? Buffer.alloc(0) : await readBody(req, simulator.maxBodyBytes ?? config.maxBodyBytes);
      if (await simulator.handle(req, res, m[2] + url.search, rawBody)) return;
      return sendJson(res, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });
    }
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      res.end();
      return;
    }
    sendJson(res, 404, { error: 'not found' });
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const path = req.url?.split('?')[0] ?? '/';
      recordHttp(req.method ?? 'GET', path, res.statusCode, seconds);
      withRequestId(requestId, () => log.debug({ method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request'));
    });
    withRequestId(requestId, () => traceHttpRequest(req, res, () => route(req, res))).catch((err) => {
      if (err instanceof BodyTooLargeError) {
        if (!res.headersSent) sendJson(res, 413, { error: err.message });
        return;
      }
      log.error({ err, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });

  let closed: Promise<void> | null = null;
  return {
    server,
    services,
    webhooks,
    adapters,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          port = (server.address() as AddressInfo).port;
          ingestions.start();
          resolve(`http://localhost:${port}`);
        });
      }),
    close() {
      closed ??= (async () => {
        clearInterval(recovery);
        ingestions.stop();
        await apollo.stop(); // drains HTTP (drain plugin) and closes WebSockets (drainServer above)
        untrackBus();
        wss.close();
        await Promise.allSettled(adapterList.map((a) => a.close()));
        await bus.close();
        await store.close();
        await connection?.close();
      })();
      return closed;
    },
  };
}

/** Known errors keep their code; anything else is masked (no stack, no internals) and logged. */
function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const result = maskError(formatted, error, log);
  recordGraphqlError(String(result.extensions?.code ?? 'UNKNOWN'));
  // the id to quote when asking the platform team about this error (it is in their logs too)
  const requestId = currentRequestId();
  return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
}

function maskError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const known = new Set<string>([...Object.values(ErrorCode), 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST']);
  if (code && known.has(code)) {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error({ err: error, path: formatted.path }, 'unexpected resolver error');
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * GraphQL over HTTP: a client that asked for `application/json` gets 200 for a request that was
 * well-formed but did not parse, validate or coerce its variables (spec "application/json"; Apollo
 * answers 400). `application/graphql-response+json` keeps the 4xx the spec requires there.
 */
const JSON_200_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);
function requestErrorStatus(status: number, contentType: string | undefined, body: { kind: string; string?: string }): number {
  if (status !== 400 || body.kind !== 'complete' || !contentType?.startsWith('application/json')) return status;
  try {
    const parsed = JSON.parse(body.string ?? '') as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? '');
    return !('data' in parsed) && codes.length > 0 && codes.every((c) => JSON_200_CODES.has(c)) ? 200 : status;
  } catch {
    return status;
  }
}
