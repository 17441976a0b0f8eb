// The HTTP route table, and the wrapper every request goes through: its request id, metrics,
// debug log line, and a 413 / 500 for what a handler throws (a client that hung up: one debug line).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { ProviderAdapter } from '../providers/contract.js';
import type { WebhookService } from '../services/webhooks.js';
import { BodyTooLargeError, isClientAbort, readBody, type RequestUrl, requestUrl, sendJson } from '../http/httpkit.js';
import { metricsText, recordHttp } from '../observability/metrics.js';
import { REQUEST_ID_HEADER, requestIdFrom, withRequestId } from '../observability/request-context.js';
import { traceHttpRequest } from '../observability/tracing.js';
import type { CorsPolicy } from './cors.js';
import type { Readiness } from './health.js';
import type { SandboxGuard } from './sandbox-guard.js';

/** `requestId`: the request's id (x-request-id), sent by the wrapper unless the route owns it. */
export type Handler = (req: IncomingMessage, res: ServerResponse, url: RequestUrl, params: string[], requestId: string) => unknown;

/**
 * `path`: an exact path or a pattern whose groups become `params`; `methods`: else 405 with
 * `allow`; `cors`: browsers of allowed origins may call it (OPTIONS answers the preflight).
 */
export interface Route {
  path: string | RegExp;
  methods?: readonly string[];
  cors?: CorsPolicy;
  handle: Handler;
  /**
   * The handler carries the request id itself instead of running in an AsyncLocalStorage scope,
   * and sends the `x-request-id` response header with its answer (a header set before `writeHead`
   * sends Node down its slower path, which merges one header at a time): GraphQL over HTTP and
   * webhooks, the hot paths. Answers the wrapper gives for it (405, 404, 413, 500) carry it too.
   */
  ownsRequestId?: boolean;
}

export interface RouteDeps {
  graphql: Handler;
  readiness: () => Promise<Readiness>;
  cors: CorsPolicy;
  providers: ReadonlyMap<string, ProviderAdapter>;
  webhooks: WebhookService;
  maxBodyBytes: number;
  /** Who may use /sandbox/… (DESIGN "Doors closed"). */
  sandboxGuard: SandboxGuard;
  /** NODE_ENV=production without SANDBOX_ROUTES=on: /sandbox/… answers 404. */
  sandboxHidden: boolean;
}

export function routeTable({ graphql, readiness, cors, providers, webhooks, maxBodyBytes, sandboxGuard, sandboxHidden }: RouteDeps): Route[] {
  return [
    { path: '/graphql', methods: ['GET', 'POST'], cors, handle: graphql, ownsRequestId: true },
    { path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    { path: '/readyz', handle: async (_req, res) => {
      const r = await readiness();
      sendJson(res, r.status, r.body);
    } },
    { path: '/metrics', handle: async (_req, res) => {
      const { contentType, body } = await metricsText();
      res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      res.end(body);
    } },
    // the webhook path, as hot as /graphql: its request id goes down explicitly (see Route.ownsRequestId)
    { path: /^\/webhooks\/([a-z]+)\/?$/, ownsRequestId: true, handle: async (req, res, _url, [key], requestId) => {
      const adapter = providers.get(key);
      if (!adapter) return sendJson(res, 404, { error: `no provider ${key}` }, { [REQUEST_ID_HEADER]: requestId });
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST', [REQUEST_ID_HEADER]: requestId });
      const rawBody = await readBody(req, maxBodyBytes);
      const outcome = await webhooks.receive(adapter, { rawBody, headers: req.headers }, requestId);
      sendJson(res, outcome.status, outcome.body, { [REQUEST_ID_HEADER]: requestId });
    } },
    { path: /^\/sandbox\/([a-z]+)(\/.*)$/, handle: async (req, res, url, [key, rest]) => {
      if (sandboxHidden) return sendJson(res, 404, { error: 'not found' });
      const adapter = providers.get(key);
      const simulator = adapter?.simulator;
      if (!adapter || !simulator) return sendJson(res, 404, { error: `${key} has no sandbox here (live mode or unknown provider)` });
      const refused = await sandboxGuard.check(req, adapter, rest, url);
      if (refused) {
        req.resume();
        return sendJson(res, refused.status, refused.body);
      }
      const unread = req.method === 'GET' || req.method === 'HEAD' || simulator.streamsBody?.(req.method ?? 'GET', rest);
      const rawBody = unread ? Buffer.alloc(0) : await readBody(req, simulator.maxBodyBytes ?? maxBodyBytes);
      if (await simulator.handle(req, res, rest + url.search, rawBody)) return;
      sendJson(res, 404, { statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });
    } },
    { path: '/', handle: (_req, res) => {
      res.writeHead(302, { location: '/graphql' });
      res.end();
    } },
  ];
}

async function dispatch(routes: readonly Route[], req: IncomingMessage, res: ServerResponse, requestId: string) {
  const url = requestUrl(req.url);
  for (const route of routes) {
    let params: string[];
    if (typeof route.path === 'string') {
      if (url.pathname !== route.path) continue;
      params = [];
    } else {
      const m = route.path.exec(url.pathname);
      if (!m) continue;
      params = m.slice(1);
    }
    const allowed = !route.methods || route.methods.includes(req.method ?? 'GET');
    if (!route.ownsRequestId || !allowed) res.setHeader(REQUEST_ID_HEADER, requestId);
    if (route.cors) {
      if (req.method === 'OPTIONS') return route.cors.preflight(req, res);
      route.cors.apply(req, res);
    }
    if (route.methods && !allowed) {
      const allow = route.methods.join(', ');
      return sendJson(res, 405, { error: `use ${route.methods.join(' or ')}` }, { allow });
    }
    return route.ownsRequestId ? route.handle(req, res, url, params, requestId) : withRequestId(requestId, () => route.handle(req, res, url, params, requestId));
  }
  sendJson(res, 404, { error: 'not found' }, { [REQUEST_ID_HEADER]: requestId });
}

/** A request target's path (without its query). */
function pathOf(target: string | undefined): string {
  if (target === undefined) return '/';
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
}

/** Serves `routes` on `server`: every request gets its id (x-request-id), is counted, timed and logged. */
export function serveRoutes(server: Server, routes: readonly Route[], log: Logger) {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    const started = performance.now();
    // `on`, not `once`: a response finishes once, and `once` wraps and later removes the listener
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const path = pathOf(req.url);
      recordHttp(req.method ?? 'GET', path, res.statusCode, seconds);
      if (log.isLevelEnabled('debug')) log.debug({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    traceHttpRequest(req, res, () => dispatch(routes, req, res, requestId), requestId).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        // the rest of the body stays unread (the request is paused): answer, then close the
        // connection, which cannot carry another request (as Node does with any early answer, a
        // client still sending may see the close as a reset)
        if (!res.headersSent) sendJson(res, 413, { error: err.message }, { connection: 'close', [REQUEST_ID_HEADER]: requestId });
        return;
      }
      if (isClientAbort(err, req)) {
        // the client hung up (or a slowloris gave up): nothing to answer, nothing went wrong here
        log.debug({ requestId, method: req.method, path: pathOf(req.url) }, 'request aborted by the client');
        res.destroy();
        return;
      }
      log.error({ requestId, err, path: pathOf(req.url) }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' }, { [REQUEST_ID_HEADER]: requestId });
      else res.destroy();
    });
  });
}
