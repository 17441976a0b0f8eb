// Provider examples from the seeds and provider-specs (test/fixtures/providers/<provider>/), each
// with a "_source" key naming where it was copied from; `fixture` hands back the example without it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'providers');

/** The documented example `name` of `provider`, without its `_source` key. */
export function fixture<T = Record<string, unknown>>(provider: string, name: string): T {
  const { _source, ...rest } = JSON.parse(readFileSync(join(ROOT, provider, name), 'utf8')) as Record<string, unknown>;
  if (typeof _source !== 'string' || !_source) throw new Error(`fixture ${provider}/${name} has no _source`);
  return rest as T;
}
