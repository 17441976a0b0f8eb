// The per-request, per-webhook and per-event metrics (observability/metrics.ts: RequestSeries,
// FastCounter, FastHistogram) are kept outside prom-client's Counter/Histogram for speed; their
// exposition must be exactly what prom-client writes for the same observations.
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it, vi } from 'vitest';
import { busLagSeconds, metricsText, recordBatch, recordBusDelivery, recordHttp, recordWebhook } from '../src/observability/metrics.js';

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

describe('per-request metrics exposition', () => {
  it('writes the HTTP counter and histogram exactly as prom-client does for the same observations', async () => {
    const reference = new Registry();
    const counter = new Counter({ name: 'kyc_http_requests_total', help: 'HTTP requests answered, by method, route (path with ids removed) and status.', labelNames: ['method', 'route', 'status'], registers: [reference] });
    const histogram = new Histogram({ name: 'kyc_http_request_duration_seconds', help: 'Time to answer an HTTP request, by method and route.', labelNames: ['method', 'route'], buckets: SECONDS, registers: [reference] });
    const observations: [string, string, number, number][] = [
      ['POST', '/graphql', 200, 0.0021],
      ['POST', '/graphql', 200, 0.013],
      ['POST', '/graphql', 400, 0.7],
      ['GET', '/healthz', 200, 45],
      ['POST', '/webhooks/pawapass', 200, 0.005],
    ];
    for (const [method, route, status, seconds] of observations) {
      recordHttp(method, route, status, seconds);
      counter.inc({ method, route, status: String(status) });
      histogram.observe({ method, route }, seconds);
    }
    const ours = (await metricsText()).body;
    // the same lines (series may come in another order: Prometheus does not care)
    const block = (text: string, name: string) => text.split('\n\n').find((b) => b.startsWith(`# HELP ${name} `))?.trimEnd().split('\n').sort();
    for (const name of ['kyc_http_requests_total', 'kyc_http_request_duration_seconds']) {
      expect(block(ours, name)).toBeDefined();
      expect(block(ours, name)).toEqual(block(await reference.metrics(), name));
    }
  });

  it('writes the webhook counter, the bus lag and the batch size histograms exactly as prom-client does', async () => {
    const reference = new Registry();
    const webhooks = new Counter({ name: 'kyc_webhooks_total', help: 'x', labelNames: ['provider', 'outcome'], registers: [reference] });
    const lag = new Histogram({ name: 'kyc_event_bus_lag_seconds', help: 'x', labelNames: ['topic'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30], registers: [reference] });
    const batch = new Histogram({ name: 'kyc_dataloader_batch_size', help: 'x', labelNames: ['loader'], buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500], registers: [reference] });
    for (const [provider, outcome, n] of [['pawapass', 'received', 1], ['pawapass', 'received', 1], ['uppass', 'rejected', 1], ['pawapass', 'duplicate', 3]] as const) {
      recordWebhook(provider, outcome, n);
      webhooks.inc({ provider, outcome }, n);
    }
    // recorded 2.5 ms and an hour ago (the canonical form, and another form Date.parse reads)
    vi.useFakeTimers({ now: Date.parse('2026-11-27T12:00:00.000Z'), toFake: ['Date'] });
    try {
      for (const [at, seconds] of [['2026-11-27T11:59:59.997Z', 0.003], ['Fri, 27 Nov 2026 11:00:00 GMT', 3600]] as const) {
        recordBusDelivery('verification', busLagSeconds(at));
        lag.observe({ topic: 'verification' }, seconds);
      }
    } finally {
      vi.useRealTimers();
    }
    recordBusDelivery('check', busLagSeconds('not a date')); // not observed
    for (const [loader, size] of [['verification', 1], ['verification', 34], ['check', 600]] as const) {
      recordBatch(loader, size);
      batch.observe({ loader }, size);
    }
    const ours = (await metricsText()).body;
    // the value lines (help texts differ: the reference's are placeholders)
    const values = (text: string, name: string) => text.split('\n').filter((l) => l.startsWith(`${name}`) && !l.startsWith('#')).sort();
    for (const name of ['kyc_webhooks_total', 'kyc_event_bus_lag_seconds', 'kyc_dataloader_batch_size']) {
      expect(values(ours, name).length, name).toBeGreaterThan(0);
      expect(values(ours, name), name).toEqual(values(await reference.metrics(), name));
    }
    expect(ours).toContain('# TYPE kyc_webhooks_total counter');
    expect(ours).toContain('# TYPE kyc_event_bus_lag_seconds histogram');
  });
});

describe('HTTP route labels', () => {
  it('stay a fixed set whatever paths are requested: a 404 is `other`, a sandbox path names only versions 1–9', async () => {
    for (let i = 0; i < 300; i++) {
      recordHttp('POST', `/webhooks/scan${String.fromCharCode(97 + (i % 26)).repeat(1 + (i % 7))}`, 404, 0.001);
      recordHttp('GET', `/sandbox/pawapass/v${i}/sessions`, 401, 0.001);
    }
    recordHttp('POST', '/webhooks/pawapass', 200, 0.001);
    const routes = new Set([...(await metricsText()).body.matchAll(/^kyc_http_requests_total\{[^}]*route="([^"]*)"/gm)].map((m) => m[1]));
    expect([...routes].filter((r) => r.includes('scan') || /\/v\d\d/.test(r))).toEqual([]);
    expect(routes).toContain('/webhooks/pawapass');
    expect(routes).toContain('/sandbox/pawapass/v2');
    expect(routes).toContain('/sandbox/other');
    expect(routes).toContain('other');
  });
});
