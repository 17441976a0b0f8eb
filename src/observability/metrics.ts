// Prometheus metrics (prom-client), served at GET /metrics. One registry per process; the rest
// of the code reports through the small `record*` hooks below and never touches prom-client.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { parseIso } from '../domain/iso-time.js';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'kyc_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type Labels = Record<string, string>;

// The metrics recorded on every request, webhook or delivered event are kept outside prom-client's
// Counter/Histogram: prom-client validates and hashes the label object on every call (~2–4 µs;
// issue 18), where these are a Map lookup and a few additions. They are registered in the same
// registry and exported in prom-client's own format (test/metrics-format.test.ts).

interface HistogramSeries {
  labels: Labels;
  count: number;
  sum: number;
  buckets: number[];
}

const newHistogramSeries = (labels: Labels, bounds: readonly number[]): HistogramSeries => ({ labels, count: 0, sum: 0, buckets: bounds.map(() => 0) });

function observeInto(h: HistogramSeries, bounds: readonly number[], value: number) {
  h.count++;
  h.sum += value;
  for (let i = 0; i < bounds.length; i++) {
    if (value <= bounds[i]) {
      h.buckets[i]++;
      break;
    }
  }
}

/** Registers a counter or histogram whose values `get` builds, as prom-client would export them. */
function registerSeries(name: string, help: string, type: 'counter' | 'histogram', get: () => { labels: Labels; value: number; metricName?: string }[], reset: () => void) {
  registry.registerMetric({
    name,
    help,
    type,
    aggregator: 'sum' as const,
    get: async () => ({ name, help, type, aggregator: 'sum' as const, values: get() }),
    reset,
  } as never);
}

function registerHistogram(name: string, help: string, bounds: readonly number[], series: () => HistogramSeries[], reset: () => void) {
  registerSeries(name, help, 'histogram', () =>
    series().flatMap(({ labels, count, sum, buckets }) => {
      let acc = 0;
      return [
        ...bounds.map((le, i) => ({ labels: { le, ...labels } as never, value: (acc += buckets[i]), metricName: `${name}_bucket` })),
        { labels: { le: '+Inf', ...labels }, value: count, metricName: `${name}_bucket` },
        { labels, value: sum, metricName: `${name}_sum` },
        { labels, value: count, metricName: `${name}_count` },
      ];
    }), reset);
}

/** A counter by two labels (second label values under the first's). */
class FastCounter {
  readonly #byA = new Map<string, Map<string, { labels: Labels; value: number }>>();

  constructor(name: string, help: string, readonly names: readonly [string, string]) {
    registerSeries(name, help, 'counter', () => [...this.#byA.values()].flatMap((m) => [...m.values()]), () => this.#byA.clear());
  }

  inc(a: string, b: string, n = 1) {
    let byB = this.#byA.get(a);
    if (!byB) this.#byA.set(a, (byB = new Map()));
    let c = byB.get(b);
    if (!c) byB.set(b, (c = { labels: { [this.names[0]]: a, [this.names[1]]: b }, value: 0 }));
    c.value += n;
  }
}

/** A histogram by one label. */
class FastHistogram {
  readonly #byLabel = new Map<string, HistogramSeries>();

  constructor(name: string, help: string, readonly label: string, readonly bounds: readonly number[]) {
    registerHistogram(name, help, bounds, () => [...this.#byLabel.values()], () => this.#byLabel.clear());
  }

  observe(value: string, observed: number) {
    let h = this.#byLabel.get(value);
    if (!h) this.#byLabel.set(value, (h = newHistogramSeries({ [this.label]: value }, this.bounds)));
    observeInto(h, this.bounds, observed);
  }
}

/**
 * The per-request metrics (HTTP requests, GraphQL operations): a counter and a histogram kept
 * per label set under nested Maps (first label → second label), so an observation is two Map
 * lookups and a few additions.
 */
class RequestSeries {
  /** first label → second label → that pair's histogram and its counters by the third label */
  readonly #byPair = new Map<string, Map<string, Pair>>();

  constructor(
    counterName: string,
    counterHelp: string,
    histogramName: string,
    histogramHelp: string,
    readonly bounds: readonly number[],
    /** label names: the two the histogram has, then the counter's third */
    readonly names: readonly [string, string, string],
  ) {
    const reset = () => this.#byPair.clear();
    registerSeries(counterName, counterHelp, 'counter', () => this.#pairs().flatMap((p) => [...p.counts.values()]), reset);
    registerHistogram(histogramName, histogramHelp, bounds, () => this.#pairs(), reset);
  }

  #pairs(): Pair[] {
    return [...this.#byPair.values()].flatMap((m) => [...m.values()]);
  }

  /** Counts one with labels (a, b, c) and times `seconds` with labels (a, b). */
  record(a: string, b: string, c: string, seconds: number) {
    let byB = this.#byPair.get(a);
    if (!byB) this.#byPair.set(a, (byB = new Map()));
    let p = byB.get(b);
    if (!p) byB.set(b, (p = { ...newHistogramSeries({ [this.names[0]]: a, [this.names[1]]: b }, this.bounds), counts: new Map() }));
    let n = p.counts.get(c);
    if (!n) p.counts.set(c, (n = { labels: { ...p.labels, [this.names[2]]: c }, value: 0 }));
    n.value++;
    observeInto(p, this.bounds, seconds);
  }
}

interface Pair extends HistogramSeries {
  counts: Map<string, { labels: Labels; value: number }>;
}

const httpMetrics = new RequestSeries(
  'kyc_http_requests_total',
  'HTTP requests answered, by method, route (path with ids removed) and status.',
  'kyc_http_request_duration_seconds',
  'Time to answer an HTTP request, by method and route.',
  SECONDS,
  ['method', 'route', 'status'],
);
const graphqlMetrics = new RequestSeries(
  'kyc_graphql_operations_total',
  'GraphQL operations over HTTP, by operation name, type and outcome (ok: no errors; error: at least one).',
  'kyc_graphql_operation_duration_seconds',
  'Time to execute a GraphQL operation over HTTP, by operation name and type.',
  SECONDS,
  ['operation', 'type', 'outcome'],
);
const graphqlErrors = new Counter({
  name: 'kyc_graphql_errors_total',
  help: 'Errors returned to GraphQL clients, by extensions.code.',
  labelNames: ['code'] as const,
  registers: [registry],
});
const upstreamCalls = new Counter({
  name: 'kyc_upstream_requests_total',
  help: 'Calls to provider APIs, by provider, HTTP status (none when no answer) and outcome (ok, rejected = 4xx, failed = 5xx, timeout, unreachable).',
  labelNames: ['provider', 'status', 'outcome'] as const,
  registers: [registry],
});
const upstreamDuration = new Histogram({
  name: 'kyc_upstream_request_duration_seconds',
  help: 'Time of calls to provider APIs, by provider and outcome.',
  labelNames: ['provider', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});
const routingFailovers = new Counter({
  name: 'kyc_routing_failover_total',
  help: 'Failed tries of a routed start (startVerification) that moved on to the next provider or ended all-unavailable, by provider (timeout, 5xx, unreachable, or an open circuit: not called).',
  labelNames: ['provider'] as const,
  registers: [registry],
});
const loaderBatch = new FastHistogram('kyc_dataloader_batch_size', 'Keys per DataLoader batch, by loader.', 'loader', [1, 2, 5, 10, 20, 50, 100, 200, 500]);
const webhooks = new FastCounter(
  'kyc_webhooks_total',
  'Provider webhooks, by provider and outcome: received (every request to the webhook route), rejected (authentication failed), malformed (authenticated but unparseable), duplicate (one per event already seen), failed (could not record; provider asked to retry), dead_lettered (one per event moved to the inbox dead letters after INBOX_MAX_DELIVERIES failed deliveries).',
  ['provider', 'outcome'],
);
const busLag = new FastHistogram(
  'kyc_event_bus_lag_seconds',
  'Time from an event being recorded on the event bus to its delivery to this process’s subscribers, by topic.',
  'topic',
  [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
);

/** Buses of the apps running in this process; their subscriber counts make the gauge below. */
const buses = new Set<{ readonly subscriberCount: number }>();
new Gauge({
  name: 'kyc_subscriptions_active',
  help: 'Live GraphQL subscriptions (event-bus subscribers) in this process.',
  registers: [registry],
  collect() {
    let n = 0;
    for (const bus of buses) n += bus.subscriberCount;
    this.set(n);
  },
});

export function trackBus(bus: { readonly subscriberCount: number }): () => void {
  buses.add(bus);
  return () => buses.delete(bus);
}

/** Known routes only, so a scan of random paths cannot create unbounded label values. */
export function routeLabel(path: string): string {
  if (path === '/graphql' || path === '/healthz' || path === '/readyz' || path === '/metrics' || path === '/') return path;
  let m: RegExpExecArray | null;
  if ((m = /^\/webhooks\/([a-z]+)\/?$/.exec(path))) return `/webhooks/${m[1]}`;
  if ((m = /^\/sandbox\/([a-z]+)\/(v[1-9]|app|faults)\b/.exec(path))) return `/sandbox/${m[1]}/${m[2]}`;
  if ((m = /^\/sandbox\/([a-z]+)\/[^/]+\/advance$/.exec(path))) return `/sandbox/${m[1]}/:ref/advance`;
  if (path.startsWith('/sandbox/')) return '/sandbox/other';
  return 'other';
}

/**
 * The provider part of a webhook or sandbox label comes from the request: an answer 404 (an unknown
 * provider, or none in this mode) is labelled `other`, so a scan of made-up paths adds no series.
 */
export function recordHttp(method: string, path: string, status: number, seconds: number) {
  const route = status === 404 ? 'other' : routeLabel(path);
  httpMetrics.record(method, route, String(status), seconds);
}

export type UpstreamOutcome = 'ok' | 'rejected' | 'failed' | 'timeout' | 'unreachable';

export function upstreamOutcome(status: number): UpstreamOutcome {
  return status < 400 ? 'ok' : status < 500 ? 'rejected' : 'failed';
}

export function recordUpstream(provider: string, status: number | null, outcome: UpstreamOutcome, seconds: number) {
  provider = provider.toLowerCase(); // same label values as the webhook metrics (the path key)
  upstreamCalls.inc({ provider, status: status === null ? 'none' : String(status), outcome });
  upstreamDuration.observe({ provider, outcome }, seconds);
}

/** One failed (unavailable) try of a routed start. */
export function recordRoutingFailover(provider: string) {
  routingFailovers.inc({ provider: provider.toLowerCase() });
}

export function recordBatch(loader: string, size: number) {
  loaderBatch.observe(loader, size);
}

export type WebhookOutcomeLabel = 'received' | 'rejected' | 'malformed' | 'duplicate' | 'failed' | 'dead_lettered';

export function recordWebhook(provider: string, outcome: WebhookOutcomeLabel, n = 1) {
  if (n > 0) webhooks.inc(provider, outcome, n);
}

export function recordGraphqlError(code: string) {
  graphqlErrors.inc({ code });
}

/** `lagSeconds`: from the event's recording to its delivery here (`busLagSeconds`; NaN is not recorded). */
export function recordBusDelivery(topic: string, lagSeconds: number) {
  if (!Number.isNaN(lagSeconds)) busLag.observe(topic, lagSeconds);
}

/** Seconds since `recordedAt` (an event's ISO time), never negative; NaN when it is not a time. */
export function busLagSeconds(recordedAt: string): number {
  return Math.max(0, Date.now() - parseIso(recordedAt)) / 1000;
}

/** Operation names come from clients: keep them short and their number bounded. */
const MAX_OPERATION_NAMES = 500;
const seenOperations = new Set<string>();
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const clean = name.slice(0, 64);
  if (seenOperations.has(clean)) return clean;
  if (seenOperations.size >= MAX_OPERATION_NAMES) return 'other';
  seenOperations.add(clean);
  return clean;
}

/** Counts and times one GraphQL operation over HTTP (`name` as the client gave it, `type` query/mutation/…). */
export function recordGraphqlOperation(name: string | null | undefined, type: string, failed: boolean, seconds: number): void {
  graphqlMetrics.record(operationLabel(name), type, failed ? 'error' : 'ok', seconds);
}

export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
