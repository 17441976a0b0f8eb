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
import { createSourceEventStream, type DocumentNode, execute, type ExecutionArgs, type ExecutionResult, type GraphQLSchema, isAbstractType, subscribe } from 'graphql';
import { mapAsyncIterator } from 'graphql/execution/mapAsyncIterator.js';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

/** Operations run by this process's compiled executors, by how (read by test/compiled-execution.test.ts). */
export const executions = { compiled: 0, graphqlJs: 0, compiledEvents: 0 };

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

/** A document's compiled operation, compiled once per parsed document and operation name (null: not compilable). */
function compiler(schema: GraphQLSchema): (document: DocumentNode, operationName: string | null) => CompiledQuery | null {
  assertSyncTypeResolvers(schema);
  const byDocument = new WeakMap<DocumentNode, Compiled>();
  return (document, operationName) => {
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
}

export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const compiled = compiler(schema);
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

/**
 * graphql-ws's `subscribe` with each event run by the operation's compiled function. The
 * subscription itself starts on graphql-js (`createSourceEventStream`: the field's arguments and
 * its errors exactly as before; graphql-jit's own `subscribe` would hand the resolver the
 * operation's variables instead of the field's arguments). A document that does not compile
 * runs on graphql-js throughout. graphql-ws parses every subscription's document anew, so the
 * compiled function is kept per query text (the last MAX_SHARED_DOCUMENTS texts up to
 * MAX_SHARED_LENGTH characters; a longer one is compiled for its own subscription).
 */
export function compiledSubscribe(schema: GraphQLSchema): (args: ExecutionArgs) => Promise<AsyncIterable<ExecutionResult> | ExecutionResult> {
  const compiled = compiler(schema);
  const byText = new Map<string, DocumentNode>();
  const shared = (document: DocumentNode): DocumentNode => {
    const text = document.loc?.source.body;
    if (text === undefined || text.length > MAX_SHARED_LENGTH) return document;
    const known = byText.get(text);
    if (known) return known;
    if (byText.size >= MAX_SHARED_DOCUMENTS) byText.clear();
    byText.set(text, document);
    return document;
  };
  return async (args) => {
    const query = compiled(shared(args.document), args.operationName ?? null);
    if (!query) return subscribe(args);
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source as ExecutionResult;
    const variables = args.variableValues ?? {};
    return mapAsyncIterator(source as AsyncGenerator<unknown, unknown, unknown>, (event) => {
      executions.compiledEvents++;
      return query.query(event, args.contextValue, variables) as ExecutionResult | Promise<ExecutionResult>;
    });
  };
}

/** Subscription query texts whose compiled function is kept, and the longest kept. */
const MAX_SHARED_DOCUMENTS = 1000;
const MAX_SHARED_LENGTH = 16 * 1024;

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
