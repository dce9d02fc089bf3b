import type {
  BreachDecision,
  DecisionConclusions,
  DecisionSource,
  Precedent,
  PrecedentAlike,
  SourceLabel,
} from './breach-decision.js';
import type { BreachFacts, Recipient, Regime } from './breach-facts.js';
import type { DataCategory } from './data/data-categories.js';

/** The kinds of data regulators weigh, each category in one (what the similarity compares). */
type Kind =
  | 'identity'
  | 'financial'
  | 'health'
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
  // Health and the other special categories (GDPR Art. 9(1): political opinions, religion, ...) are
  // different kinds: a decision on political opinions is no precedent for a pregnancy test.
  health: 'health',
  'special-category': 'sensitive',
};

const KIND_LABELS: Readonly<Record<'sv' | 'en', Readonly<Record<Kind, string>>>> = {
  sv: {
    identity: 'personnummer eller id-handling',
    financial: 'ekonomiska uppgifter',
    health: 'hälsouppgifter',
    sensitive: 'särskilda kategorier av personuppgifter (artikel 9)',
    credentials: 'inloggningsuppgifter',
    location: 'plats- eller trafikuppgifter',
    contact: 'namn och kontaktuppgifter',
    order: 'beställningar',
    insurance: 'försäkringsuppgifter',
  },
  en: {
    identity: 'identity numbers',
    financial: 'financial data',
    health: 'health data',
    sensitive: 'special categories of data (Art. 9)',
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
    'other-organisation': 'en annan organisation',
    'unknown-individual': 'en privatperson utanför organisationen',
    public: 'allmänheten eller många mottagare',
  },
  en: {
    internal: 'someone inside the organisation',
    trusted: 'a known recipient who can be held to account',
    'other-organisation': 'another organisation',
    'unknown-individual': 'a private person outside the organisation',
    public: 'the public or many recipients',
  },
};

const CHANNEL_WORDS: Readonly<
  Record<'sv' | 'en', Readonly<Record<NonNullable<BreachFacts['channel']>, string>>>
> = {
  sv: { email: 'med e-post', post: 'med post', sms: 'med sms' },
  en: { email: 'by e-mail', post: 'by post', sms: 'by text message' },
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
// Recipients next to each other in trust: inside against trusted, another organisation against a
// trusted one or a private person (it lies between them, WP250 rev.01 section IV.B), one person
// against many.
const CLOSE_RECIPIENTS: readonly (readonly [Recipient, Recipient])[] = [
  ['internal', 'trusted'],
  ['trusted', 'other-organisation'],
  ['other-organisation', 'unknown-individual'],
  ['unknown-individual', 'public'],
];
const close = (a: Recipient, b: Recipient) =>
  a === b ||
  CLOSE_RECIPIENTS.some(([one, other]) => (a === one && b === other) || (a === other && b === one));

type Afterwards = NonNullable<PrecedentAlike['afterwards']>;
type Conclusion = NonNullable<PrecedentAlike['differsOn']>[number];

/**
 * What happened to the data next, the fact that most often decides the outcome: a message that came
 * back unopened was never disclosed (GDPR Art. 4(12)); data deleted or recovered at once leaves little
 * risk (EDPB Guidelines 01/2021, Cases No. 09 and 13); encryption protects only while its key is safe
 * (Case No. 16, GDPR Art. 34(3)(a)).
 */
function afterwardsOf(facts: BreachFacts): Afterwards {
  if (facts.returnedUnopened === true) return 'returned-unopened';
  if (facts.keyExposed === true) return 'key-exposed';
  if (facts.encrypted === true) return 'encrypted';
  return removed(facts) ? 'removed' : 'none';
}

/** How alike two "what happened next" are: the same, or near (data back in the controller's hands). */
function afterwardsScore(a: Afterwards, b: Afterwards): number {
  if (a === b) return 4;
  const back = new Set<Afterwards>(['returned-unopened', 'removed']);
  return back.has(a) && back.has(b) ? 2.5 : 0;
}

// The kinds regulators treat as high in themselves, whoever received them (EDPB Guidelines 9/2022,
// para. 89; UODO DKN.5131.1.2024 on identity numbers at a bank bound by secrecy).
const HIGH_KINDS: ReadonlySet<Kind> = new Set([
  'identity',
  'financial',
  'health',
  'sensitive',
  'credentials',
  'location',
]);

/** The data reached the public or many recipients: published, or sent to a group in CC. */
function wide(decision: BreachDecision): boolean {
  return decision.facts.recipient === 'public' || decision.kind === 'cc-instead-of-bcc';
}

/** This breach reached the public or many recipients: published, or addresses shown to each other in CC. */
function reachedManyHere(facts: BreachFacts): boolean {
  return facts.recipient === 'public' || facts.exposure === 'cc';
}

/** The publication kinds cited as precedents: a guidance page or a press statement is not a decision. */
const CITABLE = new Set(['decision', 'case-study']);

// The label a link is preferred by: the authority's own first, a press report last.
const SOURCE_ORDER: Readonly<Record<SourceLabel, number>> = {
  authority: 0,
  'authority-copy': 1,
  'edpb-summary': 2,
  gdprhub: 3,
  translation: 4,
  'law-firm': 5,
  commentary: 6,
  news: 7,
};

interface Match {
  readonly decision: BreachDecision;
  readonly score: number;
  readonly sameRecipient: boolean;
  /** 0 for the same recipient, 1 for a close one (inside against trusted, one person against many), 2 otherwise. */
  readonly recipientGap: number;
  /** How many bands of size apart the numbers of people are (see `sizeBand`): 0 for a similar number. */
  readonly sizeGap: number;
  /** The data held a kind high in itself on one side only (political opinions there, none here). */
  readonly kindsDiffer: boolean;
  /**
   * The decision turned on what this breach lacks: a kind of data high in itself, or a circumstance
   * that raised its risk (the recipient's malicious intent, vulnerable people, a risk to safety).
   */
  readonly turnedOnWhatIsNotHere: boolean;
  readonly shared: readonly Kind[];
  readonly onlyThere: readonly Kind[];
  readonly reachedMany: boolean;
  readonly sameRegime: boolean;
  /** The decision's rule is one this breach falls under too (`sameRegime`, or the GDPR for a telecom). */
  readonly regimeApplies: boolean;
  /** Decided under the GDPR, which did not yet apply on the day of this breach (Art. 99(2)). */
  readonly gdprNotInForce: boolean;
  readonly sameSize: boolean;
  /** Both channels are known and differ (a letter there, an e-mail here). */
  readonly otherChannel: boolean;
  readonly afterwards: Afterwards;
  readonly sameAfterwards: boolean;
  readonly sameConclusion: boolean | null;
  readonly differsOn: readonly Conclusion[];
  /** Put last as the other reading (see `PrecedentAlike.otherReading`). */
  readonly otherReading?: boolean;
  /**
   * Decided by the supervisory authority of the organisation's own country (or of another country whose
   * authority is notified, `AssessedConclusions.countries`), on a close recipient,
   * about as many people, the same channel where both are known, and on data of the kinds that decide
   * (a kind high in itself shared, none on either side, or less here than in a decision that found no
   * risk).
   */
  readonly ownAuthority: boolean;
  /**
   * For a letter back unopened, what happened next there was the same or near it (data deleted or
   * recovered): a decision on data a stranger kept is no reading of a letter nobody opened.
   */
  readonly afterwardsFit: boolean;
}

/** What the assessment concluded, to put first the decisions that concluded the same. */
export interface AssessedConclusions {
  readonly notifyAuthority: boolean;
  readonly notifyDataSubjects: boolean;
  /** The code of the reason that decided the risk level (`many-people`): its basis is cited first. */
  readonly decidingReason?: string | undefined;
  /** The reading applied: under the default one, a decision taken under a stricter reading comes last. */
  readonly profile?: 'default' | 'strict' | undefined;
  /**
   * The conclusions under GDPR Art. 33 and 34 alone, where the GDPR applies to this breach: a
   * telecom after 25 May 2018 notifies under Regulation 611/2013 and under the GDPR, and a decision
   * taken under the GDPR alone is compared with the GDPR conclusion.
   */
  readonly gdpr?: { readonly notifyAuthority: boolean; readonly notifyDataSubjects: boolean } | undefined;
  /**
   * The conclusions are open (a message nobody could read, `Decision.provisional`): what the rules
   * give from no data is no conclusion for a decision to agree with, so the decisions are ranked by
   * the facts alone.
   */
  readonly open?: boolean | undefined;
  /**
   * The countries whose authorities the breach is notified to, besides `facts.country`: a decision of
   * any of them is an own authority's (IMY's and the ICO's both, for a Swedish shop that notifies the
   * ICO too), since each reads the notification it receives (GDPR Art. 55(1); UK GDPR Art. 55(1)).
   */
  readonly countries?: readonly string[] | undefined;
}

/**
 * The published decisions and case studies closest to a breach. What decided their outcome weighs
 * most: what happened to the data next (back unopened, deleted, key exposed), who received it, and
 * whether it was of a kind high in itself (identity numbers, money, health); then the decisions that
 * reached the conclusion the assessment reached; then the surface (the other kinds of data, the
 * number of people, the regime). Guidance and press statements are never listed. The same facts
 * always give the same list (ties go to the authority's own words, then the newer, then the id).
 */
export function findPrecedents(
  facts: BreachFacts,
  decisions: readonly BreachDecision[],
  locale: 'sv' | 'en',
  assessed?: AssessedConclusions,
  count = 3,
): Precedent[] {
  const kinds = new Set(facts.dataCategories.map((category) => KIND[category]));
  const high = [...kinds].filter((kind) => HIGH_KINDS.has(kind));
  const here = afterwardsOf(facts);
  const ownCountries = new Set([
    ...(facts.country === undefined ? [] : [facts.country]),
    ...(assessed?.countries ?? []),
  ]);
  const matches: Match[] = [];
  for (const decision of decisions) {
    if (!CITABLE.has(decision.documentKind ?? 'decision')) continue;
    // Data made public is close only to decisions where the data reached the public or many (a
    // list published, a message sent to a hundred in CC), not to a letter that reached one person:
    // the number of people who can read it is what the risk turns on (EDPB Guidelines 9/2022,
    // para. 89 on the ease of identification and the number of recipients).
    const reachedMany = wide(decision);
    if (facts.recipient === 'public' && !reachedMany) continue;
    const { conclusions } = decision;
    // A decision that rules on none of the three (a case study of the disclosure itself, a fine for
    // it) supports no conclusion on notifying: it is no comparable decision, and is not listed.
    if (
      conclusions.notifyAuthority === null &&
      conclusions.notifyDataSubjects === null &&
      conclusions.risk === null
    )
      continue;
    const other = decision.facts;
    const theirs = new Set(other.dataCategories.map((category) => KIND[category]));
    const theirHigh = [...theirs].filter((kind) => HIGH_KINDS.has(kind));
    // A decision whose data held a kind high in itself that this breach does not (political
    // opinions in AP PVV Overijssel, arrears in the DPC's broadband case) turned on that kind: it is
    // not the same data as a name and an order, whatever contact details both held.
    const onlyThere = theirHigh.filter((kind) => !kinds.has(kind));
    const theirAfterwards = afterwardsOf(other);
    const union = new Set([...kinds, ...theirs]).size;
    const sharedHigh = high.filter((kind) => theirs.has(kind)).length;
    const highUnion = new Set([...high, ...theirHigh]).size;
    const sameRecipient = other.recipient === facts.recipient;
    const sizeGap = Math.abs(sizeBand(other.dataSubjects) - sizeBand(facts.dataSubjects));
    const otherChannel =
      facts.channel !== undefined && other.channel !== undefined && other.channel !== facts.channel;
    const afterwards = theirAfterwards;
    const flags = (
      key: 'maliciousIntent' | 'vulnerableDataSubjects' | 'recipientBoundBySecrecy' | 'safetyRisk',
    ) => ((other[key] === true) === (facts[key] === true) ? 0.5 : 0);
    // The duty to notify differs by regime: under Regulation 611/2013 every breach is notified, under
    // the GDPR only one not unlikely to result in a risk (Art. 33(1)). A conclusion reached under a
    // rule this breach does not fall under is no agreement with this one, nor a contrary reading of
    // it; a decision under the GDPR alone is compared with this breach's GDPR conclusion where the
    // GDPR applies here too (a telecom after 25 May 2018 notifies under both).
    const sameRegime = other.regimes.includes('eprivacy') === facts.regimes.includes('eprivacy');
    const gdprOnly = !other.regimes.includes('eprivacy') && other.regimes.includes('gdpr');
    const comparable = sameRegime ? assessed : gdprOnly ? assessed?.gdpr : undefined;
    const regimeApplies = sameRegime || comparable !== undefined;
    const compared = assessed?.open === true ? undefined : comparable;
    // The assessment gives no GDPR conclusion for a breach under the GDPR regime only when the GDPR did
    // not yet apply on its day (GDPR Art. 99(2)): a decision under the GDPR alone then rests on rules
    // this breach was not judged by.
    // A decision under the GDPR and Regulation 611/2013 rests on the GDPR too where this breach is not
    // a telecom's (611/2013 Art. 1 applies to providers of electronic communications services only).
    const restsOnGdpr = gdprOnly || (other.regimes.includes('gdpr') && !facts.regimes.includes('eprivacy'));
    const gdprNotInForce =
      restsOnGdpr && assessed !== undefined && facts.regimes.includes('gdpr') && assessed.gdpr === undefined;
    // A decision under a rule this breach does not fall under (the ICO's PECR penalty to SSE, for a
    // shop under the GDPR alone) that states no risk level supports none of this report's
    // conclusions: its duty to notify is another rule's (Regulation 611/2013 Art. 2(1) notifies every
    // breach), so it can neither agree nor differ, and is not cited beside an assessment.
    if (assessed !== undefined && !regimeApplies && conclusions.risk === null) continue;
    // Agreement on each conclusion both state: the authority notified (or not) as the assessment does.
    const stated = (
      compared !== undefined
        ? ([
            ['notifyAuthority', conclusions.notifyAuthority, compared.notifyAuthority],
            ['notifyDataSubjects', conclusions.notifyDataSubjects, compared.notifyDataSubjects],
          ] as const)
        : []
    ).filter(
      (entry): entry is readonly [Conclusion, boolean, boolean] =>
        entry[1] !== null && entry[2] !== undefined,
    );
    const differsOn = stated.filter(([, theirs, ours]) => theirs !== ours).map(([which]) => which);
    const agreed = stated.length - differsOn.length;
    const sameConclusion = stated.length === 0 ? null : agreed === stated.length;
    // A decision that found no risk, or no duty to notify, although its data held kinds high in
    // themselves beyond this breach's (health and debts in the ICO's case study 2, pay in
    // Datatilsynet's payslip example) supports the same for less data all the more: its conclusion did
    // not turn on those kinds, so they do not set it apart (a maiore ad minus). Only where nothing
    // else was better there: the same kind of recipient, and the same happened next or nothing did
    // (APD 52/2024's identity numbers were deleted at once; a name kept by a stranger is not less);
    // and not against the conclusion reached, where it is the other reading, not support for it.
    const noBetterThere =
      other.recipient === facts.recipient && (theirAfterwards === here || theirAfterwards === 'none');
    const lenient =
      conclusions.risk === 'unlikely' ||
      (conclusions.risk === null &&
        conclusions.notifyAuthority === false &&
        conclusions.notifyDataSubjects !== true);
    const aFortiori =
      onlyThere.length > 0 &&
      lenient &&
      noBetterThere &&
      sameConclusion !== false &&
      high.every((kind) => theirs.has(kind));
    const turnedOnThem = aFortiori ? [] : onlyThere;
    // Where it did, only the kinds high in themselves that both held (health data in both) are still
    // the same data; the contact details beside them are not what either turned on.
    const shared = [...kinds].filter(
      (kind) => theirs.has(kind) && (turnedOnThem.length === 0 || HIGH_KINDS.has(kind)),
    );
    // A letter that came back unopened disclosed nothing (GDPR Art. 4(12)): what it held reached
    // nobody, so the kinds high in themselves did not decide it, and a decision is compared with it on
    // what happened next and who was meant to receive it (EDPB Guidelines 01/2021, Case No. 13).
    const kindsDecide = here !== 'returned-unopened';
    const score =
      // What decided the outcome.
      afterwardsScore(here, afterwards) +
      (sameRecipient ? 3 : close(other.recipient, facts.recipient) ? 1.5 : 0) +
      (!kindsDecide || (high.length === 0 && theirHigh.length === 0)
        ? 3
        : high.length > 0 && theirHigh.length > 0
          ? 1.5 + (1.5 * sharedHigh) / highUnion
          : 0) +
      flags('maliciousIntent') +
      flags('vulnerableDataSubjects') +
      flags('recipientBoundBySecrecy') +
      flags('safetyRisk') +
      // The same conclusion: a precedent the officer can cite for what the assessment says.
      1.5 * agreed -
      1.5 * (stated.length - agreed) +
      // The surface.
      (1.5 * shared.length) / union -
      1.5 * turnedOnThem.length +
      // One person against a hundred (AP PVV Overijssel's 101 recipients) is another breach: the number
      // of people weighs in the severity (EDPB Guidelines 9/2022, para. 89; ENISA 2013 section 3).
      (sizeGap === 0 ? 1 : sizeGap === 1 ? 0.5 : sizeGap === 2 ? 0 : -1) +
      (other.regimes.includes('eprivacy') === facts.regimes.includes('eprivacy') ? 0.5 : 0);
    matches.push({
      decision,
      score,
      sameRecipient,
      recipientGap: sameRecipient ? 0 : close(other.recipient, facts.recipient) ? 1 : 2,
      kindsDiffer: turnedOnThem.length > 0 || high.some((kind) => !theirs.has(kind)),
      turnedOnWhatIsNotHere:
        turnedOnThem.length > 0 ||
        (!lenient &&
          (['maliciousIntent', 'vulnerableDataSubjects', 'safetyRisk'] as const).some(
            (key) => other[key] === true && facts[key] !== true,
          )),
      shared,
      onlyThere,
      reachedMany,
      sameRegime,
      regimeApplies,
      gdprNotInForce,
      sameSize: sizeGap === 0,
      sizeGap,
      otherChannel,
      afterwards,
      sameAfterwards: afterwards === here,
      sameConclusion,
      differsOn,
      afterwardsFit: kindsDecide || afterwardsScore(here, afterwards) > 0,
      // The own authority's reading is the one to cite first only for a breach like the one it judged:
      // a file sent to 2,813 customers (IMY's Indecap) is no reading of one letter to one stranger, so
      // the number of people must be near (EDPB Guidelines 9/2022, para. 89; ENISA 2013 section 2),
      // a decision where the data reached many counts only for a breach that reached many too, and a
      // letter is not read by a decision on an e-mail.
      ownAuthority:
        (kindsDecide || afterwardsScore(here, afterwards) > 0) &&
        ownCountries.has(decision.country) &&
        close(other.recipient, facts.recipient) &&
        sizeGap <= 1 &&
        (!reachedMany || reachedManyHere(facts)) &&
        !otherChannel &&
        (sharedHigh > 0 || (high.length === 0 && theirHigh.length === 0) || aFortiori),
    });
  }
  // A precedent must support the rule that decided the case: the decisions that rule rests on come
  // first, but only where they are as close in the data and the recipient. A decision on data of
  // another kind (political opinions, arrears) or that reached another kind of recipient turned on
  // that, and is not the case to cite however many people it concerned (EDPB Guidelines 9/2022,
  // para. 89: the type of data and who can read it come before the number of people); it competes by
  // score, where the kinds and the recipient weigh more than the number of people. Under the default
  // reading a decision marked as a stricter one comes after every default-reading one (its
  // `decided` says it is stricter), so it is never cited as the rule.
  // A decision under the GDPR, for a breach before the GDPR applied, comes after every decision under
  // the rules that did apply (its `why` says so).
  // With the conclusions open, no rule decided the case yet: the reason the rules give from no data
  // puts nothing first.
  // A decision of the organisation's own supervisory authority on a close recipient and the data
  // that decides comes before those of other authorities: it is the reading the authority that
  // receives the notification has given itself (GDPR Art. 55(1): each authority supervises its own
  // territory), and the one the officer filing it is asked about first.
  // Addresses shown to each other (`exposure: 'cc'`) are the breach the decisions on CC instead of BCC
  // judged: they come before decisions on a message to one wrong address (EDPB Guidelines 01/2021
  // section 7; the DPC's and the AP's CC cases), after the readings above that rank first.
  // The other way round, a message about one person or a few to one wrong address is read first
  // against the decisions on one wrong address: a group that saw each other's addresses is another
  // breach, of many recipients and many people. A breach of many people's data not shown to each
  // other (a list sent to one stranger) is still read against them by the rule and the score.
  // A decision whose data held a kind high in itself that this breach's did not (UODO's ERGO Hestia,
  // a PESEL number; HDPA's Piraeus Bank, financial data) turned on that kind: it comes after the
  // decisions on the same plain data whatever the channel (EDPB Cases No. 13 and 16 for an order
  // confirmation), since the type of data weighs before how it went astray (EDPB Guidelines 9/2022,
  // para. 89; ENISA 2013 section 2, where the data processing context sets the base score). So does a
  // decision that turned on a circumstance this breach lacks (the DPC's Tusla letter reached a
  // malicious recipient and vulnerable people; the ICO's case 1 put someone's safety at risk: ENISA
  // 2013 section 2.3, the circumstances of the breach), and a decision on another kind of recipient (EDPB Case No. 09's colleague at a bound organisation for
  // a stranger here): who can read the data is what the risk turns on, before the channel.
  // A decision about another channel than this breach's (a letter against an e-mail, an SMS) comes
  // after those about the same channel, where both are known: who can open a letter in a letterbox,
  // an inbox or a phone is what the recipient's reach turns on (EDPB Guidelines 01/2021 judge the
  // misposted letters, Cases No. 13 and 16, apart from the misdirected e-mails, Nos. 14 and 15).
  // Among the decisions on a group in CC, for a group in CC, the one of the nearest size comes first,
  // before the own authority's and the rule's: how many saw the addresses is what sets one CC breach
  // apart from another (EDPB Guidelines 9/2022, para. 89; AP PVV Overijssel's 101 recipients against
  // APD 62/2022's 16 parents), where the kinds of data and the recipient are the same for all of them.
  const groupHere = facts.exposure === 'cc';
  const plainHere = high.length === 0 && here !== 'returned-unopened' && !groupHere;
  const tier = (match: Match): number[] => {
    const groupThere = match.decision.kind === 'cc-instead-of-bcc';
    return [
      match.gdprNotInForce ? 1 : 0,
      (assessed?.profile ?? 'default') === 'default' && match.decision.profile === 'strict' ? 1 : 0,
      (groupHere && !groupThere) ||
      (groupThere && !reachedManyHere(facts) && sizeBand(facts.dataSubjects) <= 1)
        ? 1
        : 0,
      plainHere && match.turnedOnWhatIsNotHere ? 1 : 0,
      match.otherChannel ? 1 : 0,
      groupHere && groupThere ? match.sizeGap : 0,
      match.ownAuthority ? 0 : 1,
      assessed?.open !== true &&
      assessed?.decidingReason !== undefined &&
      match.decision.decidingReason === assessed.decidingReason &&
      !match.kindsDiffer &&
      match.recipientGap < 2
        ? 0
        : 1,
    ];
  };
  const byTier = (a: Match, b: Match) => {
    const [first, second] = [tier(a), tier(b)];
    return first.reduce((order, value, index) => order || value - (second[index] ?? 0), 0);
  };
  matches.sort(
    (a, b) =>
      byTier(a, b) ||
      b.score - a.score ||
      CONFIDENCE_ORDER[a.decision.confidence] - CONFIDENCE_ORDER[b.decision.confidence] ||
      (a.decision.date < b.decision.date ? 1 : a.decision.date > b.decision.date ? -1 : 0) ||
      (a.decision.id < b.decision.id ? -1 : a.decision.id > b.decision.id ? 1 : 0),
  );
  // The officer sees the other reading too: where none of the closest went the other way on
  // notifying, the closest decision under the same rule that did takes the last place, a stricter
  // reading included (UODO's P4 decision for a subscriber's name, phone and e-mail), which is what
  // the other reading is; it is chosen by closeness alone, not by the rule the assessment applied.
  const chosen = matches.slice(0, count);
  if (
    count > 1 &&
    assessed !== undefined &&
    assessed.open !== true &&
    !chosen.some((match) => match.sameConclusion === false)
  ) {
    const contrary = matches
      .slice(count)
      // The other reading is one of the same circumstances: a decision where the data stayed with a
      // stranger is not the other reading of a letter that came back unopened.
      .filter((match) => match.sameConclusion === false && match.afterwardsFit)
      // Of the same channel first, as the closest are (tier above): a misposted letter is not the
      // other reading of an e-mail where an e-mail that went the other way is at hand.
      .reduce<Match | undefined>(
        (best, match) =>
          best === undefined ||
          (best.otherChannel && !match.otherChannel) ||
          (best.otherChannel === match.otherChannel && match.score > best.score)
            ? match
            : best,
        undefined,
      );
    if (contrary !== undefined) chosen[chosen.length - 1] = contrary;
  }
  // Only one is the closest that went the other way: the first listed of those that did.
  const firstContrary = chosen.findIndex((match) => match.sameConclusion === false);
  const marked = chosen.map((match, index) =>
    index === firstContrary && assessed?.open !== true ? { ...match, otherReading: true } : match,
  );
  return marked.map((match) => {
    const { decision } = match;
    const alike = alikeOf(match, facts);
    const source = preferredSource(decision.sources ?? []);
    return {
      id: decision.id,
      authority: decision.authority,
      country: decision.country,
      reference: decision.reference,
      ...(source === undefined ? {} : { source }),
      documentKind: decision.documentKind ?? 'decision',
      document: decision.document,
      ...(decision.summarySv === undefined ? {} : { summarySv: decision.summarySv }),
      date: decision.date,
      ...(decision.dateIsDecision === undefined ? {} : { dateIsDecision: decision.dateIsDecision }),
      conclusions: decision.conclusions,
      regimes: [...decision.facts.regimes],
      ...(decision.profile === undefined ? {} : { profile: decision.profile }),
      decided: describeConclusions(decision.conclusions, locale, decision.profile),
      why: describeAlike(alike, locale),
      alike,
    };
  });
}

/** The link to cite: the authority's own where there is one, else the closest to its words. */
function preferredSource(sources: readonly DecisionSource[]): DecisionSource | undefined {
  return [...sources].sort((a, b) => SOURCE_ORDER[a.label] - SOURCE_ORDER[b.label])[0];
}

function alikeOf(match: Match, facts: BreachFacts): PrecedentAlike {
  return {
    recipient: match.decision.facts.recipient,
    sameRecipient: match.sameRecipient,
    sharedKinds: [...match.shared],
    kindsOnlyThere: [...match.onlyThere],
    reachedMany: match.reachedMany,
    sameRegime: match.sameRegime,
    ...(match.regimeApplies && !match.sameRegime ? { regimeApplies: true } : {}),
    ...(match.gdprNotInForce ? { gdprNotInForce: true } : {}),
    ...(match.decision.facts.channel === undefined ? {} : { channel: match.decision.facts.channel }),
    ...(facts.channel === undefined ? {} : { channelHere: facts.channel }),
    dataSubjects: match.decision.facts.dataSubjects,
    similarSize: match.sameSize,
    removedAsHere: removed(match.decision.facts) && removed(facts),
    afterwards: match.afterwards,
    sameAfterwards: match.sameAfterwards,
    afterwardsHere: afterwardsOf(facts),
    sameConclusion: match.sameConclusion,
    ...(match.differsOn.length > 0 ? { differsOn: [...match.differsOn] } : {}),
    ...(match.otherReading === true ? { otherReading: true as const } : {}),
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
      `risk: ${
        sv
          ? { unlikely: 'osannolik', risk: 'en risk, men inte hög', high: 'hög' }[conclusions.risk]
          : { unlikely: 'unlikely', risk: 'a risk, not a high one', high: 'high' }[conclusions.risk]
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

/**
 * The rules a precedent was decided under, said with it: a conclusion on notifying under Regulation
 * 611/2013 (every breach, Art. 2) is not one under the GDPR (Art. 33 and 34, by risk).
 */
export function describeRegimes(regimes: readonly Regime[], locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const names = regimes.includes('eprivacy')
    ? [
        sv ? 'förordning 611/2013' : 'Regulation 611/2013',
        ...(regimes.includes('gdpr') ? [sv ? 'dataskyddsförordningen' : 'the GDPR'] : []),
      ]
    : [sv ? 'dataskyddsförordningen, artikel 33 och 34' : 'the GDPR, Art. 33 and 34'];
  return `${sv ? 'beslutat enligt' : 'decided under'} ${names.join(sv ? ' och ' : ' and ')}`;
}

/** Why a precedent is close, in words, from what it shares with the breach (`Precedent.alike`). */
export function describeAlike(alike: PrecedentAlike, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const parts: string[] = [];
  if (alike.gdprNotInForce === true)
    parts.push(
      sv
        ? 'beslutat enligt dataskyddsförordningen, som ännu inte tillämpades när denna incident inträffade'
        : 'decided under the GDPR, which did not yet apply when this breach happened',
    );
  // The line is read as what the two share: what differs says so, never standing as a likeness (a
  // bank that received the data is no likeness to a colleague, nor 52 364 people to one).
  parts.push(
    alike.sameRecipient
      ? `${sv ? 'samma slags mottagare' : 'the same kind of recipient'} (${RECIPIENT_LABELS[locale][alike.recipient]})`
      : sv
        ? `där var mottagaren ${RECIPIENT_LABELS[locale][alike.recipient]}, en annan slags mottagare än här`
        : `there the recipient was ${RECIPIENT_LABELS[locale][alike.recipient]}, another kind than here`,
  );
  // The channel is said where both record it: a letter is not read as an e-mail.
  if (alike.channel !== undefined && alike.channelHere !== undefined)
    parts.push(
      alike.channel === alike.channelHere
        ? sv
          ? `skickat på samma sätt (${CHANNEL_WORDS.sv[alike.channel]})`
          : `sent the same way (${CHANNEL_WORDS.en[alike.channel]})`
        : sv
          ? `där skickades uppgifterna ${CHANNEL_WORDS.sv[alike.channel]}, inte ${CHANNEL_WORDS.sv[alike.channelHere]} som här`
          : `there the data was sent ${CHANNEL_WORDS.en[alike.channel]}, not ${CHANNEL_WORDS.en[alike.channelHere]} as here`,
    );
  if (alike.sharedKinds.length > 0)
    parts.push(
      `${sv ? 'samma slags uppgifter' : 'the same kinds of data'} (${alike.sharedKinds.map((kind) => KIND_LABELS[locale][kind]).join(', ')})`,
    );
  if ((alike.kindsOnlyThere ?? []).length > 0) {
    const held = (alike.kindsOnlyThere ?? [])
      .map((kind) => KIND_LABELS[locale][kind])
      .join(sv ? ' och ' : ' and ');
    parts.push(
      sv
        ? // Said of what was recorded: the data found in a message may miss a kind it held.
          `där omfattade uppgifterna även ${held}, vilket inte har angetts här`
        : `there the data also held ${held}, which was not recorded here`,
    );
  }
  const people =
    alike.dataSubjects === 1
      ? sv
        ? 'en person'
        : 'one person'
      : `${formatCount(alike.dataSubjects, locale)} ${sv ? 'personer' : 'people'}`;
  parts.push(
    alike.similarSize
      ? `${sv ? 'ett liknande antal berörda' : 'a similar number of people'} (${people})`
      : sv
        ? `där berördes ${people}, ett annat antal än här`
        : `there ${people} ${alike.dataSubjects === 1 ? 'was' : 'were'} affected, another number than here`,
  );
  const afterwards = describeAfterwards(alike, sv);
  if (afterwards !== undefined) parts.push(afterwards);
  // What happened next decided the precedent (EDPB Guidelines 01/2021, Case No. 13: no notification
  // because the parcels were recovered); where that is absent here, its conclusion is no support for
  // this one, and the line says what differs instead of "the same conclusion".
  const missing = missingCircumstance(alike, sv);
  if (missing !== undefined) parts.push(missing);
  if (alike.sameConclusion === false)
    parts.push(
      `${sv ? 'myndigheten kom till en annan slutsats än denna bedömning' : 'the authority concluded otherwise than this assessment'} ${describeDiffersOn(alike, locale)}${
        alike.otherReading === true
          ? sv
            ? ': det närmaste beslutet som gick åt andra hållet'
            : ': the closest decision that went the other way'
          : ''
      }`,
    );
  if (alike.sameConclusion === true)
    parts.push(
      missing !== undefined
        ? sv
          ? 'myndighetens slutsats om anmälan stämmer med denna bedömnings, men vilade på det'
          : 'the authority’s conclusion on notifying matches this assessment’s, but rested on that'
        : sv
          ? 'myndigheten drog samma slutsats om anmälan som denna bedömning'
          : 'the authority reached the same conclusion on notifying as this assessment',
    );
  return parts.join('; ');
}

/**
 * The conclusions a precedent reached otherwise, named ("on telling the people"), and under the GDPR
 * where only that regime's conclusion was compared: a telecom notifies the authority under Regulation
 * 611/2013 whatever the risk, so "decided differently" alone would read as a difference on filing.
 */
export function describeDiffersOn(alike: PrecedentAlike, locale: 'sv' | 'en'): string {
  const sv = locale === 'sv';
  const names = {
    notifyAuthority: sv ? 'om anmälan till myndigheten' : 'on notifying the authority',
    notifyDataSubjects: sv ? 'om att underrätta de berörda' : 'on telling the people',
  };
  const which = alike.differsOn ?? ['notifyAuthority', 'notifyDataSubjects'];
  const said = which.map((conclusion) => names[conclusion]).join(sv ? ' och ' : ' and ');
  return alike.regimeApplies === true
    ? `${said} ${sv ? 'enligt dataskyddsförordningen' : 'under the GDPR'}`
    : said;
}

/**
 * A number as the language writes it: Swedish groups thousands with a space (52 364, Språkrådet,
 * Svenska skrivregler), English with a comma (52,364).
 */
function formatCount(count: number, locale: 'sv' | 'en'): string {
  return count.toLocaleString(locale === 'sv' ? 'sv-SE' : 'en-GB');
}

/** The deciding circumstance of the precedent (what happened next there) where it is absent here. */
function missingCircumstance(alike: PrecedentAlike, sv: boolean): string | undefined {
  const { afterwards, afterwardsHere } = alike;
  if (afterwards === undefined || afterwardsHere === undefined) return undefined;
  if (afterwards === 'none' || afterwards === afterwardsHere) return undefined;
  // Deleted or recovered there and back unopened here (or the reverse) is near enough.
  const back = new Set<Afterwards>(['returned-unopened', 'removed']);
  if (back.has(afterwards) && back.has(afterwardsHere)) return undefined;
  const say = (swedish: string, english: string) => (sv ? swedish : english);
  return {
    removed: say(
      'där raderades eller återfanns uppgifterna, vilket de inte gjorde här',
      'there the data was deleted or recovered, which it was not here',
    ),
    'returned-unopened': say(
      'där kom försändelsen tillbaka oöppnad, vilket den inte gjorde här',
      'there it came back unopened, which it did not here',
    ),
    encrypted: say(
      'där var uppgifterna krypterade, vilket de inte var här',
      'there the data was encrypted, which it was not here',
    ),
    'key-exposed': say(
      'där följde nyckeln med uppgifterna, vilket den inte gjorde här',
      'there the key went with the data, which it did not here',
    ),
  }[afterwards];
}

/** What happened next there, said where it matches or nearly matches what happened here. */
function describeAfterwards(alike: PrecedentAlike, sv: boolean): string | undefined {
  const say = (swedish: string, english: string) => (sv ? swedish : english);
  const { afterwards, afterwardsHere } = alike;
  // A precedent stored before `afterwards` was recorded says only what `removedAsHere` says.
  if (afterwards === undefined || afterwardsHere === undefined)
    return alike.removedAsHere
      ? say('uppgifterna raderades eller återlämnades, som här', 'the data was deleted or returned, as here')
      : undefined;
  if (afterwards === afterwardsHere)
    return {
      'returned-unopened': say(
        'försändelsen kom tillbaka oöppnad, som här',
        'it came back unopened, as here',
      ),
      removed: say(
        'uppgifterna raderades eller återlämnades, som här',
        'the data was deleted or returned, as here',
      ),
      'key-exposed': say('nyckeln följde med uppgifterna, som här', 'the key went with the data, as here'),
      encrypted: say('uppgifterna var krypterade, som här', 'the data was encrypted, as here'),
      none: undefined,
    }[afterwards];
  if (afterwards === 'removed' && afterwardsHere === 'returned-unopened')
    return say(
      'uppgifterna raderades eller återfanns, nära att komma tillbaka oöppnade som här',
      'the data was deleted or recovered, close to coming back unopened as here',
    );
  if (afterwards === 'returned-unopened' && afterwardsHere === 'removed')
    return say(
      'försändelsen kom tillbaka oöppnad, nära raderingen eller återlämnandet här',
      'it came back unopened, close to the deletion or return here',
    );
  if (afterwards === 'none')
    return say(
      'där raderades eller återfanns uppgifterna inte',
      'there the data was neither deleted nor recovered',
    );
  return undefined;
}

const SOURCE_LABELS: Readonly<Record<'sv' | 'en', Readonly<Record<SourceLabel, string>>>> = {
  sv: {
    authority: 'myndighetens eget dokument',
    'authority-copy': 'myndighetens text, återgiven på annan webbplats',
    'edpb-summary': 'EDPB:s sammanfattning',
    gdprhub: 'sammanfattning på GDPRhub',
    translation: 'maskinöversättning',
    'law-firm': 'advokatbyråns sammanfattning',
    commentary: 'kommentators sammanfattning',
    news: 'pressuppgift',
  },
  en: {
    authority: 'the authority’s own document',
    'authority-copy': 'the authority’s text, republished elsewhere',
    'edpb-summary': 'EDPB summary',
    gdprhub: 'GDPRhub summary',
    translation: 'machine translation',
    'law-firm': 'law firm summary',
    commentary: 'commentator’s summary',
    news: 'press report',
  },
};

/**
 * Where to read a precedent, with what the link leads to (the authority's own document, a GDPRhub
 * summary, a law firm's, a machine translation), so that no summary passes for the authority's words.
 */
export function describeSource(
  precedent: Pick<Precedent, 'reference' | 'source'>,
  locale: 'sv' | 'en',
): string {
  return precedent.source === undefined
    ? precedent.reference
    : `${precedent.source.url} (${SOURCE_LABELS[locale][precedent.source.label]})`;
}

/**
 * The decision as the report names it: in Swedish its Swedish summary, or where it has none, the
 * citation quoted as it is and marked untranslated; in English the citation.
 */
export function describeDocument(
  precedent: Pick<Precedent, 'document' | 'summarySv'>,
  locale: 'sv' | 'en',
): string {
  if (locale === 'en') return precedent.document;
  // The summary is a sentence of its own; in the line it is followed by the date.
  return precedent.summarySv?.replace(/\.$/, '') ?? `”${precedent.document}” (citerat oöversatt)`;
}
