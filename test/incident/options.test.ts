import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmailGuardError } from '../../src/errors.js';
import {
  assessBreach,
  type BreachFacts,
  buildCustomerNotice,
  createIncidentReport,
  inventoryMessage,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
const report = createIncidentReport(seedCase, { now });
const facts: BreachFacts = {
  regimes: ['eprivacy', 'gdpr'],
  dataCategories: ['name', 'customer-number'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  detectedAt: '2018-02-23T13:45:00+01:00',
};
const message =
  'Date: Fri, 23 Feb 2018 13:36:12 +0100\r\nSubject: Order\r\n\r\nHej Anna Svensson!\r\nKundnummer: 4711023\r\n';

/** Options as a caller might get them wrong: every known name, with right and wrong values. */
const options = fc.oneof(
  fc.anything(),
  fc.record(
    {
      locale: fc.oneof(fc.constantFrom('sv', 'en', 'de', 'SV'), fc.anything()),
      format: fc.oneof(fc.constantFrom('text', 'markdown', 'html', 'pdf'), fc.anything()),
      timeZone: fc.oneof(fc.constantFrom('Europe/Stockholm', 'UTC', 'Mars/Base', ''), fc.anything()),
      headings: fc.oneof(fc.constant({ cause: 'Root cause' }), fc.constant({ nope: 'x' }), fc.anything()),
      channel: fc.oneof(fc.constantFrom('email', 'phone-script', 'fax'), fc.anything()),
      customerName: fc.oneof(fc.constant('Anna'), fc.anything()),
      to: fc.oneof(
        fc.constantFrom('anna@example.se', 'anna@x.se\r\nBcc: evil@example.com', 'Anna <anna@example.se>'),
        fc.anything(),
      ),
      from: fc.oneof(fc.constantFrom('kundservice@nordkabel.se', 'a@b.se, c@d.se'), fc.anything()),
      largeScale: fc.oneof(fc.integer(), fc.double(), fc.anything()),
      now: fc.oneof(fc.date(), fc.constantFrom(now, 'yesterday', '2018-02-23T15:10:00'), fc.anything()),
      ignore: fc.oneof(fc.array(fc.string()), fc.anything()),
      maxItemsPerCategory: fc.oneof(fc.integer(), fc.anything()),
      customer: fc.oneof(fc.constant({ id: '4711023', name: 'Anna Svensson' }), fc.anything()),
    },
    { requiredKeys: [] },
  ),
);

const failsOnlyWithEmailGuardError = (error: unknown) => {
  expect(error).toBeInstanceOf(EmailGuardError);
  expect(error).toMatchObject({ code: 'INVALID_INPUT' });
};

describe('the options of the incident functions', () => {
  it('either work or name the option an EmailGuardError: renderIncidentReport, assessBreach, createIncidentReport', () => {
    fc.assert(
      fc.property(options, (given) => {
        for (const call of [
          () => renderIncidentReport(report, given as never),
          () => assessBreach(facts, given as never),
          () => createIncidentReport(seedCase, given as never),
        ]) {
          try {
            call();
          } catch (error) {
            failsOnlyWithEmailGuardError(error);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('either work or name the option an EmailGuardError: buildCustomerNotice, inventoryMessage, reportMisdirected', async () => {
    await fc.assert(
      fc.asyncProperty(options, async (given) => {
        for (const call of [
          () => buildCustomerNotice(report, given as never),
          () => inventoryMessage(message, given as never),
          () =>
            reportMisdirected(
              {
                message,
                intended: 'anna.svensson1985@gmail.com',
                actual: 'anna.svensson185@gmail.com',
                customer: { id: '4711023', name: 'Anna Svensson' },
                organisation: { ...seedCase.provider, contact: seedCase.contact },
                reference: 'INC-2018-0042',
                detectedAt: '2018-02-23T13:45:00+01:00',
              },
              given as never,
            ),
        ]) {
          await call().catch(failsOnlyWithEmailGuardError);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names the option that is not known', async () => {
    const fields = (call: () => unknown) => {
      try {
        call();
      } catch (error) {
        return (error as { field?: string }).field;
      }
      return undefined;
    };
    expect(fields(() => renderIncidentReport(report, { locale: 'de' } as never))).toBe('options.locale');
    expect(fields(() => renderIncidentReport(report, { timeZone: 'Mars/Base' }))).toBe('options.timeZone');
    expect(fields(() => renderIncidentReport(report, { format: 'docx' } as never))).toBe('options.format');
    expect(fields(() => assessBreach(facts, { largeScale: 0 }))).toBe('options.largeScale');
    expect(fields(() => createIncidentReport(seedCase, { now: 'yesterday' }))).toBe('options.now');
    await expect(buildCustomerNotice(report, { channel: 'fax' } as never)).rejects.toMatchObject({
      field: 'options.channel',
    });
    await expect(
      buildCustomerNotice(report, { channel: 'phone-script', timeZone: 'Mars/Base' }),
    ).rejects.toMatchObject({ field: 'options.timeZone' });
    await expect(inventoryMessage(message, { ignore: ['ok', 5] } as never)).rejects.toMatchObject({
      field: 'options.ignore.1',
    });
  });
});
