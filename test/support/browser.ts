// Finds Debian's chromium for the browser tests (never a downloaded browser), or says why not.
import { accessSync, constants } from 'node:fs';

export const CHROMIUM_INSTALL_HINT = 'apt-get update && apt-get install -y chromium';

/** `CHROMIUM_PATH` when set, else Debian's /usr/bin/chromium; null when neither is executable. */
export function chromiumPath(): string | null {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean) as string[]) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

/** True when the browser tests can run; otherwise they are skipped with CHROMIUM_INSTALL_HINT printed. */
export const hasChromium = chromiumPath() !== null;
