// Scalars from graphql-scalars: DateTime (ISO 8601, UTC) and JSON (free-form provider objects).
// A DateTime input outside the plausible range (input-bounds.ts) is refused when it is coerced,
// so no input of any operation can carry a date like 0001-01-01 to a provider.
import { GraphQLError, type GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import { isCanonicalIso } from '../domain/iso-time.js';
import { DATE_TIME_MAX, DATE_TIME_MIN, dateTimeBoundsProblem } from './input-bounds.js';

export { JSONResolver as JSON };

const bounded = (value: Date, node?: ValueNode): Date => {
  const problem = dateTimeBoundsProblem(value);
  // the node of an inline value lets the error name its field (server/input-errors.ts)
  if (problem) throw new GraphQLError(problem, { nodes: node });
  return value;
};

// built with graphql-scalars' own GraphQLScalarType class (one graphql realm for type-graphql's instanceof)
const ScalarType = DateTimeResolver.constructor as typeof GraphQLScalarType;
const config = DateTimeResolver.toConfig();
export const DateTime = new ScalarType({
  ...config,
  description: `${config.description} An input must be from ${DATE_TIME_MIN} up to (not including) ${DATE_TIME_MAX}.`,
  // What we store is already in toISOString's form: answered as it is. graphql-scalars would check
  // it, make a Date and let JSON.stringify call toISOString again for the same string (~4 µs a value).
  serialize: (value: unknown) => (typeof value === 'string' && isCanonicalIso(value) ? value : config.serialize!(value)),
  parseValue: (value: unknown) => bounded(config.parseValue!(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => bounded(config.parseLiteral!(ast, variables) as Date, ast),
});
