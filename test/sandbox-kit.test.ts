// The sandbox kit the five simulators are built on (src/sandbox): the bounded session store
// evicts by TTL on an injected clock; the webhook sender retries on its schedule against a real
// receiver that fails first; faults are per tenant and counted; the advance route answers as
// DESIGN.md says; close() leaves no timer and no delivery behind; the kit imports no upper layer.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendJson } from '../src/http/httpkit.js';
import { SANDBOX_TENANT_HEADER } from '../src/observability/request-context.js';
import { retryAfterHeader, SandboxFaults } from '../src/sandbox/faults.js';
import { SandboxKit } from '../src/sandbox/kit.js';
import type { AdvanceRules } from '../src/sandbox/lifecycle.js';
import { SessionStore } from '../src/sandbox/sessions.js';
import { TimerSet } from '../src/sandbox/timers.js';
import { doubling, WebhookSender } from '../src/sandbox/webhooks.js';

const servers: Server[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real HTTP server on a free port. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => void handler(req, res, Buffer.concat(chunks)));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('bounded session store', () => {
  it('forgets a session ttlMs after it was created, by the injected clock, and lists only live ones', () => {
    let now = 0;
    const store = new SessionStore<string>({ ttlMs: 1000, now: () => now });
    store.set('a', 'A');
    now = 500;
    store.set('b', 'B');
    store.set('a', 'A2'); // a rewrite keeps a's deadline (1000)
    now = 999;
    expect([store.get('a'), store.get('b')]).toEqual(['A2', 'B']);
    now = 1000;
    expect(store.get('a')).toBeUndefined();
    expect(store.has('b')).toBe(true);
    expect([...store.values()]).toEqual(['B']);
    expect([...store.keys()]).toEqual(['b']);
    now = 1500;
    expect(store.size).toBe(0);
  });

  it('evicts expired sessions on insert, without being asked for them', () => {
    let now = 0;
    const store = new SessionStore<number>({ ttlMs: 100, now: () => now });
    for (let i = 0; i < 50; i++) store.set(`old-${i}`, i);
    now = 100;
    store.set('new', 1);
    // the insert dropped the expired head: the Map holds only the new session
    expect((store as unknown as { entries: Map<string, unknown> }).entries.size).toBe(1);
  });

  it('keeps at most maxSessions, the oldest evicted first', () => {
    const store = new SessionStore<number>({ maxSessions: 2 });
    store.set('a', 1).set('b', 2).set('c', 3);
    expect([...store.keys()]).toEqual(['b', 'c']);
  });
});

describe('timers', () => {
  it('a deadline beyond setTimeout’s cap fires at its time, not early', () => {
    vi.useFakeTimers();
    const timers = new TimerSet();
    const fired = vi.fn();
    timers.at(Date.now() + 2 ** 31 + 1000, fired, 'late');
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(fired).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1001);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('a timeout that fires before its deadline by the set’s clock waits again instead of running early', () => {
    // Node runs a timeout by the event loop's cached time, so Date.now() in the callback can read
    // a millisecond or more before the deadline (measured: 1 in 4 short timeouts after a busy
    // turn). A session expiring "at" its expiresAt then found itself not yet due and never expired.
    vi.useFakeTimers();
    let clock = 1000;
    const timers = new TimerSet(() => clock);
    const fired = vi.fn();
    timers.at(1010, fired, 'deadline');
    vi.advanceTimersByTime(10); // setTimeout's 10 ms are up, the set's clock still reads 1000
    expect(fired).not.toHaveBeenCalled();
    expect(timers.pending).toBe(1);
    clock = 1007;
    vi.advanceTimersByTime(2);
    expect(fired).not.toHaveBeenCalled();
    clock = 1010;
    vi.advanceTimersByTime(10);
    expect(fired).toHaveBeenCalledTimes(1);
    expect(timers.pending).toBe(0);
  });

  it('close() cancels every pending timer and refuses new ones', () => {
    vi.useFakeTimers();
    const timers = new TimerSet();
    const fired = vi.fn();
    timers.after(1000, fired, 'k');
    timers.after(2000, fired);
    expect(timers.pending).toBe(2);
    timers.close();
    timers.after(10, fired);
    vi.advanceTimersByTime(10_000);
    expect(fired).not.toHaveBeenCalled();
    expect(timers.pending).toBe(0);
  });
});

describe('webhook sender', () => {
  it('retries a failed delivery on its schedule until the receiver takes it, with fresh headers each attempt', async () => {
    const received: { body: string; attempt: string | undefined; at: number }[] = [];
    let third!: () => void;
    const thirdArrived = new Promise<void>((r) => (third = r));
    const url = await listen((req, res, body) => {
      received.push({ body: body.toString(), attempt: req.headers['x-attempt'] as string, at: Date.now() });
      res.writeHead(received.length <= 2 ? 503 : 204).end();
      if (received.length === 3) third();
    });
    const asked: number[] = [];
    const sender = new WebhookSender({ url: () => url, retry: { attempts: 5, delayMs: (n) => (asked.push(n), 40 * n) } });
    let headersMade = 0;
    expect(await sender.send('{"e":1}', () => ({ 'x-attempt': String(++headersMade) }))).toBe(false);
    await thirdArrived;
    await vi.waitFor(() => expect(sender.sent).toBe(3));
    expect(received.map((r) => [r.body, r.attempt])).toEqual([['{"e":1}', '1'], ['{"e":1}', '2'], ['{"e":1}', '3']]);
    expect(asked).toEqual([1, 2]); // no wait asked for after the delivery that succeeded
    expect(received[1].at - received[0].at).toBeGreaterThanOrEqual(35);
    expect(received[2].at - received[1].at).toBeGreaterThanOrEqual(75);
  });

  it('doubling: 1 s, 2 s, 4 s … capped, with the given jitter', () => {
    const plain = doubling(8);
    expect([1, 2, 3].map(plain.delayMs)).toEqual([1000, 2000, 4000]);
    const low = doubling(8, { capMs: 60_000, jitter: 0.25, random: () => 0 });
    expect([1, 7].map(low.delayMs)).toEqual([750, 45_000]);
    const high = doubling(8, { jitter: 0.25, random: () => 1 });
    expect(high.delayMs(2)).toBe(2500);
  });

  it('close() cancels the pending retry and aborts the delivery in flight', async () => {
    let arrived!: (res: ServerResponse) => void;
    const held = new Promise<ServerResponse>((r) => (arrived = r));
    let calls = 0;
    const url = await listen((_req, res) => {
      if (++calls === 1) res.writeHead(503).end();
      else arrived(res); // never answered
    });
    const timers = new TimerSet();
    // a minute's timeout: only close() can end the held delivery within the test
    const sender = new WebhookSender({ url: () => url, retry: { attempts: 3, delayMs: () => 60_000 }, timeoutMs: 60_000, timers });
    expect(await sender.send('{}', () => ({}))).toBe(false);
    expect(timers.pending).toBe(1); // the retry, a minute away
    const inFlight = sender.attempt('{}', {});
    const res = await held;
    const aborted = new Promise<void>((r) => res.on('close', () => r()));
    sender.close();
    expect(timers.pending).toBe(0);
    expect(await inFlight).toBe(false);
    await aborted; // the receiver saw the connection go
    expect(await sender.send('{}', () => ({}))).toBe(false);
    expect(calls).toBe(2);
  });
});

describe('faults', () => {
  async function faultyApi() {
    const faults = new SandboxFaults<{ route: string | null }>({
      extra: (b) => (b.route != null && b.route !== 'get' ? '"route" must be one of get' : { route: (b.route as string | undefined) ?? null }),
    });
    const url = await listen(async (req, res, body) => {
      if (req.url === '/faults' && faults.route(res, req.method!, body)) return;
      const f = await faults.take(req, (x) => !x.route || x.route === 'get');
      if (f) sendJson(res, f.status, { fault: true }, retryAfterHeader(f));
      else sendJson(res, 200, { ok: true });
    });
    const call = (tenant: string, method = 'GET', path = '/api', body?: unknown) =>
      fetch(`${url}${path}`, { method, headers: { [SANDBOX_TENANT_HEADER]: tenant }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { call };
  }

  it('answers the next N calls of the tenant that set it with its status and retry-after, then lets calls through', async () => {
    const { call } = await faultyApi();
    const set = await call('t1', 'POST', '/faults', { status: 503, times: 2, retryAfter: 7 });
    expect(await set.json()).toEqual({ fault: { status: 503, times: 2, delayMs: 0, retryAfter: 7, route: null } });
    const other = await call('t2');
    expect(other.status).toBe(200);
    const [a, b, c] = [await call('t1'), await call('t1'), await call('t1')];
    expect([a.status, b.status, c.status]).toEqual([503, 503, 200]);
    expect(a.headers.get('retry-after')).toBe('7');
  });

  it('without times the fault stays until DELETE; a bad fault is a 400 naming what to give', async () => {
    const { call } = await faultyApi();
    expect(await (await call('t', 'POST', '/faults', { status: 429 })).json()).toMatchObject({ fault: { times: null } });
    expect((await call('t')).status).toBe(429);
    expect((await call('t')).status).toBe(429);
    expect(await (await call('t', 'DELETE', '/faults')).json()).toEqual({ fault: null });
    expect((await call('t')).status).toBe(200);
    const bad = await call('t', 'POST', '/faults', { times: 1 });
    expect([bad.status, await bad.json()]).toEqual([400, { message: 'give "status" (HTTP code to answer) and/or "delayMs"' }]);
    const badRoute = await call('t', 'POST', '/faults', { status: 503, route: 'create' });
    expect([badRoute.status, await badRoute.json()]).toEqual([400, { message: '"route" must be one of get' }]);
  });

  it('delayMs alone slows the call and lets it through', async () => {
    const { call } = await faultyApi();
    await call('t', 'POST', '/faults', { delayMs: 120, times: 1 });
    const started = Date.now();
    expect((await call('t')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('advance route and close', () => {
  type Session = { id: string; status: 'open' | 'done' | 'gone' };
  function kitWith(webhookUrl: string) {
    const sessions = new Map<string, Session>([['s1', { id: 's1', status: 'open' }]]);
    const kit = new SandboxKit({ webhookUrl: () => webhookUrl, retry: { attempts: 3, delayMs: () => 60_000 } });
    const rules: AdvanceRules<Session['status'], Session> = {
      statuses: ['open', 'done', 'gone'],
      noun: 'session',
      check: (b) => (b.note !== undefined && typeof b.note !== 'string' ? '"note" must be a string' : null),
      session: (id) => sessions.get(id),
      move: async (s, to) => {
        if (s.status !== 'open' || to === 'open') return { conflict: s.status };
        sessions.set(s.id, { ...s, status: to });
        return { delivered: await kit.webhooks.send(JSON.stringify({ id: s.id, to }), () => ({})) };
      },
      answer: (s) => ({ id: s.id, status: s.status }),
    };
    return { kit, rules };
  }

  it('answers 400, 404, 409, and 200 or 202 by whether the webhook was delivered', async () => {
    const hooks: string[] = [];
    const receiver = await listen((_req, res, body) => {
      hooks.push(body.toString());
      res.writeHead(hooks.length === 1 ? 500 : 200).end();
    });
    const { kit, rules } = kitWith(receiver);
    const api = await listen(async (req, res, body) => {
      if (!(await kit.routes(res, req.url!, req.method!, body, rules))) sendJson(res, 404, { route: 'none' });
    });
    const advance = async (ref: string, body: unknown) => {
      const r = await fetch(`${api}/${ref}/advance`, { method: 'POST', body: JSON.stringify(body) });
      return [r.status, await r.json()];
    };
    expect(await advance('s1', { to: 'later' })).toEqual([400, { message: '"to" must be one of open, done, gone' }]);
    expect(await advance('s1', { to: 'done', note: 5 })).toEqual([400, { message: '"note" must be a string' }]);
    expect(await advance('nope', { to: 'done' })).toEqual([404, { message: 'No such session' }]);
    expect(await advance('s1', { to: 'done' })).toEqual([202, { id: 's1', status: 'done', webhookDelivered: false }]);
    expect(await advance('s1', { to: 'gone' })).toEqual([409, { message: 'Cannot move a done session to gone', status: 'done' }]);
    expect(hooks).toEqual(['{"id":"s1","to":"done"}']);
    await kit.close();
  });

  it('close() stops the pending retry and waits for the session queues', async () => {
    const receiver = await listen((_req, res) => void res.writeHead(503).end());
    const { kit } = kitWith(receiver);
    let finished = false;
    void kit.inOrder('s1', async () => {
      await kit.webhooks.send('{}', () => ({}));
      finished = true;
    });
    await vi.waitFor(() => expect(kit.timers.pending).toBe(1));
    await kit.close();
    expect(finished).toBe(true);
    expect(kit.timers.pending).toBe(0);
  });
});

describe('layering', () => {
  it('src/sandbox imports nothing from the server, the services or a provider', () => {
    const dir = fileURLToPath(new URL('../src/sandbox/', import.meta.url));
    for (const file of readdirSync(dir)) {
      const imports = [...readFileSync(join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      expect(imports.filter((i) => /\/(server|services|providers)\//.test(i)), file).toEqual([]);
    }
  });
});
