// Starts `node dist/main.js` (what `npm start` runs after its build step) as a real process.
import { type ChildProcess, spawn } from 'node:child_process';

export interface ServerProcess {
  child: ChildProcess;
  /** http://localhost:<port> */
  url: string;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

const started = new Set<ChildProcess>();

/** Kills (SIGKILL) every process `startProcess` started that is still running: call in afterAll. */
export function killLeftovers() {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  started.clear();
}

/** Waits for the `kyc-graph ready` log line (JSON, any mode) and takes the URL from it. */
export async function startProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  for (;;) {
    for (const line of out.split('\n')) {
      if (!line.startsWith('{')) continue;
      const entry = JSON.parse(line) as { msg?: string; endpoint?: string };
      if (entry.msg === 'kyc-graph ready' && entry.endpoint) {
        return { child, url: entry.endpoint.replace(/\/graphql$/, ''), stdout: () => out, stderr: () => err, exited };
      }
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start: ${out}${err}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
