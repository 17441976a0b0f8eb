// Bundles dist/main.js (tsc's output) and its runtime dependencies into dist/bundle/main.mjs with
// rolldown: one file instead of ~1000 module resolutions, halving the CPU a start takes. The
// OpenTelemetry SDK stays a separate chunk, loaded only when OTEL_* asks for tracing. The
// sourcemap maps back to src/*.ts through tsc's own maps. Plain JavaScript: it runs before a build.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const BUNDLE = 'dist/bundle/main.mjs';

/** @param {string} dir @returns {string[]} */
function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'bundle' ? [] : jsFiles(p);
    return e.name.endsWith('.js') ? [p] : [];
  });
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : -1);

/** Why the bundle is stale (a file to blame), or null when it is newer than dist and the installed dependencies. */
export function bundleStaleReason(root) {
  const built = mtime(join(root, BUNDLE));
  if (built < 0) return `${BUNDLE} is missing`;
  const inputs = [...jsFiles(join(root, 'dist')), join(root, 'package-lock.json'), join(root, 'node_modules/.package-lock.json')];
  for (const f of inputs) if (mtime(f) > built) return `${relative(root, f)} changed after it was bundled`;
  return null;
}

/** Writes the bundle (rolldown, a devDependency). */
export async function bundle(root) {
  const { build } = await import('rolldown');
  const dist = join(root, 'dist') + '/';
  await build({
    cwd: root,
    input: join(root, 'dist/main.js'),
    platform: 'node',
    // as Node resolves: no "module" field, so CommonJS packages are the same single copy everywhere
    resolve: { mainFields: ['main'] },
    logLevel: 'silent',
    plugins: [
      {
        // tsc's outputs with their sourcemaps, so the bundle's map points at src/*.ts
        name: 'tsc-sourcemaps',
        load(id) {
          if (!id.startsWith(dist) || !id.endsWith('.js') || !existsSync(`${id}.map`)) return null;
          return { code: readFileSync(id, 'utf8'), map: readFileSync(`${id}.map`, 'utf8') };
        },
      },
    ],
    output: {
      dir: join(root, 'dist/bundle'),
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: '[name]-[hash].mjs',
      sourcemap: true,
      // bundled CommonJS code calls require() for Node's built-ins
      banner: "import { createRequire as __kycCreateRequire } from 'node:module'; const require = __kycCreateRequire(import.meta.url);",
    },
  });
}
