// Starts `node dist/main.js` (the unbundled build; `npm start` runs its bundle) as a real process.
import { type ChildProcess, spawn } from 'node:child_process';

/**
 * How long a test that starts server processes may take. A cold start of dist/main.js (module
 * loading, schema build) measured 6-9 s on the shared 2-core machine at load average 20, and over
 * 20 s with the suite's two workers and a CPU hog beside it, so the wait for "ready" has no
 * shorter deadline of its own: it ends when the process says ready or exits.
 */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

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

/** The URL from the `kyc-graph ready` log line (JSON, any mode) or the development banner. */
function readyUrl(out: string): string | null {
  for (const line of out.split('\n')) {
    if (line.startsWith('{')) {
      let entry: { msg?: string; endpoint?: string };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue; // a line still being written
      }
      if (entry.msg === 'kyc-graph ready' && entry.endpoint) return entry.endpoint.replace(/\/graphql$/, '');
    }
    const m = /ready at (http:\/\/\S+)\/graphql/.exec(line);
    if (m) return m[1];
  }
  return null;
}

/**
 * Resolves once the process says it is ready; rejects (with its output) if it exits first. No
 * wall-clock deadline of its own: the test's timeout bounds it (PROCESS_TEST_TIMEOUT_MS).
 */
export function startProcess(env: Record<string, string> = {}, script = 'dist/main.js'): Promise<ServerProcess> {
  const child = spawn(process.execPath, [script], { env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  const since = Date.now();
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise<ServerProcess>((resolve, reject) => {
    let ready = false;
    const onClose = (code: number | null, signal: string | null) =>
      reject(new Error(`server did not start (exit code ${code}, signal ${signal}, after ${Date.now() - since} ms): ${out}${err}`));
    child.once('close', onClose);
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const url = ready ? null : readyUrl(out);
      if (!url) return;
      ready = true;
      child.off('close', onClose);
      resolve({ child, url, stdout: () => out, stderr: () => err, exited });
    });
  });
}
