import { HeldMessageNotLockedError, isEmailGuardError } from '../errors.js';
import type { Finding, Locale, Verdict } from '../guard/verdict.js';
import type { ReleaseResult } from '../nodemailer/hold-store.js';
import {
  type ReleaseNeed,
  releaseNeedError,
  releaseNeedOf,
  releaseNeeds,
} from '../nodemailer/release-needs.js';
import { comparableAddress } from '../pipeline/comparable-address.js';
import { correctedRecipients } from '../pipeline/corrected-recipients.js';
import { namedOnce } from '../pipeline/named-once.js';
import type { ServerContext } from './create-server.js';
import { type Problem, problem } from './problem-details.js';

/** What a release asks: the corrected recipients (when any), who releases it and why. */
export interface ReleaseRequest {
  readonly to?: string | readonly string[] | undefined;
  /** Corrected copy recipients, written in a `Cc` field of their own. */
  readonly cc?: string | readonly string[] | undefined;
  /** Corrected blind copies: in the envelope only, never shown to the other recipients. */
  readonly bcc?: string | readonly string[] | undefined;
  /** The corrected recipients are new to the customer and were confirmed as theirs. */
  readonly confirmNew?: boolean | undefined;
  readonly by: string;
  readonly reason: string;
  /** Release it although an earlier release was started and never ended (checked in the mail server's log). */
  readonly force?: boolean | undefined;
  /** Release it although the directory knows fewer customers than the check that held it (FewerCustomersError). */
  readonly fewerCustomers?: boolean | undefined;
}

/** A recipient the check stopped a release for, with the findings that stopped it. */
export interface StoppedRecipient {
  readonly address: string;
  readonly findings: readonly Finding[];
}

function stoppedRecipients(recipients: readonly unknown[]): StoppedRecipient[] {
  return recipients.flatMap((recipient) => {
    const { address, verdict } = recipient as { address?: unknown; verdict?: Verdict };
    if (typeof address !== 'string' || !verdict) return [];
    const findings = verdict.findings.filter((finding) => finding.action !== 'send');
    return verdict.action === 'send' && findings.length === 0 ? [] : [{ address, findings }];
  });
}

/**
 * Releases a held message through the hold store's own `release`, which sends it at most once
 * even when two requests race (the second finds the entry locked or gone) and checks the final
 * recipients again through the transporter's `nodemailerGuard`. Every way it can fail is a problem
 * the API and the review page both answer with; nothing is sent then and the message stays held.
 */
export async function releaseHeld(
  context: ServerContext,
  id: string,
  request: ReleaseRequest,
  locale: Locale = context.locale,
): Promise<
  | { readonly released: ReleaseResult }
  | {
      readonly problem: Problem;
      readonly stopped?: readonly StoppedRecipient[];
      /** Why, and the way forward, in the reviewer's language, where the service has its own words. */
      readonly said?: ReleaseRefusalWords;
    }
> {
  const { holdStore, transporter } = context.options;
  if (!holdStore) return { problem: notConfigured('hold store', '--holds DIR') };
  if (!transporter) return { problem: notConfigured('SMTP server to release through', '--smtp URL') };
  const held = await holdStore.get(id).catch((error: unknown) => {
    if (isEmailGuardError(error, 'INVALID_INPUT')) return undefined;
    throw error;
  });
  if (!held) return { problem: noSuchMessage() };
  // Started and never ended: the message may be with the recipient already, as `holds release` says.
  if (!request.force && (await context.options.releasesInDoubt?.())?.has(id)) return { problem: inDoubt() };
  // Every reason the release would be refused that the held message alone decides, by the rule the
  // release itself refuses on (releaseNeeds). The guard behind the transporter is not at hand here:
  // what only it can say the release refuses on the same rule, and is worded below the same way.
  const corrected = correctedRecipients(request);
  const [need] = await releaseNeeds(held, {
    ...(corrected.length === 0 ? {} : { to: corrected }),
    ...(request.fewerCustomers ? { fewerCustomers: true } : {}),
  });
  if (need) return lacking(need, id, locale);
  try {
    const released = await holdStore.release(id, transporter, {
      // Each field as given (To stays To, Bcc stays Bcc): the store writes no blind copy in the
      // header. Each mailbox once, in the first field naming it, as `holds release` sends it.
      ...namedOnce(request),
      ...(request.confirmNew ? { confirmNew: true } : {}),
      by: request.by,
      reason: request.reason,
      ...(request.force ? { force: true } : {}),
      ...(request.fewerCustomers ? { fewerCustomers: true } : {}),
    });
    return { released };
  } catch (error) {
    // Refused by the release on the rule asked above, for what only its guard can say (the
    // verification store, the customers it knows, the verified addresses), or what changed meanwhile.
    const refusedFor = releaseNeedOf(error);
    if (refusedFor) return lacking(refusedFor, id, locale);
    if (
      isEmailGuardError(error, 'RECIPIENT_BLOCKED') ||
      isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
    ) {
      // The recipients and why, in words: the error's own message is for a developer (it names
      // the hold id and the library's option), not for the reviewer or the caller.
      const stopped = stoppedRecipients((error as unknown as { recipients: readonly unknown[] }).recipients);
      const said = stopped.map(
        (recipient) =>
          `${recipient.address}: ${recipient.findings.map((finding) => `${finding.message} (${finding.code})`).join('; ')}`,
      );
      return {
        problem: problem(
          'recipient-blocked',
          422,
          // A new address is refused only until someone confirms it: say how, as holds release does.
          isEmailGuardError(error, 'RECIPIENT_NEEDS_CONFIRMATION')
            ? 'A recipient is new to the customer; the message stays held until it is released with "confirmNew": true once the address is confirmed as theirs'
            : 'A recipient does not pass the check; the message stays held',
          {
            detail: said.join(' | ') || error.message,
            field: 'body.to',
            errors: said.map((message) => ({ field: 'body.to', message })),
          },
        ),
        stopped,
      };
    }
    if (isEmailGuardError(error, 'INVALID_INPUT')) {
      const issues = (
        error as unknown as { issues: { path: (string | number)[]; message: string; code?: string }[] }
      ).issues;
      // A blind copy typed into To or Cc: refused before anything is sent, the field named.
      const shown = issues.filter((issue) => issue.code === 'blind-copy-shown');
      if (shown.length > 0)
        return {
          problem: problem(
            'invalid-input',
            400,
            'An address held as a blind copy (Bcc) would be shown to every recipient; give it as bcc',
            {
              detail: shown.map((issue) => issue.message).join(' | '),
              errors: shown.map((issue) => ({
                field: fieldAsSent(issue.path, request),
                message: issue.message,
              })),
            },
          ),
        };
      const errors = issues.map((issue) => ({
        field: fieldAsSent(issue.path, request),
        message: issue.message,
      }));
      return {
        problem: problem('invalid-input', 400, 'The corrected recipients cannot be read', {
          detail: errors.map(({ field, message }) => `${field}: ${message}`).join(' | ') || error.message,
          ...(errors[0] ? { field: errors[0].field } : {}),
          errors,
        }),
      };
    }
    // A store that cannot take the lock (no right to write, a full disk) is not another request
    // holding it: the server's handler answers 503 hold-store-unavailable with the cause.
    if (error instanceof HeldMessageNotLockedError) throw error;
    if (isEmailGuardError(error, 'HOLD_STORE_FAILED')) {
      return {
        problem: problem('conflict', 409, 'The message is being released or discarded, or is gone', {
          detail: 'another request has it; list the held messages again',
          field: 'params.id',
        }),
      };
    }
    if (isEmailGuardError(error, 'AUDIT_LOG_FAILED')) return { problem: auditLogFailed() };
    if (isEmailGuardError(error)) throw error;
    return {
      problem: problem('send-failed', 502, 'The SMTP server did not take the message; it stays held'),
    };
  }
}

/**
 * The request's field an issue of the store's release is about: the store names its option
 * (`options.to.1`) and counts in the list it was given, each mailbox once (`namedOnce`), so a
 * duplicate before the address would shift the index; the request calls it `body.to.2`, counted as
 * sent, and a field sent as one string `body.to`.
 */
function fieldAsSent(path: readonly (string | number)[], request: ReleaseRequest): string {
  const [, name, index] = path;
  if ((name === 'to' || name === 'cc' || name === 'bcc') && typeof index === 'number') {
    const sent = request[name];
    const kept = namedOnce(request)[name]?.[index];
    if (typeof sent === 'string') return `body.${name}`;
    // namedOnce keeps a mailbox where it is first named: the first address of this field that is it.
    const asSent =
      kept === undefined || sent === undefined
        ? -1
        : sent.findIndex((address) => comparableAddress(address) === comparableAddress(kept));
    if (asSent >= 0) return `body.${name}.${asSent}`;
  }
  return ['body', ...path.filter((part) => part !== 'options')].join('.');
}

/**
 * The problem for a release refused for what releaseNeeds names, with the recipients it concerns, in
 * the reviewer's language where the words are the service's own.
 */
function lacking(
  need: ReleaseNeed,
  id: string,
  locale: Locale,
): {
  readonly problem: Problem;
  readonly stopped?: readonly StoppedRecipient[];
  readonly said?: ReleaseRefusalWords;
} {
  const words = RELEASE_WORDS[locale];
  switch (need.code) {
    case 'customer':
      // No field of the request gives a customer: the order is sent again naming one. The problem
      // stays in English for a program; the page says the same in the reviewer's language.
      return {
        problem: problem('recipient-blocked', 422, RELEASE_WORDS.en.noCustomer.title, {
          detail: RELEASE_WORDS.en.noCustomer.detail,
        }),
        said: words.noCustomer,
      };
    case 'envelope-recipients':
      return {
        problem: problem('invalid-input', 400, 'The message was held with no envelope; give its recipients', {
          detail: releaseNeedError(need, id, locale)?.message ?? '',
          field: 'body.to',
          errors: [{ field: 'body.to', message: 'give the recipients to release it to' }],
        }),
      };
    case 'answer-field':
      return {
        problem: problem(
          'recipient-blocked',
          422,
          'A recipient does not pass the check; the message stays held',
          {
            detail: words.answerField(need.fields.join(', ')),
          },
        ),
        stopped: stoppedRecipients(need.recipients),
      };
    case 'corrected-recipients': {
      const stopped = stoppedRecipients(need.recipients);
      return {
        problem: problem('invalid-input', 400, 'A blocked message is released only to corrected recipients', {
          detail: stopped
            .map(({ address, findings }) => `${address}: ${findings.map(({ code }) => code).join(', ')}`)
            .join(' | '),
          field: 'body.to',
          errors: [{ field: 'body.to', message: 'give the corrected recipients' }],
        }),
        stopped,
      };
    }
    case 'stopped-when-held': {
      const stopped = stoppedRecipients(need.recipients);
      const named = stopped.map(({ address }) => address).join(', ');
      return {
        problem: problem(
          'recipient-blocked',
          422,
          'A recipient does not pass the check; the message stays held',
          {
            // Each finding that stopped it, in the words the hold wrote (a withheld correction says why).
            detail: need.inNames
              ? words.nameStands(named)
              : `${words.findingStands(named)}: ${stopped
                  .map(
                    ({ address, findings }) =>
                      `${address}: ${findings.map(({ message, code }) => `${message} (${code})`).join('; ')}`,
                  )
                  .join(' | ')}`,
            field: 'body.to',
          },
        ),
        stopped,
      };
    }
    case 'verification-store':
      // No request can mend it, only the server's store (with --database, the schema's is used).
      return {
        problem: problem(
          'not-configured',
          503,
          typeof need.heldWith === 'string'
            ? 'The server reads another verification store than the check that held this message'
            : 'The verification store the check that held this message read cannot be named',
          {
            detail:
              typeof need.heldWith === 'string'
                ? `${releaseNeedError(need, id)?.message}; start email-guard serve with --verifications DIR naming the store the check read (with --database, the schema's verification store is used)`
                : (releaseNeedError(need, id)?.message ?? ''),
          },
        ),
      };
    case 'enough-customers':
      return { problem: fewerCustomers(releaseNeedError(need, id, locale)?.message ?? '') };
    case 'customer-in-directory':
      // Said by the rule asked with a guard; the release's own check refuses it as lookup-failed.
      return {
        problem: problem(
          'recipient-blocked',
          422,
          'A recipient does not pass the check; the message stays held',
          {
            detail: words.customerMissing(need.customerId),
          },
        ),
      };
    case 'verified-addresses':
      return { problem: verifiedAddressesNeeded() };
  }
}

/**
 * The service's own words for a refused release, in the reviewer's language (as `holds release`
 * says them on the command line): a display name that showed another address, a stop found when
 * the message was held, an answer field.
 */
/** A refused release said in the reviewer's language: why (`title`) and the way forward (`detail`). */
export interface ReleaseRefusalWords {
  readonly title: string;
  readonly detail: string;
}

const RELEASE_WORDS = {
  en: {
    noCustomer: {
      title:
        'No customer was known when the message was held, so no recipient can pass the check; it stays held',
      detail:
        'its customer lookup failed (lookup-failed) and no customer id was kept: send the order again naming its customer, and discard this one',
    },
    nameStands: (named: string) =>
      `${named} was held because its display name showed another address, not for the address behind the name, and what the check that held it stopped stays stopped at release while the message still shows that address; discard the message and send it again with no other address in a display name`,
    findingStands: (named: string) =>
      `${named} was found blocked or another customer's address when the message was held, and a check now cannot clear that (the customers given may be out of date); release it to a corrected address that passes the check`,
    answerField: (fields: string) =>
      `another customer's address is named in ${fields}, which a release sends as held: a release corrects the recipients, not ${fields}. Discard the message and send it again with the company's own address there`,
    customerMissing: (customer: string) =>
      `the customer ${customer} is not in the customer directory the release is checked against`,
  },
  sv: {
    noCustomer: {
      title:
        'Ingen kund var känd när meddelandet stoppades, så ingen mottagare kan klara kontrollen; det ligger kvar',
      detail:
        'kundens uppslag misslyckades (lookup-failed) och inget kund-id sparades: skicka ordern igen med kunden angiven, och kasta det här meddelandet',
    },
    nameStands: (named: string) =>
      `${named} stoppades för att visningsnamnet visade en annan adress, inte för adressen bakom namnet, och det som kontrollen stoppade står kvar vid släppet så länge meddelandet visar den adressen; kasta meddelandet och skicka det igen utan någon annan adress i ett visningsnamn`,
    findingStands: (named: string) =>
      `${named} var stoppad eller en annan kunds adress när meddelandet stoppades, och en kontroll nu kan inte häva det (kunderna som finns nu kan vara inaktuella); släpp det till en rättad adress som klarar kontrollen`,
    answerField: (fields: string) =>
      `en annan kunds adress står i ${fields}, som ett släpp skickar som det stoppades: ett släpp rättar mottagarna, inte ${fields}. Kasta meddelandet och skicka det igen med företagets egen adress där`,
    customerMissing: (customer: string) =>
      `kunden ${customer} finns inte i kundregistret som släppet kontrolleras mot`,
  },
} as const satisfies Record<Locale, unknown>;

/**
 * The problem for a release whose guard lacks the verified addresses the check that held the
 * message knew: no request can mend it (503, as a server started without its hold store).
 */
function verifiedAddressesNeeded(): Problem {
  return notConfigured(
    'verified addresses, which the check that held this message knew',
    "--verifications DIR (with --database, the schema's verification store is used)",
  );
}

/**
 * The problem for a release or discard refused because its audit line could not be written (fail
 * closed: nothing was sent or removed). 503: the service cannot account for the decision now.
 */
export function auditLogFailed(): Problem {
  return problem('audit-log-failed', 503, 'The audit log cannot be written; the message stays held', {
    detail: 'nothing was sent or discarded; try again once the audit log can be written',
  });
}

/** The problem for a release refused because an earlier one was started and never ended. */
function inDoubt(): Problem {
  return problem(
    'release-in-doubt',
    409,
    'An earlier release of this message was started and never ended; it may have been sent',
    {
      detail:
        'check the mail server\'s log; release it again with "force": true only if it was not delivered',
      field: 'body.force',
    },
  );
}

/**
 * The problem for a release refused because the service's customer directory knows fewer customers
 * than the check that held the message (FewerCustomersError, whose message names both counts in the
 * guard's language): 409, the server's state and not the request is at fault, and the same request
 * goes through once the directory is whole again.
 */
function fewerCustomers(detail: string): Problem {
  return problem(
    'fewer-customers',
    409,
    'The customer directory knows fewer customers than when the message was held; it stays held',
    { detail, field: 'body.fewerCustomers' },
  );
}

/** The problem for a hold id the store does not have. */
export function noSuchMessage(): Problem {
  return problem('not-found', 404, 'There is no held message with that id', { field: 'params.id' });
}

/** The problem for a route the server was started without the means for. */
export function notConfigured(what: string, option: string): Problem {
  return problem('not-configured', 503, `The server has no ${what}`, {
    detail: `start email-guard serve with ${option}`,
  });
}
