// A compiled fast path for the zod schemas webhook bodies are parsed with (parse.ts). zod stays
// the definition and the judge; what it accepts is decided by it alone. For a schema whose every
// rule JSON Schema states exactly, Ajv compiles the same rules (from zod's own JSON Schema) into
// one function that checks the freshly parsed body in place and drops the keys zod would strip:
// when it accepts, the body is what zod would have answered, without zod's per-field copies.
// When it refuses, zod parses the untouched bytes again and answers (so every message and path is
// zod's). Measured on the webhook path: zod's parse was ~140 µs of ~590 µs per webhook
// (docs/perf/webhook-path.md).
//
// The fast path exists only when accepting is never looser than zod:
// - types and wrappers `fastTypes` does not list (transforms, defaults, pipes, …) and checks on
//   anything but a leaf leave the schema to zod alone; a leaf's check JSON Schema cannot state
//   exactly (a refinement, a format) is zod's, on that value (`zodLeaf`);
// - string lengths and patterns are read as JavaScript reads them (UTF-16 code units, a RegExp
//   without the `u` flag), as zod does;
// - a union's options must be of different JSON types, so only one of them ever reads the value
//   (Ajv's key removal inside an option that then fails could otherwise change what another
//   option accepts);
// - anything Ajv cannot compile leaves the schema to zod.
// test/fast-check.test.ts compares both answers on every provider's documented webhook bodies
// and thousands of mutations of them.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { z } from 'zod/v4';

type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';
const ANY: ReadonlySet<JsonType> = new Set(['string', 'number', 'boolean', 'null', 'array', 'object']);

/** zod checks JSON Schema states exactly (Ajv: minLength, maxLength, pattern, minimum, …). */
const FAST_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'greater_than', 'less_than', 'multiple_of']);
const NUMBER_FORMATS = new Set(['safeint', 'int32', 'uint32', 'float32', 'float64']);

interface ZodNode {
  _zod: { def: Record<string, unknown> & { type: string; checks?: { _zod: { def: Record<string, unknown> & { check: string } } }[] } };
}

/** True when JSON Schema states every check of `node` exactly. */
function checksAreFast(node: ZodNode): boolean {
  for (const c of node._zod.def.checks ?? []) {
    const d = c._zod.def;
    if (FAST_CHECKS.has(d.check)) continue;
    if (d.check === 'number_format' && NUMBER_FORMATS.has(d.format as string)) continue;
    // a regex without flags: JSON Schema's pattern (/i or /m would be dropped); with flags, a zod leaf
    if (d.check === 'string_format' && d.format === 'regex' && (d.pattern as RegExp).flags === '') continue;
    return false;
  }
  return true;
}

/**
 * A string, number or boolean with a check JSON Schema cannot state (a refinement, a date-time
 * format): Ajv checks its type and then asks zod about that one value (the `zodLeaf` keyword).
 * Not one that rewrites the value (trim, toLowerCase: zod's answer would differ from the body).
 */
const isZodLeaf = (node: ZodNode) => !checksAreFast(node) && zodCanJudgeLeaf(node);

/** A string, number or boolean whose checks do not rewrite it: zod can judge it alone. */
const zodCanJudgeLeaf = (node: ZodNode) =>
  ['string', 'number', 'boolean'].includes(node._zod.def.type) && (node._zod.def.checks ?? []).every((c) => c._zod.def.check !== 'overwrite');

/** The JSON types a value `node` accepts may have, or null when the node is not fast (see above). */
function fastTypes(node: ZodNode): ReadonlySet<JsonType> | null {
  const def = node._zod.def;
  if (!checksAreFast(node) && !zodCanJudgeLeaf(node)) return null; // (not fast, and not a zod leaf)
  const all = (nodes: ZodNode[]) => nodes.every((n) => fastTypes(n) !== null);
  switch (def.type) {
    case 'string':
      return new Set(['string']);
    case 'number':
      return new Set(['number']);
    case 'boolean':
      return new Set(['boolean']);
    case 'null':
      return new Set(['null']);
    case 'unknown':
    case 'any':
      return ANY;
    case 'literal':
    case 'enum': {
      const values = def.type === 'literal' ? (def.values as unknown[]) : Object.values(def.entries as object);
      const types = new Set<JsonType>();
      for (const v of values) {
        if (typeof v === 'string' || typeof v === 'boolean') types.add(typeof v as JsonType);
        else if (typeof v === 'number' && Number.isFinite(v)) types.add('number');
        else if (v === null) types.add('null');
        else return null; // undefined, bigint, …: not a JSON value
      }
      return types;
    }
    case 'array':
      return fastTypes(def.element as ZodNode) ? new Set(['array']) : null;
    case 'object': {
      const catchall = def.catchall as ZodNode | undefined;
      // strip (none) or passthrough (unknown); not strict (never): Ajv would remove the extra
      // keys that zod refuses
      if (catchall && !['unknown', 'any'].includes(catchall._zod.def.type)) return null;
      return all(Object.values(def.shape as Record<string, ZodNode>)) ? new Set(['object']) : null;
    }
    case 'record':
      return (def.keyType as ZodNode)._zod.def.type === 'string' && checksAreFast(def.keyType as ZodNode) && fastTypes(def.valueType as ZodNode)
        ? new Set(['object'])
        : null;
    case 'optional':
      return fastTypes(def.innerType as ZodNode);
    case 'nullable': {
      const inner = fastTypes(def.innerType as ZodNode);
      return inner && new Set([...inner, 'null']);
    }
    case 'union': {
      const types = new Set<JsonType>();
      for (const option of def.options as ZodNode[]) {
        const t = fastTypes(option);
        if (!t) return null;
        for (const x of t) {
          if (types.has(x)) return null; // two options could read the same value
          types.add(x);
        }
      }
      return types;
    }
    default:
      return null;
  }
}

/** The leaves (isZodLeaf) a compiled check hands to zod, by `zodLeaf` index. */
const leaves: z.ZodType[] = [];
const ajv = new Ajv2020({
  removeAdditional: true,
  allErrors: false,
  strict: false,
  validateFormats: false,
  coerceTypes: false,
  useDefaults: false,
  // as zod: `.length` (an emoji is 2) and a pattern as a plain RegExp (Ajv's defaults count code
  // points and add the `u` flag, and either could accept what zod refuses)
  unicode: false,
  unicodeRegExp: false,
  // Ajv would print "DEPRECATED: option unicode" to stderr at startup (the option still works:
  // test/fast-check.test.ts); kyc-graph's output is its own logger's
  logger: false,
});
// a zod leaf is a string, number or boolean: a value of another type (a null beside it in a type
// list, `unionsAsTypes`) is not asked about
ajv.addKeyword({ keyword: 'zodLeaf', type: ['string', 'number', 'boolean'], schemaType: 'number', errors: false, validate: (index: number, value: unknown) => leaves[index].safeParse(value).success });
const compiled = new WeakMap<object, ValidateFunction | null>();
/** Schemas compiled by this process (read by test/fast-check.test.ts). */
export const compilations = { count: 0 };

/** Keywords that apply to values of one JSON type only (a value of another type passes them: JSON Schema 2020-12). */
const ONE_TYPE_KEYWORDS = new Set([
  'properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties',
  'items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems',
  'minLength', 'maxLength', 'pattern',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf',
]);
/** The JSON types a zod leaf (and so its keyword) reads. */
const LEAF_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean']);
/** Keywords that only annotate (Ajv does not check them). */
const ANNOTATIONS = new Set(['title', 'description', '$comment', 'examples']);

type JsonSchemaNode = Record<string, unknown>;

/** The options of `schema`'s `anyOf`, an option that is itself only an `anyOf` replaced by its own options. */
function flatOptions(schema: JsonSchemaNode): JsonSchemaNode[] | null {
  if (!Array.isArray(schema.anyOf)) return null;
  const out: JsonSchemaNode[] = [];
  for (const option of schema.anyOf as JsonSchemaNode[]) {
    const inner = Object.keys(option).length === 1 ? flatOptions(option) : null;
    if (inner) out.push(...inner);
    else out.push(option);
  }
  return out;
}

/**
 * A union of options of different JSON types, each with one `type` and only keywords of that
 * type (zod's `.nullable()`, `z.union([z.string(), z.array(…)])`), as one schema with the list of
 * types and every option's keywords: the same values accepted, by one check instead of trying each
 * option in turn (Ajv builds an error object for every option that fails, then drops it: ~4 KB of
 * garbage per pawaPass webhook, whose body has a dozen nulls; issue 18). In place, at every depth.
 */
export function unionsAsTypes(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(unionsAsTypes);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as JsonSchemaNode;
  for (const value of Object.values(schema)) unionsAsTypes(value);
  const options = flatOptions(schema);
  if (!options || Object.keys(schema).some((k) => k !== 'anyOf' && !ANNOTATIONS.has(k))) return;
  const merged: JsonSchemaNode = {};
  const types: string[] = [];
  // integer and number are one family: a number schema's keywords would also read an integer
  const family = (t: string) => (t === 'integer' ? 'number' : t);
  // a zod leaf's keyword reads every string, number and boolean: beside nulls, arrays, objects only
  const leaves = options.filter((o) => 'zodLeaf' in o);
  if (leaves.length > 1 || (leaves.length === 1 && options.some((o) => o !== leaves[0] && [o.type].flat().some((t) => LEAF_TYPES.has(t as string))))) return;
  for (const option of options) {
    // one type, or a list of them (an option merged the same way before: depth first)
    const own = Array.isArray(option.type) ? (option.type as unknown[]) : [option.type];
    for (const type of own) {
      if (typeof type !== 'string' || types.some((t) => family(t) === family(type))) return;
      types.push(type);
    }
    for (const [k, v] of Object.entries(option)) {
      if (k === 'type' || ANNOTATIONS.has(k)) continue;
      if ((!ONE_TYPE_KEYWORDS.has(k) && k !== 'zodLeaf') || k in merged) return;
      merged[k] = v;
    }
  }
  delete schema.anyOf;
  Object.assign(schema, merged, { type: types });
}

/** zod's JSON Schema of `schema`, each zod leaf marked with its `zodLeaf` index, unions of types as type lists. */
function jsonSchemaOf(schema: z.ZodType) {
  const json = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'throw',
    override: ({ zodSchema, jsonSchema }) => {
      const leaf = zodSchema as unknown as z.ZodType;
      if (!isZodLeaf(leaf as unknown as ZodNode)) return;
      let index = leaves.indexOf(leaf);
      if (index < 0) index = leaves.push(leaf) - 1;
      // its type for Ajv, every rule for zod (a pattern without its flags would be another rule)
      const schema = jsonSchema as Record<string, unknown>;
      for (const key of Object.keys(schema)) if (key !== 'type') delete schema[key];
      schema.zodLeaf = index;
    },
  });
  unionsAsTypes(json);
  return json;
}

/** Webhook body schemas, compiled ahead of their first webhook by `compileAhead`. */
const ahead = new Set<z.ZodType>();

/**
 * Names `schema` as a webhook body schema (at module load): `compileAhead` compiles it before a
 * webhook needs it. Compiling takes 40–100 ms a schema (Ajv generates the code), which the first
 * webhook of each provider would otherwise wait for. Returns the schema.
 */
export function webhookBodySchema<S extends z.ZodType>(schema: S): S {
  ahead.add(schema);
  return schema;
}

/**
 * Compiles every webhook body schema named so far, one per turn of the event loop (a request
 * waits for one schema at most), in the background once the server listens. A webhook that comes
 * first compiles its own, as before.
 */
export function compileAhead(): Promise<void> {
  const pending = [...ahead].filter((s) => !compiled.has(s));
  return pending.reduce<Promise<void>>((prev, schema) => prev.then(() => new Promise((resolve) => setImmediate(() => resolve(void fastCheck(schema))))), Promise.resolve());
}

/**
 * The compiled check of `schema` (null: zod alone). Called with a value only this caller holds:
 * it may remove keys zod strips, also when it then answers false.
 */
export function fastCheck(schema: z.ZodType): ValidateFunction | null {
  let fn = compiled.get(schema);
  if (fn === undefined) {
    fn = null;
    if (fastTypes(schema as unknown as ZodNode)) {
      compilations.count++;
      try {
        fn = ajv.compile(jsonSchemaOf(schema));
      } catch {
        fn = null;
      }
    }
    compiled.set(schema, fn);
  }
  return fn;
}
