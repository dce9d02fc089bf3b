import type { BreachFacts } from './breach-facts.js';
import type { IncidentReport } from './incident-report.js';

const CHANNELS: Partial<
  Record<IncidentReport['incident']['circumstances'], NonNullable<BreachFacts['channel']>>
> = {
  'misdirected-email': 'email',
  'misdirected-post': 'post',
  'misdirected-sms': 'sms',
};

/**
 * The channel the data went astray by, as a fact for the assessment, from the report's circumstances
 * (Regulation 611/2013 Annex I: the circumstances of the breach): none for a loss, a theft or access
 * to a system, where nothing was sent.
 */
export function breachChannel(
  circumstances: IncidentReport['incident']['circumstances'],
): Pick<BreachFacts, 'channel'> {
  const channel = CHANNELS[circumstances];
  return channel === undefined ? {} : { channel };
}
