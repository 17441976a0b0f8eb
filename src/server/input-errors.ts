// Which input field an error of graphql-js's own input checks is about, so that every invalid
// input answers BAD_USER_INPUT with `extensions.field` (DESIGN.md), like our validators' errors:
// - variable coercion (execution/values.js, wrapped by Apollo as BAD_USER_INPUT):
//   `Variable "$input" got invalid value "X" at "input.requirements[0].type"; Value "X" does not exist…`,
//   `…; Field "successUrl" of required type "String!" was not provided.`,
//   `Variable "$input" of non-null type "X!" must not be null.`;
// - values written inline in the operation (ValuesOfCorrectTypeRule, GRAPHQL_VALIDATION_FAILED):
//   the error's node is the offending value; its path is found in the document.
import { type ArgumentNode, type DocumentNode, type GraphQLError, type GraphQLFormattedError, Kind, parse, type Source, type ValueNode, visit, BREAK } from 'graphql';

const NAME = '[_A-Za-z][_0-9A-Za-z]*';
/** graphql-js's reasons that name a field of an input object one level below the reported path. */
/** (The reason ends the message; anchored there, a quoted value cannot pose as one.) */
const MISSING_FIELD = /(?:^|; )Field "(?:[^"]*\.)?([_A-Za-z][_0-9A-Za-z]*)" of required type "[^"]*" was not provided\.$/;
const UNKNOWN_FIELD = /(?:^|; )Field "([_A-Za-z][_0-9A-Za-z]*)" is not defined by type "[^"]*"\.(?: Did you mean [^;]*)?$/;
const MISSING_ARGUMENT = /^Field "[^"]*" argument "([_A-Za-z][_0-9A-Za-z]*)" of type "[^"]*" is required, but it was not provided\.$/;

/** The last match of a global `re` (a path reported by graphql-js follows the printed value). */
const last = (re: RegExp, text: string) => [...text.matchAll(re)].at(-1)?.[1];

const childField = (path: string, message: string) => {
  const name = MISSING_FIELD.exec(message)?.[1] ?? UNKNOWN_FIELD.exec(message)?.[1];
  return name ? `${path}.${name}` : path;
};

/** The field of a variable coercion error (its node is the variable's definition), or null. */
function variableField(error: GraphQLError): string | null {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== Kind.VARIABLE_DEFINITION) return null;
  const name = node.variable.name.value;
  const prefix = `Variable "$${name}" `;
  if (!error.message.startsWith(prefix)) return null;
  if (!error.message.startsWith(`${prefix}got invalid value `)) return name; // not provided / must not be null
  // the reported path follows the value (the last match: a printed value cannot contain `at "` unescaped
  // inside a string, and a path is only names and indexes)
  const path = last(new RegExp(` at "(${name}(?:\\.${NAME}|\\[\\d+\\])*)"; `, 'g'), error.message) ?? name;
  return childField(path, error.message);
}

const documents = new WeakMap<Source, DocumentNode>();

/** The path of the value at `start` under an argument or variable default `root`, or null. */
function pathTo(value: ValueNode, path: string, start: number): string | null {
  if (value.loc?.start === start) return path;
  if (value.kind === Kind.OBJECT) {
    for (const f of value.fields) {
      const p = `${path}.${f.name.value}`;
      if (f.loc?.start === start) return p;
      const found = pathTo(f.value, p, start);
      if (found) return found;
    }
  } else if (value.kind === Kind.LIST) {
    for (const [i, v] of value.values.entries()) {
      const found = pathTo(v, `${path}[${i}]`, start);
      if (found) return found;
    }
  }
  return null;
}

/** The field of an invalid value written in the operation (argument or variable default), or null. */
function literalField(error: GraphQLError): string | null {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  const source = error.source ?? node?.loc?.source;
  if (!node?.loc || !source) return null;
  if (node.kind === Kind.FIELD) return MISSING_ARGUMENT.exec(error.message)?.[1] ?? null;
  const valueKinds: string[] = [Kind.OBJECT, Kind.LIST, Kind.ENUM, Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.NULL, Kind.OBJECT_FIELD];
  if (!valueKinds.includes(node.kind)) return null;
  let doc = documents.get(source);
  if (!doc) {
    try {
      doc = parse(source);
    } catch {
      return null;
    }
    documents.set(source, doc);
  }
  const start = node.loc.start;
  let path: string | null = null;
  const look = (value: ValueNode | undefined, root: string) => {
    path = value ? pathTo(value, root, start) : null;
    return path ? BREAK : undefined;
  };
  visit(doc, {
    Argument: (a: ArgumentNode) => look(a.value, a.name.value),
    VariableDefinition: (v) => look(v.defaultValue, v.variable.name.value),
  });
  return path === null ? null : childField(path, error.message);
}

/**
 * The input field a graphql-js input error names (`input.requirements[0].type`, `input.successUrl`,
 * a variable's name), or null when the error is not about an input value.
 */
export function inputErrorField(error: unknown): string | null {
  // by shape, not instanceof: Apollo's and our graphql may be different module instances
  const e = error as GraphQLError | null;
  if (typeof e?.message !== 'string' || !Array.isArray(e.nodes)) return null;
  return variableField(e) ?? literalField(e);
}

/** `error` as a client sees it over WebSocket: an input error gets BAD_USER_INPUT and its field. */
export function withInputField(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  const field = formatted.extensions?.field === undefined ? inputErrorField(error) : null;
  return field === null ? formatted : { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', field } };
}
