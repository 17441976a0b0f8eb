// Keeps `dist` built from the current sources without starting the compiler when it is current:
// `npm start` (scripts/start.mjs) and the tests' global setup call `ensureDist`, which runs
// `tsc -p tsconfig.json` only when a source compiles to a missing or older file, or the compiler
// settings or dependencies changed since the build. Plain JavaScript: it runs before any build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

/** @param {string} dir @returns {string[]} */
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `src/a/b.ts` → `dist/a/b.js` for every source (tsconfig.json: rootDir src, outDir dist). */
function outputs(root) {
  const src = join(root, 'src');
  return sources(src).map((f) => [f, join(root, 'dist', relative(src, f).replace(/\.ts$/, '.js'))]);
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : -1);

/** Why `dist` is stale (a file to blame), or null when every output is at least as new as its inputs. */
export function staleReason(root) {
  const pairs = outputs(root);
  const settings = ['tsconfig.json', 'package.json', 'package-lock.json'].map((f) => join(root, f));
  let oldest = Infinity;
  for (const [src, out] of pairs) {
    const built = mtime(out);
    if (built < 0) return `${relative(root, out)} is missing`;
    if (built < mtime(src)) return `${relative(root, src)} changed after it was built`;
    oldest = Math.min(oldest, built);
  }
  for (const f of settings) if (mtime(f) > oldest) return `${relative(root, f)} changed after the build`;
  return null;
}

/**
 * Builds `dist` when it is stale (compiler output goes to stderr: stdout stays JSON lines). Every
 * output's time is then set to when the build STARTED, so a source saved while tsc ran counts as
 * newer than its output and is rebuilt next time.
 */
export function ensureDist(root, log = console.warn) {
  const reason = staleReason(root);
  if (!reason) return false;
  log(`[kyc-graph] building dist (${reason})`);
  const started = new Date();
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: ['ignore', 2, 2] });
  for (const [, out] of outputs(root)) if (existsSync(out)) utimesSync(out, started, started);
  return true;
}
