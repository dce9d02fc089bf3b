import { type CredentialKind, onlyLoginCodes } from './breach-facts.js';
import type { MisdirectedEmailMeasureId } from './data/report-texts.js';

/** The facts a usual measure's premise is judged against. */
export interface PremiseFacts {
  readonly dataCategories?: readonly string[] | undefined;
  readonly credentialKinds?: readonly CredentialKind[] | undefined;
  readonly credentialsExpired?: boolean | undefined;
  readonly encrypted?: boolean | undefined;
  readonly keyExposed?: boolean | undefined;
  readonly recipient?: string | undefined;
  readonly returnedUnopened?: boolean | undefined;
  /** How many addresses a message sent to many at once went to (`incident.misdirected.recipients`). */
  readonly misdirected?: { readonly recipients?: number | undefined } | undefined;
}

/**
 * What a usual measure takes for granted:
 * - `login`: login details in the data that are more than the password of an encrypted attachment
 *   sent along (`keyExposed`: that password opens no account, WP250 rev.01 section IV.A);
 * - `live-login`: such login details that still open the account: not expired or voided before
 *   they could be used (`credentialsExpired`), so there is something left to make invalid;
 * - `password-login`: such login details that are more than one-time login codes (a code expires by
 *   itself and is replaced by a new one, NIST SP 800-63B §5.1.3: no password to change);
 * - `key-sent`: the attachment's password went with it, so the attachment is as good as unencrypted
 *   (GDPR Art. 34(3)(a); WP250 rev.01 section IV.A), and its password is what is taken out of use;
 * - `no-key-sent`: the opposite, where a check for login passwords sent is what fits;
 * - `received`: someone received it; a message that came back unopened reached nobody to ask, and
 *   nothing in it was read (GDPR Art. 4(12));
 * - `one-recipient`: it went to a recipient and a wrong address, not to the public: published data
 *   has no one recipient to ask and no wrong address on file;
 * - `one-address`: it went to one wrong address, not to a group sent to at once (a Cc list): there
 *   every address was right, and none is to be removed (GDPR Art. 5(1)(d): no measure for a
 *   mistake that was not made).
 */
export type MeasurePremise =
  | 'login'
  | 'live-login'
  | 'password-login'
  | 'key-sent'
  | 'no-key-sent'
  | 'received'
  | 'one-recipient'
  | 'one-address';

/** Whether each premise holds for the facts recorded. */
export function premisesHolding(facts: PremiseFacts): Readonly<Record<MeasurePremise, boolean>> {
  const keySent = facts.encrypted === true && facts.keyExposed === true;
  const login = (facts.dataCategories ?? []).includes('credentials') && !keySent;
  const live = login && facts.credentialsExpired !== true;
  return {
    login,
    'live-login': live,
    'password-login': live && !onlyLoginCodes(facts.credentialKinds),
    'key-sent': keySent,
    'no-key-sent': !keySent,
    received: facts.returnedUnopened !== true,
    'one-recipient': facts.recipient !== 'public',
    'one-address': facts.misdirected?.recipients === undefined,
  };
}

/**
 * The premises of each usual measure, said once: `proposed` are those without which the report does
 * not propose it; `done` those without which it cannot have been done (a measure marked done against
 * them is refused, GDPR Art. 5(1)(d)). A new password is not judged when done: the seed's operator
 * reset the customer's password as a precaution, with none exposed; a login made invalid for a
 * message that came back is a precaution too.
 */
export const measurePremises: Readonly<
  Partial<
    Record<
      MisdirectedEmailMeasureId,
      { readonly proposed: readonly MeasurePremise[]; readonly done: readonly MeasurePremise[] }
    >
  >
> = {
  'recall-and-delete': { proposed: ['received', 'one-recipient'], done: ['received', 'one-recipient'] },
  'return-or-destroy-letter': {
    proposed: ['received', 'one-recipient'],
    done: ['received', 'one-recipient'],
  },
  'contact-recipient-again': { proposed: ['received', 'one-recipient'], done: ['received', 'one-recipient'] },
  'correct-address': { proposed: ['one-recipient', 'one-address'], done: ['one-recipient'] },
  'correct-postal-address': { proposed: ['one-recipient'], done: ['one-recipient'] },
  'check-password-reset': { proposed: ['received', 'no-key-sent'], done: [] },
  'invalidate-login': { proposed: ['live-login', 'received'], done: ['login'] },
  'new-password': { proposed: ['password-login'], done: [] },
  'retire-attachment-password': { proposed: ['key-sent'], done: [] },
};

/** The first premise of `id` the facts deny, for a measure `proposed` or `done`; `undefined` when none. */
export function deniedPremise(
  id: string,
  as: 'proposed' | 'done',
  holding: Readonly<Record<MeasurePremise, boolean>>,
): MeasurePremise | undefined {
  return measurePremises[id as MisdirectedEmailMeasureId]?.[as].find((premise) => !holding[premise]);
}
