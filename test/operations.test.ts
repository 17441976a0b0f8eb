// Operations (issue 15, DESIGN.md "health" and "Operations"): readiness that survives a provider
// outage, the background probe that closes an open circuit with no traffic, CORS over HTTP and
// WebSocket upgrades, and safe production defaults.
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ConfigError, loadConfig } from '../src/config.js';
import type { ProviderAdapter } from '../src/providers/contract.js';
import type { PawaPassAdapter } from '../src/providers/pawapass/index.js';
import { CircuitProber } from '../src/providers/probe.js';
import type { CircuitName } from '../src/providers/resilience.js';
import { until } from './support/client.js';
import { killLeftovers, PROCESS_TEST_TIMEOUT_MS, startProcess } from './support/process.js';
import { productionEnv, startServer } from './support/server.js';

afterAll(() => killLeftovers());

describe('readiness while a provider is down', () => {
  it('lists the provider in degraded (200), and a background probe closes its circuit with no traffic', async () => {
    const server = await startServer({ RETRY_MAX_ATTEMPTS: '1', BREAKER_THRESHOLD: '3', BREAKER_HALF_OPEN_MS: '100', PROVIDER_PROBE_INTERVAL_MS: '300', PAWAPASS_TIMEOUT_MS: '1000' });
    const fault = (method: string, body?: object) =>
      fetch(`${server.url}/sandbox/pawapass/faults`, { method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
    type Ready = { http: number; status: string; degraded: string[]; down: string[]; checks: Record<string, string> };
    const readyz = async (): Promise<Ready> => {
      const res = await fetch(`${server.url}/readyz`);
      return { http: res.status, ...((await res.json()) as Omit<Ready, 'http'>) };
    };
    try {
      const adapter = server.app.adapters.get('PAWAPASS') as PawaPassAdapter;
      const sim = adapter.simulator!;
      await fault('POST', { status: 503 }); // every call fails until cleared
      for (let i = 0; i < 3; i++) await adapter.client.getVerification('nope').catch(() => {});

      const down = await readyz();
      expect(down).toMatchObject({ http: 200, status: 'ready', degraded: ['pawapass'], down: [] });
      expect(down.checks['provider:pawapass']).toMatch(/^degraded .*circuit open/);

      // no request of ours reaches pawaPass from here on: only the probe does, and it keeps failing
      const before = sim.requests.total;
      await until(() => sim.requests.total >= before + 2, 10_000);
      expect((await readyz()).degraded).toEqual(['pawapass']);

      await fault('DELETE');
      const deadline = Date.now() + 10_000;
      let now = await readyz();
      while (now.degraded.length && Date.now() < deadline) now = await readyz();
      expect(now).toMatchObject({ http: 200, status: 'ready', degraded: [] });
      expect(now.checks['provider:pawapass']).toMatch(/^up .*circuit closed/);
    } finally {
      await server.close();
    }
  });

  it('the prober sends at most one probe per provider per interval, only for open circuits', async () => {
    let clock = 0;
    const state: Record<string, CircuitName> = { PAWAPASS: 'open', UPPASS: 'closed' };
    let release: () => void = () => {};
    const calls: string[] = [];
    const adapters = [{ provider: 'PAWAPASS', key: 'pawapass' }, { provider: 'UPPASS', key: 'uppass' }] as unknown as ProviderAdapter[];
    const prober = new CircuitProber(adapters, {
      intervalMs: 30_000,
      now: () => clock,
      states: (ps) => Object.fromEntries(ps.map((p) => [p, state[p]])),
      probe: (a) => {
        calls.push(a.provider);
        return new Promise<void>((r) => (release = r));
      },
    });
    await prober.tick(); // first seen open at 0
    clock = 29_999;
    await prober.tick();
    expect(calls).toEqual([]);
    clock = 30_000;
    const probing = prober.tick();
    expect(calls).toEqual(['PAWAPASS']);
    clock = 90_000;
    void prober.tick(); // the probe is still in flight: no second one
    expect(calls).toEqual(['PAWAPASS']);
    release();
    await probing;
    clock = 90_001; // last probe at 30,000: due
    const second = prober.tick();
    expect(calls).toEqual(['PAWAPASS', 'PAWAPASS']);
    release();
    await second;
    clock = 120_000; // 29,999 ms after the second
    await prober.tick();
    expect(calls).toHaveLength(2);
    state.PAWAPASS = 'closed';
    clock = 500_000;
    await prober.tick();
    expect(calls).toHaveLength(2);
  });
});

describe('CORS', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('development default: any local origin is allowed, any other origin gets no CORS header', async () => {
    const server = await startServer();
    try {
      const ok = await preflight(server.url, 'http://localhost:5173');
      expect(ok.status).toBe(204);
      expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(ok.headers.get('access-control-allow-methods')).toBe('GET, POST');
      for (const h of ['content-type', 'authorization', 'apollo-require-preflight', 'x-apollo-operation-name']) expect(ok.headers.get('access-control-allow-headers')).toContain(h);
      expect(Number(ok.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect((await preflight(server.url, 'http://127.0.0.1:8080')).headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');

      const other = await preflight(server.url, 'https://evil.example');
      expect([...other.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);

      const post = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: 'http://localhost:5173', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(post.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(post.headers.get('vary')).toMatch(/origin/i);
      const postOther = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(postOther.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('CORS_ORIGINS lists the allowed origins exactly; * is refused in production', async () => {
    const server = await startServer({ CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' });
    try {
      expect((await preflight(server.url, 'https://admin.example.com')).headers.get('access-control-allow-origin')).toBe('https://admin.example.com');
      expect((await preflight(server.url, 'http://localhost:5173')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(server.url, 'https://app.example.com.evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await server.close();
    }
    expect(() => loadConfig({ ...productionEnv().env, CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'app.example.com' })).toThrow(/CORS_ORIGINS/);
    expect(loadConfig({ CORS_ORIGINS: '*' }).ops.corsOrigins).toEqual(['*']);
  });

  it('in production a WebSocket upgrade from an origin that is not allowed is refused', async () => {
    const prod = productionEnv({ CORS_ORIGINS: 'https://app.example.com' });
    const server = await startServer(prod.env);
    const ws = (origin?: string) => new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
    try {
      const refused = ws('https://evil.example');
      refused.on('error', () => {});
      const [, res] = await once(refused, 'unexpected-response');
      expect(res.statusCode).toBe(403);
      res.destroy();
      for (const origin of ['https://app.example.com', undefined]) {
        const allowed = ws(origin);
        await once(allowed, 'open');
        allowed.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe('safe defaults', { timeout: PROCESS_TEST_TIMEOUT_MS }, () => {
  it('NODE_ENV=production without API_KEYS refuses to start: exit 2, naming API_KEYS', async () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    await expect(startProcess({ NODE_ENV: 'production' })).rejects.toThrow(/Invalid configuration: API_KEYS/);
  });

  it('in production every stdout line is JSON (no banner); in development the banner is there', async () => {
    const prod = await startProcess({ ...productionEnv().env, SHUTDOWN_DELAY_MS: '0' });
    prod.child.kill('SIGTERM');
    expect(await prod.exited).toBe(0);
    const lines = prod.stdout().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();

    const dev = await startProcess({ SHUTDOWN_DELAY_MS: '0' });
    dev.child.kill('SIGTERM');
    expect(await dev.exited).toBe(0);
    expect(dev.stdout()).toMatch(/^kyc-graph GraphQL API ready at http:\/\/localhost:\d+\/graphql/m);
  });
});
