// Keeps `dist` (what `npm start` and the spawned-process tests run) built from the current
// sources: rebuilt with `tsc -p tsconfig.json` when any source compiles to a missing or older
// file, or the compiler settings or dependencies changed since the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `src/a/b.ts` → `dist/a/b.js` for every source (tsconfig.json: rootDir src, outDir dist). */
function outputs(root: string): [src: string, out: string][] {
  const src = join(root, 'src');
  return sources(src).map((f) => [f, join(root, 'dist', relative(src, f).replace(/\.ts$/, '.js'))]);
}

const mtime = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : -1);

/** Why `dist` is stale (a file to blame), or null when every output is at least as new as its inputs. */
export function staleReason(root: string): string | null {
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
 * Builds `dist` when it is stale. Every output's time is then set to when the build STARTED, so
 * a source saved while tsc ran counts as newer than its output and is rebuilt next time.
 */
export function ensureDist(root: string, log: (line: string) => void = console.warn): boolean {
  const reason = staleReason(root);
  if (!reason) return false;
  log(`[kyc-graph] building dist (${reason})`);
  const started = new Date();
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  for (const [, out] of outputs(root)) if (existsSync(out)) utimesSync(out, started, started);
  return true;
}
