/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Verification($id: ID!) {\n  verification(id: $id) {\n    id\n    provider\n    status\n    providerStatus\n    reviewReason\n    identityDocument {\n      type\n      providerType\n      country\n      firstName\n      lastName\n      dateOfBirth\n      expiryAt\n    }\n    faceScan {\n      ageEstimation\n    }\n    history {\n      status\n      providerStatus\n      at\n    }\n    createdAt\n    updatedAt\n  }\n}": typeof types.VerificationDocument,
    "query MyVerifications($subjectId: String, $first: Int, $after: String, $last: Int, $before: String) {\n  verifications(\n    filter: {subjectId: $subjectId}\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        providerStatus\n        url\n        country\n        createdAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": typeof types.MyVerificationsDocument,
    "mutation StartPawaPassVerification($input: StartPawaPassVerificationInput!) {\n  startPawaPassVerification(input: $input) {\n    id\n    provider\n    providerRef\n    subjectId\n    status\n    providerStatus\n    url\n    expiresAt\n  }\n}": typeof types.StartPawaPassVerificationDocument,
    "subscription OnVerificationUpdated($subjectId: String, $id: ID) {\n  verificationUpdated(subjectId: $subjectId, id: $id) {\n    cursor\n    at\n    previousStatus\n    verification {\n      id\n      provider\n      status\n      providerStatus\n      reviewReason\n    }\n  }\n}": typeof types.OnVerificationUpdatedDocument,
};
const documents: Documents = {
    "query Verification($id: ID!) {\n  verification(id: $id) {\n    id\n    provider\n    status\n    providerStatus\n    reviewReason\n    identityDocument {\n      type\n      providerType\n      country\n      firstName\n      lastName\n      dateOfBirth\n      expiryAt\n    }\n    faceScan {\n      ageEstimation\n    }\n    history {\n      status\n      providerStatus\n      at\n    }\n    createdAt\n    updatedAt\n  }\n}": types.VerificationDocument,
    "query MyVerifications($subjectId: String, $first: Int, $after: String, $last: Int, $before: String) {\n  verifications(\n    filter: {subjectId: $subjectId}\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        providerStatus\n        url\n        country\n        createdAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}": types.MyVerificationsDocument,
    "mutation StartPawaPassVerification($input: StartPawaPassVerificationInput!) {\n  startPawaPassVerification(input: $input) {\n    id\n    provider\n    providerRef\n    subjectId\n    status\n    providerStatus\n    url\n    expiresAt\n  }\n}": types.StartPawaPassVerificationDocument,
    "subscription OnVerificationUpdated($subjectId: String, $id: ID) {\n  verificationUpdated(subjectId: $subjectId, id: $id) {\n    cursor\n    at\n    previousStatus\n    verification {\n      id\n      provider\n      status\n      providerStatus\n      reviewReason\n    }\n  }\n}": types.OnVerificationUpdatedDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Verification($id: ID!) {\n  verification(id: $id) {\n    id\n    provider\n    status\n    providerStatus\n    reviewReason\n    identityDocument {\n      type\n      providerType\n      country\n      firstName\n      lastName\n      dateOfBirth\n      expiryAt\n    }\n    faceScan {\n      ageEstimation\n    }\n    history {\n      status\n      providerStatus\n      at\n    }\n    createdAt\n    updatedAt\n  }\n}"): (typeof documents)["query Verification($id: ID!) {\n  verification(id: $id) {\n    id\n    provider\n    status\n    providerStatus\n    reviewReason\n    identityDocument {\n      type\n      providerType\n      country\n      firstName\n      lastName\n      dateOfBirth\n      expiryAt\n    }\n    faceScan {\n      ageEstimation\n    }\n    history {\n      status\n      providerStatus\n      at\n    }\n    createdAt\n    updatedAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyVerifications($subjectId: String, $first: Int, $after: String, $last: Int, $before: String) {\n  verifications(\n    filter: {subjectId: $subjectId}\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        providerStatus\n        url\n        country\n        createdAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"): (typeof documents)["query MyVerifications($subjectId: String, $first: Int, $after: String, $last: Int, $before: String) {\n  verifications(\n    filter: {subjectId: $subjectId}\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        provider\n        status\n        providerStatus\n        url\n        country\n        createdAt\n      }\n    }\n    pageInfo {\n      hasNextPage\n      hasPreviousPage\n      startCursor\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation StartPawaPassVerification($input: StartPawaPassVerificationInput!) {\n  startPawaPassVerification(input: $input) {\n    id\n    provider\n    providerRef\n    subjectId\n    status\n    providerStatus\n    url\n    expiresAt\n  }\n}"): (typeof documents)["mutation StartPawaPassVerification($input: StartPawaPassVerificationInput!) {\n  startPawaPassVerification(input: $input) {\n    id\n    provider\n    providerRef\n    subjectId\n    status\n    providerStatus\n    url\n    expiresAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription OnVerificationUpdated($subjectId: String, $id: ID) {\n  verificationUpdated(subjectId: $subjectId, id: $id) {\n    cursor\n    at\n    previousStatus\n    verification {\n      id\n      provider\n      status\n      providerStatus\n      reviewReason\n    }\n  }\n}"): (typeof documents)["subscription OnVerificationUpdated($subjectId: String, $id: ID) {\n  verificationUpdated(subjectId: $subjectId, id: $id) {\n    cursor\n    at\n    previousStatus\n    verification {\n      id\n      provider\n      status\n      providerStatus\n      reviewReason\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;