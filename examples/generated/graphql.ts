/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Countries pawaPass verifies in (ISO 3166-1 alpha-2). Sets which national documents the end user is offered. */
export type PawaPassCountry =
  /** Angola: the end user is offered documents issued there. */
  | 'AO'
  /** Benin: the end user is offered documents issued there. */
  | 'BJ'
  /** DR Congo: the end user is offered documents issued there. */
  | 'CD'
  /** Congo (Brazzaville): the end user is offered documents issued there. */
  | 'CG'
  /** Cameroon: the end user is offered documents issued there. */
  | 'CM'
  /** Ghana: the end user is offered documents issued there. */
  | 'GH'
  /** Kenya: the end user is offered documents issued there. */
  | 'KE'
  /** Liberia: the end user is offered documents issued there. */
  | 'LR'
  /** Lesotho: the end user is offered documents issued there. */
  | 'LS'
  /** Mali: the end user is offered documents issued there. */
  | 'ML'
  /** Malawi: the end user is offered documents issued there. */
  | 'MW'
  /** Mozambique: the end user is offered documents issued there. */
  | 'MZ'
  /** Nigeria: the end user is offered documents issued there. */
  | 'NG'
  /** Rwanda: the end user is offered documents issued there. */
  | 'RW'
  /** Sierra Leone: the end user is offered documents issued there. */
  | 'SL'
  /** Togo: the end user is offered documents issued there. */
  | 'TG'
  /** Tanzania: the end user is offered documents issued there. */
  | 'TZ'
  /** Uganda: the end user is offered documents issued there. */
  | 'UG'
  /** Zambia: the end user is offered documents issued there. */
  | 'ZM';

/** One step the end user must complete. */
export type PawaPassRequirementInput = {
  /** Optional settings of this step. */
  options?: PawaPassRequirementOptionsInput | null | undefined;
  /** DOCUMENT_SCAN or FACE_SCAN. */
  type: PawaPassRequirementType;
};

/** Options of a requirement. */
export type PawaPassRequirementOptionsInput = {
  /** For a face-only re-check: the id of an earlier APPROVED pawaPass verification to match the face against. */
  previousVerificationId?: string | null | undefined;
};

/** What the end user must capture. */
export type PawaPassRequirementType =
  /** Scan of an identity document; fills `identityDocument`. */
  | 'DOCUMENT_SCAN'
  /** Selfie / liveness scan; fills `faceScan`. */
  | 'FACE_SCAN';

/** The KYC provider behind a verification, check or ingestion. */
export type Provider =
  /** Argos server-side ID upload with OCR, confirmed in a second step. */
  | 'ARGOS'
  /** pawaPass hosted document and face scan session. */
  | 'PAWAPASS'
  /** Uphold KYC Connector: ingests an approved Sumsub/Veriff verification. */
  | 'UPHOLD'
  /** UpPass hosted verification form; result by webhook. */
  | 'UPPASS'
  /** Upvest user checks (KYC, proof of residency, instrument fit, compliance). */
  | 'UPVEST';

/** Starts a pawaPass session. Fields mirror pawaPass's POST /v2/verifications body; `subjectId` and `idempotencyKey` are kyc-graph's. */
export type StartPawaPassVerificationInput = {
  /** Country of the end user; one of the countries pawaPass supports. */
  country?: PawaPassCountry | null | undefined;
  /** Email or id of the person or system creating the verification. */
  createdBy?: string | null | undefined;
  /** Where pawaPass sends the end user when the verification fails (http or https). */
  errorUrl: string;
  /** When the session expires if not completed (ISO 8601). pawaPass states no rule for it; a time already past makes the session expire at once. Default: 7 days in the sandbox. */
  expiresAt?: string | null | undefined;
  /** Your unique identifier for this user or verification, sent to pawaPass (required, non-empty). */
  externalId: string;
  /** Send the same key when retrying: the first result is returned and no second pawaPass session is created (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** Your key-value data, stored by pawaPass and returned in `metadata` and webhooks. Do not put secrets here. */
  metadata?: unknown;
  /** Phone number, e.g. +260971234567. When absent pawaPass takes it from `metadata.phoneNo`. */
  phoneNo?: string | null | undefined;
  /** What the end user must complete, e.g. `[{type: DOCUMENT_SCAN}, {type: FACE_SCAN}]`. At least one. */
  requirements: Array<PawaPassRequirementInput>;
  /** Your user id; lets you list and subscribe by user (`verifications(filter: {subjectId})`). */
  subjectId: string;
  /** Where pawaPass sends the end user after a successful verification (http or https). */
  successUrl: string;
  /** Where the end user can get help during the verification (http or https). */
  supportUrl: string;
};

/** Where a verification stands, the same for every provider. The raw value is in `providerStatus`. */
export type VerificationStatus =
  /** Final: the identity was verified. */
  | 'APPROVED'
  /** The session exists; the end user has not started. Show the `url` to the end user. */
  | 'CREATED'
  /** Final: the provider refused; `reviewReason` says why when the provider tells. */
  | 'DECLINED'
  /** Final: the session ran out of time before it was completed. Start a new one. */
  | 'EXPIRED'
  /** The end user is filling in or capturing (or Argos step 1 is done and step 2 is pending). */
  | 'IN_PROGRESS'
  /** The end user is done; the provider is processing or reviewing. Tell the user to wait. */
  | 'IN_REVIEW'
  /** The provider asks for a new attempt; `retriesLeft` says how many remain. */
  | 'RETRY_REQUIRED';

export type VerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type VerificationQuery = { verification: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, reviewReason: string | null, createdAt: string, updatedAt: string, identityDocument: { type: string | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, expiryAt: string | null } | null, faceScan: { ageEstimation: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string, at: string }> } | null };

export type MyVerificationsQueryVariables = Exact<{
  subjectId?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyVerificationsQuery = { verifications: { edges: Array<{ cursor: string, node: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, url: string | null, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type StartPawaPassVerificationMutationVariables = Exact<{
  input: StartPawaPassVerificationInput;
}>;


export type StartPawaPassVerificationMutation = { startPawaPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, expiresAt: string | null } };

export type OnVerificationUpdatedSubscriptionVariables = Exact<{
  subjectId?: string | null | undefined;
  id?: string | number | null | undefined;
}>;


export type OnVerificationUpdatedSubscription = { verificationUpdated: { cursor: string, at: string, previousStatus: VerificationStatus | null, verification: { id: string, provider: Provider, status: VerificationStatus, providerStatus: string, reviewReason: string | null } } };


export const VerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Verification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageEstimation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<VerificationQuery, VerificationQueryVariables>;
export const MyVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyVerificationsQuery, MyVerificationsQueryVariables>;
export const StartPawaPassVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPawaPassVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPawaPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPawaPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}}]} as unknown as DocumentNode<StartPawaPassVerificationMutation, StartPawaPassVerificationMutationVariables>;
export const OnVerificationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"OnVerificationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}}]}}]}}]}}]} as unknown as DocumentNode<OnVerificationUpdatedSubscription, OnVerificationUpdatedSubscriptionVariables>;