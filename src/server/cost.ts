// Page sizes and query cost, read with the operation's variables, so `first: 100` written inline
// and `first: $n` with n = 100 are the same request to every limit. Runs after GraphQL validation
// (depth, aliases, directives) and before execution: first the page sizes (BAD_USER_INPUT naming
// the argument), then the cost (GRAPHQL_VALIDATION_FAILED, "Query cost limit …").
//
// Cost model: a scalar or enum field costs 1, a field with a selection 2 plus its selection; the
// items of a connection (`edges`, `nodes`) count once per page item (`first`/`last` as given,
// else the argument's default); `_entities` counts its selection once per representation.
// Introspection (`__schema`, `__type`) costs nothing.
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { getArgumentValues } from 'graphql/execution/values.js';
import { badUserInput } from '../errors.js';
import { PAGE_MAX } from '../store/contract.js';

const PAGED_ITEMS = new Set(['edges', 'nodes']);

/** `_entities` takes at most this many representations per request (in any fragment, inline or as a variable). */
const MAX_ENTITY_REPRESENTATIONS = 100;

export interface OperationCheck {
  /** Page-size and `_entities` size errors, one per argument (BAD_USER_INPUT, `extensions.field` = the argument). */
  pageErrors: GraphQLError[];
  /** The cost error, when the operation costs more than `maxCost`. */
  costError: GraphQLError | null;
  cost: number;
}

/** The arguments the limits read; other arguments are never coerced here. */
const LIMIT_ARGS = new Set(['first', 'last', 'representations']);

/**
 * Checks that passed and read no variable, per document (Apollo hands the same DocumentNode for
 * the same query text: its document cache) and operation name and limit: the same answer again.
 */
const passed = new WeakMap<DocumentNode, Map<string, OperationCheck>>();

export function checkOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
): OperationCheck {
  const key = `${maxCost} ${operationName ?? ''}`;
  const known = passed.get(document)?.get(key);
  if (known) return known;
  let readVariables = false;
  const result = check(schema, document, operationName, variables, maxCost, () => (readVariables = true));
  if (!readVariables && result.pageErrors.length === 0 && !result.costError) {
    let byKey = passed.get(document);
    if (!byKey) passed.set(document, (byKey = new Map()));
    byKey.set(key, result);
  }
  return result;
}

const hasVariable = (v: ValueNode): boolean =>
  v.kind === Kind.VARIABLE || (v.kind === Kind.LIST && v.values.some(hasVariable)) || (v.kind === Kind.OBJECT && v.fields.some((f) => hasVariable(f.value)));

function check(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  maxCost: number,
  readsVariables: () => void,
): OperationCheck {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (operationName ? def.name?.value === operationName : !operation)) operation = def;
  }
  const pageErrors: GraphQLError[] = [];
  if (!operation) return { pageErrors, costError: null, cost: 0 };
  const vars = variables ?? {};

  const args = (def: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> => {
    if (node.arguments?.some((a) => hasVariable(a.value))) readsVariables();
    try {
      return getArgumentValues(def, node, vars);
    } catch {
      return {}; // an invalid value: execution reports it
    }
  };

  const cost = (set: SelectionSetNode, parent: GraphQLCompositeType, multiplier: number, seen: Set<string>): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += cost(sel.selectionSet, isCompositeType(on) ? on : parent, multiplier, seen);
        continue;
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value);
        if (!frag || seen.has(frag.name.value)) continue;
        const on = schema.getType(frag.typeCondition.name.value);
        total += cost(frag.selectionSet, isCompositeType(on) ? on : parent, multiplier, new Set([...seen, frag.name.value]));
        continue;
      }
      const name = sel.name.value;
      if (name === '__schema' || name === '__type') continue;
      const def = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      const times = PAGED_ITEMS.has(name) ? multiplier : 1;
      if (!def || !sel.selectionSet) {
        total += times;
        continue;
      }
      const values = def.args.some((a) => LIMIT_ARGS.has(a.name)) ? args(def, sel) : {};
      let inner = 1;
      for (const arg of ['first', 'last'] as const) {
        const n = values[arg];
        if (typeof n !== 'number' || !def.args.some((a) => a.name === arg)) continue;
        if (n > PAGE_MAX) pageErrors.push(badUserInput(arg, `must not be greater than ${PAGE_MAX}`));
        else if (n < 1) pageErrors.push(badUserInput(arg, 'must not be less than 1'));
        else inner = Math.max(inner, n);
      }
      const reps = name === '_entities' && Array.isArray(values.representations) ? values.representations.length : 1;
      if (reps > MAX_ENTITY_REPRESENTATIONS) pageErrors.push(badUserInput('representations', `at most ${MAX_ENTITY_REPRESENTATIONS} representations per request`));
      const type = getNamedType(def.type);
      const childType = isCompositeType(type) ? type : parent;
      total += times * (2 + reps * cost(sel.selectionSet, childType, inner, seen));
    }
    return total;
  };

  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const total = root ? cost(operation.selectionSet, root, 1, new Set()) : 0;
  const costError =
    total > maxCost
      ? new GraphQLError(`Query cost limit of ${maxCost} exceeded, found ${total}.`, {
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: total, maxCost },
        })
      : null;
  return { pageErrors, costError, cost: Math.round(total) };
}
