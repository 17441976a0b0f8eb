/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Creates an ingestion. Unified over the sources: kyc-graph turns it into the provider's per-source request (Sumsub share token, Veriff session). */
export type CreateIngestionInput = {
  /** Send the same key when retrying: the first result is returned and no second ingestion is created (kept 24 h). */
  idempotencyKey?: string | null | undefined;
  /** VERIFF only: the Veriff integration name registered with the platform. Default: the server configuration. */
  integrationName?: string | null | undefined;
  /** Which KYC processes to fill, e.g. `[IDENTITY, PROOF_OF_ADDRESS]`. At least one, each at most once. */
  processes: Array<KycProcess>;
  /** Where the user was verified: SUMSUB or VERIFF. */
  source: IngestionSource;
  /** The approved source verification: for SUMSUB the share token generated for the approved applicant, for VERIFF the approved session id. */
  sourceVerificationRef: string;
  /** The user at the receiving platform to submit the data for (created there beforehand). */
  userId: string;
};

/** Outcome of ingesting one KYC process. It says whether data was copied, not whether the KYC process passed. */
export type IngestionProcessStatus =
  /** The data was extracted and submitted to the platform. This is NOT a KYC pass: the KYC process itself may still be pending or failed (e.g. duplicate identity, underage user). Check the KYC overview (`kycOverview`). */
  | 'COMPLETED'
  /** The data could not be extracted or submitted; `error` says why. Nothing was submitted for this process. */
  | 'FAILED'
  /** Not done yet. */
  | 'PROCESSING';

/** The KYC provider where the end user was already verified, whose data an ingestion copies. */
export type IngestionSource =
  /** Sumsub: `sourceVerificationRef` is a share token generated for the approved applicant. */
  | 'SUMSUB'
  /** Veriff: `sourceVerificationRef` is the id of an approved Veriff session. */
  | 'VERIFF';

/** Where an ingestion stands. It only moves forward: QUEUED → RUNNING → FINISHED. */
export type IngestionStatus =
  /** Final: processing ended. Read each entry of `results`: FINISHED does not mean every process COMPLETED, and COMPLETED does not mean the KYC process passed. */
  | 'FINISHED'
  /** Created; waiting for a worker to pick it up. */
  | 'QUEUED'
  /** A worker is fetching the data from the source provider and submitting it. */
  | 'RUNNING';

/** A KYC process of the receiving platform that an ingestion can fill. */
export type KycProcess =
  /** Residential address. */
  | 'ADDRESS'
  /** Identity document and selfie. */
  | 'IDENTITY'
  /** Full name, date and place of birth, citizenship. */
  | 'PROFILE'
  /** Document proving the residential address. */
  | 'PROOF_OF_ADDRESS';

/** Countries pawaPass verifies in (ISO 3166-1 alpha-2). */
export type PawaPassCountry =
  | 'AO'
  | 'BJ'
  | 'CD'
  | 'CG'
  | 'CM'
  | 'GH'
  | 'KE'
  | 'LR'
  | 'LS'
  | 'ML'
  | 'MW'
  | 'MZ'
  | 'NG'
  | 'RW'
  | 'SL'
  | 'TG'
  | 'TZ'
  | 'UG'
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
  /** When the session expires if not completed (must be in the future). Default: 7 days in the sandbox. */
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

/** Status of a KYC process at Uphold (the KYC overview's values). */
export type UpholdKycStatus =
  /** Not required for this user. */
  | 'EXEMPT'
  /** Failed, e.g. a duplicate identity conflict with another user or an underage user; see `reason`. */
  | 'FAILED'
  /** Passed. */
  | 'OK'
  /** Data is missing or still to be submitted. */
  | 'PENDING'
  /** Uphold is checking the submitted data. */
  | 'PROCESSING';

/** Narrows `verifications`. All given fields must match. */
export type VerificationFilter = {
  /** Only verifications with this externalId. */
  externalId?: string | null | undefined;
  /** Only this provider. */
  provider?: Provider | null | undefined;
  /** Only verifications currently in this status. */
  status?: VerificationStatus | null | undefined;
  /** Only verifications started for this user id. */
  subjectId?: string | null | undefined;
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

export type StartPawaPassMutationVariables = Exact<{
  input: StartPawaPassVerificationInput;
}>;


export type StartPawaPassMutation = { startPawaPassVerification: { id: string, provider: Provider, providerRef: string, subjectId: string | null, externalId: string | null, status: VerificationStatus, providerStatus: string, url: string | null, country: string | null, metadata: unknown, expiresAt: string | null, createdAt: string, details: { phoneNo: string | null, successUrl: string, errorUrl: string, supportUrl: string, createdBy: string | null, requirements: Array<{ type: PawaPassRequirementType, options: { previousVerificationId: string | null } | null }> } | null } };

export type GetVerificationQueryVariables = Exact<{
  id: string | number;
}>;


export type GetVerificationQuery = { verification: { id: string, status: VerificationStatus, providerStatus: string, reviewReason: string | null, updatedAt: string, identityDocument: { type: string | null, country: string | null, firstName: string | null, lastName: string | null, dateOfBirth: string | null, nationalNo: string | null, expiryAt: string | null } | null, faceScan: { ageEstimation: string | null } | null, history: Array<{ status: VerificationStatus, providerStatus: string, at: string }> } | null };

export type ListVerificationsQueryVariables = Exact<{
  filter?: VerificationFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ListVerificationsQuery = { verifications: { edges: Array<{ cursor: string, node: { id: string, subjectId: string | null, status: VerificationStatus, providerStatus: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SubjectVerificationsQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectVerificationsQuery = { subject: { id: string, verifications: Array<{ id: string, status: VerificationStatus }> } | null };

export type VerificationUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  subjectId?: string | null | undefined;
  provider?: Provider | null | undefined;
}>;


export type VerificationUpdatedSubscription = { verificationUpdated: { cursor: string, at: string, previousStatus: VerificationStatus | null, verification: { id: string, subjectId: string | null, status: VerificationStatus, providerStatus: string } } };

export type IngestionFieldsFragment = { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> };

export type CreateIngestionMutationVariables = Exact<{
  input: CreateIngestionInput;
}>;


export type CreateIngestionMutation = { createIngestion: { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> } };

export type GetIngestionQueryVariables = Exact<{
  id: string | number;
}>;


export type GetIngestionQuery = { ingestion: { id: string, provider: Provider, providerRef: string, source: IngestionSource, sourceVerificationRef: string, userId: string | null, processes: Array<KycProcess>, status: IngestionStatus, providerStatus: string, startedAt: string | null, finishedAt: string | null, createdAt: string, updatedAt: string, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, files: Array<{ id: string, category: string | null, context: string | null, contentType: string | null, size: number | null }>, error: { code: string, message: string | null } | null }>, history: Array<{ status: IngestionStatus, providerStatus: string, at: string }> } | null };

export type GetIngestionOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type GetIngestionOverviewQuery = { ingestion: { id: string, status: IngestionStatus, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, error: { code: string } | null }>, kycOverview: { status: UpholdKycStatus | null, reason: string | null, processes: Array<{ process: string, status: UpholdKycStatus | null, providerStatus: string, reason: string | null }> } | null } | null };

export type SubjectIngestionsQueryVariables = Exact<{
  id: string | number;
}>;


export type SubjectIngestionsQuery = { subject: { id: string, ingestions: Array<{ id: string, userId: string | null, status: IngestionStatus }> } | null };

export type IngestionUpdatedSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
  userId?: string | null | undefined;
}>;


export type IngestionUpdatedSubscription = { ingestionUpdated: { cursor: string, at: string, previousStatus: IngestionStatus | null, ingestion: { id: string, userId: string | null, status: IngestionStatus, providerStatus: string, results: Array<{ process: KycProcess, status: IngestionProcessStatus, data: unknown, error: { code: string, message: string | null } | null }> } } };

export const IngestionFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<IngestionFieldsFragment, unknown>;
export const StartPawaPassDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartPawaPass"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartPawaPassVerificationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startPawaPassVerification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"details"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"PawaPassDetails"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requirements"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"options"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"previousVerificationId"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneNo"}},{"kind":"Field","name":{"kind":"Name","value":"successUrl"}},{"kind":"Field","name":{"kind":"Name","value":"errorUrl"}},{"kind":"Field","name":{"kind":"Name","value":"supportUrl"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}}]}}]}}]}}]}}]} as unknown as DocumentNode<StartPawaPassMutation, StartPawaPassMutationVariables>;
export const GetVerificationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetVerification"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verification"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reviewReason"}},{"kind":"Field","name":{"kind":"Name","value":"identityDocument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"country"}},{"kind":"Field","name":{"kind":"Name","value":"firstName"}},{"kind":"Field","name":{"kind":"Name","value":"lastName"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}},{"kind":"Field","name":{"kind":"Name","value":"nationalNo"}},{"kind":"Field","name":{"kind":"Name","value":"expiryAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"faceScan"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ageEstimation"}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<GetVerificationQuery, GetVerificationQueryVariables>;
export const ListVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ListVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"VerificationFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<ListVerificationsQuery, ListVerificationsQueryVariables>;
export const SubjectVerificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectVerifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"verifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectVerificationsQuery, SubjectVerificationsQueryVariables>;
export const VerificationUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"VerificationUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"provider"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verificationUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"subjectId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subjectId"}}},{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"Variable","name":{"kind":"Name","value":"provider"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"verification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}}]}}]}}]}}]} as unknown as DocumentNode<VerificationUpdatedSubscription, VerificationUpdatedSubscriptionVariables>;
export const CreateIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateIngestionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createIngestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IngestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<CreateIngestionMutation, CreateIngestionMutationVariables>;
export const GetIngestionDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetIngestion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IngestionFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IngestionFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Ingestion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerRef"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"sourceVerificationRef"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"processes"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"context"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"size"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"history"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]} as unknown as DocumentNode<GetIngestionQuery, GetIngestionQueryVariables>;
export const GetIngestionOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"GetIngestionOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"kycOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"processes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}}]} as unknown as DocumentNode<GetIngestionOverviewQuery, GetIngestionOverviewQueryVariables>;
export const SubjectIngestionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectIngestions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ingestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectIngestionsQuery, SubjectIngestionsQueryVariables>;
export const IngestionUpdatedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"IngestionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"userId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ingestionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"userId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"userId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"previousStatus"}},{"kind":"Field","name":{"kind":"Name","value":"ingestion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"process"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<IngestionUpdatedSubscription, IngestionUpdatedSubscriptionVariables>;