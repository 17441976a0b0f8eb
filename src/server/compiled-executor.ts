// Queries over HTTP run as compiled functions (graphql-jit), plugged into Apollo Server through
// its gateway interface, the one way Apollo 5 takes another executor (issue 18, figure 1).
// graphql-jit turns a document into a function once; a cached document's next request skips
// graphql-js's per-request field collection, argument coercion and path bookkeeping.
//
// What stays on graphql-js's `execute`, with its exact behaviour:
// - mutations (side effects run as they always have) and anything that is not a query;
// - a document graphql-jit cannot compile;
// - a request whose variables do not coerce: no resolver has run then, so graphql-js runs it again
//   to answer with its own messages (Apollo's 400 rule and clients read them).
// Compiled functions are kept per parsed document (Apollo caches parsed documents, so a cached
// query reuses its function) and dropped with it.
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { type DocumentNode, execute, type ExecutionResult, type GraphQLSchema, isAbstractType } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Operations run by this process's compiled executors, by how (read by test/compiled-execution.test.ts). */
export const executions = { compiled: 0, graphqlJs: 0 };

/** One document's compiled operations, by operation name ('' for the only one); null: not compilable. */
type Compiled = Map<string, CompiledQuery | null>;

/**
 * graphql-jit takes a type resolver's answer as it is (a promise is no type name), so a union or
 * interface with an `async` resolveType (type-graphql's own) would fail every query selecting it.
 * Checked once, at startup (schema/build.ts gives kyc-graph's abstract types synchronous ones).
 */
export function assertSyncTypeResolvers(schema: GraphQLSchema): void {
  const async = Object.values(schema.getTypeMap())
    .filter((t) => isAbstractType(t) && t.resolveType?.constructor.name === 'AsyncFunction')
    .map((t) => t.name);
  if (async.length) throw new Error(`compiled execution needs synchronous type resolvers; async: ${async.join(', ')}`);
}

export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  assertSyncTypeResolvers(schema);
  const byDocument = new WeakMap<DocumentNode, Compiled>();
  const compiled = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let ops = byDocument.get(document);
    if (!ops) byDocument.set(document, (ops = new Map()));
    const key = operationName ?? '';
    let query = ops.get(key);
    if (query === undefined) {
      const result = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      query = isCompiledQuery(result) ? result : null;
      ops.set(key, query);
    }
    return query;
  };
  return async (rc) => {
    const { document, operation, operationName, context, request } = rc;
    const slow = () => {
      executions.graphqlJs++;
      return execute({ schema, document, contextValue: context, variableValues: request.variables, operationName: request.operationName }) as Promise<ExecutionResult>;
    };
    if (operation.operation !== 'query') return slow();
    const query = compiled(document, operationName);
    if (!query) return slow();
    const result = await query.query(undefined, context, request.variables ?? {});
    // variables that did not coerce: nothing ran; graphql-js's answer is the contract
    if (result.data === undefined && result.errors?.length) return slow();
    executions.compiled++;
    return result as ExecutionResult;
  };
}

/** The gateway Apollo is given instead of a schema: the schema itself, and the executor above. */
export function compiledGateway(schema: GraphQLSchema): GatewayInterface {
  return {
    async load() {
      return { executor: compiledExecutor(schema) };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    async stop() {},
  };
}
