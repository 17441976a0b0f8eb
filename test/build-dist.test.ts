// The globalSetup's staleness check for `dist` (spawned servers must never run stale code).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { staleReason } from './support/build-dist.js';

let root: string;
const at = (p: string, seconds: number) => utimesSync(join(root, p), seconds, seconds);
function file(p: string, seconds: number) {
  mkdirSync(join(root, p, '..'), { recursive: true });
  writeFileSync(join(root, p), '');
  at(p, seconds);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'kyc-dist-'));
  for (const f of ['tsconfig.json', 'package.json', 'package-lock.json']) file(f, 1000);
  file('src/main.ts', 2000);
  file('src/store/memory.ts', 2000);
  file('src/types.d.ts', 9000); // declarations emit nothing
  file('dist/main.js', 3000);
  file('dist/store/memory.js', 3000);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('dist staleness', () => {
  it('is fresh when every source has an output at least as new', () => {
    expect(staleReason(root)).toBeNull();
  });

  it('is stale when a source is newer than its output, or its output is missing', () => {
    at('src/store/memory.ts', 3001);
    expect(staleReason(root)).toBe('src/store/memory.ts changed after it was built');
    at('src/store/memory.ts', 2000);
    file('src/store/redis.ts', 2000);
    expect(staleReason(root)).toBe('dist/store/redis.js is missing');
  });

  it('is stale when the compiler settings or dependencies changed after the oldest output', () => {
    at('package-lock.json', 3001);
    expect(staleReason(root)).toBe('package-lock.json changed after the build');
  });
});
