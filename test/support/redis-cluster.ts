// Starts a real local Redis Cluster (3 masters, no replicas) on free ports for a test file:
// `redis-server --cluster-enabled yes` ×3 in a temp dir, `redis-cli --cluster create … --cluster-yes`,
// then waits until every node says `cluster_state:ok`. Skipped (with INSTALL_HINT) like the
// single-Redis suites when redis-server or redis-cli is missing.
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { freePort, INSTALL_HINT, redisServerPath } from './redis.js';

export { INSTALL_HINT };

function redisCliPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-cli'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** True when a cluster can be started here; otherwise the cluster suites are skipped. */
export const hasRedisCluster = redisServerPath() !== null && redisCliPath() !== null;

/** Says why the cluster suites are skipped; call at the top of a cluster test file. */
export function warnIfNoCluster(file: string): void {
  if (!hasRedisCluster) console.warn(`${file}: redis-server or redis-cli not found, the Redis Cluster tests are SKIPPED (${INSTALL_HINT})`);
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** A free port whose cluster bus port (port + 10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = await freePort();
    if (p + 10000 <= 65535 && !taken.has(p) && !taken.has(p + 10000) && (await portFree(p + 10000))) return p;
  }
  throw new Error('no free port pair for a Redis Cluster node');
}

export interface RedisCluster {
  /** For REDIS_CLUSTER_NODES: `127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`. */
  nodes: string;
  ports: number[];
  /** FLUSHALL on every master. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const server = redisServerPath();
  const cli = redisCliPath();
  if (!server || !cli) throw new Error(`redis-server and redis-cli are needed for a Redis Cluster (${INSTALL_HINT})`);
  const dir = mkdtempSync(join(tmpdir(), 'kyc-redis-cluster-'));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) {
    const p = await clusterPort(taken);
    taken.add(p).add(p + 10000);
    ports.push(p);
  }
  const children: ChildProcess[] = ports.map((port) =>
    spawn(
      server,
      ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '5000', '--appendonly', 'no', '--save', '', '--dir', dir],
      { stdio: 'ignore' },
    ),
  );
  const clients = ports.map((port) => {
    const c = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    c.on('error', () => {}); // refused while the server boots; retried below
    return c;
  });
  const stop = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(
      children.map((child) =>
        child.exitCode !== null ? null : new Promise((r) => {
          child.once('exit', r);
          child.kill('SIGTERM');
        }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const c of clients) {
      for (let i = 0; ; i++) {
        try {
          await c.connect();
          await c.ping();
          break;
        } catch {
          if (i > 100) throw new Error('redis-server (cluster node) did not start');
          c.disconnect();
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    }
    await promisify(execFile)(cli, ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { timeout: 30_000 });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const infos = await Promise.all(clients.map((c) => c.cluster('INFO') as Promise<string>));
      if (infos.every((info) => /cluster_state:ok/.test(info))) break;
      if (Date.now() > deadline) throw new Error(`Redis Cluster did not reach cluster_state:ok: ${infos.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    nodes: ports.map((p) => `127.0.0.1:${p}`).join(','),
    ports,
    flush: async () => {
      await Promise.all(clients.map((c) => c.flushall()));
    },
    stop,
  };
}
