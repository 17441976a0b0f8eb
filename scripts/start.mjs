// `npm start`: compiles (tsc) and bundles (rolldown) only what is stale, a few hundred stat calls
// when both are current, then runs the bundle in this same process. Without the bundler (dev
// dependencies pruned) it runs dist/main.js, the same code in ~1000 files.
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureDist } from './dist.mjs';
import { BUNDLE, bundle, bundleStaleReason } from './bundle.mjs';

// Node 22.1+: reuse V8's compiled code across starts (a cache directory under the OS temp dir;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off). Node 20 has no such cache and skips this.
if (typeof module.enableCompileCache === 'function') module.enableCompileCache();

const root = fileURLToPath(new URL('..', import.meta.url));
// progress goes to stderr: stdout stays JSON lines
const note = (line) => process.stderr.write(`[kyc-graph] ${line}\n`);
ensureDist(root, (line) => process.stderr.write(`${line}\n`));
let entry = `${root}/${BUNDLE}`;
const stale = bundleStaleReason(root);
if (stale) {
  try {
    note(`bundling (${stale})`);
    await bundle(root);
  } catch (err) {
    note(`running dist/main.js unbundled (bundling failed: ${err?.code === 'ERR_MODULE_NOT_FOUND' ? 'rolldown is not installed' : err?.message})`);
    entry = `${root}/dist/main.js`;
  }
}
await import(pathToFileURL(entry).href);
