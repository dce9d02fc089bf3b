export { EmailGuardError, InvalidInputError, MessageUnreadableError } from '../errors.js';
export type {
  AssessBreachOptions,
  AssessmentReason,
  BreachAssessment,
  BreachFacts,
  Deadline,
  EnisaBand,
  EnisaSeverity,
  Recipient,
  Regime,
  RiskLevel,
} from './assess-breach.js';
export {
  assessBreach,
  BreachAssessmentSchema,
  BreachCircumstancesSchema,
  BreachFactsSchema,
} from './assess-breach.js';
export type { DataCategory } from './data/data-categories.js';
export { DataCategorySchema, dataCategories, enisaBasicScores } from './data/data-categories.js';
export type { DateInput } from './date-input.js';
export type { PersonalDataKind } from './find-personal-data.js';
export type {
  IncidentCustomer,
  InventoryAttachment,
  InventoryItem,
  InventoryMessageOptions,
  MessageInventory,
  MessageLocation,
  MessageSource,
} from './inventory-message.js';
export { IncidentCustomerSchema, inventoryMessage } from './inventory-message.js';
