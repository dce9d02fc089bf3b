export { EmailGuardError, InvalidInputError, isEmailGuardError, MessageUnreadableError } from '../errors.js';
export type {
  AssessBreachOptions,
  AssessmentProfile,
  AssessmentReason,
  BreachAssessment,
  BreachFacts,
  Deadline,
  EnisaBand,
  EnisaSeverity,
  Recipient,
  Recommendation,
  Regime,
  RiskLevel,
} from './assess-breach.js';
export {
  AssessmentProfileSchema,
  assessBreach,
  BreachAssessmentSchema,
  BreachCircumstancesSchema,
  BreachFactsSchema,
  RecommendationSchema,
} from './assess-breach.js';
export type { BreachDecision, DecisionConclusions, Precedent, PrecedentAlike } from './breach-decision.js';
export { BreachDecisionSchema, PrecedentSchema } from './breach-decision.js';
export type {
  BuildCustomerNoticeOptions,
  EmailNotice,
  PhoneScript,
  PhoneScriptStep,
} from './build-customer-notice.js';
export { buildCustomerNotice } from './build-customer-notice.js';
export type { CustomerCall, TimelineEntry, TimelineStep } from './build-timeline.js';
export { buildTimeline, CustomerCallSchema, TimelineEntrySchema } from './build-timeline.js';
export type { FollowUpChanges } from './create-follow-up-report.js';
export { createFollowUpReport, FollowUpChangesSchema } from './create-follow-up-report.js';
export type { CreateIncidentReportInput, CreateIncidentReportOptions } from './create-incident-report.js';
export { CreateIncidentReportInputSchema, createIncidentReport } from './create-incident-report.js';
export type { Authority } from './data/authorities.js';
export { AuthoritySchema, authorities } from './data/authorities.js';
export { breachDecisions } from './data/breach-decisions.js';
export { controllerHeadings } from './data/controller-headings.js';
export type { DataCategory } from './data/data-categories.js';
export { DataCategorySchema, dataCategories, enisaBasicScores } from './data/data-categories.js';
export type { OrderTerm } from './data/order-terms.js';
export { defaultOrderTerms } from './data/order-terms.js';
export type { MisdirectedEmailMeasureId, ReportLocale } from './data/report-texts.js';
export { measureTexts, misdirectedEmailMeasureIds, reportHeadings } from './data/report-texts.js';
export { reviewItemTexts } from './data/review-item-texts.js';
export type { DateInput } from './date-input.js';
export type { AuthorityFinding, FindAuthorityInput, FindAuthorityOptions } from './find-authority.js';
export { AuthorityFindingSchema, FindAuthorityInputSchema, findAuthority } from './find-authority.js';
export type { PersonalDataKind } from './find-personal-data.js';
export type { IncidentRegisterEntryOptions } from './incident-register-entry.js';
export { incidentRegisterEntry } from './incident-register-entry.js';
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
export type { Decision, OfficerJudgment } from './officer-judgment.js';
export { DecisionSchema, OfficerJudgmentSchema } from './officer-judgment.js';
export type { RenderIncidentReportOptions } from './render-incident-report.js';
export { renderIncidentReport } from './render-incident-report.js';
export type { PdfFonts } from './render-pdf.js';
export type {
  MisdirectedReport,
  ReportMisdirectedInput,
  ReportMisdirectedOptions,
} from './report-misdirected.js';
export { ReportMisdirectedInputSchema, reportMisdirected } from './report-misdirected.js';
export type { MisdirectedSmsReport, ReportMisdirectedSmsInput } from './report-misdirected-sms.js';
export { ReportMisdirectedSmsInputSchema, reportMisdirectedSms } from './report-misdirected-sms.js';
export type { NeedsReviewItem, ReviewItem, ReviewItemCode } from './review-item.js';
export { NeedsReviewItemSchema, ReviewItemSchema, reviewItemText } from './review-item.js';
