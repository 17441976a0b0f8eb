// OpenTelemetry: a real kyc-graph (Redis-backed when redis-server is installed) exports its spans
// over OTLP/HTTP to a receiver in this process. One traced request continues the caller's
// traceparent through the HTTP span, the GraphQL operation, the provider call (which carries the
// trace to the provider: here the in-process simulator, whose own request span joins it) and the
// Redis commands; webhooks and WebSocket operations get theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { setupTracing, type Tracing, tracingEnabled } from '../src/observability/tracing.js';
import { basicAuthHeader } from '../src/providers/uppass/webhook.js';
import { StartUpPassDocument, UpPassUpdatedDocument } from './generated/graphql.js';
import { ok, wsClient } from './support/client.js';
import { type OtlpReceiver, startOtlpReceiver } from './support/otlp.js';
import { hasRedis, INSTALL_HINT, type RedisServer, startRedis } from './support/redis.js';
import { startServer, type TestServer } from './support/server.js';

if (!hasRedis) console.warn(`tracing.test: redis-server not found, Redis command spans not checked (${INSTALL_HINT})`);

const SERVER = 2;
const CLIENT = 3;
const hex = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('hex');

describe('tracing off (no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('registers nothing', async () => {
    expect(await setupTracing({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toBeNull();
    expect(tracingEnabled()).toBe(false);
  });

  it('refuses an OTLP protocol it cannot speak, naming the variable', async () => {
    await expect(setupTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).rejects.toThrow(/OTEL_EXPORTER_OTLP_PROTOCOL/);
  });
});

describe('tracing on, OTLP over HTTP (http/json)', () => {
  let receiver: OtlpReceiver;
  let tracing: Tracing;
  let redis: RedisServer | null = null;
  let server: TestServer;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    tracing = (await setupTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: `${receiver.url}/`, OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }))!;
    if (hasRedis) redis = await startRedis();
    server = await startServer(redis ? { REDIS_URL: redis.url } : {});
  });
  afterAll(async () => {
    await server?.close();
    await tracing?.shutdown();
    await redis?.stop();
    await receiver?.close();
  });

  const exported = async () => {
    await tracing.flush();
    return receiver.spans;
  };

  it('continues an incoming traceparent through HTTP, GraphQL, the provider call and Redis', async () => {
    const traceId = hex(16);
    const callerSpan = hex(8);
    const res = await server.gql(
      StartUpPassDocument,
      { input: { subjectId: 'traced', formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: 'c-1' } } },
      { traceparent: `00-${traceId}-${callerSpan}-01` },
    );
    ok(res);
    const spans = (await exported()).filter((s) => s.traceId === traceId);
    expect(spans.every((s) => s.service === 'kyc-graph')).toBe(true);

    const http = spans.find((s) => s.parentSpanId === callerSpan)!;
    expect(http).toMatchObject({ name: 'POST /graphql', kind: SERVER, attributes: { 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 } });
    expect(http.attributes['kyc.request_id']).toEqual(expect.any(String));

    const op = spans.find((s) => s.parentSpanId === http.spanId && s.name.startsWith('mutation'))!;
    expect(op).toMatchObject({ name: 'mutation StartUpPass', attributes: { 'graphql.operation.name': 'StartUpPass', 'graphql.operation.type': 'mutation' } });

    const call = spans.find((s) => s.kind === CLIENT && s.attributes['kyc.provider'] === 'UPPASS')!;
    expect(call).toBeDefined();
    expect(call.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.response.status_code': expect.any(Number) });
    expect(call.attributes['http.response.status_code']).toBeLessThan(300);
    // under the operation, not beside it
    const ancestors = (s: { parentSpanId: string }): string[] => {
      const parent = spans.find((p) => p.spanId === s.parentSpanId);
      return parent ? [parent.spanId, ...ancestors(parent)] : [];
    };
    expect(ancestors(call)).toContain(op.spanId);
    // the call carried traceparent: the simulator's own request (served by this server) joined the trace under it
    expect(spans.find((s) => s.kind === SERVER && s.parentSpanId === call.spanId)).toMatchObject({ attributes: { 'http.route': '/sandbox/{provider}/*' } });

    if (redis) {
      const commands = spans.filter((s) => s.name.startsWith('redis '));
      expect(commands.length).toBeGreaterThan(0);
      expect(commands.every((c) => c.kind === CLIENT && c.attributes['db.system.name'] === 'redis')).toBe(true);
      expect(commands.some((c) => ancestors(c).includes(op.spanId))).toBe(true);
    }
  });

  it('traces a webhook received and each event processed, and a WebSocket operation with its request id and trace', async () => {
    const v = ok(await server.gql(StartUpPassDocument, { input: { subjectId: 'wh-traced', formSlug: 'kyc-onboarding', lang: 'en', answers: { customer_id: 'c-2' } } })).startUpPassVerification;

    // a subscription whose start message carries the client's trace and request id
    const traceId = hex(16);
    const parent = hex(8);
    const client = wsClient(server.url);
    const events: unknown[] = [];
    let ready!: () => void;
    const got = new Promise<void>((r) => (ready = r));
    const dispose = client.subscribe(
      { query: print(UpPassUpdatedDocument), variables: { id: v.id }, extensions: { traceparent: `00-${traceId}-${parent}-01`, requestId: 'ws-op-1' } },
      { next: (m) => (events.push(m), ready()), error: () => {}, complete: () => {} },
    );
    // the subscribe span is exported once the subscription is set up
    const deadline = Date.now() + 5000;
    while (!(await exported()).some((s) => s.traceId === traceId)) {
      if (Date.now() > deadline) throw new Error('no WebSocket span exported');
      await new Promise((r) => setTimeout(r, 20));
    }
    const ws = receiver.spans.find((s) => s.traceId === traceId)!;
    expect(ws).toMatchObject({ name: 'subscription UpPassUpdated', parentSpanId: parent, attributes: { 'graphql.transport': 'websocket', 'kyc.request_id': 'ws-op-1' } });

    const at = new Date().toISOString();
    const body = JSON.stringify({
      event: { type: 'submit_form', nounce: crypto.randomUUID(), created_at: at },
      application: { id: 4242, no: 'APP-1', form: 'kyc-onboarding', slug: v.providerRef, status: 'accepted', other_status: { ekyc: 'pass' }, submitted_at: at },
    });
    const hookTrace = hex(16);
    const res = await fetch(`${server.url}/webhooks/uppass`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basicAuthHeader(server.config.providers.uppass.webhookSecrets[0]), traceparent: `00-${hookTrace}-${hex(8)}-01` },
      body,
    });
    expect(res.status).toBe(200);
    await got; // the event reached the subscriber through the traced iterator
    dispose();
    await client.dispose();
    expect(events).toHaveLength(1);

    const spans = (await exported()).filter((s) => s.traceId === hookTrace);
    const receive = spans.find((s) => s.name === 'webhook receive uppass')!;
    expect(receive).toMatchObject({ attributes: { 'kyc.provider': 'uppass', 'http.response.status_code': 200 } });
    const processed = spans.find((s) => s.name === 'webhook process uppass')!;
    expect(processed).toMatchObject({ parentSpanId: receive.spanId, attributes: { 'kyc.provider': 'uppass', 'kyc.webhook.result': 'processed' } });
    expect(processed.attributes['kyc.webhook.event_id']).toEqual(expect.any(String));
  });

  it('does not trace Redis commands of background loops (no span outside a traced operation)', async () => {
    // the ingestion poller and inbox recovery run every few seconds; none of their commands is a root span
    const roots = (await exported()).filter((s) => s.parentSpanId === '' && s.name.startsWith('redis '));
    expect(roots).toEqual([]);
  });
});

describe('tracing on, OTLP over HTTP (http/protobuf, the default protocol)', () => {
  it('posts protobuf to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given, with OTEL_SERVICE_NAME', async () => {
    const receiver = await startOtlpReceiver();
    const tracing = (await setupTracing({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/custom/traces`, OTEL_SERVICE_NAME: 'kyc-graph-eu' }))!;
    const server = await startServer();
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      await tracing.flush();
      const sent = receiver.requests.filter((r) => r.path === '/custom/traces');
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.every((r) => r.contentType === 'application/x-protobuf')).toBe(true);
      // protobuf keeps strings as they are: the service name and the span name are in the bytes
      const bytes = Buffer.concat(sent.map((r) => r.body));
      expect(bytes.includes('kyc-graph-eu')).toBe(true);
      expect(bytes.includes('GET /healthz')).toBe(true);
    } finally {
      await server.close();
      await tracing.shutdown();
      await receiver.close();
    }
  });
});
