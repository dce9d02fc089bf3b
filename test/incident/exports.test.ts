import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as incident from '../../src/incident/index.js';

describe('email-guard/incident', () => {
  it('exports exactly its public API', () => {
    expect(Object.keys(incident).sort()).toEqual([
      'AssessmentProfileSchema',
      'AuthorityFindingSchema',
      'AuthoritySchema',
      'BreachAssessmentSchema',
      'BreachCircumstancesSchema',
      'BreachDecisionSchema',
      'BreachFactsSchema',
      'CreateIncidentReportInputSchema',
      'CustomerCallSchema',
      'DataCategorySchema',
      'DecisionSchema',
      'EmailGuardError',
      'FindAuthorityInputSchema',
      'FollowUpChangesSchema',
      'IncidentCustomerSchema',
      'IncidentReportSchema',
      'InvalidInputError',
      'MessageUnreadableError',
      'NeedsReviewItemSchema',
      'OfficerJudgmentSchema',
      'PrecedentSchema',
      'RecommendationSchema',
      'ReportMisdirectedInputSchema',
      'ReportMisdirectedSmsInputSchema',
      'ReviewItemSchema',
      'TimelineEntrySchema',
      'assessBreach',
      'authorities',
      'breachDecisions',
      'buildCustomerNotice',
      'buildTimeline',
      'controllerHeadings',
      'createFollowUpReport',
      'createIncidentReport',
      'dataCategories',
      'defaultOrderTerms',
      'enisaBasicScores',
      'findAuthority',
      'incidentRegisterEntry',
      'incidentReportJsonSchema',
      'inventoryMessage',
      'isEmailGuardError',
      'measureTexts',
      'misdirectedEmailMeasureIds',
      'renderIncidentReport',
      'reportHeadings',
      'reportMisdirected',
      'reportMisdirectedSms',
      'reviewItemText',
      'reviewItemTexts',
    ]);
  });

  it('imports only the layers below it, never the guard or the core entry point', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const folder = join(src, 'incident');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) =>
      file.endsWith('.ts'),
    );
    const layers = files.flatMap((file) =>
      [...readFileSync(join(folder, file), 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map(
        (match) => relative(src, resolve(dirname(join(folder, file)), match[1] ?? '')).split(sep)[0],
      ),
    );
    expect([...new Set(layers)].sort()).toEqual([
      'address',
      'contacts',
      'errors.js',
      'incident',
      'internal',
      'phone',
    ]);
  });

  it('keeps mailparser and nodemailer out of the core entry point', () => {
    const core = readFileSync(new URL('../../src/index.ts', import.meta.url), 'utf8');
    expect(core).not.toMatch(/incident|mailparser|nodemailer/);
  });
});
