// `VerificationDetails`: the union of provider-specific extras. Each provider's schema module
// registers its member type; the value's `kind` names the member.
import { createUnionType } from 'type-graphql';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
const members: Function[] = [];

/** Called by a provider's schema module for its details type. */
export function registerDetailsType(type: Function) {
  if (!members.includes(type)) members.push(type);
}

/** The member type's name of a details value (synchronous: graphql-jit does not await a type resolver). */
export const detailsTypeName = (value: { kind?: string }) => value.kind;

export const VerificationDetails = createUnionType({
  name: 'VerificationDetails',
  description: 'Provider-specific extras of a verification; one member type per provider.',
  types: () => members as [Function, ...Function[]] as never,
  resolveType: detailsTypeName,
});
