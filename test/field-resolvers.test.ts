// Object fields read straight off their object take GraphQL's default resolver (schema/build.ts
// `simpleFieldResolvers`): a compiled query then reads the property instead of calling
// type-graphql's middleware chain with a resolve info built for it, per field per answer. A
// @FieldResolver keeps its resolver; a type with an @Authorized or middleware field keeps the chain.
import 'reflect-metadata';
import { type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildKycSchema, simpleFieldResolvers } from '../src/schema/build.js';

describe('object field resolvers', () => {
  it('plain fields have none (the default resolver); @FieldResolver fields keep theirs', async () => {
    const schema = await buildKycSchema();
    const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
    for (const [type, name] of [
      ['VerificationEvent', 'cursor'],
      ['VerificationEvent', 'verification'],
      ['Verification', 'status'],
      ['Verification', 'providerStatus'],
      ['IdentityDocument', 'updatedAt'],
      ['ArgosDetails', 'reviewer'],
      ['VerificationConnection', 'nodes'],
    ]) {
      expect(field(type, name).resolve, `${type}.${name}`).toBeUndefined();
    }
    for (const [type, name] of [
      ['Verification', 'country'],
      ['IdentityDocument', 'type'],
      ['VerificationConnection', 'totalCount'],
      ['ArgosReviewOcrData', 'acceptedOcrName'], // reads accepted_ocr_name
    ]) {
      expect(field(type, name).resolve, `${type}.${name}`).toBeTypeOf('function');
    }
  });

  it('leave to type-graphql a field named apart from its property, one that chose, and every field of a class with an authorized or middleware field, or a subclass of one', () => {
    class Open {}
    class Authorized {}
    class Guarded {}
    class Wrapped {}
    class Sub extends Authorized {}
    const fields = [
      { target: Open, name: 'plain', schemaName: 'plain' },
      { target: Open, name: 'accepted_ocr_name', schemaName: 'acceptedOcrName' },
      { target: Open, name: 'chose', schemaName: 'chose', simple: false },
      { target: Authorized, name: 'plain', schemaName: 'plain' },
      { target: Guarded, name: 'plain', schemaName: 'plain' },
      { target: Wrapped, name: 'plain', schemaName: 'plain' },
      { target: Sub, name: 'plain', schemaName: 'plain' },
    ] as { target: Function; name: string; schemaName: string; simple?: boolean }[];
    simpleFieldResolvers({
      fields,
      authorizedFields: [{ target: Authorized, fieldName: 'secret', roles: ['x'] }],
      middlewares: [{ target: Guarded, fieldName: 'logged', middlewares: [] }],
      resolverMiddlewares: [{ target: Wrapped, middlewares: [] }],
    } as never);
    expect(fields.map((f) => f.simple)).toEqual([true, undefined, false, undefined, undefined, undefined, undefined]);
  });
});
