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

export type Handler = (req: IncomingMessage, res: ServerResponse, url: RequestUrl, params: string[]) => unknown;

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
   * The handler carries the request id itself (the `x-request-id` response header already set)
   * instead of running in an AsyncLocalStorage scope: GraphQL over HTTP and webhooks, the hot paths.
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
    { path: /^\/webhooks\/([a-z]+)\/?$/, ownsRequestId: true, handle: async (req, res, _url, [key]) => {
      const adapter = providers.get(key);
      if (!adapter) return sendJson(res, 404, { error: `no provider ${key}` });
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'use POST' }, { allow: 'POST' });
      const rawBody = await readBody(req, maxBodyBytes);
      const outcome = await webhooks.receive(adapter, { rawBody, headers: req.headers }, res.getHeader(REQUEST_ID_HEADER) as string);
      sendJson(res, outcome.status, outcome.body);
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
    if (route.cors) {
      if (req.method === 'OPTIONS') return route.cors.preflight(req, res);
      route.cors.apply(req, res);
    }
    if (route.methods && !route.methods.includes(req.method ?? 'GET')) {
      const allow = route.methods.join(', ');
      return sendJson(res, 405, { error: `use ${route.methods.join(' or ')}` }, { allow });
    }
    return route.ownsRequestId ? route.handle(req, res, url, params) : withRequestId(requestId, () => route.handle(req, res, url, params));
  }
  sendJson(res, 404, { error: 'not found' });
}

/** Serves `routes` on `server`: every request gets its id (x-request-id), is counted, timed and logged. */
export function serveRoutes(server: Server, routes: readonly Route[], log: Logger) {
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    const started = performance.now();
    res.once('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const path = req.url?.split('?')[0] ?? '/';
      recordHttp(req.method ?? 'GET', path, res.statusCode, seconds);
      if (log.isLevelEnabled('debug')) log.debug({ requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) }, 'request');
    });
    traceHttpRequest(req, res, () => dispatch(routes, req, res, requestId), requestId).catch((err: unknown) => {
      if (err instanceof BodyTooLargeError) {
        // the rest of the body stays unread (the request is paused): answer, then close the
        // connection, which cannot carry another request (as Node does with any early answer, a
        // client still sending may see the close as a reset)
        if (!res.headersSent) sendJson(res, 413, { error: err.message }, { connection: 'close' });
        return;
      }
      if (isClientAbort(err, req)) {
        // the client hung up (or a slowloris gave up): nothing to answer, nothing went wrong here
        log.debug({ requestId, method: req.method, path: req.url?.split('?')[0] }, 'request aborted by the client');
        res.destroy();
        return;
      }
      log.error({ requestId, err, path: req.url?.split('?')[0] }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.destroy();
    });
  });
}
