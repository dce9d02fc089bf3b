import type { ParsedMail } from 'mailparser';
import { z } from 'zod';
import { type InputIssue, InvalidInputError } from '../errors.js';
import { parsePhone } from '../phone/parse-phone.js';
import type { BreachAssessment } from './assess-breach.js';
import type { EmailNotice, PhoneScript } from './build-customer-notice.js';
import { DateInputSchema } from './date-input.js';
import { refuseIssues } from './impossible-facts.js';
import { type IncidentReport, providerCountries } from './incident-report.js';
import { inventoryMessage, type MessageInventory } from './inventory-message.js';
import { parseInputIn, requestedLocale } from './parse-input-in.js';
import {
  organisationValues,
  ReportMisdirectedInputSchema,
  type ReportMisdirectedOptions,
  ReportMisdirectedOptionsSchema,
  reportFromInventory,
  reviewedInventory,
} from './report-misdirected.js';

/**
 * The facts of a text message (SMS) that reached the wrong number, as {@link reportMisdirectedSms}
 * reads them: those of {@link ReportMisdirectedInputSchema}, with the text instead of the message
 * and phone numbers instead of addresses. A text message has no Date header, so when it was sent
 * (`occurredAt`) is required.
 *
 * @example
 * ```ts
 * ReportMisdirectedSmsInputSchema.safeParse({ intended: '070-123 45 67' }).success; // false
 * ```
 */
export const ReportMisdirectedSmsInputSchema = ReportMisdirectedInputSchema.omit({
  message: true,
  intended: true,
  actual: true,
  occurredAt: true,
}).extend({
  /** The text of the message as sent. */
  text: z.string().refine((value) => value.trim() !== '', 'the text message is empty'),
  /** The number the message was meant for, national (of `organisation.country`, else SE) or +E.164. */
  intended: z.string().min(1),
  /** The number it went to. */
  actual: z.string().min(1),
  /** When it was sent. */
  occurredAt: DateInputSchema,
});

/** The input of {@link reportMisdirectedSms} (see {@link ReportMisdirectedSmsInputSchema}). */
export type ReportMisdirectedSmsInput = z.input<typeof ReportMisdirectedSmsInputSchema>;

/** Everything {@link reportMisdirectedSms} produces. */
export interface MisdirectedSmsReport {
  readonly inventory: MessageInventory;
  readonly assessment: BreachAssessment;
  readonly report: IncidentReport;
  /** The number meant, in E.164. */
  readonly intended: string;
  /** The number it went to, in E.164. */
  readonly actual: string;
  /**
   * The e-mail notice goes to the first of `customer.emails`; without one there is only the phone
   * script (the customer's own number is the one to call).
   */
  readonly notices: { readonly email?: EmailNotice; readonly phoneScript: PhoneScript };
}

/**
 * {@link reportMisdirected} for a text message (SMS) sent to a wrong number: reads the text for the
 * personal data it exposed (a one-time code or login link is a credential: EDPB Guidelines 01/2021,
 * Case No. 07; Persónuvernd 2021122409), assesses the breach, writes the report
 * (`circumstances: 'misdirected-sms'`, both numbers in E.164 in its description) and the notices: by
 * e-mail when the customer's address is known, never by text message to a number that already went
 * wrong once. Throws {@link InvalidInputError} naming `input.intended` or `input.actual` for a value
 * that is not a phone number (libphonenumber-js metadata), and for missing facts.
 *
 * @example
 * ```ts
 * const result = await reportMisdirectedSms({
 *   text: 'Hej Anna! Din kod till Mina sidor är 481516.',
 *   intended: '070-123 45 67',
 *   actual: '070-123 45 76',
 *   occurredAt: '2024-10-01T09:00:00+02:00',
 *   customer: { id: '4711023', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
 *   organisation: {
 *     name: 'Nordkabel AB',
 *     country: 'SE',
 *     regimes: ['eprivacy', 'gdpr'],
 *     contact: { name: 'Dataskyddsombud', email: 'dpo@nordkabel.se', phone: '+46 8 123 456 00' },
 *   },
 *   reference: 'INC-2024-0101',
 *   detectedAt: '2024-10-01T10:00:00+02:00',
 * });
 * result.actual; // '+46701234576'
 * ```
 */
export async function reportMisdirectedSms(
  input: ReportMisdirectedSmsInput,
  options: ReportMisdirectedOptions = {},
): Promise<MisdirectedSmsReport> {
  // The language first, so that a refusal of the facts is said in it too.
  const locale = requestedLocale(options);
  const given = parseInputIn(locale, ReportMisdirectedSmsInputSchema, input, ['input']);
  const settings = parseInputIn(locale, ReportMisdirectedOptionsSchema, options, ['options']);
  // A local number is read where the organisation reports: in its main country first, then in each
  // other one (`organisation.countries`), so a British customer's 07400 123456 is read as +44 and a
  // Swedish one's 070-123 45 67 as +46. A number valid in two of them (016977 2345 in Cumbria and in
  // Sweden) names two different people: it is refused rather than guessed, and given in +E.164 it
  // reads the same everywhere (ITU-T E.164; libphonenumber-js metadata decides what is valid).
  const { organisation } = given;
  const regions =
    organisation.country !== undefined || organisation.countries !== undefined
      ? providerCountries(organisation)
      : [given.customer.country ?? 'SE'];
  const issues: InputIssue[] = [];
  const notANumber =
    locale === 'sv'
      ? 'inte ett giltigt telefonnummer (nationellt eller +E.164)'
      : 'not a valid phone number (national or +E.164)';
  const read = (field: 'intended' | 'actual'): string | undefined => {
    const readings = [
      ...new Set(
        regions.map((region) => toNumber(given[field], region)).filter((number) => number !== undefined),
      ),
    ];
    if (readings.length === 0) issues.push({ path: ['input', field], message: notANumber });
    if (readings.length > 1)
      issues.push({
        path: ['input', field],
        message:
          locale === 'sv'
            ? `kan läsas som ett nummer i mer än ett land (${readings.join(', ')}): ange det med landsnummer (+E.164)`
            : `reads as a number in more than one country (${readings.join(', ')}): give it with its country code (+E.164)`,
      });
    return readings.length === 1 ? readings[0] : undefined;
  };
  const intended = read('intended');
  const actual = read('actual');
  if (intended !== undefined && intended === actual)
    issues.push({
      path: ['input', 'actual'],
      message:
        locale === 'sv'
          ? 'samma nummer som det avsedda: meddelandet gick inte fel'
          : 'the same number as the intended one: the message did not go astray',
    });
  if (intended === undefined || actual === undefined) throw new InvalidInputError(issues, { locale });
  refuseIssues(issues, locale);
  // The text is read as the body of a message without headers: the same scanners, order terms and
  // people count as for an e-mail, with nothing in a header to add.
  const message = {
    headers: new Map(),
    headerLines: [],
    attachments: [],
    text: given.text,
  } as unknown as ParsedMail;
  const inventory = await inventoryMessage(message, {
    customer: given.customer,
    ignore: settings.ignore ?? organisationValues(given.organisation),
    locale,
    ...(options.orderTerms === undefined ? {} : { orderTerms: options.orderTerms }),
    ...(given.dataSubjects === undefined ? {} : { dataSubjects: given.dataSubjects }),
  });
  const noticeTo = given.customer.emails?.[0];
  const { report, notices, notes } = await reportFromInventory(given, inventory, settings, {
    circumstances: 'misdirected-sms',
    description:
      locale === 'sv'
        ? `Ett sms som skulle till ${intended} skickades till ${actual}.`
        : `A text message (SMS) meant for ${intended} was sent to ${actual}.`,
    ...(noticeTo === undefined ? {} : { noticeTo }),
  });
  const reviewed = reviewedInventory(given, inventory, locale);
  return {
    // Where the notice goes for a child, as for an e-mail (see `reportMisdirected`).
    inventory: notes.length === 0 ? reviewed : { ...reviewed, notes: [...reviewed.notes, ...notes] },
    assessment: report.assessment,
    report,
    intended,
    actual,
    notices,
  };
}

/**
 * A number in E.164 when libphonenumber-js reads it as a valid number; a value with anything but
 * digits, spaces and the usual separators (a line break, a header) is none.
 */
function toNumber(value: string, region: string): string | undefined {
  if (!/^[0-9+\-(). /]+$/.test(value.trim())) return undefined;
  const phone = parsePhone(value.trim(), region);
  return phone?.valid ? phone.e164 : undefined;
}
