// Where the conformance suite runs an adapter: the adapter built exactly as the app builds it
// (createAdapters, sandbox mode), its simulator served on a free port of its own, the adapter's
// client calling it over real HTTP, and the simulator's webhooks posted over real HTTP to the same
// port. Every answer the simulator gives and every webhook it sends is recorded, so Part B can
// hold each of them against the provider's documented shape.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type ProviderKey } from '../../src/config.js';
import type { ProviderAdapter } from '../../src/providers/contract.js';
import { createAdapters } from '../../src/providers/index.js';
import { ProviderResilience } from '../../src/providers/resilience.js';

/** One simulator answer as the adapter received it. */
export interface Exchange {
  method: string;
  /** Path below /sandbox/{key}, with the query. */
  path: string;
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** Parsed JSON, or the raw text when it is not JSON. */
  body: unknown;
}

/** One webhook the simulator sent. */
export interface Delivery {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
}

export interface Host {
  adapter: ProviderAdapter;
  /** http://127.0.0.1:PORT — the simulator's own port. */
  url: string;
  /** Base of the provider API as the adapter's client uses it: `${url}/sandbox/${key}`. */
  sandbox: string;
  exchanges: Exchange[];
  deliveries: Delivery[];
  /** POST {sandbox}/{ref}/advance; resolves once the simulator has sent its webhook (DESIGN.md). */
  advance(ref: string, to: string, extra?: Record<string, unknown>): Promise<Response>;
  /** POST {sandbox}/faults. */
  fault(status: number, times?: number): Promise<void>;
  close(): Promise<void>;
}

const readBody = (req: NodeJS.ReadableStream) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Records what `res` sends (status, headers, body) without changing it. */
function record(res: ServerResponse, done: (status: number, headers: Exchange['headers'], body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const write = res.write.bind(res) as (...a: unknown[]) => boolean;
  const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
  const keep = (c: unknown) => {
    if (c === undefined || c === null || typeof c === 'function') return;
    chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as string));
  };
  (res as unknown as { write: (...a: unknown[]) => boolean }).write = (...a: unknown[]) => {
    keep(a[0]);
    return write(...a);
  };
  (res as unknown as { end: (...a: unknown[]) => ServerResponse }).end = (...a: unknown[]) => {
    keep(a[0]);
    done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return end(...a);
  };
}

const parseJson = (b: Buffer): unknown => {
  try {
    return JSON.parse(b.toString('utf8'));
  } catch {
    return b.toString('utf8');
  }
};

/** Starts the adapter `key` in sandbox mode with its simulator listening on a free port. */
export async function startHost(key: ProviderKey, env: Record<string, string> = {}): Promise<Host> {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env });
  let url = '';
  // one attempt per call and no circuit: every fault the suite injects reaches the mapping once
  const resilience = new ProviderResilience({ maxAttempts: 1, breakerThreshold: 1_000_000 });
  const adapters = createAdapters(config, { localUrl: () => url, publicUrl: () => url, resilience, pageToken: (_k, ref) => `token-${ref}` });
  const adapter = adapters.find((a) => a.key === key)!;
  await Promise.all(adapters.filter((a) => a !== adapter).map((a) => a.close()));
  const simulator = adapter.simulator!;
  const exchanges: Exchange[] = [];
  const deliveries: Delivery[] = [];
  const prefix = `/sandbox/${key}`;
  const server: Server = createServer(async (req, res) => {
    try {
      const u = new URL(req.url ?? '/', 'http://host');
      if (u.pathname === `/webhooks/${key}` && req.method === 'POST') {
        deliveries.push({ rawBody: await readBody(req), headers: req.headers });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      if (!u.pathname.startsWith(`${prefix}/`)) {
        res.writeHead(404).end();
        return;
      }
      const rest = u.pathname.slice(prefix.length);
      const method = req.method ?? 'GET';
      const unread = method === 'GET' || method === 'HEAD' || simulator.streamsBody?.(method, rest);
      const rawBody = unread ? Buffer.alloc(0) : await readBody(req);
      const access = simulator.sandboxAccess(method, rest);
      // the provider's API is recorded for Part B; our own sandbox routes (advance, faults) are not the provider's
      if (access?.kind === 'api') {
        record(res, (status, headers, body) => exchanges.push({ method, path: rest + u.search, status, headers, body: parseJson(body) }));
      }
      if (!(await simulator.handle(req, res, rest + u.search, rawBody))) res.writeHead(404).end();
    } catch (err) {
      if (!res.headersSent) res.writeHead(500).end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = (path: string, body: unknown) =>
    fetch(`${url}${prefix}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return {
    adapter,
    url,
    sandbox: `${url}${prefix}`,
    exchanges,
    deliveries,
    advance: (ref, to, extra = {}) => post(`/${encodeURIComponent(ref)}/advance?token=${encodeURIComponent(`token-${ref}`)}`, { to, ...extra }),
    fault: async (status, times = 1) => {
      const r = await post('/faults', { status, times });
      if (!r.ok) throw new Error(`faults answered ${r.status}`);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await adapter.close();
    },
  };
}
