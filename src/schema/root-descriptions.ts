// Descriptions of the root operation types. type-graphql has no place to declare them, so they
// are added to the SDL before the subgraph schema is built.
import { type DocumentNode, Kind, visit } from 'graphql';

export const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: 'Reads. Every read is scoped to your API key (tenant); ids of other tenants read as null.',
  Mutation:
    'Writes: one start mutation per provider operation. Pass `idempotencyKey` to make a retry return the first result instead of creating (and paying for) a second provider session.',
  Subscription:
    'Live changes over WebSocket (`ws://HOST:PORT/graphql`, graphql-transport-ws protocol). Pass the last `cursor` you saw as `after` to resume with nothing lost.',
};

export function describeRootTypes(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    ObjectTypeDefinition(node) {
      const text = ROOT_DESCRIPTIONS[node.name.value];
      if (!text || node.description) return undefined;
      return { ...node, description: { kind: Kind.STRING, value: text, block: true } };
    },
  });
}
