// Starts a private redis-server on a free port for a test file, or reports why it cannot.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export const INSTALL_HINT = 'apt-get update && apt-get install -y redis-server';

export function redisServerPath(): string | null {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** True when the Redis suites can run; otherwise they are skipped with INSTALL_HINT printed. */
export const hasRedis = redisServerPath() !== null;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface RedisServer {
  url: string;
  /** Stops the server; `keepData` leaves its append-only file for a restart with the same dir. */
  stop(keepData?: boolean): Promise<void>;
  flush(): Promise<void>;
}

/**
 * `port` and `dir` restart a stopped server where clients expect it, with its data (the server
 * keeps an append-only file, as a production Redis would).
 */
export async function startRedis(port?: number, dir?: string): Promise<RedisServer & { port: number; dir: string }> {
  const bin = redisServerPath();
  if (!bin) throw new Error(`redis-server is not installed (${INSTALL_HINT})`);
  port ??= await freePort();
  dir ??= mkdtempSync(join(tmpdir(), 'kyc-redis-'));
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'everysec', '--dir', dir], {
    stdio: 'ignore',
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {}); // refused while the server boots; retried below
  for (let i = 0; ; i++) {
    try {
      await probe.connect();
      await probe.ping();
      break;
    } catch {
      if (i > 100) throw new Error('redis-server did not start');
      probe.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    port,
    dir,
    url,
    flush: async () => {
      await probe.flushall();
    },
    stop: async (keepData = false) => {
      probe.disconnect();
      child.kill('SIGTERM'); // redis writes its append-only file on SIGTERM
      await new Promise((r) => child.once('exit', r));
      if (!keepData) rmSync(dir!, { recursive: true, force: true });
    },
  };
}
