// The compiled fast path for webhook bodies (src/providers/fast-check.ts) never accepts what zod
// refuses and, when it accepts, answers exactly what zod answers: checked on every provider's
// documented webhook bodies (test/fixtures/providers) and on thousands of mutations of them
// (each key removed, each value replaced by values of every JSON type, an extra key in every
// object). parseWebhookBody as a whole answers as zod alone does: the same data, or the same
// WebhookFormatError message.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod/v4';
import { argosWebhookSchema } from '../src/providers/argos/mapper.js';
import { WebhookFormatError } from '../src/providers/contract.js';
import { compilations, compileAhead, fastCheck, unionsAsTypes } from '../src/providers/fast-check.js';
import { parseWebhookBody, setAnswerLogger } from '../src/providers/parse.js';
import { PawaPassNotificationSchema } from '../src/providers/pawapass/mapper.js';
import { UpholdWebhookEventSchema } from '../src/providers/uphold/mapper.js';
import { UpPassWebhookSchema } from '../src/providers/uppass/mapper.js';
import { upvestEventSchema } from '../src/providers/upvest/mapper.js';
import { fixture } from './support/fixtures.js';
// the providers' webhook modules, as the app loads them (each names its body schema)
import '../src/providers/argos/webhook.js';
import '../src/providers/pawapass/webhook.js';
import '../src/providers/uphold/webhook.js';
import '../src/providers/uppass/webhook.js';
import '../src/providers/upvest/webhook.js';

setAnswerLogger({ warn() {} });

const webhookFixtures = (provider: string) =>
  readdirSync(new URL(`./fixtures/providers/${provider}/`, import.meta.url))
    .filter((f) => f.startsWith('webhook-'))
    .map((f) => ({ name: `${provider}/${f}`, body: fixture(provider, f) }));

const SCHEMAS: { provider: string; schema: z.ZodType; fast: boolean }[] = [
  { provider: 'pawapass', schema: PawaPassNotificationSchema, fast: true },
  { provider: 'uppass', schema: UpPassWebhookSchema, fast: true },
  { provider: 'argos', schema: argosWebhookSchema, fast: true },
  // a union of two objects / a discriminated union of checks: zod alone
  { provider: 'uphold', schema: UpholdWebhookEventSchema, fast: false },
  { provider: 'upvest', schema: upvestEventSchema, fast: false },
];

const REPLACEMENTS: unknown[] = [
  null, 0, 1, -1, 1.5, 2 ** 60, '', 'x', 'https://example.com/a', 'REVIEW', 'APPROVED', 'submit', 'approved',
  '2024-01-02-03-04-05-006', '2024-13-45-99-99-99-999', '2024-01-02T03:04:05.006Z', '2024-01-02Tnot', true, false,
  [], ['x'], [1], [{}], {}, { k: 1 }, { type: 'DOCUMENT_SCAN' },
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value in `v` (objects and arrays included), root first. */
function paths(v: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...at, i])));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...at, k]));
  return out;
}

function edit(body: Json, path: (string | number)[], change: (parent: Record<string | number, Json>, key: string | number) => void): Json {
  const copy = structuredClone(body);
  let parent = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  change(parent, path[path.length - 1]);
  return copy;
}

/** The body and its mutations, as JSON texts. */
function mutations(body: Json): string[] {
  const out = [JSON.stringify(body)];
  for (const path of paths(body)) {
    const target = path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], body);
    if (target && typeof target === 'object' && !Array.isArray(target)) {
      out.push(JSON.stringify(edit(body, [...path, 'zzExtra'], (p, k) => (p[k] = 'extra'))));
    }
    if (Array.isArray(target) && target.length) {
      out.push(JSON.stringify(edit(body, [...path, target.length], (p, k) => (p[k] = structuredClone(target[0])))));
    }
    if (!path.length) continue;
    out.push(JSON.stringify(edit(body, path, (p, k) => (Array.isArray(p) ? p.splice(k as number, 1) : delete p[k]))));
    for (const r of REPLACEMENTS) out.push(JSON.stringify(edit(body, path, (p, k) => (p[k] = structuredClone(r) as Json))));
  }
  return [...new Set(out)];
}

/** parseWebhookBody with zod alone (what it did before the fast path). */
function zodOnly(schema: z.ZodType, text: string): { data: unknown } | { error: string } {
  const r = schema.safeParse(JSON.parse(text));
  if (r.success) return { data: r.data };
  const path = r.error.issues[0]?.path.length ? r.error.issues[0].path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${String(p)}` : String(p))).join('') : '(root)';
  return { error: new WebhookFormatError(`${path} does not match the documented shape (${r.error.issues[0]?.code ?? 'invalid'})`).message };
}

function viaParse(schema: z.ZodType, text: string): { data: unknown } | { error: string } {
  try {
    return { data: parseWebhookBody('TEST', schema, Buffer.from(text)) };
  } catch (err) {
    if (err instanceof WebhookFormatError) return { error: err.message };
    throw err;
  }
}

// first in this file: nothing has asked for a compiled check yet
describe('compiled ahead', () => {
  it('every provider names its webhook body schema, and compileAhead compiles them before the first webhook', async () => {
    expect(compilations.count).toBe(0);
    await compileAhead();
    const ahead = compilations.count;
    expect(ahead).toBeGreaterThanOrEqual(3); // pawaPass, UpPass, Argos (Uphold and Upvest: zod alone, nothing to compile)
    for (const schema of [PawaPassNotificationSchema, UpPassWebhookSchema, argosWebhookSchema]) {
      expect(viaParse(schema, '{}')).toHaveProperty('error'); // a webhook's parse: no compile of its own
    }
    expect(compilations.count).toBe(ahead);
  });
});

describe('compiled webhook body checks', () => {
  for (const { provider, schema, fast } of SCHEMAS) {
    const bodies = webhookFixtures(provider);

    it(`${provider}: ${fast ? 'compiled' : 'left to zod'}`, () => {
      expect(bodies.length).toBeGreaterThan(0);
      expect(fastCheck(schema) !== null).toBe(fast);
    });

    it(`${provider}: never looser than zod, and the same answer when it accepts (${bodies.map((b) => b.name).join(', ')})`, () => {
      const check = fastCheck(schema);
      let tried = 0;
      let accepted = 0;
      for (const { body } of bodies) {
        for (const text of mutations(body as Json)) {
          tried++;
          const reference = zodOnly(schema, text);
          expect(viaParse(schema, text), text).toEqual(reference);
          if (!check) continue;
          const value = JSON.parse(text);
          if (check(value)) {
            accepted++;
            expect('data' in reference, `accepted what zod refuses: ${text}`).toBe(true);
            expect(value, text).toEqual((reference as { data: unknown }).data);
          }
        }
      }
      expect(tried).toBeGreaterThan(200);
      // the compiled path is taken for the bodies zod accepts as they are (not only refusals)
      if (check) expect(accepted).toBeGreaterThan(tried / 10);
    });
  }

  it('a documented body is accepted by the compiled check and stripped as zod strips it', () => {
    const body = { ...fixture<Record<string, unknown>>('pawapass', 'webhook-status-change.json'), _source: 'kept by JSON, dropped by zod' };
    const check = fastCheck(PawaPassNotificationSchema)!;
    const value = structuredClone(body);
    expect(check(value)).toBe(true);
    expect(value).not.toHaveProperty('_source');
    expect(value).toEqual(PawaPassNotificationSchema.parse(body));
  });

  it('unions of JSON types are one check with a type list: the same answers, no option tried and dropped', () => {
    const schema = z.object({
      s: z.string().min(2).nullable(),
      n: z.number().int().nullable(),
      list: z.union([z.string(), z.array(z.string())]).nullable(),
      doc: z.object({ a: z.string() }).nullable(),
      at: z.iso.datetime().nullable(), // a zod leaf beside a null
      either: z.union([z.string().refine((v) => v !== 'no'), z.number()]), // a leaf beside another leaf type: a union still
      tag: z.enum(['A', 'B']).nullable(), // enum reads every type: a union still
    });
    const json = z.toJSONSchema(schema, { io: 'output' }) as { properties: Record<string, Record<string, unknown>> };
    unionsAsTypes(json);
    expect(json.properties.s).toEqual({ type: ['string', 'null'], minLength: 2 });
    expect(json.properties.n.type).toEqual(['integer', 'null']);
    expect(json.properties.list).toEqual({ type: ['string', 'array', 'null'], items: { type: 'string' } });
    expect(json.properties.doc.type).toEqual(['object', 'null']);
    expect(json.properties.tag.anyOf).toBeDefined();
    const check = fastCheck(schema)!;
    const base = { s: 'ab', n: 1, list: 'x', doc: { a: 'x' }, at: '2024-01-02T03:04:05.006Z', either: 'x', tag: 'A' };
    const values: unknown[] = [null, 0, 1.5, 7, '', 'a', 'ab', 'no', 'A', '2024-01-02T03:04:05.006Z', '2024-01-02Tnot', true, [], ['x'], [1], {}, { a: 'x' }, { a: 1 }];
    for (const key of Object.keys(base)) {
      for (const v of values) {
        const body = { ...base, [key]: v };
        expect(check(structuredClone(body)), `${key}: ${JSON.stringify(v)}`).toBe(schema.safeParse(body).success);
      }
    }
    // the providers' bodies: every nullable value and union checked in one step (the pawaPass body has a dozen nulls)
    for (const s of [PawaPassNotificationSchema, UpPassWebhookSchema, argosWebhookSchema]) expect(String(fastCheck(s))).not.toContain('anyOf');
  });

  it('rules JSON Schema cannot state exactly leave the schema to zod, or hand the value to it', () => {
    expect(fastCheck(z.object({ a: z.string().trim() }))).toBeNull(); // rewrites the value
    expect(fastCheck(z.object({ a: z.string() }).strict())).toBeNull(); // Ajv would strip, zod refuses
    expect(fastCheck(z.object({ a: z.string().transform((s) => s.length) }))).toBeNull();
    expect(fastCheck(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]))).toBeNull();
    expect(fastCheck(z.object({ a: z.number() }).refine((o) => o.a > 1))).toBeNull();
    // a refined leaf: its type by Ajv, its rule by zod
    const odd = fastCheck(z.object({ n: z.number().refine((n) => n % 2 === 1) }))!;
    expect(odd).not.toBeNull();
    expect(odd({ n: 3 })).toBe(true);
    expect(odd({ n: 4 })).toBe(false);
    expect(odd({ n: '3' })).toBe(false);
    // lengths and patterns as JavaScript reads them (zod's): an emoji is two code units
    const short = fastCheck(z.object({ s: z.string().max(1) }))!;
    expect(short({ s: '😀' })).toBe(false);
    expect(z.object({ s: z.string().max(1) }).safeParse({ s: '😀' }).success).toBe(false);
    const one = fastCheck(z.object({ s: z.string().regex(/^.$/) }))!;
    expect(one({ s: '😀' })).toBe(z.object({ s: z.string().regex(/^.$/) }).safeParse({ s: '😀' }).success);
    // a regex with a flag JSON Schema's pattern would drop: zod's rule, flag included
    const bearer = fastCheck(z.object({ t: z.string().regex(/^bearer$/i) }))!;
    expect(bearer({ t: 'Bearer' })).toBe(true);
    expect(bearer({ t: 'basic' })).toBe(false);
  });
});
