// The per-request metrics (observability/metrics.ts RequestSeries) are kept outside prom-client's
// Counter/Histogram for speed; their exposition must be exactly what prom-client writes.
import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { metricsText, recordHttp } from '../src/observability/metrics.js';

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
});
