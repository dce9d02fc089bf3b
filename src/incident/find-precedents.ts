import type { BreachDecision, DecisionConclusions, Precedent, PrecedentAlike } from './breach-decision.js';
import type { BreachFacts, Recipient } from './breach-facts.js';
import type { DataCategory } from './data/data-categories.js';

/** The kinds of data regulators weigh, each category in one (what the similarity compares). */
type Kind =
  | 'identity'
  | 'financial'
  | 'sensitive'
  | 'credentials'
  | 'location'
  | 'contact'
  | 'order'
  | 'insurance';

const KIND: Readonly<Record<DataCategory, Kind>> = {
  name: 'contact',
  'postal-address': 'contact',
  'email-address': 'contact',
  'phone-number': 'contact',
  'contact-details': 'contact',
  'customer-number': 'contact',
  'date-of-birth': 'contact',
  'vehicle-registration': 'contact',
  other: 'contact',
  'order-details': 'order',
  'national-id-number': 'identity',
  'id-document-number': 'identity',
  'account-number': 'financial',
  'payment-card': 'financial',
  financial: 'financial',
  credentials: 'credentials',
  location: 'location',
  'traffic-data': 'location',
  insurance: 'insurance',
  health: 'sensitive',
  'special-category': 'sensitive',
};

const KIND_LABELS: Readonly<Record<'sv' | 'en', Readonly<Record<Kind, string>>>> = {
  sv: {
    identity: 'personnummer eller id-handling',
    financial: 'ekonomiska uppgifter',
    sensitive: 'hälsa eller andra känsliga uppgifter',
    credentials: 'inloggningsuppgifter',
    location: 'plats- eller trafikuppgifter',
    contact: 'namn och kontaktuppgifter',
    order: 'beställningar',
    insurance: 'försäkringsuppgifter',
  },
  en: {
    identity: 'identity numbers',
    financial: 'financial data',
    sensitive: 'health or other special categories',
    credentials: 'login details',
    location: 'location or traffic data',
    contact: 'names and contact details',
    order: 'orders',
    insurance: 'insurance data',
  },
};

const RECIPIENT_LABELS: Readonly<Record<'sv' | 'en', Readonly<Record<Recipient, string>>>> = {
  sv: {
    internal: 'någon inom organisationen',
    trusted: 'en känd mottagare som kan hållas ansvarig',
    'unknown-individual': 'en privatperson utanför organisationen',
    public: 'allmänheten eller många mottagare',
  },
  en: {
    internal: 'someone inside the organisation',
    trusted: 'a known recipient who can be held to account',
    'unknown-individual': 'a private person outside the organisation',
    public: 'the public or many recipients',
  },
};

const CONFIDENCE_ORDER = { 'authority-words': 0, 'reliable-summary': 1, weaker: 2 } as const;

/** The number of people in bands a regulator would treat alike: one, a few, dozens, hundreds, large scale. */
function sizeBand(dataSubjects: number): number {
  return dataSubjects <= 1
    ? 0
    : dataSubjects <= 10
      ? 1
      : dataSubjects <= 100
        ? 2
        : dataSubjects < 1000
          ? 3
          : 4;
}

const removed = (facts: BreachFacts) =>
  facts.recipientConfirmedDeletion === true || facts.dataRecovered === true;
const close = (a: Recipient, b: Recipient) =>
  a === b ||
  (a === 'internal' && b === 'trusted') ||
  (a === 'trusted' && b === 'internal') ||
  (a === 'unknown-individual' && b === 'public') ||
  (a === 'public' && b === 'unknown-individual');

interface Match {
  readonly decision: BreachDecision;
  readonly score: number;
  readonly sameRecipient: boolean;
  readonly shared: readonly Kind[];
  readonly sameSize: boolean;
  readonly sameAfterwards: boolean;
}

/**
 * The published decisions closest to a breach: by who received the data, the kinds of data, the
 * number of people and whether the data was deleted or recovered afterwards, and the regime. The same
 * facts always give the same list (ties go to the authority's own words, then the newer, then the id).
 */
export function findPrecedents(
  facts: BreachFacts,
  decisions: readonly BreachDecision[],
  locale: 'sv' | 'en',
  count = 3,
): Precedent[] {
  const kinds = new Set(facts.dataCategories.map((category) => KIND[category]));
  const matches: Match[] = [];
  for (const decision of decisions) {
    const { conclusions } = decision;
    // A decision that rules on none of the three is still a precedent (a fine for the disclosure
    // itself), but one that says what to do comes first.
    const silent =
      conclusions.notifyAuthority === null &&
      conclusions.notifyDataSubjects === null &&
      conclusions.risk === null;
    const other = decision.facts;
    const theirs = new Set(other.dataCategories.map((category) => KIND[category]));
    const shared = [...kinds].filter((kind) => theirs.has(kind));
    const union = new Set([...kinds, ...theirs]).size;
    const sameRecipient = other.recipient === facts.recipient;
    const sizeGap = Math.abs(sizeBand(other.dataSubjects) - sizeBand(facts.dataSubjects));
    const sameAfterwards = removed(other) === removed(facts);
    const flags = (
      key: 'maliciousIntent' | 'encrypted' | 'vulnerableDataSubjects' | 'recipientBoundBySecrecy',
    ) => ((other[key] === true) === (facts[key] === true) ? 0.5 : 0);
    const score =
      (sameRecipient ? 3 : close(other.recipient, facts.recipient) ? 1 : 0) +
      // The kinds of data weigh most: a regulator's conclusion follows what the data was.
      (4 * shared.length) / union +
      // Any shared kind other than names and addresses (identity, health, money) is what makes two cases alike.
      (shared.some((kind) => kind !== 'contact' && kind !== 'order') ? 1 : 0) +
      (sizeGap === 0 ? 1.5 : sizeGap === 1 ? 0.75 : 0) +
      (sameAfterwards ? 1 : 0) +
      (other.regimes.includes('eprivacy') === facts.regimes.includes('eprivacy') ? 1 : 0) +
      flags('maliciousIntent') +
      flags('encrypted') +
      flags('vulnerableDataSubjects') +
      flags('recipientBoundBySecrecy') -
      (silent ? 1 : 0);
    matches.push({ decision, score, sameRecipient, shared, sameSize: sizeGap === 0, sameAfterwards });
  }
  matches.sort(
    (a, b) =>
      b.score - a.score ||
      CONFIDENCE_ORDER[a.decision.confidence] - CONFIDENCE_ORDER[b.decision.confidence] ||
      (a.decision.date < b.decision.date ? 1 : a.decision.date > b.decision.date ? -1 : 0) ||
      (a.decision.id < b.decision.id ? -1 : a.decision.id > b.decision.id ? 1 : 0),
  );
  return matches.slice(0, count).map((match) => ({
    id: match.decision.id,
    authority: match.decision.authority,
    country: match.decision.country,
    reference: match.decision.reference,
    document: match.decision.document,
    date: match.decision.date,
    ...(match.decision.dateIsDecision === undefined ? {} : { dateIsDecision: match.decision.dateIsDecision }),
    conclusions: match.decision.conclusions,
    ...(match.decision.profile === undefined ? {} : { profile: match.decision.profile }),
    decided: describeConclusions(match.decision.conclusions, locale, match.decision.profile),
    why: describeAlike(alikeOf(match, facts), locale),
    alike: alikeOf(match, facts),
  }));
}

function alikeOf(match: Match, facts: BreachFacts): PrecedentAlike {
  return {
    recipient: match.decision.facts.recipient,
    sameRecipient: match.sameRecipient,
    sharedKinds: [...match.shared],
    dataSubjects: match.decision.facts.dataSubjects,
    similarSize: match.sameSize,
    removedAsHere: match.sameAfterwards && removed(facts),
  };
}

/** The conclusions in words, leaving out what the decision does not say. */
export function describeConclusions(
  conclusions: DecisionConclusions,
  locale: 'sv' | 'en',
  profile?: 'default' | 'strict',
): string {
  const sv = locale === 'sv';
  const yesNo = (value: boolean) => (sv ? (value ? 'ja' : 'nej') : value ? 'yes' : 'no');
  const parts: string[] = [];
  if (conclusions.notifyAuthority !== null)
    parts.push(
      `${sv ? 'anmälan till myndigheten' : 'notify the authority'}: ${yesNo(conclusions.notifyAuthority)}`,
    );
  if (conclusions.notifyDataSubjects !== null)
    parts.push(
      `${sv ? 'underrätta de berörda' : 'tell the people'}: ${yesNo(conclusions.notifyDataSubjects)}`,
    );
  if (conclusions.risk !== null)
    parts.push(
      `${sv ? 'risk' : 'risk'}: ${
        sv
          ? { unlikely: 'osannolik', risk: 'risk', high: 'hög' }[conclusions.risk]
          : { unlikely: 'unlikely', risk: 'risk', high: 'high' }[conclusions.risk]
      }`,
    );
  // A decision taken under a stricter reading than the EDPB's says so, so that no one cites it as the rule.
  if (profile === 'strict')
    parts.push(sv ? 'en striktare läsning än EDPB:s' : 'a stricter reading than the EDPB’s');
  return parts.length > 0
    ? parts.join('; ')
    : sv
      ? 'tar inte ställning till anmälan eller underrättelse'
      : 'does not rule on notifying the authority or the people';
}

/** Why a precedent is close, in words, from what it shares with the breach (`Precedent.alike`). */
export function describeAlike(alike: PrecedentAlike, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const parts: string[] = [];
  parts.push(
    alike.sameRecipient
      ? `${sv ? 'samma slags mottagare' : 'the same kind of recipient'} (${RECIPIENT_LABELS[locale][alike.recipient]})`
      : `${sv ? 'mottagaren var' : 'the recipient was'} ${RECIPIENT_LABELS[locale][alike.recipient]}`,
  );
  if (alike.sharedKinds.length > 0)
    parts.push(
      `${sv ? 'samma slags uppgifter' : 'the same kinds of data'} (${alike.sharedKinds.map((kind) => KIND_LABELS[locale][kind]).join(', ')})`,
    );
  const people =
    alike.dataSubjects === 1
      ? sv
        ? 'en person'
        : 'one person'
      : `${alike.dataSubjects} ${sv ? 'personer' : 'people'}`;
  parts.push(
    alike.similarSize
      ? `${sv ? 'ett liknande antal berörda' : 'a similar number of people'} (${people})`
      : people,
  );
  if (alike.removedAsHere)
    parts.push(
      sv ? 'uppgifterna raderades eller återlämnades, som här' : 'the data was deleted or returned, as here',
    );
  return parts.join('; ');
}
