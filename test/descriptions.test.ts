// Every type, field, argument, enum value and input field a frontend developer sees in the schema
// has a description (federation and introspection built-ins excepted).
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import { buildKycSchema } from '../src/schema/build.js';

const BUILT_IN = /^(_Service|_Any|_Entity|_FieldSet|FieldSet|link__|federation__)/;

/** Schema coordinates (Type, Type.field, Type.field(arg), Enum.VALUE) that have no description. */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const has = (d: string | null | undefined) => typeof d === 'string' && d.trim().length > 0;
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type) || BUILT_IN.test(type.name)) continue;
    if (!has(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue; // _service, _entities (federation)
        if (!has(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!has(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!has(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('schema descriptions', () => {
  it('every type, field, argument, enum value and input field of the served schema is described', async () => {
    // printed and rebuilt here: the served schema's graphql module is another realm (CJS) than the test's
    const served = buildSchema(printSubgraphSchema(await buildKycSchema()), { assumeValidSDL: true });
    expect(undescribed(served)).toEqual([]);
  });

  it('schema.graphql, what Studio and codegen read, is described just as fully', () => {
    expect(undescribed(buildSchema(readFileSync('schema.graphql', 'utf8'), { assumeValidSDL: true }))).toEqual([]);
  });

  it('the check finds a missing description on each kind of schema element', () => {
    const schema = buildSchema(`
      "d" type Query { "d" a(x: Int): E  b: Int }
      enum E { "d" ONE TWO }
      input I { "d" f: Int  g: Int }
      type Other { "d" q(i: I): Int }
    `);
    expect(undescribed(schema).sort()).toEqual(['E', 'I', 'I.g', 'Other', 'Other.q(i)', 'E.TWO', 'Query.a(x)', 'Query.b'].sort());
  });
});
