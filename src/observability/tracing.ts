// OpenTelemetry tracing. The code uses only `@opentelemetry/api`; the SDK is loaded and registered
// by `setupTracing` only when the standard OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, exporting OTLP over HTTP (`http/protobuf`, the
// default, or `http/json`). Off, every helper here is one boolean test: no span, no context.
//
// Spans: each HTTP request (an incoming W3C `traceparent` is continued), each GraphQL operation
// (HTTP and WebSocket, named by operation), each provider API call (`kyc.provider`, method,
// status; the call carries `traceparent`), each webhook received and processed, and each Redis
// command sent inside a traced operation.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import {
  type Attributes,
  type Context,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { currentRequestId, requestIdOfPayload, withRequestId } from './request-context.js';

const TRACER = 'kyc-graph';
const tracer = () => trace.getTracer(TRACER);
let enabled = false;

/** True once `setupTracing` registered an SDK. */
export function tracingEnabled(): boolean {
  return enabled;
}

/** An open span (what the trace helpers hand their callback; null when tracing is off). */
export type { Span };

export interface Tracing {
  /** Exports the finished spans now (instead of within OTEL_BSP_SCHEDULE_DELAY). */
  flush(): Promise<void>;
  /** Exports what is buffered and unregisters the SDK. */
  shutdown(): Promise<void>;
}

type Env = Record<string, string | undefined>;

export class TracingConfigError extends Error {}

/**
 * Registers the OpenTelemetry SDK when `env` asks for it (standard variables), else returns null.
 * OTEL_SERVICE_NAME defaults to `kyc-graph`; OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER,
 * OTEL_RESOURCE_ATTRIBUTES, OTEL_BSP_* and the other standard variables are read by the SDK itself.
 */
export async function setupTracing(env: Env = process.env): Promise<Tracing | null> {
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if ((!tracesEndpoint && !endpoint) || /^true$/i.test(env.OTEL_SDK_DISABLED ?? '') || env.OTEL_TRACES_EXPORTER === 'none') return null;
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL || env.OTEL_EXPORTER_OTLP_PROTOCOL || 'http/protobuf').trim();
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new TracingConfigError(`Invalid configuration: OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json, got ${JSON.stringify(protocol)}`);
  }
  // the signal-specific endpoint is used as is; the general one gets the signal path (OTLP spec)
  const url = tracesEndpoint || `${endpoint!.replace(/\/+$/, '')}/v1/traces`;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { resourceFromAttributes, detectResources, envDetector }, exporterModule] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    protocol === 'http/json' ? import('@opentelemetry/exporter-trace-otlp-http') : import('@opentelemetry/exporter-trace-otlp-proto'),
  ]);
  // OTEL_RESOURCE_ATTRIBUTES apply; service.name is OTEL_SERVICE_NAME, else kyc-graph
  const fromEnv = detectResources({ detectors: [envDetector] });
  const resource = fromEnv.merge(resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME?.trim() || 'kyc-graph' }));
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new exporterModule.OTLPTraceExporter({ url }))],
  });
  // AsyncLocalStorage context manager; W3C trace-context and baggage propagators
  provider.register();
  enabled = true;
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      enabled = false;
      await provider.shutdown().catch(() => {});
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

function fail(span: Span, err: unknown) {
  span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
  span.setAttribute('error.type', (err as Error)?.name || 'Error');
}

/** Runs `fn` in a new active span (ended when it settles; a throw marks it failed). */
export async function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span | null) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  if (!enabled) return fn(null);
  const span = tracer().startSpan(name, { kind, attributes });
  try {
    return await context.with(trace.setSpan(context.active(), span), () => fn(span));
  } catch (err) {
    fail(span, err);
    throw err;
  } finally {
    span.end();
  }
}

// ---- HTTP server ----

/** A low-cardinality name for a path (span names and `http.route`). */
export function routeOf(path: string): string {
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics' || path === '/') return path;
  if (path.startsWith('/webhooks/')) return '/webhooks/{provider}';
  if (path.startsWith('/sandbox/')) return '/sandbox/{provider}/*';
  return 'other';
}

/** Runs `handle` inside a SERVER span for the request, continuing the caller's `traceparent`. */
export function traceHttpRequest<T>(req: IncomingMessage, res: ServerResponse, handle: () => T, requestId = currentRequestId()): T {
  if (!enabled) return handle();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const path = req.url?.split('?')[0] ?? '/';
  const route = routeOf(path);
  const method = req.method ?? 'GET';
  const span = tracer().startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        'http.request.method': method,
        'http.route': route,
        'url.path': path,
        'url.scheme': 'http',
        'user_agent.original': req.headers['user-agent'],
        'kyc.request_id': requestId,
      },
    },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    if (!res.writableFinished) span.setAttribute('error.type', 'aborted');
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  return context.with(trace.setSpan(parent, span), handle);
}

// ---- GraphQL ----

const graphqlSpans = new WeakSet<Span>();

/** Runs one GraphQL-over-HTTP request in a span the tracing plugin names after its operation. */
export async function traceGraphqlRequest<T>(execute: () => Promise<T>): Promise<T> {
  if (!enabled) return execute();
  return inSpan('graphql', { 'graphql.transport': 'http' }, (span) => {
    graphqlSpans.add(span!);
    return execute();
  });
}

interface OperationInfo {
  operationName?: string | null;
  operation?: { operation: string; name?: { value: string } } | null;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

function nameOperation(span: Span, info: OperationInfo) {
  const type = info.operation?.operation ?? 'operation';
  const name = info.operationName ?? info.operation?.name?.value;
  span.updateName(name ? `${type} ${name}` : type);
  span.setAttribute('graphql.operation.type', type);
  if (name) span.setAttribute('graphql.operation.name', name);
}

/**
 * Apollo plugin: names the active GraphQL span after the operation and records error codes.
 * Made after `setupTracing`; with tracing off it has no hook at all (nothing runs per request).
 */
export function graphqlTracingPlugin() {
  if (!enabled) return {};
  return {
    async requestDidStart() {
      if (!enabled) return undefined;
      const span = trace.getActiveSpan();
      if (!span || !graphqlSpans.has(span)) return undefined;
      return {
        async didResolveOperation(ctx: OperationInfo) {
          nameOperation(span, ctx);
        },
        async didEncounterErrors(ctx: OperationInfo) {
          const codes = [...new Set((ctx.errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          span.setAttribute('graphql.error.codes', codes);
          if (codes.includes('INTERNAL_SERVER_ERROR')) span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}

// ---- GraphQL over WebSocket ----

interface WsScope {
  requestId: string;
  parent: Context;
  operationName: string | null;
}
const wsScopes = new WeakMap<object, WsScope>();

/**
 * Gives a WebSocket operation its own request id (the client's `extensions.requestId` when
 * sensible, else a new one) and trace parent (`extensions.traceparent`, else the upgrade
 * request's `traceparent`). Call from graphql-ws `context`; returns `contextValue`.
 */
export function wsOperationContext<C extends object>(
  contextValue: C,
  upgrade: { headers: IncomingHttpHeaders } | undefined,
  payload: { operationName?: string | null; extensions?: Record<string, unknown> | null },
): C {
  const ext = payload.extensions ?? {};
  const carrier = typeof ext.traceparent === 'string' ? { traceparent: ext.traceparent, tracestate: ext.tracestate } : upgrade?.headers ?? {};
  wsScopes.set(contextValue, {
    requestId: requestIdOfPayload(payload),
    parent: enabled ? propagation.extract(ROOT_CONTEXT, carrier) : ROOT_CONTEXT,
    operationName: payload.operationName ?? null,
  });
  return contextValue;
}

/** The request id `wsOperationContext` gave this context, if any. */
export function wsRequestId(contextValue: object): string | undefined {
  return wsScopes.get(contextValue)?.requestId;
}

/**
 * graphql-ws `execute` / `subscribe`: runs the operation (for a subscription, its setup) under its
 * request id and in a span named after the operation; with tracing on, every event's resolvers
 * run in that span's trace too.
 */
export function traceWsOperation<R>(args: { contextValue?: unknown; operationName?: string | null; document?: unknown }, run: () => R): R {
  const scope = args.contextValue && typeof args.contextValue === 'object' ? wsScopes.get(args.contextValue) : undefined;
  if (!scope) return run();
  let ctx = scope.parent;
  let span: Span | null = null;
  if (enabled) {
    span = tracer().startSpan('graphql', { attributes: { 'graphql.transport': 'websocket', 'kyc.request_id': scope.requestId } }, scope.parent);
    const op = (args.document as { definitions?: { kind: string; operation?: string; name?: { value: string } }[] } | undefined)?.definitions?.find(
      (d) => d.kind === 'OperationDefinition' && (!args.operationName || d.name?.value === args.operationName),
    );
    nameOperation(span, { operationName: args.operationName ?? scope.operationName, operation: op as OperationInfo['operation'] });
    ctx = trace.setSpan(scope.parent, span);
  }
  const within = <T>(fn: () => T): T => withRequestId(scope.requestId, () => (enabled ? context.with(ctx, fn) : fn()));
  const finish = (err?: unknown) => {
    if (!span) return;
    if (err) fail(span, err);
    span.end();
  };
  let result: R;
  try {
    result = within(run);
  } catch (err) {
    finish(err);
    throw err;
  }
  const bind = (value: unknown): unknown => {
    if (value && typeof value === 'object' && Symbol.asyncIterator in value) {
      finish();
      // Each event's resolvers run in the operation's trace (when tracing is on), but not in a
      // request scope: a step waits for the next event as long as the subscriber stays, and a
      // scope held that long would keep AsyncLocalStorage (hooks on every promise) enabled for
      // good (request-context.ts). The context carries the request id (its logger), and a loader
      // that calls a provider enters the scope itself (loaders/index.ts).
      return enabled ? bindIterator(value as AsyncIterableIterator<unknown>, (fn) => context.with(ctx, fn)) : value;
    }
    finish();
    return value;
  };
  if (result && typeof (result as { then?: unknown }).then === 'function') {
    return (result as unknown as Promise<unknown>).then(bind, (err) => {
      finish(err);
      throw err;
    }) as R;
  }
  return bind(result) as R;
}

/** An async iterator whose every step runs inside `within` (so resolvers of each event see the trace). */
function bindIterator<T>(it: AsyncIterableIterator<T>, within: <X>(fn: () => X) => X): AsyncIterableIterator<T> {
  return {
    next: (...a: [] | [unknown]) => within(() => it.next(...a)),
    return: it.return ? (v?: unknown) => within(() => it.return!(v as T)) : undefined,
    throw: it.throw ? (e?: unknown) => within(() => it.throw!(e)) : undefined,
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncIterableIterator<T>;
}

// ---- provider calls ----

export interface ProviderCallSpan {
  /** W3C `traceparent` (and `tracestate`) for the outgoing request. */
  headers: Record<string, string>;
  end(status: number): void;
  fail(errorType: string): void;
}

/** A CLIENT span for one provider API call (one per attempt); null when tracing is off. */
export function startProviderSpan(provider: string, method: string, url: string): ProviderCallSpan | null {
  if (!enabled) return null;
  let target: URL | null = null;
  try {
    target = new URL(url);
  } catch {
    // attributes below stay unset
  }
  const span = tracer().startSpan(`${method} ${provider}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      'kyc.provider': provider,
      'http.request.method': method,
      // no query string: it may carry personal data
      'url.full': target ? `${target.origin}${target.pathname}` : undefined,
      'server.address': target?.hostname,
    },
  });
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return {
    headers,
    end(status) {
      span.setAttribute('http.response.status_code', status);
      if (status >= 400) {
        span.setAttribute('error.type', String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
    fail(errorType) {
      span.setAttribute('error.type', errorType);
      span.setStatus({ code: SpanStatusCode.ERROR, message: errorType });
      span.end();
    },
  };
}

// ---- webhooks ----

/** A span for a webhook received (`receive`) or one of its events processed (`process`). */
export function traceWebhook<T>(step: 'receive' | 'process', provider: string, fn: (span: Span | null) => Promise<T>, attributes: Attributes = {}): Promise<T> {
  if (!enabled) return fn(null);
  return inSpan(`webhook ${step} ${provider}`, { 'kyc.provider': provider, ...attributes }, fn);
}

// ---- Redis ----

interface RedisLike {
  sendCommand(command: { name: string; promise: Promise<unknown> }, ...rest: unknown[]): unknown;
  options?: { host?: string; port?: number };
}
const TRACED = Symbol('kyc.traced');

/**
 * Wraps the client's `sendCommand` so that a command sent inside a traced operation gets a CLIENT
 * span (command name only: keys and values may hold personal data). Commands outside any span
 * (background loops) are not traced. Does nothing when tracing is off.
 */
export function traceRedis(client: object): void {
  if (!enabled) return;
  const redis = client as RedisLike;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, ...rest) => {
    const marked = command as unknown as Record<symbol, boolean>;
    // re-sent commands (offline queue, cluster redirections) keep their first span
    if (marked[TRACED] || !trace.getSpan(context.active())) return send(command, ...rest);
    marked[TRACED] = true;
    const op = command.name.toUpperCase();
    const span = tracer().startSpan(`redis ${op}`, {
      kind: SpanKind.CLIENT,
      attributes: { 'db.system.name': 'redis', 'db.system': 'redis', 'db.operation.name': op },
    });
    command.promise.then(
      () => span.end(),
      (err: unknown) => {
        fail(span, err);
        span.end();
      },
    );
    return send(command, ...rest);
  };
}
