// `node dist/main.js` as `npm start` runs it, for the tests that need a real process.
import { type ChildProcess, spawn } from 'node:child_process';

/**
 * How long a test that starts server processes may take. A cold start of dist/main.js (module
 * loading, schema build) measured 6-9 s on the shared 2-core machine at load average 20, and over
 * 20 s with the suite's two workers and a CPU hog beside it, so the wait for "ready" has no
 * shorter deadline of its own: it ends when the process says ready or exits.
 */
export const PROCESS_TEST_TIMEOUT_MS = 120_000;

export interface StartedProcess {
  child: ChildProcess;
  /** http://localhost:<port> */
  url: string;
  /** Everything it printed so far (stdout and stderr). */
  output: () => string;
}

/** Spawns dist/main.js; resolves once it prints its ready line, rejects (with its output) if it exits first. */
export function startProcess(env: Record<string, string> = {}): Promise<StartedProcess> {
  const child = spawn(process.execPath, ['dist/main.js'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let ready = false;
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`dist/main.js exited (code ${code}, signal ${signal}) after ${Date.now() - started} ms before it was ready: ${out}`));
    child.once('close', onExit);
    child.stderr!.on('data', (d) => (out += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = ready ? null : /ready at (http:\/\/\S+)\/graphql/.exec(out);
      if (!m) return;
      ready = true;
      child.off('close', onExit);
      resolve({ child, url: m[1], output: () => out });
    });
  });
}
