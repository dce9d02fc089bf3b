import { describe, expect, it } from 'vitest';
import {
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { SEED_INCIDENT_FACTS } from '../support/cli-inputs.js';
import { seedOrderConfirmation } from './seed-order-confirmation.js';

// The seed order confirmation with a co-applicant's identity number on a line of his own: the
// report's consequences speak of that number as the message's, not as the customer's (GDPR Art. 4(1),
// Art. 5(1)(d)).
const now = '2026-12-04T01:00:00Z';

async function rendered(message: string, locale: 'sv' | 'en'): Promise<string> {
  const input: ReportMisdirectedInput = {
    ...(SEED_INCIDENT_FACTS as Omit<ReportMisdirectedInput, 'message' | 'intended' | 'actual'>),
    message,
    intended: 'anna.svensson1985@gmail.com',
    actual: 'anna.svensson185@gmail.com',
    detectedAt: '2026-12-01T14:00:00+01:00',
  };
  const { report } = await reportMisdirected(input, { now, locale });
  return renderIncidentReport(report, { locale });
}

const words = {
  sv: {
    customers: 'kreditansökningar i kundens namn',
    message:
      'Personnumret i meddelandet kan användas för identitetsstöld, till exempel kreditansökningar i dess innehavares namn.',
  },
  en: {
    customers: 'credit applications in the customer’s name',
    message:
      'The personal identity number in the message could be used for identity theft, such as credit applications in its holder’s name.',
  },
} as const;

describe('the consequences of another named person’s identity number', () => {
  it.each(['sv', 'en'] as const)('speak of the message’s number, not the customer’s (%s)', async (locale) => {
    const text = await rendered(
      seedOrderConfirmation([], ['Medsökande: Erik Lind, personnummer 19800101-0008']),
      locale,
    );
    expect(text).not.toContain(words[locale].customers);
    expect(text).toContain(words[locale].message);
  });

  it.each(['sv', 'en'] as const)('still speak of the customer’s own number as hers (%s)', async (locale) => {
    const text = await rendered(seedOrderConfirmation([], ['Personnummer: 19850101-1236']), locale);
    expect(text).toContain(words[locale].customers);
  });
});
