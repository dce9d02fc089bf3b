export { isEmailGuardError, MessageUnreadableError } from '../errors.js';
export type { LookupFailure } from '../guard/settle-lookup.js';
export type { CustomerReference, PipelineOptions } from '../pipeline/pipeline-options.js';
export type { Recipient, RecipientField, RecipientVerdict } from '../pipeline/recipient.js';
export type { CheckMessageOptions, MessageCheck, MessageHeaders, MessageProblem } from './check-message.js';
export { checkMessage } from './check-message.js';
