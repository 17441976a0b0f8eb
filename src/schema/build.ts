// Builds the executable schema: type-graphql classes → SDL with directives → an Apollo
// Federation 2 subgraph schema (so `_service` and `_entities` work), resolvers kept.
import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { getMetadataStorage } from 'class-validator';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage as typeGraphqlMetadata } from 'type-graphql';
import { providerResolvers } from '../providers/index.js';
import type { RequestContext } from './context.js';
import { requireScope, scopeChecker } from './auth.js';
import { ProvidersResolver } from './providers.js';
import { KycSubjectResolver } from './subject.js';
import { validateInput } from './validation.js';
import { describeRootTypes } from './root-descriptions.js';
import { IdentityDocumentResolver, readVerification, toEvent, VerificationConnectionResolver, VerificationResolver, VerificationUpdatedArgs } from './verification.js';
import { CheckResolver, checkTypeName, CheckUpdatedArgs, KycSubjectChecksResolver, toCheckEvent } from './check.js';
import { detailsTypeName } from './details.js';
import { ErasureResolver } from './erasure.js';
import { IngestionConnectionResolver, IngestionResolver, IngestionUpdatedArgs, KycSubjectIngestionsResolver, toIngestionEvent } from './ingestion.js';
import { RoutingResolver } from './routing.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

let cached: Promise<GraphQLSchema> | null = null;

/** The schema is the same for every server instance in a process; build it once. */
export function buildKycSchema(): Promise<GraphQLSchema> {
  cached ??= build();
  return cached;
}

async function build(): Promise<GraphQLSchema> {
  simpleFieldResolvers(typeGraphqlMetadata());
  const codeFirst = await buildSchema({
    resolvers: [VerificationResolver, IdentityDocumentResolver, VerificationConnectionResolver, IngestionConnectionResolver, KycSubjectResolver, ProvidersResolver, ...providerResolvers, CheckResolver, KycSubjectChecksResolver, IngestionResolver, KycSubjectIngestionsResolver, ErasureResolver, RoutingResolver],
    validateFn: validateInput,
    authChecker: scopeChecker,
    authMode: 'error',
    // type-graphql insists on a pubSub; ours is the event bus, wired through each
    // @Subscription's own `subscribe`, so this one must never be reached
    pubSub: {
      publish: () => {
        throw new Error('use the event bus');
      },
      subscribe: () => {
        throw new Error('use the event bus');
      },
    },
  });
  const typeDefs = describeRootTypes(parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(codeFirst)}`));
  const resolvers = createResolversMap(codeFirst) as Record<string, Record<string, unknown>>;
  resolvers.Subscription = perEventResolvers(resolvers.Subscription as Record<string, { subscribe: unknown }>);
  // the hot read (issue 18): its one argument is an ID with no rules, so it skips type-graphql's
  // per-call argument handling and middleware chain (the resolver method does the same)
  resolvers.Query.verification = (_root: unknown, args: { id: string }, ctx: RequestContext) => readVerification(ctx, args.id);
  // type-graphql wraps a type resolver in an async function; graphql-jit (server/compiled-executor.ts)
  // takes a type resolver's answer as it is, so the abstract types answer synchronously
  resolvers.VerificationDetails = { __resolveType: detailsTypeName };
  resolvers.Check = { ...resolvers.Check, __resolveType: checkTypeName };
  resolvers.Verification = {
    ...resolvers.Verification,
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => {
      requireScope(ctx.principal, 'verifications:read');
      // a copy: @apollo/subgraph writes __typename onto what this returns, and stored records are frozen
      return copy(ctx.loaders.verification.load(ref.id));
    },
  };
  resolvers.Ingestion = {
    ...resolvers.Ingestion,
    __resolveReference: (ref: { id: string }, ctx: RequestContext) => {
      requireScope(ctx.principal, 'ingestions:read');
      return copy(ctx.loaders.ingestion.load(ref.id));
    },
  };
  resolvers.KycSubject = {
    ...resolvers.KycSubject,
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
  };
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as never });
}

type TypeMetadata = ReturnType<typeof typeGraphqlMetadata>;

/**
 * Object fields read straight off their object get GraphQL's default resolver (type-graphql's
 * `simple` fields): type-graphql otherwise wraps each field in its middleware chain, and a
 * compiled query (graphql-jit) then calls that wrapper with a resolve info built for it, per field
 * per answer, instead of reading a property (issue 18: a subscription event's ~10 fields, a
 * `verification(id)`'s 25). Left to type-graphql: a field whose GraphQL name is not its property's
 * (its wrapper reads the property), one that chose, a @FieldResolver (type-graphql prefers it),
 * and every field of a class with an @Authorized or middleware field or class middleware, or of a
 * subclass of one, so no check is skipped. buildSchema gets no global middleware.
 */
export function simpleFieldResolvers(storage: Pick<TypeMetadata, 'fields' | 'authorizedFields' | 'middlewares' | 'resolverMiddlewares'>): void {
  const guarded = [...storage.authorizedFields, ...storage.middlewares, ...storage.resolverMiddlewares].map((m) => m.target);
  const isGuarded = (target: Function) => guarded.some((g) => target === g || target.prototype instanceof g);
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName || isGuarded(field.target)) continue;
    field.simple = true;
  }
}

/**
 * Per event, a subscription field only maps the bus event to its payload type. type-graphql's
 * own resolver would also build and validate an instance of the field's arguments for every event
 * (they were already parsed, validated and limited when the operation subscribed); these map
 * directly. Arguments with validation rules would be skipped per event, so their classes must
 * have none: checked here, at startup.
 */
const SUBSCRIPTIONS: Record<string, { args: Function; resolve: (event: never) => unknown }> = {
  verificationUpdated: { args: VerificationUpdatedArgs, resolve: toEvent },
  checkUpdated: { args: CheckUpdatedArgs, resolve: toCheckEvent },
  ingestionUpdated: { args: IngestionUpdatedArgs, resolve: toIngestionEvent },
};

export function perEventResolvers(fields: Record<string, { subscribe: unknown }>, subscriptions = SUBSCRIPTIONS) {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => {
      const known = subscriptions[name];
      if (!known) throw new Error(`subscription ${name} has no per-event resolver in schema/build.ts`);
      if (getMetadataStorage().getTargetValidationMetadatas(known.args, '', true, false).length) {
        throw new Error(`${known.args.name} has validation rules; check them in its subscribe function, then remove this guard`);
      }
      return [name, { subscribe: field.subscribe, resolve: known.resolve }];
    }),
  );
}

const copy = async <T extends object>(value: Promise<T | null>): Promise<T | null> => {
  const v = await value;
  return v && { ...v };
};
