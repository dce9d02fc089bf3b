export type {
  AwaitingVerificationDetails,
  ChallengeDetails,
  EnvelopeAddress,
  FewerCustomers,
  HeldMessageDetails,
} from '../errors.js';
export {
  AuditLogFailedError,
  FewerCustomersError,
  HeldMessageClaimedError,
  HeldMessageNotLockedError,
  HoldStoreFailedError,
  isEmailGuardError,
  MessageHeldError,
  RecipientAwaitingVerificationError,
  RecipientBlockedError,
  RecipientNeedsConfirmationError,
  SmtpUtf8NotAnnouncedError,
  VerificationRateLimitedError,
  VerificationStoreFailedError,
} from '../errors.js';
export type { LookupFailure } from '../guard/settle-lookup.js';
export type { CustomerReference, PipelineOptions } from '../pipeline/pipeline-options.js';
export type { Recipient, RecipientField, RecipientVerdict } from '../pipeline/recipient.js';
export type { FileVerificationStoreOptions } from '../verification/create-file-verification-store.js';
export { createFileVerificationStore } from '../verification/create-file-verification-store.js';
export type {
  Challenge,
  Confirmed,
  ConfirmResult,
  CustomerAddress,
  RefusalReason,
  Reindexed,
  ReindexOptions,
  Released,
  StillHeld,
  Verifier,
  VerifierOptions,
} from '../verification/create-verifier.js';
export { createVerifier } from '../verification/create-verifier.js';
export type { IndexEntry } from '../verification/index-entries.js';
export type {
  AddressRecord,
  CustomerRecord,
  DomainRecord,
  IndexMarkRecord,
  VariantRecord,
  VerificationChallenge,
  VerificationRecord,
  VerificationStore,
} from '../verification/verification-store.js';
export type { AuditEntry, AuditLog, AuditOutcome, AuditRecipient, ReleaseOutcome } from './audit-log.js';
export type { FileHoldStore, FileHoldStoreOptions } from './create-file-hold-store.js';
export { createFileHoldStore } from './create-file-hold-store.js';
export type { AuditLogSync, JsonLinesAuditLogOptions } from './create-json-lines-audit-log.js';
export { createJsonLinesAuditLog } from './create-json-lines-audit-log.js';
export type {
  DiscardOptions,
  HeldEnvelope,
  HeldMessage,
  HeldMessageWithRaw,
  HoldInput,
  HoldStore,
  HoldStoreProblem,
  ReleaseOptions,
  ReleaseProgress,
  ReleaseResult,
  ReleasingProcess,
} from './hold-store.js';
export type { EmailGuardMailOptions } from './mail-options.js';
export type { HeldMessageError, NodemailerGuardOptions } from './nodemailer-guard.js';
export { nodemailerGuard } from './nodemailer-guard.js';
export type { HeldForRelease, ReleaseNeed, ReleaseNeedsOptions } from './release-needs.js';
export { releaseNeeds } from './release-needs.js';
export type { ReleasedMessage } from './send-released.js';
export { sendReleased } from './send-released.js';
