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
export type {
  BuildCustomerNoticeOptions,
  EmailNotice,
  PhoneScript,
  PhoneScriptStep,
} from './build-customer-notice.js';
export { buildCustomerNotice } from './build-customer-notice.js';
export type { CreateIncidentReportInput, CreateIncidentReportOptions } from './create-incident-report.js';
export { CreateIncidentReportInputSchema, createIncidentReport } from './create-incident-report.js';
export type { DataCategory } from './data/data-categories.js';
export { DataCategorySchema, dataCategories, enisaBasicScores } from './data/data-categories.js';
export type { OrderTerm } from './data/order-terms.js';
export { defaultOrderTerms } from './data/order-terms.js';
export type { MisdirectedEmailMeasureId, ReportLocale } from './data/report-texts.js';
export { measureTexts, misdirectedEmailMeasureIds, reportHeadings } from './data/report-texts.js';
export type { DateInput } from './date-input.js';
export type { PersonalDataKind } from './find-personal-data.js';
export type { IncidentReport, Measure } from './incident-report.js';
export { IncidentReportSchema, incidentReportJsonSchema } from './incident-report.js';
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
export type { RenderIncidentReportOptions } from './render-incident-report.js';
export { renderIncidentReport } from './render-incident-report.js';
export type {
  MisdirectedReport,
  ReportMisdirectedInput,
  ReportMisdirectedOptions,
} from './report-misdirected.js';
export { ReportMisdirectedInputSchema, reportMisdirected } from './report-misdirected.js';
