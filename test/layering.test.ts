// Lower layers never import upper ones (STYLE/BRIEF: store/events/inbox/domain import nothing
// above them; schema and providers never import server). Read from the sources' own import
// statements (type-only imports count too: they tie a lower folder to an upper one's shape).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** Layers, lowest first. A file may import its own layer and any lower one. */
const LAYERS: [layer: number, pattern: RegExp][] = [
  [0, /^(errors\.ts|env\.ts|domain\/|observability\/|http\/)/],
  [1, /^(redis|store|events|inbox|audit)\//],
  // resolvers (each provider's schema.ts) and the registry of adapters + resolvers are the schema layer
  [5, /^providers\/(index\.ts|[^/]+\/schema\.ts)$/],
  [2, /^(providers|sandbox)\//],
  [3, /^services\//],
  [4, /^loaders\//],
  [5, /^schema\//],
  // the server and its config (config.ts reads API keys and query limits the server defines)
  [6, /^(server\/|config\.ts$)/],
  [7, /^main\.ts$/],
];

function layerOf(file: string): number | null {
  for (const [layer, pattern] of LAYERS) if (pattern.test(file)) return layer;
  return null;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Relative imports of a file (static, `export … from` and dynamic), as paths under src/. */
export function importsOf(file: string, text: string): string[] {
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]);
  return specs.map((s) => relative(SRC, resolve(SRC, file, '..', s)).replace(/\.js$/, '.ts'));
}

export function violations(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const from = layerOf(file);
    if (from === null) {
      out.push(`${file} is in no layer (add its folder to LAYERS in test/layering.test.ts)`);
      continue;
    }
    for (const target of importsOf(file, text)) {
      const to = layerOf(target);
      if (to !== null && to > from) out.push(`${file} (layer ${from}) imports ${target} (layer ${to})`);
    }
  }
  return out;
}

describe('layering', () => {
  it('the check catches an upward import (a store importing the server, a resolver importing its context from server/)', () => {
    expect(
      violations({
        'store/x.ts': "import { a } from '../server/app.js';\nimport type { B } from '../domain/b.js';",
        'providers/argos/schema.ts': "import type { RequestContext } from '../../server/context.js';",
        'inbox/y.ts': "export { c } from '../services/records.js';",
        'domain/z.ts': "const m = await import('../providers/index.js');",
      }),
    ).toEqual([
      'store/x.ts (layer 1) imports server/app.ts (layer 6)',
      'providers/argos/schema.ts (layer 5) imports server/context.ts (layer 6)',
      'inbox/y.ts (layer 1) imports services/records.ts (layer 3)',
      'domain/z.ts (layer 0) imports providers/index.ts (layer 5)',
    ]);
  });

  it('no file in src/ imports a layer above its own', () => {
    const files = Object.fromEntries(sources(SRC).map((f) => [relative(SRC, f), readFileSync(f, 'utf8')]));
    expect(Object.keys(files).length).toBeGreaterThan(100);
    expect(violations(files)).toEqual([]);
  });
});
