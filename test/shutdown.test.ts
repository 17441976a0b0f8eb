// SIGTERM (issue 13 finding 6, DESIGN.md "shutdown" and "health"): the real process, in memory
// and with a real Redis, turns /readyz 503 draining at once, closes WebSockets, simulators, bus,
// store and Redis, and exits 0 within 10 s.
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { killLeftovers, PROCESS_TEST_TIMEOUT_MS, startProcess } from './support/process.js';
import { hasRedis, type RedisServer, startRedis } from './support/redis.js';

let redis: (RedisServer & { port: number }) | null = null;
beforeAll(async () => {
  if (hasRedis) redis = await startRedis();
});
afterAll(async () => {
  killLeftovers();
  await redis?.stop();
});

async function quitCalls(url: string): Promise<number> {
  const probe = new Redis(url);
  try {
    const stats = (await probe.info('commandstats')) as string;
    return Number(/cmdstat_quit:calls=(\d+)/.exec(stats)?.[1] ?? 0);
  } finally {
    probe.disconnect();
  }
}

describe.each([
  { mode: 'memory', needsRedis: false },
  { mode: 'redis', needsRedis: true },
])('SIGTERM with the $mode store', ({ needsRedis }) => {
  it.skipIf(needsRedis && !hasRedis)('readiness says draining at once, sockets close, Redis is quit, exit 0 within 10 s', async () => {
    const env: Record<string, string> = { SHUTDOWN_DELAY_MS: '1000' };
    if (needsRedis) env.REDIS_URL = redis!.url;
    const server = await startProcess(env);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
    await once(ws, 'open');
    ws.send(JSON.stringify({ type: 'connection_init' }));
    await once(ws, 'message');
    const wsClosed = once(ws, 'close');
    const quitsBefore = needsRedis ? await quitCalls(redis!.url) : 0;

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    // the first answer after the signal is handled is 503 draining (requests are still served during SHUTDOWN_DELAY_MS)
    let ready = await fetch(`${server.url}/readyz`);
    while (ready.status === 200) ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });

    const code = await server.exited;
    const elapsed = Date.now() - signalled;
    expect(code).toBe(0);
    console.log(`exit after SIGTERM: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(10_000);
    const [closeCode] = await wsClosed;
    expect(closeCode).toBeGreaterThanOrEqual(1000);
    expect(server.stdout()).toContain('"msg":"shut down"');
    if (needsRedis) expect(await quitCalls(redis!.url)).toBeGreaterThan(quitsBefore);
  }, PROCESS_TEST_TIMEOUT_MS);
});
