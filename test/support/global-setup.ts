// Once per run: builds `dist` when a source is newer than its output (spawned servers never run
// stale code), and says plainly when the Redis or browser suites are skipped and how to enable them.
import { fileURLToPath } from 'node:url';
import { ensureDist } from './build-dist.js';
import { CHROMIUM_INSTALL_HINT, hasChromium } from './browser.js';
import { hasRedis, INSTALL_HINT } from './redis.js';

export default function setup() {
  ensureDist(fileURLToPath(new URL('../..', import.meta.url)));
  if (!hasRedis) {
    console.warn(
      `\n[kyc-graph] redis-server not found: the Redis suites (store, event bus, two instances) are SKIPPED.\n` +
        `[kyc-graph] Install it to run them: ${INSTALL_HINT}\n`,
    );
  }
  if (!hasChromium) {
    console.warn(
      `\n[kyc-graph] chromium not found: the browser tests (sandbox end-user pages) are SKIPPED.\n` +
        `[kyc-graph] Install it to run them: ${CHROMIUM_INSTALL_HINT}\n`,
    );
  }
}
